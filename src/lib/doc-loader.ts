import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * Astro's glob loader, except that plain-Markdown documents (staged as `.md`) are stored without their rendered
 * HTML: the page renders them when it is built (see `renderDoc`). Astro inlines the whole store into one module
 * that Vite bundles and every page loads, so HTML kept there costs time and memory growing with the handbook.
 */
export function docLoader(options: { pattern: string | string[]; base: string }): Loader {
  const inner = glob({ ...options, retainBody: false });
  return {
    name: 'handbook-docs',
    load: (context) => inner.load({ ...context, store: leanStore(context.store) }),
  };
}

/** The store with `set` dropping the rendered HTML of `.md` entries. */
function leanStore(store: LoaderContext['store']): LoaderContext['store'] {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'set') {
        return (entry: Parameters<typeof target.set>[0]) =>
          target.set(entry.filePath?.endsWith('.md') ? { ...entry, rendered: undefined } : entry);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
