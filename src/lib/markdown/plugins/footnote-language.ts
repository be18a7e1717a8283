import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { strings } from '../../../strings/index.ts';
import { contentFile } from './content-file.ts';

type Lang = 'da' | 'en';

/**
 * Puts the footnote section of a document in another language than Danish into that language. One Sätteri
 * processor serves every document, and its footnote labels are Danish (see `markdownOptions`); this plugin
 * rewrites the section's heading and each back link's `aria-label` in the documents `langOf` names.
 * Astro compiles an MDX document another one imports on its own, so its footnotes follow its own language.
 */
export function footnoteLanguagePlugin(contentDir: string, langOf: (id: string) => Lang | undefined): HastPluginEntry {
  const danish = strings('da').footnotes;
  // `{reference}` is the footnote's number (`1`, or `1-2` for a second reference to it).
  const [before, after] = danish.backLabel.split('{reference}') as [string, string];
  return (ctx) => {
    const file = contentFile(contentDir, ctx.fileURL);
    const lang = file && langOf(file.replace(/\.mdx?$/, ''));
    if (!lang || lang === 'da') return null;
    const { label, backLabel } = strings(lang).footnotes;
    return defineHastPlugin({
      name: 'handbook-footnote-language',
      element: {
        filter: ['h2', 'a'],
        visit(node, c) {
          const { id, ariaLabel, dataFootnoteBackref } = node.properties as Record<string, unknown>;
          if (node.tagName === 'h2' && id === 'footnote-label') c.setProperty(node, 'children', [{ type: 'text', value: label }]);
          const isBackref = node.tagName === 'a' && dataFootnoteBackref !== undefined;
          if (isBackref && typeof ariaLabel === 'string' && ariaLabel.startsWith(before) && ariaLabel.endsWith(after)) {
            const reference = ariaLabel.slice(before.length, ariaLabel.length - after.length);
            c.setProperty(node, 'ariaLabel', backLabel.replace('{reference}', reference));
          }
        },
      },
    });
  };
}
