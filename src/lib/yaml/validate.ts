import type { z } from 'astro/zod';
import type { LocatedYaml } from './fields.ts';
import type { Problem } from '../util/problems.ts';

/** How a file kind words its problems; the defaults suit frontmatter and `handbook.yaml`. */
export interface IssueWording {
  /** Names a field path, e.g. `kontrol 5.1, applicable`; default `controls[2]` or `editions.public.site`. */
  label?: (path: readonly PropertyKey[]) => string;
  /** The allowed fields named when a field at `path` is unknown, e.g. `title, description`. */
  allowed?: (path: readonly PropertyKey[]) => string;
  /** Zod's message as it is, without "mangler;" or what was received (`(fik "x")`). */
  plain?: boolean;
}

/** The problems of a YAML parse that failed, each at its place. */
export function yamlProblems(yaml: LocatedYaml, file: string): Problem[] {
  return yaml.errors.map((e) => ({ file, ...e.place, severity: 'error', message: `YAML-fejl: ${e.message}` }));
}

/** Turns zod issues into positioned problems that name the field and what it allows: the one mapping of every file kind. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  yaml: LocatedYaml,
  file: string,
  wording: IssueWording = {},
): Problem[] {
  const label = wording.label ?? fieldName;
  const problems: Problem[] = [];
  for (const issue of issues) {
    const at = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      const allowed = wording.allowed?.(at);
      for (const key of issue.keys) {
        const place = yaml.placeOf([...at, key], true);
        problems.push({
          file,
          ...place,
          severity: 'error',
          message: `${label([...at, key])}: ukendt felt${allowed ? `; tilladte felter: ${allowed}` : ''}`,
        });
      }
      continue;
    }
    const place = yaml.placeOf(at, issue.code === 'invalid_key');
    problems.push({ file, ...place, severity: 'error', message: `${label(at)}: ${wording.plain ? issue.message : explained(issue)}` });
  }
  return problems;
}

/** Zod's message with "mangler" for a missing field, else with what was received. */
function explained(issue: z.core.$ZodIssue): string {
  const missing = issue.input === undefined && issue.code !== 'custom';
  if (missing) return issue.message.startsWith('mangler') ? issue.message : `mangler; ${issue.message}`;
  return issue.code === 'custom' ? issue.message : `${issue.message} (fik ${JSON.stringify(issue.input)})`;
}

/** Writes a field path as `controls[2]` or `editions.public.site`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${String(s)}`)).join('') || '(frontmatter)';
}
