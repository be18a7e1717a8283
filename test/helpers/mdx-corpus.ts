/** MDX documents for the parse and compile tests: the sample's, the fixtures', the bench's and edge cases. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { bodyBlocks, planDocuments, renderDocument } from '../../scripts/bench/corpus/docs.ts';
import { ROOT } from './index.ts';

export const FRONTMATTER = '---\ntitle: Test\ntype: retningslinje\n---\n\n';

/** Syntax the sample and the fixtures may not cover, each read by both parsers. */
export const EDGE_CASES: Record<string, string> = {
  'reference links and an unused definition': 'Se [reglen][r] og [r].\n\n[r]: ./regel.mdx#formaal "Titel"\n[ubrugt]: ./andet.mdx',
  'bare addresses stay text': 'Skriv til sikkerhed@example.dk eller https://example.dk/a, ikke www.example.dk.',
  'an autolink is an MDX error': 'Se <https://example.dk/a>.',
  'table with a link and an image': '| Rolle | Ansvar |\n|:--|--:|\n| [Ejer](./ejer.mdx) | Godkender ![ikon](./i.svg) ændringer |',
  'footnotes with a link': 'Tekst[^1] og mere[^n].\n\n[^1]: Se [reglen](../regler/r.mdx).\n[^n]: Note.',
  'task list, strikethrough, autolink literals': '- [ ] åben ~~slettet~~\n- [x] lukket www.example.dk og sikkerhed@example.dk',
  'setext and ATX headings with code, emphasis and duplicates': 'Formål\n======\n\n## `kode` i *overskrift*\n\n## Formål\n\n### Formål ###',
  'lists, quote, hard break, entities, escapes':
    '- et\n  - to &amp; tre\n\n> Citat med\\\nlinjeskift og \\*stjerne\\* og &copy; &#229;.\n\n1. Nummer',
  'fenced and indented code': '```js\nconst a = "<b>";\n```\n\nTekst.\n\n    indrykket kode',
  'JSX with href, src and expressions':
    '<Boks href="./a.mdx" src="./b.png" titel={1}>\n\nIndhold [link](./c.mdx)\n\n</Boks>\n\nTekst <Kbd>Ctrl</Kbd> {1 + 1}.',
  'JSX blocks of JSX lines':
    '<dl>\n  <dt>Term</dt>\n  <dd>Se [reglen](./r.mdx#a).</dd>\n</dl>\n\n<details>\n  <summary>Mere</summary>\n  <p>Tekst</p>\n</details>',
  'ESM imports and exports':
    "import Boks from './boks.mdx';\nimport { a, b } from '../c.mjs';\nimport './d.css';\nexport { e } from './e.mdx';\nexport const x = 1;\n\nTekst.",
  'images, inline and by reference': '![Diagram](./billeder/x.svg "Titel") og ![ref][b]\n\n[b]: ./billeder/y.png',
  'smart punctuation stays raw': 'Han sagde "hej" -- og ... \'citat\'.',
  'Danish letters and line breaks in a paragraph': 'Æbler, øl og\nål\r\nsamt  to  mellemrum.',
  'HTML comment is an MDX error': 'Linje.\n\nTekst <!-- kommentar --> her.',
  'unclosed JSX is an MDX error': 'a\n\n<div>\n\nx',
  'JavaScript error in an expression': 'Tekst {a b}.',
  'mismatched closing tag': 'x <b>y</c>',
  'no frontmatter': '# Overskrift\n\nTekst.',
};

/** Every MDX file of the sample and the fixtures, and 300 documents of the bench's synthetic handbook. */
export function corpus(): [string, string][] {
  const files = globSync(['content/**/*.mdx', 'test/fixtures/**/*.mdx'], { cwd: ROOT }).sort();
  const plans = planDocuments(300, 7, '2026-06-01');
  const titles = new Map(plans.map((d) => [d.file, d.title]));
  return [
    ...files.map((f): [string, string] => [f, readFileSync(path.join(ROOT, f), 'utf8')]),
    ...plans.map((d): [string, string] => [`bench/${d.file}`, renderDocument(d, bodyBlocks(d, titles, 7), 7)]),
    ...Object.entries(EDGE_CASES).map(([name, body]): [string, string] => [name, FRONTMATTER + body]),
  ];
}
