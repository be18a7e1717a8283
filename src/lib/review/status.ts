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
