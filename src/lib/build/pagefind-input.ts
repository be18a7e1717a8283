/** The HTML Pagefind is given for a page: what it would skip taken out first, block ends separated. */

/**
 * Closing tags of elements a reader sees as separate, after which Pagefind may glue the next word on
 * (it does so after `th`, `dt`, `dd`, `blockquote`, `figcaption`, `summary` …) when compressed HTML has no
 * whitespace between them. `<br>` and `<hr>` likewise.
 */
const BLOCK_END =
  /<\/(?:address|article|aside|blockquote|caption|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\s*>|<(?:br|hr)\b[^>]*>/gi;

/** Adds a space after every block-level end, so adjacent elements' words stay separate words in the index. */
export function separateBlocks(html: string): string {
  return html.replace(BLOCK_END, '$& ');
}

/**
 * A comment, a raw-text element (whose text may look like tags), or a tag with its attributes (quoted values may
 * hold `>`). Groups: 1 `/` of a closing tag, 2 the tag name, 3 the attributes, 4 `/` of a self-closing tag.
 */
const TOKEN =
  /<!--[\s\S]*?-->|<(?:script|style|textarea|title)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/(?:script|style|textarea|title)\s*>|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

/** `data-pagefind-ignore` on an opening tag's attributes, with its value (`all`, `index` or none). */
const IGNORE = /(?:^|\s)data-pagefind-ignore(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/i;

/** Any Pagefind attribute other than the ignore itself: filters and metadata inside `data-pagefind-ignore="index"` still count. */
const OTHER_PAGEFIND = /\sdata-pagefind-(?!ignore\b)/i;

/** Elements with no closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Takes out the elements Pagefind would skip (`data-pagefind-ignore="all"`, and `data-pagefind-ignore` or `="index"`
 * when they hold no filter or metadata), each replaced by a space. Pagefind writes the same index from the result
 * (`test/unit/pagefind-input.test.ts` compares the files), but it parses every byte it is given: at 1,000 documents
 * the header, navigation, metadata and banners are a third of a document page (19.2 → 11.7 MB for the intranet's 976
 * document pages), and Pagefind's CPU time for them fell from 6.0–6.5 to 5.0–5.6 s (its CLI, alternating, same
 * pages), for 0.17 ms a page here. An element whose end cannot be
 * found is left for Pagefind, and so is the rest of the page.
 */
export function withoutIgnored(html: string): string {
  if (!html.includes('data-pagefind-ignore')) return html;
  const kept: string[] = [];
  let from = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const [, closing, name, attributes, selfClosing] = m;
    if (!name || closing || selfClosing) continue;
    const ignore = IGNORE.exec(attributes!);
    if (!ignore) continue;
    const tag = name.toLowerCase();
    const end = VOID.has(tag) ? TOKEN.lastIndex : elementEnd(html, tag, TOKEN.lastIndex);
    if (end < 0) break;
    const value = (ignore[1] ?? ignore[2] ?? ignore[3] ?? '').trim().toLowerCase();
    const element = html.slice(m.index, end);
    TOKEN.lastIndex = end;
    if (value !== 'all' && OTHER_PAGEFIND.test(element)) continue;
    kept.push(html.slice(from, m.index), ' ');
    from = end;
  }
  if (!from) return html;
  kept.push(html.slice(from));
  return kept.join('');
}

/** The offset just past the end tag that closes an element of `tag` whose content starts at `at`, or -1. */
function elementEnd(html: string, tag: string, at: number): number {
  const token = new RegExp(TOKEN.source, 'g');
  token.lastIndex = at;
  let depth = 1;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [, closing, name, , selfClosing] = m;
    if (!name || name.toLowerCase() !== tag || selfClosing) continue;
    depth += closing ? -1 : 1;
    if (!depth) return token.lastIndex;
  }
  return -1;
}

/** What Pagefind is given for a page: `withoutIgnored`, then `separateBlocks`. */
export function pagefindInput(html: string): string {
  return separateBlocks(withoutIgnored(html));
}
