import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { strings } from '../../../strings/index.ts';
import { contentFile } from './content-file.ts';

type Lang = 'da' | 'en';

/**
 * Wraps every table of a document in a labelled, focusable region that scrolls sideways: a wide table on a phone
 * scrolls inside it instead of being clipped or widening the page, and a keyboard user can reach and scroll it
 * (WCAG 2.1.1; axe's `scrollable-region-focusable`). The label, "Tabel 2", is in the document's language; a table
 * keeps its own display, so screen readers still read it as a table.
 */
export function tableRegionPlugin(contentDir: string, langOf: (id: string) => Lang | undefined): HastPluginEntry {
  return (ctx) => {
    const file = contentFile(contentDir, ctx.fileURL);
    const { tableRegion } = strings((file && langOf(file.replace(/\.mdx?$/, ''))) || 'da');
    let count = 0;
    return defineHastPlugin({
      name: 'handbook-table-region',
      element: {
        filter: ['table'],
        visit(node, c) {
          count += 1;
          c.wrapNode(node, {
            type: 'element',
            tagName: 'div',
            properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: tableRegion(count) },
            children: [],
          });
        },
      },
    });
  };
}
