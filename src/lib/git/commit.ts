/** One commit that touched a document. */
export interface CommitInfo {
  hash: string;
  /** Author date as written in the commit, e.g. `2026-03-12`. */
  date: string;
  author: string;
  subject: string;
}
