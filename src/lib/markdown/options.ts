import type { satteri } from '@astrojs/markdown-satteri';
import { linkRewritePlugin } from './plugins/link-rewrite.ts';
import { footnoteLanguagePlugin } from './plugins/footnote-language.ts';
import { strings } from '../../strings/index.ts';
import type { BuildManifest } from '../build/manifest.ts';

/**
 * Astro's Markdown settings for both pipelines: `astro.config.mjs` gets them through our integration and the
 * renderer of plain-Markdown documents (`src/lib/site/doc-render.ts`) passes them on, so a change here changes both.
 * `check` compares Markdown and MDX with the same features (see `src/lib/markdown/compile.ts`).
 */
export const MARKDOWN_SETTINGS = { gfm: true } as const;

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
    hastPlugins: [footnoteLanguagePlugin(contentDir, langOf)],
  };
}
