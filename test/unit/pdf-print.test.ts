/** The PDF step's pure parts: a document's print block, and the page count. */
import { describe, expect, it } from 'vitest';
import { settleFront } from '../../src/lib/build/pdf/book.ts';
import { chunks } from '../../src/lib/build/pdf/render.ts';
import { pageCount } from '../../src/lib/build/pdf/metadata.ts';
import { articleOf, oneLineHeadings, prefixIds, runningHead } from '../../src/lib/build/pdf/print-doc.ts';
import type { Frontmatter } from '../../src/schemas/frontmatter.ts';

/** A one-page PDF with a classic cross-reference table, as Skia writes them, its offsets computed here. */
function tinyPdf(): Buffer {
  const objects = [
    "<</Producer (Skia/PDF m156)\n/CreationDate (D:20260601120000+00'00')\n/ModDate (D:20260601120000+00'00')>>",
    '<</Type /Catalog\n/Pages 3 0 R\n/Lang (da)>>',
    '<</Type /Pages\n/Kids [4 0 R]\n/Count 1>>',
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595 842]>>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(pdf, 'latin1');
}

describe('pageCount', () => {
  it('counts the page objects of a PDF as Skia writes it', () => {
    expect(pageCount(tinyPdf())).toBe(1);
  });
});

describe('print blocks', () => {
  const data = { title: 'Kryptering', lang: 'da', version: '3.1', approvedOn: '2026-03-01', nextReview: '2027-03-01' } as Frontmatter;

  it('the running head names title, version, approval date and next review', () => {
    expect(runningHead({ id: 'r/k', data })).toBe('Kryptering · Version 3.1 · Godkendt 1. marts 2026 · Næste revision 1. marts 2027');
    expect(runningHead({ id: 'r/k', data: { ...data, version: undefined, lang: 'en' } })).toBe(
      'Kryptering · Approved 1 March 2026 · Next review 1 March 2027',
    );
  });

  it('takes the article of a built page, its headings on one line', () => {
    const html = '<main><article class="doc" data-x><h2 id="a">Lang\n   overskrift</h2><p>x</p></article><section>git</section></main>';
    expect(articleOf(html, 'x/index.html')).toBe('<article class="doc" data-x><h2 id="a">Lang overskrift</h2><p>x</p></article>');
    expect(() => articleOf('<main></main>', 'x/index.html')).toThrow('PDF: x/index.html har ingen dokumentartikel at udskrive');
    expect(oneLineHeadings('<h1>\n a <em>b</em>\n</h1>')).toBe('<h1>a <em>b</em></h1>');
  });

  it('prefixes a document’s ids and the fragment links and references to them, for a print of several documents', () => {
    const article =
      '<h2 id="formål">F</h2><a href="#formål">x</a><section aria-labelledby="a b"></section><a href="/haandbog/p/#mål">m</a>';
    expect(prefixIds(article, 'd2')).toBe(
      '<h2 id="d2-formål">F</h2><a href="#d2-formål">x</a><section aria-labelledby="d2-a d2-b"></section><a href="/haandbog/p/#mål">m</a>',
    );
  });
});

describe('settleFront', () => {
  it('prints the front matter again, numbered for the pages it took, until the numbers fit', async () => {
    const asked: number[] = [];
    // A contents of 3 pages numbered for 2, then as many as it was numbered for.
    const result = await settleFront(2, async (n) => (asked.push(n), { pages: asked.length === 1 ? 3 : n }));
    expect([asked, result.pages]).toEqual([[2, 3], 3]);
    const once: number[] = [];
    await settleFront(4, async (n) => (once.push(n), { pages: 4 }));
    expect(once).toEqual([4]);
  });

  it('fails after three prints that never fit', async () => {
    await expect(settleFront(2, async (n) => ({ pages: n + 1 }))).rejects.toThrow(
      'PDF: forsiden og indholdsfortegnelsen fik 5 sider, ikke 4, tre gange',
    );
  });
});

describe('chunks', () => {
  it('splits in order into runs of about equal weight, none empty', () => {
    const sizes = [5, 1, 1, 1, 1, 1];
    expect(chunks(sizes, (n) => n, 2)).toEqual([[5], [1, 1, 1, 1, 1]]);
    expect(chunks([1, 1, 1, 1], (n) => n, 2)).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(chunks([1, 1, 1], (n) => n, 1)).toEqual([[1, 1, 1]]);
    expect(chunks([7], (n) => n, 2)).toEqual([[7]]);
    expect(chunks([3, 3, 3, 3, 3, 3], (n) => n, 3)).toEqual([
      [3, 3],
      [3, 3],
      [3, 3],
    ]);
  });
});
