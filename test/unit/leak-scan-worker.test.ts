/** The build's leak scan on a thread of its own: the same findings as the scan on the calling thread, or its failure. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanInWorker } from '../../src/lib/build/leak-scan.ts';
import { loadHandbook } from '../../src/lib/content/load.ts';
import { formatLeak, leakPatterns, scanForLeaks } from '../../src/lib/leaks/scan.ts';
import { cleanup, fixture, tempDir } from '../helpers/index.ts';

const made: string[] = [];
afterAll(() => cleanup(...made));

describe('scanInWorker', () => {
  const patterns = leakPatterns(loadHandbook(fixture('pdf')));

  it('finds in a worker thread what the scan finds on this one', async () => {
    const dir = tempDir('handbook-worker-scan-');
    made.push(dir);
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'index.html'), '<p>Intern retningslinje om serverrummet i kælderen</p>');
    writeFileSync(path.join(dir, 'b.html'), '<p>Intet her.</p>');
    const hits = await scanInWorker({ outDir: dir, patterns, yields: true });
    expect(hits.map(formatLeak)).toEqual(scanForLeaks(dir, patterns).map(formatLeak));
    expect(hits.map(formatLeak)).toEqual([
      expect.stringMatching(/^læk: a\/index\.html indeholder titel "Intern retningslinje om serverrummet i kælderen"/),
    ]);
  });

  it('rejects, without a result, when the scan fails', async () => {
    await expect(
      scanInWorker({ outDir: path.join(tempDir('handbook-worker-scan-'), 'findes-ikke'), patterns, yields: false }),
    ).rejects.toThrow();
  });
});
