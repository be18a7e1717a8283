import type { APIRoute, GetStaticPaths } from 'astro';
import { editionContent } from '../lib/site/collection.ts';
import { writeCalendar } from '../lib/review/ical.ts';
import { manifest, docUrl } from '../lib/site/manifest.ts';
import { strings } from '../strings/index.ts';
import { dispensationEvents } from '../lib/dispensations/calendar.ts';

/** `review.ics` exists in the intranet edition only. */
export const getStaticPaths = (() =>
  manifest.edition === 'intranet' ? [{ params: { calendar: 'review' } }] : []) satisfies GetStaticPaths;

/** One event per approved document on its next-review date, with a UID stable across builds. */
export const GET: APIRoute = async () => {
  const t = strings('da');
  const { docs } = await editionContent();
  const origin = manifest.site.replace(/\/$/, '');
  const host = new URL(manifest.site).hostname;
  const events = docs
    .filter((d) => d.entry.data.status === 'approved' && d.entry.data.nextReview)
    .map((d) => ({
      uid: `review-${d.id.replace(/\//g, '-')}@${host}`,
      date: d.entry.data.nextReview!,
      summary: t.overview.calendarEvent(d.title),
      description: t.overview.calendarDescription(d.entry.data.owner, d.entry.data.approvalBody),
      url: origin + docUrl(d.id),
    }));
  events.push(...dispensationEvents(manifest.dispensations, { host, href: (id) => origin + docUrl(id), t: t.dispensations }));
  return new Response(writeCalendar(`${manifest.settings.handbookTitle}: ${t.overview.title}`, events, manifest.today), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
