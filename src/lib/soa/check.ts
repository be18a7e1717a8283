/** `check` rules for the Statement of Applicability: decisions, justifications, coverage. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Handbook, HandbookDoc } from '../content/load.ts';
import { isAnnexAControl } from '../../schemas/annex-a.ts';
import { APPLICABILITY_FILE, loadApplicability, type Applicability } from './files.ts';
import { buildSoa, type SoaDoc } from './model.ts';
import { parseLocatedYaml } from '../yaml/fields.ts';
import type { Place } from '../util/problems.ts';
import type { Problem } from '../util/problems.ts';
import { splitFrontmatter } from '../markdown/frontmatter.ts';

/** Options of the applicability check. */
export interface ApplicabilityCheckOptions {
  /** Treat an applicable control that no approved document implements as an error (`check --strict`). */
  strict: boolean;
}

/** The handbook's documents as the SoA sees them. */
export function soaDocs(docs: readonly HandbookDoc[]): SoaDoc[] {
  // A dispensation names the controls it deviates from: it implements none of them.
  return docs
    .filter((d) => d.data.type !== 'dispensation')
    .map((d) => ({ id: d.id, title: d.data.title, status: d.data.status, controls: d.data.controls }));
}

/** Validates the applicability file against the catalogue and the documents; nothing when the file is absent. */
export function checkApplicability(handbook: Handbook, options: ApplicabilityCheckOptions): Problem[] {
  const applicability = loadApplicability(handbook.contentDir);
  if (!applicability) return [];
  const { file } = applicability;
  if (!file.entries) return file.problems;
  return [
    ...file.problems,
    ...decisionProblems(handbook, applicability),
    ...coverageProblems(handbook, applicability, options),
    ...excludedUseProblems(handbook, applicability),
  ];
}

/** Every decision names a known control, and every control and own measure has a decision. */
function decisionProblems(handbook: Handbook, { file, decisions }: Applicability): Problem[] {
  const own = new Set(handbook.ownMeasures.map((m) => m.id));
  const error = (place: Place, message: string): Problem => ({ file: file.display, ...place, severity: 'error', message });
  const unknown = file.ids
    .filter((id) => !isAnnexAControl(id) && !own.has(id))
    .map((id) =>
      error(
        file.yaml.placeOf(['controls', id], true),
        `kontrol ${id}: ukendt id; brug et kontrol-id fra ISO/IEC 27001:2022 Anneks A (5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34) eller en egen foranstaltning`,
      ),
    );
  const listed = new Set(file.ids);
  const missing = buildSoa({ measures: handbook.ownMeasures, decisions }, [])
    .rows.filter((r) => !listed.has(r.id))
    .map((r) =>
      error(
        file.yaml.placeOf(['controls'], true),
        `kontrol ${r.id} (${r.title}): mangler en beslutning; tilføj "${r.id}": { applicable: true } eller { applicable: false, justification: "..." }`,
      ),
    );
  return [...unknown, ...missing];
}

/** An applicable control that no approved document implements: a warning, an error with `--strict`. */
function coverageProblems(handbook: Handbook, { file, decisions }: Applicability, options: ApplicabilityCheckOptions): Problem[] {
  const soa = buildSoa({ measures: handbook.ownMeasures, decisions }, soaDocs(handbook.docs));
  return soa.rows
    .filter((r) => r.state === 'not-covered')
    .map((r) => ({
      file: file.display,
      ...file.yaml.placeOf(['controls', r.id], true),
      severity: options.strict ? 'error' : 'warning',
      message: `kontrol ${r.id} (${r.title}) er anvendelig, men intet godkendt dokument implementerer den; angiv den under controls: i et dokument, eller fravælg den med en begrundelse`,
    }));
}

/** A document that names an excluded control: a warning at the id in its frontmatter. */
function excludedUseProblems(handbook: Handbook, { decisions }: Applicability): Problem[] {
  const problems: Problem[] = [];
  for (const doc of handbook.docs) {
    if (doc.data.status === 'retired') continue;
    doc.data.controls.forEach((id, index) => {
      const decision = Object.hasOwn(decisions, id) ? decisions[id] : undefined;
      if (decision?.applicable !== false) return;
      problems.push({
        file: doc.displayPath,
        ...frontmatterPlace(handbook.contentDir, doc.file, ['controls', index]),
        severity: 'warning',
        message: `controls[${index}]: kontrol ${id} er fravalgt i ${APPLICABILITY_FILE} (${decision.justification ?? ''}); fjern den her, eller gør den anvendelig`,
      });
    });
  }
  return problems;
}

/** Where a frontmatter field of a document was written; line 1 when it cannot be found. */
export function frontmatterPlace(contentDir: string, file: string, field: PropertyKey[]): Place {
  const source = readFileSync(path.join(contentDir, file), 'utf8');
  const { yaml } = splitFrontmatter(source);
  return yaml ? parseLocatedYaml(yaml, 2).placeOf(field) : { line: 1, col: 1 };
}
