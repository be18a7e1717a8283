/** The whole handbook, `haandbog.pdf`: its front matter printed, joined with the documents' own PDFs. */
import type { PDFDocument } from '@cantoo/pdf-lib';
import { strings } from '../../../strings/index.ts';
import { formatDate } from '../../util/dates.ts';
import { recordTiming } from '../timings.ts';
import { bookAnchors, bookFront, settleFront, type BookCover, type BookSection } from './book.ts';
import { dedupeStreams } from './dedupe.ts';
import { joinPdfs, type JoinPart } from './join.ts';
import { loadPdf } from './pdf-trees.ts';
import { pageCount, type PdfInfo } from './metadata.ts';
import { printPage } from './print-doc.ts';
import type { Page } from 'playwright-core';
import type { Edition } from '../../../schemas/settings.ts';
import type { PrintSite } from './printers.ts';
import { onPages, render, savePdf, writePdf } from './render.ts';
import { emptyPages, stampPages } from './stamp.ts';
import { footerTemplate, headerTemplate, stampTemplate } from './templates.ts';

/** The file name of the whole handbook inside `pdf/`. */
export const BOOK_FILE = 'haandbog.pdf';

/** A document's PDF as written: its bytes and its number of pages. */
export interface PrintedFile {
  bytes: Uint8Array;
  pages: number;
}

/** What printing the handbook needs besides its documents. */
export interface BookOptions extends PrintSite {
  /** Browser pages of the edition's own (`openPrinters`), at its address; closed by the caller. */
  printers: readonly Page[];
  edition: Edition;
  /** The date of printing, e.g. `2026-06-01`. */
  today: string;
  organisation: string;
  handbookTitle: string;
}

/**
 * Writes `haandbog.pdf`: the front matter printed, then it and the documents' own PDFs joined (each page is printed
 * once; printing the whole handbook again took 0.8–1.1 s of the sample's 3.1 s of intranet PDFs, and 20 s at 200
 * documents), with the handbook's page numbers, printed on empty pages, laid over every page's header. The contents
 * need the front matter's length, so it is guessed, and both are printed again if the guess was wrong.
 */
export async function printBook(
  o: BookOptions,
  sections: BookSection[],
  files: ReadonlyMap<string, PrintedFile>,
  stylesheets: string,
  base: string,
): Promise<number> {
  const counts = new Map([...files].map(([id, f]) => [id, f.pages]));
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
      (page) => render(page, front, { header, footer }),
      (page) => render(page, stamps, { header: stampTemplate(left, editionName), footer: '<span></span>' }),
    ]);
    return { pages: pageCount(frontPdf!), front: frontPdf!, stamps: stampPdf! };
  });
  return joinBook(o, docs, files, base, printed.front, await loadPdf(printed.stamps), info);
}

/** A first guess of the front matter's pages: the cover, and about 40 lines of contents a page. */
function frontGuess(docs: number, sections: number): number {
  return 1 + Math.ceil((docs + 2 * sections + 3) / 40);
}

/** Joins the front matter and the documents' PDFs (as written, in navigation order), stamps the page numbers and writes the handbook. */
async function joinBook(
  o: BookOptions,
  docs: readonly { id: string }[],
  files: ReadonlyMap<string, PrintedFile>,
  base: string,
  front: Buffer,
  stamps: PDFDocument,
  info: PdfInfo,
): Promise<number> {
  const anchors = bookAnchors([{ title: '', docs: docs as BookSection['docs'] }]);
  const parts: JoinPart[] = [{ bytes: front, anchor: 'forside' }];
  for (const doc of docs) {
    parts.push({ bytes: files.get(doc.id)!.bytes, anchor: anchors.get(doc.id)!, address: new URL(`${base}${doc.id}/`, o.site).href });
  }
  const joinStarted = performance.now();
  const { doc } = await joinPdfs(parts, { lang: 'da' });
  await stampPages(doc, stamps);
  dedupeStreams(doc.context);
  writePdf(o.distDir, BOOK_FILE, await savePdf(doc, info));
  recordTiming('pdf-join', performance.now() - joinStarted, o.edition);
  return doc.getPageCount();
}
