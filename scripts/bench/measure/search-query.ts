/** Drives the search page's Pagefind UI the way a reader does. */
import type { Page } from 'playwright-core';

/** The outcome of one query typed into the search page. */
export interface QueryResult {
  count: number;
  titles: string[];
  types: string[];
  ms: number;
}

/** Types a query the way a reader does and waits until its results (or "no results") are on screen. */
export async function query(page: Page, term: string): Promise<QueryResult> {
  const ms = await page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('pagefind-input input')!;
    const summary = document.querySelector('pagefind-summary')!;
    // The previous query's hits: the summary can name this query while they are still on screen.
    const before = new Set(document.querySelectorAll('.search-hit'));
    const fresh = () => {
      const hits = [...document.querySelectorAll('.search-hit')];
      return hits.length > 0 && hits.every((hit) => !before.has(hit));
    };
    // Pagefind shows a placeholder per result and fills in those on screen one by one, as each result's data loads:
    // the query is answered once none on screen is still a placeholder (a run read one title of the four on screen).
    const loading = () =>
      [...document.querySelectorAll('pagefind-results .pf-skeleton')].some((el) => {
        const box = el.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      });
    const done = () =>
      new RegExp(`^(\\d+ resultat(er)?|Ingen resultater) for ${q}$`).test(summary.textContent?.trim() ?? '') &&
      (/^Ingen/.test(summary.textContent!.trim()) || (fresh() && !loading()));
    const start = performance.now();
    input.focus();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise<void>((resolve, reject) => {
      const give = setTimeout(
        () =>
          reject(
            new Error(`no results for ${q}: ${summary.textContent} ${document.querySelector('pagefind-results')?.innerHTML.slice(0, 600)}`),
          ),
        10_000,
      );
      const tick = () => (done() ? (clearTimeout(give), resolve()) : setTimeout(tick, 5));
      tick();
    });
    return performance.now() - start;
  }, term);
  const summary = (await page.locator('pagefind-summary').innerText()).trim();
  const count = /^\d+/.test(summary) ? Number(summary.split(' ')[0]) : 0;
  return {
    count,
    titles: await page.locator('.search-hit-title').allInnerTexts(),
    types: await page.locator('.search-hit-type').allTextContents(),
    ms,
  };
}
