/** Finding many whole-word phrases in one pass over a text in token form (see `tokenForm`). */

/** A phrase in token form (` word word `) with the caller's payload. */
export interface Phrase<T> {
  tokens: string;
  value: T;
}

/**
 * Finds every phrase that occurs in a text, word-aligned, in one left-to-right pass. Phrases are looked up by
 * their first word, then their second, so the cost per word of text is one hash look-up (two for a first word),
 * however many phrases there are.
 */
export class PhraseMatcher<T> {
  /** First word → phrases of that one word, and second word → longer phrases starting with the two. */
  private readonly byFirst = new Map<string, { single: Phrase<T>[]; bySecond: Map<string, Phrase<T>[]> }>();
  readonly size: number;

  constructor(phrases: Iterable<Phrase<T>>) {
    let size = 0;
    for (const phrase of phrases) {
      const [first, second] = phrase.tokens.trim().split(' ', 2);
      if (!first) continue;
      let entry = this.byFirst.get(first);
      if (!entry) this.byFirst.set(first, (entry = { single: [], bySecond: new Map() }));
      if (second === undefined) entry.single.push(phrase);
      else entry.bySecond.set(second, [...(entry.bySecond.get(second) ?? []), phrase]);
      size++;
    }
    this.size = size;
  }

  /** The phrases found in `text` (token form: words separated by single spaces, a space at each end). */
  find(text: string): Set<Phrase<T>> {
    const found = new Set<Phrase<T>>();
    if (!this.size) return found;
    let start = 1;
    let end = text.indexOf(' ', start);
    while (end > start) {
      const entry = this.byFirst.get(text.slice(start, end));
      const nextEnd = text.indexOf(' ', end + 1);
      if (entry) {
        for (const phrase of entry.single) found.add(phrase);
        const longer = nextEnd > end + 1 ? entry.bySecond.get(text.slice(end + 1, nextEnd)) : undefined;
        for (const phrase of longer ?? []) if (text.startsWith(phrase.tokens, start - 1)) found.add(phrase);
      }
      start = end + 1;
      end = nextEnd;
    }
    return found;
  }
}
