import type { Settings } from '../../schemas/settings.ts';

type Repository = NonNullable<Settings['repository']>;

/** Links to a file and its commits on the repository host; GitHub and GitLab differ in URL shape. */
export function repoLinks(repo: Repository, repoPath: string) {
  const base = repo.url.replace(/\/+$/, '');
  const sep = repo.host === 'gitlab' ? '/-' : '';
  const file = repoPath.split('/').map(encodeURIComponent).join('/');
  return {
    edit: `${base}${sep}/edit/${repo.branch}/${file}`,
    history: `${base}${sep}/commits/${repo.branch}/${file}`,
    commit: (hash: string) => `${base}${sep}/commit/${hash}`,
    /** A pull request (GitHub) or merge request (GitLab) by number. */
    request: (number: number) => (repo.host === 'gitlab' ? `${base}/-/merge_requests/${number}` : `${base}/pull/${number}`),
  };
}
