/** Both editions served with the headers their build wrote: no Content-Security-Policy violation on any page or in search. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSecurityHeaders } from '../../src/lib/build/security-headers/write.ts';
import { securityHeaders } from '../../src/lib/build/security-headers/read.ts';
import { createStaticServer } from '../../src/lib/build/static-server.ts';
import { cleanup, tempDir } from '../helpers/index.ts';
import { editions, htmlPages, launch, openPage, type PageLog } from './browser.ts';

let browser: Browser;
const made: string[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  cleanup(...made);
});

/** Serves a folder with exactly the given headers until `use` is done. */
async function served<T>(root: string, headers: Record<string, string>, use: (url: string) => Promise<T>): Promise<T> {
  const server = createStaticServer({ root, headers });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    server.close();
  }
}

/** Opens `path`, waits until scripts have settled and returns the violations it caused. */
async function visit(page: Page, log: PageLog, url: string): Promise<string[]> {
  const before = log.cspViolations.length;
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  return log.cspViolations.slice(before);
}

/** Searches with Pagefind in the page (its WebAssembly needs `'wasm-unsafe-eval'`); resolves to the result count or the error. */
function pagefindSearch(page: Page, base: string): Promise<number | string> {
  // A string, so the test runner does not rewrite `import()` for Node before it reaches the browser.
  return page.evaluate(`(async () => {
    try {
      const pagefind = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
      await pagefind.init();
      return (await pagefind.search('sikkerhed')).results.length;
    } catch (error) {
      return String(error);
    }
  })()`);
}

for (const edition of ['intranet', 'public'] as const) {
  describe(`the ${edition} edition under its own headers`, () => {
    it('answers every page with the headers of its _headers file and records no violation', async () => {
      const { dir, url } = editions()[edition];
      const expected = securityHeaders(dir);
      expect(expected['Content-Security-Policy']).toMatch(
        /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'.*; frame-ancestors 'none'$/,
      );
      const context = await browser.newContext();
      const { page, log } = await openPage(context);
      const found: Record<string, string[]> = {};
      const pages = htmlPages(dir);
      expect(pages.length).toBeGreaterThan(10);
      for (const p of pages) {
        const violations = await visit(page, log, url + p);
        if (violations.length) found[p] = violations;
      }
      const response = await page.goto(url);
      for (const [name, value] of Object.entries(expected)) expect(response?.headers()[name.toLowerCase()], name).toBe(value);
      await context.close();
      expect(found).toEqual({});
    });

    it('searches with Pagefind under the policy', async () => {
      const { url } = editions()[edition];
      const context = await browser.newContext();
      const { page, log } = await openPage(context);
      await visit(page, log, url);
      const results = await pagefindSearch(page, url);
      expect(results, String(results)).toBeTypeOf('number');
      expect(results).toBeGreaterThan(0);
      await visit(page, log, `${url}soeg/?q=adgangskode`);
      await context.close();
      expect(log.cspViolations).toEqual([]);
    });
  });
}

describe('control: the browser test sees violations, and hashes written by the build lift them', () => {
  it('blocks an unhashed inline script and style attribute, and runs them once their hashes are in the policy', async () => {
    const copy = path.join(tempDir('handbook-csp-'), 'public');
    made.push(path.dirname(copy));
    cpSync(editions().public.dir, copy, { recursive: true });
    const index = path.join(copy, 'index.html');
    const inline = '<script>document.documentElement.dataset.inline = "ja";</script><p id="farvet" style="color: rgb(255, 0, 0)">x</p>';
    writeFileSync(index, readFileSync(index, 'utf8').replace('</body>', `${inline}</body>`));
    const context = await browser.newContext();
    const { page, log } = await openPage(context);
    const state = () =>
      page.evaluate(() => [document.documentElement.dataset.inline ?? '', getComputedStyle(document.getElementById('farvet')!).color]);
    const blocked = await served(copy, securityHeaders(copy), async (url) => ({
      violations: await visit(page, log, url),
      state: await state(),
    }));
    expect(blocked.violations.join('\n')).toMatch(/script-src/);
    expect(blocked.violations.join('\n')).toMatch(/style-src/);
    expect(blocked.state).not.toEqual(['ja', 'rgb(255, 0, 0)']);
    writeSecurityHeaders(copy, 'public');
    const allowed = await served(copy, securityHeaders(copy), async (url) => ({
      violations: await visit(page, log, url),
      state: await state(),
    }));
    expect(allowed).toEqual({ violations: [], state: ['ja', 'rgb(255, 0, 0)'] });
    await context.close();
  });

  it("fails Pagefind's search without 'wasm-unsafe-eval', so the search check above means something", async () => {
    const { dir } = editions().public;
    const headers = { ...securityHeaders(dir) };
    headers['Content-Security-Policy'] = headers['Content-Security-Policy']!.replace(" 'wasm-unsafe-eval'", '');
    const context = await browser.newContext();
    const { page, log } = await openPage(context);
    const result = await served(dir, headers, async (url) => {
      await visit(page, log, url);
      return pagefindSearch(page, url);
    });
    expect(typeof result === 'string' || log.cspViolations.length > 0).toBe(true);
    expect(log.cspViolations.join('\n')).toMatch(/script-src|wasm/i);
    await context.close();
  });
});
