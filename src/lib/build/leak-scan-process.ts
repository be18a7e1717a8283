/** The leak scan's process (`leak-scan.ts`): waits for its job, scans, answers, exits. */
import { scanForLeaks } from '../leaks/scan.ts';
import type { ScanAnswer, ScanJob } from './leak-scan.ts';

/** Sends the answer and ends the process once it is on the channel. */
function answer(message: ScanAnswer): void {
  process.send!(message, undefined, {}, () => process.disconnect());
}

process.once('message', (job: ScanJob) => {
  try {
    answer({ hits: scanForLeaks(job.outDir, job.patterns) });
  } catch (error) {
    answer({ error: (error as Error).message });
  }
});
// The build stopped before the job came (its process died, or it cancelled us): nothing to scan.
process.once('disconnect', () => process.exit(0));
