/** What of the Statement of Applicability an edition's build may see. */
import type { Edition } from '../../schemas/settings.ts';
import type { Decision } from '../../schemas/applicability.ts';
import type { OwnMeasure } from '../../schemas/measures.ts';
import type { Handbook, HandbookDoc } from '../content/load.ts';
import { loadApplicability } from './files.ts';

/** The SoA data handed to one edition's Astro build; absent when the edition shows no SoA. */
export interface SoaManifest {
  measures: OwnMeasure[];
  decisions: Record<string, Decision>;
  /** Only controls the edition's documents name are listed (the public edition). */
  onlyNamed: boolean;
}

/** Ids the edition's documents name. */
function namedIds(docs: readonly HandbookDoc[]): Set<string> {
  return new Set(docs.flatMap((d) => d.data.controls));
}

/** Own measure ids the edition may know: all on the intranet, only those public documents carry in public. */
export function editionOwnMeasures(handbook: Handbook, docs: readonly HandbookDoc[], edition: Edition): string[] {
  const named = namedIds(docs);
  return handbook.ownMeasures.map((m) => m.id).filter((id) => edition === 'intranet' || named.has(id));
}

/** The edition's SoA: everything on the intranet; in public nothing unless `publishSoa`, then only what public documents carry. */
export function soaManifest(handbook: Handbook, docs: readonly HandbookDoc[], edition: Edition): SoaManifest | undefined {
  if (edition === 'public' && !handbook.settings.publishSoa) return undefined;
  const applicability = loadApplicability(handbook.contentDir);
  if (!applicability?.file.entries) return undefined;
  if (edition === 'intranet') return { measures: handbook.ownMeasures, decisions: applicability.decisions, onlyNamed: false };
  const named = namedIds(docs);
  const decisions = Object.fromEntries(Object.entries(applicability.decisions).filter(([id]) => named.has(id)));
  return { measures: handbook.ownMeasures.filter((m) => named.has(m.id)), decisions, onlyNamed: true };
}
