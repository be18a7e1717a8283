import type { APIRoute, GetStaticPaths } from 'astro';
import { editionContent } from '../../../lib/site/collection.ts';
import { approvalLog, approvalLogCsv } from '../../../lib/versions/log.ts';
import { showsVersions, hostLinks } from '../../../lib/site/versions.ts';
import { manifest, docUrl } from '../../../lib/site/manifest.ts';
import { strings } from '../../../strings/index.ts';

/** `oversigt/godkendelser/godkendelser.csv`, on the intranet only. */
export const getStaticPaths = (() => (showsVersions() ? [{ params: { file: 'godkendelser' } }] : [])) satisfies GetStaticPaths;

/** The approval log as CSV, with absolute document addresses and commit links when the repository is known. */
export const GET: APIRoute = async () => {
  const { docs } = await editionContent();
  const origin = manifest.site.replace(/\/$/, '');
  const commit = hostLinks('.').commit;
  return new Response(approvalLogCsv(approvalLog(manifest, docs), strings('da'), { doc: (id) => origin + docUrl(id), commit }), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
