import type { APIRoute } from 'astro';
import { editionContent } from '../lib/site/collection.ts';
import { manifest, url, docUrl } from '../lib/site/manifest.ts';
import { SOA_PATH } from '../lib/soa/model.ts';

/** The edition's sitemap: its own pages only, documents with the date of their last change. */
export const GET: APIRoute = async () => {
  const { docs, sections } = await editionContent();
  const origin = manifest.site.replace(/\/$/, '');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const entries: { path: string; lastmod?: string }[] = [
    { path: url() },
    ...sections.filter((s) => s.folder).map((s) => ({ path: docUrl(s.folder) })),
    ...docs.map((d) => ({ path: docUrl(d.id), lastmod: manifest.docs[d.id]?.git?.lastChanged })),
    { path: url('seneste-aendringer/') },
    ...(manifest.edition === 'intranet' ? [{ path: url('oversigt/') }] : []),
    ...(manifest.soa ? [{ path: url(SOA_PATH) }] : []),
  ];
  const body = entries.map((e) => `<url><loc>${escape(origin + e.path)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`);
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body.join('\n')}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml' },
    },
  );
};
