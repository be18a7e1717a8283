import { createIndex, close } from 'pagefind';

/** Builds the edition's Pagefind index from its own output; any indexing error fails the build. */
export async function indexEdition(outDir: string): Promise<{ pages: number }> {
  const { index, errors } = await createIndex();
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await close();
  }
}
