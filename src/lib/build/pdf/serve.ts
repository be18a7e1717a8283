/** Serving a built edition to the printing browser at the edition's own address, without a network. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { CONTENT_TYPES } from '../static-server.ts';

/**
 * Answers every request of a browser context from the built edition, as if it came from the edition's own site
 * (`https://intranet.dst.dk/…`): links in the PDFs then point at the real pages, not at a local port. Print pages are
 * answered from memory at their URL path; anything for another host is refused, so a PDF can hold only what the
 * edition holds.
 */
export async function serveEdition(
  context: BrowserContext,
  root: string,
  site: string,
  base: string,
  printPages: ReadonlyMap<string, string>,
): Promise<void> {
  const origin = new URL(site).origin;
  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) return route.abort('blockedbyclient');
    const pathname = decodeURIComponent(url.pathname);
    const page = printPages.get(pathname);
    if (page !== undefined) return route.fulfill({ status: 200, contentType: CONTENT_TYPES['.html'], body: page });
    const file = path.join(root, pathname.startsWith(base) ? pathname.slice(base.length) : '\0');
    if (!file.startsWith(root + path.sep)) return route.fulfill({ status: 404, body: '' });
    try {
      const target = (await stat(file)).isDirectory() ? path.join(file, 'index.html') : file;
      const type = CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream';
      return await route.fulfill({ status: 200, contentType: type, body: await readFile(target) });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
}
