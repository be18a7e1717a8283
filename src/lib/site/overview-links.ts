import type { BuildManifest } from '../build/manifest.ts';
import { SOA_PATH } from '../soa/model.ts';
import { REGISTER_PATH } from '../dispensations/status.ts';

/** Which handbook-wide pages an edition has, as paths under its base. */
export function overviewPaths(
  manifest: Pick<BuildManifest, 'edition' | 'soa' | 'dispensations'>,
): { key: 'review' | 'changes' | 'soa' | 'dispensations' | 'approvals'; path: string }[] {
  return [
    ...(manifest.edition === 'intranet' ? [{ key: 'review' as const, path: 'oversigt/' }] : []),
    ...(manifest.edition === 'intranet' ? [{ key: 'approvals' as const, path: 'oversigt/godkendelser/' }] : []),
    { key: 'changes' as const, path: 'seneste-aendringer/' },
    ...(manifest.soa ? [{ key: 'soa' as const, path: SOA_PATH }] : []),
    ...(manifest.dispensations ? [{ key: 'dispensations' as const, path: REGISTER_PATH }] : []),
  ];
}
