import manifestData from 'virtual:handbook/manifest';
import type { BuildManifest } from '../build/manifest.ts';
import { basePrefix } from '../util/base-path.ts';

/** The manifest of this Astro run, from the integration's virtual module (see `src/integration/virtual-modules.ts`). */
export const manifest: BuildManifest = manifestData;

/** Prefixes a site path with the edition's base path: `url("retningslinjer/x/")` → `/haandbog/retningslinjer/x/`. */
export function url(pathname = ''): string {
  return `${basePrefix(manifest.base)}${pathname.replace(/^\/+/, '')}`;
}

/** The URL of a document page from its collection id. */
export function docUrl(id: string): string {
  return url(`${id}/`);
}
