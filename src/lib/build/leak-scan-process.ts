/**
 * The leak scan's process (`leak-scan.ts`): takes the patterns and prepares its matcher (and the modules a scan loads
 * on first use) while the editions build, then scans the folder it is given, answers and exits.
 */
import { gzipSync } from 'node:zlib';
import { leakScanner, scanFolder } from '../leaks/scan.ts';
import type { ScanAnswer, ScanMessage } from './leak-scan.ts';

/** Sends the answer and ends the process once it is on the channel. */
function answer(message: ScanAnswer): void {
  process.send!(message, undefined, {}, () => process.disconnect());
}

let scan: ReturnType<typeof leakScanner> | undefined;
let failed: string | undefined;
let empty = false;

process.on('message', (message: ScanMessage) => {
  try {
    if ('patterns' in message) {
      // No pattern, nothing to find: the folder is not read.
      empty = !message.patterns.length;
      scan = message.patterns.length ? leakScanner(message.patterns) : () => [];
      // A first file loads what scanning loads lazily (gzip, hashing), off the build's last step.
      scan('index.html', gzipSync('<p>forberedelse</p>'));
      return;
    }
    if (failed) return answer({ error: failed });
    if (!scan) return answer({ error: 'ingen mønstre at scanne efter' });
    if (empty) return answer({ hits: [], listed: 0, scanned: 0 });
    answer(scanFolder(message.outDir, scan, message.part, message.parts));
  } catch (error) {
    // A failure to prepare is the scan's failure, reported when the scan is asked for.
    if ('patterns' in message) failed = (error as Error).message;
    else answer({ error: (error as Error).message });
  }
});
// The build stopped before the job came (its process died, or it cancelled us): nothing to scan.
process.once('disconnect', () => process.exit(0));
