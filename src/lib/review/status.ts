import { addDays } from '../util/dates.ts';

/** Review state of a document on a given day. */
export type ReviewStatus = 'current' | 'due-soon' | 'overdue';

/** The review status of a document with `nextReview` on `today`; undefined for drafts without a date. */
export function reviewStatus(nextReview: string | undefined, today: string, dueSoonDays: number): ReviewStatus | undefined {
  if (!nextReview) return undefined;
  if (nextReview < today) return 'overdue';
  if (nextReview <= addDays(today, dueSoonDays)) return 'due-soon';
  return 'current';
}

/** Sort rank so that overdue comes first, then due soon, then current. */
export const REVIEW_RANK: Record<ReviewStatus, number> = { overdue: 0, 'due-soon': 1, current: 2 };

/** The facts review ordering and counting need, e.g. `{ status: "overdue", nextReview: "2026-01-31", title: "Kryptering" }`. */
export interface Reviewed {
  status: ReviewStatus;
  nextReview: string;
  title: string;
  /** True or false when Git could tell; null or absent when it could not. */
  changedSinceApproval?: boolean | null;
}

/** The one review order of the overview and the report: overdue first, then by next review date and title. */
export function compareReview(a: Reviewed, b: Reviewed): number {
  return REVIEW_RANK[a.status] - REVIEW_RANK[b.status] || a.nextReview.localeCompare(b.nextReview) || a.title.localeCompare(b.title, 'da');
}

/** Counts per status, and of documents changed since approval. */
export function countReview(rows: readonly Reviewed[]): Record<ReviewStatus | 'changedSinceApproval', number> {
  const counts = { overdue: 0, 'due-soon': 0, current: 0, changedSinceApproval: 0 };
  for (const r of rows) {
    counts[r.status]++;
    if (r.changedSinceApproval) counts.changedSinceApproval++;
  }
  return counts;
}

/** Rows grouped by a key (owner, approval body), groups in Danish name order, rows in review order. */
export function groupReview<T extends Reviewed, K extends keyof T>(rows: readonly T[], key: K): { name: T[K]; rows: T[] }[] {
  const names = [...new Set(rows.map((r) => r[key]))].sort((a, b) => String(a).localeCompare(String(b), 'da'));
  return names.map((name) => ({ name, rows: rows.filter((r) => r[key] === name).sort(compareReview) }));
}
