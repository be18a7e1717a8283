/** `npm run dev`: the Astro dev server on the intranet edition of HANDBOOK_CONTENT, with live reload of content. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { readEnv, REPO_ROOT } from '../src/lib/config/env.ts';

const env = readEnv();
if (path.relative(REPO_ROOT, env.contentDir).startsWith('..')) {
  console.warn('advarsel: indholdsmappen ligger uden for repositoriet; MDX-import af komponenter virker kun for mapper i repositoriet.');
}
const child = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', ...process.argv.slice(2)], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
  env: { ...process.env, HANDBOOK_STAGE: '', ASTRO_TELEMETRY_DISABLED: '1' },
});
// Stopped, this process stops the dev server too, which would otherwise keep running (and keep Astro's one-server lock).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
