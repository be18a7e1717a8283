/** The content checks `npm run check` and `npm run build` share: one list of rules, run over the whole handbook at once. */
import { existsSync } from 'node:fs';
import type { Handbook } from '../content/load.ts';
import { loadHandbookParallel } from '../content/parallel.ts';
import type { StructureParser } from '../markdown/parse.ts';
import { checkReferences } from '../content/links.ts';
import { checkCodeowners } from '../content/codeowners.ts';
import { checkApplicability } from '../soa/check.ts';
import { checkDispensations } from '../dispensations/check.ts';
import type { Problem } from '../util/problems.ts';

/** How strictly to check. */
export interface CheckOptions {
  /** The structure parser: `remark` for `check` (independent of Astro's pipeline), `satteri` for `build` (its own). */
  parser?: StructureParser;
  /** `--strict`: warnings that the policy treats as errors become errors. */
  strict?: boolean;
}

/** Every problem of a loaded handbook: its documents' own, then links, CODEOWNERS, applicability and dispensations. */
export function handbookProblems(handbook: Handbook, { strict = false }: CheckOptions = {}): Problem[] {
  return [
    ...handbook.problems,
    ...checkReferences(handbook),
    ...checkCodeowners(handbook),
    ...checkApplicability(handbook, { strict }),
    ...checkDispensations(handbook, { strict }),
  ];
}

/** Loads and checks a content folder; throws one line when the folder does not exist. */
export async function checkContent(contentDir: string, options: CheckOptions = {}): Promise<{ handbook: Handbook; problems: Problem[] }> {
  if (!existsSync(contentDir)) throw new Error(`HANDBOOK_CONTENT: mappen ${contentDir} findes ikke`);
  const handbook = await loadHandbookParallel(contentDir, options.parser ? { parser: options.parser } : {});
  return { handbook, problems: handbookProblems(handbook, options) };
}

/** Whether any problem is an error. */
export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
