import { inEdition } from '../config/editions.ts';
import { buildSections, compareDocs, type Section } from '../content/nav.ts';
import { createFrontmatterSchema, type Frontmatter } from '../../schemas/frontmatter.ts';
import { manifest } from './manifest.ts';

/** A document of this edition as pages read it: its id, its file inside the content folder and its frontmatter. */
export interface DocEntry {
  /** The id: the path inside the content folder without extension, e.g. `politikker/informationssikkerhedspolitik`. */
  id: string;
  /** The staged file, relative to the content folder, e.g. `politikker/informationssikkerhedspolitik.md`. */
  file: string;
  /** The validated frontmatter. */
  data: Frontmatter;
}

/** A document entry of this edition with the facts pages show. */
export interface EditionDoc {
  id: string;
  title: string;
  type: Frontmatter['type'];
  folder: string;
  entry: DocEntry;
}

let entries: DocEntry[] | undefined;

/**
 * Every document of the edition, from the manifest (the build has parsed and validated it) rather than Astro's content
 * layer: its sync started a Vite server of its own in each Astro process, 1.9–2.6 s of a 20-document build's 4–4.6 s
 * per process. The schema runs once more on the manifest's data, so pages see exactly its output types.
 */
export function docEntries(): DocEntry[] {
  if (!entries) {
    const schema = createFrontmatterSchema(manifest.settings);
    entries = Object.entries(manifest.documents)
      .map(([id, { file, data }]) => ({ id, file, data: schema.parse(data) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return entries;
}

let cache: Promise<{ docs: EditionDoc[]; sections: Section<EditionDoc>[] }> | undefined;

/** The edition's documents and sections, computed once per build rather than once per page. */
export function editionContent(): Promise<{ docs: EditionDoc[]; sections: Section<EditionDoc>[] }> {
  cache ??= (async () => {
    // Dispensations are a register of their own (`editionDispensations`), not part of sections, navigation or the SoA's documents.
    const docs = docEntries()
      .filter((e) => inEdition(e.data, manifest.edition, { drafts: manifest.drafts }) && e.data.type !== 'dispensation')
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
export async function editionDispensations(): Promise<DocEntry[]> {
  if (!manifest.dispensations) return [];
  const paged = new Set(manifest.dispensations.entries.filter((e) => e.page).map((e) => e.id));
  return docEntries().filter((e) => e.data.type === 'dispensation' && paged.has(e.id));
}
