import { getCollection, type CollectionEntry } from 'astro:content';
import { inEdition } from '../config/editions.ts';
import { buildSections, compareDocs, type Section } from '../content/nav.ts';
import { manifest } from './manifest.ts';

/** A document entry of this edition with the facts pages show. */
export interface EditionDoc {
  id: string;
  title: string;
  type: CollectionEntry<'docs'>['data']['type'];
  folder: string;
  entry: CollectionEntry<'docs'>;
}

let cache: Promise<{ docs: EditionDoc[]; sections: Section<EditionDoc>[] }> | undefined;

/** The edition's documents and sections, computed once per build rather than once per page. */
export function editionContent(): Promise<{ docs: EditionDoc[]; sections: Section<EditionDoc>[] }> {
  cache ??= (async () => {
    // Dispensations are a register of their own (`editionDispensations`), not part of sections, navigation or the SoA's documents.
    const entries = await getCollection(
      'docs',
      (e) => inEdition(e.data, manifest.edition, { drafts: manifest.drafts }) && e.data.type !== 'dispensation',
    );
    const docs = entries
      .map((entry) => ({
        id: entry.id,
        title: entry.data.title,
        type: entry.data.type,
        folder: entry.id.includes('/') ? entry.id.split('/')[0]! : '',
        entry,
      }))
      .sort(compareDocs);
    return { docs, sections: buildSections(docs, manifest.settings.sections) };
  })();
  return cache;
}

/** The edition's dispensation entries that have a page (none in the public edition, whose stage holds none). */
export async function editionDispensations(): Promise<CollectionEntry<'docs'>[]> {
  if (!manifest.dispensations) return [];
  const paged = new Set(manifest.dispensations.entries.filter((e) => e.page).map((e) => e.id));
  return getCollection('docs', (e) => e.data.type === 'dispensation' && paged.has(e.id));
}
