import type { APIRoute, GetStaticPaths } from 'astro';
import { editionSoa } from '../../lib/site/soa.ts';
import { soaCsv } from '../../lib/soa/csv.ts';
import { manifest, docUrl } from '../../lib/site/manifest.ts';
import { strings } from '../../strings/index.ts';

/** `anvendelseserklaering/anvendelseserklaering.csv`, only when this edition shows a Statement of Applicability. */
export const getStaticPaths = (async () =>
  (await editionSoa()) ? [{ params: { file: 'anvendelseserklaering' } }] : []) satisfies GetStaticPaths;

/** The statement as CSV for auditors, with absolute document addresses. */
export const GET: APIRoute = async () => {
  const soa = await editionSoa();
  if (!soa) return new Response(null, { status: 404 });
  const origin = manifest.site.replace(/\/$/, '');
  return new Response(
    soaCsv(soa, strings('da'), (id) => origin + docUrl(id)),
    {
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    },
  );
};
