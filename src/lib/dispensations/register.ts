/** The register of dispensations as data: one entry per granted or requested dispensation, with its status. Pure. */
import type { Handbook, HandbookDoc } from '../content/load.ts';
import { dispensationStatus, inForce, REGISTER_GROUPS, type DispensationStatus } from './status.ts';
import { isDispensation, requirementTarget } from './check.ts';

/** One dispensation in the register. */
export interface RegisterEntry {
  /** Collection id and site path, e.g. `dispensationer/kryptering-af-maaleudstyr`. */
  id: string;
  /** Path used in reports, e.g. `content/dispensationer/kryptering-af-maaleudstyr.mdx`. */
  file: string;
  title: string;
  status: Exclude<DispensationStatus, 'closed'>;
  /** The role holding the dispensation (its `owner`), e.g. `IT-driftschefen`. */
  holder: string;
  /** Who granted it (its `approvalBody`), e.g. `Informationssikkerhedsudvalget`. */
  approvalBody: string;
  approvedOn?: string;
  expires?: string;
  controls: string[];
  /** The document deviated from and the heading it names, e.g. `{ id: "retningslinjer/kryptering", anchor: "mobile-enheder" }`. */
  requirement: { id: string; title: string; anchor?: string; heading?: string };
  /** For an acute deviation: when it was decided and reported, e.g. `{ decidedOn: "2026-11-20" }`. */
  acute?: { decidedOn: string; reportedOn?: string };
  /** Whether it has a page in this edition: granted ones always, requests only with `HANDBOOK_DRAFTS=1`. */
  page: boolean;
}

/** The register an intranet build shows. */
export interface DispensationManifest {
  entries: RegisterEntry[];
}

/** Builds the register of a handbook's live dispensations against `today`; undefined when it has none. */
export function buildRegister(handbook: Handbook, today: string, drafts: boolean): DispensationManifest | undefined {
  const byFile = new Map(handbook.docs.map((d) => [d.file, d]));
  const entries = handbook.docs
    .filter((d) => isDispensation(d) && d.data.status !== 'retired')
    .map((d) => registerEntry(d, byFile, today, handbook.settings.dueSoonDays, drafts))
    .filter((e): e is RegisterEntry => e !== undefined)
    .sort(compareEntries);
  return entries.length ? { entries } : undefined;
}

/** One entry; undefined when its requirement cannot be resolved (which `check` reports as an error). */
function registerEntry(
  doc: HandbookDoc,
  byFile: ReadonlyMap<string, HandbookDoc>,
  today: string,
  dueSoonDays: number,
  drafts: boolean,
): RegisterEntry | undefined {
  const target = requirementTarget(doc, byFile);
  if ('error' in target) return undefined;
  const { data } = doc;
  const status = dispensationStatus(data, today, dueSoonDays) as RegisterEntry['status'];
  return {
    id: doc.id,
    file: doc.displayPath,
    title: data.title,
    status,
    holder: data.owner,
    approvalBody: data.approvalBody,
    ...(data.approvedOn && data.status === 'approved' && { approvedOn: data.approvedOn }),
    ...(data.expires && { expires: data.expires }),
    controls: [...data.controls],
    requirement: {
      id: target.target.id,
      title: target.target.data.title,
      ...(target.anchor && { anchor: target.anchor, heading: target.heading }),
    },
    ...(data.acute && data.decidedOn && { acute: { decidedOn: data.decidedOn, ...(data.reportedOn && { reportedOn: data.reportedOn }) } }),
    page: status !== 'requested' || drafts,
  };
}

/** Register order: by group, then soonest expiry, then title. */
function compareEntries(a: RegisterEntry, b: RegisterEntry): number {
  const rank = (e: RegisterEntry) => REGISTER_GROUPS.indexOf(e.status);
  return rank(a) - rank(b) || (a.expires ?? '').localeCompare(b.expires ?? '') || a.title.localeCompare(b.title, 'da');
}

/** The register grouped active / expiring / expired / requested, every group present (possibly empty). */
export function registerGroups(register: DispensationManifest): { key: (typeof REGISTER_GROUPS)[number]; entries: RegisterEntry[] }[] {
  return REGISTER_GROUPS.map((key) => ({ key, entries: register.entries.filter((e) => e.status === key) }));
}

/** The dispensations in force that deviate from a document. */
export function inForceFor(register: DispensationManifest | undefined, docId: string): RegisterEntry[] {
  return (register?.entries ?? []).filter((e) => inForce(e.status) && e.requirement.id === docId);
}

/** The dispensations in force that touch a control, e.g. `8.24`. */
export function inForceForControl(register: DispensationManifest | undefined, controlId: string): RegisterEntry[] {
  return (register?.entries ?? []).filter((e) => inForce(e.status) && e.controls.includes(controlId));
}
