/** Debian's nginx, run unprivileged on a loopback port, serving built editions the way a deployment would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { tempDir } from '../helpers/index.ts';

/** Debian's nginx binary (installed by `.ci/run`, like Chromium). */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** One edition folder served under a base path. */
export interface NginxSite {
  /** The edition's output folder, holding its `nginx-security.conf`. */
  dir: string;
  /** The base path it is served under, e.g. `/da/OmDS/informationssikkerhed/`. */
  base: string;
}

/** A running nginx and where it listens. */
export interface RunningNginx {
  origin: string;
  /** The generated configuration, for a failing test's message. */
  config: string;
  stop: () => Promise<void>;
}

/** A free loopback port, found by letting the kernel pick one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The location of one site as README's deployment section shows it: `root` when it is served at `/`, else `alias`
 * for its base path; the edition's own snippet for headers and cache lifetimes; its 404 page for unknown paths.
 */
export function siteLocation({ dir, base }: NginxSite): string {
  const target = base === '/' ? `root ${dir};` : `alias ${dir}/;`;
  return [
    `    location ${base} {`,
    `      ${target}`,
    `      include ${path.join(dir, 'nginx-security.conf')};`,
    `      error_page 404 ${base}404.html;`,
    '    }',
  ].join('\n');
}

/** A whole nginx configuration for an unprivileged run: temp paths, logs and pid in `work`, gzip as README advises. */
function configFor(work: string, port: number, sites: NginxSite[]): string {
  const types = existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : '';
  return `daemon off;
master_process off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 64; }
http {
  ${types}
  types { text/calendar ics; text/csv csv; application/atom+xml atom; application/wasm wasm; }
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  absolute_redirect off;
  gzip on;
  gzip_types text/css application/javascript text/javascript image/svg+xml application/json application/xml application/atom+xml text/calendar text/csv application/wasm;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
${sites.map(siteLocation).join('\n')}
  }
}
`;
}

/** Waits until something accepts requests at `origin`, or nginx exits. */
async function ready(origin: string, child: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}: ${existsSync(log) ? readFileSync(log, 'utf8') : ''}`);
    try {
      await fetch(origin);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`nginx did not answer at ${origin}`);
}

/** Starts nginx serving `sites`; stop it with the returned `stop` (which kills this one process only). */
export async function startNginx(sites: NginxSite[]): Promise<RunningNginx> {
  const work = tempDir('handbook-nginx-');
  mkdirSync(path.join(work, 'logs'));
  const port = await freePort();
  const config = configFor(work, port, sites);
  writeFileSync(path.join(work, 'nginx.conf'), config);
  const child = spawn(NGINX, ['-p', work, '-c', path.join(work, 'nginx.conf'), '-e', path.join(work, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  try {
    await ready(origin, child, path.join(work, 'error.log'));
  } catch (error) {
    child.kill();
    throw new Error(`${(error as Error).message}\n${stderr}\n${config}`);
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { origin, config, stop };
}
