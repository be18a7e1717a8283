import { currentManifest } from './build-context.ts';
import type { BuildManifest } from './manifest.ts';

/** The manifest of this Astro run, read once per build. */
export const manifest: BuildManifest = currentManifest();

/** Prefixes a site path with the edition's base path: `url("retningslinjer/x/")` → `/haandbog/retningslinjer/x/`. */
export function url(pathname = ''): string {
  const base = manifest.base.endsWith('/') ? manifest.base : `${manifest.base}/`;
  return `${base}${pathname.replace(/^\/+/, '')}`;
}

/** The URL of a document page from its collection id. */
export function docUrl(id: string): string {
  return url(`${id}/`);
}
