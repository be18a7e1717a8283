/**
 * The public edition's leak scan in a process of its own, started beside the public edition's process so its modules
 * are loaded when the edition is built. The scan is synchronous (pdftotext twice per PDF, then the search); on the
 * build's main thread it blocked what else runs there: at 200 documents with PDFs, 8.5 s in which the intranet's
 * printing (driven from the same thread) could not take its PDFs from the browser. A worker thread did not block it,
 * but its memory stayed with the build process after it ended (235 → 460 MB at 5,000 documents), while the intranet
 * wrote its index, the build's peak; a process gives its memory back when it exits.
 *
 * It is the build's last step when the public edition ends after the intranet (up to about 2,000 documents), with
 * the other core idle: the scan process prepares its matcher from the patterns while the editions build, and from
 * 500 to 2,000 documents two processes scan half the files each (`leakScanParts`). At 1,000 documents the scan
 * after the edition took 0.82–1.13 s in one process that got its patterns at the end, 0.56–0.69 s preparing ahead,
 * 0.41–0.53 s in two (two builds each).
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LeakHit } from '../leaks/hit.ts';
import type { LeakPattern } from '../leaks/patterns.ts';
import { yieldCpu } from './priority.ts';
import { STREAM_MAX_DOCUMENTS } from './index-plan.ts';

/** What the scan is given. */
export interface ScanJob {
  outDir: string;
  patterns: readonly LeakPattern[];
}

/**
 * The messages to a scan process, in this order: the patterns (`prepare`) as soon as the content process has made
 * them, so the process builds its matcher while the editions build, then the folder and the share of its files (the
 * `part`-th of every `parts`, in the order of `listFiles`) once the edition is done.
 */
export type ScanMessage = { patterns: readonly LeakPattern[] } | { outDir: string; part: number; parts: number };

/** What a scan process answers: its hits and how many files it listed and scanned, or why it could not scan. */
export type ScanAnswer = { hits: LeakHit[]; listed: number; scanned: number } | { error: string };

/** The scan processes, waiting for their job. */
export interface LeakScanner {
  /** Gives the processes the patterns ahead of the scan, which they prepare their matcher for meanwhile. */
  prepare(patterns: readonly LeakPattern[]): void;
  /** Scans `outDir` for the patterns; the processes exit after it. Rejects, without a result, when the scan fails. */
  scan(job: ScanJob): Promise<LeakHit[]>;
  /** Stops the processes if they have not scanned (a build that stops before the scan). */
  cancel(): void;
}

/** How to start the scan processes. */
export interface LeakScannerOptions {
  /** It yields the CPU (the public edition beside the intranet): the processes run at the lowest priority. */
  yields: boolean;
  /** Node's compile cache for them (`toolCompileCache`), without which they load their modules uncached. */
  compileCache?: string;
  /** How many processes share the files (`leakScanParts`); 2 unless given, one on a machine with one core. */
  parts?: number;
}

/** One scan process: its channel, and its answer once it has exited. */
interface ScanProcess {
  send(message: ScanMessage): void;
  /** The answer, or the reason there is none, once the process has exited. */
  answer: Promise<ScanAnswer | string>;
  cancel(): void;
}

/** Starts one scan process, which loads its modules and waits for its messages. */
function startScanProcess({ yields, compileCache }: LeakScannerOptions): ScanProcess {
  const child = fork(fileURLToPath(new URL('./leak-scan-process.ts', import.meta.url)), [], {
    env: compileCache ? { ...process.env, NODE_COMPILE_CACHE: compileCache } : process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  if (yields) yieldCpu(child.pid);
  let answer: ScanAnswer | undefined;
  child.on('message', (m: ScanAnswer) => (answer = m));
  const exited = new Promise<string>((resolve) => {
    // A process that never started has no `close` to come; a send to one that has stopped errs too, and its `close` says more.
    child.on('error', (error) => child.pid === undefined && resolve(error.message));
    // `close`, not `exit`: the answer, still in the channel, arrives before it.
    child.on('close', (code, signal) => resolve(signal ? `signal ${signal}` : `kode ${code}`));
  });
  return {
    send: (message) => void (child.connected && child.send(message)),
    answer: exited.then((how) => answer ?? how),
    cancel() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}

/**
 * How many processes scan a public edition: two from 500 documents up to an edition indexed as it renders
 * (`STREAM_MAX_DOCUMENTS`), where the scan (0.4–0.6 s in two at 1,000) is the build's last step. Below, a second
 * process's start and matcher cost more CPU than the half of a 0.2 s scan it saves; above, the public edition ends
 * long before the intranet (at 5,000 documents 25 s against 52 s), and a second process would only add CPU beside it.
 */
export const leakScanParts = (documents: number): number => (documents >= 500 && documents <= STREAM_MAX_DOCUMENTS ? 2 : 1);

/** The hits of all shares in the order one process would have found them: by file (`listFiles`' order), then pattern. */
function merged(answers: { hits: LeakHit[] }[]): LeakHit[] {
  // Stable: each share's hits of one file keep their pattern order.
  return answers.flatMap((a) => a.hits).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Starts the scan processes, which load their modules and wait for `prepare` and `scan`. */
export function startLeakScanner(options: LeakScannerOptions): LeakScanner {
  const parts = Math.max(1, Math.min(options.parts ?? 2, availableParallelism()));
  const processes = Array.from({ length: parts }, () => startScanProcess(options));
  let prepared: readonly LeakPattern[] | undefined;
  const prepare = (patterns: readonly LeakPattern[]) => {
    if (prepared) return;
    prepared = patterns;
    for (const p of processes) p.send({ patterns });
  };
  return {
    prepare,
    async scan(job) {
      prepare(job.patterns);
      if (prepared !== job.patterns) throw new Error('læk-scanningen fik andre mønstre end dem, den var forberedt på');
      processes.forEach((p, part) => p.send({ outDir: job.outDir, part, parts }));
      const answers = await Promise.all(processes.map((p) => p.answer));
      const failed = answers.find((a) => typeof a === 'string' || 'error' in a);
      if (typeof failed === 'string') throw new Error(`læk-scanningen stoppede (${failed}) uden et resultat`);
      if (failed) throw new Error(`læk-scanningen fejlede: ${(failed as { error: string }).error}`);
      const done = answers as Extract<ScanAnswer, { hits: LeakHit[] }>[];
      // Every file scanned once: the shares listed the same folder and together scanned all of it.
      const listed = done[0]!.listed;
      const scanned = done.reduce((sum, a) => sum + a.scanned, 0);
      if (done.some((a) => a.listed !== listed) || scanned !== listed)
        throw new Error(`læk-scanningen fejlede: ${scanned} af ${listed} filer scannet`);
      return merged(done);
    },
    cancel() {
      for (const p of processes) p.cancel();
    },
  };
}
