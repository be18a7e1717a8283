import type { BuildManifest } from '../build/manifest.ts';
import { REVIEW_RANK, type ReviewStatus } from './status.ts';

/** A row of the review overview. */
export interface OverviewRow {
  id: string;
  title: string;
  owner: string;
  approvalBody: string;
  nextReview: string;
  status: ReviewStatus;
  changedSinceApproval: boolean;
}

/** The facts of a document the overview needs. */
interface OverviewDoc {
  id: string;
  title: string;
  entry: { data: { owner: string; approvalBody: string; nextReview?: string | undefined; status: string } };
}

/** Overview rows of the edition's approved documents, overdue first. */
export function overviewRows(manifest: BuildManifest, docs: readonly OverviewDoc[]): OverviewRow[] {
  return docs
    .filter((d) => d.entry.data.status === 'approved' && d.entry.data.nextReview && manifest.docs[d.id]?.review)
    .map((d) => ({
      id: d.id,
      title: d.title,
      owner: d.entry.data.owner,
      approvalBody: d.entry.data.approvalBody,
      nextReview: d.entry.data.nextReview!,
      status: manifest.docs[d.id]!.review!,
      changedSinceApproval: manifest.docs[d.id]?.git?.changedSinceApproval === true,
    }))
    .sort(
      (a, b) =>
        REVIEW_RANK[a.status] - REVIEW_RANK[b.status] || a.nextReview.localeCompare(b.nextReview) || a.title.localeCompare(b.title, 'da'),
    );
}

/** Counts per status, and of documents changed since approval. */
export function overviewCounts(rows: readonly OverviewRow[]): Record<ReviewStatus | 'changed', number> {
  const counts = { overdue: 0, 'due-soon': 0, current: 0, changed: 0 };
  for (const r of rows) {
    counts[r.status]++;
    if (r.changedSinceApproval) counts.changed++;
  }
  return counts;
}

/** Rows grouped by a key (owner or approval body), groups in name order, rows keeping their order. */
export function groupRows(rows: readonly OverviewRow[], key: 'owner' | 'approvalBody'): { name: string; rows: OverviewRow[] }[] {
  const names = [...new Set(rows.map((r) => r[key]))].sort((a, b) => a.localeCompare(b, 'da'));
  return names.map((name) => ({ name, rows: rows.filter((r) => r[key] === name) }));
}

/** The overview's views: path segment → grouping key. */
export const OVERVIEW_VIEWS = { all: undefined, ejere: 'owner', godkendelsesorganer: 'approvalBody' } as const;
