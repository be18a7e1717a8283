import { describe, expect, it } from 'vitest';
import { MdxSyntaxError, satteri } from '../../src/lib/markdown/errors.ts';
import { loadStructureParser, parseMdx, type StructureParser } from '../../src/lib/markdown/parse.ts';
import { readsAlike, rendersAlike } from '../../src/lib/markdown/compile.ts';
import { corpus } from '../helpers/mdx-corpus.ts';

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

/** Markdown without what MDX reads otherwise, in the constructs a handbook uses. */
const ALIKE_CASES = [
  '| Venstre | Midt | Højre |\n|:--|:-:|--:|\n| a *b* | `c` | [d](./d.mdx) |\n| e \\| f | g | h |',
  'Tekst[^a] og[^b].\n\n[^a]: Note med [link](./a.mdx).\n[^b]: Anden\n  note fortsat.',
  '- [ ] åben\n- [x] lukket ~~slettet~~ og ~enkelt~\n  - under\n   - tre mellemrum\n\n3. tre\n4. fire\n\n+ plus',
  '> Citat\n> - liste i citat\n>\n> > dybere\n\n***\n\n___\n\n- - -',
  'Hårdt  \nlinjeskift og\\\nskråstreg, &amp; &copy; &#229; &#xE6; \\*ikke kursiv\\* \\_ \\# \\[',
  '***fed kursiv*** __fed__ _kursiv_ *a **b** c* `` kode med ` i ``',
  '# Titel #\n\nUndertitel\n----------\n\n###### Seks',
  'Se [reglen][r], [r] og [R].\n\n[r]: ./regel.mdx#formaal "Titel"',
  'www.example.dk, https://example.dk/a_(b), sikkerhed@example.dk og http://x.dk.',
  '~~~yaml\nnøgle: værdi\n~~~\n\n```\nkode uden sprog\n```\n\n````md\n```\n````',
  '1. et\n\n   afsnit i punktet\n\n2. to\n   ```sh\n   echo hej\n   ```',
  'Emoji 🔒 og æøå ÆØÅ, tal 1.000,50 kr. og "citat" -- tankestreg ... ellipse.',
  '[link med titel](./a.mdx "T") og [tom]() og ![]() er ikke billede? nej: tekst.',
];

describe('the text check that spares a document its two renders', () => {
  it('says "alike" only where both renders give the same HTML: sample, fixtures, bench, edge cases', () => {
    const documents = [...corpus(), ...ALIKE_CASES.map((body, i): [string, string] => [`case ${i}`, FRONTMATTER + body])];
    const spared = documents.filter(([, source]) => {
      try {
        return readsAlike(source) && parseMdx(source).markdownOnly;
      } catch {
        return false;
      }
    });
    expect(spared.filter(([, source]) => !rendersAlike(source)).map(([name]) => name)).toEqual([]);
    // The bench's documents, the cases and most of the sample are such text.
    expect(spared.length).toBeGreaterThan(300);
    expect(spared.map(([name]) => name)).toEqual(expect.arrayContaining(ALIKE_CASES.slice(0, -1).map((_, i) => `case ${i}`)));
  });

  it('renders both ways what MDX reads otherwise: <, braces, and lines indented four columns or by a tab', () => {
    for (const body of [
      'Tekst <b>fed</b>.',
      'Se <https://example.dk>.',
      'Tekst {1}.',
      'Tekst }.',
      'Tekst.\n\n    kode',
      'Tekst.\n\n\tkode',
      'Tekst.\n\n  \tkode',
    ])
      expect(readsAlike(FRONTMATTER + body), body).toBe(false);
    // An indented paragraph: what the check exists for (Markdown renders code, MDX a paragraph).
    expect(rendersAlike(FRONTMATTER + 'Tekst.\n\n    Indrykket afsnit.')).toBe(false);
    expect(readsAlike(FRONTMATTER + '- et\n   - tre mellemrum')).toBe(true);
  });
});
