import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { batchInput, isZeroBlob, parseBatch } from './blobs.ts';
import { pullRequestOf, requestsByCommit } from './pull-requests.ts';
import type { CommitInfo } from './commit.ts';
import { splitFrontmatter } from '../markdown/frontmatter.ts';
import { approvalsOf, type ApprovalRecord, type FileVersion, type UnapprovedChange } from './versions.ts';

const execFileAsync = promisify(execFile);

export type { CommitInfo } from './commit.ts';

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
  /** Every approval recorded in Git, oldest first (intranet only). */
  approvals?: ApprovalRecord[];
  /** Text changes committed after the last approval without a new one (intranet only). */
  unapproved?: UnapprovedChange[];
}

/** A document's approved bodies by `approvedOn`, e.g. `2025-03-01` → the Markdown text approved that day. */
export type GitVersions = Map<string, string>;

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
  /** Approved bodies per document file, for archived pages and the leak scan; never in the public manifest. */
  versions?: Map<string, GitVersions>;
}

/** Runs git; with `runAsync` below, the one place git is spawned, so the number of calls stays fixed. */
function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs git for binary-safe output (`cat-file --batch` counts bytes). */
function gitBytes(cwd: string, args: string[], input: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: 2 ** 31, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs git without blocking, feeding it `input` and keeping its output as bytes (`cat-file --batch` counts bytes). */
function runBytesAsync(cwd: string, args: string[], input: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 2 ** 31 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin!.end(input);
  });
}

/** Runs git without blocking. */
const runAsync = (cwd: string, args: string[]) =>
  execFileAsync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 }).then((r) => r.stdout);

const RECORD = '\x1e';
const FIELD = '\x1f';
const END = '\x1d';

/**
 * The history `readGit` works from: the repository, the content folder's path in it, `git log`'s output, and every
 * version of every document file the log names, by blob id (from the one `git cat-file --batch`).
 */
export type GitLog = { top: string; prefix: string; log: string; blobs: Map<string, string> } | { unavailable: string };

const REV_PARSE = ['rev-parse', '--show-toplevel', '--is-shallow-repository'];

/**
 * The one `git log` call: every commit of HEAD with its parents, message and the blobs it changed, renames followed
 * (`-M`). It is not limited to the content folder: Git's history simplification would drop the merge commits that
 * name pull requests. Files outside the content folder are skipped when the log is read.
 */
const logArgs = () => [
  '-c',
  'core.quotepath=off',
  'log',
  '-M',
  '--raw',
  '--no-abbrev',
  `--format=${RECORD}%H${FIELD}%aI${FIELD}%an${FIELD}%P${FIELD}%s${FIELD}%b${END}`,
  'HEAD',
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
  let log: string;
  try {
    log = git(repo.top, logArgs());
  } catch {
    return NO_COMMITS;
  }
  const input = batchInput(documentBlobs(parseLog(log, repo.prefix)));
  return { ...repo, log, blobs: input ? parseBatch(gitBytes(repo.top, ['cat-file', '--batch'], input)) : new Map() };
}

/** `readGitLog` without blocking, so the build reads the history while the documents are parsed. */
export async function readGitLogAsync(contentDir: string): Promise<GitLog> {
  const repo = await runAsync(contentDir, REV_PARSE).then(
    (out) => repository(contentDir, out),
    () => NO_REPOSITORY,
  );
  if ('unavailable' in repo) return repo;
  const log = await runAsync(repo.top, logArgs()).catch(() => undefined);
  if (log === undefined) return NO_COMMITS;
  // The historic versions are read now too, while the documents are still being parsed.
  const input = batchInput(documentBlobs(parseLog(log, repo.prefix)));
  const blobs = input ? parseBatch(await runBytesAsync(repo.top, ['cat-file', '--batch'], input)) : new Map<string, string>();
  return { ...repo, log, blobs };
}

/** Every blob of a document file the log names, before and after each change. */
const documentBlobs = (entries: readonly LogEntry[]) => entries.flatMap((e) => e.changes.flatMap((c) => [c.oldBlob, c.newBlob]));

/** One commit of the log and the document files it changed. */
interface LogEntry {
  commit: CommitInfo;
  parents: string[];
  body: string;
  changes: { oldBlob: string; newBlob: string; from?: string; file: string }[];
}

const RAW_LINE = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) [A-Z]\d*\t([^\t]+)(?:\t(.+))?$/;

/** Splits `git log` output into commits with their changed `.mdx` files inside the content folder. */
function parseLog(log: string, prefix: string): LogEntry[] {
  const inside = (repoPath: string) =>
    prefix ? (repoPath.startsWith(`${prefix}/`) ? repoPath.slice(prefix.length + 1) : undefined) : repoPath;
  return log
    .split(RECORD)
    .slice(1)
    .map((record) => {
      const end = record.indexOf(END);
      const [hash = '', iso = '', author = '', parents = '', subject = '', body = ''] = record.slice(0, end).split(FIELD);
      const changes: LogEntry['changes'] = [];
      for (const line of record.slice(end + 1).split('\n')) {
        const m = RAW_LINE.exec(line);
        if (!m) continue;
        const [, oldBlob = '', newBlob = '', first = '', second] = m;
        const file = inside(second ?? first);
        if (!file?.endsWith('.mdx')) continue;
        const from = second === undefined ? undefined : inside(first);
        changes.push({ oldBlob, newBlob, file, ...(from !== undefined && { from }) });
      }
      return { commit: { hash, date: iso.slice(0, 10), author, subject }, parents: parents.split(' ').filter(Boolean), body, changes };
    });
}

/**
 * Reads Git data for every document from the history (`readGitLog`: three git calls at most, whatever the number of
 * documents: `rev-parse`, one `git log`, and one `git cat-file --batch` for the versions approvals are read from).
 */
export function readGit(
  contentDir: string,
  approvedOn: ReadonlyMap<string, string | undefined>,
  recentCount = 5,
  history: GitLog = readGitLog(contentDir),
): GitData {
  const docs = new Map<string, GitDocInfo>();
  const versions = new Map<string, GitVersions>();
  if ('unavailable' in history) return { summary: { available: false, reason: history.unavailable }, docs, versions };
  const { prefix, log, blobs } = history;
  const entries = parseLog(log, prefix);
  const pending: { file: string; oldBlob: string; newBlob: string }[] = [];
  const chains = new Map<string, FileVersion[]>();
  // Newest first: a path maps to the document it became; a rename hands the document's older history to the old path.
  const current = new Map<string, string>();
  for (const { commit, changes } of entries) {
    for (const change of changes) {
      const file = current.get(change.file) ?? change.file;
      if (change.from !== undefined) {
        current.delete(change.file);
        current.set(change.from, file);
      }
      const info = docs.get(file) ?? { repoPath: prefix ? `${prefix}/${file}` : file, recent: [] };
      if (!info.lastChanged) info.lastChanged = commit.date;
      if (info.recent!.length < recentCount) info.recent!.push(commit);
      docs.set(file, info);
      if (approvedOn.has(file)) {
        const chain = chains.get(file) ?? [];
        chain.push({ commit, blob: change.newBlob, file: change.file });
        chains.set(file, chain);
      }
      const approved = approvedOn.get(file);
      if (approved && commit.date > approved && !info.changedSinceApproval)
        pending.push({ file, oldBlob: change.oldBlob, newBlob: change.newBlob });
    }
  }
  markBodyChanges(pending, docs, blobs);
  for (const [file, info] of docs) if (info.changedSinceApproval === undefined && approvedOn.get(file)) info.changedSinceApproval = false;
  const requests = requestsByCommit(
    entries.map((e) => ({ hash: e.commit.hash, parents: e.parents, pr: pullRequestOf(e.commit.subject, e.body) })),
  );
  for (const [file, chain] of chains) {
    const found = approvalsOf(chain.reverse(), blobs, requests);
    const info = docs.get(file)!;
    info.approvals = found.approvals;
    info.unapproved = found.unapproved;
    versions.set(file, found.bodies);
  }
  return { summary: { available: true }, docs, versions };
}

/** Compares bodies of the blobs before and after each candidate change, read by the one `git cat-file --batch` call. */
function markBodyChanges(
  pending: { file: string; oldBlob: string; newBlob: string }[],
  docs: Map<string, GitDocInfo>,
  contents: ReadonlyMap<string, string>,
): void {
  for (const p of pending) {
    const before = isZeroBlob(p.oldBlob) ? undefined : contents.get(p.oldBlob);
    const after = isZeroBlob(p.newBlob) ? undefined : contents.get(p.newBlob);
    // A file's first commit has no approved text before it, so adding a document is not a change to it.
    if (before !== undefined && after !== undefined && bodyOf(before) !== bodyOf(after)) docs.get(p.file)!.changedSinceApproval = true;
  }
}

/** The text after the frontmatter, trimmed, so that frontmatter-only commits compare equal (a BOM included). */
export function bodyOf(source: string): string {
  return splitFrontmatter(source).body;
}
