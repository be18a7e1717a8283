import { z } from 'astro/zod';

/** One decision of the Statement of Applicability: is the control applicable, and why (not). */
export const decisionSchema = z
  .object({
    /** Whether the control applies to the organisation, e.g. `true`. */
    applicable: z.boolean({ error: 'mangler en beslutning: skriv applicable: true eller applicable: false' }),
    /** Why the control is excluded (required then) or included, e.g. `Vi udvikler ikke software selv.` */
    justification: z.string().trim().min(1, 'må ikke være tom').optional(),
  })
  .strict()
  .superRefine((decision, ctx) => {
    if (!decision.applicable && !decision.justification) {
      ctx.addIssue({
        code: 'custom',
        path: ['justification'],
        message: 'mangler: en fravalgt kontrol (applicable: false) skal have en begrundelse',
      });
    }
  });

/** The applicability file (`anvendelighed.yaml`): decisions keyed by control id; each entry is validated by `decisionSchema` on its own, so one bad entry hides no other problem. */
export const applicabilitySchema = z
  .object({
    /** Decisions keyed by control id, e.g. `{ "5.1": { applicable: true } }`. */
    controls: z.record(z.string(), z.unknown(), {
      error: 'mangler (kontrol-id\'er med applicable: true/false, fx "5.1": { applicable: true })',
    }),
  })
  .strict();

/** A decision with its defaults applied. */
export type Decision = z.output<typeof decisionSchema>;
