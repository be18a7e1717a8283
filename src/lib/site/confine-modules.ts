/**
 * A Vite plugin that refuses to load a module from outside the stage and the tool's own folders. Vite's bundler
 * (Rolldown) reads modules in native code, which Node's permission model does not confine (README "Isolation"); every
 * module passes this plugin's `load` hook first, so a document's import of a file elsewhere fails here instead.
 */
import path from 'node:path';
import type { Plugin } from 'vite';

/** The plugin, allowing modules below `roots` (the stage, the repository's `src`, `node_modules` and `public`). */
export function confineModules(roots: readonly string[]): Plugin {
  const allowed = roots.map((root) => path.resolve(root) + path.sep);
  return {
    name: 'handbook:confine-modules',
    enforce: 'pre',
    load(id) {
      // Virtual modules (`\0…`, `astro:…`) are made by plugins, not read from disk.
      const file = id.split('?')[0]!;
      if (!path.isAbsolute(file) || id.startsWith('\0')) return null;
      if (allowed.some((root) => file.startsWith(root))) return null;
      throw new Error(`modulet ${file} ligger uden for udgavens mappe og værktøjets egne mapper og indlæses ikke`);
    },
  };
}
