/** Prints an edition's PDFs from its built pages: one per document and the whole handbook, on pages opened for it. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Edition } from '../../../schemas/settings.ts';
import { strings } from '../../../strings/index.ts';
import { buildSections } from '../../content/nav.ts';
import { formatDate } from '../../util/dates.ts';
import { bookAnchors, bookFront, settleFront, type BookCover, type BookSection } from './book.ts';
import { joinPdfs, type JoinPart } from './join.ts';
import { emptyPages, stampPages } from './stamp.ts';
import { pageCount, setPdfInfo, type PdfInfo } from './metadata.ts';
import { articleOf, docBlock, printPage, stylesheetsOf, type PrintDoc } from './print-doc.ts';
import type { PrintSite } from './printers.ts';
import { basePrefix } from '../../util/base-path.ts';
import { recordTiming } from '../timings.ts';
import { footerTemplate, headerTemplate, MARGIN, stampTemplate } from './templates.ts';

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

/** Prints every document, then joins the handbook from their PDFs; throws (leaving a half-written `pdf/` in the stage only) on any failure. */
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
  const counts = new Map<string, number>();
  const docsStarted = performance.now();
  await pool(o.printers, ordered, async (page, doc) => {
    const { data } = doc;
    const body = docBlock(doc, articleOf(built.get(doc.id)!, `${doc.id}/index.html`));
    const html = printPage({ title: data.title, lang: data.lang, description: data.description, stylesheets: styles, body });
    const footer = footerTemplate(data.lang, o.today, new URL(`${base}${doc.id}/`, o.site).href);
    const pdf = await render(page, html, header, footer);
    const subject = data.description ?? `${strings(data.lang).typeNames[data.type]} · ${o.handbookTitle}`;
    writePdf(o.distDir, `${doc.id}.pdf`, setPdfInfo(pdf, { title: data.title, author: data.owner, subject }));
    counts.set(doc.id, pageCount(pdf));
  });
  recordTiming('pdf-docs', performance.now() - docsStarted, o.edition);
  const bookStarted = performance.now();
  const book = await printBook(o, sections, counts, styles, base);
  recordTiming('pdf-book', performance.now() - bookStarted, o.edition);
  const pages = [...counts.values()].reduce((a, b) => a + b, 0) + book;
  return { files: ordered.length + 1, pages };
}

/** Prints a print page with the given header and footer templates. */
async function render(page: Page, html: string, header: string, footer: string): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf({
    format: 'A4',
    margin: MARGIN,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: header,
    footerTemplate: footer,
  });
}

/** Writes `pdf/<file>` in the edition. */
function writePdf(distDir: string, file: string, bytes: Uint8Array): void {
  const target = path.join(distDir, 'pdf', file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}

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

/**
 * Writes `haandbog.pdf`: the front matter printed, then it and the documents' own PDFs joined (each page is printed
 * once; printing the whole handbook again took 0.8–1.1 s of the sample's 3.1 s of intranet PDFs, and 20 s at 200
 * documents), with the handbook's page numbers, printed on empty pages, laid over every page's header. The contents
 * need the front matter's length, so it is guessed, and both are printed again if the guess was wrong.
 */
async function printBook(
  o: PrintEditionOptions,
  sections: BookSection[],
  counts: ReadonlyMap<string, number>,
  stylesheets: string,
  base: string,
): Promise<number> {
  const t = strings('da');
  const editionName = t.editions[o.edition];
  const cover: BookCover = { organisation: o.organisation, handbookTitle: o.handbookTitle, editionName, today: o.today };
  const title = `${o.handbookTitle} · ${editionName}`;
  const docs = sections.flatMap((s) => s.docs);
  const docPages = docs.reduce((n, d) => n + counts.get(d.id)!, 0);
  const left = `${o.organisation} · ${o.handbookTitle}`;
  const header = headerTemplate(left, editionName);
  const footer = footerTemplate('da', o.today, new URL(base, o.site).href, false);
  const info = { title, author: o.organisation, subject: `${editionName}, ${t.pdf.printed(formatDate(o.today)).toLowerCase()}` };
  const printed = await settleFront(frontGuess(docs.length, sections.length), async (frontPages) => {
    const starts = new Map<string, number>();
    let next = frontPages + 1;
    for (const doc of docs) {
      starts.set(doc.id, next);
      next += counts.get(doc.id)!;
    }
    const front = printPage({ title, lang: 'da', stylesheets, body: bookFront(cover, sections, base, starts) });
    const stamps = printPage({ title, lang: 'da', stylesheets: '', body: emptyPages(frontPages + docPages) });
    const [frontPdf, stampPdf] = await onPages(o.printers, [
      (page) => render(page, front, header, footer),
      (page) => render(page, stamps, stampTemplate(left, editionName), '<span></span>'),
    ]);
    return { pages: pageCount(frontPdf!), front: frontPdf!, stamps: stampPdf! };
  });
  return joinBook(o, docs, base, printed.front, printed.stamps, info);
}

/** A first guess of the front matter's pages: the cover, and about 40 lines of contents a page. */
function frontGuess(docs: number, sections: number): number {
  return 1 + Math.ceil((docs + 2 * sections + 3) / 40);
}

/** Joins the front matter and the documents' PDFs (as written, in navigation order), stamps the page numbers and writes the handbook. */
async function joinBook(
  o: PrintEditionOptions,
  docs: readonly PrintDoc[],
  base: string,
  front: Buffer,
  stamps: Buffer,
  info: PdfInfo,
): Promise<number> {
  const anchors = bookAnchors([{ title: '', docs: [...docs] }]);
  const parts: JoinPart[] = [{ bytes: front, anchor: 'forside' }];
  for (const doc of docs) {
    const bytes = readFileSync(path.join(o.distDir, 'pdf', `${doc.id}.pdf`));
    parts.push({ bytes, anchor: anchors.get(doc.id)!, address: new URL(`${base}${doc.id}/`, o.site).href });
  }
  const joinStarted = performance.now();
  const { doc } = await joinPdfs(parts, { lang: 'da' });
  await stampPages(doc, stamps);
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setCreator('Chromium, handbook');
  doc.setProducer('Skia/PDF, pdf-lib');
  doc.setCreationDate(new Date());
  // Written in one go: pdf-lib's default yields every 50 objects, which made saving the sample's handbook 0.2 s instead of 0.03.
  const bytes = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  writePdf(o.distDir, BOOK_FILE, bytes);
  recordTiming('pdf-join', performance.now() - joinStarted, o.edition);
  return doc.getPageCount();
}

/** Runs the jobs on the given browser pages, at most one at a time on each, and returns their results in order. */
async function onPages<R>(pages: readonly Page[], jobs: readonly ((page: Page) => Promise<R>)[]): Promise<R[]> {
  const results: R[] = [];
  await pool(
    pages,
    jobs.map((job, i) => ({ job, i })),
    async (page, { job, i }) => {
      results[i] = await job(page);
    },
  );
  return results;
}

/** Runs `work` over `items` with the given browser pages, each taking the next item when done. */
async function pool<T>(pages: readonly Page[], items: readonly T[], work: (page: Page, item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (page: Page) => {
    while (next < items.length) await work(page, items[next++]!);
  };
  await Promise.all(pages.map(worker));
}
