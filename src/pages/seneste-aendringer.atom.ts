import type { APIRoute } from 'astro';
import { editionContent } from '../lib/site/collection.ts';
import { atomFeed, latestChanges } from '../lib/site/changes.ts';
import { manifest, docUrl, url } from '../lib/site/manifest.ts';
import { formatDate } from '../lib/util/dates.ts';
import { strings } from '../strings/index.ts';

/** The edition's Atom feed of latest changes; the public one carries titles and dates only. */
export const GET: APIRoute = async () => {
  const t = strings('da');
  const { docs } = await editionContent();
  const origin = manifest.site.replace(/\/$/, '');
  const body = atomFeed(latestChanges(manifest, docs), {
    title: `${manifest.settings.handbookTitle}: ${t.git.latestTitle}`,
    pageUrl: origin + url('seneste-aendringer/'),
    feedUrl: origin + url('seneste-aendringer.atom'),
    docUrl: (id) => origin + docUrl(id),
    summary: (e) => `${e.docs.map((d) => d.title).join(', ')}: ${formatDate(e.date)}`,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml' } });
};
