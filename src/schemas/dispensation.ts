/** The frontmatter fields only a dispensation (`type: dispensation`) has, and the rules between them. */
import { z } from 'astro/zod';
import { addMonths } from '../lib/util/dates.ts';

/** The dispensation fields, added to the document schema; each is an error on any other type. */
export function dispensationFields(isoDate: z.ZodType<string | undefined>) {
  return {
    /** Relative path of the document deviated from, optionally with a heading, e.g. `../retningslinjer/kryptering.mdx#mobile-enheder`. */
    requirement: z
      .string({ error: 'skal være en relativ sti til et dokument, fx ../retningslinjer/kryptering.mdx#mobile-enheder' })
      .optional(),
    /** Date the dispensation ends, e.g. `2027-03-31`; required when approved, in place of `nextReview`. */
    expires: isoDate.optional(),
    /** `true` for a deviation decided on the spot in an acute situation and reported afterwards, e.g. `true`. */
    acute: z.literal(true, { error: 'skal være true (udelad feltet for en almindelig dispensation)' }).optional(),
    /** Date an acute deviation was decided on the spot, e.g. `2026-11-20`; required when `acute: true`. */
    decidedOn: isoDate.optional(),
    /** Date an acute deviation was reported to the chair of the security committee, e.g. `2026-11-24`. */
    reportedOn: isoDate.optional(),
  };
}

/** The dispensation-only field names. */
export const DISPENSATION_FIELDS = ['requirement', 'expires', 'acute', 'decidedOn', 'reportedOn'] as const;

/** What the dispensation rules need of a parsed document. */
interface DispensationInput {
  type: string;
  status: string;
  audience: string;
  approvedOn?: string | undefined;
  nextReview?: string | undefined;
  requirement?: string | undefined;
  expires?: string | undefined;
  acute?: true | undefined;
  decidedOn?: string | undefined;
  reportedOn?: string | undefined;
}

type Issue = { path: string; message: string };

/** The rules of a dispensation's fields, or that a document of another type has none of them; one issue per field. */
export function dispensationIssues(doc: DispensationInput, maxMonths: number): Issue[] {
  if (doc.type !== 'dispensation')
    return DISPENSATION_FIELDS.filter((f) => doc[f] !== undefined).map((path) => ({
      path,
      message: 'kun tilladt for type: dispensation',
    }));
  const issues: Issue[] = [];
  if (doc.audience === 'public')
    issues.push({ path: 'audience', message: 'en dispensation er aldrig offentlig; tilladt: internal (eller udelad feltet)' });
  if (doc.nextReview !== undefined)
    issues.push({ path: 'nextReview', message: 'bruges ikke for type: dispensation; angiv udløbsdatoen i expires i stedet' });
  if (doc.requirement === undefined)
    issues.push({
      path: 'requirement',
      message: 'mangler (relativ sti til dokumentet der afviges fra, fx ../retningslinjer/kryptering.mdx)',
    });
  else if (!/^\.\.?\/[^#]+\.mdx(#[^#\s]+)?$/.test(doc.requirement))
    issues.push({
      path: 'requirement',
      message: `skal være en relativ sti til et .mdx-dokument, evt. med #overskrift, fx ../retningslinjer/kryptering.mdx#mobile-enheder`,
    });
  if (doc.acute && doc.decidedOn === undefined)
    issues.push({ path: 'decidedOn', message: 'mangler (kræves når acute er true: datoen afvigelsen blev besluttet)' });
  if (!doc.acute)
    for (const f of ['decidedOn', 'reportedOn'] as const)
      if (doc[f] !== undefined) issues.push({ path: f, message: 'kun tilladt når acute er true' });
  if (doc.acute && doc.decidedOn && doc.reportedOn && doc.reportedOn < doc.decidedOn)
    issues.push({ path: 'reportedOn', message: `må ikke ligge før decidedOn (${doc.decidedOn})` });
  if (doc.status !== 'approved') return issues;
  if (doc.expires === undefined)
    issues.push({ path: 'expires', message: 'mangler (kræves når status er approved: dispensationens udløbsdato)' });
  if (!doc.approvedOn || !doc.expires) return issues;
  if (doc.expires <= doc.approvedOn) issues.push({ path: 'expires', message: `skal ligge efter approvedOn (${doc.approvedOn})` });
  else if (doc.expires > addMonths(doc.approvedOn, maxMonths))
    issues.push({
      path: 'expires',
      message: `må højst ligge ${maxMonths} måneder efter approvedOn (senest ${addMonths(doc.approvedOn, maxMonths)}; dispensationMaxMonths i handbook.yaml)`,
    });
  return issues;
}
