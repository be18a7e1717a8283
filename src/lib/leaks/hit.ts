/**
 * A leak found, and the line that reports it: what the build process needs of the scan, kept apart from the matcher
 * so the build process, which only reports, does not load it (acorn and the text forms, 27 modules) before it can
 * start the editions.
 */
import type { LeakPattern } from './patterns.ts';

/** A pattern found in an output file. */
export interface LeakHit {
  /** Path of the output file, relative to the scanned folder. */
  file: string;
  pattern: LeakPattern;
}

/** One line per hit naming the output file, what was found and the source it comes from. */
export function formatLeak(hit: LeakHit): string {
  const { what, text, source, why } = hit.pattern;
  const shown = what === 'fil' ? `en kopi af ${source}` : `${what} "${text}" fra ${source}`;
  return `læk: ${hit.file} indeholder ${shown} (${why})`;
}
