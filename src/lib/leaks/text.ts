/** Turning output files into searchable text: decompression, Pagefind's CBOR, escapes, and one canonical token form. */
import { gunzipSync } from 'node:zlib';
import { BASIC_ENTITIES, decodeCharacterReferences } from '../util/html.ts';

const PAGEFIND_PREFIX = Buffer.from('pagefind_dcd');

/** Characters that can be part of a word once lower-cased: ASCII and Latin letters and digits, and anything past U+036F (sorted out below). */
const WORD =
  'a-z0-9\\u00aa\\u00b2\\u00b3\\u00b5\\u00b9\\u00ba\\u00bc-\\u00be\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02c1\\u02c6-\\u02d1\\u02e0-\\u02e4\\u02ec\\u02ee\\u0300-\\u036f\\u0370-\\uffff';
/** Separator runs other than a lone space (replacing a space by a space for every word would be the slow part). */
const SEPARATORS = new RegExp(`[^${WORD}]{2,}|[^${WORD} ]`, 'g');
const WORDY = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * Canonical form both patterns and output are compared in: Unicode-normalised, lower case, every run of
 * characters that are not letters, digits or marks turned into one space, padded with a space at each end.
 * It makes matching blind to whitespace, line breaks, punctuation, quotes and tags replaced by spaces.
 * (Same result as replacing `[^\p{L}\p{N}\p{M}]+`, several times faster on mostly Latin text.)
 */
export function tokenForm(text: string): string {
  const words = text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/[\u0370-\uffff]/g, (c) => (WORDY.test(c) ? c : ' '))
    .replace(SEPARATORS, ' ')
    .trim();
  return words ? ` ${words} ` : ' ';
}

/** Named references as the scan reads them: spaces and invisible characters folded, as a reader sees the text. */
const NAMED: Record<string, string> = {
  ...BASIC_ENTITIES,
  nbsp: ' ',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  aelig: 'æ',
  oslash: 'ø',
  aring: 'å',
  AElig: 'Æ',
  Oslash: 'Ø',
  Aring: 'Å',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  eacute: 'é',
  zwj: '',
  zwnj: '',
};

/** Undoes HTML character references, JSON string escapes and URL percent-encoding, in that order (as they nest). */
export function decodeEscapes(text: string): string {
  return decodeCharacterReferences(text, NAMED)
    .replace(/\\u([0-9a-fA-F]{4})|\\([nrtbf"\\/])/g, (_, hex: string | undefined, c: string) =>
      hex ? String.fromCharCode(parseInt(hex, 16)) : (({ n: '\n', r: '\r', t: '\t', b: ' ', f: ' ' } as Record<string, string>)[c] ?? c),
    )
    .replace(/(?:%[0-9a-fA-F]{2})+/g, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
}

/** The text strings inside CBOR data, in order; throws on data that is not well-formed CBOR. */
export function cborStrings(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const strings: string[] = [];
  let pos = 0;
  const need = (n: number) => {
    if (pos + n > bytes.length) throw new Error('CBOR: data ends too early');
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size) throw new Error(`CBOR: reserved additional information ${info}`);
    need(size);
    const value =
      size === 1
        ? view.getUint8(pos)
        : size === 2
          ? view.getUint16(pos)
          : size === 4
            ? view.getUint32(pos)
            : Number(view.getBigUint64(pos));
    pos += size;
    return value;
  };
  /** Reads one item; returns false on a `break` stop code. */
  const item = (): boolean => {
    need(1);
    const initial = bytes[pos++]!;
    const major = initial >> 5;
    const info = initial & 31;
    if (info === 31) {
      if (major === 7) return false;
      if (major < 2 || major === 6) throw new Error('CBOR: indefinite length on a scalar');
      const parts = strings.length;
      while (item());
      if (major === 3) strings.splice(parts, strings.length - parts, strings.slice(parts).join(''));
      return true;
    }
    const n = argument(info);
    if (major === 2 || major === 3) {
      need(n);
      if (major === 3) strings.push(decoder.decode(bytes.subarray(pos, pos + n)));
      pos += n;
    } else if (major === 4 || major === 5) {
      for (let i = 0; i < (major === 5 ? 2 * n : n); i++) if (!item()) throw new Error('CBOR: unexpected break');
    } else if (major === 6) {
      item();
    }
    return true;
  };
  while (pos < bytes.length) if (!item()) throw new Error('CBOR: unexpected break');
  return strings;
}

/** Whether bytes start with the gzip magic number. */
const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The text of one output file as it can leak: gzip (Pagefind's `.pf_*`, `.pagefind`) is decompressed; behind
 * Pagefind's `pagefind_dcd` prefix, JSON fragments are read as text and CBOR index, filter and meta files as
 * their text strings, one per line. Anything that fails to decode is read as raw UTF-8.
 */
export function outputText(bytes: Buffer): string {
  let data = bytes;
  if (isGzip(data)) {
    try {
      data = gunzipSync(data);
    } catch {
      data = bytes;
    }
  }
  if (data.subarray(0, PAGEFIND_PREFIX.length).equals(PAGEFIND_PREFIX)) {
    const payload = data.subarray(PAGEFIND_PREFIX.length);
    if (payload[0] !== 0x7b && payload[0] !== 0x5b) {
      try {
        return cborStrings(payload).join('\n');
      } catch {
        // not CBOR after all: fall through to the raw text
      }
    }
  }
  return data.toString('utf8');
}

/** The token forms to search in a file's text: as written, and with markup tags replaced by spaces. */
export function searchForms(text: string): string[] {
  const decoded = decodeEscapes(text);
  const forms = [tokenForm(decoded)];
  if (/<[a-zA-Z!/?]/.test(text)) forms.push(tokenForm(decodeEscapes(text.replace(/<[^>]*>/g, ' '))));
  return forms;
}
