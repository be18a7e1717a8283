/** Finding many whole-word phrases in one pass over a text in token form (see `tokenForm`). */

/** A phrase in token form (` word word `) with the caller's payload. */
export interface Phrase<T> {
  tokens: string;
  value: T;
}

/** Where a phrase is filed: the position of its filing pair (or single word) inside `tokens`. */
interface Filed<T> {
  phrase: Phrase<T>;
  offset: number;
}

/**
 * Finds every phrase that occurs in a text, word-aligned, in one left-to-right pass. Each phrase is filed under
 * the pair of adjacent words that the fewest phrases share (one-word phrases under their word), so a word of
 * text costs one hash look-up, a second only when it starts a filed pair, and few candidates are compared.
 */
export class PhraseMatcher<T> {
  /** First word of a filing pair → one-word phrases, and second word → phrases filed under the pair. */
  private readonly byWord = new Map<string, { single: Filed<T>[]; pairs: Map<string, Filed<T>[]> }>();
  readonly size: number;

  constructor(phrases: Iterable<Phrase<T>>) {
    const all = [...phrases]
      .map((phrase) => ({ phrase, words: phrase.tokens.trim().split(' ').filter(Boolean) }))
      .filter((p) => p.words.length);
    const pairs = (words: string[]) => words.slice(1).map((w, i) => `${words[i]} ${w}`);
    const shared = new Map<string, number>();
    for (const { words } of all) for (const pair of new Set(pairs(words))) shared.set(pair, (shared.get(pair) ?? 0) + 1);
    for (const { phrase, words } of all) {
      const candidates = pairs(words);
      const best = candidates.reduce(
        (b, pair, i) =>
          shared.get(pair)! < shared.get(candidates[b]!)! ||
          (shared.get(pair) === shared.get(candidates[b]!) && pair.length > candidates[b]!.length)
            ? i
            : b,
        0,
      );
      const offset = words.slice(0, best).reduce((n, w) => n + w.length + 1, 0);
      let entry = this.byWord.get(words[best]!);
      if (!entry) this.byWord.set(words[best]!, (entry = { single: [], pairs: new Map() }));
      if (words.length === 1) entry.single.push({ phrase, offset: 0 });
      else entry.pairs.set(words[best + 1]!, [...(entry.pairs.get(words[best + 1]!) ?? []), { phrase, offset }]);
    }
    this.size = all.length;
  }

  /** The phrases found in `text` (token form: words separated by single spaces, a space at each end). */
  find(text: string): Set<Phrase<T>> {
    const found = new Set<Phrase<T>>();
    if (!this.size) return found;
    let start = 1;
    let end = text.indexOf(' ', start);
    while (end > start) {
      const next = text.indexOf(' ', end + 1);
      const entry = this.byWord.get(text.slice(start, end));
      if (entry) {
        for (const { phrase } of entry.single) found.add(phrase);
        const filed = entry.pairs.size && next > end + 1 ? entry.pairs.get(text.slice(end + 1, next)) : undefined;
        for (const { phrase, offset } of filed ?? []) {
          const at = start - 1 - offset;
          if (at >= 0 && text.startsWith(phrase.tokens, at)) found.add(phrase);
        }
      }
      start = end + 1;
      end = next;
    }
    return found;
  }
}
