import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToHast, type HastNode } from 'satteri';
import { loadHandbook } from '../../src/lib/content/load.ts';
import { readGit } from '../../src/lib/git/history.ts';
import { readManifest } from '../../src/lib/build/manifest.ts';
import { stageEdition } from '../../src/lib/build/stage.ts';
import { cleanup, fixture, listFiles, runScript, tempDir } from '../helpers/index.ts';

const CONTENT = fixture('markdown-only');

/** The document body of a built page as a list of elements (tag, id, href, class) and words, free of serialisation details. */
function articleOutline(html: string): string[] {
  const body = /<div class="prose"[^>]*>([\s\S]*?)<\/div>\s*<\/article>/.exec(html)?.[1];
  expect(body, 'the page has a document body').toBeTruthy();
  const out: string[] = [];
  const walk = (node: HastNode) => {
    if (node.type === 'text') out.push(...(node as { value: string }).value.split(/\s+/).filter(Boolean));
    if (node.type === 'element') {
      const { tagName, properties: p } = node as { tagName: string; properties: Record<string, unknown> };
      out.push(`<${tagName} id=${String(p.id ?? '')} href=${String(p.href ?? '')} class=${String(p.className ?? '')}>`);
    }
    for (const child of (node as { children?: HastNode[] }).children ?? []) walk(child);
  };
  walk(htmlToHast(body!, { fragment: true }));
  return out;
}

describe('plain-Markdown documents staged as .md', () => {
  it('stages them as .md, keeps MDX and name clashes as .mdx, and keeps .md attachments out of the collection', () => {
    const handbook = loadHandbook(CONTENT);
    expect(handbook.problems).toEqual([]);
    const flags = Object.fromEntries(handbook.docs.map((d) => [d.file, d.markdownOnly]));
    expect(flags).toEqual({
      'regler/engelsk-markdown.mdx': true,
      'regler/engelsk-mdx.mdx': false,
      'regler/index.mdx': false,
      'regler/kollision.mdx': true,
      'regler/med-bom.mdx': true,
      'regler/som-markdown.mdx': true,
      'regler/som-mdx.mdx': false,
      'regler/uddrag.mdx': true,
    });
    const parentDir = tempDir();
    try {
      const git = readGit(CONTENT, new Map());
      const stage = stageEdition(handbook, git, { edition: 'intranet', today: '2026-11-29', drafts: false, parentDir });
      expect(listFiles(path.join(stage, 'content'))).toEqual([
        'regler/bilag/noter.md',
        'regler/engelsk-markdown.md',
        'regler/engelsk-mdx.mdx',
        'regler/index.mdx',
        'regler/kollision.md',
        'regler/kollision.mdx',
        'regler/med-bom.md',
        'regler/som-markdown.md',
        'regler/som-mdx.mdx',
        // Plain Markdown, but imported by its .mdx name, so it keeps that name.
        'regler/uddrag.mdx',
      ]);
      // The attachment keeps its own content; the document was not written over it.
      expect(readFileSync(path.join(stage, 'content/regler/kollision.md'), 'utf8')).toMatch(/^# Kollision/);
      // The pages' documents are the manifest's: every document by the name it was staged under, no attachment.
      const { documents } = readManifest(stage);
      expect(Object.fromEntries(Object.entries(documents).map(([id, doc]) => [id, doc.file]))).toEqual({
        'regler/engelsk-markdown': 'regler/engelsk-markdown.md',
        'regler/engelsk-mdx': 'regler/engelsk-mdx.mdx',
        'regler/index': 'regler/index.mdx',
        'regler/kollision': 'regler/kollision.mdx',
        'regler/med-bom': 'regler/med-bom.md',
        'regler/som-markdown': 'regler/som-markdown.md',
        'regler/som-mdx': 'regler/som-mdx.mdx',
        'regler/uddrag': 'regler/uddrag.mdx',
      });
    } finally {
      rmSync(parentDir, { recursive: true, force: true });
    }
  });

  describe('building them', () => {
    const out = tempDir();
    let build: ReturnType<typeof runScript>;
    beforeAll(() => {
      // Both editions: the public one holds the English document beside the section page `regler/index.html`, whose
      // path is the address of the internal `regler/index.mdx` in token form (the leak scan once flagged it).
      build = runScript('build', { HANDBOOK_CONTENT: CONTENT, HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-11-29' });
    });
    afterAll(() => cleanup(out));
    const page = (id: string, edition = 'intranet') => readFileSync(path.join(out, edition, id, 'index.html'), 'utf8');

    it('renders a plain-Markdown document exactly as the MDX pipeline renders the same text', () => {
      expect(build.stderr).toBe('');
      expect(build.code).toBe(0);
      const asMarkdown = articleOutline(page('regler/som-markdown'));
      const asMdx = articleOutline(page('regler/som-mdx'));
      expect(asMarkdown.length).toBeGreaterThan(100);
      // The two documents link to each other; everything else is the same text.
      const other = (s: string) => s.replace(/som-(markdown|mdx)/g, 'som-X');
      expect(asMarkdown.map(other)).toEqual(asMdx.map(other));
      expect(asMarkdown).toContain('<a id= href=/regler/som-mdx/#form%C3%A5l-og-omfang class=>');
      expect(asMarkdown).toContain('<h3 id=tabel-med-ansvar href= class=>');
    });

    it("highlights code blocks with Astro's Shiki theme in both pipelines (made by our plugin, not Astro's)", () => {
      for (const id of ['regler/som-markdown', 'regler/som-mdx']) {
        const pre = /<pre class="astro-code github-dark"[^>]*data-language="sh"[^>]*><code>(.*?)<\/code><\/pre>/s.exec(page(id));
        expect(pre, id).not.toBeNull();
        expect(pre![1]).toMatch(/<span style="color:#79B8FF">echo<\/span>/);
      }
    });

    it('labels footnotes in Danish in both pipelines', () => {
      for (const id of ['regler/som-markdown', 'regler/som-mdx']) {
        expect(page(id)).toMatch(/<h2 class="sr-only" id="footnote-label">Fodnoter<\/h2>/);
        expect(page(id)).toContain('aria-label="Tilbage til henvisning 1"');
        expect(page(id)).not.toMatch(/Footnotes|Back to reference/);
      }
    });

    it('labels footnotes in English in English documents, in both pipelines and both editions', () => {
      const pages = [page('regler/engelsk-markdown'), page('regler/engelsk-mdx'), page('regler/engelsk-markdown', 'public')];
      for (const html of pages) {
        expect(html).toMatch(/<h2 class="sr-only" id="footnote-label">Footnotes<\/h2>/);
        // The first note is referred to twice: its second back link is numbered 1-2.
        for (const ref of ['1', '2', '1-2']) expect(html).toContain(`aria-label="Back to reference ${ref}"`);
        expect(html).not.toMatch(/Fodnoter|Tilbage til henvisning/);
      }
    });

    it('publishes .md attachments as files, not as documents', () => {
      expect(readFileSync(path.join(out, 'intranet/regler/bilag/noter.md'), 'utf8')).toMatch(/^# Noter/);
      expect(readFileSync(path.join(out, 'intranet/regler/kollision.md'), 'utf8')).toMatch(/^# Kollision/);
      expect(existsSync(path.join(out, 'intranet/regler/bilag/noter/index.html'))).toBe(false);
      expect(page('regler/kollision')).toContain('Regel med navnekollision');
    });

    it('builds a document that imports a plain-Markdown one, and a document named index at its own address', () => {
      expect(page('regler/index')).toContain('<p>Dette uddrag om skærmlås bruges også i oversigten over regler.</p>');
      expect(page('regler/uddrag')).toMatch(/<h1[^>]*>Uddrag til genbrug<\/h1>/);
      expect(page('regler')).toMatch(/<h1>Regler<\/h1>/);
    });

    it('reads the frontmatter of a file saved with a byte-order mark', () => {
      expect(page('regler/med-bom')).toMatch(/<h1[^>]*>Regel gemt med byte-order mark<\/h1>/);
      expect(page('regler/med-bom')).toContain('<p>En editor på Windows har gemt denne fil med en byte-order mark.</p>');
    });
  });
});
