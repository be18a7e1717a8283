import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { closePagefind, openIndex } from './pagefind-service.ts';
import { listFiles } from '../util/files.ts';
import { timed } from './timings.ts';
import { basePrefix } from '../util/base-path.ts';
import { pagefindInput } from './pagefind-input.ts';
import { indexPart, PAGEFIND_DIR, PAGEFIND_EN_DIR, PAGEFIND_PART_DIR } from './index-plan.ts';
import { writeBundleWithProgram } from './pagefind-cli.ts';

export { PAGEFIND_DIR, PAGEFIND_EN_DIR, PAGEFIND_PART_DIR } from './index-plan.ts';

/** The language Pagefind will file a page under: its `<html lang>`, primary subtag. */
export function pageLanguage(html: string): string {
  const m = /<html\b[^>]*\blang="([A-Za-z]+)/i.exec(html);
  return (m?.[1] ?? 'unknown').toLowerCase();
}

/** Pagefind's UI bundles, which our search page does not load (it bundles @pagefind/component-ui itself). */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** What preparing a page found out: its file, its language and whether it is indexed (has `data-pagefind-body`). */
interface PreparedPage {
  file: string;
  lang: string;
  indexed: boolean;
}

/** Sees every page's path (relative to the output folder) and HTML as it is read, so other checks need not read it again. */
export type PageVisitor = (file: string, html: string) => void;

/** What an edition's index holds: marked pages indexed, of them English, and pages given as rendered (not read back from the folder). */
export interface IndexResult {
  pages: number;
  english: number;
  given: number;
}

/** Runs an index's write when its turn comes (`index-gate.ts`: one edition writes at a time). */
export type WriteTurn = (write: () => Promise<void>) => Promise<void>;

/** Pages prepared at once: enough to keep the disk busy, few enough that memory does not grow with the site. */
const BATCH = 64;

/**
 * Copies the HTML pages Pagefind indexes, as `pagefindInput` prepares them, to `<input>/<main|en>/<base path>/…`: a folder
 * per bundle laid out as the served site. Pagefind reads a folder itself faster than it takes the same pages one
 * message at a time (1.0 s against 2.6 s for 989 pages), and page by page no page is held in memory for long.
 * Once any page marks its body (`data-pagefind-body`, every document page) Pagefind indexes only such pages, so the
 * others (history, archived versions, overviews: two thirds of the intranet at 1,000 documents) are not copied for
 * it to parse; `onPage` still sees every page. Only an edition with no such page has all its pages copied.
 */
async function preparePages(outDir: string, input: string, prefix: string, onPage?: PageVisitor): Promise<PreparedPage[]> {
  const files = listFiles(outDir).filter((f) => f.endsWith('.html'));
  await mkdir(path.join(input, 'main'), { recursive: true }); // the main bundle is written even when it is empty
  const prepared: PreparedPage[] = [];
  const unmarked: string[] = [];
  const copy = async (file: string, html: string): Promise<PreparedPage> => {
    const lang = pageLanguage(html);
    const target = path.join(input, lang === 'en' ? 'en' : 'main', prefix, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, pagefindInput(html));
    return { file, lang, indexed: html.includes('data-pagefind-body') };
  };
  const inBatches = async (list: string[], each: (file: string) => Promise<PreparedPage | undefined>) => {
    for (let i = 0; i < list.length; i += BATCH) {
      // allSettled: no write may still be running when a failure removes the folder.
      for (const result of await Promise.allSettled(list.slice(i, i + BATCH).map(each))) {
        if (result.status === 'rejected') throw result.reason;
        if (result.value) prepared.push(result.value);
      }
    }
  };
  await inBatches(files, async (file) => {
    const html = await readFile(path.join(outDir, file), 'utf8');
    onPage?.(file, html);
    if (html.includes('data-pagefind-body')) return copy(file, html);
    unmarked.push(file);
    return undefined;
  });
  if (!prepared.length) await inBatches(unmarked, async (file) => copy(file, await readFile(path.join(outDir, file), 'utf8')));
  return prepared;
}

/**
 * Moves the prepared main pages of the second half (`indexPart`) from `<input>/main` to `<input>/main-2`. Returns how
 * many pages each half holds.
 */
async function splitMain(input: string, prefix: string, pages: PreparedPage[]): Promise<[number, number]> {
  const files = pages.filter((p) => p.lang !== 'en').map((p) => p.file);
  const moved = files.filter((file) => indexPart(file) === 1);
  for (const file of moved) {
    const target = path.join(input, 'main-2', prefix, file);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(input, 'main', prefix, file), target);
  }
  // The second half's folder is written even when it is empty, as the search page names it.
  await mkdir(path.join(input, 'main-2'), { recursive: true });
  return [files.length - moved.length, moved.length];
}

/** Settles both, then throws the first failure: no Pagefind process is left writing when the caller cleans up. */
async function bothSettled(a: Promise<void>, b: Promise<void>): Promise<void> {
  for (const result of await Promise.allSettled([a, b])) if (result.status === 'rejected') throw result.reason;
}

/** One Pagefind bundle written from a prepared folder of `pages` pages; throws on any indexing error. */
async function writeBundle(input: string, pages: number, outputPath: string, edition?: string): Promise<void> {
  const { index, errors } = await openIndex();
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const added = await timed('pagefind-add', edition, () => index.addDirectory({ path: input }));
  if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  if (added.page_count !== pages) throw new Error(`Pagefind: indekserede ${added.page_count} af ${pages} sider`);
  const written = await timed('pagefind-write', edition, () => index.writeFiles({ outputPath }));
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await removeUnused(outputPath);
}

/** Removes Pagefind's UI bundles from a written bundle's folder. */
export async function removeUnused(outputPath: string): Promise<void> {
  for (const file of await readdir(outputPath)) if (UNUSED.test(file)) await rm(path.join(outputPath, file));
}

/**
 * Builds the edition's Pagefind index from its own output folder, read after Astro has exited (`EditionIndex` does
 * when it was given no page as rendered: a large edition, `page-stream.ts`); any indexing error fails the build. Its steps are timed
 * (`pagefind-prepare`, `-add`, `-write`) under `edition` when given.
 * Danish pages (and any other language) go in `pagefind/`; English documents get their own bundle in
 * `pagefind/en/` with English stemming, which the Danish search page merges into every search. With `parts` 2 the
 * Danish pages are shared out over `pagefind/` and `pagefind/del-2/` (`indexPart`), written at once, the second by
 * Pagefind's program in a process of its own (`pagefind-cli.ts`); the search page merges it too.
 */
export async function indexEdition(
  outDir: string,
  base = '/',
  onPage?: PageVisitor,
  edition?: string,
  turn: WriteTurn = (write) => write(),
  parts: 1 | 2 = 1,
): Promise<IndexResult> {
  const prefix = basePrefix(base);
  // Beside the output (in a build, inside the private stage folder, which the build removes even if this process dies).
  const input = await mkdtemp(path.join(path.dirname(path.resolve(outDir)), '.pagefind-input-'));
  try {
    const { pages, halves } = await timed('pagefind-prepare', edition, async () => {
      const prepared = await preparePages(outDir, input, prefix, onPage);
      return { pages: prepared, halves: parts === 2 ? await splitMain(input, prefix, prepared) : undefined };
    });
    const english = pages.filter((p) => p.lang === 'en');
    // Added and written in the turn: Pagefind's service is at its largest from here on.
    await turn(async () => {
      const main = async () => {
        await writeBundle(path.join(input, 'main'), halves?.[0] ?? pages.length - english.length, path.join(outDir, PAGEFIND_DIR), edition);
        if (english.length) await writeBundle(path.join(input, 'en'), english.length, path.join(outDir, PAGEFIND_EN_DIR), edition);
      };
      if (!halves) return main();
      // Written beside, and moved below `pagefind/` once both are done, so neither write sees the other's files.
      const second = path.join(input, 'bundle-2');
      const half = timed('pagefind-part', edition, () => writeBundleWithProgram(path.join(input, 'main-2'), halves[1], second));
      await bothSettled(main(), half);
      await removeUnused(second);
      await rename(second, path.join(outDir, PAGEFIND_PART_DIR));
    });
    const count = (list: PreparedPage[]) => list.filter((p) => p.indexed).length;
    return { pages: count(pages), english: count(english), given: 0 };
  } finally {
    await rm(input, { recursive: true, force: true });
    await closePagefind();
  }
}
