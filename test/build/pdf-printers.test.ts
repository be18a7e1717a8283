/** The printing pages: opened before the edition is built, answered only from its folder at its address, one renderer each. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/lib/build/pdf/browser.ts';
import { closePrinters, startPrinters, TWO_PAGES_FROM } from '../../src/lib/build/pdf/printers.ts';
import { cleanup, tempDir } from '../helpers/index.ts';
import { chromiumHere } from '../helpers/pdf.ts';

const CHROMIUM = chromiumHere();
if (!CHROMIUM) console.warn('pdf-printers.test.ts springes over: Chromium findes ikke (apt-get install chromium)');

describe.skipIf(!CHROMIUM)('printing pages', () => {
  let browser: Browser;
  const made: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium(CHROMIUM!);
  });
  afterAll(async () => {
    await browser?.close();
    cleanup(...made);
  });

  it('open at the edition address before its folder has pages, then read what is built there and nothing of other hosts', async () => {
    const dist = path.join(tempDir('handbook-printers-'), 'dist');
    made.push(path.dirname(dist));
    const opened = startPrinters(
      Promise.resolve(browser),
      { distDir: dist, site: 'https://intranet.example.dk', base: '/hb' },
      TWO_PAGES_FROM,
    );
    const pages = await opened;
    // An edition this large prints its documents in two runs, one on each page.
    expect(pages).toHaveLength(2);
    // Each page in a context of its own (its own renderer process), at the edition's own address.
    expect(new Set(pages.map((p) => p.context())).size).toBe(pages.length);
    expect(pages.map((p) => p.url())).toEqual(pages.map(() => 'https://intranet.example.dk/hb/__print__/'));
    // Written after the pages opened, as Astro writes the edition after the printers were started.
    mkdirSync(path.join(dist, 'a'), { recursive: true });
    writeFileSync(path.join(dist, 'a', 'index.html'), '<!doctype html><title>A</title><p>Bygget side</p>');
    const page = pages[0]!;
    await page.goto('https://intranet.example.dk/hb/a/');
    expect(await page.textContent('p')).toBe('Bygget side');
    const other = await page.goto('https://elsewhere.example.com/').then(
      () => 'loaded',
      () => 'refused',
    );
    expect(other).toBe('refused');
    await closePrinters(opened);
    expect(browser.contexts()).toHaveLength(0);
  });

  it('a smaller edition gets one page; a browser that failed to start makes closing a no-op', async () => {
    const dist = path.join(tempDir('handbook-printers-'), 'dist');
    made.push(path.dirname(dist));
    const opened = startPrinters(
      Promise.resolve(browser),
      { distDir: dist, site: 'https://www.example.dk', base: '/' },
      TWO_PAGES_FROM - 1,
    );
    expect(await opened).toHaveLength(1);
    await closePrinters(opened);
    expect(browser.contexts()).toHaveLength(0);
    const failed = startPrinters(Promise.reject(new Error('no browser')), { distDir: dist, site: 'https://www.example.dk', base: '/' }, 3);
    await expect(failed).rejects.toThrow('no browser');
    await expect(closePrinters(failed)).resolves.toBeUndefined();
  });
});
