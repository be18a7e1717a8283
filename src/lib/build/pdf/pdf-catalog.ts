/** The catalog of a PDF this build assembles from Chromium's (joined or cut): tagged, with its language, destinations and outline. */
import { PDFString, type PDFDict, type PDFDocument, type PDFObject, type PDFRef } from '@cantoo/pdf-lib';
import { key, outlineRoot } from './pdf-trees.ts';

/** What goes into the catalog. */
export interface Assembled {
  /** The reference reserved for the `/Document` element, which the `kids` name as their parent. */
  docRef: PDFRef;
  /** The document language, e.g. `da`. */
  lang: string;
  /** The structure elements under `/Document`, in reading order. */
  kids: readonly PDFRef[];
  /** The parent tree's keys and values, one after the other, keys ascending. */
  nums: readonly PDFObject[];
  nextKey: number;
  /** The ID tree's ids and elements, one after the other, ids sorted. */
  ids: readonly PDFObject[];
  dests: PDFDict;
  /** The outline's top-level items, in order. */
  outline: readonly PDFRef[];
}

/** Writes the structure tree and the catalog's entries for it, the language, the destinations and the outline. */
export function setCatalog(out: PDFDocument, a: Assembled): void {
  const c = out.context;
  const rootRef = c.nextRef();
  c.assign(a.docRef, c.obj({ Type: 'StructElem', S: 'Document', P: rootRef, Lang: PDFString.of(a.lang), K: c.obj([...a.kids]) }));
  const parentTree = c.register(c.obj({ Nums: c.obj([...a.nums]) }));
  const idTree = c.register(c.obj({ Names: c.obj([...a.ids]) }));
  c.assign(rootRef, c.obj({ Type: 'StructTreeRoot', K: a.docRef, ParentTree: parentTree, ParentTreeNextKey: a.nextKey, IDTree: idTree }));
  const catalog = out.catalog;
  catalog.set(key('StructTreeRoot'), rootRef);
  catalog.set(key('MarkInfo'), c.obj({ Type: 'MarkInfo', Marked: true }));
  catalog.set(key('Lang'), PDFString.of(a.lang));
  catalog.set(key('ViewerPreferences'), c.obj({ Type: 'ViewerPreferences', DisplayDocTitle: true }));
  catalog.set(key('Dests'), c.register(a.dests));
  catalog.set(key('Outlines'), outlineRoot(c, a.outline));
}
