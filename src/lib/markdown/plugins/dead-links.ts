import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { resolveReference } from '../../content/links.ts';
import { contentFile } from './content-file.ts';

/** The notes the plugin writes, in the page's language, e.g. `{ deadLink: 'findes ikke længere', image: 'Billede' }`. */
export interface ArchiveNotes {
  deadLink: string;
  image: string;
}

/**
 * For archived versions: a link to a document or attachment the edition no longer has becomes its text, marked
 * (`class="dead-link"`), so an old version never carries a broken link. An image becomes its alternative text
 * (`[Billede: …]`): images of a document page go through Astro's asset pipeline, which an archived text does not.
 * Runs before the link rewrite.
 */
export function deadLinkPlugin(contentDir: string, exists: (file: string) => boolean, notes: ArchiveNotes): MdastPluginEntry {
  return (ctx) => {
    const file = contentFile(contentDir, ctx.fileURL);
    if (!file) return null;
    return defineMdastPlugin({
      name: 'handbook-dead-links',
      link(node, c) {
        const target = resolveReference(file, node.url);
        if (
          (target.kind === 'document' || target.kind === 'asset' || target.kind === 'outside') &&
          !exists('file' in target ? target.file : '')
        )
          c.replaceNode(node, {
            type: 'deadLink',
            data: { hName: 'span', hProperties: { className: ['dead-link'] } },
            children: [...node.children, { type: 'text', value: ` (${notes.deadLink})` }],
          });
      },
      image(node, c) {
        c.replaceNode(node, {
          type: 'archivedImage',
          data: { hName: 'span', hProperties: { className: ['archived-image'] } },
          children: [{ type: 'text', value: `[${notes.image}${node.alt ? `: ${node.alt}` : ''}]` }],
        });
      },
    });
  };
}
