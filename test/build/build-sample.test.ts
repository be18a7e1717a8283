import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cleanup, listFiles, readTree, ROOT, runScript, tempDir } from '../helpers/index.ts';

/** The sample documents, read independently of the product's own loader. */
function sampleDocs() {
  const contentDir = path.join(ROOT, 'content');
  return listFiles(contentDir)
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => {
      const source = readFileSync(path.join(contentDir, file), 'utf8');
      const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
      const data = parseYaml(yaml) as Record<string, string>;
      const sentence = body
        .split('\n')
        .find((l) => /^[A-ZÆØÅ][^#|*\-[]{50,}/.test(l))
        ?.slice(0, 60);
      return { id: file.replace(/\.mdx$/, ''), data, sentence };
    });
}

describe('building the sample handbook', () => {
  const out = tempDir();
  let build: ReturnType<typeof runScript>;
  const toolCache = path.join(ROOT, '.handbook-build', '.compile-cache', 'tool');
  beforeAll(() => {
    // Emptied, so what the cache holds afterwards is this build's (a cache only makes builds faster).
    rmSync(toolCache, { recursive: true, force: true });
    build = runScript('build', { HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-11-29' });
  });
  afterAll(() => cleanup(out));

  it('puts every table of a document in a labelled, focusable region that scrolls, numbered per page', () => {
    const dir = path.join(out, 'intranet');
    const pages = listFiles(dir).filter((f) => f.endsWith('.html') && readFileSync(path.join(dir, f), 'utf8').includes('class="prose"'));
    let tables = 0;
    for (const page of pages) {
      const prose = readFileSync(path.join(dir, page), 'utf8').split('class="prose"')[1]!;
      const opened = [...prose.matchAll(/<table\b/g)].length;
      const wrapped = [...prose.matchAll(/<div class="table-scroll" role="region" tabindex="0" aria-label="Tabel (\d+)"><table\b/g)];
      expect(wrapped.length, page).toBe(opened);
      expect(
        wrapped.map((m) => Number(m[1])),
        page,
      ).toEqual(wrapped.map((_, i) => i + 1));
      tables += opened;
    }
    expect(tables).toBeGreaterThan(2);
  });

  it('writes both editions', () => {
    expect(build.stderr).not.toMatch(/fejl/i);
    expect(build.code).toBe(0);
    for (const edition of ['intranet', 'public']) {
      const files = listFiles(path.join(out, edition));
      for (const f of ['index.html', '404.html', 'sitemap.xml', 'pagefind/pagefind.js']) expect(files).toContain(f);
    }
  });

  it('checks and stages in a content process with a compile cache of the tool code, which holds no content', () => {
    // The content process's own output goes to the build's: its problem lines (warnings here) are there.
    expect(build.stderr).toMatch(/anvendelighed\.yaml:\d+:\d+: advarsel/);
    const cached = listFiles(toolCache);
    expect(cached.length).toBeGreaterThan(0);
    // V8 code for the modules it loaded, none of the content's: no document's name or sentence is in it.
    const bytes = cached.map((f) => readFileSync(path.join(toolCache, f), 'latin1')).join('');
    for (const doc of sampleDocs()) if (doc.sentence) expect(bytes).not.toContain(doc.sentence);
  });

  it('puts exactly the approved public documents in the public edition', () => {
    const docs = sampleDocs();
    const publicIds = docs.filter((d) => d.data.audience === 'public' && (d.data.status ?? 'approved') === 'approved').map((d) => d.id);
    expect(publicIds.length).toBeGreaterThan(2);
    // Document pages are `<section>/<slug>/index.html` with a section that is a content folder.
    const folders = new Set(docs.map((d) => d.id.split('/')[0]));
    const docPages = (edition: string) =>
      listFiles(path.join(out, edition))
        .filter((f) => f.endsWith('/index.html') && f.split('/').length === 3 && folders.has(f.split('/')[0]))
        .map((f) => path.dirname(f))
        .sort();
    expect(docPages('public')).toEqual(publicIds.sort());
    const approved = docs.filter((d) => (d.data.status ?? 'approved') === 'approved').map((d) => d.id);
    expect(docPages('intranet')).toEqual(approved.sort());
  });

  it('holds no title, slug or sentence of a non-public document anywhere in the public edition', () => {
    const hidden = sampleDocs().filter((d) => d.data.audience !== 'public' || d.data.status === 'draft');
    expect(hidden.length).toBeGreaterThan(10);
    const tree = readTree(path.join(out, 'public'));
    expect([...tree.keys()].some((f) => f.includes('.pf_fragment'))).toBe(true);
    for (const doc of hidden) {
      const needles = [doc.data.title!, `${doc.id}/`, `/${doc.id.split('/')[1]!}/`, doc.sentence].filter((n): n is string => !!n);
      for (const [file, text] of tree) {
        for (const needle of needles) expect(text.includes(needle), `${needle} found in public/${file}`).toBe(false);
      }
    }
  });

  it('shows the review banners against HANDBOOK_TODAY', () => {
    const overdue = readFileSync(path.join(out, 'intranet/procedurer/patchhaandtering/index.html'), 'utf8');
    expect(overdue).toMatch(/class="banner review-banner banner--overdue"/);
    const current = readFileSync(path.join(out, 'intranet/retningslinjer/kryptering/index.html'), 'utf8');
    expect(current).not.toMatch(/banner--overdue|banner--due-soon/);
  });
});
