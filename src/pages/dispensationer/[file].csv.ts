import type { APIRoute, GetStaticPaths } from 'astro';
import { registerCsv } from '../../lib/dispensations/csv.ts';
import { manifest, docUrl } from '../../lib/site/manifest.ts';
import { strings } from '../../strings/index.ts';

/** `dispensationer/dispensationer.csv`, only where the register is (the intranet, when the handbook has dispensations). */
export const getStaticPaths = (() => (manifest.dispensations ? [{ params: { file: 'dispensationer' } }] : [])) satisfies GetStaticPaths;

/** The register as CSV for the committee and internal audit, with absolute addresses. */
export const GET: APIRoute = () => {
  const register = manifest.dispensations;
  if (!register) return new Response(null, { status: 404 });
  const origin = manifest.site.replace(/\/$/, '');
  const doc = (id: string, anchor?: string) => `${origin}${docUrl(id)}${anchor ? `#${anchor}` : ''}`;
  return new Response(registerCsv(register, strings('da'), { doc }), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
