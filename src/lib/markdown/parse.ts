import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { MdxSyntaxError, satteri } from './errors.ts';
import type { Place } from '../util/problems.ts';
import { compileDocument } from './compile.ts';
import { refusedBuildTimeCode, type RefusedCode } from './build-time-code.ts';

export { MdxSyntaxError };

/**
 * Which parser reads a document's structure. `remark` (unified + remark-frontmatter + remark-gfm + remark-mdx) is
 * what `npm run check` uses: independent of Astro's pipeline, with its positions. `satteri` reads the same syntax
 * (CommonMark, GFM, MDX, frontmatter) ten times faster, into the same mdast but for one case: a line such as
 * `<dt>Term</dt>` inside a JSX block is a JSX block of its own, where remark makes such lines one paragraph.
 * The build uses it; `test/unit/mdx-parse.test.ts` keeps the two results equal.
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
  /**
   * Plain text of the body, for leak scanning. A paragraph, a heading, a table and a JSX block that is not inside
   * another JSX block start a new line: both parsers give the same lines.
   */
  text: string;
  /** Renders identically as plain Markdown (see `compileDocument`). */
  markdownOnly: boolean;
  /** Build-time code the document may not run (`process`, `import(…)` …), see `build-time-code.ts`. */
  refusedCode: RefusedCode[];
}

/** The features that make Sätteri's mdast match remark's (see `mdx-remark.ts`): GFM, no smart punctuation, frontmatter. */
const SATTERI_AS_REMARK = { features: { gfm: true, smartPunctuation: false, frontmatter: true }, position: true } as const;

/** The tree parsers loaded so far: remark only once `loadStructureParser` has loaded it. */
const treeParsers: Partial<Record<StructureParser, (source: string) => Root>> = {
  satteri: (source) => satteri(() => mdxToMdast(source, SATTERI_AS_REMARK)) as Root,
};

/** Loads a structure parser's modules: remark's are only loaded for `check`, a tenth of the build's start-up otherwise. */
export async function loadStructureParser(parser: StructureParser): Promise<void> {
  if (parser === 'remark') treeParsers.remark ??= (await import('./remark.ts')).parseWithRemark;
}

/** Parses an MDX file and collects its frontmatter, headings, links, images and imports. */
export function parseMdx(source: string, parser: StructureParser = 'satteri'): ParsedMdx {
  const parse = treeParsers[parser];
  if (!parse) throw new Error(`parseMdx: await loadStructureParser('${parser}') first`);
  const tree = parse(source);
  const { markdownOnly } = compileDocument(source, tree);
  // A plain-Markdown document has no MDX nodes, hence no code.
  return { ...collect(tree, markdownOnly), refusedCode: markdownOnly ? [] : refusedBuildTimeCode(source, tree) };
}

/** Collects frontmatter, headings, references and text from a parsed tree. */
function collect(tree: Root, markdownOnly: boolean): Omit<ParsedMdx, 'refusedCode'> {
  const result: Omit<ParsedMdx, 'refusedCode'> = { yamlLine: 1, headings: [], references: [], text: '', markdownOnly };
  const slugger = new GithubSlugger();
  const text: string[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }): Place => ({
    line: node.position?.start.line ?? 1,
    col: node.position?.start.column ?? 1,
  });
  const enter = (node: Nodes, parent?: Nodes) => {
    switch (node.type) {
      case 'yaml':
        result.yaml = node.value;
        result.yamlLine = at(node).line;
        break;
      case 'paragraph':
      case 'table':
      // A footnote reference cuts the sentence: the page shows its number there, which the source text lacks.
      case 'footnoteReference':
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
        // Only an outer JSX block starts a line: remark reads JSX lines inside one as a paragraph, Sätteri as blocks.
        if (node.type === 'mdxJsxFlowElement' && parent?.type !== 'mdxJsxFlowElement') text.push('\n');
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
  };
  walk(tree, enter);
  result.text = text.join(' ').trim();
  return result;
}

/** The module specifiers an ESM block imports from: `import … from '…'`, `import '…'` and `export … from '…'`. */
function importSources(esm: string): string[] {
  const statements = /\bimport\b[^'"]*?(?:\bfrom\b\s*)?['"]([^'"]+)['"]|\bexport\b[^'"]*?\bfrom\b\s*['"]([^'"]+)['"]/g;
  return [...esm.matchAll(statements)].map((m) => (m[1] ?? m[2])!);
}

/** Calls `enter` on a node and its descendants, in document order (a plain loop: unist-util-visit took a third of the parse). */
function walk(node: Nodes, enter: (node: Nodes, parent?: Nodes) => void, parent?: Nodes): void {
  enter(node, parent);
  if ('children' in node) for (const child of node.children) walk(child, enter, node);
}

/** Concatenated text of a node's descendants. */
function plainText(node: Nodes): string {
  const parts: string[] = [];
  walk(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') parts.push(child.value);
  });
  return parts.join('').trim();
}
