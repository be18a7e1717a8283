/** Control case: leaks planted into a copy of a real public edition, in every encoding it uses, are all reported. */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, runScript, tempDir } from '../helpers/index.ts';
import { build, independentFindings, scanner, type Built } from '../helpers/leaks.ts';

const PREFIX = Buffer.from('pagefind_dcd');
/** Both non-public documents carry the owner; a hit names the first of them. */
const OWNER = 'content/regler/fortrolige-data.mdx';
const POLICY = 'content/politikker/intern-politik.mdx';

/** A CBOR text string: header (major type 3 with its length) and UTF-8 bytes. */
function cborText(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const header =
    bytes.length < 24 ? [0x60 + bytes.length] : bytes.length < 256 ? [0x78, bytes.length] : [0x79, bytes.length >> 8, bytes.length & 255];
  return Buffer.concat([Buffer.from(header), bytes]);
}

/** Rewrites a Pagefind file: gunzip, check the `pagefind_dcd` prefix, change the payload, gzip again. */
function rewritePagefind(file: string, change: (payload: Buffer) => Buffer, target = file): void {
  const data = gunzipSync(readFileSync(file));
  expect(data.subarray(0, PREFIX.length).equals(PREFIX)).toBe(true);
  writeFileSync(target, gzipSync(Buffer.concat([PREFIX, change(data.subarray(PREFIX.length))])));
}

/** Replaces one CBOR text string by another inside CBOR bytes (the structure stays valid). */
function spliceCbor(payload: Buffer, from: string, to: string): Buffer {
  const at = payload.indexOf(cborText(from));
  expect(at, `"${from}" in the filter`).toBeGreaterThanOrEqual(0);
  return Buffer.concat([payload.subarray(0, at), cborText(to), payload.subarray(at + cborText(from).length)]);
}

/** JSON with every non-ASCII character written as a `\u` escape, as some serialisers do. */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('control: leaks planted into a built public edition are found, with file and source', () => {
  let built: Built;
  let planted: string;
  beforeAll(() => {
    built = build('leak-owner-body');
    expect(built.result.code, built.result.stderr).toBe(0);
    planted = path.join(tempDir('handbook-leak-planted-'), 'public');
    cpSync(path.join(built.out, 'public'), planted, { recursive: true });
    const filters = path.join(planted, 'pagefind/filter');
    const filterFile = (value: string) =>
      readdirSync(filters).find((f) => gunzipSync(readFileSync(path.join(filters, f))).includes(cborText(value)))!;
    // Filter values in CBOR: a short string (its length header is a letter) and a long one.
    rewritePagefind(path.join(filters, filterFile('Direktionen')), (p) => spliceCbor(p, 'Direktionen', 'IT-sikkerhedsgruppen'));
    const owners = path.join(filters, filterFile('Informationssikkerhedskoordinatoren'));
    rewritePagefind(
      owners,
      (p) => spliceCbor(p, 'Informationssikkerhedskoordinatoren', 'Sekretariatet for Skarnbasse'),
      path.join(filters, 'da_planted.pf_filter'),
    );
    // A search fragment (JSON) with a non-public sentence, its letters \u-escaped.
    const fragments = path.join(planted, 'pagefind/fragment');
    rewritePagefind(path.join(fragments, readdirSync(fragments)[0]!), (p) => {
      const fragment = JSON.parse(p.toString('utf8')) as { content: string };
      fragment.content +=
        ' Fortrolige data må kun behandles på de maskiner, som sekretariatet har godkendt, og aldrig på private computere.';
      return Buffer.from(asciiJson(fragment));
    });
    // HTML: a title split by a tag and a line break, a sentence as an attribute with character references.
    const page = path.join(planted, 'regler/offentlig-regel/index.html');
    const html = readFileSync(page, 'utf8').replace(
      '</main>',
      '<p>Behandling af <em>fortrolige</em>\n    data</p><p title="Mikrodata udleveres kun efter aftale med sekretariatet og efter en konkret vurdering af form&#229;let">x</p></main>',
    );
    writeFileSync(page, html);
    // The sitemap: a non-public address, percent-encoded; and a page at a non-public address.
    const sitemap = path.join(planted, 'sitemap.xml');
    writeFileSync(
      sitemap,
      readFileSync(sitemap, 'utf8').replace('</urlset>', '<url><loc>https://example.org/%72egler/fortrolige%2Ddata/</loc></url></urlset>'),
    );
    mkdirSync(path.join(planted, 'politikker/intern-politik'));
    writeFileSync(path.join(planted, 'politikker/intern-politik/index.html'), '<!doctype html><p>x</p>\n');
  });
  afterAll(() => cleanup(built.out, path.dirname(planted)));

  it('reports every planted leak, naming the output file and the source document, and nothing else', () => {
    const { hits } = scanner(built.content, planted);
    const expected = [
      /^læk: pagefind\/filter\/da_\w+\.pf_filter indeholder godkendelsesorgan "IT-sikkerhedsgruppen" fra content\/handbook\.yaml/,
      new RegExp(`^læk: pagefind/filter/da_planted\\.pf_filter indeholder ejer "Sekretariatet for Skarnbasse" fra ${POLICY}`),
      new RegExp(`^læk: pagefind/fragment/da_\\w+\\.pf_fragment indeholder sætning ".*private computere" fra ${OWNER}`),
      new RegExp(`^læk: regler/offentlig-regel/index\\.html indeholder titel "Behandling af fortrolige data" fra ${OWNER}`),
      new RegExp(`^læk: regler/offentlig-regel/index\\.html indeholder sætning ".*vurdering af formålet" fra ${POLICY}`),
      new RegExp(`^læk: sitemap\\.xml indeholder adresse "regler/fortrolige-data" fra ${OWNER}`),
      new RegExp(`^læk: politikker/intern-politik/index\\.html indeholder adresse "politikker/intern-politik" fra ${POLICY}`),
    ];
    for (const line of expected)
      expect(
        hits.some((h) => line.test(h)),
        `${line}\n${hits.join('\n')}`,
      ).toBe(true);
    const files = new Set(hits.map((h) => h.split(' ')[1]));
    expect([...files].filter((f) => !/pf_filter|pf_fragment|offentlig-regel|sitemap|intern-politik/.test(f!))).toEqual([]);
    expect(scanner(built.content, path.join(built.out, 'public')).hits).toEqual([]);
  });

  it('is confirmed by the independent search where the leak is plain text', () => {
    expect(
      independentFindings(planted, ['skarnbasse', 'IT-sikkerhedsgruppen', 'private computere', 'politikker/intern-politik']).length,
    ).toBe(4);
  });

  it('makes npm run scan-leaks exit 1 naming file and source, and 0 on the clean edition', () => {
    const dirty = runScript('scan-leaks', { HANDBOOK_CONTENT: built.content }, [planted]);
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toMatch(
      new RegExp(
        `^læk: pagefind/filter/da_planted\\.pf_filter indeholder ejer "Sekretariatet for Skarnbasse" fra ${POLICY} \\(internt dokument\\)$`,
        'm',
      ),
    );
    expect(dirty.stderr).toMatch(/^scan-leaks: \d+ fund i 6 af \d+ filer/m);
    const clean = runScript('scan-leaks', { HANDBOOK_CONTENT: built.content, HANDBOOK_OUT: built.out });
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/^scan-leaks: ingen læk i \d+ filer/m);
  });
});
