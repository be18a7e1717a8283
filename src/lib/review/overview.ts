import type { BuildManifest } from '../build/manifest.ts';
import { compareReview, countReview, groupReview, type ReviewStatus } from './status.ts';

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
    .sort(compareReview);
}

/** Counts per status, and of documents changed since approval. */
export const overviewCounts = countReview;

/** Rows grouped by owner or approval body, groups in name order, rows overdue first. */
export const groupRows = (rows: readonly OverviewRow[], key: 'owner' | 'approvalBody') => groupReview(rows, key);

/** The overview's views: path segment → grouping key. */
export const OVERVIEW_VIEWS = { all: undefined, ejere: 'owner', godkendelsesorganer: 'approvalBody' } as const;
