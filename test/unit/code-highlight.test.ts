/**
 * Code blocks are highlighted as Astro highlights them, by our plugin, which makes Shiki's highlighter only when a
 * document has a code block (src/lib/markdown/plugins/code-highlight.ts).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { satteri } from '@astrojs/markdown-satteri';
import { codeHighlightPlugin } from '../../src/lib/markdown/plugins/code-highlight.ts';
import { MARKDOWN_SETTINGS } from '../../src/lib/markdown/settings.ts';
import { cleanup, ROOT, tempDir } from '../helpers/index.ts';
import { runRecordingLoads } from '../helpers/modules.ts';

const dir = tempDir('handbook-highlight-');
afterAll(() => cleanup(dir));

const SOURCE = [
  '# Kode',
  '',
  '```sh',
  'echo "kode med <tegn> og {klammer}"',
  '```',
  '',
  '```yaml title="handbook.yaml"',
  'site: https://example.org',
  '```',
  '',
  '```',
  'uden sprog',
  '```',
  '',
  '```ukendt-sprog',
  'x = 1',
  '```',
  '',
  '```math',
  'a^2',
  '```',
  '',
  '    indrykket kode',
].join('\n');

/** HTML of a Markdown text through Sätteri with the given hast plugins and settings. */
async function render(source: string, hastPlugins: ReturnType<typeof codeHighlightPlugin>[], settings: object): Promise<string> {
  const renderer = await satteri({ hastPlugins }).createRenderer(settings);
  return (await renderer.render(source, { frontmatter: {} })).code;
}

describe('code highlighting', () => {
  it("renders what Astro's own highlighting renders", async () => {
    const ours = await render(SOURCE, [codeHighlightPlugin()], MARKDOWN_SETTINGS);
    const astros = await render(SOURCE, [], { ...MARKDOWN_SETTINGS, syntaxHighlight: 'shiki' });
    expect(ours).toContain('<pre class="astro-code github-dark"');
    expect(ours).toContain('data-language="yaml"');
    expect(ours).toMatch(/<span style="color:#[0-9A-F]{6}">echo<\/span>/i);
    expect(ours).toBe(astros);
    // Without the plugin, the settings leave the code as it is.
    expect(await render(SOURCE, [], MARKDOWN_SETTINGS)).not.toContain('astro-code');
  });

  it("loads Shiki's engine and theme only for a document with a code block", () => {
    const { result, stderr } = runRecordingLoads<{ before: boolean; after: boolean }>(
      dir,
      `const { satteri } = await import(${JSON.stringify(import.meta.resolve('@astrojs/markdown-satteri'))});
const { codeHighlightPlugin } = await import(${JSON.stringify(path.join(ROOT, 'src/lib/markdown/plugins/code-highlight.ts'))});
const renderer = await satteri({ hastPlugins: [codeHighlightPlugin()] }).createRenderer({ gfm: true, syntaxHighlight: false });
// The WebAssembly of Shiki's regex engine and the theme, which only a highlighter loads (Shiki's modules come with
// Astro's Markdown processor).
const shiki = () => loaded.some((url) => /@shikijs\\/(engine-oniguruma\\/dist\\/wasm|themes\\/dist\\/github-dark)/.test(url));
await renderer.render('# Ingen kode\\n\\nKun tekst og \`kode i linjen\`.', { frontmatter: {} });
const before = shiki();
await renderer.render('\`\`\`sh\\nls\\n\`\`\`', { frontmatter: {} });
console.log(JSON.stringify({ before, after: shiki() }));
`,
    );
    expect(stderr).toBe('');
    expect(result).toEqual({ before: false, after: true });
  });
});
