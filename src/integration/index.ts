import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import { manifest } from '../lib/site/manifest.ts';
import { MARKDOWN_SETTINGS, markdownOptions } from '../lib/markdown/options.ts';
import { yieldCpu } from '../lib/build/priority.ts';
import { copyAttachments } from './attachments.ts';
import { confineModules } from '../lib/site/confine-modules.ts';
import { REPO_ROOT } from '../lib/config/env.ts';

/**
 * The handbook integration: link rewriting and footnote languages in Markdown and MDX, and attachments. The edition's
 * Pagefind index and security headers are written by `scripts/build-edition.ts` once this Astro process has exited.
 */
export default function handbook(): AstroIntegration {
  return {
    name: 'handbook',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // The public edition beside the intranet yields the CPU (see scripts/build.ts); its index is written at normal priority.
        if (process.env.HANDBOOK_YIELD_CPU === '1') yieldCpu(process.pid);
        updateConfig({
          // A staged build loads modules only from the stage and the tool itself.
          vite: process.env.HANDBOOK_STAGE
            ? {
                plugins: [
                  confineModules([process.env.HANDBOOK_STAGE, ...['src', 'node_modules', 'public'].map((d) => path.join(REPO_ROOT, d))]),
                ],
              }
            : {},
          markdown: {
            ...MARKDOWN_SETTINGS,
            processor: satteri(markdownOptions(manifest)),
          },
        });
      },
      'astro:build:done': ({ dir }) => {
        copyAttachments(manifest.contentDir, fileURLToPath(dir), manifest.attachments);
      },
    },
  };
}
