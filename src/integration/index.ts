import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import { manifest } from '../lib/site.ts';
import { MARKDOWN_SETTINGS, markdownOptions } from './markdown.ts';
import { indexEdition, startPagefindService } from './pagefind.ts';
import { yieldCpu } from '../lib/priority.ts';
import { collectInlineCode, noInlineCode, writeSecurityHeaders } from './headers.ts';
import { timed } from '../lib/timings.ts';
import { copyAttachments } from './attachments.ts';

/** The handbook integration: link rewriting in MDX, attachments, the edition's Pagefind index and security headers. */
export default function handbook(): AstroIntegration {
  return {
    name: 'handbook',
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        // The public edition beside the intranet: all of its work but Pagefind's yields the CPU (see scripts/build.ts).
        if (process.env.HANDBOOK_YIELD_CPU === '1') {
          await startPagefindService();
          yieldCpu(process.pid);
        }
        updateConfig({
          markdown: {
            ...MARKDOWN_SETTINGS,
            processor: satteri(markdownOptions(manifest)),
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // The build's garbage is collected before Pagefind indexes, Pagefind's service being the largest process.
        (globalThis as { gc?: () => void }).gc?.();
        copyAttachments(manifest.contentDir, fileURLToPath(dir), manifest.attachments);
        // The security headers' inline code is collected from the pages as Pagefind's preparation reads them.
        const inline = noInlineCode();
        const collect = (file: string, html: string) => collectInlineCode(html, inline, file);
        const { pages, english } = await timed('pagefind', manifest.edition, () =>
          indexEdition(fileURLToPath(dir), manifest.base, collect),
        );
        logger.info(`Pagefind: ${pages} sider indekseret (${manifest.edition}${english ? `, heraf ${english} på engelsk` : ''})`);
        writeSecurityHeaders(fileURLToPath(dir), manifest.edition, inline);
      },
    },
  };
}
