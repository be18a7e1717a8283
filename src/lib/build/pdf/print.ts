/** Prints an edition's PDFs from its built pages: every document as one print, cut into one PDF each, and the whole handbook. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strings } from '../../../strings/index.ts';
import { buildSections } from '../../content/nav.ts';
import { basePrefix } from '../../util/base-path.ts';
import type { Page } from 'playwright-core';
import { recordTiming } from '../timings.ts';
import { bookAnchors, type BookSection } from './book.ts';
import { loadPdf } from './pdf-trees.ts';
import { BOOK_FILE, printBook, type BookOptions, type PrintedFile } from './print-book.ts';
import { articleOf, docBlock, prefixIds, printPage, stylesheetsOf, type PrintDoc } from './print-doc.ts';
import { chunks, render, savePdf, writePdf } from './render.ts';
import { cutDocument, readPrint } from './split.ts';
import { stampPages } from './stamp.ts';
import { footerPages, headerTemplate } from './templates.ts';

/** What printing an edition needs. */
export interface PrintEditionOptions extends BookOptions {
  /** Configured sections, for the navigation order. */
  sections: readonly { folder: string; title: string }[];
  docs: readonly (PrintDoc & { folder: string })[];
}

/** What was printed. */
export interface PrintResult {
  files: number;
  pages: number;
}

/**
 * Prints every document as one print (its ids prefixed with the document's anchor, as every document has its own
 * "formaal"), its footers (address and page of the document's pages, known once it is printed) as a second, and cuts
 * them into one PDF per document; then the handbook. Throws (leaving a half-written `pdf/` in the stage only) on any failure.
 */
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
  const anchors = bookAnchors(sections);
  const docsStarted = performance.now();
  const run: Run = { o, base, styles, header, anchors, built };
  const files = new Map<string, PrintedFile>();
  // Each printing page prints a run of the documents, in navigation order, about equal in length.
  const runs = chunks(ordered, (d) => built.get(d.id)!.length, o.printers.length);
  await Promise.all(
    runs.map(async (docs, k) => {
      for (const [id, file] of await printRun(o.printers[k]!, docs, run)) files.set(id, file);
    }),
  );
  recordTiming('pdf-docs', performance.now() - docsStarted, o.edition);
  const bookStarted = performance.now();
  const book = await printBook(o, sections, files, styles, base);
  recordTiming('pdf-book', performance.now() - bookStarted, o.edition);
  const pages = [...files.values()].reduce((a, f) => a + f.pages, 0) + book;
  return { files: ordered.length + 1, pages };
}

/** What printing a run of documents needs from its edition. */
interface Run {
  o: PrintEditionOptions;
  base: string;
  styles: string;
  header: string;
  anchors: ReadonlyMap<string, string>;
  built: ReadonlyMap<string, string>;
}

/** Prints documents as one print, then their footers, and cuts each document's PDF from them, written to `pdf/`. */
async function printRun(page: Page, docs: readonly PrintDoc[], r: Run): Promise<Map<string, PrintedFile>> {
  const { o } = r;
  // An edition without documents (a handbook with none public) prints only its handbook's front matter.
  if (!docs.length) return new Map();
  const started = performance.now();
  const body = docs.map((doc) => docBlock(doc, prefixIds(articleOf(r.built.get(doc.id)!, `${doc.id}/index.html`), r.anchors.get(doc.id)!)));
  const printed = await render(page, printPage({ title: o.handbookTitle, lang: 'da', stylesheets: r.styles, body: body.join('') }), {
    header: r.header,
    footer: '<span></span>',
  });
  recordTiming('pdf-print', performance.now() - started, o.edition);
  const print = await readPrint(printed, docs.length);
  const address = (doc: PrintDoc) => new URL(`${r.base}${doc.id}/`, o.site).href;
  const footers = docs.flatMap((doc, i) => {
    const { pages } = print.ranges[i]!;
    return Array.from({ length: pages }, (_, k) => ({ lang: doc.data.lang, valid: address(doc), page: k + 1, pages }));
  });
  const footerPdf = await loadPdf(
    await render(page, printPage({ title: '', lang: 'da', stylesheets: '', body: footerPages(o.today, footers) })),
  );
  recordTiming('pdf-footers', performance.now() - started, o.edition);
  const files = new Map<string, PrintedFile>();
  for (const [i, doc] of docs.entries()) {
    const { data } = doc;
    const own = await cutDocument(print, i, r.anchors.get(doc.id)!, data.lang);
    await stampPages(own, footerPdf, print.ranges[i]!.first);
    const subject = data.description ?? `${strings(data.lang).typeNames[data.type]} · ${o.handbookTitle}`;
    const bytes = await savePdf(own, { title: data.title, author: data.owner, subject });
    writePdf(o.distDir, `${doc.id}.pdf`, bytes);
    files.set(doc.id, { bytes, pages: own.getPageCount() });
  }
  return files;
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
