import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Content types by file extension, as a static host sends them. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.xml': 'application/xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.atom': 'application/atom+xml',
};

/** Options for serving one built edition. */
export interface StaticServerOptions {
  /** The edition's output folder. */
  root: string;
  /** Base path it is served under, e.g. `/`. */
  base?: string;
  /** Headers sent with every response, e.g. the Content-Security-Policy. */
  headers?: Record<string, string>;
}

/** Serves a built edition like a plain static host: `dir/` → `dir/index.html`, unknown paths → `404.html`. */
export function createStaticServer({ root, base = '/', headers = {} }: StaticServerOptions): Server {
  return createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const send = (status: number, body: Buffer, file: string) => {
      res.writeHead(status, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    };
    if (!pathname.startsWith(base)) return send(404, await readFile(path.join(root, '404.html')), '404.html');
    let file = path.join(root, pathname.slice(base.length));
    if (!file.startsWith(root)) return send(403, Buffer.from('forbidden'), 'x.txt');
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      send(200, await readFile(file), file);
    } catch {
      send(404, await readFile(path.join(root, '404.html')).catch(() => Buffer.from('404')), '404.html');
    }
  });
}
