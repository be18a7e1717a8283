import { createHastHandle, createMdxHastHandle, dropHandle, mdxToJs, renderHandle, type Features } from 'satteri';
import type { Root } from 'mdast';
import { satteri } from './errors.ts';
import { MARKDOWN_SETTINGS } from './settings.ts';

/** The Markdown features the build gives Astro's Sätteri processor. */
const FEATURES: Features = {
  // Smart punctuation: Astro's default `markdown.smartypants`, which MARKDOWN_SETTINGS leaves as it is.
  gfm: MARKDOWN_SETTINGS.gfm,
  smartPunctuation: true,
};

/**
 * Compiles a document with Sätteri, Astro's own compiler, so whatever the build would reject fails in `check`;
 * returns whether it is plain Markdown: its parsed `tree` has no MDX nodes and no images (which the two pipelines
 * publish differently), and Sätteri renders the same HTML reading it as Markdown as reading it as MDX.
 * The build stages such documents as `.md` and their pages render them (`src/lib/site/doc-render.ts`) instead of
 * Astro bundling one JavaScript module per document, which was most of a large build's time and memory.
 */
export function compileDocument(source: string, tree: Root): { markdownOnly: boolean } {
  if (!hasMdxOrImage(tree)) {
    const html = render(source, createMdxHastHandle);
    // The tree and the HTML both: an image the two parses could read differently still counts.
    if (!/<img[\s/>]/i.test(html) && html === render(source, createHastHandle)) return { markdownOnly: true };
  }
  satteri(() => mdxToJs(source));
  return { markdownOnly: false };
}

/** The HTML Sätteri renders from a document, kept in Sätteri's own memory until then (no JavaScript tree). */
function render(source: string, create: typeof createHastHandle): string {
  const handle = satteri(() => create(source, FEATURES, undefined, false));
  try {
    return satteri(() => renderHandle(handle));
  } finally {
    dropHandle(handle);
  }
}

/** Whether an mdast tree holds MDX nodes (JSX, expressions, ESM) or an image. */
function hasMdxOrImage(node: { type: string; children?: unknown[] }): boolean {
  if (node.type.startsWith('mdx') || node.type === 'image' || node.type === 'imageReference') return true;
  return node.children ? (node.children as { type: string }[]).some(hasMdxOrImage) : false;
}
