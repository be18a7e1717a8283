import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownOptions } from '../lib/markdown/options.ts';
import { MARKDOWN_SETTINGS } from '../lib/markdown/settings.ts';
import type { BuildManifest } from '../lib/build/manifest.ts';
import { yieldCpu } from '../lib/build/priority.ts';
import { copyAttachments } from './attachments.ts';
import { manifestModule } from './manifest-module.ts';
import { confineModules } from '../lib/site/confine-modules.ts';
import { REPO_ROOT } from '../lib/config/env.ts';

/** What `astro.config.mjs` hands the integration (see `astroRun`). */
export interface HandbookOptions {
  manifest: BuildManifest;
  /** The stage folder of a staged build, e.g. `/repo/.handbook-build/public-p123t456x-Ab12Cd`; absent in dev. */
  stage?: string;
  /** The public edition beside the intranet yields the CPU (see scripts/build.ts); its index is written at normal priority. */
  yieldCpu: boolean;
}

/**
 * The handbook integration: the manifest as a virtual module, link rewriting and footnote languages in Markdown and
 * MDX, and attachments. The edition's Pagefind index and security headers are written by `scripts/build-edition.ts`
 * once this Astro process has exited.
 */
export default function handbook({ manifest, stage, yieldCpu: yields }: HandbookOptions): AstroIntegration {
  return {
    name: 'handbook',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        if (yields) yieldCpu(process.pid);
        updateConfig({
          markdown: { ...MARKDOWN_SETTINGS, processor: satteri(markdownOptions(manifest)) },
          // A staged build loads modules only from the stage and the tool itself.
          vite: {
            plugins: [
              manifestModule(manifest),
              ...(stage ? [confineModules([stage, ...['src', 'node_modules', 'public'].map((d) => path.join(REPO_ROOT, d))])] : []),
            ],
          },
        });
      },
      'astro:build:done': ({ dir }) => {
        copyAttachments(manifest.contentDir, fileURLToPath(dir), manifest.attachments);
      },
    },
  };
}
