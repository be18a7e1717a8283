/**
 * Soft hyphens at Danish hyphenation points in long words of table cells (owners, approval bodies, titles), so a
 * column can be narrower than "Informationssikkerhedskoordinatoren" and the word then breaks with a visible hyphen in
 * every browser, where CSS `hyphens: auto` needs a dictionary many browsers lack (Chromium on Linux and Windows).
 */
import hyphen from 'hyphen/da/index.js';

/** Words shorter than this stay whole: only long compounds need a break, and short ones read badly broken. */
const MIN_WORD = 14;

/**
 * Texts hyphenated so far. The overviews list every document with its owner and approval body, a few dozen distinct
 * texts in thousands of cells (0.14 s of the intranet's CPU at 1,000 documents went to the hyphenator).
 */
const hyphenated = new Map<string, string>();

/** The text with soft hyphens (U+00AD) in its long words; short words, spaces and hard hyphens are left as they are. */
export function softHyphens(text: string): string {
  let result = hyphenated.get(text);
  if (result === undefined) hyphenated.set(text, (result = hyphen.hyphenateSync(text, { minWordLength: MIN_WORD })));
  return result;
}
