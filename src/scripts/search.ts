/** The search page: Pagefind's Component UI, configured from the page's data attributes, in Danish. */
import { getInstanceManager, type PagefindResultData, type PagefindResults } from '@pagefind/component-ui';
import '@pagefind/component-ui/css';
import '../styles/search.css';

/** One result: title link, document type and the excerpt with the match highlighted. */
function renderResult(result: PagefindResultData): HTMLElement {
  const item = document.createElement('li');
  item.className = 'search-hit';
  const title = document.createElement('p');
  title.className = 'search-hit-title';
  const link = document.createElement('a');
  link.className = 'search-hit-link';
  link.href = result.meta?.url || result.url;
  link.textContent = result.meta?.title ?? result.url;
  title.append(link);
  const type = document.createElement('p');
  type.className = 'search-hit-type';
  type.textContent = result.meta?.type ?? '';
  const excerpt = document.createElement('p');
  excerpt.className = 'search-hit-excerpt';
  // Pagefind escapes the page text itself and adds only <mark> around matches.
  excerpt.innerHTML = result.excerpt;
  item.append(title, type, excerpt);
  return item;
}

/** Wires the components to this edition's bundles and runs the query from `?q=`, if any. */
function start(root: HTMLElement): void {
  const instance = getInstanceManager().getInstance('default');
  instance.options.bundlePath = root.dataset.bundle ?? '/pagefind/';
  // The index stores each page's full URL, base path included; Pagefind would otherwise prefix the base it derives
  // from the bundle path a second time (`/base/base/…`) under any base path but `/`.
  instance.pagefindOptions.baseUrl = '/';
  // The English bundle, and a large edition's second half of the Danish index: one search over all of them.
  const merged = [];
  if (root.dataset.mergePart) merged.push({ bundlePath: root.dataset.mergePart, baseUrl: '/' });
  if (root.dataset.mergeEn) merged.push({ bundlePath: root.dataset.mergeEn, language: 'en', baseUrl: '/' });
  if (merged.length) instance.options.mergeIndex = merged;
  instance.setTranslations(JSON.parse(root.dataset.translations ?? '{}') as Record<string, string>);
  const results = root.querySelector<PagefindResults>('pagefind-results');
  if (results) results.resultTemplate = renderResult;
  root.querySelector<HTMLElement>('[data-search-fallback]')!.hidden = true;
  root.querySelector<HTMLElement>('[data-search-ui]')!.hidden = false;
  // Keep the address in step with the query, so a search can be bookmarked or shared.
  instance.on('search', (term) => {
    const next = typeof term === 'string' && term ? `?q=${encodeURIComponent(term)}` : location.pathname;
    history.replaceState(null, '', next);
  });
  const query = new URLSearchParams(location.search).get('q')?.trim();
  if (query) instance.triggerSearch(query);
  // The reader came here to search: load the index now rather than on the first keystroke.
  else void instance.triggerLoad();
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);
