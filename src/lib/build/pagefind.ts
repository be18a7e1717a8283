import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { createIndex, close } from 'pagefind';
import { listFiles } from '../util/files.ts';
import { timed } from './timings.ts';

/** Folder of the edition's main index, below the output folder. */
export const PAGEFIND_DIR = 'pagefind';
/** Extra bundle for English documents, merged into searches from the Danish search page. */
export const PAGEFIND_EN_DIR = 'pagefind/en';

/**
 * Closing tags of elements a reader sees as separate, after which Pagefind may glue the next word on
 * (it does so after `th`, `dt`, `dd`, `blockquote`, `figcaption`, `summary` …) when compressed HTML has no
 * whitespace between them. `<br>` and `<hr>` likewise.
 */
const BLOCK_END =
  /<\/(?:address|article|aside|blockquote|caption|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\s*>|<(?:br|hr)\b[^>]*>/gi;

/** Adds a space after every block-level end, so adjacent elements' words stay separate words in the index. */
export function separateBlocks(html: string): string {
  return html.replace(BLOCK_END, '$& ');
}

/** The language Pagefind will file a page under: its `<html lang>`, primary subtag. */
export function pageLanguage(html: string): string {
  const m = /<html\b[^>]*\blang="([A-Za-z]+)/i.exec(html);
  return (m?.[1] ?? 'unknown').toLowerCase();
}

/** Pagefind's UI bundles, which our search page does not load (it bundles @pagefind/component-ui itself). */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Sees every page's path (relative to the output folder) and HTML as it is read, so other checks need not read it again. */
export type PageVisitor = (file: string, html: string) => void;

/** What an edition's index holds: marked pages indexed, of them English, and pages given as rendered (not read back). */
export interface IndexResult {
  pages: number;
  english: number;
  given: number;
}

/** Runs an index's write when its turn comes (`index-gate.ts`: one edition writes at a time). */
export type WriteTurn = (write: () => Promise<void>) => Promise<void>;

type Bundle = 'main' | 'en';
type PagefindIndex = NonNullable<Awaited<ReturnType<typeof createIndex>>['index']>;

/**
 * An edition's Pagefind index, fed page by page as Astro renders them (`add`, from the Astro process through the
 * edition process), then completed from the output folder and written (`finish`). Pagefind's service indexes on the
 * other core while the renderer goes on, so after rendering only the write is left: at 1,000 documents the intranet's
 * index took 4.3 s after rendering when it was prepared and added from the folder (0.7 + 1.6 + 2.1 s), 1.9–2.1 s now.
 * Once any page marks its body (`data-pagefind-body`, every document page) Pagefind indexes only such pages, so the
 * others (history, archived versions, overviews: two thirds of the intranet at 1,000 documents) are not sent to it;
 * `onPage` still sees every page. Only an edition with no such page has all its pages indexed. Danish pages (and any
 * other language) go in `pagefind/`; English documents get their own bundle in `pagefind/en/` with English stemming,
 * which the Danish search page merges into every search.
 */
export class EditionIndex {
  private readonly outDir: string;
  private readonly onPage?: PageVisitor;
  private readonly prefix: string;
  private readonly indexes = new Map<Bundle, Promise<PagefindIndex>>();
  private readonly seen = new Set<string>();
  private readonly added: Promise<void>[] = [];
  /** Marked pages (`data-pagefind-body`) indexed, and how many of them are English. */
  private readonly marked = { pages: 0, english: 0 };
  private readonly unmarked: string[] = [];
  /** The order pages are rendered in (`order`), how far it has been indexed, and marked pages that came early. */
  private expected: string[] = [];
  private next = 0;
  private readonly waiting = new Map<string, string>();
  private failure: unknown;
  /** Pages given as rendered, before `finish`. */
  private given = 0;
  private finishing = false;

  constructor(outDir: string, base = '/', onPage?: PageVisitor) {
    this.outDir = outDir;
    this.onPage = onPage;
    this.prefix = (base.endsWith('/') ? base : `${base}/`).replace(/^\//, '');
  }

  /**
   * The files of the pages to come, in the order Astro renders them. Pages finish out of that order (Astro renders 16
   * at a time), and Pagefind numbers its pages in the order they are added: indexed in this order, the same pages
   * give the same index bytes in every build.
   */
  order(files: string[]): void {
    this.expected = files;
  }

  /** A page as rendered, by its path below the output folder (`regler/adgang/index.html`); a failure shows in `finish`. */
  add(file: string, html: string): void {
    if (this.seen.has(file)) return this.fail(new Error(`Pagefind: ${file} blev givet to gange`));
    this.seen.add(file);
    if (!this.finishing) this.given++;
    try {
      this.onPage?.(file, html);
    } catch (error) {
      return this.fail(error);
    }
    if (!html.includes('data-pagefind-body')) return void this.unmarked.push(file);
    this.marked.pages++;
    this.waiting.set(file, html);
    this.drain(false);
  }

  /** Indexes the waiting pages that are next in the order (all of them, in order and then the rest, when `all`). */
  private drain(all: boolean): void {
    for (; this.next < this.expected.length; this.next++) {
      const file = this.expected[this.next]!;
      const html = this.waiting.get(file);
      if (html !== undefined) this.indexMarked(file, html);
      else if (!this.seen.has(file) && !all) return;
    }
    if (all || !this.expected.length) for (const [file, html] of this.waiting) this.indexMarked(file, html);
  }

  /** Indexes a marked page that was waiting. */
  private indexMarked(file: string, html: string): void {
    this.waiting.delete(file);
    if (this.index(file, html) === 'en') this.marked.english++;
  }

  /**
   * Adds the pages of the output folder it was not given, waits for every page to be indexed, and writes the bundles
   * in `turn`; returns how many marked pages were indexed, and how many of them are English. Throws on any error.
   */
  async finish(turn: WriteTurn = (write) => write(), edition?: string): Promise<IndexResult> {
    this.finishing = true;
    try {
      this.drain(true);
      const files = new Set(listFiles(this.outDir).filter((f) => f.endsWith('.html')));
      const missing = [...this.seen].find((f) => !files.has(f));
      if (missing) throw new Error(`Pagefind: siden ${missing} findes ikke i udgaven`);
      await timed('pagefind-prepare', edition, async () => {
        for (const file of files) if (!this.seen.has(file)) this.add(file, await readFile(path.join(this.outDir, file), 'utf8'));
        this.drain(true);
        if (!this.marked.pages) for (const file of this.unmarked) this.index(file, await readFile(path.join(this.outDir, file), 'utf8'));
      });
      this.bundle('main'); // the main bundle is written even when it is empty
      // allSettled: no request may still be running when a failure closes the service.
      await timed('pagefind-add', edition, () => Promise.allSettled(this.added));
      if (this.failure) throw this.failure;
      await turn(() =>
        timed('pagefind-write', edition, async () => {
          for (const [bundle, index] of this.indexes) {
            const dir = path.join(this.outDir, bundle === 'en' ? PAGEFIND_EN_DIR : PAGEFIND_DIR);
            const written = await (await index).writeFiles({ outputPath: dir });
            if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
            for (const file of await readdir(dir)) if (UNUSED.test(file)) await rm(path.join(dir, file));
          }
        }),
      );
      return { ...this.marked, given: this.given };
    } finally {
      await close();
    }
  }

  /** Sends a page to the bundle of its language, with its block ends separated; returns the bundle. */
  private index(file: string, html: string): Bundle {
    const bundle: Bundle = pageLanguage(html) === 'en' ? 'en' : 'main';
    const content = separateBlocks(html);
    this.added.push(
      this.bundle(bundle)
        .then((index) => index.addHTMLFile({ sourcePath: `${this.prefix}${file}`, content }))
        .then(({ errors }) => {
          if (errors.length) throw new Error(`Pagefind: ${file}: ${errors.join('; ')}`);
        })
        .catch((error: unknown) => this.fail(error)),
    );
    return bundle;
  }

  /** The index of a bundle, created (and Pagefind's service started) on first use. */
  private bundle(bundle: Bundle): Promise<PagefindIndex> {
    let index = this.indexes.get(bundle);
    if (!index) {
      index = createIndex().then(({ index: created, errors }) => {
        if (!created) throw new Error(`Pagefind: ${errors.join('; ')}`);
        return created;
      });
      index.catch((error: unknown) => this.fail(error));
      this.indexes.set(bundle, index);
    }
    return index;
  }

  /** Keeps the first failure, for `finish`. */
  private fail(error: unknown): void {
    this.failure ??= error;
  }
}

/** Builds the edition's Pagefind index from its output folder alone (`EditionIndex` without pages given as rendered). */
export function indexEdition(
  outDir: string,
  base = '/',
  onPage?: PageVisitor,
  edition?: string,
): Promise<{ pages: number; english: number }> {
  return new EditionIndex(outDir, base, onPage).finish(undefined, edition);
}
