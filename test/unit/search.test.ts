import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexEdition, pageLanguage } from '../../src/lib/build/pagefind.ts';
import { separateBlocks } from '../../src/lib/build/pagefind-input.ts';
import { cleanup, listFiles, readText, tempDir } from '../helpers/index.ts';
import { pagefindFilterAttributes, searchBundles, searchFilters } from '../../src/lib/site/search.ts';
import { indexPart, MAIN_PARTS_FROM, mainIndexParts } from '../../src/lib/build/index-plan.ts';
import { da } from '../../src/strings/da.ts';

describe('separateBlocks', () => {
  it('puts a space after block ends and line breaks, and leaves inline markup alone', () => {
    expect(separateBlocks('<dl><dt>Term</dt><dd>Forklaring</dd></dl>')).toBe('<dl><dt>Term</dt> <dd>Forklaring</dd> </dl> ');
    expect(separateBlocks('a<br>b<br />c<hr>d')).toBe('a<br> b<br /> c<hr> d');
    expect(separateBlocks('<p><strong>fed</strong><em>kursiv</em></p>')).toBe('<p><strong>fed</strong><em>kursiv</em></p> ');
    expect(separateBlocks('<TH>A</TH><th >B</th >')).toBe('<TH>A</TH> <th >B</th > ');
  });
});

describe('pageLanguage', () => {
  it('reads the primary language subtag of <html lang>', () => {
    expect(pageLanguage('<!DOCTYPE html><html lang="da"><head>')).toBe('da');
    expect(pageLanguage('<html class="x" lang="en-GB">')).toBe('en');
    expect(pageLanguage('<html>')).toBe('unknown');
  });
});

describe('search filters', () => {
  const facts = { type: 'procedure' as const, owner: 'Chef, drift: net', approvalBody: 'IT-sikkerhedsgruppen', review: 'overdue' as const };
  const n = da.searchPage.filters;

  it('gives type, owner and approval body in both editions, review status on the intranet only', () => {
    expect(searchFilters(facts, 'intranet')).toEqual({
      [n.type]: 'Procedure',
      [n.owner]: 'Chef, drift: net',
      [n.approvalBody]: 'IT-sikkerhedsgruppen',
      [n.review]: da.review.overdue,
    });
    expect(searchFilters(facts, 'public')).toEqual({
      [n.type]: 'Procedure',
      [n.owner]: 'Chef, drift: net',
      [n.approvalBody]: 'IT-sikkerhedsgruppen',
    });
    expect(searchFilters({ ...facts, review: undefined, draft: true }, 'intranet')[n.review]).toBe(da.draftLabel);
  });

  it('keeps values with commas and colons in their own attributes, referenced by name', () => {
    const attrs = pagefindFilterAttributes({ ejer: 'Chef, drift: net', 'godkendt af': 'Direktionen' });
    expect(attrs).toEqual({
      'data-filter-0': 'Chef, drift: net',
      'data-filter-1': 'Direktionen',
      'data-pagefind-filter': 'ejer[data-filter-0], godkendt af[data-filter-1]',
    });
  });
});

describe('indexEdition', () => {
  const page = (lang: string, title: string, body: string) =>
    `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><table><tr><th>Tavlemøde</th><th>Stående</th></tr></table><p>${body}</p></main></body></html>`;

  it('indexes every page at its URL under the base path, English pages in their own bundle, words kept apart', async () => {
    const out = tempDir();
    try {
      for (const [file, html] of [
        ['regler/adgang/index.html', page('da', 'Adgangsregel', 'Adgangskoder skal skiftes.')],
        ['regler/access/index.html', page('en', 'Access rule', 'Passwords must be changed.')],
        ['404.html', '<!DOCTYPE html><html lang="da"><body><p>Siden findes ikke.</p></body></html>'],
      ] as const) {
        mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
        writeFileSync(path.join(out, file), html);
      }
      const seen: string[] = [];
      expect(await indexEdition(out, '/haandbog', (file, html) => seen.push(`${file} ${html.length}`))).toEqual({
        pages: 2,
        english: 1,
        given: 0,
      });
      // Every page, the one not indexed too, is shown once, whole, to the other checks that need its HTML (the security headers).
      expect(seen.sort()).toEqual(
        ['404.html', 'regler/access/index.html', 'regler/adgang/index.html'].map((f) => `${f} ${readText(path.join(out, f)).length}`),
      );
      const fragments = (dir: string) =>
        listFiles(path.join(out, dir))
          .filter((f) => f.endsWith('.pf_fragment'))
          .map((f) => JSON.parse(readText(path.join(out, dir, f)).replace(/^pagefind_dcd/, '')) as { url: string; content: string });
      const da = fragments('pagefind/fragment');
      expect(da.map((f) => f.url)).toEqual(['/haandbog/regler/adgang/']);
      expect(da[0]!.content).toMatch(/Tavlemøde\W+Stående/);
      expect(fragments('pagefind/en/fragment').map((f) => f.url)).toEqual(['/haandbog/regler/access/']);
    } finally {
      cleanup(out);
    }
  });

  it('shares the Danish pages out over two bundles written side by side, the second by the Pagefind program itself', async () => {
    const out = tempDir();
    try {
      const danish = Array.from({ length: 10 }, (_, i) => `regler/r${i}/index.html`);
      for (const [i, file] of danish.entries()) {
        mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
        writeFileSync(path.join(out, file), page('da', `Regel ${i}`, `Ordet kodeord${i} står her.`));
      }
      mkdirSync(path.join(out, 'regler/access'), { recursive: true });
      writeFileSync(path.join(out, 'regler/access/index.html'), page('en', 'Access rule', 'Passwords must be changed.'));
      const result = await indexEdition(out, '/haandbog', undefined, undefined, undefined, 2);
      expect(result).toEqual({ pages: 11, english: 1, given: 0 });
      const urls = (dir: string) =>
        listFiles(path.join(out, dir, 'fragment'))
          .map((f) => (JSON.parse(readText(path.join(out, dir, 'fragment', f)).replace(/^pagefind_dcd/, '')) as { url: string }).url)
          .sort();
      const url = (file: string) => `/haandbog/${file.replace('index.html', '')}`;
      // Each page in the half its name says (`indexPart`), every page in one of them, the English one apart.
      expect(urls('pagefind')).toEqual(
        danish
          .filter((f) => indexPart(f) === 0)
          .map(url)
          .sort(),
      );
      expect(urls('pagefind/del-2')).toEqual(
        danish
          .filter((f) => indexPart(f) === 1)
          .map(url)
          .sort(),
      );
      expect(urls('pagefind').length * urls('pagefind/del-2').length).toBeGreaterThan(0);
      expect(urls('pagefind/en')).toEqual(['/haandbog/regler/access/']);
      const count = (dir: string) =>
        (JSON.parse(readText(path.join(out, dir, 'pagefind-entry.json'))) as { languages: { da: { page_count: number } } }).languages.da
          .page_count;
      expect(count('pagefind') + count('pagefind/del-2')).toBe(10);
      expect(listFiles(path.join(out, 'pagefind/del-2')).filter((f) => /pagefind-(ui|component-ui|modular-ui)/.test(f))).toEqual([]);
    } finally {
      cleanup(out);
    }
  });
});

describe('mainIndexParts and searchBundles', () => {
  it('splits the main index from MAIN_PARTS_FROM documents, and the search page names what is written', () => {
    expect(mainIndexParts(20)).toBe(1);
    expect(mainIndexParts(MAIN_PARTS_FROM - 1)).toBe(1);
    expect(mainIndexParts(MAIN_PARTS_FROM)).toBe(2);
    expect(mainIndexParts(5000)).toBe(2);
    expect(searchBundles(20, false)).toEqual({ main: 'pagefind/', part: undefined, english: undefined });
    expect(searchBundles(MAIN_PARTS_FROM, true)).toEqual({ main: 'pagefind/', part: 'pagefind/del-2/', english: 'pagefind/en/' });
  });
});
