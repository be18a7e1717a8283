/** The handbook's approval log: every approval of every document of the edition, newest first, and its CSV. */
import type { BuildManifest } from '../build/manifest.ts';
import type { ApprovalRecord } from '../git/versions.ts';
import { csvText } from '../soa/csv.ts';
import type { Strings } from '../../strings/da.ts';

/** One row of the log: an approval and the document's current id and title. */
export interface LogRow extends ApprovalRecord {
  /** The document's collection id today, e.g. `politikker/adgangspolitik`. */
  id: string;
  /** The document's title today, e.g. `Adgangspolitik`. */
  currentTitle: string;
  /** The approval's place among the document's approvals, oldest first, e.g. `0`, and their number, e.g. `3`. */
  index: number;
  count: number;
}

/** Every approval of the given documents, newest first (then by title). */
export function approvalLog(manifest: Pick<BuildManifest, 'docs'>, docs: readonly { id: string; title: string }[]): LogRow[] {
  return docs
    .flatMap((d) => {
      const approvals = manifest.docs[d.id]?.git?.approvals ?? [];
      return approvals.map((a, index) => ({ ...a, id: d.id, currentTitle: d.title, index, count: approvals.length }));
    })
    .sort((a, b) => b.approvedOn.localeCompare(a.approvedOn) || a.currentTitle.localeCompare(b.currentTitle, 'da'));
}

/** A URL path segment for an approval body, e.g. `IT-sikkerhedsgruppen` → `it-sikkerhedsgruppen`. */
export function bodySlug(body: string): string {
  const danish: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };
  return body
    .toLowerCase()
    .replace(/[æøå]/g, (c) => danish[c]!)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `#12` for a GitHub pull request, `!12` for a GitLab merge request. */
export const requestLabel = (r: NonNullable<ApprovalRecord['request']>) => `${r.host === 'gitlab' ? '!' : '#'}${r.number}`;

/** The log as CSV for the committee's minutes and the auditor: one row per approval, the document's address last. */
export function approvalLogCsv(
  rows: readonly LogRow[],
  t: Strings,
  links: { doc: (id: string) => string; commit?: (hash: string) => string },
): string {
  const c = t.versions.columns;
  const header = [c.date, c.document, c.version, c.body, c.kind, c.owner, c.commit, c.authorDate, c.author, c.request, c.url];
  return csvText([
    header,
    ...rows.map((r) => [
      r.approvedOn,
      r.currentTitle,
      r.version ?? '',
      r.approvalBody,
      t.versions.kinds[r.kind],
      r.owner,
      links.commit ? links.commit(r.commit.hash) : r.commit.hash,
      r.commit.date,
      r.commit.author,
      r.request ? requestLabel(r.request) : '',
      links.doc(r.id),
    ]),
  ]);
}
