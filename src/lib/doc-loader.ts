import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob as globFiles } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { splitFrontmatter } from './frontmatter-split.ts';

/**
 * The documents' loader: Astro's glob loader for MDX; plain-Markdown documents (staged as `.md`) are stored with
 * their frontmatter only, and their page renders them when it is built (see `renderDoc`). Astro inlines the whole
 * store into one module that Vite bundles and every page loads, so HTML kept there costs time and memory growing
 * with the handbook, and rendering it there as well would be done twice.
 */
export function docLoader(options: { pattern: string[]; base: string }): Loader {
  const markdown = options.pattern.filter((p) => p.replace(/^!/, '').endsWith('.md'));
  const mdx = glob({
    pattern: options.pattern.filter((p) => !markdown.includes(p)),
    base: options.base,
    retainBody: false,
    // The id the rest of the build uses (`src/lib/content.ts`): the path without `.mdx`, also for `index.mdx`.
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  });
  return {
    name: 'handbook-docs',
    async load(context) {
      // The glob loader drops entries it did not load itself, so the Markdown entries come after it.
      await mdx.load(context);
      if (markdown.some((p) => !p.startsWith('!'))) await loadMarkdown(context, markdown, options.base);
    },
  };
}

/** Validates and stores the frontmatter of every `.md` document; the same YAML parser `npm run check` validated. */
async function loadMarkdown(context: LoaderContext, pattern: string[], base: string): Promise<void> {
  const root = fileURLToPath(context.config.root);
  const files = (await globFiles(pattern, { cwd: base, expandDirectories: false })).sort();
  for (const file of files) {
    const filePath = path.join(base, file);
    const source = await readFile(filePath, 'utf8');
    const id = file.replace(/\.md$/, '');
    let yaml: unknown;
    try {
      yaml = parseYaml(splitFrontmatter(source).yaml);
    } catch (error) {
      // `check` reports YAML errors with their place; here one line naming the file is enough.
      throw new Error(`${filePath}: YAML-fejl: ${(error as Error).message.split('\n')[0]}`);
    }
    const data = await context.parseData({ id, data: (yaml ?? {}) as Record<string, unknown>, filePath });
    context.store.set({
      id,
      data,
      filePath: path.relative(root, filePath).split(path.sep).join('/'),
      digest: context.generateDigest(source),
    });
  }
}
