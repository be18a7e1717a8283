import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { resolveReference } from '../lib/links.ts';

/** Rewrites links to `.mdx` files and site-absolute links into edition URLs under the base path. */
export function linkRewritePlugin(contentDir: string, base: string): MdastPluginEntry {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (ctx) => {
    if (!ctx.fileURL) return null;
    const file = path.relative(contentDir, fileURLToPath(ctx.fileURL)).split(path.sep).join('/');
    if (file.startsWith('..')) return null;
    const rewrite = (url: string): string | undefined => {
      const target = resolveReference(file, url);
      if (target.kind === 'document') return `${prefix}${target.file.replace(/\.mdx$/, '')}/${target.anchor ? `#${target.anchor}` : ''}`;
      if (target.kind === 'site' && prefix !== '/' && !url.startsWith(prefix)) return `${prefix}${url.slice(1)}`;
      return undefined;
    };
    return defineMdastPlugin({
      name: 'handbook-link-rewrite',
      link(node, c) {
        const next = rewrite(node.url);
        if (next) c.setProperty(node, 'url', next);
      },
      definition(node, c) {
        const next = rewrite(node.url);
        if (next) c.setProperty(node, 'url', next);
      },
    });
  };
}
