/**
 * Astro's Markdown settings for both pipelines: `astro.config.mjs` gets them through our integration and the
 * renderer of plain-Markdown documents (`src/lib/site/doc-render.ts`) passes them on, so a change here changes both.
 * `check` compares Markdown and MDX with the same features (see `src/lib/markdown/compile.ts`). A leaf module: the
 * parser imports it without loading the Sätteri plugins and the manifest they read.
 */
/**
 * `syntaxHighlight: false`: code blocks are highlighted as Astro would, by our plugin (`plugins/code-highlight.ts`),
 * which makes Shiki's highlighter only when a document has one.
 */
export const MARKDOWN_SETTINGS = { gfm: true, syntaxHighlight: false } as const;
