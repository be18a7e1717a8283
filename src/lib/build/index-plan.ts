/**
 * How an edition's Pagefind index is built, decided from its number of documents alone, so that the Astro process
 * (which streams the pages or not, and renders the search page that names the bundles) and the edition process
 * (which writes them) always agree.
 */

/**
 * Editions with more documents than this do not hand their pages on: the edition process indexes the folder once
 * Astro has exited, as it does for a build by hand. Beside the renderer, Pagefind's service and the pages handed on
 * held about 0.7 GB more at the peak of a 5,000-document build (2.75 and 2.89 GB against 2.41 GB, sampled per process
 * every 0.5 s); at 1,000 documents the build's peak stays at 1.5 GB.
 */
export const STREAM_MAX_DOCUMENTS = 2000;

/** Whether an edition of this many documents hands its pages on as they are rendered. */
export const streamsPages = (documents: number) => documents <= STREAM_MAX_DOCUMENTS;

/** Folder of the edition's main index, below the output folder. */
export const PAGEFIND_DIR = 'pagefind';
/** Extra bundle for English documents, merged into searches from the Danish search page. */
export const PAGEFIND_EN_DIR = 'pagefind/en';
/** The second half of a large edition's main index, merged into searches like the English bundle. */
export const PAGEFIND_PART_DIR = 'pagefind/del-2';

/**
 * From this many documents an edition's main (Danish) index is shared out over two bundles, each written by a
 * Pagefind service of its own, on a core of its own (`pagefind-service.ts`): the write comes after Astro has exited,
 * on the longest path, and one service writes on about one core. At 1,000 documents the intranet's write took
 * 3.7 s after its Astro process, with the public edition done; at 200 the public edition is the longer path and the
 * intranet's write 0.8 s. 500 lies between the two, not measured itself.
 */
export const MAIN_PARTS_FROM = 500;

/** How many bundles the main index of an edition of this many documents is shared out over. */
export const mainIndexParts = (documents: number): 1 | 2 => (documents >= MAIN_PARTS_FROM ? 2 : 1);

/**
 * Which half of a main index in two a page goes to (0: `pagefind/`, 1: `pagefind/del-2/`), by its file below the
 * output folder: a hash of the name (FNV-1a), so the same page is in the same half in every build whichever order
 * the pages come in, and the halves are of about one size.
 */
export function indexPart(file: string): 0 | 1 {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 2 === 0 ? 0 : 1;
}
