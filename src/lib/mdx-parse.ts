import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { MdxSyntaxError, type Place } from './mdx-errors.ts';
import { compileDocument } from './mdx-compile.ts';

export { MdxSyntaxError, type Place };

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
  /** Plain text of the body, for leak scanning; each paragraph, heading and table cell starts on a new line. */
  text: string;
  /** Renders identically as plain Markdown (see `compileDocument`). */
  markdownOnly: boolean;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);

/** Parses an MDX file and collects its frontmatter, headings, links, images and imports. */
export function parseMdx(source: string): ParsedMdx {
  let tree: Root;
  try {
    tree = parser.parse(source) as Root;
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
  const { markdownOnly } = compileDocument(source);
  const result: ParsedMdx = { yamlLine: 1, headings: [], references: [], text: '', markdownOnly };
  const slugger = new GithubSlugger();
  const text: string[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }): Place => ({
    line: node.position?.start.line ?? 1,
    col: node.position?.start.column ?? 1,
  });
  visit(tree, (node) => {
    switch (node.type) {
      case 'yaml':
        result.yaml = node.value;
        result.yamlLine = at(node).line;
        break;
      case 'paragraph':
      case 'tableCell':
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

/** Concatenated text of a node's descendants. */
function plainText(node: unknown): string {
  const parts: string[] = [];
  visit(node as Root, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') parts.push(child.value);
  });
  return parts.join('').trim();
}
