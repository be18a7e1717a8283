import { describe, expect, it } from 'vitest';
import { loadStructureParser, MdxSyntaxError, parseMdx, type ParsedMdx } from '../../src/lib/markdown/parse.ts';
import { tokenForm } from '../../src/lib/leaks/text.ts';
import { corpus, EDGE_CASES, FRONTMATTER } from '../helpers/mdx-corpus.ts';

// `check`'s remark parse, which only check loads (the sequential loader below uses it too).
await loadStructureParser('remark');

/** The lines of a parsed text in token form, without empty ones: what the leak scan cuts its sentences from. */
const lines = (text: string) =>
  text
    .split('\n')
    .map(tokenForm)
    .filter((line) => line !== ' ');

/**
 * The parse's result, its text as lines in token form (the parsers differ in the spaces and empty lines between
 * blocks), or the line of its syntax error (they word errors and count columns differently).
 */
function outcome(source: string, parser: 'remark' | 'satteri'): (Omit<ParsedMdx, 'text'> & { text: string[] }) | { errorOnLine: number } {
  try {
    const parsed = parseMdx(source, parser);
    return { ...parsed, text: lines(parsed.text) };
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    return { errorOnLine: error.place.line };
  }
}

describe('the two structure parsers (remark for check, Sätteri for the build)', () => {
  const documents = corpus();

  it('read every document of the sample, the fixtures, the bench and the edge cases alike', () => {
    const differing = documents.filter(([, source]) => !isEqual(outcome(source, 'remark'), outcome(source, 'satteri')));
    expect(differing.map(([name]) => name)).toEqual([]);
    expect(documents.length).toBeGreaterThan(400);
  });

  it('find the links, images, imports, headings and text of the edge cases', () => {
    const parse = (name: string) => parseMdx(FRONTMATTER + EDGE_CASES[name]!, 'satteri');
    expect(parse('reference links and an unused definition').references.map((r) => r.url)).toEqual(['./regel.mdx#formaal', './andet.mdx']);
    expect(parse('JSX with href, src and expressions').references.map((r) => `${r.kind} ${r.url}`)).toEqual([
      'link ./a.mdx',
      'image ./b.png',
      'link ./c.mdx',
    ]);
    expect(parse('ESM imports and exports').references.map((r) => `${r.kind} ${r.url} ${r.line}`)).toEqual([
      'import ./boks.mdx 6',
      'import ../c.mjs 6',
      'import ./d.css 6',
      'import ./e.mdx 6',
    ]);
    expect(parse('footnotes with a link').references.map((r) => r.url)).toEqual(['../regler/r.mdx']);
    expect(parse('table with a link and an image').references.map((r) => `${r.kind} ${r.url}`)).toEqual([
      'link ./ejer.mdx',
      'image ./i.svg',
    ]);
    expect(parse('task list, strikethrough, autolink literals').references.map((r) => r.url)).toEqual([
      'http://www.example.dk',
      'mailto:sikkerhed@example.dk',
    ]);
    expect(parse('setext and ATX headings with code, emphasis and duplicates').headings.map((h) => h.id)).toEqual([
      'formål',
      'kode-i-overskrift',
      'formål-1',
      'formål-2',
    ]);
    // A table is one line, as the leak scan's sentences were when tables were read as paragraphs.
    const textLines = (name: string) =>
      parse(name)
        .text.split(/\s*\n\s*/)
        .map((l) => l.replace(/\s+/g, ' '));
    expect(textLines('table with a link and an image')).toEqual(['Rolle Ansvar Ejer Godkender ændringer']);
    // A footnote reference ends a line: the page shows a number there.
    expect(textLines('footnotes with a link')).toEqual(['Tekst', 'og mere', '.', 'Se reglen .', 'Note.']);
    expect(textLines('JSX blocks of JSX lines')).toEqual(['Term Se reglen .', 'Mere Tekst']);
    expect(textLines('setext and ATX headings with code, emphasis and duplicates')).toEqual([
      'Formål',
      'kode i overskrift',
      'Formål',
      'Formål',
    ]);
    expect(parse('smart punctuation stays raw').text).toBe('Han sagde "hej" -- og ... \'citat\'.');
    expect(() => parse('HTML comment is an MDX error')).toThrow(/^MDX-syntaksfejl: Unexpected character `!`/);
    // The build's one-line error: Sätteri's place prefix and rule id are gone, the place is on the error.
    const error = (() => {
      try {
        parse('mismatched closing tag');
      } catch (e) {
        return e as MdxSyntaxError;
      }
    })();
    expect(error?.message).toBe('MDX-syntaksfejl: Unexpected closing tag `</c>`, expected corresponding closing tag for `<b>`');
    expect(error?.place).toEqual({ line: 6, col: 7 });
  });
});

/** Deep equality, for a filter. */
function isEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}
