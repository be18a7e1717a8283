/** The Statement of Applicability as data: rows per control, coverage per theme. Pure, no Astro. */
import { ANNEX_A_CONTROLS, ANNEX_A_THEMES, compareControlIds, type AnnexATheme } from '../../schemas/annex-a.ts';
import type { Decision } from '../../schemas/applicability.ts';
import type { OwnMeasure } from '../../schemas/measures.ts';
import type { ReviewStatus } from '../review/status.ts';

/** Site path of the Statement of Applicability page, relative to the edition's base. */
export const SOA_PATH = 'anvendelseserklaering/';
/** Site path of the CSV export for auditors. */
export const SOA_CSV_PATH = `${SOA_PATH}anvendelseserklaering.csv`;

/** A group of rows: one of the four Annex A themes or the organisation's own measures. */
export type SoaGroupKey = AnnexATheme | 'own';

/** Where a control stands: decided and implemented, or not. */
export type SoaState = 'covered' | 'not-covered' | 'excluded' | 'undecided';

/** A document as the SoA needs it. */
export interface SoaDoc {
  id: string;
  title: string;
  status: 'draft' | 'approved' | 'retired';
  controls: readonly string[];
  review?: ReviewStatus;
  /** Language of the title when not Danish, e.g. `en`. */
  lang?: string;
}

/** One control or own measure with its decision and implementing documents. */
export interface SoaRow {
  id: string;
  title: string;
  group: SoaGroupKey;
  decision?: Decision;
  /** Documents naming it (drafts included when the edition holds them); only approved ones cover it. */
  docs: SoaDoc[];
  state: SoaState;
  /** Dispensations in force that touch it (intranet only), e.g. `[{ id: "dispensationer/x", title: "…", expires: "2027-03-31" }]`. */
  dispensations?: { id: string; title: string; expires?: string }[];
}

/** Counts of one group or of the whole statement. */
export interface SoaCounts {
  total: number;
  applicable: number;
  covered: number;
  notCovered: number;
  excluded: number;
  undecided: number;
}

/** One group with its rows and counts. */
export interface SoaGroup {
  key: SoaGroupKey;
  /** Anchor id of the group's section, e.g. `tema-5`. */
  anchor: string;
  rows: SoaRow[];
  counts: SoaCounts;
}

/** The whole statement. */
export interface SoaModel {
  groups: SoaGroup[];
  rows: SoaRow[];
  totals: SoaCounts;
}

/** What the statement is built from: own measures, decisions and whether to list only named controls. */
export interface SoaInput {
  measures: readonly OwnMeasure[];
  decisions: Readonly<Record<string, Decision>>;
  /** List only controls the documents name (the public edition: nothing about other controls). */
  onlyNamed?: boolean;
}

/** Anchor id of a control's row, e.g. `kontrol-5.1`. */
export function controlAnchor(id: string): string {
  return `kontrol-${id}`;
}

/** Site path of a control's row on the SoA page, e.g. `anvendelseserklaering/#kontrol-5.1`. */
export function controlPath(id: string): string {
  return `${SOA_PATH}#${controlAnchor(id)}`;
}

/** Anchor id of a group's section, e.g. `tema-5` or `egne-foranstaltninger`. */
export function groupAnchor(key: SoaGroupKey): string {
  return key === 'own' ? 'egne-foranstaltninger' : `tema-${key}`;
}

/** Decides a row's state: excluded and undecided first, then covered by at least one approved document. */
function stateOf(decision: Decision | undefined, docs: readonly SoaDoc[]): SoaState {
  if (!decision) return 'undecided';
  if (!decision.applicable) return 'excluded';
  return docs.some((d) => d.status === 'approved') ? 'covered' : 'not-covered';
}

/** Adds up the states of some rows. */
export function countRows(rows: readonly SoaRow[]): SoaCounts {
  const count = (state: SoaState) => rows.filter((r) => r.state === state).length;
  const covered = count('covered');
  const notCovered = count('not-covered');
  return {
    total: rows.length,
    applicable: covered + notCovered,
    covered,
    notCovered,
    excluded: count('excluded'),
    undecided: count('undecided'),
  };
}

/** Builds the statement: every Annex A control and own measure (or only the named ones) with documents and state. */
export function buildSoa(input: SoaInput, docs: readonly SoaDoc[]): SoaModel {
  const live = docs.filter((d) => d.status !== 'retired');
  const byControl = new Map<string, SoaDoc[]>();
  for (const doc of live) for (const id of new Set(doc.controls)) byControl.set(id, [...(byControl.get(id) ?? []), doc]);
  const catalogue: { id: string; title: string; group: SoaGroupKey }[] = [
    ...ANNEX_A_CONTROLS.map((c) => ({ id: c.id, title: c.title, group: c.theme as SoaGroupKey })),
    ...[...input.measures].sort((a, b) => compareControlIds(a.id, b.id)).map((m) => ({ id: m.id, title: m.title, group: 'own' as const })),
  ];
  const rows = catalogue
    .filter((c) => !input.onlyNamed || byControl.has(c.id))
    .map((c): SoaRow => {
      const rowDocs = byControl.get(c.id) ?? [];
      const decision = Object.hasOwn(input.decisions, c.id) ? input.decisions[c.id] : undefined;
      return { ...c, decision, docs: rowDocs, state: stateOf(decision, rowDocs) };
    });
  const keys: SoaGroupKey[] = [...ANNEX_A_THEMES.map((t) => t.theme), 'own'];
  const groups = keys
    .map((key) => ({ key, anchor: groupAnchor(key), rows: rows.filter((r) => r.group === key) }))
    .filter((g) => g.rows.length > 0 || (g.key !== 'own' && !input.onlyNamed))
    .map((g) => ({ ...g, counts: countRows(g.rows) }));
  return { groups, rows, totals: countRows(rows) };
}

/** Display name of a group, e.g. `5 Organisatoriske foranstaltninger`. */
export function groupName(key: SoaGroupKey, ownName: string): string {
  if (key === 'own') return ownName;
  return `${key} ${ANNEX_A_THEMES.find((t) => t.theme === key)!.name}`;
}
