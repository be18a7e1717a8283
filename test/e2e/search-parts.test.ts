/**
 * A large edition's Danish index is written in two halves (src/lib/build/index-plan.ts), and its search page merges
 * the second: a search finds what it finds with one index. The sample is small, so its intranet is indexed here as a
 * large one is (`indexEdition` with two parts), and its search page given the attribute the page renders for a large
 * edition (`searchBundles`, unit-tested); then both are searched in the browser.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../scripts/bench/measure/search-query.ts';
import { indexEdition } from '../../src/lib/build/pagefind.ts';
import { searchBundles } from '../../src/lib/site/search.ts';
import { MAIN_PARTS_FROM } from '../../src/lib/build/index-plan.ts';
import { cleanup, listFiles, readText, tempDir } from '../helpers/index.ts';
import { editions, launch, openPage } from './browser.ts';
import { serve } from './serve.ts';

let browser: Browser;
let server: Server;
let url: string;
const dir = tempDir('handbook-search-parts-');
const site = path.join(dir, 'intranet');

beforeAll(async () => {
  browser = await launch();
  cpSync(editions().intranet.dir, site, { recursive: true });
  rmSync(path.join(site, 'pagefind'), { recursive: true });
  await indexEdition(site, '/', undefined, undefined, undefined, 2);
  const searchPage = path.join(site, 'soeg', 'index.html');
  const { part } = searchBundles(MAIN_PARTS_FROM, false);
  writeFileSync(searchPage, readFileSync(searchPage, 'utf8').replace('data-search ', `data-search data-merge-part="/${part}" `));
  const served = await serve(site);
  server = served.server;
  url = `${served.origin}/`;
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  cleanup(dir);
});

/** The URLs of the pages a bundle holds, from its fragments. */
const bundleUrls = (bundle: string) =>
  listFiles(path.join(site, bundle, 'fragment')).map(
    (f) => (JSON.parse(readText(path.join(site, bundle, 'fragment', f)).replace(/^pagefind_dcd/, '')) as { url: string }).url,
  );

/** Opens a search page and runs one query on it. */
async function search(origin: string, term: string): Promise<{ count: number; titles: string[]; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 4000 } });
  const { page, log } = await openPage(context);
  await page.goto(`${origin}soeg/`);
  await page.locator('pagefind-input input').waitFor();
  const found = await query(page, term);
  expect(log.cspViolations).toEqual([]);
  expect(log.errors).toEqual([]);
  return { ...found, page, close: () => context.close() };
}

describe('search over an index in two halves', () => {
  it('holds every indexed page once, in one half or the other', () => {
    const first = bundleUrls('pagefind');
    const second = bundleUrls('pagefind/del-2');
    expect(first.length).toBeGreaterThan(0);
    expect(Math.abs(first.length - second.length)).toBeLessThanOrEqual(1);
    expect(first.filter((u) => second.includes(u))).toEqual([]);
  });

  it('finds in the browser what the one index finds, pages of both halves among the hits', async () => {
    const term = 'sikkerhed';
    const one = await search(editions().intranet.url, term);
    const two = await search(url, term);
    expect(one.count).toBeGreaterThan(1);
    expect(two.count).toBe(one.count);
    // Links of every hit on screen, to check that both halves answered.
    const hrefs = await two.page
      .locator('.search-hit-link')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.some((h) => bundleUrls('pagefind').includes(h))).toBe(true);
    expect(hrefs.some((h) => bundleUrls('pagefind/del-2').includes(h))).toBe(true);
    await one.close();
    await two.close();
  });
});
