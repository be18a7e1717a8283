import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { da } from '../../src/strings/da.ts';
import { cleanup, fixture, listFiles, readText, runScript, tempDir } from '../helpers/index.ts';

/** One decompressed Pagefind fragment: the indexed text, filters and metadata of a page. */
interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/** Every fragment of an edition's bundle (`pagefind/` or `pagefind/en/`), decompressed. */
function fragments(bundle: string): Fragment[] {
  return listFiles(path.join(bundle, 'fragment')).map(
    (f) => JSON.parse(readText(path.join(bundle, 'fragment', f)).replace(/^pagefind_dcd/, '')) as Fragment,
  );
}

/** Text of each block element of a built document's indexed part (title, lead and body), tags stripped. */
function blockTexts(html: string): string[] {
  const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
  const indexed =
    article.match(/<h1[\s\S]*?<\/h1>/)![0] +
    (article.match(/<p class="lead">[\s\S]*?<\/p>/)?.[0] ?? '') +
    article.slice(article.indexOf('<div class="prose">'));
  const blocks = [...indexed.matchAll(/<(h[1-6]|p|li|td|th|dt|dd|summary|figcaption)\b[^>]*>([\s\S]*?)<\/\1>/g)];
  return blocks
    .map((m) =>
      m[2]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** True when `text` stands in `content` as whole words: no letter or digit glued on either side. */
const standsAlone = (content: string, text: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${escape(text)}($|[^\\p{L}\\p{N}])`, 'u').test(content);

describe('the Pagefind index of each edition (search fixture)', () => {
  const out = tempDir();
  let build: ReturnType<typeof runScript>;
  beforeAll(() => {
    build = runScript('build', { HANDBOOK_CONTENT: fixture('search'), HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-11-29' });
  });
  afterAll(() => cleanup(out));
  const bundle = (edition: string, en = false) => path.join(out, edition, 'pagefind', en ? 'en' : '');
  const page = (edition: string, id: string) => readFileSync(path.join(out, edition, id, 'index.html'), 'utf8');

  it('builds and indexes only document pages, English ones in their own bundle', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(
      fragments(bundle('intranet'))
        .map((f) => f.url)
        .sort(),
    ).toEqual(['/politikker/aabenhedspolitik/', '/retningslinjer/gammel-vejledning/', '/retningslinjer/tavlemoeder/']);
    expect(fragments(bundle('intranet', true)).map((f) => f.url)).toEqual(['/politikker/openness-policy/']);
    expect(JSON.parse(readFileSync(path.join(bundle('intranet', true), 'pagefind-entry.json'), 'utf8')).languages).toHaveProperty('en');
    expect(JSON.parse(readFileSync(path.join(bundle('intranet'), 'pagefind-entry.json'), 'utf8')).languages).toHaveProperty('da');
    // The Danish search page merges the English bundle into its searches.
    expect(page('intranet', 'soeg')).toContain('data-merge-en="/pagefind/en/"');
    // Pagefind's own UI bundles are not shipped: the search page bundles the Component UI itself.
    expect(listFiles(bundle('intranet')).filter((f) => /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f))).toEqual([]);
  });

  it('keeps page chrome out of the indexed text: banners, metadata, navigation, header, footer', () => {
    const chrome = [
      'skulle have været revideret', // overdue banner
      'skal revideres senest', // due-soon banner
      da.meta.heading,
      da.meta.nextReview,
      da.meta.lastChanged,
      da.meta.approvedOn,
      'Kontorchefen',
      'IT-sikkerhedsgruppen',
      'Informationssikkerhedsudvalget', // owner and approval body, shown only in the metadata block
      da.skipToContent,
      da.home,
      da.menu,
      da.onThisPage,
      da.next,
      da.previous,
      'Sogneorganisationen',
      'Prøvehåndbogen',
      'vagtkontoret',
      da.footer.accessibility,
      da.editions.intranet,
      'Politikker',
    ];
    const all = [...fragments(bundle('intranet')), ...fragments(bundle('intranet', true)), ...fragments(bundle('public'))];
    // The premise: the chrome is on the pages, so the index could have picked it up.
    const html = ['retningslinjer/gammel-vejledning', 'retningslinjer/tavlemoeder', 'politikker/aabenhedspolitik']
      .map((id) => page('intranet', id))
      .join('');
    for (const text of chrome) expect(html, text).toContain(text);
    for (const f of all) for (const text of chrome) expect(standsAlone(f.content, text), `${f.url}: ${text}`).toBe(false);
  });

  it('indexes the title, description and headings', () => {
    const f = fragments(bundle('intranet')).find((x) => x.url === '/retningslinjer/tavlemoeder/')!;
    expect(f.meta).toEqual({ title: 'Retningslinje for tavlemøder', type: da.typeNames.retningslinje });
    for (const text of [
      'Retningslinje for tavlemøder',
      'Hvordan teamet holder korte tavlemøder om zebrafinkeregler.',
      'Begreber',
      'Deltagere',
    ])
      expect(f.content).toContain(text);
  });

  it('does not glue the words of adjacent elements together (compressed HTML, JSX without whitespace)', () => {
    const html = page('intranet', 'retningslinjer/tavlemoeder');
    // The premise: Astro's output has these elements back to back with no whitespace between them.
    expect(html).toMatch(/<\/dt><dd>/);
    const f = fragments(bundle('intranet')).find((x) => x.url === '/retningslinjer/tavlemoeder/')!;
    const blocks = blockTexts(html);
    expect(blocks).toEqual(
      expect.arrayContaining(['Tavlemøde', 'Stående møde på højst femten minutter.', 'Ordstyrer', 'Holder tiden', 'Fold ud', 'Figurtekst']),
    );
    expect(blocks.filter((b) => !standsAlone(f.content, b))).toEqual([]);
    expect(f.content).toMatch(/Første linje\W+anden linje/);
  });

  it('files each document under its type, owner, approval body and, on the intranet only, its review status', () => {
    const n = da.searchPage.filters;
    const intranet = fragments(bundle('intranet')).find((x) => x.url === '/politikker/aabenhedspolitik/')!;
    expect(intranet.filters).toEqual({
      [n.type]: [da.typeNames.politik],
      [n.owner]: ['Chefen for drift, net og servere'],
      [n.approvalBody]: ['Direktionen'],
      [n.review]: [da.review['due-soon']],
    });
    expect(fragments(bundle('intranet')).find((x) => x.url === '/retningslinjer/gammel-vejledning/')!.filters[n.review]).toEqual([
      da.review.overdue,
    ]);
    const pub = fragments(bundle('public')).find((x) => x.url === '/politikker/aabenhedspolitik/')!;
    expect(pub.filters).toEqual({
      [n.type]: [da.typeNames.politik],
      [n.owner]: ['Chefen for drift, net og servere'],
      [n.approvalBody]: ['Direktionen'],
    });
  });

  it('puts nothing of an internal document in the public index', () => {
    const files = listFiles(bundle('public')).map((f) => readText(path.join(bundle('public'), f)));
    expect(files.length).toBeGreaterThan(5);
    for (const text of ['zebrafinkeregel', 'Zebrafinkeregel', 'tavlemøder', 'opslagstavler', 'Kontorchefen', 'IT-sikkerhedsgruppen']) {
      // Kontorchefen owns the public English policy, so only the Danish bundle must lack it.
      if (text === 'Kontorchefen') continue;
      expect(
        files.some((f) => f.includes(text)),
        text,
      ).toBe(false);
    }
    expect(existsSync(path.join(out, 'public', 'retningslinjer'))).toBe(false);
  });
});
