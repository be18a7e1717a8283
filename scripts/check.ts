/** `npm run check`: validates every file of the content folder without building pages. */
import { existsSync } from 'node:fs';
import { loadHandbookParallel } from '../src/lib/content/parallel.ts';
import { checkReferences } from '../src/lib/content/links.ts';
import { checkCodeowners } from '../src/lib/content/codeowners.ts';
import { readEnv } from '../src/lib/config/env.ts';
import { reportProblems } from '../src/lib/util/problems.ts';
import { checkApplicability } from '../src/lib/soa/check.ts';
import { checkDispensations } from '../src/lib/dispensations/check.ts';

const env = readEnv();
if (!existsSync(env.contentDir)) {
  console.error(`HANDBOOK_CONTENT: mappen ${env.contentDir} findes ikke`);
  process.exit(1);
}
// remark-mdx, independent of the Sätteri parse the build uses (test/unit/mdx-parse.test.ts keeps the two equal).
const handbook = await loadHandbookParallel(env.contentDir, { parser: 'remark' });
const strict = process.argv.includes('--strict');
const problems = [
  ...handbook.problems,
  ...checkReferences(handbook),
  ...checkCodeowners(handbook),
  ...checkApplicability(handbook, { strict }),
  ...checkDispensations(handbook, { strict }),
];
reportProblems(problems);
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
console.log(`${handbook.docs.length} dokumenter gennemgået: ${errors} fejl, ${warnings} advarsler.`);
// exitCode, not exit(): exit() drops stderr still queued for a pipe (CI logs) when there are many problems.
process.exitCode = errors ? 1 : 0;
