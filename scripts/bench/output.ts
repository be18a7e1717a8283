/** Sizes of a built edition: total bytes, Pagefind index bytes, and the gzip weight of one document page. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { listFiles } from '../../src/lib/util/files.ts';

/** Size of a folder. */
export interface FolderSize {
  bytes: number;
  files: number;
}

/** Gzip bytes a browser downloads to show one page (search index and lazily loaded files not included). */
export interface PageWeight {
  /** The page's path inside the edition, e.g. `procedurer/test-af-backupkopier/index.html`. */
  page: string;
  html: number;
  css: number;
  js: number;
}

/** What one built edition weighs. */
export interface EditionSize {
  output: FolderSize;
  pagefind: FolderSize;
  htmlPages: number;
  page?: PageWeight;
}

/** Total bytes and file count below a folder (zero when it does not exist). */
export function folderSize(dir: string): FolderSize {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  const files = listFiles(dir);
  return { bytes: files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0), files: files.length };
}

/** Number of HTML files below a folder. */
function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  return listFiles(dir).filter((f) => f.endsWith('.html')).length;
}

/** Gzip size of a file (level 9, as a static host would precompress it). */
function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** The local stylesheets and scripts an HTML page loads up front: stylesheets, module scripts and module preloads. */
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

/** Gzip weight of one page and the CSS and JS it loads; URLs resolve against the edition root and its base path. */
export function pageWeight(editionDir: string, page: string, base = '/'): PageWeight | undefined {
  const file = path.join(editionDir, page);
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  const assets = pageAssets(html);
  const resolve = (url: string) => {
    const clean = url.split(/[?#]/)[0]!;
    const rel = clean.startsWith(base) ? clean.slice(base.length) : path.posix.join(path.posix.dirname(`/${page}`), clean).slice(1);
    return path.join(editionDir, decodeURI(rel));
  };
  const sum = (urls: string[]) =>
    urls
      .map(resolve)
      .filter((f) => existsSync(f))
      .reduce((n, f) => n + gzipBytes(f), 0);
  return { page, html: gzipBytes(file), css: sum(assets.css), js: sum(assets.js) };
}

/** Sizes of one edition folder, with the weight of the given document page. */
export function editionSize(editionDir: string, page: string | undefined): EditionSize {
  return {
    output: folderSize(editionDir),
    pagefind: folderSize(path.join(editionDir, 'pagefind')),
    htmlPages: countHtml(editionDir),
    page: page ? pageWeight(editionDir, page) : undefined,
  };
}
