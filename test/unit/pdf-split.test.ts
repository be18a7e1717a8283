/** Cutting one print of several documents into each document's PDF: on a print built here as Chromium writes one. */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, type PDFObject } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { cutDocument, readPrint } from '../../src/lib/build/pdf/split.ts';

/**
 * Three pages: document 1 on the first two, document 2 on the third. Each document is a running head and an article
 * (`/Art`) in one container, as Chromium tags the print's blocks; page 3 also has a link (parent-tree key 3), and its
 * entry names the container too, which is no document's.
 */
async function print(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const c = doc.context;
  const pages = [0, 1, 2].map(() => doc.addPage([595, 842]));
  const [root, document, container] = [c.nextRef(), c.nextRef(), c.nextRef()];
  const elem = (S: string, parent: PDFRef, page: number, id: string) =>
    c.register(c.obj({ Type: 'StructElem', S, P: parent, Pg: pages[page]!.ref, K: 0, ID: PDFString.of(id) }));
  const head1 = elem('NonStruct', container, 0, 'h1');
  const art1 = elem('Art', container, 0, 'a1');
  const more1 = elem('P', art1, 1, 'p1');
  c.lookup(art1, PDFDict).set(PDFName.of('K'), c.obj([0, more1]));
  const head2 = elem('NonStruct', container, 2, 'h2');
  const art2 = elem('Art', container, 2, 'a2');
  const link = c.register(c.obj({ Type: 'StructElem', S: 'Link', P: art2, Pg: pages[2]!.ref, K: [] }));
  c.lookup(art2, PDFDict).set(PDFName.of('K'), c.obj([0, link]));
  c.assign(container, c.obj({ Type: 'StructElem', S: 'NonStruct', P: document, K: [head1, art1, head2, art2] }));
  c.assign(document, c.obj({ Type: 'StructElem', S: 'Document', P: root, K: container }));
  pages.forEach((p, i) => p.node.set(PDFName.of('StructParents'), PDFNumber.of(i)));
  const annot = c.register(c.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 9, 9], StructParent: 3, Dest: 'd2-formaal' }));
  pages[2]!.node.set(PDFName.of('Annots'), c.obj([annot]));
  const nums = [0, c.obj([head1, art1]), 1, c.obj([more1]), 2, c.obj([head2, art2, container]), 3, link];
  const ids = [
    ['a1', art1],
    ['a2', art2],
    ['h1', head1],
    ['h2', head2],
    ['p1', more1],
  ].flatMap(([k, v]) => [PDFString.of(k as string), v as PDFRef]);
  c.assign(
    root,
    c.obj({ Type: 'StructTreeRoot', K: document, ParentTree: c.obj({ Nums: nums }), ParentTreeNextKey: 4, IDTree: c.obj({ Names: ids }) }),
  );
  const outlines = c.nextRef();
  const items = [0, 2].map((p) =>
    c.register(c.obj({ Title: PDFString.of(`Dokument på side ${p + 1}`), Parent: outlines, Dest: [pages[p]!.ref, 'XYZ', 0, 842, 0] })),
  );
  c.lookup(items[0]!, PDFDict).set(PDFName.of('Next'), items[1]!);
  c.lookup(items[1]!, PDFDict).set(PDFName.of('Prev'), items[0]!);
  c.assign(outlines, c.obj({ Type: 'Outlines', First: items[0]!, Last: items[1]!, Count: 2 }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), root);
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  doc.catalog.set(
    PDFName.of('Dests'),
    c.obj({ 'd1-formaal': [pages[1]!.ref, 'XYZ', 0, 400, 0], 'd2-formaal': [pages[2]!.ref, 'XYZ', 0, 400, 0] }),
  );
  return doc.save({ useObjectStreams: false });
}

const look = (doc: PDFDocument, value: PDFObject | undefined) => (value instanceof PDFRef ? doc.context.lookup(value) : value);
const get = (doc: PDFDocument, d: PDFObject | undefined, key: string) => (look(doc, d) as PDFDict).get(PDFName.of(key));

describe('readPrint and cutDocument', async () => {
  const read = await readPrint(await print(), 2);

  it('finds each document’s pages from where its article begins', () => {
    expect(read.ranges).toEqual([
      { first: 0, pages: 2 },
      { first: 2, pages: 1 },
    ]);
  });

  it('cuts a document with only its pages, structure, parent-tree entries (from 0), ids, destinations and bookmark', async () => {
    const doc = await cutDocument(read, 1, 'd2', 'en');
    const [page] = doc.getPages();
    expect(doc.getPageCount()).toBe(1);
    expect(get(doc, page!.node, 'StructParents')).toEqual(PDFNumber.of(0));
    const annot = (get(doc, page!.node, 'Annots') as PDFArray).get(0);
    expect([get(doc, annot, 'StructParent'), get(doc, annot, 'Dest')]).toEqual([PDFNumber.of(1), PDFName.of('formaal')]);
    const root = get(doc, doc.catalog, 'StructTreeRoot');
    const nums = (get(doc, get(doc, root, 'ParentTree'), 'Nums') as PDFArray).asArray();
    // The container is the print's, not the document's: its reference is dropped, not copied with all of the print.
    expect(
      (look(doc, nums[1]) as PDFArray).asArray().map((v) => (v === PDFNull ? 'null' : (get(doc, v, 'S') as PDFName).decodeText())),
    ).toEqual(['NonStruct', 'Art', 'null']);
    const document = get(doc, root, 'K');
    expect((get(doc, document, 'Lang') as PDFString).decodeText()).toBe('en');
    const kids = (get(doc, document, 'K') as PDFArray).asArray();
    expect(kids.map((k) => (get(doc, k, 'ID') as PDFString).decodeText())).toEqual(['h2', 'a2']);
    expect(kids.every((k) => get(doc, k, 'P') === document)).toBe(true);
    const ids = (get(doc, get(doc, root, 'IDTree'), 'Names') as PDFArray).asArray();
    expect(ids.filter((_, i) => i % 2 === 0).map((n) => (n as PDFString).decodeText())).toEqual(['a2', 'h2']);
    const dests = look(doc, get(doc, doc.catalog, 'Dests')) as PDFDict;
    expect(dests.keys().map((k) => k.decodeText())).toEqual(['formaal']);
    const outlines = get(doc, doc.catalog, 'Outlines');
    expect((get(doc, get(doc, outlines, 'First'), 'Title') as PDFString).decodeText()).toBe('Dokument på side 3');
    expect(get(doc, outlines, 'First')).toBe(get(doc, outlines, 'Last'));
    // Nothing of the other document came along: one page object in the written file.
    const bytes = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
    expect(bytes.match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('refuses a print with another number of articles than documents', async () => {
    await expect(readPrint(await print(), 3)).rejects.toThrow('PDF: udskriften har 2 dokumentartikler, ikke 3');
  });
});
