import type { satteri } from '@astrojs/markdown-satteri';
import { linkRewritePlugin } from './plugins/link-rewrite.ts';
import { footnoteLanguagePlugin } from './plugins/footnote-language.ts';
import { tableRegionPlugin } from './plugins/table-region.ts';
import { codeHighlightPlugin } from './plugins/code-highlight.ts';
import { strings } from '../../strings/index.ts';
import type { BuildManifest } from '../build/manifest.ts';

export { MARKDOWN_SETTINGS } from './settings.ts';

/** Options of Astro's Sätteri processor for an edition, shared by the MDX pipeline and the renderer of plain-Markdown documents. */
export function markdownOptions({
  contentDir,
  base,
  docs,
}: Pick<BuildManifest, 'contentDir' | 'base' | 'docs'>): NonNullable<Parameters<typeof satteri>[0]> {
  // Any file may ask, so only the manifest's own keys count (a document named `constructor` is no prototype key).
  const langOf = (id: string) => (Object.hasOwn(docs, id) ? docs[id]!.lang : undefined);
  return {
    mdastPlugins: [linkRewritePlugin(contentDir, base)],
    // One processor serves every document: footnote labels are in the handbook's main language, and the plugin
    // translates them in documents in another.
    features: { gfm: { footnotes: strings('da').footnotes } },
    // Code highlighting first, where Astro's own would run (see the plugin).
    hastPlugins: [codeHighlightPlugin(), footnoteLanguagePlugin(contentDir, langOf), tableRegionPlugin(contentDir, langOf)],
  };
}
