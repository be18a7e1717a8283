/** The site navigation as a string: sections, the open section's window, the current page, languages, escaping. */
import { describe, expect, it } from 'vitest';
import { navHtml, type NavEntry, type NavOptions } from '../../src/lib/site/nav-html.ts';
import type { Section } from '../../src/lib/content/nav.ts';

/** A document of `folder` (`''` for the handbook's root). */
const doc = (folder: string, name: string, title: string, lang: 'da' | 'en' = 'da'): NavEntry => ({
  id: folder ? `${folder}/${name}` : name,
  title,
  type: 'retningslinje',
  folder,
  entry: { data: { lang } },
});

const big: Section<NavEntry> = {
  folder: 'retningslinjer',
  title: 'Retningslinjer & "regler"',
  docs: Array.from({ length: 20 }, (_, i) => doc('retningslinjer', `r${String(i).padStart(2, '0')}`, `Regel ${i} <${i}>`)),
};
const small: Section<NavEntry> = { folder: 'politikker', title: 'Politikker', docs: [doc('politikker', 'p', "Politik 'én'", 'en')] };
const root: Section<NavEntry> = { folder: '', title: 'Forside', docs: [doc('', 'om', 'Om håndbogen')] };

const options = (over: Partial<NavOptions>): NavOptions => ({
  sections: [root, small, big],
  lang: 'da',
  base: '/haandbog/',
  overviews: [
    { key: 'review', path: 'oversigt/' },
    { key: 'changes', path: 'seneste-aendringer/' },
  ],
  ...over,
});

/** The links' targets in order, and those marked as the current page. */
const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
const current = (html: string) => [...html.matchAll(/<a href="([^"]*)"[^>]* aria-current="page"/g)].map((m) => m[1]);

describe('navHtml', () => {
  it("lists every section, the open section's window of 15 around the current document, and the overviews", () => {
    const html = navHtml(options({ currentId: 'retningslinjer/r10' }));
    const links = hrefs(html);
    const docs = links.filter((h) => h!.startsWith('/haandbog/retningslinjer/r'));
    expect(docs).toEqual(Array.from({ length: 15 }, (_, i) => `/haandbog/retningslinjer/r${String(i + 3).padStart(2, '0')}/`));
    expect(links.slice(0, 3)).toEqual(['/haandbog/om/', '/haandbog/politikker/', '/haandbog/retningslinjer/']);
    expect(links.slice(-3)).toEqual(['/haandbog/retningslinjer/', '/haandbog/oversigt/', '/haandbog/seneste-aendringer/']);
    expect(html).toContain(
      '<li class="nav-more"> <a href="/haandbog/retningslinjer/">Alle 20 dokumenter i Retningslinjer &amp; &quot;regler&quot;</a> </li>',
    );
    expect(current(html)).toEqual(['/haandbog/retningslinjer/r10/']);
    // A closed section lists no documents.
    expect(links).not.toContain('/haandbog/politikker/p/');
    expect(html).toMatch(
      /^<details class="nav-toggle" data-pagefind-ignore="all"> <summary>Menu<\/summary> <nav aria-label="Håndbogens indhold"/,
    );
  });

  it('marks a section page as current, not a document, and lists the section from its start', () => {
    const html = navHtml(options({ currentFolder: 'retningslinjer' }));
    expect(current(html)).toEqual(['/haandbog/retningslinjer/']);
    expect(hrefs(html).filter((h) => h!.startsWith('/haandbog/retningslinjer/r'))[0]).toBe('/haandbog/retningslinjer/r00/');
  });

  it("gives a title in another language than the page's its lang, and escapes text and attributes", () => {
    const html = navHtml(options({ currentId: 'politikker/p' }));
    expect(html).toContain('<a href="/haandbog/politikker/p/" lang="en" aria-current="page"> Politik &#39;én&#39; </a>');
    expect(navHtml(options({ currentId: 'retningslinjer/r00' }))).toContain('> Regel 1 &lt;1&gt; </a>');
    // On an English page the Danish titles get theirs, and the texts are English.
    const english = navHtml(options({ currentId: 'politikker/p', lang: 'en' }));
    expect(english).toContain('<a href="/haandbog/politikker/" lang="da"> Politikker </a>');
    expect(english).toContain('<a href="/haandbog/politikker/p/" aria-current="page"> Politik');
    expect(english).not.toContain('<summary>Menu</summary> <nav aria-label="Håndbogens indhold"');
  });

  it('joins paths to a base path without a final slash and to the root base', () => {
    expect(hrefs(navHtml(options({ base: '/hb' })))[0]).toBe('/hb/om/');
    expect(hrefs(navHtml(options({ base: '/' })))[0]).toBe('/om/');
  });
});
