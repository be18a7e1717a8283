import type { APIRoute } from 'astro';
import { editionContent } from '../lib/collection.ts';
import { manifest, url, docUrl } from '../lib/site.ts';

/** The edition's sitemap: home, sections and documents of this edition only. */
export const GET: APIRoute = async () => {
  const { docs, sections } = await editionContent();
  const origin = manifest.site.replace(/\/$/, '');
  const paths = [url(), ...sections.filter((s) => s.folder).map((s) => docUrl(s.folder)), ...docs.map((d) => docUrl(d.id))];
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = paths.map((p) => {
    const lastmod = docs.find((d) => docUrl(d.id) === p) && manifest.docs[p.slice(url().length, -1)]?.git?.lastChanged;
    return `<url><loc>${escape(origin + p)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  });
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body.join('\n')}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
