/** Build-time code refused in documents: what is refused, where it is reported, and that ordinary MDX passes; both parsers. */
import { describe, expect, it } from 'vitest';
import { loadStructureParser, parseMdx } from '../../src/lib/markdown/parse.ts';

await loadStructureParser('remark');

const FRONTMATTER = '---\ntitle: T\ntype: bilag\nowner: O\napprovalBody: Direktionen\n---\n\n';
/** The first line of the body in the document. */
const BODY_LINE = 8;

/** `line:col what` of every refusal in a body, by both parsers (which must agree). */
function refused(body: string): string[] {
  const [satteri, remark] = (['satteri', 'remark'] as const).map((parser) =>
    parseMdx(FRONTMATTER + body, parser).refusedCode.map(
      (c) => `${c.line - BODY_LINE + 1}:${c.col} ${/^byggekode: (.*?) er ikke tilladt/.exec(c.message)?.[1] ?? c.message}`,
    ),
  );
  expect(remark).toEqual(satteri);
  return satteri!;
}

describe('build-time code in documents', () => {
  it('passes ordinary MDX: relative imports, frontmatter, imported values, JSX, comments, spreads of own values', () => {
    const body = [
      "import Boks from './boks.mdx';",
      "import { tal } from '../tal.mdx';",
      "export const liste = ['a', 'b'];",
      '',
      'Titel: {frontmatter.title}. Tal: {tal * 2}. {/* en kommentar */}',
      '',
      '<Boks titel={frontmatter.title} {...{ niveau: 2 }} antal={liste.length}>{liste.map((x) => <b key={x}>{x}</b>)}</Boks>',
      '',
      '> {liste[0]} og {frontmatter["title"]} og {props.process}',
    ].join('\n');
    expect(refused(body)).toEqual([]);
  });

  it('refuses each way out of the document, at its line and column', () => {
    const body = [
      "import fs from 'node:fs';",
      "import cp from 'child_process';",
      'export const a = process.env.HOME;',
      '',
      '{globalThis.x} {require("fs")} {import("./x.mjs")} {import.meta.url}',
      '{eval("1")} {Function("return 1")()} {fetch("https://example.org/")}',
      '<X v={[].constructor.constructor("return 1")()} {...global} />',
      '{frontmatter[name]} {x[`__proto__`]} {Object.getOwnPropertyDescriptor(x, "y")}',
      '<process.env />',
    ].join('\n');
    expect(refused(body)).toEqual([
      '1:16 Node-modulet "node:fs"',
      '2:16 Node-modulet "child_process"',
      '3:18 "process"',
      '5:2 "globalThis"',
      '5:17 "require"',
      '5:33 import(…)',
      '5:53 import.meta',
      '6:2 "eval"',
      '6:14 "Function"',
      '6:39 "fetch"',
      '7:10 egenskaben "constructor"',
      '7:22 egenskaben "constructor"',
      '7:53 "global"',
      '8:14 et beregnet egenskabsnavn (a[x])',
      '8:24 egenskaben "__proto__"',
      '8:46 egenskaben "getOwnPropertyDescriptor"',
      '9:2 komponenten "process.env"',
    ]);
  });

  it('finds code on the right line inside a block quote and a list, and says what to do instead', () => {
    const body = '> Tekst\n> {frontmatter.title +\n>  process.cwd()}\n\n- punkt {fetch}\n';
    expect(refused(body)).toEqual(['3:4 "process"', '5:10 "fetch"']);
    const [code] = parseMdx(FRONTMATTER + body).refusedCode;
    expect(code!.message).toMatch(
      /; brug frontmatter-felter, tekst og komponenter eller dokumenter importeret med en relativ sti i stedet$/,
    );
  });

  it('refuses nothing in plain Markdown that only mentions the names', () => {
    expect(refused('Brug ikke process, eval eller `import.meta` i [fetch](./fetch.mdx).\n')).toEqual([]);
  });
});
