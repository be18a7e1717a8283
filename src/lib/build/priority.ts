/** Scheduling priority of the build's processes. */
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * The public edition yields only in a handbook of at least this many documents. Below, both editions' work is mostly
 * the same fixed cost (Astro's start, Vite, Pagefind), and the yielding edition became the longer path: at 20
 * documents builds without yielding were faster in 5 of 6 alternating pairs (medians 4.58 against 4.87 s), at 200
 * documents slower in 4 of 5 (8.19 against 7.16 s). Between the two it was not measured.
 */
export const PUBLIC_YIELD_FROM = 100;

/** Whether an edition's processes yield the CPU: the public edition's, beside the intranet's, in a large handbook. */
export const editionYields = (edition: string, editions: readonly string[], documents: number): boolean =>
  edition === 'public' && editions.includes('intranet') && documents >= PUBLIC_YIELD_FROM;

/**
 * The lowest scheduling priority, for the public edition's work when both editions build: the intranet, with five
 * times the pages, is the longer path, and the public build then runs in the time the intranet's leaves free
 * (at 1,000 documents on two cores, 23.8 → 20.5 s in back-to-back builds). `pid` 0 is the calling thread. A
 * `niceness` between, such as the intranet's indexing beside its own renderer, lets that work yield to Astro alone.
 */
export function yieldCpu(pid: number | undefined, niceness = 19): void {
  if (pid === undefined) return;
  // Linux keeps a priority per thread; threads a process starts later inherit it, those it has already started are listed here.
  let threads: number[] = [];
  try {
    threads = pid ? readdirSync(`/proc/${pid}/task`).map(Number) : [];
  } catch {
    // Not Linux.
  }
  for (const id of new Set([pid, ...threads])) {
    try {
      setPriority(id, niceness);
    } catch {
      // Not permitted or not supported here: the build is only slower.
    }
  }
}
