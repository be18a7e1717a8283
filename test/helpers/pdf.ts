/** Reading PDFs back with an independent reader (poppler-utils: pdfinfo, pdftotext, pdftohtml), for the PDF tests. */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { CHROMIUM_CANDIDATES } from '../../src/lib/build/pdf/browser.ts';

/** The Chromium the build would print with, or undefined when there is none here. */
export function chromiumHere(): string | undefined {
  for (const file of process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : CHROMIUM_CANDIDATES) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // next
    }
  }
  return undefined;
}

/** Whether poppler's tools are installed. */
export function popplerHere(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** pdfinfo's fields, e.g. `{ Title: "…", Pages: "3", Tagged: "yes" }`. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** The text of one page (1-based), or of all pages; white space runs become one space. */
export function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The bookmarks (outline) as title and page, in order, from pdftohtml's XML. */
export function pdfOutline(file: string): { title: string; page: number }[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8' });
  const unescape = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  return [...xml.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => ({ title: unescape(m[2]!), page: Number(m[1]) }));
}

/** The link targets (URI actions) of a PDF: Chromium writes its link annotations uncompressed. */
export function pdfLinks(bytes: Buffer): string[] {
  return [...bytes.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!);
}

/** The document language in the PDF's catalog, e.g. `da`. */
export function pdfLang(bytes: Buffer): string | undefined {
  return /\/Lang \(([^)]*)\)/.exec(bytes.toString('latin1'))?.[1];
}

/** The tagged structure as poppler reads it (`pdfinfo -struct-text`): one line per element or text, indented two spaces a level. */
export function pdfStructure(file: string): string[] {
  // Poppler also reports, on stderr, Chromium's inline elements it does not expect (`Strong`); the tree is read anyway.
  const out = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.split('\n');
}
