import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { MdxSyntaxError, satteri, type Place } from './mdx-errors.ts';
import { compileDocument } from './mdx-compile.ts';

export { MdxSyntaxError, type Place };

/**
 * Which parser reads a document's structure. `remark` (unified + remark-frontmatter + remark-mdx) is what
 * `npm run check` uses: independent of Astro's pipeline, with its positions. `satteri` reads the same syntax
 * (CommonMark, MDX, YAML frontmatter, no GFM) into the same mdast ten times faster; the build uses it, and
 * `test/unit/mdx-parse.test.ts` keeps the two results equal.
 */
export type StructureParser = 'remark' | 'satteri';

/** A link, image or import found in a document body. */
export interface Reference extends Place {
  kind: 'link' | 'image' | 'import';
  url: string;
}

/** A heading with the id readers link to. */
export interface Heading {
  depth: number;
  text: string;
  id: string;
}

/** What parsing an MDX file yields. */
export interface ParsedMdx {
  /** Raw YAML frontmatter, or undefined when the file has none. */
  yaml?: string;
  /** Line of the opening `---`. */
  yamlLine: number;
  headings: Heading[];
  references: Reference[];
  /** Plain text of the body, for leak scanning; each paragraph, heading and JSX block starts on a new line. */
  text: string;
  /** Renders identically as plain Markdown (see `compileDocument`). */
  markdownOnly: boolean;
}

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);
/** The features that make Sätteri's mdast match remark's: no GFM, no smart punctuation, YAML frontmatter. */
const SATTERI_AS_REMARK = { features: { gfm: false, smartPunctuation: false, frontmatter: true }, position: true } as const;

/** Parses an MDX file and collects its frontmatter, headings, links, images and imports. */
export function parseMdx(source: string, parser: StructureParser = 'satteri'): ParsedMdx {
  const tree = parser === 'remark' ? parseWithRemark(source) : (satteri(() => mdxToMdast(source, SATTERI_AS_REMARK)) as Root);
  return collect(tree, compileDocument(source, tree).markdownOnly);
}

/** The remark parse, its errors turned into an `MdxSyntaxError` with their place. */
function parseWithRemark(source: string): Root {
  try {
    return remark.parse(source) as Root;
  } catch (error) {
    const e = error as {
      reason?: string;
      message: string;
      line?: number;
      column?: number;
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
    };
    const start = e.place?.start ?? e.place;
    const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(e.reason ?? e.message);
    const reason = (e.reason ?? e.message).replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, '');
    throw new MdxSyntaxError(`MDX-syntaksfejl: ${reason}`, {
      line: e.line ?? start?.line ?? Number(inText?.[1] ?? 1),
      col: e.column ?? start?.column ?? Number(inText?.[2] ?? 1),
    });
  }
}

/** Collects frontmatter, headings, references and text from a parsed tree. */
function collect(tree: Root, markdownOnly: boolean): ParsedMdx {
  const result: ParsedMdx = { yamlLine: 1, headings: [], references: [], text: '', markdownOnly };
  const slugger = new GithubSlugger();
  const text: string[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }): Place => ({
    line: node.position?.start.line ?? 1,
    col: node.position?.start.column ?? 1,
  });
  walk(tree, (node) => {
    switch (node.type) {
      case 'yaml':
        result.yaml = node.value;
        result.yamlLine = at(node).line;
        break;
      case 'paragraph':
        text.push('\n');
        break;
      case 'heading': {
        text.push('\n');
        const headingText = plainText(node);
        result.headings.push({ depth: node.depth, text: headingText, id: slugger.slug(headingText) });
        break;
      }
      case 'link':
      case 'definition':
        result.references.push({ kind: 'link', url: node.url, ...at(node) });
        break;
      case 'image':
        result.references.push({ kind: 'image', url: node.url, ...at(node) });
        break;
      case 'mdxjsEsm':
        for (const source of importSources(node.value)) result.references.push({ kind: 'import', url: source, ...at(node) });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        // A JSX block is a block to readers too (Sätteri reads `<dt>Term</dt>` alone on a line as one).
        if (node.type === 'mdxJsxFlowElement') text.push('\n');
        for (const attr of node.attributes) {
          if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') continue;
          if (attr.name === 'href') result.references.push({ kind: 'link', url: attr.value, ...at(node) });
          if (attr.name === 'src') result.references.push({ kind: 'image', url: attr.value, ...at(node) });
        }
        break;
      case 'text':
      case 'inlineCode':
        // A line break inside a paragraph is a space to readers; only block starts are newlines here.
        text.push(node.value.replace(/\s*\n\s*/g, ' '));
        break;
    }
  });
  result.text = text.join(' ').trim();
  return result;
}

/** The module specifiers of the import statements in an ESM block. */
function importSources(esm: string): string[] {
  return [...esm.matchAll(/\bimport\b[^'"]*?(?:\bfrom\b\s*)?['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** Calls `visitor` on a node and its descendants, in document order (a plain loop: unist-util-visit took a third of the parse). */
function walk(node: Nodes, visitor: (node: Nodes) => void): void {
  visitor(node);
  if ('children' in node) for (const child of node.children) walk(child, visitor);
}

/** Concatenated text of a node's descendants. */
function plainText(node: Nodes): string {
  const parts: string[] = [];
  walk(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') parts.push(child.value);
  });
  return parts.join('').trim();
}
