/** The deterministic synthetic handbook: N Danish MDX documents in a Git repository with a few hundred commits. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { bodyBlocks, planDocuments, renderDocument, settingsYaml, type DocPlan } from './docs.ts';
import { fastImportStream, planHistory, touchesPerDocument } from './history.ts';

/** What to generate. */
export interface GenerateOptions {
  /** Number of documents, e.g. 1000. */
  docs: number;
  /** Seed of every random choice; the same seed gives byte-identical files and commits. */
  seed?: number;
  /** Number of commits in the history, e.g. 300. */
  commits?: number;
  /** The build date the review dates are chosen around, e.g. `2026-06-01`. */
  today?: string;
}

/** A generated handbook on disk. */
export interface GeneratedHandbook {
  /** The Git work tree. */
  root: string;
  /** The content folder inside it, for `HANDBOOK_CONTENT`. */
  contentDir: string;
  docs: DocPlan[];
  commits: number;
  /** The date to build with (`HANDBOOK_TODAY`). */
  today: string;
}

/** The build date the bench uses, so review banners are the same on every run. */
export const BENCH_TODAY = '2026-06-01';

/** Runs git in a folder with a fixed identity and no user or system configuration. */
function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@example.dk',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@example.dk',
    },
  });
}

/** Generates the handbook into `root` (which must not exist or be empty) in three git calls. */
export function generateHandbook(root: string, options: GenerateOptions): GeneratedHandbook {
  const seed = options.seed ?? 1;
  const today = options.today ?? BENCH_TODAY;
  const commits = options.commits ?? 300;
  const docs = planDocuments(options.docs, seed, today);
  const titles = new Map(docs.map((d) => [d.file, d.title]));
  const blocks = docs.map((d) => bodyBlocks(d, titles, seed));
  const history = planHistory(docs.length, commits, seed, '2023-01-02', '2026-05-29');
  const touches = touchesPerDocument(history, docs.length);
  // The last commit touching a document writes its final text; earlier ones write older revisions.
  const fileAt = (d: number, commit: number) => {
    const mine = touches[d]!;
    const version = mine.length - 1 - mine.indexOf(commit);
    return renderDocument(docs[d]!, blocks[d]!, seed, version);
  };
  const stream = fastImportStream(
    history,
    'content/',
    docs.map((d) => d.file),
    fileAt,
    { 'handbook.yaml': settingsYaml() },
  );
  mkdirSync(root, { recursive: true });
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['fast-import', '--quiet', '--done'], `${stream}done\n`);
  git(root, ['reset', '-q', '--hard', 'main']);
  return { root, contentDir: path.join(root, 'content'), docs, commits, today };
}
