/**
 * Astro's Markdown settings for both pipelines: `astro.config.mjs` gets them through our integration and the
 * renderer of plain-Markdown documents (`src/lib/site/doc-render.ts`) passes them on, so a change here changes both.
 * `check` compares Markdown and MDX with the same features (see `src/lib/markdown/compile.ts`). A leaf module: the
 * parser imports it without loading the Sätteri plugins and the manifest they read.
 */
export const MARKDOWN_SETTINGS = { gfm: true } as const;
