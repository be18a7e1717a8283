import path from 'node:path';
import type { Plugin } from 'vite';
import type { BuildManifest } from '../lib/build/manifest.ts';

/** The id pages and components import the edition's manifest by. */
export const MANIFEST_MODULE = 'virtual:handbook/manifest';
/** The id pages import the edition's MDX documents by. */
export const DOCUMENTS_MODULE = 'virtual:handbook/documents';

/** Vite's id of a virtual module once resolved: `\0` keeps other plugins from taking it for a file. */
export const resolvedId = (id: string) => `\0${id}`;

/** A Vite plugin serving one virtual module, its code made anew whenever Vite loads it (dev reloads it after an edit). */
function virtualModule(id: string, code: () => string): Plugin {
  return {
    name: `handbook:${id.split('/').at(-1)}`,
    resolveId: (requested) => (requested === id ? resolvedId(id) : undefined),
    load: (requested) => (requested === resolvedId(id) ? code() : undefined),
  };
}

/**
 * The one door through which the manifest reaches Astro's modules (as Starlight passes its user config): a Vite
 * virtual module holding it as JSON, so no module reads the environment or a file when it is imported.
 * `JSON.parse` of a string literal: V8 parses JSON faster than the same data as a JavaScript object literal.
 */
export function manifestModule(manifest: () => BuildManifest): Plugin {
  return virtualModule(MANIFEST_MODULE, () => `export default JSON.parse(${JSON.stringify(JSON.stringify(manifest()))});`);
}

/**
 * The edition's MDX documents as modules, by id, each loaded when its page renders: `{ "politikker/x": () => import(…) }`.
 * Only the manifest's documents are named, so no other file of the content folder becomes a module; plain-Markdown
 * documents (staged as `.md`) are no modules at all and render from their file (`src/lib/site/doc-render.ts`).
 */
export function documentsModule(manifest: () => BuildManifest): Plugin {
  return virtualModule(DOCUMENTS_MODULE, () => {
    const { contentDir, documents } = manifest();
    const lines = Object.entries(documents)
      .filter(([, doc]) => doc.file.endsWith('.mdx'))
      .map(([id, doc]) => `  ${JSON.stringify(id)}: () => import(${JSON.stringify(path.join(contentDir, doc.file))}),`);
    return `export default {\n${lines.join('\n')}\n};\n`;
  });
}
