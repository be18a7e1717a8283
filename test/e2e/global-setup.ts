import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadSettings } from '../../src/lib/settings.ts';
import { cleanup, ROOT, runScript, tempDir } from '../helpers.ts';
import { serve } from './serve.ts';

/** What every browser test gets: where the two built editions are, and where they are served. */
export interface E2EEditions {
  out: string;
  intranet: { dir: string; url: string };
  public: { dir: string; url: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    editions: E2EEditions;
  }
}

/** Builds both editions of the sample handbook once and serves them for all browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const out = tempDir('handbook-e2e-');
  const build = runScript('build', { HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-11-29' });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  const { editions } = loadSettings(path.join(ROOT, 'content'), ROOT).settings;
  const intranet = await serve(path.join(out, 'intranet'), editions.intranet.base);
  const pub = await serve(path.join(out, 'public'), editions.public.base);
  project.provide('editions', {
    out,
    intranet: { dir: path.join(out, 'intranet'), url: `${intranet.origin}${editions.intranet.base}` },
    public: { dir: path.join(out, 'public'), url: `${pub.origin}${editions.public.base}` },
  });
  return async () => {
    await Promise.all([intranet, pub].map(({ server }) => new Promise((r) => server.close(r))));
    cleanup(out);
  };
}
