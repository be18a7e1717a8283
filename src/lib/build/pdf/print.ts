/** Prints an edition's PDFs from its built pages: one per document and the whole handbook, on pages opened for it. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Edition } from '../../../schemas/settings.ts';
import { strings } from '../../../strings/index.ts';
import { buildSections } from '../../content/nav.ts';
import { formatDate } from '../../util/dates.ts';
import { bookBody, bookAnchors, bookFront, localiseArticle, type BookCover, type BookSection } from './book.ts';
import { pageCount, setPdfInfo, type PdfInfo } from './metadata.ts';
import { articleOf, docBlock, printPage, stylesheetsOf, type PrintDoc } from './print-doc.ts';
import type { PrintSite } from './printers.ts';
import { basePrefix } from '../../util/base-path.ts';
import { recordTiming } from '../timings.ts';
import { footerTemplate, headerTemplate, MARGIN } from './templates.ts';

/** The file name of the whole handbook inside `pdf/`. */
export const BOOK_FILE = 'haandbog.pdf';

/** What printing an edition needs. */
export interface PrintEditionOptions extends PrintSite {
  /** Browser pages of the edition's own (`openPrinters`), at its address; closed by the caller. */
  printers: readonly Page[];
  edition: Edition;
  today: string;
  organisation: string;
  handbookTitle: string;
  /** Configured sections, for the navigation order. */
  sections: readonly { folder: string; title: string }[];
  docs: readonly (PrintDoc & { folder: string })[];
}

/** What was printed. */
export interface PrintResult {
  files: number;
  pages: number;
}

/** Prints every document, then the handbook; throws (leaving a half-written `pdf/` in the stage only) on any failure. */
export async function printEdition(o: PrintEditionOptions): Promise<PrintResult> {
  const base = basePrefix(o.base);
  const clash = o.docs.find((d) => `${d.id}.pdf` === BOOK_FILE);
  if (clash) throw new Error(`PDF: dokumentet ${clash.id} ville få samme PDF som hele håndbogen (pdf/${BOOK_FILE}); omdøb det`);
  const sections: BookSection[] = buildSections(
    o.docs.map((d) => ({ ...d, title: d.data.title, type: d.data.type })),
    o.sections,
  ).map((s) => ({ title: s.title, docs: s.docs }));
  const ordered = sections.flatMap((s) => s.docs);
  const built = new Map(ordered.map((d) => [d.id, readFileSync(path.join(o.distDir, d.id, 'index.html'), 'utf8')]));
  const styles = inlineStyles(built.values().next().value ?? '', o.distDir, base);
  const header = headerTemplate(`${o.organisation} · ${o.handbookTitle}`, strings('da').editions[o.edition]);
  /** Prints one print page; the footer names where its valid version is (the document's page, or the edition's). */
  const print: Print = async (page, html, valid, lang, info, file) => {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      margin: MARGIN,
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: header,
      footerTemplate: footerTemplate(lang, o.today, new URL(valid, o.site).href),
    });
    if (file) {
      const target = path.join(o.distDir, 'pdf', file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, setPdfInfo(pdf, info));
    }
    return pageCount(pdf);
  };
  const counts = new Map<string, number>();
  const docsStarted = performance.now();
  await pool(o.printers, ordered, async (page, doc) => {
    const { data } = doc;
    const body = docBlock(doc, articleOf(built.get(doc.id)!, `${doc.id}/index.html`));
    const html = printPage({ title: data.title, lang: data.lang, description: data.description, stylesheets: styles, body });
    const subject = data.description ?? `${strings(data.lang).typeNames[data.type]} · ${o.handbookTitle}`;
    counts.set(
      doc.id,
      await print(page, html, `${base}${doc.id}/`, data.lang, { title: data.title, author: data.owner, subject }, `${doc.id}.pdf`),
    );
  });
  recordTiming('pdf-docs', performance.now() - docsStarted, o.edition);
  const bookStarted = performance.now();
  // On a page that printed documents: a context of its own would start another renderer process (about 0.7 s of CPU).
  const book = await printBook(o.printers[0]!, o, sections, built, counts, styles, print, base);
  recordTiming('pdf-book', performance.now() - bookStarted, o.edition);
  const pages = [...counts.values()].reduce((a, b) => a + b, 0) + book;
  return { files: ordered.length + 1, pages };
}

/** Prints a print page (to `pdf/<file>` when given) and returns its number of pages. */
type Print = (page: Page, html: string, valid: string, lang: 'da' | 'en', info: PdfInfo, file?: string) => Promise<number>;

/** The built page's stylesheets as `<style>` elements, read from the edition, so a print page needs no request for them. */
function inlineStyles(html: string, distDir: string, base: string): string {
  return [...stylesheetsOf(html).matchAll(/href="([^"]+)"/g)]
    .map(([, href = '']) => {
      const file = path.join(distDir, href.startsWith(base) ? href.slice(base.length) : href);
      if (!file.startsWith(distDir + path.sep)) throw new Error(`PDF: stilarket ${href} ligger uden for udgaven`);
      return `<style>${readFileSync(file, 'utf8').replace(/<\/style/gi, '<\\/style')}</style>`;
    })
    .join('');
}

/** Prints `haandbog.pdf`: the front matter once alone to learn its length, then everything with the page numbers. */
async function printBook(
  page: Page,
  o: PrintEditionOptions,
  sections: BookSection[],
  built: ReadonlyMap<string, string>,
  counts: ReadonlyMap<string, number>,
  stylesheets: string,
  print: Print,
  base: string,
): Promise<number> {
  const t = strings('da');
  const editionName = t.editions[o.edition];
  const cover: BookCover = { organisation: o.organisation, handbookTitle: o.handbookTitle, editionName, today: o.today };
  const title = `${o.handbookTitle} · ${editionName}`;
  const info: PdfInfo = { title, author: o.organisation, subject: `${editionName}, ${t.pdf.printed(formatDate(o.today)).toLowerCase()}` };
  const front = printPage({ title, lang: 'da', stylesheets, body: bookFront(cover, sections) });
  // The front matter alone first, to learn its length; the document blocks print exactly as in their own PDFs.
  const frontPages = await print(page, front, base, 'da', info);
  const pages = new Map<string, number>();
  let next = frontPages + 1;
  for (const doc of sections.flatMap((s) => s.docs)) {
    pages.set(doc.id, next);
    next += counts.get(doc.id)!;
  }
  const anchors = bookAnchors(sections);
  const articles = new Map(
    [...anchors].map(([id, anchor]) => [id, localiseArticle(articleOf(built.get(id)!, `${id}/index.html`), anchor, base, anchors)]),
  );
  const html = printPage({ title, lang: 'da', stylesheets, body: bookBody(cover, sections, articles, pages) });
  return print(page, html, base, 'da', info, BOOK_FILE);
}

/** Runs `work` over `items` with the given browser pages, each taking the next item when done. */
async function pool<T>(pages: readonly Page[], items: readonly T[], work: (page: Page, item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (page: Page) => {
    while (next < items.length) await work(page, items[next++]!);
  };
  await Promise.all(pages.map(worker));
}
