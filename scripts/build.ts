/** `npm run build [intranet|public] [--force]`: checks the content, then builds the editions side by side and swaps each in. */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readEnv, REPO_ROOT, type HandbookEnv } from '../src/lib/config/env.ts';
import { EDITIONS } from '../src/lib/config/editions.ts';
import { formatLeak } from '../src/lib/leaks/hit.ts';
import { leakScanParts, startLeakScanner, type LeakScanner } from '../src/lib/build/leak-scan.ts';
import { recoverInterruptedSwap, swapInto } from '../src/lib/build/swap.ts';
import { startEditionProcess, type EditionProcess } from '../src/lib/build/edition-process.ts';
import { startContentProcess, type CheckedContent, type ContentProcess, type StagedEdition } from '../src/lib/build/content-process.ts';
import { IndexGate, UNGATED_MAX_DOCUMENTS } from '../src/lib/build/index-gate.ts';
import { editionYields } from '../src/lib/build/priority.ts';
import { listDocumentFiles } from '../src/lib/content/files.ts';
import {
  browserIdentity,
  editionFingerprint,
  forgetFingerprint,
  hasFingerprint,
  isUnchanged,
  recordFingerprint,
} from '../src/lib/build/reuse.ts';
import { createStageDir, removeStaleStages } from '../src/lib/build/stale-stages.ts';
import { editionCompileCache, toolCompileCache } from '../src/lib/build/compile-cache.ts';
import { recordTiming, timed } from '../src/lib/build/timings.ts';
import type { Edition } from '../src/schemas/settings.ts';
import { findChromium, launchChromium } from '../src/lib/build/pdf/browser.ts';
import { closePrinters, startPrinters } from '../src/lib/build/pdf/printers.ts';
import { requirePdftotext } from '../src/lib/leaks/pdf.ts';
import type { Browser, Page } from 'playwright-core';

const STAGE_PARENT = path.join(REPO_ROOT, '.handbook-build');

/** Prints the built edition's PDFs into its stage, with the one browser of this build; fails in one line. */
async function printPdfs(
  { settings }: CheckedContent,
  staged: StagedEdition,
  env: HandbookEnv,
  edition: Edition,
  built: string,
  opened: Promise<Page[]>,
): Promise<void> {
  const { printEdition } = await import('../src/lib/build/pdf/print.ts');
  try {
    const { files, pages } = await printEdition({
      printers: await opened,
      distDir: built,
      edition,
      ...settings.editions[edition],
      today: env.today,
      organisation: settings.organisation,
      handbookTitle: settings.handbookTitle,
      sections: settings.sections,
      docs: staged.printDocs ?? [],
    });
    console.log(`PDF: ${files} filer, ${pages} sider (${edition})`);
  } catch (error) {
    // Playwright's messages run over several lines with a call log.
    const first = (error as Error).message.split('\n')[0];
    throw new Error(`${edition}: PDF-udskrivningen fejlede (${first}); den tidligere udgave er bevaret`);
  }
}

/**
 * Builds one edition into a private folder, prints its PDFs, scans the public one for leaks, then swaps it into place;
 * an edition whose inputs are those of the one in place is kept instead (and the public one scanned again).
 */
/** An edition's stage folder, made at the start of the build, and its process, started on it at once (`stage-ready.ts`). */
interface EarlyEdition {
  edition: Edition;
  stageDir: string;
  process: EditionProcess;
  /** The public edition beside the intranet of a large handbook yields the CPU: its processes and its leak scan. */
  yields: boolean;
  /** The public edition's leak scan, started with it (src/lib/build/leak-scan.ts). */
  scanner?: LeakScanner;
}

/**
 * Makes each edition's empty stage, starts the content process on them (src/lib/build/content-process.ts), then each
 * edition's process, which loads its modules while the content is checked and staged. The content process first:
 * until it has staged, no edition can begin, and started after the four processes of the editions it loaded its
 * modules behind theirs (at 20 documents the editions began 1.3 s after the build's start, with 0.6 s of checking,
 * Git and staging).
 */
function startEditions(env: HandbookEnv, editions: Edition[], indexGate: IndexGate): { early: EarlyEdition[]; content: ContentProcess } {
  const stages = editions.map((edition) => ({ edition, stageDir: createStageDir(STAGE_PARENT, edition) }));
  const content = startContentProcess(REPO_ROOT, { parentDir: STAGE_PARENT, stages });
  // Counted by name only, before the content process has loaded anything (src/lib/build/priority.ts).
  const documents = listDocumentFiles(env.contentDir).length;
  const early = stages.map(({ edition, stageDir }) => {
    const yields = editionYields(edition, editions, documents);
    const process = startEditionProcess(stageDir, edition, {
      repoRoot: REPO_ROOT,
      contentDir: env.contentDir,
      yields,
      indexGate,
      compileCache: editionCompileCache(STAGE_PARENT, edition, env.drafts),
    });
    const scanner =
      edition === 'public'
        ? startLeakScanner({ yields, compileCache: toolCompileCache(STAGE_PARENT, 'leak-scan'), parts: leakScanParts(documents) })
        : undefined;
    // The patterns come once the content is staged; the scan process prepares its matcher while the editions build.
    if (scanner)
      content.patterns.then(
        (patterns) => scanner.prepare(patterns),
        () => {},
      );
    return { edition, stageDir, process, yields, scanner };
  });
  return { early, content };
}

async function buildEdition(
  content: ContentProcess,
  checked: CheckedContent,
  env: HandbookEnv,
  { edition, stageDir, process: editionProcess, scanner }: EarlyEdition,
  force: boolean,
  browser?: { chromium: string; started: Promise<Browser> },
): Promise<void> {
  const target = path.join(env.outDir, edition);
  try {
    const staged = await content.staged(edition);
    // The same stage and tool build the same edition (src/lib/build/reuse.ts): the one in place is kept. With no
    // edition in place that could be kept, the fingerprint is taken once the edition has begun (its processes write
    // only the stage's scratch folders, which it leaves out): it read every file of the stage, 0.3 s at 1,000
    // documents, for each edition in turn, before either began.
    const takeFingerprint = () =>
      timed('fingerprint', edition, () =>
        editionFingerprint(stageDir, REPO_ROOT, { pdfBrowser: browser && browserIdentity(browser.chromium) }),
      );
    const early = !force && hasFingerprint(target) ? await takeFingerprint() : undefined;
    const reused = early !== undefined && isUnchanged(target, early);
    let fingerprint = early;
    const built = reused ? target : path.join(stageDir, 'dist');
    if (reused) {
      editionProcess.cancel();
      recordTiming('reused', 0, edition);
      console.log(`${edition}: uændret siden sidste bygning (samme indhold og værktøj); ${target} genbruges`);
    } else {
      const printers =
        browser && startPrinters(browser.started, { distDir: built, ...checked.settings.editions[edition] }, staged.documents);
      try {
        const building = timed('edition', edition, () => {
          editionProcess.begin();
          return editionProcess.done;
        });
        [fingerprint] = await Promise.all([early ?? takeFingerprint(), building]);
        // Never swap in an edition without its security headers and search index, whatever its process said.
        for (const file of ['_headers', 'nginx-security.conf', 'pagefind/pagefind-entry.json'])
          if (!existsSync(path.join(built, file)))
            throw new Error(`${edition}: bygningen skrev ikke ${file}; den tidligere udgave er bevaret`);
        // Printed into the stage before the leak scan, so public PDFs are scanned like every other file.
        if (printers) await timed('pdf', edition, () => printPdfs(checked, staged, env, edition, built, printers));
      } finally {
        if (printers) await closePrinters(printers);
      }
    }
    if (edition === 'public') {
      // A reused edition is scanned too: today's internal documents may hold text it has. In a process of its own,
      // which yields the CPU beside the intranet (src/lib/build/leak-scan.ts).
      const patterns = await content.patterns;
      const hits = await timed('leak-scan', edition, () => scanner!.scan({ outDir: built, patterns }));
      if (hits.length) {
        for (const hit of hits) console.error(formatLeak(hit));
        throw new Error('public: udgaven indeholder tekst fra ikke-offentlige dokumenter; den tidligere udgave er bevaret');
      }
    }
    if (!reused) {
      forgetFingerprint(target);
      await timed('swap', edition, () => swapInto(built, target));
      recordFingerprint(target, fingerprint!);
    }
  } finally {
    // A failure before the process began (staging) must not leave it waiting, nor the scan.
    editionProcess.cancel();
    scanner?.cancel();
    rmSync(stageDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((a): a is Edition => (EDITIONS as string[]).includes(a));
  const editions = requested.length ? requested : [...EDITIONS];
  // --force: build every edition, even one whose inputs are those of the edition in place.
  const force = process.argv.includes('--force');
  const env = readEnv();
  // Without Chromium a PDF build stops before any work, in one line.
  const chromium = env.pdf ? findChromium(env.chromiumPath) : undefined;
  if (env.pdf && editions.includes('public')) requirePdftotext();
  // Stages of builds that were killed (CI cancelling a run sends SIGKILL); a running build's stage stays.
  removeStaleStages(STAGE_PARENT);
  for (const edition of EDITIONS) recoverInterruptedSwap(path.join(env.outDir, edition));
  const started = performance.now();
  const indexGate = new IndexGate();
  // Content, Git and staging in a process of its own, which exits once it is done, beside the editions' processes.
  const { early, content } = startEditions(env, editions, indexGate);
  const checked = await content.checked.catch((error: Error) => {
    console.error(error.message);
    return undefined;
  });
  if (!checked) {
    for (const { process: editionProcess, stageDir, scanner } of early) {
      editionProcess.cancel();
      scanner?.cancel();
      rmSync(stageDir, { recursive: true, force: true });
    }
    // Its problems are all printed once it has exited.
    await content.done;
    console.error('Bygningen er stoppet; de tidligere udgaver er ikke ændret.');
    // exitCode, not exit(): exit() drops stderr still queued for a pipe when there are many problems.
    process.exitCode = 1;
    return;
  }
  // A small handbook's two Pagefind indexes are written side by side (src/lib/build/index-gate.ts).
  if (checked.docs <= UNGATED_MAX_DOCUMENTS) indexGate.open();
  // One browser for both editions, started while Astro builds; each edition prints with pages of its own context.
  const launched = chromium ? launchChromium(chromium) : undefined;
  launched?.catch(() => {});
  const browser = chromium && launched ? { chromium, started: launched } : undefined;
  const results = await Promise.allSettled(early.map((e) => buildEdition(content, checked, env, e, force, browser)));
  await launched?.then((b) => b.close()).catch(() => {});
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  // Once each: a content process that stopped fails every edition with the same message.
  for (const message of new Set(failed.map((f) => (f.reason as Error).message))) console.error(message);
  if (failed.length) process.exit(1);
  recordTiming('total', performance.now() - started);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Byggede ${editions.join(' og ')} (${checked.docs} dokumenter, dato ${env.today}) i ${seconds} s til ${env.outDir}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
