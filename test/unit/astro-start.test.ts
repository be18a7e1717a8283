/**
 * The Astro process loads its config's modules while it waits for its stage (src/integration/preload.ts), and the
 * config loads no SVG optimizer (astro.config.mjs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, ROOT, tempDir } from '../helpers/index.ts';
import { runRecordingLoads } from '../helpers/modules.ts';

const dir = tempDir('handbook-astro-start-');
afterAll(() => cleanup(dir));

/** The module specifiers astro.config.mjs imports. */
function configImports(): string[] {
  const source = readFileSync(path.join(ROOT, 'astro.config.mjs'), 'utf8');
  return [...source.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** Every module URL a fresh process loads for `import('astro')`, the preload and `extra`, as the Astro process does before its stage. */
function preloaded(extra: string[] = []): string[] {
  const { result, stderr } = runRecordingLoads<string[]>(
    dir,
    `await import(${JSON.stringify(import.meta.resolve('astro'))});
const { preloadAstroModules } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'src/integration/preload.ts')).href)});
await preloadAstroModules();
for (const url of ${JSON.stringify(extra)}) await import(url);
console.log(JSON.stringify(loaded));
`,
  );
  expect(stderr).toBe('');
  return result;
}

describe('the Astro process before its stage is ready', () => {
  const loaded = preloaded();

  it("has loaded every module astro.config.mjs imports, so reading the config loads none of Astro's", () => {
    const imports = configImports();
    expect(imports).toContain('@astrojs/mdx');
    for (const specifier of imports) {
      const url = specifier.startsWith('.') ? pathToFileURL(path.join(ROOT, specifier)).href : import.meta.resolve(specifier);
      expect(loaded, specifier).toContain(url);
    }
  });

  it('has loaded no SVG optimizer: the config does not import astro/config', () => {
    expect(configImports()).not.toContain('astro/config');
    const optimizers = (urls: string[]) => urls.filter((url) => /node_modules\/(svgo|csso)\//.test(url));
    expect(optimizers(loaded)).toEqual([]);
    // What would load them.
    expect(optimizers(preloaded([import.meta.resolve('astro/config')])).length).toBeGreaterThan(50);
  });
});
