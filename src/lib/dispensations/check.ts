/** `check` rules for dispensations that need more than one document's frontmatter: folder, requirement, body, acute reporting. */
import type { Handbook, HandbookDoc } from '../content/load.ts';
import { resolveReference } from '../content/links.ts';
import { frontmatterPlace } from '../soa/check.ts';
import { addDays } from '../util/dates.ts';
import type { Problem } from '../util/problems.ts';
import { DISPENSATION_FOLDER } from './status.ts';

/** Options of the dispensation check. */
export interface DispensationCheckOptions {
  /** Treat a missing or late report of an acute deviation as an error (`check --strict`). */
  strict: boolean;
}

/** Words of a heading or paragraph about the compensating measures the policy requires. */
const COMPENSATING = /alternative sikringsforanstaltninger|kompenserende (sikrings)?foranstaltninger|compensating (controls|measures)/i;

/** Whether a document is a dispensation. */
export const isDispensation = (doc: Pick<HandbookDoc, 'data'>) => doc.data.type === 'dispensation';

/** The document a dispensation deviates from and the heading it names, or why it cannot be used. */
export function requirementTarget(
  doc: HandbookDoc,
  byFile: ReadonlyMap<string, HandbookDoc>,
): { target: HandbookDoc; anchor?: string; heading?: string } | { error: string } {
  const requirement = doc.data.requirement ?? '';
  const resolved = resolveReference(doc.file, requirement);
  if (resolved.kind !== 'document') return { error: `"${requirement}" peger ikke på et dokument i indholdsmappen` };
  const target = byFile.get(resolved.file);
  if (!target) return { error: `${requirement} findes ikke, eller dets frontmatter har fejl (ingen gyldig fil ${resolved.file})` };
  if (isDispensation(target)) return { error: `${requirement} er selv en dispensation; angiv dokumentet med kravet` };
  if (target.data.status !== 'approved')
    return { error: `${target.displayPath} har status ${target.data.status}; der kan kun gives dispensation fra et godkendt dokument` };
  if (!resolved.anchor) return { target };
  const heading = target.headings.find((h) => h.id === resolved.anchor);
  if (!heading) return { error: `overskriften "#${resolved.anchor}" findes ikke i ${target.displayPath}` };
  return { target, anchor: heading.id, heading: heading.text };
}

/** Every dispensation rule across documents; problems sit at the field they concern. */
export function checkDispensations(handbook: Handbook, options: DispensationCheckOptions): Problem[] {
  const problems: Problem[] = [];
  const byFile = new Map(handbook.docs.map((d) => [d.file, d]));
  for (const doc of handbook.docs) {
    const at = (field: string, message: string, severity: Problem['severity'] = 'error') =>
      problems.push({ file: doc.displayPath, ...frontmatterPlace(handbook.contentDir, doc.file, [field]), severity, message });
    const inFolder = doc.folder === DISPENSATION_FOLDER && doc.file.split('/').length === 2;
    if (!isDispensation(doc)) {
      if (doc.folder === DISPENSATION_FOLDER)
        at(
          'type',
          `type: ${doc.data.type} hører ikke til i ${DISPENSATION_FOLDER}/; tilladt her: dispensation (flyt dokumentet til sit afsnit)`,
        );
      continue;
    }
    if (!inFolder) at('type', `type: dispensation er kun tilladt i ${DISPENSATION_FOLDER}/ (fx ${DISPENSATION_FOLDER}/${doc.slug}.mdx)`);
    if (doc.data.status === 'retired') continue;
    const target = requirementTarget(doc, byFile);
    if ('error' in target) at('requirement', `requirement: ${target.error}`);
    if (!doc.headings.some((h) => COMPENSATING.test(h.text)) && !COMPENSATING.test(doc.text))
      problems.push({
        file: doc.displayPath,
        line: 1,
        col: 1,
        severity: 'warning',
        message:
          'dispensationen beskriver ingen alternative sikringsforanstaltninger; tilføj et afsnit "## Alternative sikringsforanstaltninger" (politikkens afsnit 13)',
      });
    problems.push(...acuteProblems(doc, handbook, options));
  }
  return problems;
}

/** An acute deviation must be reported within `acuteReportDays` of `decidedOn`: missing or late is a warning, an error with `--strict`. */
function acuteProblems(doc: HandbookDoc, handbook: Handbook, options: DispensationCheckOptions): Problem[] {
  const { acute, decidedOn, reportedOn } = doc.data;
  if (!acute || !decidedOn) return [];
  const days = handbook.settings.acuteReportDays;
  const deadline = addDays(decidedOn, days);
  const severity = options.strict ? 'error' : 'warning';
  const place = (field: string) => frontmatterPlace(handbook.contentDir, doc.file, [field]);
  if (!reportedOn)
    return [
      {
        file: doc.displayPath,
        ...place('decidedOn'),
        severity,
        message: `reportedOn: mangler; en akut afvigelse skal anmeldes til formanden for Informationssikkerhedsudvalget senest ${days} dage efter decidedOn (senest ${deadline})`,
      },
    ];
  if (reportedOn <= deadline) return [];
  return [
    {
      file: doc.displayPath,
      ...place('reportedOn'),
      severity,
      message: `reportedOn: ${reportedOn} er for sent; en akut afvigelse skal anmeldes senest ${days} dage efter decidedOn (senest ${deadline}; acuteReportDays i handbook.yaml)`,
    },
  ];
}
