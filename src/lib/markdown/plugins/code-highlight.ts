import { satteriCreateHighlightFn, satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import type { HastPluginEntry } from 'satteri';

type Highlight = NonNullable<Awaited<ReturnType<typeof satteriCreateHighlightFn>>>;

/** The one Shiki highlighter of this process, made when the first code block asks for it. */
let highlighter: Promise<Highlight | undefined> | undefined;

/** Highlights one code block, making the highlighter first if this is the first. */
const highlight: Highlight = async (code, lang, meta) => {
  highlighter ??= satteriCreateHighlightFn('shiki', undefined);
  // Always a function for 'shiki' (undefined only for no highlighting).
  return (await highlighter)!(code, lang, meta);
};

/**
 * Astro's own Shiki highlighting of fenced code blocks (its plugin, its default theme and options: the same HTML),
 * with the highlighter made only when a document has a code block. Astro makes it when a Markdown processor is made,
 * code blocks or not: Shiki's modules, its WebAssembly regex engine and a theme, 0.24–0.28 s of CPU in each Astro
 * process measured on its own, for a handbook whose documents rarely hold code. `MARKDOWN_SETTINGS` turns Astro's
 * highlighting off, and `markdownOptions` puts this first among the HTML plugins, where Astro puts its own.
 */
export function codeHighlightPlugin(): HastPluginEntry {
  return satteriHighlightPlugin(highlight, undefined);
}
