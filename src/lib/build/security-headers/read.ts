import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The headers of one path rule of a `_headers` file, e.g. `/*`. */
export function headersFor(text: string, rule: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let current: string | undefined;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('#')) current = line.trim();
    const m = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (m && current === rule) headers[m[1]!] = m[2]!;
  }
  return headers;
}

/** The security headers of an edition (its `/*` rule), read from the `_headers` file its build wrote (empty before one exists). */
export function securityHeaders(editionDir: string): Record<string, string> {
  const file = path.join(editionDir, '_headers');
  return existsSync(file) ? headersFor(readFileSync(file, 'utf8'), '/*') : {};
}
