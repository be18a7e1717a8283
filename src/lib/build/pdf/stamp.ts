/**
 * The handbook's own page numbers on pages joined from the documents' PDFs, whose footers number each document's pages
 * ("side 2 af 5"). Chromium prints them, on as many empty pages, as their header (`stampTemplate`), in its fonts, and
 * each is laid over its page as an artifact: pagination, not content (PDF/UA, ISO 14289-1 7.8).
 */
import {
  PDFContentStream,
  PDFDocument,
  beginMarkedContent,
  drawObject,
  endMarkedContent,
  popGraphicsState,
  pushGraphicsState,
} from '@cantoo/pdf-lib';

/** The body of a print page of `count` empty pages. */
export function emptyPages(count: number): string {
  return Array.from({ length: count }, (_, i) => `<div style="${i + 1 < count ? 'break-after: page; ' : ''}height: 1px;"></div>`).join('');
}

/** Lays page `from + i` of `stamps` over page i of `doc`, for every page of `doc`. */
export async function stampPages(doc: PDFDocument, stamps: PDFDocument, from = 0): Promise<void> {
  if (stamps.getPageCount() < from + doc.getPageCount()) {
    throw new Error(`PDF: ${stamps.getPageCount()} sider at lægge over sider, der går til side ${from + doc.getPageCount()}`);
  }
  const embedded = await doc.embedPages(stamps.getPages().slice(from, from + doc.getPageCount()));
  const c = doc.context;
  doc.getPages().forEach((page, i) => {
    // The page's own drawing is closed in a saved graphics state first, so whatever it leaves set does not move the stamp.
    page.node.normalize();
    const start = c.register(PDFContentStream.of(c.obj({}), [pushGraphicsState()]));
    const end = c.register(PDFContentStream.of(c.obj({}), [popGraphicsState()]));
    page.node.wrapContentStreams(start, end);
    // The same size as the page (both A4): drawn where it was printed.
    const name = page.node.newXObject('Stamp', embedded[i]!.ref);
    const ops = [beginMarkedContent('Artifact'), pushGraphicsState(), drawObject(name), popGraphicsState(), endMarkedContent()];
    page.node.addContentStream(c.register(PDFContentStream.of(c.obj({}), ops)));
  });
}
