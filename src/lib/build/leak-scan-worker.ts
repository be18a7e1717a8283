/** The leak scan's thread (`leak-scan.ts`): scans, posts the hits, ends. */
import { parentPort, workerData } from 'node:worker_threads';
import { scanForLeaks } from '../leaks/scan.ts';
import { yieldCpu } from './priority.ts';
import type { ScanJob } from './leak-scan.ts';

const job = workerData as ScanJob;
// On Linux this lowers this thread alone; the main thread, which drives the printing, keeps its priority.
if (job.yields) yieldCpu(0);
parentPort!.postMessage(scanForLeaks(job.outDir, job.patterns));
