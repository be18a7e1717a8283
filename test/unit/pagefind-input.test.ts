/** What Pagefind is given: ignored elements taken out before it parses them, and the index it writes unchanged. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagefindInput, separateBlocks, withoutIgnored } from '../../src/lib/build/pagefind-input.ts';
import { closePagefind, openIndex } from '../../src/lib/build/pagefind-service.ts';
import { cleanup, listFiles, tempDir } from '../helpers/index.ts';

describe('withoutIgnored', () => {
  it('takes out elements marked ignore="all", nested elements of the same name included, each as one space', () => {
    const html =
      '<main>a<div data-pagefind-ignore="all"><div>x</div><div>y<div>z</div></div></div>b<nav data-pagefind-ignore=all>n</nav>c</main>';
    expect(withoutIgnored(html)).toBe('<main>a b c</main>');
  });

  it('takes out a plain or "index" ignore only when it holds no filter or metadata, which Pagefind still reads there', () => {
    expect(withoutIgnored('<p data-pagefind-ignore>Bilag</p><p data-pagefind-ignore="index">x</p>')).toBe('  ');
    const kept = '<p data-pagefind-ignore><span data-pagefind-filter="ejer">HR</span></p>';
    expect(withoutIgnored(kept)).toBe(kept);
    const own = '<p data-pagefind-ignore data-pagefind-meta="type">Bilag</p>';
    expect(withoutIgnored(own)).toBe(own);
    expect(withoutIgnored('<div data-pagefind-ignore="all"><span data-pagefind-filter="ejer">HR</span></div>')).toBe(' ');
  });

  it('is not fooled by tags in comments, scripts or quoted attribute values', () => {
    const html =
      '<div data-pagefind-ignore="all"><!-- </div> --><script>"</div>"</script><a title="</div> >">t</a></div>kept' +
      '<!-- <p data-pagefind-ignore>not a tag</p> --><script>let s = "<p data-pagefind-ignore>";</script><p data-x="a > b">text</p>';
    expect(withoutIgnored(html)).toBe(
      ' kept<!-- <p data-pagefind-ignore>not a tag</p> --><script>let s = "<p data-pagefind-ignore>";</script><p data-x="a > b">text</p>',
    );
  });

  it('leaves an element whose end it cannot find, and everything after it, to Pagefind', () => {
    const html = '<p data-pagefind-ignore="all">x</p>a<div data-pagefind-ignore="all">open<p data-pagefind-ignore="all">y</p>';
    expect(withoutIgnored(html)).toBe(' a<div data-pagefind-ignore="all">open<p data-pagefind-ignore="all">y</p>');
    expect(withoutIgnored('<p>nothing ignored</p>')).toBe('<p>nothing ignored</p>');
  });
});

/** A document page laid out as ours are: site chrome and page furniture marked ignored around the indexed article. */
function documentPage(n: number): string {
  const filters = `data-filter-0="Procedure" data-filter-1="Driftschefen" data-pagefind-filter="dokumenttype[data-filter-0], ejer[data-filter-1]"`;
  return `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Procedure ${n} · Håndbogen</title></head><body>
<header class="site-header" data-pagefind-ignore="all"><a href="/">Informationssikkerhedshåndbogen</a><nav><ul><li><a href="/a/">Adgangsstyring</a></li></ul></nav></header>
<details class="nav-toggle" data-pagefind-ignore="all"><summary>Menu</summary><nav><ul><li><a href="/b/">Backup</a></li></ul></nav></details>
<nav class="breadcrumbs" data-pagefind-ignore="all"><ol><li><a href="/">Forside</a></li></ol></nav>
<article class="doc" data-pagefind-body ${filters} data-pagefind-meta="type[data-doc-type]" data-doc-type="Procedure">
<p class="doc-type" data-pagefind-ignore>Procedure</p><h1 data-pagefind-meta="title">Procedure ${n} for gendannelse</h1>
<div class="banners" data-pagefind-ignore="all"><p class="banner" data-text="Skal revideres &gt; 30 dage"><strong>Revision snart:</strong> <span>senest 7. juni 2026</span></p></div>
<script type="module" src="/_astro/ReviewBanner.js"></script>
<section class="doc-meta" data-pagefind-ignore="all"><h2>Om dokumentet</h2><dl><div><dt>Ejer</dt><dd>Driftschefen</dd></div></dl></section>
<nav class="toc" data-pagefind-ignore="all"><h2>På denne side</h2><ul><li><a href="#formaal">Formål</a></li></ul></nav>
<div class="prose"><h2 id="formaal">Formål</h2><p>Backupkopierne skal gendannes hvert kvartal${n}, så data kan genskabes efter et nedbrud.</p>
<table><tr><th>Trin</th><th>Ansvar</th></tr><tr><td>Gendan</td><td>Driftsvagten</td></tr></table>
<p data-pagefind-ignore><span data-pagefind-meta="note">Kvartalsvis</span></p></div>
<nav class="pager" data-pagefind-ignore="all"><a href="/c/">Næste</a></nav></article>
<footer class="site-footer" data-pagefind-ignore="all"><p>Danmarks Statistik</p></footer></body></html>`;
}

/** Every file Pagefind wrote for the pages, each as its path and bytes. */
async function writtenIndex(pages: string[], prepare: (html: string) => string): Promise<Map<string, string>> {
  const out = tempDir();
  try {
    const { index, errors } = await openIndex();
    expect(errors).toEqual([]);
    for (const [i, html] of pages.entries()) {
      const added = await index!.addHTMLFile({ sourcePath: `procedurer/p${i}/index.html`, content: prepare(html) });
      expect(added.errors).toEqual([]);
    }
    expect((await index!.writeFiles({ outputPath: out })).errors).toEqual([]);
    return new Map(listFiles(out).map((f) => [f, readFileSync(path.join(out, f)).toString('base64')]));
  } finally {
    cleanup(out);
  }
}

describe('pagefindInput', () => {
  it('gives Pagefind less to parse and the same index, byte for byte, as the whole page did', async () => {
    const pages = [1, 2, 3].map(documentPage);
    expect(pagefindInput(pages[0]!).length).toBeLessThan(pages[0]!.length * 0.7);
    try {
      const whole = await writtenIndex(pages, separateBlocks);
      const prepared = await writtenIndex(pages, pagefindInput);
      expect([...whole.keys()].some((f) => f.startsWith('fragment/'))).toBe(true);
      expect([...whole.keys()].some((f) => f.startsWith('filter/'))).toBe(true);
      expect(prepared).toEqual(whole);
    } finally {
      await closePagefind();
    }
  });
});
