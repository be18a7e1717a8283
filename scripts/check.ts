/** `npm run check`: validates every file of the content folder without building pages. */
import { readEnv } from '../src/lib/config/env.ts';
import { checkContent, hasErrors } from '../src/lib/check/pipeline.ts';
import { reportProblems } from '../src/lib/util/problems.ts';

try {
  // remark-mdx, independent of the Sätteri parse the build uses (test/unit/mdx-parse.test.ts keeps the two equal).
  const { handbook, problems } = await checkContent(readEnv().contentDir, { parser: 'remark', strict: process.argv.includes('--strict') });
  reportProblems(problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  console.log(`${handbook.docs.length} dokumenter gennemgået: ${errors} fejl, ${problems.length - errors} advarsler.`);
  // exitCode, not exit(): exit() drops stderr still queued for a pipe (CI logs) when there are many problems.
  process.exitCode = hasErrors(problems) ? 1 : 0;
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
