/**
 * PDF metadata Chromium does not write. It sets the title (from `<title>`) and the language (from `<html lang>`),
 * not the author or subject, so a new document information dictionary is appended as an incremental update
 * (ISO 32000-1, 7.5.6): the printed bytes, with their tagged structure and outline, stay exactly as Chromium wrote them.
 */

/** The document information this build sets. */
export interface PdfInfo {
  title: string;
  /** The document's owner, e.g. `Informationssikkerhedskoordinatoren`. */
  author: string;
  subject: string;
}

/** A PDF text string: UTF-16BE with its byte order mark, in hex, so any character survives. */
function pdfString(text: string): string {
  const hex = [...text].map((c) => {
    const code = c.codePointAt(0)!;
    if (code <= 0xffff) return code.toString(16).padStart(4, '0');
    const v = code - 0x10000;
    return ((0xd800 + (v >> 10)).toString(16) + (0xdc00 + (v & 0x3ff)).toString(16)).padStart(8, '0');
  });
  return `<FEFF${hex.join('').toUpperCase()}>`;
}

/** The last trailer's fields Chromium (Skia) writes: the object count, the catalog, the old information and the cross-reference offset. */
function lastTrailer(tail: string): { size: number; root: string; info?: number; startxref: number } {
  const at = tail.lastIndexOf('trailer');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailer = tail.slice(at, start?.index);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  if (at < 0 || !start || !size || !root) throw new Error('PDF: Chromiums PDF har ikke den forventede trailer; metadata kan ikke sættes');
  const info = /\/Info\s+(\d+)\s+\d+\s+R/.exec(trailer)?.[1];
  return { size: Number(size[1]), root: root[1]!, info: info ? Number(info) : undefined, startxref: Number(start[1]) };
}

/**
 * The creation and modification dates of the old information dictionary, kept as they were. Its offset is read from
 * the cross-reference table (20 bytes an entry after the `xref` and `0 N` lines), so only a few bytes are decoded.
 */
function oldDates(bytes: Buffer, startxref: number, info: number | undefined): string {
  if (info === undefined) return '';
  const table = bytes.subarray(startxref, startxref + 64).toString('latin1');
  const header = /^xref\s*\n0 \d+\s*\n/.exec(table);
  if (!header) return '';
  const entryAt = startxref + header[0].length + 20 * info;
  const offset = Number(bytes.subarray(entryAt, entryAt + 10).toString('latin1'));
  const object = bytes.subarray(offset, offset + 4096).toString('latin1');
  const dict = object.slice(0, object.indexOf('endobj'));
  if (!dict.startsWith(`${info} 0 obj`)) return '';
  return ['CreationDate', 'ModDate']
    .map((key) => new RegExp(`/${key}\\s*(\\([^)]*\\))`).exec(dict))
    .map((m, i) => (m ? `/${i ? 'ModDate' : 'CreationDate'} ${m[1]}\n` : ''))
    .join('');
}

/** The PDF with author, subject and title set in a new information dictionary appended to it. */
export function setPdfInfo(bytes: Buffer, info: PdfInfo): Buffer {
  // latin1 maps bytes one to one, so string offsets are byte offsets; only the end (the trailer) is decoded.
  const trailer = lastTrailer(bytes.subarray(-1024).toString('latin1'));
  const obj = trailer.size;
  const dict =
    `<</Title ${pdfString(info.title)}\n/Author ${pdfString(info.author)}\n/Subject ${pdfString(info.subject)}\n` +
    `/Creator (Chromium, handbook)\n/Producer (Skia/PDF)\n${oldDates(bytes, trailer.startxref, trailer.info)}>>`;
  const prefix = bytes[bytes.length - 1] === 0x0a ? '' : '\n';
  const objOffset = bytes.length + prefix.length;
  const body = `${prefix}${obj} 0 obj\n${dict}\nendobj\n`;
  const xrefOffset = bytes.length + Buffer.byteLength(body, 'latin1');
  const xref =
    `xref\n${obj} 1\n${String(objOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${obj + 1}\n/Root ${trailer.root}\n/Info ${obj} 0 R\n/Prev ${trailer.startxref}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([bytes, Buffer.from(body + xref, 'latin1')]);
}

/** The number of pages of a PDF Chromium wrote (Skia writes no object streams, so every page object is in plain text). */
export function pageCount(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
