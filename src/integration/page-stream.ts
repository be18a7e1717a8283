/**
 * In a staged build, each page the Astro process renders goes to its parent, the edition process, as it is rendered
 * (an IPC message), so the edition's Pagefind index is built on the other core while the renderer goes on
 * (`src/lib/build/pagefind.ts`). The parent is the same edition's process: no page reaches another edition.
 */
import type { AstroPrerenderer } from 'astro';
import type { PageMessage, PageOrder } from '../lib/build/page-messages.ts';
import { basePrefix } from '../lib/util/base-path.ts';

// Whether an edition hands its pages on is the index's plan (src/lib/build/index-plan.ts).
export { STREAM_MAX_DOCUMENTS, streamsPages } from '../lib/build/index-plan.ts';

/** Astro's prerenderer's answer: a response, or a response with incremental-build metadata. */
type Rendered = Awaited<ReturnType<AstroPrerenderer['render']>>;

/**
 * The file a page is written to below the output folder (`build.format: 'directory'`, trailing slashes), from its
 * path below the base (`retningslinjer/kryptering/` → `retningslinjer/kryptering/index.html`); undefined for the
 * status pages (written as `404.html`), which the edition process reads from the folder instead.
 */
export function pageFile(relative: string): string | undefined {
  const trimmed = relative.replace(/^\/+|\/+$/g, '');
  if (STATUS_PAGES.has(trimmed)) return undefined;
  return trimmed ? `${trimmed}/index.html` : 'index.html';
}

/** Pages Astro writes as `<name>.html` rather than `<name>/index.html`. */
const STATUS_PAGES = new Set(['404', '500']);

/** Whether a route is the document page (`src/pages/[...path].astro`), the page Pagefind indexes. */
const isDocumentPage = (component: string) => component.replaceAll('\\', '/').endsWith('src/pages/[...path].astro');

/** A request's path below the base, or undefined outside it. */
function belowBase(url: string, base: string): string | undefined {
  const prefix = basePrefix(base);
  const pathname = decodeURI(new URL(url).pathname);
  return pathname.startsWith(prefix) ? pathname.slice(prefix.length) : undefined;
}

/** Astro's prerenderer, each HTML page it renders also handed to `send` (its bytes unchanged for Astro to write). */
export function streamingPrerenderer(
  defaults: AstroPrerenderer,
  base: string,
  send: (message: PageMessage | PageOrder) => void,
): AstroPrerenderer {
  return {
    ...defaults,
    name: `${defaults.name}+handbook-pages`,
    async getStaticPaths() {
      // Document pages first: they are the ones indexed, so the index is built beside the rest of the rendering
      // (Astro orders a rest route such as theirs last). The order of rendering changes no page.
      const all = await defaults.getStaticPaths();
      const paths = [...all.filter((p) => isDocumentPage(p.route.component)), ...all.filter((p) => !isDocumentPage(p.route.component))];
      // The order pages are rendered in, so the index adds them in it whatever order they finish in.
      send({ order: paths.flatMap(({ pathname, route }) => (route.type === 'page' ? (pageFile(pathname) ?? []) : [])) });
      return paths;
    },
    async render(request, options) {
      const rendered: Rendered = await defaults.render(request, options);
      const response = rendered instanceof Response ? rendered : rendered.response;
      const relative = options.routeData.type === 'page' ? belowBase(request.url, base) : undefined;
      const file = relative === undefined ? undefined : pageFile(relative);
      if (!file || response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return rendered;
      const body = Buffer.from(await response.arrayBuffer());
      send({ page: { file, html: body } });
      const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      return rendered instanceof Response ? copy : { ...rendered, response: copy };
    },
  };
}
