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
  if (!hasMdxOrImage(tree) && (readsAlike(source) || rendersAlike(source))) return { markdownOnly: true };
  satteri(() => mdxToJs(source));
  return { markdownOnly: false };
}

/**
 * What MDX reads otherwise than Markdown: `<` (JSX where Markdown has HTML and autolinks), `{` and `}` (expressions),
 * and a line indented four columns or by a tab (code in Markdown, which MDX has not). `import` and `export` lines are
 * in the tree as ESM.
 */
const MDX_CHARACTERS = /[<{}]/;
const INDENTED_LINE = /\n(?: {0,3}\t| {4})/;

/**
 * Whether a text with no MDX node and no image reads the same as Markdown and as MDX without rendering it twice:
 * none of what MDX reads otherwise. The content check of the bench's 1,000 documents (all of them such text), on its
 * own, three runs each: 1.15–1.35 s with both renders, 0.88–1.03 s without, on the build's longest path.
 * `test/unit/mdx-compile.test.ts` renders every such document of the sample, the fixtures, the bench and the edge
 * cases both ways: the same HTML.
 */
export function readsAlike(source: string): boolean {
  // Two searches that look for one character each, not one that tries every line start: 16 against 40 ms for the
  // bench's 1,000 documents.
  return !MDX_CHARACTERS.test(source) && !INDENTED_LINE.test(`\n${source}`);
}

/** Whether Sätteri renders the same HTML reading a text as Markdown as reading it as MDX, with no image in it. */
export function rendersAlike(source: string): boolean {
  const html = render(source, createMdxHastHandle);
  // The tree and the HTML both: an image the two parses could read differently still counts.
  return !/<img[\s/>]/i.test(html) && html === render(source, createHastHandle);
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
export function hasMdxOrImage(node: { type: string; children?: unknown[] }): boolean {
  if (node.type.startsWith('mdx') || node.type === 'image' || node.type === 'imageReference') return true;
  return node.children ? (node.children as { type: string }[]).some(hasMdxOrImage) : false;
}
