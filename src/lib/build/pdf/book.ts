/** The handbook's front matter (cover, and contents with page numbers), printed before its documents' PDFs are joined to it. */
import { strings } from '../../../strings/index.ts';
import { formatDate } from '../../util/dates.ts';
import { escapeHtml } from '../../util/html.ts';
import type { PrintDoc } from './print-doc.ts';

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

/** The cover page. */
function cover(c: BookCover, count: number): string {
  const t = strings('da').pdf;
  return (
    `<section class="book-cover"><p class="book-org">${escapeHtml(c.organisation)}</p><h1>${escapeHtml(c.handbookTitle)}</h1>` +
    `<p>${escapeHtml(c.editionName)} · ${t.documentCount(count)}</p><p>${t.printed(formatDate(c.today))}</p></section>`
  );
}

/**
 * The table of contents, with each document's first page in the handbook. Its links go to the documents' addresses,
 * which the join (`join.ts`) turns into links to their first pages.
 */
function contents(sections: readonly BookSection[], base: string, pages: ReadonlyMap<string, number>): string {
  const t = strings('da').pdf;
  const items = sections.map((s) => {
    const docs = s.docs.map((d) => {
      const page = pages.get(d.id) ?? '';
      const lang = d.data.lang === 'da' ? '' : ` lang="${d.data.lang}"`;
      return `<li><a href="${base}${d.id}/"${lang}>${escapeHtml(d.data.title)}</a><span class="book-dots"></span><span>${page}</span></li>`;
    });
    return `<p class="book-section">${escapeHtml(s.title)}</p><ol>${docs.join('')}</ol>`;
  });
  return `<nav class="book-toc" aria-labelledby="book-contents"><h2 id="book-contents">${t.contents}</h2>${items.join('')}</nav>`;
}

/** The anchor of every document in the handbook, in navigation order: its destinations are named with it. */
export function bookAnchors(sections: readonly BookSection[]): Map<string, string> {
  return new Map(sections.flatMap((s) => s.docs).map((d, i) => [d.id, anchorOf(i + 1)]));
}

/** The handbook's front matter: cover and contents. */
export function bookFront(c: BookCover, sections: readonly BookSection[], base: string, pages: ReadonlyMap<string, number>): string {
  return (
    cover(
      c,
      sections.reduce((n, s) => n + s.docs.length, 0),
    ) + contents(sections, base, pages)
  );
}

/**
 * Prints the front matter numbered for `guess` pages of it, and again for the pages it took while that differs (the
 * contents' page numbers, and so the handbook's, depend on its length); fails after three prints.
 */
export async function settleFront<T extends { pages: number }>(guess: number, print: (frontPages: number) => Promise<T>): Promise<T> {
  let frontPages = guess;
  for (let attempt = 1; ; attempt++) {
    const printed = await print(frontPages);
    if (printed.pages === frontPages) return printed;
    if (attempt === 3) throw new Error(`PDF: forsiden og indholdsfortegnelsen fik ${printed.pages} sider, ikke ${frontPages}, tre gange`);
    frontPages = printed.pages;
  }
}
