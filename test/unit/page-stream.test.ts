/** Pages handed from the Astro process to the edition's index as they are rendered: the mapping, the order, the result. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AstroPrerenderer } from 'astro';
import { pageFile, STREAM_MAX_DOCUMENTS, streamingPrerenderer, streamsPages } from '../../src/integration/page-stream.ts';
import { EditionIndex } from '../../src/lib/build/edition-index.ts';
import { indexPart } from '../../src/lib/build/index-plan.ts';
import type { PageMessage, PageOrder } from '../../src/lib/build/page-messages.ts';
import { cleanup, listFiles, readText, tempDir } from '../helpers/index.ts';

describe('pageFile', () => {
  it('names the file Astro writes a directory-format page to, and leaves status pages to the folder', () => {
    expect(pageFile('retningslinjer/kryptering/')).toBe('retningslinjer/kryptering/index.html');
    expect(pageFile('/retningslinjer/kryptering/versioner/2025-01-01/')).toBe('retningslinjer/kryptering/versioner/2025-01-01/index.html');
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('')).toBe('index.html');
    expect(pageFile('/404')).toBeUndefined();
    expect(pageFile('404/')).toBeUndefined();
  });
});

describe('streamsPages', () => {
  it('hands pages on up to the size whose memory was measured, not above', () => {
    expect(streamsPages(20)).toBe(true);
    expect(streamsPages(STREAM_MAX_DOCUMENTS)).toBe(true);
    expect(streamsPages(STREAM_MAX_DOCUMENTS + 1)).toBe(false);
  });
});

describe('streamingPrerenderer', () => {
  type Route = { type: string; component: string };
  const route = (type: string, component: string) => ({ type, component }) as Route;
  const doc = route('page', 'src/pages/[...path].astro');
  const other = route('page', 'src/pages/oversigt/[...view].astro');
  const defaults = {
    name: 'default',
    getStaticPaths: async () => [
      { pathname: '/oversigt/ejere/', route: other },
      { pathname: '/404', route: route('page', 'src/pages/404.astro') },
      { pathname: '/feed.atom', route: route('endpoint', 'src/pages/feed.atom.ts') },
      { pathname: '/regler/adgang/', route: doc },
    ],
    render: async (request: Request) =>
      request.url.endsWith('.atom')
        ? new Response('<feed/>', { headers: { 'content-type': 'application/atom+xml' } })
        : new Response(`<html><body>${new URL(request.url).pathname}</body></html>`, { headers: { 'content-type': 'text/html' } }),
  } as unknown as AstroPrerenderer;

  it('renders document pages first, sends the order and each HTML page as bytes, and returns the same bytes to Astro', async () => {
    const sent: (PageMessage | PageOrder)[] = [];
    const streaming = streamingPrerenderer(defaults, '/haandbog/', (m) => sent.push(m));
    const paths = await streaming.getStaticPaths();
    expect(paths.map((p) => p.pathname)).toEqual(['/regler/adgang/', '/oversigt/ejere/', '/404', '/feed.atom']);
    expect(sent).toEqual([{ order: ['regler/adgang/index.html', 'oversigt/ejere/index.html'] }]);
    const render = (url: string, r: Route) => streaming.render(new Request(url), { routeData: r as never });
    const page = (await render('https://x.dk/haandbog/regler/adgang/', doc)) as Response;
    expect(await page.text()).toBe('<html><body>/haandbog/regler/adgang/</body></html>');
    const feed = (await render('https://x.dk/haandbog/feed.atom', route('endpoint', 'src/pages/feed.atom.ts'))) as Response;
    expect(await feed.text()).toBe('<feed/>');
    await render('https://x.dk/haandbog/404/', route('page', 'src/pages/404.astro'));
    const pages = sent.slice(1) as PageMessage[];
    expect(pages.map((m) => m.page.file)).toEqual(['regler/adgang/index.html']);
    expect(Buffer.from(pages[0]!.page.html).toString()).toBe('<html><body>/haandbog/regler/adgang/</body></html>');
  });
});

describe('EditionIndex', () => {
  const page = (title: string, lang = 'da') =>
    `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Tekst om ${title}.</p></main></body></html>`;
  const write = (out: string, file: string, html: string) => {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), html);
  };
  /** The index's bytes: every file of `pagefind/` with its content, so two builds can be compared. */
  const indexBytes = (out: string) =>
    listFiles(path.join(out, 'pagefind'))
      .sort()
      .map((f) => `${f}:${readText(path.join(out, 'pagefind', f))}`);
  const files = ['a/index.html', 'b/index.html', 'c/index.html', 'd/index.html'];

  it('gives the same index whatever order the pages finish in, and adds the pages it was not given from the folder', async () => {
    const results: string[][] = [];
    for (const arrival of [
      [0, 1, 2, 3],
      [3, 1, 0, 2],
    ]) {
      const out = tempDir();
      try {
        for (const f of files) write(out, f, page(f));
        write(out, '404.html', '<!DOCTYPE html><html lang="da"><body><p>Siden findes ikke.</p></body></html>');
        const seen: string[] = [];
        const index = new EditionIndex(out, '/', (file) => seen.push(file));
        index.order(files);
        // `c` is never sent, as a page Astro wrote but did not hand over: it is read from the folder.
        for (const i of arrival) if (files[i] !== 'c/index.html') index.add(files[i]!, page(files[i]!));
        expect(await index.finish()).toEqual({ pages: 4, english: 0, given: 3 });
        expect(seen.sort()).toEqual(['404.html', ...files].sort());
        results.push(indexBytes(out));
      } finally {
        cleanup(out);
      }
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.some((f) => f.includes('pf_fragment'))).toBe(true);
  });

  it('fails on a page it was given that is not in the folder, and on one given twice', async () => {
    const out = tempDir();
    try {
      write(out, 'a/index.html', page('a'));
      const missing = new EditionIndex(out, '/');
      missing.add('a/index.html', page('a'));
      missing.add('x/index.html', page('x'));
      await expect(missing.finish()).rejects.toThrow('Pagefind: siden x/index.html findes ikke i udgaven');
      const twice = new EditionIndex(out, '/');
      twice.add('a/index.html', page('a'));
      twice.add('a/index.html', page('a'));
      await expect(twice.finish()).rejects.toThrow('Pagefind: a/index.html blev givet to gange');
    } finally {
      cleanup(out);
    }
  });

  it('writes its index only in the turn it is given', async () => {
    const out = tempDir();
    try {
      write(out, 'a/index.html', page('a', 'en'));
      const index = new EditionIndex(out, '/');
      const events: string[] = [];
      const result = await index.finish(async (run) => {
        events.push(`turn, index written: ${listFiles(out).some((f) => f.startsWith('pagefind/'))}`);
        await run();
        events.push(`after, index written: ${listFiles(out).some((f) => f.startsWith('pagefind/en/'))}`);
      });
      expect(result).toEqual({ pages: 1, english: 1, given: 0 });
      expect(events).toEqual(['turn, index written: false', 'after, index written: true']);
    } finally {
      cleanup(out);
    }
  });

  it('shares the pages out over two halves in an edition in parts, the same halves whatever order they come in', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `regel-${i}/index.html`);
    const halves: string[][][] = [];
    for (const arrival of [many, [...many].reverse()]) {
      const out = tempDir();
      try {
        for (const f of many) write(out, f, page(f));
        const index = new EditionIndex(out, '/', undefined, 2);
        index.order(many);
        for (const f of arrival) index.add(f, page(f));
        expect(await index.finish()).toEqual({ pages: 12, english: 0, given: 12 });
        const urls = (dir: string) =>
          listFiles(path.join(out, dir, 'fragment'))
            .map((f) => (JSON.parse(readText(path.join(out, dir, 'fragment', f)).replace(/^pagefind_dcd/, '')) as { url: string }).url)
            .sort();
        halves.push([urls('pagefind'), urls('pagefind/del-2')]);
      } finally {
        cleanup(out);
      }
    }
    const [first, second] = halves[0]!;
    expect(first!.length).toBeGreaterThan(0);
    expect(second!.length).toBeGreaterThan(0);
    expect([...first!, ...second!].sort()).toEqual(many.map((f) => `/${f.replace('index.html', '')}`).sort());
    for (const url of second!) expect(indexPart(`${url.slice(1)}index.html`)).toBe(1);
    expect(halves[1]).toEqual(halves[0]);
  });
});
