/** Both editions served by Debian's nginx with the snippet the build wrote: headers, cache lifetimes, compression, 404, CSP. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/lib/build/security-headers/read.ts';
import { editions, launch, openPage } from './browser.ts';
import { startNginx, type RunningNginx } from './nginx.ts';
import { query } from '../../scripts/bench/measure/search-query.ts';

const servers: Partial<Record<'intranet' | 'public', RunningNginx>> = {};
let browser: Browser;
beforeAll(async () => {
  for (const name of ['intranet', 'public'] as const) servers[name] = await startNginx([{ dir: editions()[name].dir, base: '/' }]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => s.stop()));
});

/** The response headers of a GET that accepts gzip, as a plain object. */
async function get(url: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const response = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

/** The header names of `_headers`' `/*` rule in the lower case fetch gives them. */
const expected = (dir: string) => Object.fromEntries(Object.entries(securityHeaders(dir)).map(([k, v]) => [k.toLowerCase(), v]));

for (const name of ['intranet', 'public'] as const) {
  describe(`${name} edition through nginx with its nginx-security.conf`, () => {
    const dir = () => editions()[name].dir;
    const origin = () => servers[name]!.origin;
    const asset = () =>
      /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/.exec(readFileSync(path.join(dir(), 'index.html'), 'utf8'))![1]!;

    it('sends every security header and a no-cache lifetime with pages, compressed with gzip', async () => {
      const page = await get(`${origin()}/politikker/informationssikkerhedspolitik/`);
      expect(page.status).toBe(200);
      expect(page.headers).toMatchObject(expected(dir()));
      expect(Object.keys(expected(dir()))).toContain('content-security-policy');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-encoding']).toBe('gzip');
    });

    it('gives hashed /_astro/ assets a year, immutable, with the security headers kept', async () => {
      const css = await get(`${origin()}${asset()}`);
      expect(css.status).toBe(200);
      expect(css.headers['cache-control']).toBe(`${name === 'intranet' ? 'private' : 'public'}, max-age=31536000, immutable`);
      expect(css.headers).toMatchObject(expected(dir()));
      expect(css.headers['content-encoding']).toBe('gzip');
      expect(css.body).toContain('--accent');
    });

    it("answers a missing URL with status 404 and the edition's 404 page, under the same headers", async () => {
      const missing = await get(`${origin()}/findes/ikke/`);
      expect(missing.status).toBe(404);
      expect(missing.body).toBe(readFileSync(path.join(dir(), '404.html'), 'utf8'));
      expect(missing.headers).toMatchObject(expected(dir()));
    });

    it('loads a document and searches in Chromium without a Content-Security-Policy violation', async () => {
      const context = await browser.newContext();
      const { page, log } = await openPage(context);
      await page.goto(`${origin()}/politikker/informationssikkerhedspolitik/`);
      expect(await page.locator('h1').innerText()).toBe('Informationssikkerhedspolitik');
      await page.goto(`${origin()}/soeg/`);
      await page.locator('pagefind-input input').waitFor();
      expect((await query(page, 'politik')).count).toBeGreaterThan(0);
      expect(log.cspViolations).toEqual([]);
      expect(log.errors).toEqual([]);
      await context.close();
    });
  });
}
