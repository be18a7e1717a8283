/**
 * The public edition's leak scan in a process of its own, started beside the public edition's process so its modules
 * are loaded when the edition is built. The scan is synchronous (pdftotext twice per PDF, then the search); on the
 * build's main thread it blocked what else runs there: at 200 documents with PDFs, 8.5 s in which the intranet's
 * printing (driven from the same thread) could not take its PDFs from the browser. A worker thread did not block it,
 * but its memory stayed with the build process after it ended (235 → 460 MB at 5,000 documents), while the intranet
 * wrote its index, the build's peak; a process gives its memory back when it exits.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LeakHit } from '../leaks/hit.ts';
import type { LeakPattern } from '../leaks/patterns.ts';
import { yieldCpu } from './priority.ts';

/** What the scan process is given. */
export interface ScanJob {
  outDir: string;
  patterns: readonly LeakPattern[];
}

/** What the scan process answers: its hits, or why it could not scan. */
export type ScanAnswer = { hits: LeakHit[] } | { error: string };

/** A scan process waiting for its job. */
export interface LeakScanner {
  /** Scans `outDir` for the patterns; the process exits after it. Rejects, without a result, when the scan fails. */
  scan(job: ScanJob): Promise<LeakHit[]>;
  /** Stops the process if it has not scanned (a build that stops before the scan). */
  cancel(): void;
}

/** How to start the scan process. */
export interface LeakScannerOptions {
  /** It yields the CPU (the public edition beside the intranet): the whole process runs at the lowest priority. */
  yields: boolean;
  /** Node's compile cache for it (`toolCompileCache`), without which it loads its modules uncached. */
  compileCache?: string;
}

/** Starts a scan process, which loads its modules and waits for `scan`. */
export function startLeakScanner({ yields, compileCache }: LeakScannerOptions): LeakScanner {
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
    async scan(job) {
      child.send(job);
      const how = await exited;
      if (answer && 'hits' in answer) return answer.hits;
      throw new Error(answer ? `læk-scanningen fejlede: ${answer.error}` : `læk-scanningen stoppede (${how}) uden et resultat`);
    },
    cancel() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
