import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { da } from '../../src/strings/da.ts';
import { cleanup, listFiles, runScript, tempDir } from '../helpers/index.ts';
import { loadedFiles, pageWeight } from '../../scripts/bench/measure/page-weight.ts';

/** Budgets for a document page of the sample handbook, in gzip bytes. */
const BUDGET = { html: 8 * 1024, css: 10 * 1024, js: 5 * 1024 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('page weight of the sample handbook', () => {
  const out = tempDir();
  let code = 1;
  beforeAll(() => {
    code = runScript('build', { HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-11-29' }).code;
  });
  afterAll(() => cleanup(out));

  for (const edition of ['intranet', 'public'] as const) {
    it(`${edition}: every document page is within the HTML, CSS and JavaScript budgets and loads nothing from other hosts`, () => {
      expect(code).toBe(0);
      const dir = path.join(out, edition);
      const docs = listFiles(dir).filter(
        (f) => /^[^/]+\/[^/]+\/index\.html$/.test(f) && readFileSync(path.join(dir, f), 'utf8').includes('data-pagefind-body'),
      );
      expect(docs.length).toBeGreaterThan(3);
      const sizes = docs.map((file) => {
        const html = readFileSync(path.join(dir, file), 'utf8');
        const { css, js } = loadedFiles(dir, file);
        // Nothing the page loads by itself comes from another host (links to other sites are fine).
        const loaded = [...html.matchAll(/<(?:link|script|img|source|iframe|video|audio)\b[^>]*(?:href|src|srcset)="([^"]+)"/g)].map(
          (m) => m[1]!,
        );
        expect(
          loaded.filter((u) => /^(https?:)?\/\//.test(u)),
          file,
        ).toEqual([]);
        for (const sheet of css)
          expect(readFileSync(path.join(dir, sheet), 'utf8'), sheet).not.toMatch(/url\(\s*["']?(https?:)?\/\/|@import/);
        return { file, ...pageWeight(dir, file)! };
      });
      const report = {
        pages: sizes.length,
        html: { median: median(sizes.map((s) => s.html)), max: Math.max(...sizes.map((s) => s.html)) },
        css: Math.max(...sizes.map((s) => s.css)),
        js: Math.max(...sizes.map((s) => s.js)),
      };
      console.log(`${edition} document pages, gzip bytes:`, JSON.stringify(report));
      for (const s of sizes) {
        expect(s.html, `${s.file} HTML`).toBeLessThanOrEqual(BUDGET.html);
        expect(s.css, `${s.file} CSS`).toBeLessThanOrEqual(BUDGET.css);
        expect(s.js, `${s.file} JS`).toBeLessThanOrEqual(BUDGET.js);
      }
      // The search UI is not among what a document page loads.
      expect(sizes.every((s) => s.js < 20 * 1024)).toBe(true);
    });
  }

  it('keeps the navigation small: a document page lists only the documents of its own section', () => {
    const dir = path.join(out, 'intranet');
    const file = listFiles(dir).find((f) => f.startsWith('retningslinjer/') && f.endsWith('/index.html') && f.split('/').length === 3)!;
    const html = readFileSync(path.join(dir, file), 'utf8');
    const start = html.indexOf(`<nav aria-label="${da.navigation}"`);
    expect(start).toBeGreaterThan(0);
    // The section list only: the overview links after it are a fixed handful.
    const nav = html.slice(start, html.indexOf('<ul class="nav-overview"', start));
    const listed = [...nav.matchAll(/href="\/([^"]+)\/"/g)].map((m) => m[1]!);
    const sectionDocs = listed.filter((h) => h.includes('/'));
    expect(sectionDocs.length).toBeGreaterThan(1);
    expect(sectionDocs.every((h) => h.startsWith('retningslinjer/'))).toBe(true);
    // Every other section is one link, not its documents.
    expect(listed.filter((h) => !h.includes('/'))).toEqual([
      'politikker',
      'retningslinjer',
      'forretningsgange',
      'procedurer',
      'beredskab',
      'bilag',
    ]);
  });

  it("reports the size of each edition's Pagefind index and ships no unused Pagefind UI", () => {
    for (const edition of ['intranet', 'public']) {
      const dir = path.join(out, edition, 'pagefind');
      const files = listFiles(dir);
      const bytes = (re: RegExp) => files.filter((f) => re.test(f)).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
      const report = {
        total: bytes(/./),
        indexData: bytes(/\.pf_|pagefind-entry\.json$/),
        wasm: bytes(/^(en\/)?wasm\./),
        runtime: bytes(/pagefind(-worker)?\.js$/),
        fragments: files.filter((f) => f.includes('fragment/')).length,
      };
      console.log(`${edition} Pagefind bundle, bytes:`, JSON.stringify(report));
      expect(report.fragments).toBeGreaterThan(0);
      expect(files.filter((f) => /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f))).toEqual([]);
    }
  });

  it('loads the search interface only on the search page, and sets no cookie anywhere', () => {
    const dir = path.join(out, 'intranet');
    const search = readFileSync(path.join(dir, 'soeg', 'index.html'), 'utf8');
    const searchJs = pageWeight(dir, 'soeg/index.html')!.js;
    console.log('search page JavaScript, gzip bytes:', searchJs);
    expect(searchJs).toBeGreaterThan(BUDGET.js);
    const all = listFiles(dir)
      .filter((f) => /\.(html|js)$/.test(f))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'));
    expect(all.filter((t) => /document\.cookie\s*=|cookieStore|localStorage|sessionStorage/.test(t)).length).toBe(0);
  });
});
