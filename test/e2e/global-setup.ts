import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadSettings } from '../../src/lib/config/handbook-yaml.ts';
import { cleanup, fixture, ROOT, runScript, tempDir } from '../helpers/index.ts';
import { serve } from './serve.ts';

/** What every browser test gets: where the two built editions are, and where they are served. */
export interface E2EEditions {
  out: string;
  intranet: { dir: string; url: string };
  public: { dir: string; url: string };
  /** The public edition of the search fixture, which has an English document. */
  english: { dir: string; url: string };
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
  const fixtureOut = path.join(out, 'fixture');
  const english = runScript('build', { HANDBOOK_CONTENT: fixture('search'), HANDBOOK_OUT: fixtureOut, HANDBOOK_TODAY: '2026-11-29' }, [
    'public',
  ]);
  if (english.code !== 0) throw new Error(`fixture build failed:\n${english.stdout}\n${english.stderr}`);
  const { editions } = loadSettings(path.join(ROOT, 'content'), ROOT).settings;
  const intranet = await serve(path.join(out, 'intranet'), editions.intranet.base);
  const pub = await serve(path.join(out, 'public'), editions.public.base);
  const en = await serve(path.join(fixtureOut, 'public'));
  project.provide('editions', {
    out,
    intranet: { dir: path.join(out, 'intranet'), url: `${intranet.origin}${editions.intranet.base}` },
    public: { dir: path.join(out, 'public'), url: `${pub.origin}${editions.public.base}` },
    english: { dir: path.join(fixtureOut, 'public'), url: `${en.origin}/` },
  });
  return async () => {
    await Promise.all([intranet, pub, en].map(({ server }) => new Promise((r) => server.close(r))));
    cleanup(out);
  };
}
