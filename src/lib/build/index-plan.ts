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
 * How many bundles an edition's main (Danish) index is shared out over: two when it is indexed from the folder, each
 * written by a Pagefind process of its own on a core of its own. One Pagefind process writes on about one core: for
 * the intranet's 4,851 document pages at 5,000 documents its CLI took 35.3 and 44.2 s (35.8 and 37.8 s of CPU,
 * 1.66–1.68 GB); two processes on half the pages each, side by side, 23.3 and 31.5 s (17.3–17.4 s of CPU and
 * 0.84–0.86 GB each). Two indexes in one Pagefind service are not written side by side (32.4 against 35.6 s).
 */
export const mainIndexParts = (documents: number): 1 | 2 => (streamsPages(documents) ? 1 : 2);
