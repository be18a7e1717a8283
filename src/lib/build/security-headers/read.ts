import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The security headers of an edition, read from the `_headers` file its build wrote (empty before one exists). */
export function securityHeaders(editionDir: string): Record<string, string> {
  const file = path.join(editionDir, '_headers');
  if (!existsSync(file)) return {};
  const headers: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (m) headers[m[1]!] = m[2]!;
  }
  return headers;
}
