/** Unit tests of the leak scanner's decoding and matching: token form, escapes, CBOR, Pagefind files, phrase matching. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cborStrings, decodeEscapes, outputText, searchForms, tokenForm } from '../../src/lib/leaks/text.ts';
import { PhraseMatcher } from '../../src/lib/leaks/match.ts';

/** The definition the fast token form must agree with. */
function reference(text: string): string {
  const words = text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
  return words ? ` ${words} ` : ' ';
}

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
/** A short CBOR text string (under 24 bytes): header 0x60 + length, then UTF-8. */
const text = (s: string) => Buffer.concat([Buffer.from([0x60 + Buffer.byteLength(s)]), Buffer.from(s)]);
const pagefindFile = (payload: Buffer) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), payload]));

describe('tokenForm', () => {
  it('agrees with the Unicode letter/number/mark definition for every character of the Basic Multilingual Plane', () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const text = `a${String.fromCharCode(c)}b`;
      // A few CJK compatibility ideographs normalise to characters outside the plane; both forms are letters either way.
      if ([...text.normalize('NFKC')].some((ch) => ch.codePointAt(0)! > 0xffff)) continue;
      if (tokenForm(text) !== reference(text)) differing.push(c.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it('ignores case, punctuation, whitespace, line breaks, soft hyphens, zero-width characters and composition', () => {
    const forms = [
      'Adgang til Serverrummet',
      ' adgang\n\t til  "serverrummet". ',
      'ADGANG–TIL–SERVER\u00adRUMMET',
      'Adgang\u200b til\u00a0serverrummet',
    ];
    for (const f of forms) expect(tokenForm(f)).toBe(' adgang til serverrummet ');
    expect(tokenForm('Kælder å'.normalize('NFD'))).toBe(tokenForm('Kælder å'));
    expect(tokenForm('ﬁl')).toBe(' fil ');
    expect(tokenForm('  ...  ')).toBe(' ');
  });
});

describe('decodeEscapes', () => {
  it('undoes HTML character references, JSON escapes and percent-encoding', () => {
    expect(decodeEscapes('K&aelig;lder &amp; &#248;l &#xE5;l &quot;x&quot; &nbsp;')).toBe('Kælder & øl ål "x"  ');
    expect(decodeEscapes('K\\u00e6lder\\nlinje \\"citat\\" a\\/b \\\\')).toBe('Kælder\nlinje "citat" a/b \\');
    expect(decodeEscapes('/s%C3%B8g/?q=Adgang%20til%2Dserver')).toBe('/søg/?q=Adgang til-server');
    expect(decodeEscapes('100% sikkert, %E0%A4 og &ukendt; og &#99999999;')).toBe('100% sikkert, %E0%A4 og &ukendt; og &#99999999;');
  });
});

describe('cborStrings', () => {
  it('collects the text strings of nested arrays, maps and tags, skipping numbers, floats and byte strings', () => {
    // [ "ab", {"k": 1, 255: 65535}, 6("tagged"), h'00ff', 4294967296, 1.5 (half), 1.5 (double), "x" × 30 ]
    const long = Buffer.concat([hex('78 1e'), Buffer.from('x'.repeat(30))]);
    const cbor = Buffer.concat([
      hex('88 62 6162 a2 616b 01 18ff 19ffff c6 66 746167676564 42 00ff 1b 0000000100000000 f9 3e00 fb 3ff8000000000000'),
      long,
    ]);
    expect(cborStrings(cbor)).toEqual(['ab', 'k', 'tagged', 'x'.repeat(30)]);
  });

  it('joins indefinite-length text chunks and reads indefinite arrays and maps', () => {
    expect(cborStrings(hex('9f 7f 63 416263 62 6465 ff bf 61 6b 61 76 ff ff'))).toEqual(['Abcde', 'k', 'v']);
  });

  it('keeps UTF-8 intact and rejects data that is not well-formed', () => {
    expect(cborStrings(Buffer.concat([hex('81'), text('Kælderrum')]))).toEqual(['Kælderrum']);
    expect(() => cborStrings(hex('82 65 616263'))).toThrow(/ends too early/);
    expect(() => cborStrings(hex('1c'))).toThrow(/reserved/);
    expect(() => cborStrings(hex('ff'))).toThrow(/break/);
  });
});

describe('outputText', () => {
  it("reads Pagefind's gzip files: CBOR as its strings, JSON fragments as text", () => {
    // A filter file: {"ejer": {"Driftschefen": [0]}} — the short string's length header is the letter "l".
    const payload = Buffer.concat([hex('a1'), text('ejer'), hex('a1'), text('Driftschefen'), hex('81 00')]);
    expect(outputText(pagefindFile(payload))).toBe('ejer\nDriftschefen');
    expect(tokenForm(outputText(pagefindFile(payload)))).toContain(' driftschefen ');
    // Read as plain bytes, the header letter would glue onto the word and hide it.
    expect(tokenForm(payload.toString('utf8'))).not.toContain(' driftschefen ');
    const fragment = pagefindFile(Buffer.from('{"url":"/x/","content":"K\\u00e6lder"}'));
    expect(searchForms(outputText(fragment))[0]).toContain(' kælder ');
  });

  it('falls back to the raw text for broken gzip or CBOR, and leaves other files alone', () => {
    expect(outputText(Buffer.from([0x1f, 0x8b, 0x41, 0x42]))).toContain('AB');
    expect(outputText(pagefindFile(hex('82 65 6162')))).toContain('pagefind_dcd');
    expect(outputText(Buffer.from('<p>Hej</p>'))).toBe('<p>Hej</p>');
  });

  it('searches HTML both as written and with tags replaced by spaces', () => {
    const forms = searchForms('<p title="Skjult titel">Adgang til <em>server</em>rummet</p>');
    expect(forms[0]).toContain(' skjult titel ');
    expect(forms[1]).toContain(' adgang til server rummet ');
    expect(searchForms('{"a":1}')).toHaveLength(1);
  });
});

describe('PhraseMatcher', () => {
  const phrase = (text: string) => ({ tokens: tokenForm(text), value: text });
  const matcher = new PhraseMatcher(['adgang til serverrummet', 'adgang til kælderen', 'zebrafinke', 'a b c d'].map(phrase));
  const find = (text: string) => [...matcher.find(tokenForm(text))].map((p) => p.value).sort();

  it('finds whole-word phrases anywhere, several at once', () => {
    expect(find('Se: Adgang til serverrummet og adgang til kælderen, Zebrafinke.')).toEqual([
      'adgang til kælderen',
      'adgang til serverrummet',
      'zebrafinke',
    ]);
    expect(find('x a b c d')).toEqual(['a b c d']);
    expect(find('a b c a b c d')).toEqual(['a b c d']);
  });

  it('does not match inside words or incomplete phrases', () => {
    expect(find('adgang til serverrummene, zebrafinker og xzebrafinke, a b c')).toEqual([]);
    expect(find('')).toEqual([]);
    expect(new PhraseMatcher([]).find(' a ').size).toBe(0);
  });
});
