import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editions, htmlPages, launch } from './browser.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Axe's WCAG 2.1 A/AA violations on the page, one readable line each. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

it('the axe harness reports a violation planted in a served page (control)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(editions().intranet.url);
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'favicon.svg';
    document.querySelector('main')!.append(img);
    // CSSOM, not a style attribute: the page's policy forbids inline style attributes.
    document.querySelector<HTMLElement>('.brand-title')!.style.color = '#eee';
  });
  const found = (await violations(page)).join('\n');
  expect(found).toMatch(/^image-alt/m);
  expect(found).toMatch(/^color-contrast/m);
  await context.close();
});

// `english` is the public edition of the search fixture: English document pages in a Danish handbook.
for (const edition of ['intranet', 'public', 'english'] as const) {
  describe(`axe, WCAG 2.1 A/AA, every page of the ${edition} edition`, () => {
    it('finds no violations in the light colour scheme', async () => {
      const { dir, url } = editions()[edition];
      const pages = htmlPages(dir);
      expect(pages.length).toBeGreaterThan(edition === 'english' ? 4 : 10);
      const context = await browser.newContext({ colorScheme: 'light' });
      const page = await context.newPage();
      const found: Record<string, string[]> = {};
      for (const path of pages) {
        const response = await page.goto(url + path);
        expect(response?.ok() || path === '404.html', path).toBe(true);
        const v = await violations(page);
        if (v.length) found[path] = v;
      }
      await context.close();
      console.log(`axe ${edition}: ${pages.length} pages checked, ${Object.keys(found).length} with violations`);
      expect(found).toEqual({});
    }, 900_000);

    it('finds no violations in the dark colour scheme or at phone width on representative pages', async () => {
      const { dir, url } = editions()[edition];
      const all = htmlPages(dir);
      const doc = edition === 'english' ? 'politikker/openness-policy/' : all.find((p) => /^politikker\/[^/]+\/$/.test(p))!;
      const sample = ['', doc, doc.split('/')[0] + '/', `soeg/?q=${edition === 'english' ? 'politik' : 'data'}`, '404.html'];
      const found: Record<string, string[]> = {};
      for (const options of [{ colorScheme: 'dark' as const }, { viewport: { width: 375, height: 740 } }]) {
        const context = await browser.newContext(options);
        const page = await context.newPage();
        for (const path of sample) {
          await page.goto(url + path);
          if (path.startsWith('soeg/')) await page.locator('.search-hit').first().waitFor({ state: 'attached' });
          const v = await violations(page);
          if (v.length) found[`${JSON.stringify(options)} ${path}`] = v;
        }
        await context.close();
      }
      expect(found).toEqual({});
    }, 600_000);
  });
}
