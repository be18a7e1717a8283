/** The one owner of an edition's base path (`base` in `handbook.yaml`) as a URL prefix. */

/** The base path with exactly one final slash, for joining: `/haandbog` and `/haandbog/` → `/haandbog/`, `/` → `/`. */
export function basePrefix(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}
