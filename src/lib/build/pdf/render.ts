/** Printing one print page to PDF bytes, and writing PDFs into the edition. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PDFDocument } from '@cantoo/pdf-lib';
import type { Page } from 'playwright-core';
import type { PdfInfo } from './metadata.ts';
import { MARGIN } from './templates.ts';

/** Chromium's header and footer templates for a print; without them, a print of whole pages (the stamps) with no margins. */
export interface Templates {
  header: string;
  footer: string;
}

/** Prints a print page, tagged and with its outline. */
export async function render(page: Page, html: string, templates?: Templates): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf({
    format: 'A4',
    margin: templates ? MARGIN : { top: '0', right: '0', bottom: '0', left: '0' },
    printBackground: true,
    tagged: true,
    outline: Boolean(templates),
    displayHeaderFooter: Boolean(templates),
    headerTemplate: templates?.header,
    footerTemplate: templates?.footer,
  });
}

/** Sets the document information Chromium leaves out (author, subject) with the title, and writes the PDF. */
export async function savePdf(doc: PDFDocument, info: PdfInfo): Promise<Uint8Array> {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setCreator('Chromium, handbook');
  doc.setProducer('Skia/PDF, pdf-lib');
  doc.setCreationDate(new Date());
  // Written in one go: pdf-lib's default yields every 50 objects, which made saving the sample's handbook 0.2 s instead of 0.03.
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/** Writes `pdf/<file>` in the edition. */
export function writePdf(distDir: string, file: string, bytes: Uint8Array): void {
  const target = path.join(distDir, 'pdf', file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}

/** Runs `work` over `items` with the given browser pages, each taking the next item when done. */
export async function pool<T>(pages: readonly Page[], items: readonly T[], work: (page: Page, item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (page: Page) => {
    while (next < items.length) await work(page, items[next++]!);
  };
  await Promise.all(pages.map(worker));
}

/** Runs the jobs on the given browser pages, at most one at a time on each, and returns their results in order. */
export async function onPages<R>(pages: readonly Page[], jobs: readonly ((page: Page) => Promise<R>)[]): Promise<R[]> {
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

/** Splits items into at most `n` runs, in order, of about equal total weight (none empty). */
export function chunks<T>(items: readonly T[], weight: (item: T) => number, n: number): T[][] {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  const runs: T[][] = [[]];
  let done = 0;
  for (const item of items) {
    // A new run starts once this one holds its share of the whole.
    if (runs.length < n && runs.at(-1)!.length > 0 && done >= (total * runs.length) / n) runs.push([]);
    runs.at(-1)!.push(item);
    done += weight(item);
  }
  return runs;
}
