/**
 * Joins printed PDFs into one, keeping what makes them accessible and navigable: the tagged structure (each part's
 * tree under one `/Document`, its parent-tree keys moved past the parts before it), the outline, the named
 * destinations (prefixed with the part's anchor, as every document has its own "formaal") and the links. The handbook
 * is joined from the documents' own PDFs instead of printing every page a second time (at 200 documents that print was
 * 20 of a 52 s build).
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFString,
  type PDFContext,
} from '@cantoo/pdf-lib';
import { setCatalog } from './pdf-catalog.ts';
import { arrayOf, chain, dictOf, itemsOf, key, nameTree, numberOf, numberTree, textOf } from './pdf-trees.ts';

/** One PDF to join. */
export interface JoinPart {
  bytes: Uint8Array;
  /** Prefix of the part's named destinations, and the name of one to its first page, e.g. `d3`. */
  anchor: string;
  /** The part's own address: links to it (and its fragments) become links inside the joined PDF, e.g. `https://intra.example.dk/x/`. */
  address?: string;
}

/** What the joined PDF's catalog carries besides the parts. */
export interface JoinOptions {
  /** The document language, e.g. `da`. */
  lang: string;
}

/** The joined PDF and the index of each part's first page in it. */
export interface Joined {
  doc: PDFDocument;
  firstPages: number[];
}

/** State of a join: the new structure root's pieces and what later parts need. */
interface Join {
  out: PDFDocument;
  docRef: PDFRef;
  kids: PDFRef[];
  nums: [number, PDFRef | PDFArray | PDFDict][];
  ids: [string, PDFRef][];
  nextKey: number;
  outline: PDFRef[];
  dests: PDFDict;
  /** Links to rewrite once every destination is known: the annotation and the address it went to. */
  links: { annot: PDFDict; uri: string }[];
}

/** Joins the parts in order. */
export async function joinPdfs(parts: readonly JoinPart[], options: JoinOptions): Promise<Joined> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const c = out.context;
  const docRef = c.nextRef();
  const join: Join = { out, docRef, kids: [], nums: [], ids: [], nextKey: 0, outline: [], dests: c.obj({}), links: [] };
  const firstPages: number[] = [];
  for (const part of parts) {
    firstPages.push(out.getPageCount());
    await addPart(join, part);
  }
  setCatalog(out, {
    docRef,
    lang: options.lang,
    kids: join.kids,
    nums: join.nums.sort((a, b) => a[0] - b[0]).flatMap(([k, v]) => [PDFNumber.of(k), v]),
    nextKey: join.nextKey,
    ids: join.ids.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([k, v]) => [PDFString.of(k), v]),
    dests: join.dests,
    outline: join.outline,
  });
  // The handbook opens with its bookmarks shown: they are its documents and their headings.
  out.catalog.set(key('PageMode'), key('UseOutlines'));
  resolveLinks(join, parts);
  return { doc: out, firstPages };
}

/** Copies one part's pages, structure, destinations and outline into the join. */
async function addPart(join: Join, part: JoinPart): Promise<void> {
  const src = await PDFDocument.load(part.bytes, { updateMetadata: false });
  const s = src.context;
  const c = join.out.context;
  const root = dictOf(s, src.catalog.get(key('StructTreeRoot')));
  const outlines = dictOf(s, src.catalog.get(key('Outlines')));
  const topKids = itemsOf(s, root?.get(key('K'))).filter((k): k is PDFRef => k instanceof PDFRef);
  const topItems = chain(s, outlines);
  // Cut the links up to the part's own roots first: copying follows every reference, and would copy those roots too.
  for (const ref of topKids) dictOf(s, ref)?.delete(key('P'));
  for (const ref of topItems) for (const k of ['Parent', 'Prev', 'Next']) dictOf(s, ref)?.delete(key(k));
  const copier = PDFObjectCopier.for(s, c);
  const offset = join.nextKey;
  for (const page of src.getPages()) {
    const ref = copier.copy(page.ref) as PDFRef;
    const leaf = c.lookup(ref) as PDFPageLeaf;
    join.out.addPage(PDFPage.of(leaf, ref, join.out));
    shiftKey(c, leaf, 'StructParents', offset);
    for (const annot of arrayOf(c, leaf.get(key('Annots')))?.asArray() ?? []) {
      const dict = dictOf(c, annot);
      if (dict) adjustAnnotation(join, dict, part.anchor, offset);
    }
  }
  if (root) {
    let next = numberOf(s, root.get(key('ParentTreeNextKey'))) ?? 0;
    for (const [k, v] of numberTree(s, dictOf(s, root.get(key('ParentTree'))))) {
      join.nums.push([k + offset, copier.copy(v) as PDFRef]);
      next = Math.max(next, k + 1);
    }
    join.nextKey = offset + next;
    for (const kid of topKids) {
      const ref = copier.copy(kid) as PDFRef;
      const elem = c.lookup(ref, PDFDict);
      elem.set(key('P'), join.docRef);
      // Each part was a whole document; in the join it is a part of one.
      if (elem.get(key('S')) === key('Document')) elem.set(key('S'), key('Part'));
      join.kids.push(ref);
    }
    for (const [id, elem] of nameTree(s, dictOf(s, root.get(key('IDTree'))))) {
      const ref = copier.copy(elem) as PDFRef;
      const prefixed = `${part.anchor}-${id}`;
      c.lookup(ref, PDFDict).set(key('ID'), PDFString.of(prefixed));
      join.ids.push([prefixed, ref]);
    }
  }
  for (const [name, dest] of destinations(s, src)) join.dests.set(key(`${part.anchor}-${name}`), copier.copy(dest));
  const first = join.out.getPage(join.out.getPageCount() - src.getPageCount());
  join.dests.set(key(part.anchor), c.obj([first.ref, key('XYZ'), 0, first.getHeight(), 0]));
  join.outline.push(...topItems.map((ref) => copier.copy(ref) as PDFRef));
}

/** A part's named destinations: the catalog's `/Dests` (what Chromium writes) and the `/Names` tree's. */
function destinations(s: PDFContext, src: PDFDocument): [string, PDFArray | PDFDict | PDFRef][] {
  const out: [string, PDFArray | PDFDict | PDFRef][] = [];
  const dests = dictOf(s, src.catalog.get(key('Dests')));
  for (const [name, value] of dests?.entries() ?? []) out.push([name.decodeText(), value as PDFArray]);
  const names = dictOf(s, src.catalog.get(key('Names')));
  for (const [name, value] of nameTree(s, dictOf(s, names?.get(key('Dests'))))) out.push([name, value as PDFArray]);
  return out;
}

/** Moves a structure parent key past the parts before; names its destination with the part's prefix; notes URI links. */
function adjustAnnotation(join: Join, annot: PDFDict, anchor: string, offset: number): void {
  const c = join.out.context;
  shiftKey(c, annot, 'StructParent', offset);
  const dest = annot.get(key('Dest'));
  if (dest instanceof PDFName) annot.set(key('Dest'), key(`${anchor}-${dest.decodeText()}`));
  const action = dictOf(c, annot.get(key('A')));
  const uri = action?.get(key('S')) === key('URI') ? textOf(action.get(key('URI'))) : undefined;
  if (uri) join.links.push({ annot, uri });
}

/** Adds `offset` to a number entry, if present. */
function shiftKey(c: PDFContext, dict: PDFDict, name: string, offset: number): void {
  const value = numberOf(c, dict.get(key(name)));
  if (value !== undefined) dict.set(key(name), PDFNumber.of(value + offset));
}

/** Links to a part's address go to its destination in the join: the fragment's when it has one, else its first page. */
function resolveLinks(join: Join, parts: readonly JoinPart[]): void {
  const anchors = new Map(parts.filter((p) => p.address).map((p) => [p.address!, p.anchor]));
  for (const { annot, uri } of join.links) {
    const [address = '', fragment] = uri.split('#');
    const anchor = anchors.get(address) ?? anchors.get(`${address}/`);
    if (!anchor) continue;
    const named = fragment ? `${anchor}-${fragment}` : anchor;
    const target = join.dests.get(key(named)) ? named : anchor;
    annot.delete(key('A'));
    annot.set(key('Dest'), key(target));
  }
}
