/** Which approvals of a document get a page of their own (`/<folder>/<slug>/versioner/<approvedOn>/`), and which texts those pages need. */
import type { ApprovalRecord } from '../git/versions.ts';

/** What decides whether approval `index` of a document has a page. */
export interface PageRule {
  /** The document's approvals, oldest first. */
  approvals: readonly Pick<ApprovalRecord, 'kind'>[];
  /** Whether the body changed in a commit after the one that recorded the last approval (then the approved text is not the page's). */
  changedSinceApproval: boolean;
  /** `archivedVersions` from `handbook.yaml`: only the last N approvals have pages; undefined for all. */
  limit?: number;
}

/**
 * Whether approval `index` has a page. Every superseded approval has one (within `limit`). The approval in force has
 * one only when it shows something the document page does not: a text changed since, or the changes against the
 * previous version. Otherwise its page would repeat the document page (at 1,000 generated documents: 277 of the
 * 976 archived pages, 1.1 s of the intranet's page rendering), and its history row links to the document page.
 */
export function approvalHasPage({ approvals, changedSinceApproval, limit }: PageRule, index: number): boolean {
  const count = approvals.length;
  if (index < 0 || index >= count || (limit !== undefined && index < count - limit)) return false;
  if (index < count - 1) return true;
  return changedSinceApproval || (index > 0 && approvals[index]!.kind === 'new-version');
}

/** The approvals whose text the stage must archive: those with a page, and the one before each (for its changes). */
export function archivedIndexes(rule: PageRule): number[] {
  const wanted = new Set<number>();
  rule.approvals.forEach((_, i) => {
    if (!approvalHasPage(rule, i)) return;
    wanted.add(i);
    if (i > 0) wanted.add(i - 1);
  });
  return [...wanted].sort((a, b) => a - b);
}
