import path from 'node:path';
import { readInternalEnv, REPO_ROOT } from '../lib/config/env.ts';
import { readManifest, type BuildManifest } from '../lib/build/manifest.ts';

/** What `astro.config.mjs` needs for this run: the edition's manifest and the Astro settings that depend on it. */
export interface AstroRun {
  /** The hand-over from `npm run build`, or for `astro dev`/`astro check` one made from the content folder. */
  manifest: BuildManifest;
  /** The stage folder of a staged build; absent for dev and check. */
  stage?: string;
  /** Whether this Astro process lowers its CPU priority (the public edition beside the intranet). */
  yieldCpu: boolean;
  /** Without a stage (dev): makes the manifest anew from the content folder. */
  reload?: () => Promise<BuildManifest>;
  /** Astro settings that depend on the edition. */
  astro: { site: string; base: string; root?: string; srcDir: string; publicDir: string; outDir?: string; cacheDir?: string };
}

/** Reads this run's manifest: the staged one, or, without a stage, one made from the content folder (dev and check). */
export async function astroRun(env: NodeJS.ProcessEnv = process.env): Promise<AstroRun> {
  const { stage, yieldCpu } = readInternalEnv(env);
  // Loaded only without a stage, so a staged build never loads the content parser or reads Git.
  const dev = stage ? undefined : () => import('../lib/build/dev-manifest.ts').then((m) => m.devManifest(env));
  const manifest = dev ? await dev() : readManifest(stage!);
  return {
    manifest,
    stage,
    yieldCpu,
    reload: dev,
    astro: {
      site: manifest.site,
      base: manifest.base,
      // A staged build uses its private stage folder as Astro's root, so `.astro/`, the content cache
      // and the output of one edition or content folder can never be seen by another build.
      root: stage,
      srcDir: path.join(REPO_ROOT, 'src'),
      publicDir: path.join(REPO_ROOT, 'public'),
      outDir: stage ? path.join(stage, 'dist') : undefined,
      cacheDir: stage ? path.join(stage, 'cache') : undefined,
    },
  };
}
