import { DOCUMENT_TYPES, type DocumentType } from '../../schemas/settings.ts';

/** The facts navigation needs about a document. */
export interface NavDoc {
  id: string;
  title: string;
  type: DocumentType;
  folder: string;
}

/** A section of the handbook: one folder, its title and documents in reading order. */
export interface Section<D extends NavDoc = NavDoc> {
  folder: string;
  title: string;
  docs: D[];
}

const TYPE_RANK = new Map<string, number>(DOCUMENT_TYPES.map((t, i) => [t, i]));

/** Reading order inside a section: by document type, then title. */
export function compareDocs(a: NavDoc, b: NavDoc): number {
  return TYPE_RANK.get(a.type)! - TYPE_RANK.get(b.type)! || a.title.localeCompare(b.title, 'da') || a.id.localeCompare(b.id);
}

/** Groups documents into sections: configured folders in their order, other folders after them alphabetically. */
export function buildSections<D extends NavDoc>(
  docs: readonly D[],
  configured: readonly { folder: string; title: string }[],
): Section<D>[] {
  const byFolder = new Map<string, D[]>();
  for (const doc of docs) byFolder.set(doc.folder, [...(byFolder.get(doc.folder) ?? []), doc]);
  const order = configured.map((s) => s.folder);
  const rest = [...byFolder.keys()].filter((f) => !order.includes(f)).sort((a, b) => a.localeCompare(b, 'da'));
  return [...order, ...rest]
    .filter((folder) => byFolder.has(folder))
    .map((folder) => ({
      folder,
      title: configured.find((s) => s.folder === folder)?.title ?? titleFromFolder(folder),
      docs: byFolder.get(folder)!.sort(compareDocs),
    }));
}

/** A readable title for an unconfigured folder: `it-drift` → `It drift`. */
export function titleFromFolder(folder: string): string {
  if (!folder) return 'Øvrige';
  const words = folder.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The previous and next document within a document's section. */
export function neighbours<D extends NavDoc>(sections: readonly Section<D>[], id: string): { previous?: D; next?: D } {
  for (const section of sections) {
    const i = section.docs.findIndex((d) => d.id === id);
    if (i >= 0) return { previous: section.docs[i - 1], next: section.docs[i + 1] };
  }
  return {};
}

/** The documents the navigation lists for an open section: all of a small section, a window around the current one of a large section. */
export function navWindow<D extends NavDoc>(docs: readonly D[], currentId: string | undefined, size = 15): { items: D[]; hidden: number } {
  if (docs.length <= size) return { items: [...docs], hidden: 0 };
  const at = Math.max(
    0,
    docs.findIndex((d) => d.id === currentId),
  );
  const start = Math.min(Math.max(0, at - Math.floor(size / 2)), docs.length - size);
  return { items: docs.slice(start, start + size), hidden: docs.length - size };
}
