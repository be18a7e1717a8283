/** Shared by the leak tests: building a fixture, the product's scanner, and an independent search written here. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadHandbook } from '../../src/lib/content/load.ts';
import { readGit } from '../../src/lib/git/history.ts';
import { formatLeak, leakPatterns, scanForLeaks, type LeakPattern } from '../../src/lib/leaks/scan.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanup, fixture, listFiles, runScript, tempDir, type RunResult } from './index.ts';

/** The build date every leak fixture is built with. */
export const TODAY = '2026-06-01';

/** A built fixture: its content folder, output folder and the build's result. */
export interface Built {
  content: string;
  out: string;
  result: RunResult;
}

/** Builds a fixture's content folder (or any content folder) into a fresh temporary folder. */
export function build(nameOrContent: string, options: { editions?: string[]; env?: Record<string, string> } = {}): Built {
  const content = path.isAbsolute(nameOrContent) ? nameOrContent : fixture(nameOrContent);
  const out = tempDir('handbook-leak-');
  const result = runScript(
    'build',
    { HANDBOOK_CONTENT: content, HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY, ...options.env },
    options.editions ?? ['public'],
  );
  return { content, out, result };
}

/**
 * The independent check: every file of an output folder read as bytes, gunzipped when it starts with the gzip
 * magic number (Pagefind's `.pf_*` files; their CBOR strings are plain UTF-8 bytes inside), lower-cased, and
 * searched with plain `includes` for each needle, as is and URL-encoded, in its path and in its content.
 */
export function independentFindings(dir: string, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of listFiles(dir)) {
    const raw = readFileSync(path.join(dir, file));
    const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
    // Soft hyphens (table cells carry them in long words) must not hide a needle.
    const text = `${file}\n${bytes.toString('utf8')}`.replace(/\u00ad/g, '').toLowerCase();
    for (const needle of needles) {
      const forms = new Set([needle.toLowerCase(), encodeURIComponent(needle).toLowerCase()]);
      if ([...forms].some((f) => text.includes(f))) found.push(`${file}: ${needle}`);
    }
  }
  return found;
}

/** Output files whose bytes are identical to one of the given source files. */
export function copiesOf(dir: string, sources: readonly string[]): string[] {
  const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  const wanted = new Map(sources.map((s) => [hash(s), s]));
  return listFiles(dir)
    .filter((f) => wanted.has(hash(path.join(dir, f))))
    .map((f) => `${f} = ${wanted.get(hash(path.join(dir, f)))}`);
}

/** The product's scanner run directly: its patterns for a content folder (with Git data if asked) and its findings. */
export function scanner(content: string, outDir: string, withGit = false): { patterns: LeakPattern[]; hits: string[] } {
  const handbook = loadHandbook(content);
  const git = withGit ? readGit(content, new Map(handbook.docs.map((d) => [d.file, d.data.approvedOn]))) : undefined;
  const patterns = leakPatterns(handbook, git);
  return { patterns, hits: scanForLeaks(outDir, patterns).map(formatLeak) };
}

/** Root-relative links and sources in the HTML of an edition that point at nothing in it (e.g. a non-public page). */
export function danglingLinks(dir: string): string[] {
  const files = new Set(listFiles(dir));
  const dangling = new Set<string>();
  for (const file of [...files].filter((f) => f.endsWith('.html'))) {
    for (const [, url = ''] of readFileSync(path.join(dir, file), 'utf8').matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)) {
      const target = decodeURIComponent(url).replace(/^\//, '');
      if (!files.has(target) && !files.has(path.posix.join(target, 'index.html'))) dangling.add(`${file} -> ${url}`);
    }
  }
  return [...dangling].sort();
}

/** Whether the scanner searches for something containing `word` (so a clean result means it looked). */
export function scannerLooksFor(patterns: readonly LeakPattern[], word: string): boolean {
  return patterns.some((p) => p.tokens.includes(word.toLowerCase()) || p.text.toLowerCase().includes(word.toLowerCase()));
}

/** Text of one output file, for targeted assertions. */
export const read = (out: string, file: string) => readFileSync(path.join(out, file), 'utf8');

/** Builds a fixture once for a describe block; the build must succeed. Cleaned up after the file's tests. */
export function fixtureBuild(name: string, options: Parameters<typeof build>[1] = {}): () => Built {
  let built: Built;
  beforeAll(() => {
    built = build(name, options);
    expect(built.result.code, built.result.stderr).toBe(0);
  });
  afterAll(() => cleanup(built?.out ?? ''));
  return () => built;
}

/** The two checks every fixture gets: the product's scanner and the independent search, both finding nothing. */
export function itHoldsNothing(get: () => Built, needles: string[], scannerWord: string): void {
  it(`the public edition holds nothing of the non-public documents (${needles.join(', ')})`, () => {
    const pub = path.join(get().out, 'public');
    expect(independentFindings(pub, needles)).toEqual([]);
    const { patterns, hits } = scanner(get().content, pub);
    expect(scannerLooksFor(patterns, scannerWord)).toBe(true);
    expect(hits).toEqual([]);
    expect(danglingLinks(pub)).toEqual([]);
  });
}
