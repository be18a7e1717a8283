/** The named character references every HTML reader must know, decoded faithfully. */
export const BASIC_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes HTML character references (`&#248;`, `&#xE5;`, `&amp;`): the one decoder of the tool. Named references
 * come from `named`, so the leak scan can fold `&nbsp;` to a space while the security headers decode exactly;
 * unknown names and invalid code points stay as written.
 */
export function decodeCharacterReferences(text: string, named: Readonly<Record<string, string>> = BASIC_ENTITIES): string {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (m, e: string) => {
    if (e[0] !== '#') return Object.hasOwn(named, e) ? named[e]! : m;
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
  });
}

/** Text for HTML content or a quoted attribute, as Astro escapes an expression in markup: `& < > ' "` as `&amp; &lt; &gt; &#39; &quot;`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>'"]/g, (c) => HTML_ENTITIES[c]!);
}

/** An attribute value as Astro escapes it inside double quotes: `&` and `"` only. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
