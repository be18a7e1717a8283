/** The build's leak scan in a process of its own: the same findings as the scan in this one, or its failure in one line. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leakScanParts, startLeakScanner } from '../../src/lib/build/leak-scan.ts';
import { loadHandbook } from '../../src/lib/content/load.ts';
import { formatLeak, leakPatterns, scanForLeaks } from '../../src/lib/leaks/scan.ts';
import { cleanup, fixture, tempDir } from '../helpers/index.ts';

const made: string[] = [];
afterAll(() => cleanup(...made));

describe('startLeakScanner', () => {
  const patterns = leakPatterns(loadHandbook(fixture('pdf')));

  it('finds in its process what the scan finds in this one', async () => {
    const dir = tempDir('handbook-process-scan-');
    made.push(dir);
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'index.html'), '<p>Intern retningslinje om serverrummet i kælderen</p>');
    writeFileSync(path.join(dir, 'b.html'), '<p>Intet her.</p>');
    const hits = await startLeakScanner({ yields: true }).scan({ outDir: dir, patterns });
    expect(hits.map(formatLeak)).toEqual(scanForLeaks(dir, patterns).map(formatLeak));
    expect(hits.map(formatLeak)).toEqual([
      expect.stringMatching(/^læk: a\/index\.html indeholder titel "Intern retningslinje om serverrummet i kælderen"/),
    ]);
  });

  it('finds in two processes, each scanning half the files, what one scan finds, in the same order', async () => {
    const dir = tempDir('handbook-process-scan-');
    made.push(dir);
    // Hits in files of both halves (side-1 in the second, side-2 in the first: merged in the listing's order, not
    // share by share), and files without any.
    for (let i = 0; i < 9; i++) {
      mkdirSync(path.join(dir, `side-${i}`));
      const text = [1, 2, 6].includes(i) ? 'Intern retningslinje om serverrummet i kælderen' : 'Intet her.';
      writeFileSync(path.join(dir, `side-${i}`, 'index.html'), `<p>${text}</p>`);
    }
    writeFileSync(path.join(dir, 'side-4', 'noter.txt'), 'Intern retningslinje om serverrummet i kælderen');
    const one = scanForLeaks(dir, patterns).map(formatLeak);
    expect(one.length).toBe(4);
    const scanner = startLeakScanner({ yields: false, parts: 2 });
    // Prepared ahead, as the build does once the content process has made the patterns.
    scanner.prepare(patterns);
    expect((await scanner.scan({ outDir: dir, patterns })).map(formatLeak)).toEqual(one);
    expect((await startLeakScanner({ yields: false, parts: 1 }).scan({ outDir: dir, patterns })).map(formatLeak)).toEqual(one);
  });

  it('rejects, without a result, with the scan’s own reason when it fails', async () => {
    const missing = path.join(tempDir('handbook-process-scan-'), 'findes-ikke');
    await expect(startLeakScanner({ yields: false }).scan({ outDir: missing, patterns })).rejects.toThrow(
      /^læk-scanningen fejlede: .*ENOENT.*findes-ikke/,
    );
  });

  it('rejects when its process is stopped before it answers', async () => {
    const scanner = startLeakScanner({ yields: false });
    scanner.cancel();
    await expect(scanner.scan({ outDir: tempDir('handbook-process-scan-'), patterns })).rejects.toThrow(
      /^læk-scanningen stoppede \(signal SIGTERM\) uden et resultat$/,
    );
  });
});

describe('leakScanParts', () => {
  it('scans in two processes only where the scan ends the build: 500 to 2,000 documents', () => {
    expect([20, 499, 500, 1000, 2000, 2001, 5000].map(leakScanParts)).toEqual([1, 1, 2, 2, 2, 1, 1]);
  });
});
