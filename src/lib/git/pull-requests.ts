/** Pull and merge request numbers from commit messages, and which mainline merge brought each commit in. */

/** A pull request (GitHub, `#12`) or merge request (GitLab, `!12`) named by a commit message. */
export interface PullRequest {
  /** The number, e.g. `12`. */
  number: number;
  /** `github` for `#12`, `gitlab` for `!12`. */
  host: 'github' | 'gitlab';
}

/** The request a message names: `Merge pull request #12 from …`, a squash title `… (#12)`, or GitLab's `See merge request group/repo!12`. */
export function pullRequestOf(subject: string, body = ''): PullRequest | undefined {
  const merge = /^Merge pull request #(\d+)\b/.exec(subject);
  if (merge) return { number: Number(merge[1]), host: 'github' };
  const gitlab = /See merge request [\w./-]*!(\d+)/.exec(`${subject}\n${body}`);
  if (gitlab) return { number: Number(gitlab[1]), host: 'gitlab' };
  const squash = /\(#(\d+)\)\s*$/.exec(subject);
  if (squash) return { number: Number(squash[1]), host: 'github' };
  return undefined;
}

/** One commit of the log with its parents, newest first as `git log` gives them. */
export interface GraphCommit {
  hash: string;
  parents: string[];
  pr?: PullRequest;
}

/**
 * For every commit, the request that brought it into the main line: its own (a squash merge or a merge commit), or
 * that of the first mainline merge whose side branch holds it. Walks the first-parent line oldest first and marks
 * each commit once, so the whole graph costs one pass.
 */
export function requestsByCommit(commits: readonly GraphCommit[]): Map<string, PullRequest> {
  const byHash = new Map(commits.map((c) => [c.hash, c]));
  const mainline: GraphCommit[] = [];
  for (let c = commits[0]; c; c = byHash.get(c.parents[0] ?? '')) mainline.push(c);
  const seen = new Set<string>();
  const result = new Map<string, PullRequest>();
  for (const merge of mainline.reverse()) {
    seen.add(merge.hash);
    if (merge.pr) result.set(merge.hash, merge.pr);
    const stack = merge.parents.slice(1);
    while (stack.length) {
      const hash = stack.pop()!;
      if (seen.has(hash)) continue;
      seen.add(hash);
      const commit = byHash.get(hash);
      if (!commit) continue;
      const pr = commit.pr ?? merge.pr;
      if (pr) result.set(hash, pr);
      stack.push(...commit.parents);
    }
  }
  return result;
}
