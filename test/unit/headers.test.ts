/** Security headers: the policy, hashes of inline code, and the `_headers` and nginx files the build writes. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  collectInlineCode,
  contentSecurityPolicy,
  writeSecurityHeaders,
  type InlineCode,
} from '../../src/lib/build/security-headers/write.ts';
import { headersFor, securityHeaders } from '../../src/lib/build/security-headers/read.ts';
import { cleanup, tempDir } from '../helpers/index.ts';

/** The briefing's policy, written out independently of the module. */
const BRIEFING =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const sha = (text: string) => `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`;
const empty = (): InlineCode => ({ scripts: new Set(), styles: new Set(), styleAttributes: new Set() });
const made: string[] = [];
afterAll(() => cleanup(...made));

/** An edition folder with the given pages. */
function edition(pages: Record<string, string>): string {
  const dir = tempDir('handbook-headers-');
  made.push(dir);
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}

describe('content security policy', () => {
  it("is exactly the briefing's policy when pages have no inline code", () => {
    expect(contentSecurityPolicy(empty())).toBe(BRIEFING);
  });

  it('adds a hash of each distinct inline script and style block, never unsafe-inline', () => {
    const inline = empty();
    const script = "\n  document.documentElement.dataset.js = 'ja';\n";
    collectInlineCode(`<script type="module">${script}</script><script src="/x.js"></script><style>p{color:red}</style>`, inline);
    collectInlineCode(`<script type="module">${script}</script><script type="application/ld+json">{"a":1}</script>`, inline);
    const csp = contentSecurityPolicy(inline);
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha(script)};`);
    expect(csp).toContain(`style-src 'self' ${sha('p{color:red}')};`);
    expect(csp).not.toMatch(/unsafe-inline/);
  });

  it('allows style attributes by hash of their decoded value only, with unsafe-hashes', () => {
    const inline = empty();
    collectInlineCode(`<div style="width: 50%; font-family: &quot;A&quot;"></div><p title="style=x">y</p>`, inline);
    expect(contentSecurityPolicy(inline)).toContain(`style-src 'self' 'unsafe-hashes' ${sha('width: 50%; font-family: "A"')};`);
  });

  it('refuses inline event handlers, but not text that merely looks like one', () => {
    expect(() => collectInlineCode('<button onclick="x()">Klik</button>', empty(), 'a/index.html')).toThrow(
      /^a\/index\.html: inline-hændelsen onclick=/,
    );
    expect(() =>
      collectInlineCode(
        '<p title="a onclick=b">onload=x</p><!-- <b onclick="y"> --><script>if (a<b && c>d) x.onclick = f;</script>',
        empty(),
      ),
    ).not.toThrow();
  });
});

describe('collectInlineCode on attributes written every way', () => {
  it('finds them without a value, in capitals, unquoted or after a slash-free quote, on pages full of look-alike text', () => {
    const styles = (html: string) => {
      const inline = empty();
      collectInlineCode(html, inline);
      return [...inline.styleAttributes];
    };
    expect(styles('<p>ondsindet software, one only</p><div STYLE>x</div>')).toEqual(['']);
    expect(styles('<div class=a style=color:red>x</div>')).toEqual(['color:red']);
    expect(styles('<p>ondsindet style=x</p>')).toEqual([]);
    expect(() => collectInlineCode('<button\nonClick>Klik</button>', empty(), 'b.html')).toThrow(/^b\.html: inline-hændelsen onClick=/);
    expect(() => collectInlineCode('<img src="a.png" onerror="x()">', empty(), 'c.html')).toThrow(/onerror=/);
  });

  it('reads a page in one pass as a browser does: a script’s and a style’s own tag counts, their text and comments do not', () => {
    expect(() => collectInlineCode('<script src="/a.js" onload="x()"></script>', empty(), 'd.html')).toThrow(
      /^d\.html: inline-hændelsen onload=/,
    );
    const inline = empty();
    collectInlineCode(
      '<!-- <script>alert(1)</script> --><style media="print" style="a:b">p{}</style><SCRIPT>let t = "<div style=c>";</SCRIPT><p style="d">x</p>',
      inline,
    );
    expect([...inline.scripts]).toEqual(['let t = "<div style=c>";']);
    expect([...inline.styles]).toEqual(['p{}']);
    expect([...inline.styleAttributes]).toEqual(['a:b', 'd']);
  });
});

describe('writeSecurityHeaders', () => {
  const dir = edition({
    'index.html': '<!doctype html><p>Forside</p>',
    'regler/x/index.html': "<!doctype html><script>console.log('x')</script>",
  });
  writeSecurityHeaders(dir, 'public');

  it('writes a _headers file for every path with the policy and the other security headers', () => {
    const text = readFileSync(path.join(dir, '_headers'), 'utf8');
    expect(text).toMatch(/^\/\*$/m);
    const headers = securityHeaders(dir);
    expect(headers['Content-Security-Policy']).toBe(
      BRIEFING.replace("'wasm-unsafe-eval'", `'wasm-unsafe-eval' ${sha("console.log('x')")}`),
    );
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
    expect(headers['Permissions-Policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  });

  it('writes the same headers as nginx add_header lines, with a short cache life for unhashed files', () => {
    const lines = readFileSync(path.join(dir, 'nginx-security.conf'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('add_header'));
    const parsed = Object.fromEntries(lines.map((l) => /^add_header ([\w-]+) "([^"]+)" always;$/.exec(l)!.slice(1, 3)));
    expect(parsed).toEqual({ ...securityHeaders(dir), 'Cache-Control': 'no-cache' });
  });
});

describe('cache lifetimes of hashed assets', () => {
  /** The add_header lines of the snippet's nested location for `location`, parsed. */
  const nested = (conf: string, location: string) => {
    const block = new RegExp(`^location \\^~ ${location.replace(/\//g, '\\/')} \\{\\n([\\s\\S]*?)^\\}$`, 'm').exec(conf);
    expect(block, conf).not.toBeNull();
    return Object.fromEntries([...block![1]!.matchAll(/^ {2}add_header ([\w-]+) "([^"]+)" always;$/gm)].map((m) => [m[1], m[2]]));
  };

  it('gives /_astro/ under the base path a year, immutable, repeating every security header (nginx does not inherit them)', () => {
    const dir = edition({ 'index.html': '<!doctype html><p>Forside</p>' });
    writeSecurityHeaders(dir, 'public', { base: '/da/OmDS/informationssikkerhed/' });
    const conf = readFileSync(path.join(dir, 'nginx-security.conf'), 'utf8');
    expect(nested(conf, '/da/OmDS/informationssikkerhed/_astro/')).toEqual({
      ...securityHeaders(dir),
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
    const text = readFileSync(path.join(dir, '_headers'), 'utf8');
    expect(headersFor(text, '/da/OmDS/informationssikkerhed/_astro/*')).toEqual({ 'Cache-Control': 'public, max-age=31536000, immutable' });
    // The rule for every path sets no Cache-Control: the hosts would join it with the assets' one.
    expect(headersFor(text, '/*')).not.toHaveProperty('Cache-Control');
  });

  it("keeps the intranet's assets out of shared caches", () => {
    const dir = edition({ 'index.html': '<!doctype html><p>Forside</p>' });
    writeSecurityHeaders(dir, 'intranet');
    const conf = readFileSync(path.join(dir, 'nginx-security.conf'), 'utf8');
    expect(nested(conf, '/_astro/')['Cache-Control']).toBe('private, max-age=31536000, immutable');
    expect(headersFor(readFileSync(path.join(dir, '_headers'), 'utf8'), '/_astro/*')).toEqual({
      'Cache-Control': 'private, max-age=31536000, immutable',
    });
  });
});
