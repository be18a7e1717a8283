/** `npm run review`: the review report, grouped by owner; `--json`, `--markdown`, `--fail-on`, `--today`. */
import { parseArgs } from 'node:util';
import { loadHandbook } from '../src/lib/content/load.ts';
import { readEnv } from '../src/lib/config/env.ts';
import { readGit } from '../src/lib/git/history.ts';
import { reportProblems } from '../src/lib/util/problems.ts';
import { buildReport, formatMarkdown, formatText } from '../src/lib/review/report.ts';

const USAGE = 'brug: npm run review -- [--json | --markdown] [--fail-on overdue|due-soon] [--today ÅÅÅÅ-MM-DD]';

function main(): number {
  const { values } = parseArgs({
    options: { json: { type: 'boolean' }, markdown: { type: 'boolean' }, 'fail-on': { type: 'string' }, today: { type: 'string' } },
  });
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'overdue' && failOn !== 'due-soon')
    throw new Error(`--fail-on: "${failOn}" skal være overdue eller due-soon\n${USAGE}`);
  const env = readEnv(values.today ? { ...process.env, HANDBOOK_TODAY: values.today } : process.env);
  const handbook = loadHandbook(env.contentDir);
  if (handbook.problems.length) reportProblems(handbook.problems);
  const git = readGit(env.contentDir, new Map(handbook.docs.map((d) => [d.file, d.data.approvedOn])));
  const report = buildReport(handbook, git, env.today);
  const output = values.json ? JSON.stringify(report, null, 2) : values.markdown ? formatMarkdown(report) : formatText(report);
  process.stdout.write(`${output}\n`);
  // An expired dispensation counts as overdue, an expiring one as due soon.
  const { expired, expiring } = report.dispensations.counts;
  const overdue = report.counts.overdue + expired;
  const failing = failOn === 'overdue' ? overdue : failOn === 'due-soon' ? overdue + report.counts['due-soon'] + expiring : 0;
  return failing > 0 || handbook.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
