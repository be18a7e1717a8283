import { describe, expect, it } from 'vitest';
import { MdxSyntaxError, satteri } from '../../src/lib/markdown/errors.ts';
import { loadStructureParser, parseMdx, type StructureParser } from '../../src/lib/markdown/parse.ts';

// `check`'s remark parse, which only check loads.
await loadStructureParser('remark');

const FRONTMATTER = '---\ntitle: Test\n---\n\n';

// compileDocument runs inside parseMdx, on the tree of either structure parser.
describe.each<StructureParser>(['satteri', 'remark'])(
  'compileDocument after the %s parse: which documents render as plain Markdown',
  (parser) => {
    const compileDocument = (source: string) => parseMdx(source, parser);
    const markdownOnly = (body: string) => compileDocument(FRONTMATTER + body).markdownOnly;

    it('accepts headings, lists, tables, links, code, footnotes and smart punctuation', () => {
      const body = [
        '## Formål "omfang"',
        '',
        'Tekst med *kursiv*, `kode`, [link](./a.mdx#b), www.example.dk -- og ... ~~slut~~.[^1]',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '1. et',
        '    - indrykket i listen',
        '',
        '```js',
        'const x = { a: "<b>" };',
        '```',
        '',
        '[^1]: Note.',
      ].join('\n');
      expect(markdownOnly(body)).toBe(true);
    });

    it('sends MDX syntax to the MDX pipeline: import, JSX, expressions, comments', () => {
      expect(markdownOnly("import X from './x.mdx';\n\nTekst.")).toBe(false);
      expect(markdownOnly('Tekst med <b>fed</b>.')).toBe(false);
      expect(markdownOnly('<Boks>\n\nTekst\n\n</Boks>')).toBe(false);
      expect(markdownOnly('Tekst {1 + 1}.')).toBe(false);
      expect(markdownOnly('Tekst.\n\n{/* kommentar */}')).toBe(false);
    });

    it('sends text that Markdown reads differently to the MDX pipeline: an indented paragraph is code in Markdown', () => {
      expect(markdownOnly('Tekst.\n\n    Indrykket afsnit.')).toBe(false);
    });

    it('sends images to the MDX pipeline, which publishes them differently', () => {
      expect(markdownOnly('![Diagram](./billeder/x.svg)')).toBe(false);
    });

    it('throws an MdxSyntaxError with the place of a syntax error', () => {
      const error = (() => {
        try {
          compileDocument(FRONTMATTER + 'Linje.\n\nTekst <!-- kommentar --> her.');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(MdxSyntaxError);
      expect((error as MdxSyntaxError).place.line).toBe(7);
      expect((error as MdxSyntaxError).message).toMatch(/^MDX-syntaksfejl: /);
    });

    it('throws on a JavaScript error inside an expression', () => {
      expect(() => compileDocument(FRONTMATTER + 'Tekst {a b}.')).toThrow(MdxSyntaxError);
    });

    it('throws on an ESM error that only the MDX compile finds', () => {
      expect(() => compileDocument(FRONTMATTER + 'export const = 1;\n\nTekst.')).toThrow(/^MDX-syntaksfejl: /);
    });

    it('sends images by reference to the MDX pipeline', () => {
      expect(markdownOnly('![Diagram][d]\n\n[d]: ./billeder/x.svg')).toBe(false);
    });
  },
);

describe('satteri(): Sätteri errors as one-line MdxSyntaxErrors', () => {
  const thrown = (message: string) => {
    try {
      satteri(() => {
        throw new Error(message);
      });
    } catch (e) {
      return e as MdxSyntaxError;
    }
  };

  it('takes the place from the front and drops the trailing place and rule id', () => {
    const e = thrown('3:1: Expected a closing tag for `<div>` (3:1) (mdx-jsx:unexpected-character)\nmore');
    expect([e?.message, e?.place]).toEqual(['MDX-syntaksfejl: Expected a closing tag for `<div>`', { line: 3, col: 1 }]);
  });

  it('takes the place from the end when the front has none and no rule id follows it', () => {
    const e = thrown('Unexpected end of file (12:1)');
    expect([e?.message, e?.place]).toEqual(['MDX-syntaksfejl: Unexpected end of file', { line: 12, col: 1 }]);
  });

  it('takes the place from the end when the front has none, and accepts rule ids with digits and underscores', () => {
    const e = thrown('Expected a closing tag for `<div>` (12:4-12:9) (mdx_jsx2:unexpected-character)');
    expect([e?.message, e?.place]).toEqual(['MDX-syntaksfejl: Expected a closing tag for `<div>`', { line: 12, col: 4 }]);
  });
});
