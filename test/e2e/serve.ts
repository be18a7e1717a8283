import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createStaticServer } from '../../src/lib/build/static-server.ts';
import { securityHeaders } from '../../src/lib/build/security-headers/read.ts';

/** The Content-Security-Policy every edition must work under (the briefing's policy). */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** The headers a test server sends: the build's `_headers` when it writes one, else the briefing's CSP. */
export function testHeaders(root: string): Record<string, string> {
  const headers = securityHeaders(root);
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-security-policy')) headers['Content-Security-Policy'] = CSP;
  return headers;
}

/** Serves an edition folder on a free localhost port; resolves to its origin and a close function. */
export async function serve(root: string, base = '/'): Promise<{ origin: string; server: Server }> {
  const server = createStaticServer({ root, base, headers: testHeaders(root) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, server };
}
