/** `npm run build [intranet|public]`: checks the content, then builds the editions side by side and swaps each in. */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Handbook } from '../src/lib/content/load.ts';
import { loadHandbookParallel } from '../src/lib/content/parallel.ts';
import { checkReferences } from '../src/lib/content/links.ts';
import { checkCodeowners } from '../src/lib/content/codeowners.ts';
import { readEnv, REPO_ROOT, type HandbookEnv } from '../src/lib/config/env.ts';
import { reportProblems } from '../src/lib/util/problems.ts';
import { readGit, readGitLogAsync, type GitData } from '../src/lib/git/history.ts';
import { stageEdition } from '../src/lib/build/stage.ts';
import { EDITIONS } from '../src/lib/config/editions.ts';
import { leakPatterns, scanForLeaks, formatLeak } from '../src/lib/leaks/scan.ts';
import { recoverInterruptedSwap, swapInto } from '../src/lib/build/swap.ts';
import { runEditionProcess } from '../src/lib/build/edition-process.ts';
import { removeStaleStages } from '../src/lib/build/stale-stages.ts';
import { yieldCpu } from '../src/lib/build/priority.ts';
import { recordTiming, timed } from '../src/lib/build/timings.ts';
import { checkApplicability } from '../src/lib/soa/check.ts';
import type { Edition } from '../src/schemas/settings.ts';

const STAGE_PARENT = path.join(REPO_ROOT, '.handbook-build');

/** Builds one edition into a private folder, scans the public one for leaks, then swaps it into place. */
async function buildEdition(handbook: Handbook, git: GitData, env: HandbookEnv, edition: Edition, yields: boolean): Promise<void> {
  const stageDir = await timed('stage', edition, () =>
    stageEdition(handbook, git, { edition, today: env.today, drafts: env.drafts, parentDir: STAGE_PARENT }),
  );
  try {
    await timed('edition', edition, () =>
      runEditionProcess(stageDir, edition, { repoRoot: REPO_ROOT, contentDir: handbook.contentDir, yields }),
    );
    const built = path.join(stageDir, 'dist');
    // Never swap in an edition without its security headers and search index, whatever its process said.
    for (const file of ['_headers', 'nginx-security.conf', 'pagefind/pagefind-entry.json'])
      if (!existsSync(path.join(built, file))) throw new Error(`${edition}: bygningen skrev ikke ${file}; den tidligere udgave er bevaret`);
    if (edition === 'public') {
      // The scan yields too. On Linux this lowers only this thread, which after the scan only swaps editions in
      // (the children's output goes to files, so a slow thread here never holds them up); elsewhere, the process.
      if (yields) yieldCpu(0);
      const hits = await timed('leak-scan', edition, () => scanForLeaks(built, leakPatterns(handbook, git)));
      if (hits.length) {
        for (const hit of hits) console.error(formatLeak(hit));
        throw new Error('public: udgaven indeholder tekst fra ikke-offentlige dokumenter; den tidligere udgave er bevaret');
      }
    }
    await timed('swap', edition, () => swapInto(built, path.join(env.outDir, edition)));
  } finally {
    rmSync(stageDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((a): a is Edition => (EDITIONS as string[]).includes(a));
  const editions = requested.length ? requested : [...EDITIONS];
  const env = readEnv();
  // Stages of builds that were killed (CI cancelling a run sends SIGKILL); a running build's stage stays.
  removeStaleStages(STAGE_PARENT);
  for (const edition of EDITIONS) recoverInterruptedSwap(path.join(env.outDir, edition));
  if (!existsSync(env.contentDir)) throw new Error(`HANDBOOK_CONTENT: mappen ${env.contentDir} findes ikke`);
  const started = performance.now();
  // The history is read while the documents are parsed; it is only used once they pass the checks.
  const history = readGitLogAsync(env.contentDir);
  const handbook = await timed('content', undefined, () => loadHandbookParallel(env.contentDir));
  const problems = [
    ...handbook.problems,
    ...checkReferences(handbook),
    ...checkCodeowners(handbook),
    ...checkApplicability(handbook, { strict: false }),
  ];
  reportProblems(problems);
  if (problems.some((p) => p.severity === 'error')) {
    console.error('Bygningen er stoppet; de tidligere udgaver er ikke ændret.');
    // exitCode, not exit(): exit() drops stderr still queued for a pipe when there are many problems.
    process.exitCode = 1;
    return;
  }
  const approvedOn = new Map(handbook.docs.map((d) => [d.file, d.data.approvedOn]));
  const git = await timed('git', undefined, async () => readGit(env.contentDir, approvedOn, undefined, await history));
  if (!git.summary.available) console.warn(`advarsel: ${git.summary.reason}; sider viser "ukendt" som ændringsdato.`);
  const results = await Promise.allSettled(editions.map((e) => buildEdition(handbook, git, env, e, e === 'public' && editions.length > 1)));
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  for (const f of failed) console.error((f.reason as Error).message);
  if (failed.length) process.exit(1);
  recordTiming('total', performance.now() - started);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Byggede ${editions.join(' og ')} (${handbook.docs.length} dokumenter, dato ${env.today}) i ${seconds} s til ${env.outDir}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
