import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { resolveReference } from '../../content/links.ts';
import { contentFile } from './content-file.ts';
import { basePrefix } from '../../util/base-path.ts';

/** Rewrites links to `.mdx` files, attachments and site-absolute links into edition URLs under the base path. */
export function linkRewritePlugin(contentDir: string, base: string): MdastPluginEntry {
  const prefix = basePrefix(base);
  return (ctx) => {
    const file = contentFile(contentDir, ctx.fileURL);
    if (!file) return null;
    const rewrite = (url: string, linkOnly = false): string | undefined => {
      const target = resolveReference(file, url);
      if (target.kind === 'document') return `${prefix}${target.file.replace(/\.mdx$/, '')}/${target.anchor ? `#${target.anchor}` : ''}`;
      // Attachments are published at their path inside the content folder (see copyAttachments).
      if (target.kind === 'asset' && linkOnly) return `${prefix}${target.file.split('/').map(encodeURIComponent).join('/')}`;
      if (target.kind === 'site' && prefix !== '/' && !url.startsWith(prefix)) return `${prefix}${url.slice(1)}`;
      return undefined;
    };
    return defineMdastPlugin({
      name: 'handbook-link-rewrite',
      link(node, c) {
        const next = rewrite(node.url, true);
        if (next) c.setProperty(node, 'url', next);
      },
      definition(node, c) {
        const next = rewrite(node.url);
        if (next) c.setProperty(node, 'url', next);
      },
    });
  };
}
