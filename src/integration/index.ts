import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownOptions } from '../lib/markdown/options.ts';
import { MARKDOWN_SETTINGS } from '../lib/markdown/settings.ts';
import type { BuildManifest } from '../lib/build/manifest.ts';
import { yieldCpu } from '../lib/build/priority.ts';
import { copyAttachments } from './attachments.ts';
import { manifestModule } from './manifest-module.ts';

/** What `astro.config.mjs` hands the integration (see `astroRun`). */
export interface HandbookOptions {
  manifest: BuildManifest;
  /** The public edition beside the intranet yields the CPU (see scripts/build.ts); its index is written at normal priority. */
  yieldCpu: boolean;
}

/**
 * The handbook integration: the manifest as a virtual module, link rewriting and footnote languages in Markdown and
 * MDX, and attachments. The edition's Pagefind index and security headers are written by `scripts/build-edition.ts`
 * once this Astro process has exited.
 */
export default function handbook({ manifest, yieldCpu: yields }: HandbookOptions): AstroIntegration {
  return {
    name: 'handbook',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        if (yields) yieldCpu(process.pid);
        updateConfig({
          markdown: { ...MARKDOWN_SETTINGS, processor: satteri(markdownOptions(manifest)) },
          vite: { plugins: [manifestModule(manifest)] },
        });
      },
      'astro:build:done': ({ dir }) => {
        copyAttachments(manifest.contentDir, fileURLToPath(dir), manifest.attachments);
      },
    },
  };
}
