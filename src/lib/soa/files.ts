/** Reads the SoA data files of a content folder: own measures and applicability decisions, with positions. */
import path from 'node:path';
import type { z } from 'astro/zod';
import { issuesToProblems, yamlProblems, type IssueWording } from '../yaml/validate.ts';
import { applicabilitySchema, decisionSchema, type Decision } from '../../schemas/applicability.ts';
import { OWN_MEASURE_ID, ownMeasureSchema, ownMeasuresSchema, type OwnMeasure } from '../../schemas/measures.ts';
import { parseLocatedYaml, type LocatedYaml } from '../yaml/fields.ts';
import type { Problem } from '../util/problems.ts';
import { DATA_LIMITS, isPresent, readSource } from '../util/read-source.ts';

/** The applicability file's name inside the content folder. */
export const APPLICABILITY_FILE = 'anvendelighed.yaml';
/** The own-measures file's name inside the content folder. */
export const OWN_MEASURES_FILE = 'egne-foranstaltninger.yaml';

/** A parsed data file: its display path, positions, valid entries and the ids of all entries. */
export interface DataFile<T> {
  display: string;
  yaml: LocatedYaml;
  /** Valid entries by id; undefined when the file as a whole is unusable (YAML or top-level errors). */
  entries?: Record<string, T>;
  /** Every id written in the file, valid or not. */
  ids: string[];
  problems: Problem[];
}

/** The applicability decisions of a content folder. */
export interface Applicability {
  file: DataFile<Decision>;
  decisions: Record<string, Decision>;
}

/** Unquoted keys such as `5.10:` that YAML reads as the number 5.1. */
const NUMERIC_KEY = /^(\s*)(\d+\.\d*0)\s*:/;

/** Flags unquoted control ids ending in 0, which YAML would silently read as another control. */
function numericKeyProblems(source: string, display: string): Problem[] {
  return source.split('\n').flatMap((line, i) => {
    const match = NUMERIC_KEY.exec(line);
    if (!match) return [];
    const message = `kontrol-id'et ${match[2]} skal stå i anførselstegn ("${match[2]}"); ellers læses det som tallet ${Number(match[2])}`;
    return [{ file: display, line: i + 1, col: match[1]!.length + 1, message, severity: 'error' as const }];
  });
}

/** Names a field path inside a data file, e.g. `kontrol 5.3, justification`. */
function label(path: readonly PropertyKey[]): string {
  const [top, id, ...rest] = path.map(String);
  if (id === undefined) return top ?? '(filen)';
  const what = top === 'controls' ? 'kontrol' : 'foranstaltning';
  return rest.length ? `${what} ${id}, ${rest.join('.')}` : `${what} ${id}`;
}

/** How the SoA data files word their problems: `kontrol 5.1, applicable`, zod's own messages. */
const wording = (spec: Pick<DataFileSpec<unknown>, 'key' | 'fields'>): IssueWording => ({
  label,
  allowed: (at) => (at.length ? spec.fields : spec.key),
  plain: true,
});

/** How one data file is read: its name, top-level schema, list key and per-entry schema. */
interface DataFileSpec<T> {
  name: string;
  schema: z.ZodType;
  key: 'controls' | 'measures';
  entry: z.ZodType<T>;
  /** The entry fields, for "unknown field" messages. */
  fields: string;
  /** Checks an entry's id, e.g. its form; returns a message when it is wrong. */
  checkId?: (id: string) => string | undefined;
}

/** Reads one YAML data file, validating each entry on its own; undefined when the file does not exist. */
function readDataFile<T>(contentDir: string, displayRoot: string, spec: DataFileSpec<T>): DataFile<T> | undefined {
  const file = path.join(contentDir, spec.name);
  if (!isPresent(file)) return undefined;
  const display = path.relative(displayRoot, file).split(path.sep).join('/');
  const read = readSource(file, DATA_LIMITS);
  if ('problem' in read)
    return { display, yaml: parseLocatedYaml(''), ids: [], problems: [{ file: display, severity: 'error', ...read.problem }] };
  const source = read.text;
  const yaml = parseLocatedYaml(source);
  if (yaml.errors.length) {
    return {
      display,
      yaml,
      ids: [],
      problems: yamlProblems(yaml, display),
    };
  }
  const top = spec.schema.safeParse(yaml.value ?? {}, { reportInput: true });
  if (!top.success) return { display, yaml, ids: [], problems: issuesToProblems(top.error.issues, yaml, display, wording(spec)) };
  const raw = (top.data as Record<string, Record<string, unknown>>)[spec.key]!;
  const problems = numericKeyProblems(source, display);
  const entries: Record<string, T> = {};
  for (const [id, value] of Object.entries(raw)) {
    const idProblem = spec.checkId?.(id);
    if (idProblem)
      problems.push({
        file: display,
        ...yaml.placeOf([spec.key, id], true),
        severity: 'error',
        message: `${label([spec.key, id])}: ${idProblem}`,
      });
    const result = spec.entry.safeParse(value ?? {}, { reportInput: true });
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({ ...i, path: [spec.key, id, ...i.path] }));
      problems.push(...issuesToProblems(issues, yaml, display, wording(spec)));
    } else if (!idProblem) entries[id] = result.data;
  }
  return { display, yaml, entries, ids: Object.keys(raw), problems };
}

/** Reads the own measures; none when the file is absent. */
export function loadOwnMeasures(
  contentDir: string,
  displayRoot = path.dirname(contentDir),
): { measures: OwnMeasure[]; problems: Problem[] } {
  const file = readDataFile(contentDir, displayRoot, {
    name: OWN_MEASURES_FILE,
    schema: ownMeasuresSchema,
    key: 'measures',
    entry: ownMeasureSchema,
    fields: 'title, description',
    checkId: (id) => (OWN_MEASURE_ID.test(id) ? undefined : 'id skal være store bogstaver, bindestreg og et nummer, fx DST-1'),
  });
  if (!file) return { measures: [], problems: [] };
  const measures = Object.entries(file.entries ?? {}).map(([id, m]) => ({
    id,
    title: m.title,
    ...(m.description ? { description: m.description } : {}),
  }));
  return { measures, problems: file.problems };
}

/** Reads the applicability decisions; undefined when the file is absent (the SoA is then not in use). */
export function loadApplicability(contentDir: string, displayRoot = path.dirname(contentDir)): Applicability | undefined {
  const file = readDataFile(contentDir, displayRoot, {
    name: APPLICABILITY_FILE,
    schema: applicabilitySchema,
    key: 'controls',
    entry: decisionSchema,
    fields: 'applicable, justification',
  });
  return file && { file, decisions: file.entries ?? {} };
}
