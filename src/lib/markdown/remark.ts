/** `npm run check`'s own MDX parse: unified + remark, independent of the Sätteri pipeline Astro builds with. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { MdxSyntaxError } from './errors.ts';

// GFM as in the rendered pages (`MARKDOWN_SETTINGS`): a link in a footnote or a table cell is a link there.
const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx);

/** The remark parse, its errors turned into an `MdxSyntaxError` with their place. */
export function parseWithRemark(source: string): Root {
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
