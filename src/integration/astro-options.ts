import path from 'node:path';
import { REPO_ROOT } from '../lib/config/env.ts';
import { manifest } from '../lib/site/manifest.ts';

/** Astro settings that depend on the edition being built. */
export function astroSettings(env: NodeJS.ProcessEnv = process.env) {
  const stage = env.HANDBOOK_STAGE;
  return {
    site: manifest.site,
    base: manifest.base,
    // A staged build uses its private stage folder as Astro's root, so `.astro/`, the content cache
    // and the output of one edition or content folder can never be seen by another build.
    root: stage,
    srcDir: path.join(REPO_ROOT, 'src'),
    publicDir: path.join(REPO_ROOT, 'public'),
    outDir: stage ? path.join(stage, 'dist') : undefined,
    cacheDir: stage ? path.join(stage, 'cache') : undefined,
  };
}
