/** Which modules a fresh Node process loads: Node's load hook, recording every module's URL. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './index.ts';

/** ES module code that records in `loaded` the URL of every module loaded after it (for `--import`, or first in a script). */
export const RECORD_LOADS = `import module from 'node:module';
const loaded = [];
module.registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
`;

/**
 * Runs `body`, ES module code that may read `loaded`, after `RECORD_LOADS` in a fresh Node process from the
 * repository (the script is written to `dir`); its JSON output parsed, and what it wrote to stderr.
 */
export function runRecordingLoads<T>(dir: string, body: string): { result: T; stderr: string } {
  const script = path.join(dir, `record-${Date.now()}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, RECORD_LOADS + body);
  const run = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8' });
  return { result: JSON.parse(run.stdout || 'null') as T, stderr: run.stderr };
}
