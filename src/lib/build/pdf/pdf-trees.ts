/** Reading the trees and chains a PDF keeps its parts in (ISO 32000-1, 7.9.6 and 7.9.7 number and name trees, 12.3.3 outlines). */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFString,
  PDFHexString,
  PDFRef,
  type PDFContext,
  type PDFObject,
} from '@cantoo/pdf-lib';

/** A name used as a key into a dictionary. */
export const key = (name: string) => PDFName.of(name);

/** The dictionary an entry holds (directly or through a reference), if it is one. */
export function dictOf(context: PDFContext, value: PDFObject | undefined): PDFDict | undefined {
  const object = value instanceof PDFRef ? context.lookup(value) : value;
  return object instanceof PDFDict ? object : undefined;
}

/** The array an entry holds (directly or through a reference), if it is one. */
export function arrayOf(context: PDFContext, value: PDFObject | undefined): PDFArray | undefined {
  const object = value instanceof PDFRef ? context.lookup(value) : value;
  return object instanceof PDFArray ? object : undefined;
}

/** The number an entry holds, if it is one. */
export function numberOf(context: PDFContext, value: PDFObject | undefined): number | undefined {
  const object = value instanceof PDFRef ? context.lookup(value) : value;
  return object instanceof PDFNumber ? object.asNumber() : undefined;
}

/** The text of a string, literal or hex. */
export function textOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** Every key and value of a number tree, leaves in order (`/Nums` pairs, `/Kids` below). */
export function numberTree(context: PDFContext, node: PDFDict | undefined): [number, PDFObject][] {
  if (!node) return [];
  const out: [number, PDFObject][] = [];
  const nums = arrayOf(context, node.get(key('Nums')));
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const k = numberOf(context, nums.get(i));
    if (k !== undefined) out.push([k, nums.get(i + 1)]);
  }
  for (const kid of arrayOf(context, node.get(key('Kids')))?.asArray() ?? []) out.push(...numberTree(context, dictOf(context, kid)));
  return out;
}

/** Every key and value of a name tree (`/Names` pairs, `/Kids` below). */
export function nameTree(context: PDFContext, node: PDFDict | undefined): [string, PDFObject][] {
  if (!node) return [];
  const out: [string, PDFObject][] = [];
  const names = arrayOf(context, node.get(key('Names')));
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const k = textOf(names.get(i));
    if (k !== undefined) out.push([k, names.get(i + 1)]);
  }
  for (const kid of arrayOf(context, node.get(key('Kids')))?.asArray() ?? []) out.push(...nameTree(context, dictOf(context, kid)));
  return out;
}

/** The references of the items a dictionary chains from `/First` through `/Next` (the top level of an outline). */
export function chain(context: PDFContext, parent: PDFDict | undefined): PDFRef[] {
  const out: PDFRef[] = [];
  let at = parent?.get(key('First'));
  // A malformed outline could loop; no item is visited twice.
  while (at instanceof PDFRef && !out.some((r) => r === at)) {
    out.push(at);
    at = dictOf(context, at)?.get(key('Next'));
  }
  return out;
}

/** The items of an entry that may be one object or an array of them (a structure element's `/K`). */
export function itemsOf(context: PDFContext, value: PDFObject | undefined): PDFObject[] {
  if (value === undefined) return [];
  const array = arrayOf(context, value);
  return array ? array.asArray() : [value];
}

/** An outline's root over the given top-level items, chained in order. */
export function outlineRoot(c: PDFContext, items: readonly PDFRef[]): PDFRef {
  const rootRef = c.nextRef();
  let visible = 0;
  items.forEach((ref, i) => {
    const item = c.lookup(ref, PDFDict);
    item.set(key('Parent'), rootRef);
    if (i > 0) item.set(key('Prev'), items[i - 1]!);
    if (i + 1 < items.length) item.set(key('Next'), items[i + 1]!);
    visible += 1 + Math.max(0, numberOf(c, item.get(key('Count'))) ?? 0);
  });
  const root = c.obj({ Type: 'Outlines', Count: visible });
  if (items.length) {
    root.set(key('First'), items[0]!);
    root.set(key('Last'), items.at(-1)!);
  }
  c.assign(rootRef, root);
  return rootRef;
}

/** Loads a PDF to read or cut, as printed (its dates and producer kept). */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false });
}
