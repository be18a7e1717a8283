/**
 * The public edition's leak scan on a thread of its own. The scan is synchronous (pdftotext twice per PDF, then the
 * search); on the build's main thread it blocked what else runs there: at 200 documents with PDFs, 8.5 s in which the
 * intranet's printing (driven from the same thread) could not take its PDFs from the browser.
 */
import { Worker } from 'node:worker_threads';
import type { LeakHit, LeakPattern } from '../leaks/scan.ts';

/** What the worker is given. */
export interface ScanJob {
  outDir: string;
  patterns: readonly LeakPattern[];
  /** The scan yields the CPU (the public edition beside the intranet): only its own thread's priority is lowered. */
  yields: boolean;
}

/** Scans `outDir` for the patterns in a worker thread. */
export function scanInWorker(job: ScanJob): Promise<LeakHit[]> {
  const worker = new Worker(new URL('./leak-scan-worker.ts', import.meta.url), { workerData: job });
  return new Promise((resolve, reject) => {
    worker.once('message', (hits: LeakHit[]) => resolve(hits));
    worker.once('error', (error) => reject(error instanceof Error ? error : new Error(String(error))));
    worker.once('exit', (code) => reject(new Error(`læk-scanningen stoppede (kode ${code}) uden et resultat`)));
  });
}
