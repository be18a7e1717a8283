import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../src/lib/build/pdf/browser.ts';
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../helpers/index.ts';

/** Debian's Chromium; browser tests never download one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with no background traffic of its own: the product's own launch, as the PDFs use. */
export function launch(): Promise<Browser> {
  return launchChromium(CHROMIUM);
}

/** The editions the global setup built and serves. */
export const editions = () => inject('editions');

/** What a page did while a test used it. */
export interface PageLog {
  requests: string[];
  cspViolations: string[];
  errors: string[];
}

/** Opens a page that records every request, Content-Security-Policy violation and script error. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; log: PageLog }> {
  const log: PageLog = { requests: [], cspViolations: [], errors: [] };
  const page = await context.newPage();
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (/Content.Security.Policy/i.test(m.text())) log.cspViolations.push(m.text());
  });
  await page.exposeFunction('__reportCsp', (text: string) => log.cspViolations.push(text));
  // Init scripts come from the test driver, not the page, so the page's policy does not apply to them.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${e.violatedDirective}: ${e.blockedURI}`);
    });
  });
  return { page, log };
}

/** A fresh context; callers close it. */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...options });
}

/** The URL path of every HTML page in a built edition, e.g. `retningslinjer/kryptering/`. */
export function htmlPages(dir: string): string[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) =>
      f
        .split('\\')
        .join('/')
        .replace(/(^|\/)index\.html$/, '$1'),
    );
}

/** The built HTML of a page path from `htmlPages`. */
export function pageHtml(dir: string, page: string): string {
  return readFileSync(path.join(dir, page.endsWith('.html') ? page : `${page}index.html`), 'utf8');
}
