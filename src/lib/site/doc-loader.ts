import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob as globFiles } from 'tinyglobby';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * The documents' loader: Astro's glob loader for MDX; plain-Markdown documents (staged as `.md`) are stored with
 * their frontmatter only, and their page renders them when it is built (see `renderDoc`). Astro inlines the whole
 * store into one module that Vite bundles and every page loads, so HTML kept there costs time and memory growing
 * with the handbook, and rendering it there as well would be done twice.
 */
export function docLoader(options: { pattern: string[]; base: string; frontmatter?: Record<string, unknown> }): Loader {
  const markdown = options.pattern.filter((p) => p.replace(/^!/, '').endsWith('.md'));
  const mdx = glob({
    pattern: options.pattern.filter((p) => !markdown.includes(p)),
    base: options.base,
    retainBody: false,
    // The id the rest of the build uses (`src/lib/content/load.ts`): the path without `.mdx`, also for `index.mdx`.
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  });
  return {
    name: 'handbook-docs',
    async load(context) {
      // The glob loader drops entries it did not load itself, so the Markdown entries come after it.
      await mdx.load(context);
      if (markdown.some((p) => !p.startsWith('!'))) await loadMarkdown(context, markdown, options.base, options.frontmatter ?? {});
    },
  };
}

/**
 * Stores every `.md` document with the frontmatter the build has already parsed and validated (from the manifest),
 * validated once more by the collection's schema; reading and parsing each file's YAML again took 0.8 s at 1,000 documents.
 */
async function loadMarkdown(context: LoaderContext, pattern: string[], base: string, frontmatter: Record<string, unknown>): Promise<void> {
  const root = fileURLToPath(context.config.root);
  const files = (await globFiles(pattern, { cwd: base, expandDirectories: false })).sort();
  for (const file of files) {
    const filePath = path.join(base, file);
    const id = file.replace(/\.md$/, '');
    const fields = Object.hasOwn(frontmatter, id) ? frontmatter[id] : undefined;
    if (!fields) throw new Error(`${filePath}: dokumentet mangler i byggemanifestet (frontmatter)`);
    const data = await context.parseData({ id, data: fields as Record<string, unknown>, filePath });
    context.store.set({
      id,
      data,
      filePath: path.relative(root, filePath).split(path.sep).join('/'),
      digest: context.generateDigest(JSON.stringify(fields)),
    });
  }
}
