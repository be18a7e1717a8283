/** Security headers (and cache lifetimes) of an edition, written by the build as `_headers` (Netlify, Cloudflare) and an nginx snippet. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../util/files.ts';
import { decodeCharacterReferences } from '../../util/html.ts';
import { hashedCacheControl, hashedPath, UNHASHED_CACHE_CONTROL } from './cache.ts';

/** The Content-Security-Policy every edition works under; `'wasm-unsafe-eval'` is there for Pagefind's search only. */
export const BASE_CSP: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['connect-src', ["'self'"]],
  ['font-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
  ['frame-ancestors', ["'none'"]],
];

/** The headers besides the policy: no MIME sniffing, no referrer (internal paths can name documents), no device APIs, no framing. */
export const OTHER_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/** Inline code found in built pages, which the policy must allow by hash rather than with `'unsafe-inline'`. */
export interface InlineCode {
  scripts: Set<string>;
  styles: Set<string>;
  styleAttributes: Set<string>;
}

/** Script types that are data, not code: the policy does not apply to them. */
const DATA_SCRIPT = /\btype\s*=\s*["']?application\/(ld\+)?json/i;

/** The value of an HTML attribute as the browser sees it (character references decoded), which is what it hashes. */
function attributeValue(raw: string): string {
  return decodeCharacterReferences(raw);
}

/**
 * One pass over a page finds, in the order a browser reads them: a comment (skipped), a script or style element with
 * its content (whose text is not markup), or a tag that holds a `style` or event-handler attribute (a name after white
 * space inside a tag, ended by white space, `=`, a quote, `/` or the tag's end); every other tag is passed over. Four
 * passes and two copies of each page before took 0.34 ms a page, most of the intranet's Pagefind preparation at 5,000
 * documents (12,988 pages); see docs/performance.md for this one.
 */
const PAGE_TOKEN = /<!--[\s\S]*?-->|<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>|<[a-zA-Z](?=[^<>]*\s(?:style|on[a-z]+)[\s=/"'>])[^<>]*>/gi;

/** Adds the inline scripts, style blocks and style attributes of one page; throws on inline event handlers. */
export function collectInlineCode(html: string, into: InlineCode, file = 'side'): void {
  for (const [token, element, attrs = '', body = ''] of html.matchAll(PAGE_TOKEN)) {
    if (!element) {
      if (!token.startsWith('<!--')) collectAttributes(token, into, file);
      continue;
    }
    if (element.toLowerCase() === 'style') into.styles.add(body);
    else if (!/\bsrc\s*=/i.test(attrs) && !DATA_SCRIPT.test(attrs)) into.scripts.add(body);
    collectAttributes(`<${element}${attrs}>`, into, file);
  }
}

/** Adds a tag's style attribute; throws on an inline event handler. */
function collectAttributes(tag: string, into: InlineCode, file: string): void {
  for (const [, name = '', value] of tag.matchAll(/\s([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
    const lower = name.toLowerCase();
    if (lower === 'style') into.styleAttributes.add(attributeValue((value ?? '').replace(/^(["'])([\s\S]*)\1$/, '$2')));
    if (/^on[a-z]+$/.test(lower))
      throw new Error(`${file}: inline-hændelsen ${name}= virker ikke under sikkerhedspolitikken (CSP); brug et script-modul`);
  }
}

/** The CSP source expression of a piece of inline code. */
export const cspHash = (code: string) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

/** The policy with hashes for the inline code found, sorted so the same pages give the same bytes. */
export function contentSecurityPolicy(inline: InlineCode): string {
  const hashes = (set: Set<string>) => [...set].map(cspHash).sort();
  const extra: Record<string, string[]> = {
    'script-src': hashes(inline.scripts),
    'style-src': [...hashes(inline.styles), ...(inline.styleAttributes.size ? ["'unsafe-hashes'", ...hashes(inline.styleAttributes)] : [])],
  };
  return BASE_CSP.map(([name, values]) => [name, ...values, ...(extra[name] ?? [])].join(' ')).join('; ');
}

/** Every header of an edition whose pages hold `inline`. */
export function securityHeaderList(inline: InlineCode): [string, string][] {
  return [['Content-Security-Policy', contentSecurityPolicy(inline)], ...OTHER_HEADERS.map(([n, v]): [string, string] => [n, v])];
}

/** An empty collection of inline code, to fill with `collectInlineCode`. */
export const noInlineCode = (): InlineCode => ({ scripts: new Set(), styles: new Set(), styleAttributes: new Set() });

/** The inline code of every built page of an output folder. */
function readInlineCode(outDir: string): InlineCode {
  const inline = noInlineCode();
  for (const page of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
    collectInlineCode(readFileSync(path.join(outDir, page), 'utf8'), inline, page);
  }
  return inline;
}

/** Where an edition is served and which inline code its pages hold (read from them unless given). */
export interface HeaderOptions {
  /** The edition's base path, e.g. `/da/informationssikkerhed/`; its `_astro/` folder gets the long cache life. */
  base?: string;
  inline?: InlineCode;
}

/** `_headers` (Netlify, Cloudflare Pages): security headers for every path, a long cache life for hashed assets. */
function netlifyHeaders(edition: string, headers: [string, string][], base: string): string[] {
  return [
    `# Sikkerhedsheadere for ${edition}-udgaven, skrevet af bygningen (Netlify- og Cloudflare Pages-format).`,
    '/*',
    ...headers.map(([name, value]) => `  ${name}: ${value}`),
    // Only the hashed assets get a Cache-Control: both hosts join values of one header from several matching rules,
    // and their default for everything else (revalidate on each use) is already the short one pages need.
    `${hashedPath(base)}*`,
    `  Cache-Control: ${hashedCacheControl(edition)}`,
    '',
  ];
}

/** `nginx-security.conf`: the headers for the including block, and a nested location for the hashed assets. */
function nginxSnippet(edition: string, headers: [string, string][], base: string): string[] {
  const lines = (list: [string, string][], indent = '') => list.map(([name, value]) => `${indent}add_header ${name} "${value}" always;`);
  return [
    `# Security headers and cache lifetimes for the ${edition} edition, written by the build. Include it once in the`,
    '# server or location block that serves the edition (a location for its base path, with root or alias):',
    '#   include /path/to/nginx-security.conf;',
    '# The nested location repeats the headers, because nginx drops inherited add_header lines in a block that sets its own.',
    ...lines([...headers, ['Cache-Control', UNHASHED_CACHE_CONTROL]]),
    `location ^~ ${hashedPath(base)} {`,
    ...lines([...headers, ['Cache-Control', hashedCacheControl(edition)]], '  '),
    '}',
    '',
  ];
}

/** Writes `_headers` and `nginx-security.conf` into the edition folder. */
export function writeSecurityHeaders(outDir: string, edition: string, options: HeaderOptions = {}): { inlineCount: number } {
  const { base = '/', inline = readInlineCode(outDir) } = options;
  const headers = securityHeaderList(inline);
  writeFileSync(path.join(outDir, '_headers'), netlifyHeaders(edition, headers, base).join('\n'));
  writeFileSync(path.join(outDir, 'nginx-security.conf'), nginxSnippet(edition, headers, base).join('\n'));
  return { inlineCount: inline.scripts.size + inline.styles.size + inline.styleAttributes.size };
}
