/** An edition's Pagefind index built from its pages as Astro renders them (`src/integration/page-stream.ts`). */
import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { createIndex } from 'pagefind';
import { closePagefind, openIndex } from './pagefind-service.ts';
import { listFiles } from '../util/files.ts';
import { timed } from './timings.ts';
import {
  indexEdition,
  pageLanguage,
  PAGEFIND_DIR,
  PAGEFIND_EN_DIR,
  PAGEFIND_PART_DIR,
  removeUnused,
  type IndexResult,
  type PageVisitor,
  type WriteTurn,
} from './pagefind.ts';
import { basePrefix } from '../util/base-path.ts';
import { pagefindInput } from './pagefind-input.ts';
import { indexPart } from './index-plan.ts';

/** The main index, its second half in an edition in parts (`index-plan.ts`), and the English documents' bundle. */
type Bundle = 'main' | 'main-2' | 'en';
type PagefindIndex = NonNullable<Awaited<ReturnType<typeof createIndex>>['index']>;

/**
 * An edition's Pagefind index, fed page by page as Astro renders them (`add`, from the Astro process through the
 * edition process), then completed from the output folder and written (`finish`); given no page (a large edition,
 * `STREAM_MAX_DOCUMENTS`), it indexes the folder as `indexEdition` does. Pagefind's service indexes on the
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
  private readonly base: string;
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

  /** Bundles the main index is shared out over when it is built from the folder (`index-plan.ts`). */
  private readonly parts: 1 | 2;

  constructor(outDir: string, base = '/', onPage?: PageVisitor, parts: 1 | 2 = 1) {
    this.outDir = outDir;
    this.onPage = onPage;
    this.base = base;
    this.parts = parts;
    this.prefix = basePrefix(base).replace(/^\//, '');
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
      if (!this.given) return await indexEdition(this.outDir, this.base, this.onPage, edition, turn, this.parts);
      this.drain(true);
      const files = new Set(listFiles(this.outDir).filter((f) => f.endsWith('.html')));
      const missing = [...this.seen].find((f) => !files.has(f));
      if (missing) throw new Error(`Pagefind: siden ${missing} findes ikke i udgaven`);
      await timed('pagefind-prepare', edition, async () => {
        for (const file of files) if (!this.seen.has(file)) this.add(file, await readFile(path.join(this.outDir, file), 'utf8'));
        this.drain(true);
        if (!this.marked.pages) for (const file of this.unmarked) this.index(file, await readFile(path.join(this.outDir, file), 'utf8'));
      });
      // The main bundles are written even when empty: the search page names them.
      this.bundle('main');
      if (this.parts === 2) this.bundle('main-2');
      // allSettled: no request may still be running when a failure closes the service.
      await timed('pagefind-add', edition, () => Promise.allSettled(this.added));
      if (this.failure) throw this.failure;
      await turn(() => timed('pagefind-write', edition, () => this.write()));
      return { ...this.marked, given: this.given };
    } finally {
      await closePagefind();
    }
  }

  /**
   * Writes the bundles: the main one, then the English one, on the first service, and meanwhile the second half on
   * the second, into a folder beside the output, moved below `pagefind/` once both are done (neither write sees the
   * other's files).
   */
  private async write(): Promise<void> {
    const writeTo = async (bundle: Bundle, dir: string) => {
      const index = this.indexes.get(bundle);
      if (!index) return;
      const written = await (await index).writeFiles({ outputPath: dir });
      if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
      await removeUnused(dir);
    };
    const first = async () => {
      await writeTo('main', path.join(this.outDir, PAGEFIND_DIR));
      await writeTo('en', path.join(this.outDir, PAGEFIND_EN_DIR));
    };
    if (!this.indexes.has('main-2')) return first();
    const beside = await mkdtemp(path.join(path.dirname(path.resolve(this.outDir)), '.pagefind-part-'));
    try {
      const second = path.join(beside, 'bundle');
      // Both settle before a failure is thrown: no service is left writing when the stage is removed.
      for (const result of await Promise.allSettled([first(), writeTo('main-2', second)]))
        if (result.status === 'rejected') throw result.reason;
      await rename(second, path.join(this.outDir, PAGEFIND_PART_DIR));
    } finally {
      await rm(beside, { recursive: true, force: true });
    }
  }

  /** Sends a page to the bundle of its language (and half, `indexPart`), as `pagefindInput` prepares it; returns the bundle. */
  private index(file: string, html: string): Bundle {
    const bundle: Bundle = pageLanguage(html) === 'en' ? 'en' : this.parts === 2 && indexPart(file) === 1 ? 'main-2' : 'main';
    const content = pagefindInput(html);
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
      index = openIndex(undefined, bundle === 'main-2' ? 1 : 0).then(({ index: created, errors }) => {
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
