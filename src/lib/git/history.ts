import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { splitFrontmatter } from '../markdown/frontmatter.ts';

const execFileAsync = promisify(execFile);

/** One commit that touched a document. */
export interface CommitInfo {
  hash: string;
  /** Author date as written in the commit, e.g. `2026-03-12`. */
  date: string;
  author: string;
  subject: string;
}

/** What Git tells about one document. */
export interface GitDocInfo {
  /** Date of the last commit that touched the file. */
  lastChanged?: string;
  /** Path of the file inside the repository, for edit and history links. */
  repoPath?: string;
  /** The last commits that touched it, newest first (intranet only). */
  recent?: CommitInfo[];
  /** True when the body (not only the frontmatter) changed in a commit dated after `approvedOn`. */
  changedSinceApproval?: boolean;
}

/** Whether history was available for the whole handbook. */
export interface GitSummary {
  available: boolean;
  /** Why history is missing, in Danish, e.g. `ingen Git-historik (ikke et Git-repository)`. */
  reason?: string;
}

/** Git data for the whole handbook, keyed by file path inside the content folder. */
export interface GitData {
  summary: GitSummary;
  docs: Map<string, GitDocInfo>;
}

/** Runs git; with `runAsync` below, the one place git is spawned, so the number of calls stays fixed. */
function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs git without blocking. */
const runAsync = (cwd: string, args: string[]) =>
  execFileAsync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 }).then((r) => r.stdout);

const RECORD = '\x1e';
const FIELD = '\x1f';

/** The history `readGit` works from: the repository, the content folder's path in it, and `git log`'s output. */
export type GitLog = { top: string; prefix: string; log: string } | { unavailable: string };

const REV_PARSE = ['rev-parse', '--show-toplevel', '--is-shallow-repository'];

/** The one `git log` call: every commit that touched the content folder, with the blobs it changed. */
const logArgs = (prefix: string) => [
  '-c',
  'core.quotepath=off',
  'log',
  '--no-renames',
  '--raw',
  '--no-abbrev',
  `--format=${RECORD}%H${FIELD}%aI${FIELD}%an${FIELD}%s`,
  'HEAD',
  '--',
  prefix || '.',
];

/** The repository and the content folder's path in it, from `rev-parse`, or why there is no usable history. */
function repository(contentDir: string, revParse: string): { top: string; prefix: string } | { unavailable: string } {
  const [top = '', shallow = ''] = revParse.trim().split('\n');
  if (shallow === 'true') return { unavailable: 'ufuldstændig Git-historik (en shallow clone)' };
  return { top, prefix: path.relative(top, path.resolve(contentDir)).split(path.sep).join('/') };
}

const NO_REPOSITORY = { unavailable: 'ingen Git-historik (indholdet ligger ikke i et Git-repository)' };
const NO_COMMITS = { unavailable: 'ingen Git-historik (ingen commits endnu)' };

/** Reads the history: `rev-parse`, then one `git log`. */
export function readGitLog(contentDir: string): GitLog {
  let repo;
  try {
    repo = repository(contentDir, git(contentDir, REV_PARSE));
  } catch {
    return NO_REPOSITORY;
  }
  if ('unavailable' in repo) return repo;
  try {
    return { ...repo, log: git(repo.top, logArgs(repo.prefix)) };
  } catch {
    return NO_COMMITS;
  }
}

/** `readGitLog` without blocking, so the build reads the history while the documents are parsed. */
export async function readGitLogAsync(contentDir: string): Promise<GitLog> {
  const repo = await runAsync(contentDir, REV_PARSE).then(
    (out) => repository(contentDir, out),
    () => NO_REPOSITORY,
  );
  if ('unavailable' in repo) return repo;
  return runAsync(repo.top, logArgs(repo.prefix)).then(
    (log) => ({ ...repo, log }),
    () => NO_COMMITS,
  );
}

/** Reads Git data for every document in three git calls at most, whatever the number of documents. */
export function readGit(
  contentDir: string,
  approvedOn: ReadonlyMap<string, string | undefined>,
  recentCount = 5,
  history: GitLog = readGitLog(contentDir),
): GitData {
  const docs = new Map<string, GitDocInfo>();
  if ('unavailable' in history) return { summary: { available: false, reason: history.unavailable }, docs };
  const { top, prefix, log } = history;
  const pending: { file: string; oldBlob: string; newBlob: string }[] = [];
  for (const record of log.split(RECORD).slice(1)) {
    const [header = '', ...lines] = record.split('\n');
    const [hash = '', iso = '', author = '', subject = ''] = header.split(FIELD);
    const commit: CommitInfo = { hash, date: iso.slice(0, 10), author, subject };
    for (const line of lines) {
      const m = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) \w+\t(.+)$/.exec(line);
      if (!m) continue;
      const repoPath = m[3]!;
      const file = prefix ? repoPath.slice(prefix.length + 1) : repoPath;
      if (!file.endsWith('.mdx')) continue;
      const info = docs.get(file) ?? { repoPath, recent: [] };
      if (!info.lastChanged) info.lastChanged = commit.date;
      if (info.recent!.length < recentCount) info.recent!.push(commit);
      docs.set(file, info);
      const approved = approvedOn.get(file);
      if (approved && commit.date > approved && !info.changedSinceApproval) pending.push({ file, oldBlob: m[1]!, newBlob: m[2]! });
    }
  }
  markBodyChanges(top, pending, docs);
  for (const [file, info] of docs) if (info.changedSinceApproval === undefined && approvedOn.get(file)) info.changedSinceApproval = false;
  return { summary: { available: true }, docs };
}

/** Compares bodies of the blobs before and after each candidate change in one `git cat-file --batch` call. */
function markBodyChanges(top: string, pending: { file: string; oldBlob: string; newBlob: string }[], docs: Map<string, GitDocInfo>): void {
  if (!pending.length) return;
  const zero = /^0+$/;
  const blobs = [...new Set(pending.flatMap((p) => [p.oldBlob, p.newBlob]).filter((b) => !zero.test(b)))];
  const contents = parseBatch(git(top, ['cat-file', '--batch'], blobs.join('\n') + '\n'));
  for (const p of pending) {
    const before = zero.test(p.oldBlob) ? undefined : contents.get(p.oldBlob);
    const after = zero.test(p.newBlob) ? undefined : contents.get(p.newBlob);
    // A file's first commit has no approved text before it, so adding a document is not a change to it.
    if (before !== undefined && after !== undefined && bodyOf(before) !== bodyOf(after)) docs.get(p.file)!.changedSinceApproval = true;
  }
}

/** Parses `git cat-file --batch` output into blob contents. */
function parseBatch(output: string): Map<string, string> {
  const buffer = Buffer.from(output, 'utf8');
  const result = new Map<string, string>();
  let offset = 0;
  while (offset < buffer.length) {
    const eol = buffer.indexOf(10, offset);
    if (eol < 0) break;
    const [sha = '', , size] = buffer.subarray(offset, eol).toString('utf8').split(' ');
    if (size === undefined) {
      offset = eol + 1;
      continue;
    }
    result.set(sha, buffer.subarray(eol + 1, eol + 1 + Number(size)).toString('utf8'));
    offset = eol + 1 + Number(size) + 1;
  }
  return result;
}

/** The text after the frontmatter, trimmed, so that frontmatter-only commits compare equal (a BOM included). */
function bodyOf(source: string): string {
  return splitFrontmatter(source).body;
}
