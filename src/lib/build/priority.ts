/** Scheduling priority of the build's processes. */
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

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
