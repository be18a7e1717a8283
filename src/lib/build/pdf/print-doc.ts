/** The facts about a document that its printed pages carry, and the block a document is printed as. */
import type { Frontmatter } from '../../../schemas/frontmatter.ts';
import { strings } from '../../../strings/index.ts';
import { formatDate } from '../../util/dates.ts';
import { escapeHtml } from '../../util/html.ts';

/** A document to print: its collection id (URL path) and validated frontmatter. */
export interface PrintDoc {
  /** Collection id, e.g. `retningslinjer/kryptering`; the PDF is `pdf/<id>.pdf`. */
  id: string;
  data: Frontmatter;
}

/** The running head's facts: title, version, approval date and next review, as one line. */
export function runningHead(doc: PrintDoc): string {
  const { data } = doc;
  const t = strings(data.lang).meta;
  const parts = [data.title];
  if (data.version) parts.push(`${t.version} ${data.version}`);
  if (data.approvedOn) parts.push(`${t.approvedOn} ${formatDate(data.approvedOn, data.lang)}`);
  if (data.nextReview) parts.push(`${t.nextReview} ${formatDate(data.nextReview, data.lang)}`);
  return parts.join(' · ');
}

/** The `<article>` of a built document page: the document and its metadata and banners, without the site around it. */
export function articleOf(html: string, file: string): string {
  const start = html.indexOf('<article class="doc"');
  const end = html.lastIndexOf('</article>', html.indexOf('</main>'));
  if (start < 0 || end < start) throw new Error(`PDF: ${file} har ingen dokumentartikel at udskrive`);
  return oneLineHeadings(html.slice(start, end + '</article>'.length));
}

/**
 * Headings with their white space collapsed here, as the print style keeps it (`pre-wrap`): Chromium drops the space
 * where a heading wraps from the bookmark it makes of it ("FiktivStyrelse") unless the space is preserved.
 */
export function oneLineHeadings(html: string): string {
  return html.replace(
    /(<h([1-6])\b[^>]*>)([\s\S]*?)(<\/h\2>)/g,
    (_m, open: string, _level, inner: string, close: string) => `${open}${inner.replace(/\s+/g, ' ').trim()}${close}`,
  );
}

/**
 * A document's article with its ids (and the references to them) prefixed, as in a print of several documents every
 * document has its own "formaal": `id="formaal"` becomes `id="d3-formaal"`, `href="#formaal"` `href="#d3-formaal"`.
 */
export function prefixIds(article: string, prefix: string): string {
  const prefixed = article.replace(
    /\s(id|for|headers|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"/g,
    (_m, attr: string, value: string) =>
      ` ${attr}="${value
        .split(/\s+/)
        .filter(Boolean)
        .map((v) => `${prefix}-${v}`)
        .join(' ')}"`,
  );
  return prefixed.replace(/\shref="#([^"]*)"/g, (_m, fragment: string) => ` href="#${prefix}-${fragment}"`);
}

/** The `<link rel="stylesheet">` tags of a built page, so printed pages use the site's own CSS. */
export function stylesheetsOf(html: string): string {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => m[0]).join('');
}

/**
 * A document as printed: a table whose header row is the running head, because Chromium repeats a table's
 * `<thead>` on every page the table spans (its own header template cannot differ per document in the handbook).
 * `role="presentation"` keeps the table out of the tagged structure, which then holds the article alone.
 */
export function docBlock(doc: PrintDoc, article: string): string {
  const lang = doc.data.lang === 'da' ? '' : ` lang="${doc.data.lang}"`;
  return (
    `<table class="print-doc" role="presentation"${lang}><thead><tr><td class="print-head">${escapeHtml(runningHead(doc))}</td></tr></thead>` +
    `<tbody><tr><td>${article}</td></tr></tbody></table>`
  );
}

/** Print-only layout; the page is never published (it exists only inside the printing browser), so it may carry its style. */
export const PRINT_STYLE = `<style>
@page { size: A4; }
body { margin: 0; }
.layout, main { display: block; max-width: none; padding: 0; margin: 0; }
.print-doc { width: 100%; border-collapse: collapse; break-before: page; }
.print-doc:first-child { break-before: auto; }
.print-doc > * > tr > td { padding: 0; border: 0; vertical-align: top; }
.print-head { font-size: 8pt; color: #333; border-bottom: 0.5pt solid #777 !important; padding-bottom: 1.5mm !important; }
.print-doc .doc-pdf, .print-doc .toc { display: none; }
.print-doc h1 { margin-top: 4mm; }
h1, h2, h3, h4, h5, h6 { white-space: pre-wrap; }
.book-cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.book-cover .book-org { font-size: 14pt; margin: 0; }
.book-cover h1 { font-size: 24pt; margin: 2mm 0 6mm; line-height: 1.15; overflow-wrap: normal; }
.book-cover p { margin: 1mm 0; }
.book-toc h2 { font-size: 18pt; margin: 0 0 4mm; }
.book-toc .book-section { font-weight: 600; margin: 4mm 0 1mm; break-after: avoid; }
.book-toc ol { list-style: none; margin: 0; padding: 0; }
.book-toc li { display: flex; gap: 2mm; padding: 0.6mm 0; break-inside: avoid; }
.book-toc li a { color: inherit; text-decoration: none; }
.book-toc .book-dots { flex: 1; border-bottom: 0.5pt dotted #777; margin-bottom: 1.2mm; }
.book-toc + .print-doc { break-before: page; }
</style>`;

/** A whole print page around the given body. */
export function printPage(options: { title: string; lang: string; description?: string; stylesheets: string; body: string }): string {
  const description = options.description ? `<meta name="description" content="${escapeHtml(options.description)}">` : '';
  return (
    `<!doctype html><html lang="${options.lang}"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title>` +
    `${description}${options.stylesheets}${PRINT_STYLE}</head><body><main>${options.body}</main></body></html>`
  );
}
