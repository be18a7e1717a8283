import type { Plugin } from 'vite';
import type { BuildManifest } from '../lib/build/manifest.ts';

/** The id pages, components and the content config import the edition's manifest by. */
export const MANIFEST_MODULE = 'virtual:handbook/manifest';
const RESOLVED = `\0${MANIFEST_MODULE}`;

/**
 * The one door through which the manifest reaches Astro's modules (as Starlight passes its user config): a Vite
 * virtual module holding it as JSON, so no module reads the environment or a file when it is imported.
 * `JSON.parse` of a string literal: V8 parses JSON faster than the same data as a JavaScript object literal.
 */
export function manifestModule(manifest: () => BuildManifest): Plugin {
  return {
    name: 'handbook:manifest',
    resolveId: (id) => (id === MANIFEST_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default JSON.parse(${JSON.stringify(JSON.stringify(manifest()))});` : undefined),
  };
}
