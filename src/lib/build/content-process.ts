/**
 * The content process (`scripts/build-content.ts`): checks the content, reads Git, stages each edition and makes the
 * public edition's leak patterns, then exits. The build process keeps only what it hears here, never the loaded
 * handbook: at 5,000 documents the build process held 625 MB while the intranet wrote its index, beside Pagefind's
 * 1.8 GB (peak 2.62 GB), because what loading and checking had used was not given back to the system
 * (docs/performance.md). A process that exits gives it all back.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { Edition, Settings } from '../../schemas/settings.ts';
import type { LeakPattern } from '../leaks/patterns.ts';
import type { PrintDoc } from './pdf/print-doc.ts';
import { toolCompileCache } from './compile-cache.ts';

/** What the content process is asked to stage: each edition's empty stage folder, made in `parentDir`. */
export interface ContentRequest {
  parentDir: string;
  stages: { edition: Edition; stageDir: string }[];
}

/** The content passed its checks: what the build process needs of it afterwards. */
export interface CheckedContent {
  /** Documents in the content folder, for the build's last line. */
  docs: number;
  settings: Settings;
}

/** An edition staged: its documents' count, and with `HANDBOOK_PDF=1` what its PDFs print. */
export interface StagedEdition {
  documents: number;
  /** The documents to print, with their folder (for the handbook's sections); only when the build prints PDFs. */
  printDocs?: (PrintDoc & { folder: string })[];
}

/** Messages from the content process, in the order it sends them. */
export type ContentMessage =
  | { kind: 'checked'; content: CheckedContent | undefined }
  | { kind: 'staged'; edition: Edition; staged: StagedEdition }
  | { kind: 'patterns'; patterns: LeakPattern[] }
  | { kind: 'failed'; message: string };

/** The running content process, as promises of what it will say. */
export interface ContentProcess {
  /** The checked content; undefined when it has errors (the process has printed them). */
  checked: Promise<CheckedContent | undefined>;
  /** Settles once the edition is staged. */
  staged(edition: Edition): Promise<StagedEdition>;
  /** The public edition's leak patterns (only asked for when the build has the public edition). */
  patterns: Promise<LeakPattern[]>;
  /** Settles once the process has exited; its output has been written by then. */
  done: Promise<void>;
}

/** A promise with its settle functions, and a rejection no one need handle (not every promise is awaited). */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** Starts the content process on the editions' stages; its output goes to this process's. */
export function startContentProcess(repoRoot: string, request: ContentRequest): ContentProcess {
  const child = fork(path.join(repoRoot, 'scripts', 'build-content.ts'), [JSON.stringify(request)], {
    cwd: repoRoot,
    env: { ...process.env, NODE_COMPILE_CACHE: toolCompileCache(request.parentDir) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Dates in the frontmatter and the settings stay dates.
    serialization: 'advanced',
  });
  const checked = deferred<CheckedContent | undefined>();
  const staged = new Map(request.stages.map(({ edition }) => [edition, deferred<StagedEdition>()]));
  const patterns = deferred<LeakPattern[]>();
  const failAll = (error: Error) => {
    for (const d of [checked, ...staged.values(), patterns]) d.reject(error);
  };
  child.on('message', (m: ContentMessage) => {
    if (m.kind === 'checked') checked.resolve(m.content);
    else if (m.kind === 'staged') staged.get(m.edition)?.resolve(m.staged);
    else if (m.kind === 'patterns') patterns.resolve(m.patterns);
    else failAll(new Error(m.message));
  });
  const done = new Promise<void>((resolve) => {
    child.on('error', (error) => {
      failAll(new Error(`indholdsprocessen kunne ikke starte (${error.message}); de tidligere udgaver er ikke ændret`));
      resolve();
    });
    // `close`, not `exit`: messages still in the channel arrive before it.
    child.on('close', (code, signal) => {
      // Whatever it has not said by now, it will not: a crash fails what is still pending (settled promises stay).
      failAll(new Error(`indholdsprocessen stoppede (${signal ?? `exit ${code}`}); de tidligere udgaver er ikke ændret`));
      resolve();
    });
  });
  return { checked: checked.promise, staged: (edition) => staged.get(edition)!.promise, patterns: patterns.promise, done };
}
