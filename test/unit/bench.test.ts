import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHandbook, type GeneratedHandbook } from '../../scripts/bench/corpus/generate.ts';
import { countWords } from '../../scripts/bench/corpus/text.ts';
import { astroLogsByEdition } from '../../scripts/bench/measure/astro-log.ts';
import { pageAssets } from '../../scripts/bench/measure/page-weight.ts';
import { searchTerms } from '../../scripts/bench/measure/search.ts';
import { stolenMs } from '../../scripts/bench/measure/run.ts';
import { idleCoreFactor, median, medianRun, sizesReport, type BenchResult } from '../../scripts/bench/report.ts';
import type { RunResult } from '../../scripts/bench/measure/builds.ts';
import { cleanup, listFiles, readTree, runScript, tempDir } from '../helpers/index.ts';

const DOCS = 30;
const COMMITS = 60;
let dirs: string[] = [];
let first: GeneratedHandbook;
let second: GeneratedHandbook;
let otherSeed: GeneratedHandbook;

/** Runs git in a generated repository. */
const git = (repo: string, ...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

/** A document's frontmatter field, read from the generated file. */
function field(text: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, 'm').exec(text.split('\n---\n')[0]!)?.[1];
}

beforeAll(() => {
  dirs = [tempDir('bench-gen-'), tempDir('bench-gen-'), tempDir('bench-gen-')];
  first = generateHandbook(path.join(dirs[0]!, 'repo'), { docs: DOCS, seed: 7, commits: COMMITS });
  second = generateHandbook(path.join(dirs[1]!, 'repo'), { docs: DOCS, seed: 7, commits: COMMITS });
  otherSeed = generateHandbook(path.join(dirs[2]!, 'repo'), { docs: DOCS, seed: 8, commits: COMMITS });
});

afterAll(() => cleanup(...dirs));

describe('synthetic handbook generator', () => {
  it('writes byte-identical files and commits for the same seed, different ones for another seed', () => {
    const a = readTree(first.contentDir);
    expect(a.size).toBe(DOCS + 1);
    expect(readTree(second.contentDir)).toEqual(a);
    expect(git(second.root, 'rev-parse', 'HEAD')).toBe(git(first.root, 'rev-parse', 'HEAD'));
    expect(readTree(otherSeed.contentDir)).not.toEqual(a);
  });

  it('has the requested number of commits, with spread author dates and clean work tree', () => {
    expect(Number(git(first.root, 'rev-list', '--count', 'HEAD'))).toBe(COMMITS);
    const dates = new Set(git(first.root, 'log', '--format=%as').split('\n'));
    expect(dates.size).toBeGreaterThan(COMMITS / 2);
    expect(git(first.root, 'status', '--porcelain')).toBe('');
    // Documents have earlier revisions, so "changed since approval" and recent changes have something to show.
    const touched = git(first.root, 'log', '--format=', '--name-only', '--', 'content/*.mdx', 'content/**/*.mdx')
      .split('\n')
      .filter(Boolean);
    expect(touched.length).toBeGreaterThan(DOCS);
  });

  it('makes about 20% of the documents public, and public documents link only to public ones', () => {
    const files = listFiles(first.contentDir).filter((f) => f.endsWith('.mdx'));
    const text = new Map(files.map((f) => [f, readFileSync(path.join(first.contentDir, f), 'utf8')]));
    const isPublic = (f: string) => field(text.get(f)!, 'audience') === 'public';
    expect(files.filter(isPublic)).toHaveLength(Math.round(DOCS * 0.2));
    let publicLinks = 0;
    for (const file of files) {
      const links = [...text.get(file)!.matchAll(/\]\((\.{1,2}\/[^)]+\.mdx)\)/g)].map((m) =>
        path.posix.join(path.posix.dirname(file), m[1]!),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const target of links) expect(text.has(target), `${file} -> ${target}`).toBe(true);
      if (isPublic(file)) {
        publicLinks += links.length;
        for (const target of links) expect(isPublic(target), `${file} links to non-public ${target}`).toBe(true);
      }
    }
    expect(publicLinks).toBeGreaterThan(0);
  });

  it('writes documents of about 1,100 words with headings, a list, a table and links', () => {
    const bodies = listFiles(first.contentDir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => readFileSync(path.join(first.contentDir, f), 'utf8'));
    const mean = bodies.reduce((n, b) => n + countWords(b), 0) / bodies.length;
    expect(mean).toBeGreaterThan(950);
    expect(mean).toBeLessThan(1300);
    for (const body of bodies) {
      expect(body).toMatch(/^## /m);
      expect(body).toMatch(/^\|---\|---\|---\|$/m);
      expect(body).toMatch(/^(- |1\. )/m);
      expect(body).toMatch(/[æøå]/);
    }
  });

  it('passes npm run check without errors', () => {
    const result = runScript('check', { HANDBOOK_CONTENT: first.contentDir });
    expect(result.stderr).not.toMatch(/error|fejl:/i);
    expect(result.stdout).toContain(`${DOCS} dokumenter gennemgået: 0 fejl`);
    expect(result.code).toBe(0);
  });
});

describe('bench measurement helpers', () => {
  it("reads Astro's own timings per edition from the build log", () => {
    const edition = (name: string, sync: string, vite: string, render: string, total: string) =>
      `12:00:00 [types] Generated ${sync}\n12:00:00 [build] directory: /repo/.handbook-build/${name}-Ab12Cd/dist/\n12:00:01 [vite] ✓ built in ${vite}\n12:00:01 [vite] ✓ built in 500ms\n\n generating static routes \n12:00:02   ├─ /a/index.html (+3ms)\n12:00:03 ✓ Completed in ${render}.\n\n12:00:03 [build] ✓ Completed in 9.00s.\n12:00:04 [build] 210 page(s) built in ${total}\n12:00:04 [build] Complete!\n`;
    const logs = astroLogsByEdition(
      `${edition('public', '2.94s', '5.08s', '4.26s', '18.15s')}Byggede\n${edition('intranet', '1m 2s', '40ms', '12.00s', '1m 30s')}`,
    );
    expect(logs.get('public')).toEqual({ sync: 2940, vite: 5580, render: 4260, pages: 210, total: 18150 });
    expect(logs.get('intranet')).toEqual({ sync: 62000, vite: 540, render: 12000, pages: 210, total: 90000 });
  });

  it('finds the stylesheets and scripts a page loads up front, not links or other hosts', () => {
    const html =
      '<link rel="stylesheet" href="/_astro/a.css"><link rel=stylesheet href=/_astro/b.css><link rel="icon" href="/f.svg"><link rel="modulepreload" href="/_astro/m.js"><script type="module" src="/_astro/s.js"></script><script src="https://cdn.example/x.js"></script><a href="/x.css">';
    expect(pageAssets(html)).toEqual({ css: ['/_astro/a.css', '/_astro/b.css'], js: ['/_astro/m.js', '/_astro/s.js'] });
  });

  it('takes the median of each measure separately', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const runs: RunResult[] = [
      { wallMs: 10, peakRss: 5, phases: { git: 1, 'pagefind:public': 9 } },
      { wallMs: 30, peakRss: 1, phases: { git: 3 } },
      { wallMs: 20, peakRss: 3, phases: { git: 2, 'pagefind:public': 7 } },
    ];
    expect(medianRun(runs)).toEqual({ wallMs: 20, peakRss: 3, phases: { git: 2, 'pagefind:public': 8 } });
  });
});

describe('report over several sizes', () => {
  /** A measured size: ours and plain runs of the given wall and CPU seconds. */
  const size = (docs: number, ours: [number, number, number?][], plain: [number, number, number?][]): BenchResult => {
    const runs = (list: [number, number, number?][]): RunResult[] =>
      list.map(([wall, cpu, steal]) => ({
        wallMs: wall * 1000,
        cpuMs: cpu * 1000,
        ...(steal === undefined ? {} : { stealMs: steal * 1000 }),
        peakRss: 512 * 1024 * 1024,
        phases: {},
      }));
    const sizeOf = { htmlPages: 1, output: { bytes: 1, files: 1 }, pagefind: { bytes: 1, files: 1 } };
    return {
      docs,
      seed: 1,
      commits: 300,
      runs: ours.length,
      generationMs: 1,
      environment: { cpus: 2, node: '24', astro: '7', pagefind: '1.6', loadAverage: 0.4, commit: 'abc1234' },
      typicalPage: 'a/b/index.html',
      ours: { runs: runs(ours), median: medianRun(runs(ours)), intranet: sizeOf, public: sizeOf },
      plain: { runs: runs(plain), median: medianRun(runs(plain)), size: sizeOf },
      ratio: medianRun(runs(ours)).wallMs / medianRun(runs(plain)).wallMs,
    };
  };

  it('prints one row per size with the median ratio, the ratio of each pair and how idle the cores were', () => {
    const report = sizesReport([
      size(
        20,
        [
          [6, 8, 1.2],
          [5, 8, 1],
          [7, 9, 1.4],
        ],
        [
          [3, 3],
          [2.5, 3],
          [3.5, 4],
        ],
      ),
      size(
        1000,
        [
          [20, 36],
          [22, 40],
          [21, 38],
        ],
        [
          [25, 28],
          [24, 27],
          [26, 29],
        ],
      ),
    ]);
    const rows = report.split('\n').filter((l) => /^\| [0-9]/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      /^\| 20 \| 6\.00 s \| 3\.00 s \| \*\*2\.00\*\* \| 2\.00, 2\.00, 2\.00 \| 2\.67 \| 1\.50 \| 512\.0 MB \| 0\.4 \| 10 % \/ n\/a \|$/,
    );
    expect(rows[1]).toMatch(/^\| 1,000 \| 21\.0 s \| 25\.0 s \| \*\*0\.84\*\* \| 0\.80, 0\.92, 0\.81 \| 1\.36 \| 1\.11 \|/);
    expect(report).toContain('Sizes 20, 1,000: median of 3 runs each');
  });

  it('reads the time the host stole from /proc/stat, in ms over all cores', () => {
    const dir = tempDir('handbook-bench-stat-');
    try {
      const stat = path.join(dir, 'stat');
      writeFileSync(stat, 'cpu  100 2 30 4000 5 0 6 789 0 0\ncpu0 50 1 15 2000 2 0 3 400 0 0\nintr 1\n');
      expect(stolenMs(stat)).toBe(7890);
      expect(stolenMs(path.join(dir, 'missing'))).toBeUndefined();
    } finally {
      cleanup(dir);
    }
  });

  it('counts wall time against CPU time spread on every core', () => {
    expect(idleCoreFactor({ wallMs: 30_000, cpuMs: 40_000, peakRss: 1, phases: {} }, 2)).toBe(1.5);
    expect(idleCoreFactor({ wallMs: 30_000, peakRss: 1, phases: {} }, 2)).toBeUndefined();
  });
});

describe('search latency terms', () => {
  it('takes the longest word of titles spread over the handbook, each once', () => {
    const titles = [
      'Test af backupkopier',
      'Styring af leverandører',
      'Kryptering',
      'Test af backupkopier igen',
      'A b',
      'Awareness og træning',
    ];
    expect(searchTerms(titles, 3)).toEqual(['backupkopier', 'leverandører', 'kryptering']);
  });
});
