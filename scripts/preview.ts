/** `npm run preview`: serves the built editions on localhost, intranet on 4321 and public on 4322. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readEnv } from '../src/lib/config/env.ts';
import { createStaticServer } from '../src/lib/build/static-server.ts';
import { loadSettings } from '../src/lib/config/handbook-yaml.ts';
import { securityHeaders } from '../src/lib/build/security-headers/read.ts';

const env = readEnv();
const { settings } = loadSettings(env.contentDir, path.dirname(env.contentDir));
const ports = { intranet: Number(process.env.PORT ?? 4321), public: Number(process.env.PORT ?? 4321) + 1 };
for (const edition of ['intranet', 'public'] as const) {
  const root = path.join(env.outDir, edition);
  if (!existsSync(root)) {
    console.warn(`${root} findes ikke; kør npm run build først`);
    continue;
  }
  const base = settings.editions[edition].base;
  createStaticServer({ root, base, headers: securityHeaders(root) }).listen(ports[edition], '127.0.0.1', () => {
    console.log(`${edition}: http://localhost:${ports[edition]}${base}`);
  });
}
