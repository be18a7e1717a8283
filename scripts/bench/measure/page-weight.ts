/**
 * What a browser downloads to show one page: its HTML, the stylesheets and the scripts it loads up front with their
 * static imports (dynamic `import()`, such as the search UI's chunks, loads later and is not counted), gzipped at
 * level 9 as a static host would precompress them. The one measurement of page weight: README's figures
 * (`npm run bench`) and the budgets of `test/build/size.test.ts` both come from it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip bytes a browser downloads to show one page (search index and lazily loaded files not included). */
export interface PageWeight {
  /** The page's path inside the edition, e.g. `procedurer/test-af-backupkopier/index.html`. */
  page: string;
  html: number;
  css: number;
  js: number;
}

/** Gzip size of bytes or text. */
export const gzipSize = (data: Buffer | string): number => gzipSync(data, { level: 9 }).length;

/** The local stylesheets and scripts an HTML page names: stylesheets, module scripts and module preloads, as written. */
export function pageAssets(html: string): { css: string[]; js: string[] } {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}=["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1];
  const css = new Set<string>();
  const js = new Set<string>();
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (href && rel === 'stylesheet') css.add(href);
    if (href && rel === 'modulepreload') js.add(href);
  }
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    if (src) js.add(src);
  }
  const local = (urls: Set<string>) => [...urls].filter((u) => !/^[a-z]+:|^\/\//i.test(u));
  return { css: local(css), js: local(js) };
}

/** The files a page loads up front, as paths inside the edition: its stylesheets, and its scripts with their static imports. */
export function loadedFiles(editionDir: string, page: string, base = '/'): { css: string[]; js: string[] } {
  const assets = pageAssets(readFileSync(path.join(editionDir, page), 'utf8'));
  const inside = (url: string, from: string) => {
    const clean = decodeURI(url.split(/[?#]/)[0]!);
    return clean.startsWith(base) ? clean.slice(base.length) : path.posix.join(path.posix.dirname(`/${from}`), clean).slice(1);
  };
  const js = new Set<string>();
  const visit = (file: string) => {
    if (js.has(file) || !existsSync(path.join(editionDir, file))) return;
    js.add(file);
    const code = readFileSync(path.join(editionDir, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{},\s$]+from\s*)?["']([^"']+)["']/g)) visit(inside(m[1]!, file));
  };
  for (const url of assets.js) visit(inside(url, page));
  const css = assets.css.map((url) => inside(url, page)).filter((f) => existsSync(path.join(editionDir, f)));
  return { css, js: [...js] };
}

/** Gzip weight of one page and what it loads up front; URLs resolve against the edition root and its base path. */
export function pageWeight(editionDir: string, page: string, base = '/'): PageWeight | undefined {
  const file = path.join(editionDir, page);
  if (!existsSync(file)) return undefined;
  const { css, js } = loadedFiles(editionDir, page, base);
  const sum = (files: string[]) => files.reduce((n, f) => n + gzipSize(readFileSync(path.join(editionDir, f))), 0);
  return { page, html: gzipSize(readFileSync(file)), css: sum(css), js: sum(js) };
}
