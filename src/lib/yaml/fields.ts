import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document } from 'yaml';
import type { Place } from '../util/problems.ts';

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
  const doc: Document = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toPlace = (offset: number): Place => {
    const pos = counter.linePos(offset);
    return { line: pos.line + firstLine - 1, col: pos.col };
  };
  const start: Place = { line: Math.max(1, firstLine - 1), col: 1 };
  return {
    value: doc.errors.length ? undefined : doc.toJS(),
    errors: doc.errors.map((e) => ({ message: e.message.split('\n')[0]!, place: toPlace(e.pos[0]) })),
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
