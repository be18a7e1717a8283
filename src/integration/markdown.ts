import type { satteri } from '@astrojs/markdown-satteri';
import { linkRewritePlugin } from './link-rewrite.ts';
import { strings } from '../strings/index.ts';

/** Options of Astro's Sätteri processor, shared by the MDX pipeline and the renderer of plain-Markdown documents. */
export function markdownOptions(contentDir: string, base: string): NonNullable<Parameters<typeof satteri>[0]> {
  return {
    mdastPlugins: [linkRewritePlugin(contentDir, base)],
    // One processor serves every document, so footnote labels are in the handbook's main language.
    features: { gfm: { footnotes: strings('da').footnotes } },
  };
}
