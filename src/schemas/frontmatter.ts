import { z } from 'astro/zod';
import { addMonths, isIsoDate } from '../lib/util/dates.ts';
import { isAnnexAControl } from './annex-a.ts';
import { DOCUMENT_TYPES, type Settings } from './settings.ts';
import { dispensationFields, dispensationIssues } from './dispensation.ts';

/** A calendar date `YYYY-MM-DD`; YAML parsers that yield `Date` objects are normalised back. */
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'skal være en dato på formen ÅÅÅÅ-MM-DD' })
    .refine(isIsoDate, { error: 'skal være en gyldig dato på formen ÅÅÅÅ-MM-DD, fx 2025-04-09' }),
);

/** YAML reads `5.10` and `3.10` as the numbers 5.1 and 3.1, so ids and versions must be quoted strings. */
const quoted = (example: string) =>
  `skal stå i anførselstegn, fx "${example}" (uden dem læser YAML ${example} som tallet ${Number(example)})`;

/** The rules of the organisation that the frontmatter schema depends on. */
export type SchemaRules = Pick<Settings, 'approvalBodies' | 'reviewIntervalMonths'> &
  Partial<Pick<Settings, 'dispensationMaxMonths'>> & {
    /** Ids of the organisation's own measures, e.g. `["DST-1"]`. */
    ownMeasures?: readonly string[];
  };

/** Builds the document frontmatter schema: the one schema both `check` and the Astro collection use. */
export function createFrontmatterSchema(rules: SchemaRules) {
  const own = new Set(rules.ownMeasures ?? []);
  const enumError = (values: readonly string[]) => `skal være en af: ${values.join(', ')}`;
  return z
    .object({
      /** Document title, e.g. `Retningslinje for adgangskoder`. */
      title: z.string({ error: 'mangler (skal være en tekst)' }).trim().min(1, 'må ikke være tom'),
      /** One-line summary, e.g. `Krav til adgangskoder og flerfaktorgodkendelse.` */
      description: z.string().optional(),
      /** Document kind, e.g. `retningslinje`. */
      type: z.enum(DOCUMENT_TYPES, { error: enumError(DOCUMENT_TYPES) }),
      /** The role that owns the document, e.g. `Informationssikkerhedskoordinatoren`. */
      owner: z.string({ error: 'mangler (rollen der ejer dokumentet)' }).trim().min(1, 'må ikke være tom'),
      /** The body that approves it, e.g. `Informationssikkerhedsudvalget`. */
      approvalBody: z.enum(rules.approvalBodies as [string, ...string[]], {
        error: enumError(rules.approvalBodies),
      }),
      /** Life-cycle state, e.g. `approved`; defaults to `approved`. */
      status: z.enum(['draft', 'approved', 'retired'], { error: enumError(['draft', 'approved', 'retired']) }).default('approved'),
      /** Date of approval, e.g. `2025-04-09`; required when approved. */
      approvedOn: isoDate.optional(),
      /** Date of the next review, e.g. `2026-04-09`; required when approved. */
      nextReview: isoDate.optional(),
      /** Who may read it, e.g. `public`; defaults to `internal`: nothing is public unless it says so. */
      audience: z.enum(['public', 'internal'], { error: enumError(['public', 'internal']) }).default('internal'),
      /** Version label, e.g. `3.1`. */
      version: z.string({ error: quoted('3.1') }).optional(),
      /** Annex A control ids or own measures it implements, e.g. `["5.1", "8.24"]`. */
      controls: z
        .array(
          z.string({ error: quoted('5.10') }).refine((id) => isAnnexAControl(id) || own.has(id), {
            error: (issue) =>
              `"${String(issue.input)}" er ikke et kontrol-id fra ISO/IEC 27001:2022 Anneks A (5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34)${own.size ? ' eller en egen foranstaltning' : ''}`,
          }),
        )
        .default([]),
      /** Language of the document, e.g. `da`; defaults to `da`. */
      lang: z.enum(['da', 'en'], { error: enumError(['da', 'en']) }).default('da'),
      ...dispensationFields(isoDate),
    })
    .strict()
    .superRefine((doc, ctx) => {
      for (const issue of dispensationIssues(doc, rules.dispensationMaxMonths ?? 12))
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
      if (doc.status !== 'approved') return;
      // A dispensation has `expires` in place of `nextReview` (see dispensationIssues).
      if (doc.type === 'dispensation') {
        if (!doc.approvedOn) ctx.addIssue({ code: 'custom', path: ['approvedOn'], message: 'mangler (kræves når status er approved)' });
        return;
      }
      for (const field of ['approvedOn', 'nextReview'] as const) {
        if (!doc[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'mangler (kræves når status er approved)' });
      }
      if (!doc.approvedOn || !doc.nextReview) return;
      if (doc.nextReview <= doc.approvedOn) {
        ctx.addIssue({ code: 'custom', path: ['nextReview'], message: `skal ligge efter approvedOn (${doc.approvedOn})` });
        return;
      }
      const months = rules.reviewIntervalMonths[doc.type];
      if (months !== undefined && doc.nextReview > addMonths(doc.approvedOn, months)) {
        ctx.addIssue({
          code: 'custom',
          path: ['nextReview'],
          message: `må højst ligge ${months} måneder efter approvedOn for type ${doc.type} (senest ${addMonths(doc.approvedOn, months)})`,
        });
      }
    });
}

/** The frontmatter schema type. */
export type FrontmatterSchema = ReturnType<typeof createFrontmatterSchema>;
/** Frontmatter as written by maintainers. */
export type FrontmatterInput = z.input<FrontmatterSchema>;
/** Frontmatter with defaults applied. */
export type Frontmatter = z.output<FrontmatterSchema>;
