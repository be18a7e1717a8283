import type { z } from 'astro/zod';
import type { LocatedYaml } from './fields.ts';
import type { Problem } from '../util/problems.ts';

/** Turns zod issues into positioned problems that name the field and what it allows. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  yaml: LocatedYaml,
  file: string,
  allowedKeys: readonly string[] = [],
): Problem[] {
  const allowed = allowedKeys.length ? `ukendt felt; tilladte felter: ${allowedKeys.join(', ')}` : 'ukendt felt';
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const place = yaml.placeOf([...issue.path, key], true);
        problems.push({ file, ...place, severity: 'error', message: `${fieldName([...issue.path, key])}: ${allowed}` });
      }
      continue;
    }
    const place = yaml.placeOf(issue.path as PropertyKey[]);
    const received = issue.input === undefined || issue.code === 'custom' ? '' : ` (fik ${JSON.stringify(issue.input)})`;
    const missing = issue.input === undefined && issue.code !== 'custom';
    const message = missing && !issue.message.startsWith('mangler') ? `mangler; ${issue.message}` : issue.message;
    problems.push({ file, ...place, severity: 'error', message: `${fieldName(issue.path)}: ${message}${missing ? '' : received}` });
  }
  return problems;
}

/** Writes a field path as `controls[2]` or `editions.public.site`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${String(s)}`)).join('') || '(frontmatter)';
}
