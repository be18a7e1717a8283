import { isDeepStrictEqual } from 'node:util';
import { markdownToHast, mdxToHast, mdxToJs, type HastNode } from 'satteri';
import { MdxSyntaxError } from './mdx-errors.ts';
import { MARKDOWN_SETTINGS } from '../integration/markdown.ts';

/** The Markdown features the build gives Astro's Sätteri processor. */
const TREE_OPTIONS = {
  // Smart punctuation: Astro's default `markdown.smartypants`, which MARKDOWN_SETTINGS leaves as it is.
  features: { gfm: MARKDOWN_SETTINGS.gfm, smartPunctuation: true },
  position: false,
} as const;

/**
 * Compiles a document with Sätteri, Astro's own compiler, so whatever the build would reject fails in `check`;
 * returns whether it is plain Markdown: Sätteri turns it into the same HTML tree read as Markdown as read as MDX,
 * and it has no images (which the two pipelines publish differently).
 * The build stages such documents as `.md` and their pages render them (`src/lib/doc-render.ts`) instead of
 * Astro bundling one JavaScript module per document, which was most of a large build's time and memory.
 */
export function compileDocument(source: string): { markdownOnly: boolean } {
  const mdx = satteri(() => mdxToHast(source, TREE_OPTIONS));
  const markdown = () => satteri(() => markdownToHast(source, TREE_OPTIONS));
  if (!hasMdxOrImage(mdx) && isDeepStrictEqual(mdx, markdown())) return { markdownOnly: true };
  satteri(() => mdxToJs(source));
  return { markdownOnly: false };
}

/** Runs a Sätteri call, turning its `line:col: reason` errors into an `MdxSyntaxError` with that place. */
function satteri<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    const message = (error as Error).message;
    const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    throw new MdxSyntaxError(`MDX-syntaksfejl: ${(m ? m[3]! : message).split('\n')[0]}`, {
      line: m ? Number(m[1]) : 1,
      col: m ? Number(m[2]) : 1,
    });
  }
}

/** Whether a tree holds MDX nodes (JSX, expressions, ESM) or an image. */
function hasMdxOrImage(node: HastNode): boolean {
  if (node.type.startsWith('mdx')) return true;
  if (node.type === 'element' && (node as { tagName: string }).tagName === 'img') return true;
  const children = (node as { children?: HastNode[] }).children;
  return children ? children.some(hasMdxOrImage) : false;
}
