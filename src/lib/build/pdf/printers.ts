/** The browser pages an edition is printed on: opened while it builds, one renderer process each. */
import type { Browser, Page } from 'playwright-core';
import { serveEdition } from './serve.ts';
import { basePrefix } from '../../util/base-path.ts';

/** Where an edition is printed from: its built folder (in its stage) and its own address. */
export interface PrintSite {
  /** The built edition (in its stage): pages are read from here and the PDFs written to its `pdf/`. */
  distDir: string;
  site: string;
  base: string;
}

/**
 * Opens `count` browser pages for printing an edition, each in a context of its own: pages of one context and site
 * share one renderer process, which prints one page at a time. They can be opened before the edition is built (a
 * context costs about 0.7 s of CPU to start, 6 of the 12 s a sample build with PDFs took): the pages are read only
 * when printed. Closing the browser closes them.
 */
export async function openPrinters(browser: Browser, at: PrintSite, count: number): Promise<Page[]> {
  const base = basePrefix(at.base);
  return Promise.all(
    Array.from({ length: count }, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' });
      // Print pages are set into a blank page at the edition's address, so their links and images resolve as on the site.
      await serveEdition(context, at.distDir, at.site, base, new Map([[`${base}${BLANK}`, '<!doctype html><title></title>']]));
      const page = await context.newPage();
      // A handbook of thousands of pages takes minutes to lay out on a busy machine; Playwright's default is 30 s.
      page.setDefaultTimeout(PAGE_TIMEOUT_MS);
      await page.goto(new URL(`${base}${BLANK}`, at.site).href);
      return page;
    }),
  );
}
/** How long one print page may take to load (the whole handbook is one page). */
const PAGE_TIMEOUT_MS = 15 * 60_000;

/** The address of the blank page print pages are set into (never written to the edition). */
const BLANK = '__print__/';

/**
 * Browser pages printing at once for an edition of `documents` documents, each printing a run of them as one print.
 * Each page is a renderer process of its own, which costs CPU to start and to make its first print, and prints one
 * page at a time (10 ms a page). The sample handbook (22 + 4 documents) with PDFs, alternating: 8.2–9.0 s
 * (14.6–16.2 CPU-seconds) on 1 + 1 pages against 9.9–10.9 s (18.0–20.0) on 2 + 1; 200 generated documents:
 * intranet print 19.8 s on one page, TWO_PAGES on two.
 */
export function printersFor(documents: number): number {
  return documents >= TWO_PAGES_FROM ? 2 : 1;
}

/** From how many documents an edition prints on two pages. */
export const TWO_PAGES_FROM = 60;

/** Starts opening an edition's printing pages once the browser is up; a failure shows when they are used. */
export function startPrinters(browser: Promise<Browser>, at: PrintSite, documents: number): Promise<Page[]> {
  const opened = browser.then((b) => openPrinters(b, at, printersFor(documents)));
  opened.catch(() => {});
  return opened;
}

/** Closes the contexts of printing pages, if they opened. */
export async function closePrinters(opened: Promise<Page[]>): Promise<void> {
  const pages = await opened.catch(() => []);
  await Promise.all(
    pages.map((p) =>
      p
        .context()
        .close()
        .catch(() => {}),
    ),
  );
}
