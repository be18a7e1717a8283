/**
 * Reads a text file the tool parses (a document, a YAML file, CODEOWNERS) so that hostile or broken input gives a
 * place and a message instead of a crash, a hang or a silently garbled page: a file that is gone, unreadable or a
 * link in a ring, too large, not UTF-8 (the first invalid byte's line and column), holding a NUL byte, or nested
 * deeper than any parser here copes with (Sätteri overflows its stack or crashes the process). A byte-order mark is
 * dropped; CRLF line ends are read as they are (every parser here accepts them).
 */
import { accessSync, constants, lstatSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Place } from './problems.ts';

/** What a kind of file may hold. */
export interface SourceLimits {
  /** Largest size in bytes. */
  maxBytes: number;
  /** Deepest nesting: indentation in columns, and open brackets or emphasis markers in a row. */
  maxDepth: number;
}

/** Documents: the largest sample document is 12 kB, the largest generated benchmark document about 30 kB. */
export const DOCUMENT_LIMITS: SourceLimits = { maxBytes: 2 * 1024 * 1024, maxDepth: 100 };
/** YAML files and CODEOWNERS: the sample's are under 10 kB. */
export const DATA_LIMITS: SourceLimits = { maxBytes: 1024 * 1024, maxDepth: 100 };

/** A file's text, or why it cannot be used and where. */
export type SourceText = { text: string } | { problem: Place & { message: string } };

/** The reason a file system call on `file` failed, in the words of the messages. */
export function fileErrorReason(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && isPresent(file)) return 'filen er en symbolsk lænke til noget, der ikke findes';
  if (code === 'ENOENT') return 'filen forsvandt, før den kunne læses (slettet eller flyttet undervejs?)';
  if (code === 'ELOOP') return 'filen er en symbolsk lænke i ring (den peger i sidste ende på sig selv)';
  if (code === 'EACCES' || code === 'EPERM') return 'filen kan ikke læses (adgang nægtet); ret filens rettigheder';
  if (code === 'EISDIR') return 'er en mappe, ikke en fil';
  return `filen kan ikke læses (${code ?? (error as Error).message})`;
}

/** Why a file that is copied, not parsed (an attachment), cannot be used; undefined when it can be read. */
export function unreadableReason(file: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return 'er ikke en almindelig fil';
    accessSync(file, constants.R_OK);
    return undefined;
  } catch (error) {
    return fileErrorReason(error, file);
  }
}

/** Whether a directory entry of that name exists, even as a broken link or a link in a ring (`existsSync` says no). */
export function isPresent(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Reads a file as UTF-8 text within `limits`. */
export function readSource(file: string, limits: SourceLimits): SourceText {
  const at = (line: number, col: number, message: string): SourceText => ({ problem: { line, col, message } });
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return at(1, 1, 'er ikke en almindelig fil');
    if (stat.size > limits.maxBytes)
      return at(1, 1, `filen fylder ${megabytes(stat.size)}; højst ${megabytes(limits.maxBytes)} er tilladt`);
    bytes = readFileSync(file);
  } catch (error) {
    return at(1, 1, fileErrorReason(error, file));
  }
  // A file that grew between the size check and the read.
  if (bytes.length > limits.maxBytes)
    return at(1, 1, `filen fylder ${megabytes(bytes.length)}; højst ${megabytes(limits.maxBytes)} er tilladt`);
  if (!isUtf8(bytes)) {
    const offset = firstInvalidByte(bytes);
    const place = placeOfByte(bytes, offset);
    const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
    return at(place.line, place.col, `ugyldig UTF-8: byten 0x${hex} (er filen gemt som Latin-1 eller Windows-1252?); gem filen som UTF-8`);
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const place = placeOf(text, nul);
    return at(place.line, place.col, 'filen indeholder et NUL-tegn (byte 0); er det en binær fil?');
  }
  const deep = tooDeep(text, limits.maxDepth);
  if (deep) return at(deep.line, deep.col, `indlejret for dybt (mere end ${limits.maxDepth} niveauer); del indholdet op`);
  return { text };
}

/** Size in MB with one decimal, e.g. `20,0 MB`. */
function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!length) return i;
    if (length > 1 && !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}

/** Line and column (in characters) of a byte offset; the bytes before it are valid UTF-8. */
function placeOfByte(bytes: Buffer, offset: number): Place {
  const decoded = bytes.subarray(0, offset).toString('utf8');
  const before = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  return placeOf(before, before.length);
}

/** Line and column of an offset in a text. */
function placeOf(text: string, offset: number): Place {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, col: offset - lineStart + 1 };
}

// The characters `tooDeep` counts, as character codes.
const [NEWLINE, SPACE, TAB, GT, DASH, PLUS, STAR, UNDERSCORE, TILDE] = [...'\n \t>-+*_~'].map((c) => c.charCodeAt(0));
const [PAREN_OPEN, BRACKET_OPEN, BRACE_OPEN, PAREN_CLOSE, BRACKET_CLOSE, BRACE_CLOSE] = [...'([{)]}'].map((c) => c.charCodeAt(0));

/**
 * The first place where a text nests deeper than `max`: indentation (block quotes, list items and YAML levels count
 * two columns each), unclosed brackets `( [ {`, or a run of emphasis markers `* _ ~`.
 */
function tooDeep(text: string, max: number): Place | undefined {
  // On character codes: one-character strings made this 0.13 s of the content check at 1,000 documents (CPU profile).
  let line = 1;
  let lineStart = 0;
  let brackets = 0;
  let run = 0;
  let prev = -1;
  let atLineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
      lineStart = i + 1;
      atLineStart = true;
      indent = 0;
      run = 0;
      prev = c;
      continue;
    }
    if (atLineStart) {
      if (c === SPACE || c === TAB) indent += c === TAB ? 4 : 1;
      else if (c === GT || c === DASH || c === PLUS || c === STAR) indent += 2;
      else atLineStart = false;
      if (indent > max * 2) return { line, col: i - lineStart + 1 };
    }
    if (c === PAREN_OPEN || c === BRACKET_OPEN || c === BRACE_OPEN) brackets++;
    else if ((c === PAREN_CLOSE || c === BRACKET_CLOSE || c === BRACE_CLOSE) && brackets > 0) brackets--;
    if (brackets > max) return { line, col: i - lineStart + 1 };
    run = c === STAR || c === UNDERSCORE || c === TILDE ? (c === prev ? run + 1 : 1) : 0;
    if (run > max) return { line, col: i - lineStart + 1 };
    prev = c;
  }
  return undefined;
}
