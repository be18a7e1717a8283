/** A word-level diff of two texts: paragraphs are matched first, then the words of changed paragraphs. */

/** A run of text that both versions share, or that the newer one inserted or deleted. */
export interface DiffPart {
  /** `same`, `ins` or `del`. */
  kind: 'same' | 'ins' | 'del';
  /** The text, white space included, e.g. `arbejdsbetinget `. */
  text: string;
}

/** Cells of the LCS table beyond which a changed stretch is shown as deleted and inserted whole (memory stays bounded). */
const MAX_CELLS = 4_000_000;

/** A token of text and the key it is compared by (white space after it does not count). */
interface Token {
  key: string;
  text: string;
}

type Step = { kind: DiffPart['kind']; text: string };

/** Edit script of two token lists by longest common subsequence, after trimming their common ends; shared tokens keep the newer text. */
function lcs(a: readonly Token[], b: readonly Token[]): Step[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start]!.key === b[start]!.key) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1]!.key === b[endB - 1]!.key) (endA--, endB--);
  const same = (t: Token): Step => ({ kind: 'same', text: t.text });
  const head = b.slice(0, start).map(same);
  const tail = b.slice(endB).map(same);
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const middle: Step[] = [];
  const del = (t: Token) => middle.push({ kind: 'del', text: t.text });
  const ins = (t: Token) => middle.push({ kind: 'ins', text: t.text });
  if ((x.length + 1) * (y.length + 1) > MAX_CELLS) {
    x.forEach(del);
    y.forEach(ins);
    return [...head, ...middle, ...tail];
  }
  const width = y.length + 1;
  const table = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      table[i * width + j] =
        x[i]!.key === y[j]!.key ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i]!.key === y[j]!.key) (middle.push(same(y[j++]!)), i++);
    else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) del(x[i++]!);
    else ins(y[j++]!);
  }
  while (i < x.length) del(x[i++]!);
  while (j < y.length) ins(y[j++]!);
  return [...head, ...middle, ...tail];
}

/** Words and single punctuation marks, each with the white space after it, so joining the tokens gives the text back. */
const words = (text: string): Token[] =>
  (text.match(/^\s+|[\p{L}\p{N}_]+\s*|[^\s\p{L}\p{N}_]\s*/gu) ?? []).map((t) => ({ key: t.trimEnd(), text: t }));

/** Paragraphs with the blank lines after them, so joining gives the text back. */
const paragraphs = (text: string): Token[] =>
  (text.match(/[\s\S]*?(?:\n[ \t]*\n\s*|$)/g) ?? []).filter(Boolean).map((t) => ({ key: t.trim(), text: t }));

/** Joins neighbouring parts of the same kind. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && last.kind === p.kind) last.text += p.text;
    else if (p.text) out.push({ ...p });
  }
  return out;
}

/** The changes from `before` to `after`: paragraphs matched first, then the words of the changed ones. */
export function diffWords(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    parts.push(...lcs(words(removed.join('')), words(added.join(''))));
    removed = [];
    added = [];
  };
  for (const step of lcs(paragraphs(before), paragraphs(after))) {
    if (step.kind !== 'same') (step.kind === 'del' ? removed : added).push(step.text);
    else (flush(), parts.push(step));
  }
  flush();
  return merge(parts);
}

/** True when the two texts differ in more than white space. */
export const hasChanges = (parts: readonly DiffPart[]) => parts.some((p) => p.kind !== 'same');

/** HTML-escapes text. */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The diff as HTML: `<ins>`/`<del>` carry a hidden spoken cue ("indsat:") and visible `[+ … +]`/`[- … -]` marks, so
 * the change reads without colour (WCAG 1.4.1), without JavaScript and on paper.
 */
export function diffHtml(parts: readonly DiffPart[], cues: { inserted: string; deleted: string }): string {
  return parts
    .map((p) => {
      if (p.kind === 'same') return escape(p.text);
      const [tag, cue, open, close] = p.kind === 'ins' ? ['ins', cues.inserted, '[+', '+]'] : ['del', cues.deleted, '[-', '-]'];
      return `<${tag}><span class="visually-hidden">${escape(cue)} </span><span class="diff-mark" aria-hidden="true">${open}</span>${escape(p.text)}<span class="diff-mark" aria-hidden="true">${close}</span></${tag}>`;
    })
    .join('');
}
