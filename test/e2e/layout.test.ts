/**
 * Layout at a phone's and a desktop's width: screenshots for a person to look at (test-results/layout/), and
 * measurements that fail the test: nothing wider than the viewport at 390 px, no table text wider than its cell,
 * no word broken inside, tables of the overview and SoA reflowed on phones, the full width used on wide screens.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/index.ts';
import { editions, htmlPages, launch, openPage, pageHtml } from './browser.ts';
import { brokenWords, cellOverflow, hyphenatesDanish, viewportOverflow } from './layout-measure.ts';
import { query } from '../../scripts/bench/measure/search-query.ts';

const SHOTS = path.join(ROOT, 'test-results', 'layout');
const WIDTHS = [390, 1280] as const;
/** The pages to look at: the widest tables, a document and the search page with results. */
const PAGES = {
  oversigt: 'oversigt/',
  ejere: 'oversigt/ejere/',
  anvendelseserklaering: 'anvendelseserklaering/',
  dokument: 'retningslinjer/leverandoerstyring/',
  soeg: 'soeg/',
} as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => browser?.close());

/** Opens an intranet page at a width, for one test. */
async function at(width: number, page: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, isMobile: width < 500, hasTouch: width < 500 });
  const opened = await openPage(context);
  await opened.page.goto(editions().intranet.url + page);
  return { page: opened.page, close: () => context.close() };
}

describe('screenshots at 390 and 1280 px', () => {
  for (const width of WIDTHS) {
    it(`${width} px: overview, owners, SoA, a document and search results`, async () => {
      for (const [name, url] of Object.entries(PAGES)) {
        const { page, close } = await at(width, url);
        if (name === 'soeg') {
          await page.locator('pagefind-input input').waitFor();
          expect((await query(page, 'leverandører')).count).toBeGreaterThan(0);
        }
        await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
        await close();
      }
    });
  }
});

describe('at 390 px (a phone)', () => {
  const pages = () => [...htmlPages(editions().intranet.dir).filter((p) => !p.endsWith('.html')), '404.html'];

  it('no page has an element beyond the viewport, nor a table cell whose text is wider than the cell', async () => {
    const faults: string[] = [];
    const { page, close } = await at(390, '');
    for (const url of pages()) {
      await page.goto(editions().intranet.url + url);
      faults.push(...(await page.evaluate(viewportOverflow)).map((f) => `${url}: ${f}`));
      faults.push(...(await page.evaluate(cellOverflow)).map((f) => `${url}: ${f}`));
    }
    expect(faults).toEqual([]);
    await close();
  });

  it('breaks no word of a table inside, except where the browser hyphenates it', async () => {
    const { page, close } = await at(390, '');
    const hyphenates = await page.evaluate(hyphenatesDanish);
    const faults: string[] = [];
    for (const url of Object.values(PAGES)) {
      await page.goto(editions().intranet.url + url);
      faults.push(...(await page.evaluate(brokenWords, hyphenates)).map((f) => `${url}: ${f}`));
    }
    expect(faults).toEqual([]);
    await close();
  });

  it('shows each row of the overview and the SoA as a block with every value labelled', async () => {
    for (const url of [PAGES.oversigt, PAGES.anvendelseserklaering]) {
      const { page, close } = await at(390, url);
      const table = page.locator(url === PAGES.oversigt ? 'table.overview:visible' : 'table.soa-table--controls:visible').first();
      const cells = await table
        .locator('tbody tr')
        .first()
        .locator('td')
        .evaluateAll((tds) => tds.map((c) => ({ label: getComputedStyle(c, '::before').content, display: getComputedStyle(c).display })));
      const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
      // Every cell but the row header is a block of its own labelled with its column's name; empty cells are left out.
      const shown = cells.map((c, i) => ({ ...c, header: headers[i + 1] })).filter((c) => c.display !== 'none');
      expect(shown.length).toBeGreaterThanOrEqual(3);
      for (const cell of shown) {
        expect(cell.display).toBe('block');
        expect(cell.label).toBe(`"${cell.header}: "`);
      }
      // A row is no taller than the screen.
      const row = await table.locator('tbody tr').first().boundingBox();
      expect(row!.height).toBeLessThan(900);
      await close();
    }
  });
});

describe('at 1280 px (a desktop)', () => {
  it('gives the overview and SoA the width beside the navigation, and keeps reading text to about 70 characters', async () => {
    for (const url of [PAGES.oversigt, PAGES.anvendelseserklaering]) {
      const { page, close } = await at(1280, url);
      const [main, layout] = await Promise.all([page.locator('main').boundingBox(), page.locator('.layout').boundingBox()]);
      const nav = await page.locator('.layout > nav, .layout > .nav-toggle, .layout > *:first-child').first().boundingBox();
      // Less than 3 rem (48 px) of the layout is left unused to the right of the main column.
      expect(layout!.x + layout!.width - (main!.x + main!.width), url).toBeLessThan(48 + 20);
      expect(main!.x).toBeGreaterThan(nav!.x + nav!.width - 1);
      expect(await page.evaluate(cellOverflow)).toEqual([]);
      expect(await page.evaluate(viewportOverflow)).toEqual([]);
      // The main tables fit: none has to be scrolled sideways at this width.
      const scrolled = await page.evaluate(() =>
        [...document.querySelectorAll('.table-wrap, .soa-scroll')]
          .filter((w) => w.scrollWidth > w.clientWidth)
          .map((w) => w.getAttribute('aria-label') ?? w.getAttribute('aria-labelledby')),
      );
      expect(scrolled).toEqual([]);
      await close();
    }
    const { page, close } = await at(1280, PAGES.dokument);
    const measure = await page
      .locator('.prose p')
      .first()
      .evaluate((p) => {
        const probe = document.createElement('span');
        probe.textContent = '0'.repeat(10);
        p.append(probe);
        const ch = probe.getBoundingClientRect().width / 10;
        probe.remove();
        return p.getBoundingClientRect().width / ch;
      });
    expect(measure).toBeGreaterThan(55);
    expect(measure).toBeLessThan(80);
    await close();
  });

  it('breaks no word of the overview or SoA tables, except at a hyphen or soft hyphen', async () => {
    for (const url of [PAGES.oversigt, PAGES.ejere, PAGES.anvendelseserklaering]) {
      const { page, close } = await at(1280, url);
      expect(await page.evaluate(brokenWords, false), url).toEqual([]);
      await close();
    }
  });
});

describe('page heads and headings', () => {
  /** Text of a piece of HTML without tags, soft hyphens and surplus white space. */
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/\u00ad/g, '')
      .replace(/\s+/g, ' ')
      .trim();

  for (const edition of ['intranet', 'public'] as const) {
    it(`${edition}: every page has a meta description of its own words`, () => {
      const { dir } = editions()[edition];
      const missing = htmlPages(dir).filter((p) => !/<meta name="description" content="[^"]{20,}"/.test(pageHtml(dir, p)));
      expect(missing).toEqual([]);
      expect(pageHtml(dir, 'soeg/')).toMatch(/<meta name="description" content="Søg i /);
    });

    it(`${edition}: the home page and section pages repeat no heading`, () => {
      const { dir } = editions()[edition];
      for (const page of ['', ...htmlPages(dir).filter((p) => /^[^/]+\/$/.test(p))]) {
        const html = pageHtml(dir, page);
        const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
        // A heading's own words, without the document count after a section title.
        const headings = [...main.matchAll(/<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) =>
          text(m[1]!.replace(/<span class="count">[\s\S]*?<\/span>/, '')),
        );
        expect(headings.length, page).toBeGreaterThan(0);
        expect(
          headings.filter((h, i) => headings.indexOf(h) !== i),
          page || 'forsiden',
        ).toEqual([]);
      }
    });
  }
});
