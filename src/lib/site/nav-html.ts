/**
 * The site navigation (`src/components/Nav.astro`) as one HTML string. Every page carries it, and as Astro markup
 * (about 25 links, each an expression with three attributes) it was 1.0–1.7 s of the intranet's CPU at 1,000
 * documents (2,669 pages; intranet builds with and without it, three pairs); as a string it is a few microseconds a
 * page. The bytes are the ones Astro's compressed markup gave (the whole output of the sample, four fixtures, a
 * fixture with base paths and markup characters in titles, and the bench's 200 documents matched the component's,
 * file for file); `test/unit/nav-html.test.ts` checks the structure.
 */
import { navWindow, type NavDoc, type Section } from '../content/nav.ts';
import type { overviewPaths } from './overview-links.ts';
import { strings } from '../../strings/index.ts';
import { basePrefix } from '../util/base-path.ts';
import { escapeAttribute, escapeHtml } from '../util/html.ts';

/** A document as the navigation lists it: its title's language too. */
export type NavEntry = NavDoc & { entry: { data: { lang: 'da' | 'en' } } };

/** What the navigation shows, and the page it is on (a document, or a section's list). */
export interface NavOptions {
  /** The edition's sections in reading order, e.g. from `editionContent()`. */
  sections: Section<NavEntry>[];
  /** The document the page shows, e.g. `retningslinjer/kryptering`. */
  currentId?: string;
  /** The section whose list the page is, e.g. `retningslinjer`. */
  currentFolder?: string;
  /** The page's language, e.g. `da`. */
  lang: 'da' | 'en';
  /** The edition's base path, e.g. `/haandbog/`. */
  base: string;
  /** The edition's overview pages, from `overviewPaths(manifest)`. */
  overviews: ReturnType<typeof overviewPaths>;
}

/** An attribute as Astro writes it: left out when undefined. */
const attribute = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escapeAttribute(value)}"`);

/** A link with its optional `lang` and `aria-current`, the text spaced as Astro's compressed markup spaces it. */
function link(href: string, text: string, lang: string | undefined, current: boolean): string {
  return `<a href="${escapeAttribute(href)}"${attribute('lang', lang)}${attribute('aria-current', current ? 'page' : undefined)}> ${escapeHtml(text)} </a>`;
}

/** The navigation of a page: every section, the open one's documents (a window of a large one), the overviews. */
export function navHtml({ sections, currentId, currentFolder, lang, base, overviews }: NavOptions): string {
  const t = strings(lang);
  const prefix = basePrefix(base);
  const docUrl = (id: string) => `${prefix}${id}/`;
  // Only the current section lists its documents, so a page stays small however large the handbook is.
  const openFolder = currentFolder ?? (currentId?.includes('/') ? currentId.split('/')[0] : currentId !== undefined ? '' : undefined);
  /** A `lang` attribute only where a title's language differs from the page's (WCAG 3.1.2). */
  const langOf = (l: string) => (l === lang ? undefined : l);
  const sectionItems = sections.map((section) => {
    const head = section.folder
      ? link(docUrl(section.folder), section.title, langOf('da'), !currentId && section.folder === openFolder)
      : `<span class="nav-section-title"${attribute('lang', langOf('da'))}> ${escapeHtml(section.title)} </span>`;
    if (section.folder !== openFolder && section.folder) return `<li> ${head}  </li>`;
    // A large section shows a window around the current document and a link to the whole list.
    const { items, hidden } = navWindow(section.docs, currentId);
    const docs = items.map((doc) => `<li> ${link(docUrl(doc.id), doc.title, langOf(doc.entry.data.lang), doc.id === currentId)} </li>`);
    const more =
      hidden > 0 && section.folder
        ? `<li class="nav-more"> <a href="${escapeAttribute(docUrl(section.folder))}">${escapeHtml(t.navAll(section.docs.length, section.title))}</a> </li>`
        : '';
    return `<li> ${head} <ul> ${docs.join('')} ${more} </ul> </li>`;
  });
  const overviewItems = overviews.map((o) => `<li> ${link(`${prefix}${o.path}`, t.overviewLinks[o.key], langOf('da'), false)} </li>`);
  return (
    `<details class="nav-toggle" data-pagefind-ignore="all"> <summary>${escapeHtml(t.menu)}</summary> ` +
    `<nav aria-label="${escapeAttribute(t.navigation)}" class="site-nav"> <ul class="nav-sections"> ${sectionItems.join('')} </ul> ` +
    `<ul class="nav-overview" aria-label="${escapeAttribute(t.overviewLinks.heading)}"> ${overviewItems.join('')} </ul> </nav> </details>`
  );
}
