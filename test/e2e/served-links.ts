/** Link checks against a served edition: every reference of its pages and data files, fetched over HTTP. */
import { htmlPages, pageHtml } from './browser.ts';

/** Every `href`, `src`, `srcset` candidate and form `action` of a page, character references decoded. */
export function references(html: string): string[] {
  const decode = (v: string) =>
    v
      .replace(/&amp;/g, '&')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"');
  const refs: string[] = [];
  for (const [, name = '', value = ''] of html.matchAll(/\s(href|src|srcset|action)="([^"]*)"/g)) {
    if (name === 'srcset') refs.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0]!));
    else refs.push(decode(value));
  }
  return refs.filter(Boolean);
}

/** What is wrong with one reference of a page served at `pageUrl`, or undefined when it stays inside the edition. */
function misplaced(ref: string, pageUrl: URL, editionUrl: string): string | undefined {
  if (/^(mailto|tel):/i.test(ref)) return undefined;
  const target = new URL(ref, pageUrl);
  if (target.origin !== pageUrl.origin) return undefined; // another host: repository, accessibility statement
  return target.href.startsWith(editionUrl) ? undefined : `${pageUrl.pathname} -> ${ref} (outside ${editionUrl})`;
}

/** The `id`s of a page, for checking fragment links. */
const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

/** Fetches every distinct URL once; resolves to what each answered: status and, for HTML, its text. */
async function fetchAll(urls: Iterable<string>): Promise<Map<string, { status: number; html?: string }>> {
  const answers = new Map<string, { status: number; html?: string }>();
  for (const url of new Set(urls)) {
    const response = await fetch(url, { redirect: 'manual' });
    const html = response.headers.get('content-type')?.startsWith('text/html') ? await response.text() : undefined;
    if (html === undefined) await response.arrayBuffer();
    answers.set(url, { status: response.status, html });
  }
  return answers;
}

/**
 * Checks the references of `pages` (path below the edition and HTML, served at `pageUrl`): each stays under the
 * edition's URL, answers 200 without a redirect, and each fragment names an `id` of its target. Returns the faults
 * and how many references were checked.
 */
export async function checkReferences(
  pages: { pageUrl: string; html: string }[],
  editionUrl: string,
): Promise<{ faults: string[]; checked: number }> {
  const faults: string[] = [];
  const wanted: { from: string; url: URL; ref: string }[] = [];
  for (const { pageUrl, html } of pages) {
    const at = new URL(pageUrl);
    for (const ref of references(html)) {
      const fault = misplaced(ref, at, editionUrl);
      if (fault) faults.push(fault);
      const url = new URL(ref, at);
      if (fault || url.origin !== at.origin) continue;
      // A fragment of the page itself (the skip link) is checked here: the page may be served at any missing URL.
      if (ref.startsWith('#')) {
        if (!ids(html).has(decodeURIComponent(ref.slice(1)))) faults.push(`${at.pathname} -> ${ref}: no id on the page`);
      } else wanted.push({ from: at.pathname, url, ref });
    }
  }
  const answers = await fetchAll(wanted.map(({ url }) => url.href.replace(/#.*$/, '')));
  for (const { from, url, ref } of wanted) {
    const answer = answers.get(url.href.replace(/#.*$/, ''))!;
    if (answer.status !== 200) faults.push(`${from} -> ${ref}: HTTP ${answer.status}`);
    const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
    if (answer.status === 200 && fragment && answer.html && !ids(answer.html).has(fragment))
      faults.push(`${from} -> ${ref}: no id "${fragment}"`);
  }
  return { faults, checked: wanted.length };
}

/** Every built page of an edition folder with the URL it is served at below `editionUrl`. */
export function servedPages(dir: string, editionUrl: string): { pageUrl: string; html: string }[] {
  return htmlPages(dir).map((page) => ({ pageUrl: `${editionUrl}${page}`, html: pageHtml(dir, page) }));
}

/** Checks that absolute URLs from a data file (sitemap, feed, calendar, CSV) are under `site` + base and answer 200 when served. */
export async function checkAbsolute(urls: string[], siteUrl: string, servedUrl: string): Promise<string[]> {
  const faults = urls.filter((u) => !u.startsWith(siteUrl)).map((u) => `${u} (outside ${siteUrl})`);
  const served = urls.filter((u) => u.startsWith(siteUrl)).map((u) => servedUrl + u.slice(siteUrl.length));
  for (const [url, { status }] of await fetchAll(served.map((u) => u.replace(/#.*$/, ''))))
    if (status !== 200) faults.push(`${url}: HTTP ${status}`);
  return faults;
}
