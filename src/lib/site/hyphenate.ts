/**
 * Soft hyphens at Danish hyphenation points in long words of table cells (owners, approval bodies, titles), so a
 * column can be narrower than "Informationssikkerhedskoordinatoren" and the word then breaks with a visible hyphen in
 * every browser, where CSS `hyphens: auto` needs a dictionary many browsers lack (Chromium on Linux and Windows).
 */
import hyphen from 'hyphen/da/index.js';

/** Words shorter than this stay whole: only long compounds need a break, and short ones read badly broken. */
const MIN_WORD = 14;

/** The text with soft hyphens (U+00AD) in its long words; short words, spaces and hard hyphens are left as they are. */
export function softHyphens(text: string): string {
  return hyphen.hyphenateSync(text, { minWordLength: MIN_WORD });
}
