import path from 'node:path';
import type { Plugin } from 'vite';
import type { BuildManifest } from '../lib/build/manifest.ts';

/** The id pages import the edition's MDX documents by. */
export const DOCUMENTS_MODULE = 'virtual:handbook/documents';
const RESOLVED = `\0${DOCUMENTS_MODULE}`;

/**
 * The edition's MDX documents as modules, by id, each loaded when its page renders: `{ "politikker/x": () => import(…) }`.
 * Only the manifest's documents are named, so no other file of the content folder becomes a module; plain-Markdown
 * documents (staged as `.md`) are no modules at all and render from their file (`src/lib/site/doc-render.ts`).
 */
export function documentsModule(manifest: () => BuildManifest): Plugin {
  return {
    name: 'handbook:documents',
    resolveId: (id) => (id === DOCUMENTS_MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const { contentDir, documents } = manifest();
      const lines = Object.entries(documents)
        .filter(([, doc]) => doc.file.endsWith('.mdx'))
        .map(([docId, doc]) => `  ${JSON.stringify(docId)}: () => import(${JSON.stringify(path.join(contentDir, doc.file))}),`);
      return `export default {\n${lines.join('\n')}\n};\n`;
    },
  };
}
