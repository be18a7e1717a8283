/**
 * `npm run dev` serves the content folder and follows edits: a changed title (frontmatter, which reaches pages
 * through the manifest), a changed text (the document's module) and a new document show without a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutHandbookVars } from '../../src/lib/config/env.ts';
import { cleanup, copyFixture, ROOT } from '../helpers/index.ts';

const content = copyFixture('minimal');
const policy = path.join(content, 'politikker/sikkerhedspolitik.mdx');
let server: ChildProcess;
let origin = '';
let log = '';

/** This process's environment without `HANDBOOK_*`, vitest's variables and `NODE_ENV`. */
function devEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(withoutHandbookVars(process.env)).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(name)));
}

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** The page's HTML once `ready` holds for it, polling; the last HTML otherwise (the assertion then shows it). */
async function pageWhen(pathname: string, ready: (html: string) => boolean): Promise<string> {
  let html = '';
  for (let attempt = 0; attempt < 120; attempt++) {
    html = await fetch(`${origin}${pathname}`).then(
      (r) => r.text(),
      () => '',
    );
    if (ready(html)) return html;
    await new Promise((r) => setTimeout(r, 250));
  }
  return html;
}

beforeAll(async () => {
  // --ignore-lock: in the foreground even where Astro thinks an agent runs it (it would start a detached server),
  // and beside any other dev server of this repository.
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(ROOT, 'scripts', 'dev.ts'), '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    cwd: ROOT,
    // Not vitest's variables: with VITEST set, Astro's dev server serves no pages; NODE_ENV=test would be Vite's mode.
    env: { ...devEnv(), HANDBOOK_CONTENT: content, HANDBOOK_TODAY: '2026-11-29' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
}, 60_000);

afterAll(() => {
  server?.kill('SIGTERM');
  cleanup(path.dirname(content));
});

describe('npm run dev', () => {
  it('shows a changed title, a changed text and a new document without a restart', async () => {
    // Until its dependencies are optimised, the server may answer with an error page.
    const first = await pageWhen('/politikker/sikkerhedspolitik/', (html) => html.includes('data-pagefind-meta="title"'));
    expect(first, log).toContain('>Offentlig sikkerhedspolitik</h1>');

    const source = readFileSync(policy, 'utf8');
    writeFileSync(
      policy,
      `${source.replace('title: Offentlig sikkerhedspolitik', 'title: Omdøbt sikkerhedspolitik')}\nEn ny sætning om Vandrefalk.\n`,
    );
    const changed = await pageWhen('/politikker/sikkerhedspolitik/', (html) => html.includes('Vandrefalk') && html.includes('Omdøbt'));
    expect(changed, log).toContain('>Omdøbt sikkerhedspolitik</h1>');
    expect(changed).toContain('Vandrefalk');
    // The navigation of another page follows the new title too.
    expect(await pageWhen('/', (html) => html.includes('Omdøbt'))).toContain('Omdøbt sikkerhedspolitik');

    writeFileSync(
      path.join(content, 'politikker/ny-politik.mdx'),
      source.replace('title: Offentlig sikkerhedspolitik', 'title: Helt ny politik'),
    );
    const added = await pageWhen('/politikker/ny-politik/', (html) => html.includes('Helt ny politik'));
    expect(added, log).toContain('>Helt ny politik</h1>');
  }, 90_000);
});
