/** Joining tagged PDFs into the handbook, and laying its page numbers over them: on PDFs built here as Chromium writes them. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  StandardFonts,
  type PDFContentStream,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { joinPdfs } from '../../src/lib/build/pdf/join.ts';
import { stampPages } from '../../src/lib/build/pdf/stamp.ts';
import { dedupeStreams } from '../../src/lib/build/pdf/dedupe.ts';
import { popplerHere } from '../helpers/pdf.ts';

const ADDRESS = { a: 'https://intra.example.dk/haandbog/a/', b: 'https://intra.example.dk/haandbog/b/' };

/**
 * A two-page tagged PDF as Chromium writes one: a `/Document` element over one paragraph a page, a parent tree (keys 0
 * and 1 for the pages, 2 for the link), a named destination per heading, an outline item, an ID tree, and two links:
 * one to its own heading, one to the other document's heading.
 */
async function part(name: 'a' | 'b', other: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const c = doc.context;
  const pages = [doc.addPage([595, 842]), doc.addPage([595, 842])];
  const root = c.nextRef();
  const document = c.nextRef();
  const paragraphs = pages.map((page, i) =>
    c.register(c.obj({ Type: 'StructElem', S: 'P', P: document, Pg: page.ref, K: 0, ID: PDFString.of(`node${i}`) })),
  );
  const link = c.register(c.obj({ Type: 'StructElem', S: 'Link', P: document, K: c.obj([]) }));
  c.assign(
    document,
    c.obj({ Type: 'StructElem', S: 'Document', P: root, Lang: PDFString.of(name === 'a' ? 'da' : 'en'), K: [...paragraphs, link] }),
  );
  const annots = [
    c.register(c.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], StructParent: 2, Dest: 'formaal' })),
    c.register(c.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 20, 10, 30], A: { S: 'URI', URI: PDFString.of(`${other}#formaal`) } })),
    c.register(
      c.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 40, 10, 50], A: { S: 'URI', URI: PDFString.of('https://www.example.dk/') } }),
    ),
  ];
  pages.forEach((page, i) => page.node.set(PDFName.of('StructParents'), PDFNumber.of(i)));
  pages[0]!.node.set(PDFName.of('Annots'), c.obj(annots));
  const parentTree = c.obj({ Nums: [0, c.obj([paragraphs[0]!]), 1, c.obj([paragraphs[1]!]), 2, link] });
  const idTree = c.obj({ Names: [PDFString.of('node0'), paragraphs[0]!, PDFString.of('node1'), paragraphs[1]!] });
  c.assign(
    root,
    c.obj({ Type: 'StructTreeRoot', K: document, ParentTree: c.register(parentTree), ParentTreeNextKey: 3, IDTree: c.register(idTree) }),
  );
  const outlines = c.nextRef();
  const item = c.register(
    c.obj({ Title: PDFString.of(`Dokument ${name}`), Parent: outlines, Dest: [pages[0]!.ref, 'XYZ', 0, 842, 0], SE: document }),
  );
  c.assign(outlines, c.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), root);
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  doc.catalog.set(PDFName.of('Dests'), c.obj({ formaal: [pages[1]!.ref, 'XYZ', 0, 400, 0] }));
  return doc.save({ useObjectStreams: false });
}

/** Follows a reference. */
const look = (doc: PDFDocument, value: PDFObject | undefined) => (value instanceof PDFRef ? doc.context.lookup(value) : value);
const dict = (doc: PDFDocument, value: PDFObject | undefined) => look(doc, value) as PDFDict;
const get = (d: PDFDict, key: string) => d.get(PDFName.of(key));
const num = (d: PDFDict, key: string) => (get(d, key) as PDFNumber | undefined)?.asNumber();

describe('joinPdfs', async () => {
  const { doc, firstPages } = await joinPdfs(
    [
      { bytes: await part('a', ADDRESS.b), anchor: 'd1', address: ADDRESS.a },
      { bytes: await part('b', ADDRESS.a), anchor: 'd2', address: ADDRESS.b },
    ],
    { lang: 'da' },
  );
  const pages = doc.getPages();
  const root = dict(doc, get(doc.catalog, 'StructTreeRoot'));

  it('takes every page in order, each part’s parent-tree keys moved past the parts before it', () => {
    expect(pages).toHaveLength(4);
    expect(firstPages).toEqual([0, 2]);
    expect(pages.map((p) => num(p.node, 'StructParents'))).toEqual([0, 1, 3, 4]);
    const annots = (p: number) => (get(pages[p]!.node, 'Annots') as PDFArray).asArray().map((a) => dict(doc, a));
    expect(annots(0).map((a) => num(a, 'StructParent'))).toEqual([2, undefined, undefined]);
    expect(annots(2).map((a) => num(a, 'StructParent'))).toEqual([5, undefined, undefined]);
    expect(num(root, 'ParentTreeNextKey')).toBe(6);
    // Key 3 is the second part's first page: its paragraph is on the joined third page.
    const nums = (get(dict(doc, get(root, 'ParentTree')), 'Nums') as PDFArray).asArray();
    expect(nums.filter((_, i) => i % 2 === 0).map((n) => (n as PDFNumber).asNumber())).toEqual([0, 1, 2, 3, 4, 5]);
    const paragraph = dict(doc, (look(doc, nums[7]) as PDFArray).get(0));
    expect(get(paragraph, 'Pg')).toBe(pages[2]!.ref);
  });

  it('puts each part’s document element under one /Document as a /Part, with its language', () => {
    const document = dict(doc, get(root, 'K'));
    expect(get(document, 'S')).toBe(PDFName.of('Document'));
    const kids = (get(document, 'K') as PDFArray).asArray().map((k) => dict(doc, k));
    expect(kids.map((k) => get(k, 'S'))).toEqual([PDFName.of('Part'), PDFName.of('Part')]);
    expect(kids.map((k) => (get(k, 'Lang') as PDFString).decodeText())).toEqual(['da', 'en']);
    expect(kids.every((k) => get(k, 'P') === get(root, 'K'))).toBe(true);
    // Ids are unique in the join: prefixed, in the tree and on the elements.
    const names = (get(dict(doc, get(root, 'IDTree')), 'Names') as PDFArray).asArray();
    expect(names.filter((_, i) => i % 2 === 0).map((n) => (n as PDFString).decodeText())).toEqual([
      'd1-node0',
      'd1-node1',
      'd2-node0',
      'd2-node1',
    ]);
    expect((get(dict(doc, names[5]), 'ID') as PDFString).decodeText()).toBe('d2-node0');
  });

  it('names destinations with the part’s prefix, and turns links to a part into links inside the join', () => {
    const dests = dict(doc, get(doc.catalog, 'Dests'));
    const page = (name: string) => (look(doc, get(dests, name)) as PDFArray).get(0);
    expect([page('d1-formaal'), page('d2-formaal'), page('d1'), page('d2')]).toEqual([
      pages[1]!.ref,
      pages[3]!.ref,
      pages[0]!.ref,
      pages[2]!.ref,
    ]);
    const [own, other, outside] = (get(pages[0]!.node, 'Annots') as PDFArray).asArray().map((a) => dict(doc, a));
    expect(get(own!, 'Dest')).toBe(PDFName.of('d1-formaal'));
    expect([get(other!, 'Dest'), get(other!, 'A')]).toEqual([PDFName.of('d2-formaal'), undefined]);
    expect((get(dict(doc, get(outside!, 'A')), 'URI') as PDFString).decodeText()).toBe('https://www.example.dk/');
  });

  it('chains the parts’ outline items under one outline, each going to its own page', () => {
    const outlines = dict(doc, get(doc.catalog, 'Outlines'));
    const first = dict(doc, get(outlines, 'First'));
    const second = dict(doc, get(first, 'Next'));
    expect([first, second].map((i) => (get(i, 'Title') as PDFString).decodeText())).toEqual(['Dokument a', 'Dokument b']);
    expect(get(second, 'Prev')).toBe(get(outlines, 'First'));
    expect(get(outlines, 'Last')).toBe(get(first, 'Next'));
    expect([first, second].map((i) => (get(i, 'Dest') as PDFArray).get(0))).toEqual([pages[0]!.ref, pages[2]!.ref]);
    expect(num(outlines, 'Count')).toBe(2);
    expect((get(doc.catalog, 'Lang') as PDFString).decodeText()).toBe('da');
    expect(String(get(dict(doc, get(doc.catalog, 'MarkInfo')), 'Marked'))).toBe('true');
  });

  it.skipIf(!popplerHere())('is read by poppler as a tagged PDF of four pages with both bookmarks', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'handbook-join-')), 'j.pdf');
    writeFileSync(file, await doc.save({ useObjectStreams: false }));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged: +yes$/m);
    expect(info).toMatch(/^Pages: +4$/m);
    const outline = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8' });
    expect([...outline.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => `${m[2]} ${m[1]}`)).toEqual([
      'Dokument a 1',
      'Dokument b 3',
    ]);
  });
});

describe('stampPages', () => {
  /** A PDF of `count` pages with the given text on each, at height `y`. */
  async function pdfOf(count: number, text: (n: number) => string, y = 700): Promise<PDFDocument> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let n = 1; n <= count; n++) doc.addPage([595, 842]).drawText(text(n), { x: 50, y, size: 12, font });
    return doc;
  }

  it.skipIf(!popplerHere())('lays page N of the stamps over page N, marked as an artifact, keeping the page’s own text', async () => {
    const doc = await pdfOf(2, (n) => `Indhold ${n}`);
    // Read back from bytes, as the build reads Chromium's (pdf-lib writes an embedded font only when saving).
    const stamps = await PDFDocument.load(await (await pdfOf(3, (n) => `side ${n - 1} af 2`, 50)).save());
    await stampPages(doc, stamps, 1);
    // The stamp is drawn last, in a marked-content sequence of its own, after the page's drawing is closed (Q).
    const contents = (get(doc.getPage(0).node, 'Contents') as PDFArray).asArray().map((r) => look(doc, r) as PDFContentStream);
    expect(contents.at(-2)!.getContentsString()).toMatch(/^Q\s*$/);
    expect(contents.at(-1)!.getContentsString()).toMatch(/^\/Artifact BMC\s+q\s+\/Stamp-?\d*\s+Do\s+Q\s+EMC\s*$/);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'handbook-stamp-')), 's.pdf');
    writeFileSync(file, await doc.save({ useObjectStreams: false }));
    for (const n of [1, 2]) {
      const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
      expect(text).toContain(`Indhold ${n}`);
      expect(text).toContain(`side ${n} af 2`);
      expect(text).not.toContain(`side ${3 - n} af 2`);
    }
  });

  it('refuses stamps that do not reach the PDF’s last page', async () => {
    const doc = await pdfOf(2, (n) => `${n}`);
    await expect(stampPages(doc, await pdfOf(3, (n) => `${n}`), 2)).rejects.toThrow('PDF: 3 sider at lægge over sider, der går til side 4');
  });
});

describe('dedupeStreams', () => {
  it('keeps one copy of identical streams and points every reference at it', async () => {
    const doc = await PDFDocument.create();
    const c = doc.context;
    const stream = (text: string) => c.register(PDFRawStream.of(c.obj({ Length1: text.length }), new TextEncoder().encode(text)));
    const [a, b, other] = [stream('font program'), stream('font program'), stream('another font')];
    const users = [a, b, other].map((file) => c.register(c.obj({ Type: 'FontDescriptor', FontFile2: file })));
    expect(dedupeStreams(c)).toBe(1);
    const files = users.map((u) => (c.lookup(u) as PDFDict).get(PDFName.of('FontFile2')));
    expect(files).toEqual([a, a, other]);
    expect(c.lookup(b)).toBeUndefined();
  });
});
