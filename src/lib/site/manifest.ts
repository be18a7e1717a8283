import { readManifest, type BuildManifest } from '../build/manifest.ts';

/** The manifest of this Astro run, read once per build: the staged one, or for `astro dev`/`astro check` one made from the content folder. */
export const manifest: BuildManifest = process.env.HANDBOOK_STAGE ? readManifest(process.env.HANDBOOK_STAGE) : await devManifest();

/** The manifest made from the content folder; imported only then, so a staged build does not load the content parser. */
async function devManifest(): Promise<BuildManifest> {
  const { currentManifest } = await import('../build/dev-manifest.ts');
  return currentManifest();
}

/** Prefixes a site path with the edition's base path: `url("retningslinjer/x/")` → `/haandbog/retningslinjer/x/`. */
export function url(pathname = ''): string {
  const base = manifest.base.endsWith('/') ? manifest.base : `${manifest.base}/`;
  return `${base}${pathname.replace(/^\/+/, '')}`;
}

/** The URL of a document page from its collection id. */
export function docUrl(id: string): string {
  return url(`${id}/`);
}
