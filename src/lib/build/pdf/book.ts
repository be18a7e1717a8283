/** The whole edition as one print page: cover, contents with page numbers, and every document in navigation order. */
import { strings } from '../../../strings/index.ts';
import { formatDate } from '../../util/dates.ts';
import { docBlock, escapeHtml, type PrintDoc } from './print-doc.ts';

/** A navigation section of printed documents. */
export interface BookSection {
  title: string;
  docs: PrintDoc[];
}

/** What the cover names. */
export interface BookCover {
  organisation: string;
  handbookTitle: string;
  editionName: string;
  today: string;
}

/** The anchor of a document inside the handbook, e.g. `d3`. */
const anchorOf = (n: number) => `d${n}`;

/**
 * Makes one document's article fit beside the others: its ids (and the references to them) get the document's
 * prefix, since every document has a "formaal", and links to a document in the handbook become links inside it.
 */
export function localiseArticle(article: string, prefix: string, base: string, anchors: ReadonlyMap<string, string>): string {
  const prefixed = article.replace(
    /\s(id|for|headers|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"/g,
    (_m, attr: string, value: string) =>
      ` ${attr}="${value
        .split(/\s+/)
        .filter(Boolean)
        .map((v) => `${prefix}-${v}`)
        .join(' ')}"`,
  );
  return prefixed.replace(/\shref="([^"]*)"/g, (match, href: string) => {
    if (href.startsWith('#')) return ` href="#${prefix}-${href.slice(1)}"`;
    if (!href.startsWith(base)) return match;
    const [pathname = '', fragment] = href.slice(base.length).split('#');
    const anchor = anchors.get(pathname.replace(/\/$/, ''));
    if (!anchor) return match;
    return ` href="#${fragment ? `${anchor}-${fragment}` : anchor}"`;
  });
}

/** The cover page. */
function cover(c: BookCover, count: number): string {
  const t = strings('da').pdf;
  return (
    `<section class="book-cover"><p class="book-org">${escapeHtml(c.organisation)}</p><h1>${escapeHtml(c.handbookTitle)}</h1>` +
    `<p>${escapeHtml(c.editionName)} · ${t.documentCount(count)}</p><p>${t.printed(formatDate(c.today))}</p></section>`
  );
}

/** The table of contents; `pages` gives each document's first page (absent in the pass that measures). */
function contents(sections: readonly BookSection[], anchors: ReadonlyMap<string, string>, pages?: ReadonlyMap<string, number>): string {
  const t = strings('da').pdf;
  const items = sections.map((s) => {
    const docs = s.docs.map((d) => {
      const page = pages?.get(d.id) ?? '000';
      const lang = d.data.lang === 'da' ? '' : ` lang="${d.data.lang}"`;
      return `<li><a href="#${anchors.get(d.id)}"${lang}>${escapeHtml(d.data.title)}</a><span class="book-dots"></span><span>${page}</span></li>`;
    });
    return `<p class="book-section">${escapeHtml(s.title)}</p><ol>${docs.join('')}</ol>`;
  });
  return `<nav class="book-toc" aria-labelledby="book-contents"><h2 id="book-contents">${t.contents}</h2>${items.join('')}</nav>`;
}

/** The anchor of every document, in navigation order. */
export function bookAnchors(sections: readonly BookSection[]): Map<string, string> {
  return new Map(sections.flatMap((s) => s.docs).map((d, i) => [d.id, anchorOf(i + 1)]));
}

/** The body of the front matter alone (cover and contents), printed first to learn how many pages it takes. */
export function bookFront(c: BookCover, sections: readonly BookSection[], pages?: ReadonlyMap<string, number>): string {
  const anchors = bookAnchors(sections);
  return cover(c, anchors.size) + contents(sections, anchors, pages);
}

/** The body of the whole handbook: front matter, then each document's block (articles already localised). */
export function bookBody(
  c: BookCover,
  sections: readonly BookSection[],
  articles: ReadonlyMap<string, string>,
  pages: ReadonlyMap<string, number>,
): string {
  const anchors = bookAnchors(sections);
  const blocks = sections.flatMap((s) => s.docs).map((d) => docBlock(d, articles.get(d.id)!, anchors.get(d.id)));
  return bookFront(c, sections, pages) + blocks.join('');
}
