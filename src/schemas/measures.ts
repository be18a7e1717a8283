import { z } from 'astro/zod';

/** Own measure ids: letters, a hyphen and a number, e.g. `DST-1`; never an Annex A id. */
export const OWN_MEASURE_ID = /^[A-ZÆØÅ][A-ZÆØÅ0-9]*-[0-9]+$/;

/** One of the organisation's own measures that extend Annex A. */
export const ownMeasureSchema = z
  .object({
    /** Short title, e.g. `Statistisk diskretionering`. */
    title: z.string({ error: 'mangler (en kort titel)' }).trim().min(1, 'må ikke være tom'),
    /** One-line description, e.g. `Offentliggjorte tal må ikke kunne føres tilbage til enkeltpersoner.` */
    description: z.string().trim().optional(),
  })
  .strict();

/** The own-measures file (`egne-foranstaltninger.yaml`): measures keyed by id; each entry is validated by `ownMeasureSchema` on its own. */
export const ownMeasuresSchema = z
  .object({
    /** Measures keyed by id, e.g. `{ DST-1: { title: Statistisk diskretionering } }`. */
    measures: z.record(z.string(), z.unknown(), { error: 'mangler (foranstaltninger med id som nøgle, fx DST-1: { title: ... })' }),
  })
  .strict();

/** An own measure with its id. */
export interface OwnMeasure {
  /** Id, e.g. `DST-1`. */
  id: string;
  title: string;
  description?: string;
}
