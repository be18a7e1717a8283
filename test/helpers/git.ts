import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Runs git in a folder as `author` (default Anna Admin, `anna@example.org`) with the given author/committer date. */
export function gitAt(dir: string, date: string, args: string[], author = 'Anna Admin'): string {
  const stamp = `${date}T12:00:00+01:00`;
  const email = `${author.split(' ')[0]!.toLowerCase()}@example.org`;
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: email,
      GIT_AUTHOR_DATE: stamp,
      GIT_COMMITTER_DATE: stamp,
    },
  });
}

/** Makes `repo` a Git repository whose first commit, on `date`, holds everything in it. */
export function initRepo(repo: string, date: string, message = 'Første version af håndbogen'): void {
  gitAt(repo, date, ['init', '-q', '-b', 'main']);
  gitAt(repo, date, ['add', '-A']);
  gitAt(repo, date, ['commit', '-q', '-m', message]);
}

/** Edits a file with `change` and commits it on `date`. */
export function commitChange(repo: string, file: string, date: string, message: string, change: (text: string) => string): void {
  const full = path.join(repo, file);
  writeFileSync(full, change(readFileSync(full, 'utf8')));
  gitAt(repo, date, ['commit', '-q', '-am', message]);
}

/** A folder with a `git` that logs each call to `log` and then runs the real git: put it first on PATH. */
export function countingGit(dir: string, log: string): string {
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  mkdirSync(dir, { recursive: true });
  const wrapper = path.join(dir, 'git');
  writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return dir;
}
