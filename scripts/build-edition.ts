/**
 * Child of `scripts/build.ts`: builds one staged edition (`HANDBOOK_STAGE` names the stage). Astro runs in a process
 * of its own and sends each page as it renders it; this process hands them to Pagefind's service, which indexes them
 * on the other core meanwhile, and once Astro has exited writes the index and the security headers. Pagefind's
 * service is the largest process of a build (1.6–1.9 GB at 5,000 documents) while it writes: it writes only after
 * Astro's process, 0.6 GB, has gone. This process is started before the build
 * process lowers its own priority for the leak scan, so the index is written at normal priority, and it waits on
 * Astro itself, so the build process's synchronous leak scan never holds the next step up.
 * Both processes start when the build starts, on an empty stage, and load their modules while the build process
 * checks and stages the content; they read the stage only once it says so (src/lib/build/stage-ready.ts).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '../src/lib/build/manifest.ts';
import { readInternalEnv, REPO_ROOT } from '../src/lib/config/env.ts';
import { recordTiming, timed } from '../src/lib/build/timings.ts';
import { yieldCpu } from '../src/lib/build/priority.ts';
import { whenParentAllows } from '../src/lib/build/index-gate.ts';
import { stageReadySender, whenStageReady } from '../src/lib/build/stage-ready.ts';
import { receivePages, type PageReceiver } from '../src/lib/build/page-messages.ts';
import { EditionIndex } from '../src/lib/build/edition-index.ts';
import { mainIndexParts } from '../src/lib/build/index-plan.ts';
import { preloadAstroModules } from '../src/integration/preload.ts';
import { collectInlineCode, noInlineCode, writeSecurityHeaders } from '../src/lib/build/security-headers/write.ts';

/** The argument that makes this script the Astro process rather than the edition process. */
const ASTRO_ROLE = '--astro';
/** The priority of the indexing beside the renderer: below Astro's, above the public edition's (19). */
const INDEX_NICENESS = 10;
/** Whether the reason this process fails has been printed. */
let reported = false;

/**
 * Runs Astro's build on the stage in a process of its own, its output into this process's (a log file); resolves to
 * its exit code. Started at once, it loads its modules while the stage is filled and builds once `ready` resolves.
 */
function astroBuild(ready: Promise<void>, pages: PageReceiver): Promise<number | null> {
  return new Promise((resolve, reject) => {
    // This process's permission flags (src/lib/build/isolation.ts), stated rather than left to Node to pass on.
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ASTRO_ROLE], {
      cwd: REPO_ROOT,
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      // Pages come as bytes (src/lib/build/page-messages.ts).
      serialization: 'advanced',
    });
    void ready.then(stageReadySender(child));
    receivePages(child, pages);
    // Stopped, this process stops Astro too, which would otherwise write on into a stage being removed, and exits
    // once it has (or after a second), so whoever waits for this process knows both are gone.
    const stop = (signal: NodeJS.Signals) => {
      reported = true;
      child.once('exit', () => process.exit(1));
      setTimeout(() => process.exit(1), 1000).unref();
      child.kill(signal);
    };
    process.once('SIGTERM', stop).once('SIGINT', stop);
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('SIGTERM', stop).off('SIGINT', stop);
      resolve(code);
    });
  });
}

/** Builds the edition; exits 1 with one line saying what failed. */
async function main(): Promise<void> {
  // Success only once the headers are written: should Pagefind's service die mid-request, its promise never settles
  // and Node exits with nothing left to do, which must not count as a built edition (it would have no CSP).
  process.exitCode = 1;
  process.once('exit', (code) => {
    if (code === 1 && !reported) console.error('Pagefind-tjenesten stoppede, før indekset var skrevet');
  });
  const { stage: stageDir, yieldCpu: yields } = readInternalEnv();
  if (!stageDir) throw new Error('build-edition: HANDBOOK_STAGE mangler (scriptet startes af scripts/build.ts)');
  // Astro starts now and loads its modules; the stage is read once the parent has filled it (src/lib/build/stage-ready.ts).
  const ready = whenStageReady();
  // Pages come as Astro renders them, which it does only after `ready`: the index exists by then.
  let index: EditionIndex | undefined;
  const astro = astroBuild(ready, { order: (files) => index!.order(files), add: (file, html) => index!.add(file, html) });
  await ready;
  const { edition, base, documents } = readManifest(stageDir);
  const outDir = path.join(stageDir, 'dist');
  // Pagefind's service, started by this process, indexes beside the renderer, which is the longer path: it yields to
  // it, and inherits the priority from here. The public edition's, beside the intranet, yields to both.
  yieldCpu(process.pid, yields ? 19 : INDEX_NICENESS);
  // The security headers' inline code is collected from the pages as they are indexed.
  const inline = noInlineCode();
  const parts = mainIndexParts(Object.keys(documents).length);
  index = new EditionIndex(outDir, base, (file, html) => collectInlineCode(html, inline, file), parts);
  const began = performance.now();
  const code = await astro;
  recordTiming('astro', performance.now() - began, edition);
  if (code !== 0) throw new Error(`${edition}: Astro-bygningen fejlede (exit ${code})`);
  const built = index;
  const { pages, english, given } = await timed('pagefind', edition, () =>
    // One edition's index written at a time (src/lib/build/index-gate.ts): the parent says when.
    built.finish((write) => {
      const asked = performance.now();
      return whenParentAllows(() => {
        recordTiming('pagefind-wait', performance.now() - asked, edition);
        return write();
      });
    }, edition),
  );
  console.log(
    `Pagefind: ${pages} sider indekseret (${edition}${english ? `, heraf ${english} på engelsk` : ''}); ${given} sider modtaget under renderingen`,
  );
  writeSecurityHeaders(outDir, edition, { base, inline });
  process.exitCode = 0;
}

/**
 * The Astro process: `astro build` through Astro's JavaScript API, without its sync step. The pages read no content
 * collection (`src/lib/site/collection.ts`), and sync started a Vite server of its own only to find that out and
 * write type declarations: 1.9–2.6 s of each Astro process at 20 documents. `sync` is an option of Astro's builder
 * that `build()` passes on (astro/dist/core/build/index.js), not of its documented API; were it dropped, the build
 * would sync again, slower but the same (test/build/build-sample.test.ts asserts on the log that it does not).
 */
async function astroProcess(): Promise<void> {
  const ready = whenStageReady();
  const { build } = await import('astro');
  await preloadAstroModules();
  await ready;
  const withoutSync = build as (config: Parameters<typeof build>[0], options: { sync: boolean }) => Promise<void>;
  try {
    // The rendered pages go to the parent over the channel (src/integration/page-stream.ts).
    await withoutSync({}, { sync: false });
    // Nothing more comes over the channel, which would otherwise keep this process alive.
    process.disconnect?.();
  } catch (error) {
    // One line, as Astro's CLI would print it: the message and where.
    const { message, loc } = error as Error & { loc?: { file?: string; line?: number; column?: number } };
    const where = loc?.file ? ` (${[loc.file, loc.line, loc.column].filter((p) => p !== undefined).join(':')})` : '';
    console.error(`${message}${where}`);
    process.exit(1);
  }
}

if (process.argv.includes(ASTRO_ROLE)) await astroProcess();
else
  main().catch((error: unknown) => {
    reported = true;
    // Pagefind rejects some calls with a string.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
