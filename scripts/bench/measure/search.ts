/**
 * Search latency, a benchmark figure rather than a test assertion (wall-clock times on a shared machine would make a
 * test flaky): the built intranet is served on loopback, Debian's Chromium opens its search page, and each query is
 * timed from the keystroke to its first result on screen, once the first query has loaded the index.
 */
import type { AddressInfo } from 'node:net';
import { createStaticServer } from '../../../src/lib/build/static-server.ts';
import { securityHeaders } from '../../../src/lib/build/security-headers/read.ts';
import { findChromium, launchChromium, READER_CHROMIUM_CANDIDATES } from '../../../src/lib/build/pdf/browser.ts';
import { readEnv } from '../../../src/lib/config/env.ts';
import { query } from './search-query.ts';

/** Milliseconds per query, and their median; undefined without Chromium. */
export interface SearchLatency {
  median: number;
  times: Record<string, number>;
}

/** Search terms from the handbook's own titles: the longest word of each of seven titles spread over it. */
export function searchTerms(titles: readonly string[], count = 7): string[] {
  const words = titles.map((t) =>
    t
      .split(/\s+/)
      .sort((a, b) => b.length - a.length || a.localeCompare(b))[0]!
      .toLowerCase(),
  );
  const unique = [...new Set(words.filter((w) => /^\p{L}{5,}$/u.test(w)))];
  return Array.from({ length: Math.min(count, unique.length) }, (_, i) => unique[Math.floor((i * unique.length) / count)]!);
}

/** Times `terms` on the edition's search page; undefined when no Chromium is installed. */
export async function searchLatency(editionDir: string, terms: readonly string[]): Promise<SearchLatency | undefined> {
  let chromium: string;
  try {
    // A reader's browser, not the headless shell the PDFs print on.
    chromium = findChromium(readEnv().chromiumPath, READER_CHROMIUM_CANDIDATES);
  } catch {
    return undefined;
  }
  const server = createStaticServer({ root: editionDir, headers: securityHeaders(editionDir) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium(chromium);
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/soeg/`);
    await query(page, terms[0]!);
    const times: Record<string, number> = {};
    for (const term of terms.slice(1)) times[term] = Math.round((await query(page, term)).ms);
    const sorted = Object.values(times).sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, times };
  } finally {
    await browser.close();
    server.close();
  }
}
