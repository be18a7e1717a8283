/** The public edition's leak scan: every output file searched for everything that is not public. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PhraseMatcher } from './match.ts';
import { outputText, searchForms, tokenForm } from './text.ts';
import type { LeakPattern } from './patterns.ts';
import { listFiles as listRelative } from '../util/files.ts';
import { pdfTexts } from './pdf.ts';
import type { LeakHit } from './hit.ts';

export { leakPatterns, type LeakPattern } from './patterns.ts';
export { formatLeak, type LeakHit } from './hit.ts';

/** Every file below a folder (symbolic links followed), as sorted absolute paths. */
export function listFiles(dir: string): string[] {
  return listRelative(dir).map((f) => path.join(dir, f));
}

/** A scanner prepared once for a set of patterns, applied to any number of files. */
export function leakScanner(patterns: readonly LeakPattern[]): (relPath: string, bytes: Buffer) => LeakPattern[] {
  const matcher = new PhraseMatcher(patterns.filter((p) => !p.sha256 && p.tokens.trim()).map((p) => ({ tokens: p.tokens, value: p })));
  const byHash = new Map(patterns.filter((p) => p.sha256).map((p) => [p.sha256!, p]));
  // Hits are reported in the patterns' order; sorting the few found beats filtering every pattern for each file
  // (40,935 patterns × 2,104 files at 5,000 documents: most of the scan's time).
  const order = new Map(patterns.map((p, i) => [p, i]));
  return (relPath, bytes) => {
    const found = new Set<LeakPattern>();
    if (byHash.size) {
      const copied = byHash.get(createHash('sha256').update(bytes).digest('hex'));
      if (copied) found.add(copied);
    }
    // A PDF's text is compressed: it is read back as text as well as searched as bytes.
    const pdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? pdfTexts(bytes, relPath).flatMap(searchForms) : [];
    for (const form of [tokenForm(relPath), ...searchForms(outputText(bytes)), ...pdf]) {
      for (const phrase of matcher.find(form)) found.add(phrase.value);
    }
    return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
  };
}

/**
 * Searches every file of an output folder, its path and its content, for every pattern in one pass per file:
 * gzip and Pagefind's CBOR are decoded, PDFs read back as text, HTML, JSON and URL escapes undone, and tags, whitespace, punctuation
 * and case ignored (see `tokenForm`); files are also compared byte for byte with attachments that are not public.
 */
export function scanForLeaks(outDir: string, patterns: readonly LeakPattern[]): LeakHit[] {
  if (!patterns.length) return [];
  return scanFolder(outDir, leakScanner(patterns)).hits;
}

/**
 * `scanForLeaks` with a scanner prepared beforehand (`leakScanner`), over the `part`-th of every `parts` files in
 * the listing's order (all of them by default); with how many files the folder has and how many were scanned.
 */
export function scanFolder(
  outDir: string,
  scan: ReturnType<typeof leakScanner>,
  part = 0,
  parts = 1,
): { hits: LeakHit[]; listed: number; scanned: number } {
  const hits: LeakHit[] = [];
  const files = listFiles(outDir);
  const share = files.filter((_, i) => i % parts === part);
  for (const file of share) {
    const relPath = path.relative(outDir, file).split(path.sep).join('/');
    for (const pattern of scan(relPath, readFileSync(file))) hits.push({ file: relPath, pattern });
  }
  return { hits, listed: files.length, scanned: share.length };
}
