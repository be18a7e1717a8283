import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownOptions } from '../lib/markdown/options.ts';
import { MARKDOWN_SETTINGS } from '../lib/markdown/settings.ts';
import type { BuildManifest } from '../lib/build/manifest.ts';
import { yieldCpu } from '../lib/build/priority.ts';
import { copyAttachments } from './attachments.ts';
import { streamingPrerenderer, streamsPages } from './page-stream.ts';
import { parentPageSender } from '../lib/build/page-messages.ts';
import { DOCUMENTS_MODULE, documentsModule, MANIFEST_MODULE, manifestModule, resolvedId } from './virtual-modules.ts';
import { confineModules } from '../lib/site/confine-modules.ts';
import { REPO_ROOT } from '../lib/config/env.ts';

/** What `astro.config.mjs` hands the integration (see `astroRun`). */
export interface HandbookOptions {
  manifest: BuildManifest;
  /** The stage folder of a staged build, e.g. `/repo/.handbook-build/public-p123t456x-Ab12Cd`; absent in dev. */
  stage?: string;
  /** The public edition beside the intranet yields the CPU (see scripts/build.ts); its index is written at normal priority. */
  yieldCpu: boolean;
  /** `astro dev` only: makes the manifest anew from the content folder, after a file in it changed. */
  reload?: () => Promise<BuildManifest>;
}

/**
 * The handbook integration: the manifest and the MDX documents as virtual modules, link rewriting and footnote languages in Markdown and
 * MDX, and attachments. The edition's Pagefind index is built by `scripts/build-edition.ts` from the pages this process
 * renders, as it renders them (page-stream.ts), and written with the security headers once this process has exited.
 */
export default function handbook({ manifest, stage, yieldCpu: yields, reload }: HandbookOptions): AstroIntegration {
  let current = manifest;
  // A staged build's Astro process hands its pages to the edition process as it renders them (page-stream.ts).
  const pages = stage && streamsPages(Object.keys(manifest.documents).length) ? parentPageSender() : undefined;
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
              manifestModule(() => current),
              documentsModule(() => current),
              ...(stage ? [confineModules([stage, ...['src', 'node_modules', 'public'].map((d) => path.join(REPO_ROOT, d))])] : []),
            ],
          },
        });
      },
      'astro:server:setup': ({ server }) => {
        if (!reload) return;
        // A document's text reloads through its module; its frontmatter, review status and Git facts, a new
        // document or a removed one only with a new manifest.
        const inContent = (file: string) => !path.relative(manifest.contentDir, file).startsWith('..');
        server.watcher.add(manifest.contentDir);
        server.watcher.on('all', (event, file) => {
          if (!['add', 'change', 'unlink'].includes(event) || !inContent(file)) return;
          void reload().then(
            (next) => {
              current = next;
              for (const environment of Object.values(server.environments)) {
                for (const id of [MANIFEST_MODULE, DOCUMENTS_MODULE]) {
                  const module = environment.moduleGraph.getModuleById(resolvedId(id));
                  if (module) environment.moduleGraph.invalidateModule(module);
                }
              }
              server.ws.send({ type: 'full-reload' });
            },
            (error: unknown) => console.error(`handbook: ${error instanceof Error ? error.message : String(error)}`),
          );
        });
      },
      'astro:build:start': ({ setPrerenderer }) => {
        if (pages) setPrerenderer((defaults) => streamingPrerenderer(defaults, manifest.base, pages.send));
      },
      'astro:build:done': async ({ dir }) => {
        copyAttachments(manifest.contentDir, fileURLToPath(dir), manifest.attachments);
        await pages?.flushed();
      },
    },
  };
}
