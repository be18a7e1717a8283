/** Cache lifetimes of an edition's files, written beside the security headers into `_headers` and the nginx snippet. */
import { basePrefix } from '../../util/base-path.ts';

/** Folder of Astro's content-hashed assets (CSS, JS, processed images), below the base path. */
export const HASHED_DIR = '_astro/';

/**
 * Hashed assets never change under their name: cache them for a year without revalidating. The intranet's are
 * `private`, as its images can show internal documents and a shared proxy must not keep them for other users.
 */
export function hashedCacheControl(edition: string): string {
  return `${edition === 'intranet' ? 'private' : 'public'}, max-age=31536000, immutable`;
}

/** Pages, feeds, the search index and every other unhashed file: revalidate on each use, so an approval shows at once. */
export const UNHASHED_CACHE_CONTROL = 'no-cache';

/** The URL path of the hashed assets under an edition's base path, e.g. `/haandbog/_astro/`. */
export function hashedPath(base: string): string {
  return `${basePrefix(base)}${HASHED_DIR}`;
}
