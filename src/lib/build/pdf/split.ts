/**
 * Cuts one print of every document of an edition into each document's own PDF. Printing each document as a job of its
 * own cost most of the PDF time (the sample's 22 documents: 2.0 s one by one, 0.84 s as one print, on one page): each
 * document's pages, its part of the tagged structure, its parent-tree entries (numbered from 0), ids, named destinations
 * (without the document's prefix) and outline items are copied into a PDF of its own.
 */
import {
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { setCatalog } from './pdf-catalog.ts';
import { arrayOf, chain, dictOf, itemsOf, key, nameTree, numberOf, numberTree } from './pdf-trees.ts';

/** One document's pages in the print. */
export interface PrintedRange {
  /** Its first page (0-based) and its number of pages. */
  first: number;
  pages: number;
}

/** A print of documents, read for cutting. */
export interface Print {
  src: PDFDocument;
  ranges: PrintedRange[];
  /** The top-level structure elements (and outline items) that begin on each page. */
  kidsByPage: Map<number, PDFRef[]>;
  itemsByPage: Map<number, PDFRef[]>;
}

/** The element every document's print block is inside, and the articles (`<article>`, `/Art`) in order of the print. */
function articles(s: PDFContext, root: PDFDict): { container?: PDFDict; arts: PDFRef[] } {
  const arts: PDFRef[] = [];
  const parents = new Set<PDFDict | undefined>();
  const walk = (ref: PDFObject, parent: PDFDict | undefined) => {
    const elem = dictOf(s, ref);
    if (!elem || !(ref instanceof PDFRef)) return;
    if (elem.get(key('S')) === key('Art')) {
      arts.push(ref);
      parents.add(parent);
      return;
    }
    for (const kid of itemsOf(s, elem.get(key('K')))) walk(kid, elem);
  };
  for (const kid of itemsOf(s, root.get(key('K')))) walk(kid, undefined);
  // Every document's block is a sibling of the others; anything else is not a print this module made.
  return { container: parents.size === 1 ? [...parents][0] : undefined, arts };
}

/** The first page (0-based) an element's content is on. */
function firstPage(s: PDFContext, ref: PDFObject, pageIndex: ReadonlyMap<PDFRef, number>): number {
  let best = Infinity;
  const walk = (value: PDFObject, depth: number) => {
    const elem = dictOf(s, value);
    if (!elem || depth > 64) return;
    const pg = elem.get(key('Pg'));
    if (pg instanceof PDFRef && pageIndex.has(pg)) best = Math.min(best, pageIndex.get(pg)!);
    for (const kid of itemsOf(s, elem.get(key('K')))) walk(kid, depth + 1);
  };
  walk(ref, 0);
  return best;
}

/** Reads the print of `count` documents: each document's pages, found from where its article begins. */
export async function readPrint(bytes: Uint8Array, count: number): Promise<Print> {
  const src = await PDFDocument.load(bytes, { updateMetadata: false });
  const s = src.context;
  const root = dictOf(s, src.catalog.get(key('StructTreeRoot')));
  const { container, arts } = root ? articles(s, root) : { arts: [] };
  if (!root || !container || arts.length !== count) throw new Error(`PDF: udskriften har ${arts.length} dokumentartikler, ikke ${count}`);
  const pageIndex = new Map(src.getPages().map((p, i) => [p.ref, i]));
  const starts = arts.map((a) => firstPage(s, a, pageIndex));
  const ranges = starts.map((first, i) => ({ first, pages: (starts[i + 1] ?? src.getPageCount()) - first }));
  if (ranges.some((r) => !(r.pages > 0))) throw new Error('PDF: dokumenterne i udskriften begynder ikke hver på sin side');
  const kidsByPage = new Map<number, PDFRef[]>();
  for (const kid of itemsOf(s, container.get(key('K')))) {
    if (!(kid instanceof PDFRef)) continue;
    // Cut loose from the print's tree: copying follows every reference, and would copy all of it.
    dictOf(s, kid)?.delete(key('P'));
    const page = firstPage(s, kid, pageIndex);
    if (Number.isFinite(page)) kidsByPage.set(page, [...(kidsByPage.get(page) ?? []), kid]);
  }
  const itemsByPage = new Map<number, PDFRef[]>();
  for (const item of chain(s, dictOf(s, src.catalog.get(key('Outlines'))))) {
    const dest = arrayOf(s, dictOf(s, item)?.get(key('Dest')));
    const page = dest?.get(0) instanceof PDFRef ? pageIndex.get(dest.get(0) as PDFRef) : undefined;
    for (const k of ['Parent', 'Prev', 'Next']) dictOf(s, item)?.delete(key(k));
    if (page !== undefined) itemsByPage.set(page, [...(itemsByPage.get(page) ?? []), item]);
  }
  return { src, ranges, kidsByPage, itemsByPage };
}

/** Every structure element under `refs`, for keeping references into other documents out of a document's own PDF. */
function subtree(s: PDFContext, refs: readonly PDFRef[]): Set<PDFRef> {
  const seen = new Set<PDFRef>();
  const walk = (value: PDFObject) => {
    if (!(value instanceof PDFRef) || seen.has(value)) return;
    const elem = dictOf(s, value);
    if (!elem || elem.get(key('Type')) === key('OBJR') || elem.get(key('Type')) === key('MCR')) return;
    seen.add(value);
    for (const kid of itemsOf(s, elem.get(key('K')))) walk(kid);
  };
  refs.forEach(walk);
  return seen;
}

/** Document `index` of the print as a PDF of its own, its destinations without the print's prefix `anchor-`. */
export async function cutDocument(print: Print, index: number, anchor: string, lang: string): Promise<PDFDocument> {
  const { src, ranges } = print;
  const s = src.context;
  const range = ranges[index]!;
  const pages = src.getPages().slice(range.first, range.first + range.pages);
  const onPages = (byPage: Map<number, PDFRef[]>) => pages.flatMap((_, i) => byPage.get(range.first + i) ?? []);
  const kids = onPages(print.kidsByPage);
  const own = subtree(s, kids);
  const out = await PDFDocument.create({ updateMetadata: false });
  const c = out.context;
  const copier = PDFObjectCopier.for(s, c);
  const root = dictOf(s, src.catalog.get(key('StructTreeRoot')))!;
  const tree = new Map(numberTree(s, dictOf(s, root.get(key('ParentTree')))));
  const nums: PDFObject[] = [];
  /** Moves a parent-tree entry to the next key of the document's own tree, dropping references to other documents. */
  const renumber = (dict: PDFDict, name: string) => {
    const old = numberOf(c, dict.get(key(name)));
    if (old === undefined) return;
    const value = tree.get(old);
    const array = arrayOf(s, value);
    const kept = array
      ? c.obj(array.asArray().map((v) => (v instanceof PDFRef && own.has(v) ? copier.copy(v) : PDFNull)))
      : value instanceof PDFRef && own.has(value)
        ? copier.copy(value)
        : PDFNull;
    dict.set(key(name), PDFNumber.of(nums.length / 2));
    nums.push(PDFNumber.of(nums.length / 2), kept);
  };
  const prefix = `${anchor}-`;
  const unprefixed = (name: string) => (name.startsWith(prefix) ? name.slice(prefix.length) : name);
  for (const page of pages) {
    const ref = copier.copy(page.ref) as PDFRef;
    const leaf = c.lookup(ref) as PDFPageLeaf;
    out.addPage(PDFPage.of(leaf, ref, out));
    renumber(leaf, 'StructParents');
    for (const annot of arrayOf(c, leaf.get(key('Annots')))?.asArray() ?? []) {
      const dict = dictOf(c, annot);
      if (!dict) continue;
      renumber(dict, 'StructParent');
      const dest = dict.get(key('Dest'));
      if (dest instanceof PDFName) dict.set(key('Dest'), key(unprefixed(dest.decodeText())));
    }
  }
  const docRef = c.nextRef();
  const copiedKids = kids.map((k) => {
    const ref = copier.copy(k) as PDFRef;
    c.lookup(ref, PDFDict).set(key('P'), docRef);
    return ref;
  });
  const ids = nameTree(s, dictOf(s, root.get(key('IDTree'))))
    .filter(([, v]) => v instanceof PDFRef && own.has(v))
    .flatMap(([id, v]) => [PDFString.of(id), copier.copy(v)]);
  const dests = c.obj({});
  const pageSet = new Set(pages.map((p) => p.ref));
  for (const [name, value] of dictOf(s, src.catalog.get(key('Dests')))?.entries() ?? []) {
    const target = arrayOf(s, value)?.get(0);
    if (target instanceof PDFRef && pageSet.has(target) && name.decodeText().startsWith(prefix))
      dests.set(key(unprefixed(name.decodeText())), copier.copy(value));
  }
  const items = onPages(print.itemsByPage).map((i) => copier.copy(i) as PDFRef);
  setCatalog(out, { docRef, lang, kids: copiedKids, nums, nextKey: nums.length / 2, ids, dests, outline: items });
  return out;
}
