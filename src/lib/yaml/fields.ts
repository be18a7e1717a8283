import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { Place } from '../util/problems.ts';

/** Most keys and list items a YAML text may have: the sample's largest file has about 500. */
const MAX_ENTRIES = 20_000;
/** Most alias expansions (`*a`) a YAML text may make: a nested alias bomb makes millions. */
const MAX_ALIASES = 1_000;

/** Keys (`a:`) and list items (`- `, or `,` in flow collections): an upper bound, counted without parsing. */
function countEntries(source: string): number {
  return (source.match(/:(?=\s|$)|^\s*- |,/gm) ?? []).length;
}

/** Why a YAML text holds too many keys and list items to parse; undefined when it does not. */
export function tooManyEntries(source: string): string | undefined {
  const entries = countEntries(source);
  return entries > MAX_ENTRIES ? `${entries} felter og listepunkter; højst ${MAX_ENTRIES} er tilladt` : undefined;
}

/** A parse result holding one error and nothing to locate. */
function failed(place: Place, message: string): LocatedYaml {
  return { value: undefined, errors: [{ message, place }], placeOf: () => place };
}

/** `Map keys must be unique` errors, as the library words them, at each repeated key; one pass over every map. */
function duplicateKeys(doc: Document, toPlace: (offset: number) => Place): LocatedYaml['errors'] {
  const errors: LocatedYaml['errors'] = [];
  const pending: unknown[] = [doc.contents];
  while (pending.length) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        // As the library compares keys: the same scalar value (the string "5.2" and the number 5.20 differ).
        const key = isScalar(pair.key) ? `${typeof pair.key.value}:${String(pair.key.value)}` : undefined;
        if (key !== undefined && seen.has(key)) {
          const range = (pair.key as { range?: [number, number, number] }).range;
          errors.push({ message: 'Map keys must be unique', place: toPlace(range?.[0] ?? 0) });
        }
        if (key !== undefined) seen.add(key);
        pending.push(pair.value);
      }
    } else if (isSeq(node)) pending.push(...node.items);
  }
  return errors;
}

/** A YAML document with a way to find where each field was written. */
export interface LocatedYaml {
  value: unknown;
  errors: { message: string; place: Place }[];
  /** Where the node at `path` starts (or its key, for `key: true`); falls back to the document start. */
  placeOf(path: readonly PropertyKey[], key?: boolean): Place;
}

/** Parses YAML that starts at `firstLine` of its file, keeping positions for error messages. */
export function parseLocatedYaml(source: string, firstLine = 1): LocatedYaml {
  const counter = new LineCounter();
  const toPlace = (offset: number): Place => {
    const pos = counter.linePos(offset);
    return { line: pos.line + firstLine - 1, col: pos.col };
  };
  const start: Place = { line: Math.max(1, firstLine - 1), col: 1 };
  const tooMany = tooManyEntries(source);
  if (tooMany) return failed(start, tooMany);
  let doc: Document;
  let value: unknown;
  let errors: LocatedYaml['errors'];
  try {
    // Unique keys are checked below: the library's own check compares every key with every other (10,000 keys: 40 s).
    doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
    errors = [...doc.errors.map((e) => ({ message: e.message.split('\n')[0]!, place: toPlace(e.pos[0]) })), ...duplicateKeys(doc, toPlace)];
    value = errors.length ? undefined : doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // toJS throws a ReferenceError on an alias bomb; a deep structure may overflow the stack.
    const alias = /\*[^\s,\]}]+/.exec(source);
    if (error instanceof ReferenceError && alias)
      return failed(toPlace(alias.index), 'for mange aliasser (*navn): skriv værdierne ud i stedet');
    return failed(start, `kan ikke læses (${(error as Error).message})`);
  }
  return {
    value,
    errors,
    placeOf(path, key = false) {
      const segments = path.map((s) => (typeof s === 'number' ? s : String(s)));
      if (key && segments.length) {
        const parent = segments.length > 1 ? doc.getIn(segments.slice(0, -1), true) : doc.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segments.at(-1));
          const keyNode = pair && isPair(pair) ? (pair.key as { range?: [number, number, number] }) : undefined;
          if (keyNode?.range) return toPlace(keyNode.range[0]);
        }
      }
      for (let n = segments.length; n > 0; n--) {
        const node = doc.getIn(segments.slice(0, n), true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return toPlace(node.range[0]);
        if (n === segments.length && !key) return this.placeOf(segments.slice(0, n), true);
      }
      return start;
    },
  };
}
