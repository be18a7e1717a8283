/**
 * Child of `scripts/build.ts`: builds one staged edition (`HANDBOOK_STAGE` names the stage). Astro runs in a process
 * of its own; once that has exited, this process writes the edition's Pagefind index and security headers.
 * Pagefind's service is the largest process of a build (1.6–1.9 GB at 5,000 documents): run inside Astro's
 * `astro:build:done`, the Astro process's 0.6 GB stayed alive beside it. This process is started before the build
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
import { whenParentAllows } from '../src/lib/build/index-gate.ts';
import { stageReadySender, whenStageReady } from '../src/lib/build/stage-ready.ts';

/** The argument that makes this script the Astro process rather than the edition process. */
const ASTRO_ROLE = '--astro';
/** Whether the reason this process fails has been printed. */
let reported = false;

/**
 * Runs Astro's build on the stage in a process of its own, its output into this process's (a log file); resolves to
 * its exit code. Started at once, it loads its modules while the stage is filled and builds once `ready` resolves.
 */
function astroBuild(ready: Promise<void>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    // This process's permission flags (src/lib/build/isolation.ts), stated rather than left to Node to pass on.
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ASTRO_ROLE], {
      cwd: REPO_ROOT,
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    void ready.then(stageReadySender(child));
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

/** Indexes the built edition and writes its security headers (modules loaded only now, to keep this process small until then). */
async function indexBuilt(stageDir: string, edition: string, base: string): Promise<void> {
  const { indexEdition } = await import('../src/lib/build/pagefind.ts');
  const { collectInlineCode, noInlineCode, writeSecurityHeaders } = await import('../src/lib/build/security-headers/write.ts');
  const outDir = path.join(stageDir, 'dist');
  // The security headers' inline code is collected from the pages as Pagefind's preparation reads them.
  const inline = noInlineCode();
  const { pages, english } = await timed('pagefind', edition, () =>
    indexEdition(outDir, base, (file, html) => collectInlineCode(html, inline, file), edition),
  );
  console.log(`Pagefind: ${pages} sider indekseret (${edition}${english ? `, heraf ${english} på engelsk` : ''})`);
  writeSecurityHeaders(outDir, edition, { base, inline });
}

/** Builds the edition; exits 1 with one line saying what failed. */
async function main(): Promise<void> {
  // Success only once the headers are written: should Pagefind's service die mid-request, its promise never settles
  // and Node exits with nothing left to do, which must not count as a built edition (it would have no CSP).
  process.exitCode = 1;
  process.once('exit', (code) => {
    if (code === 1 && !reported) console.error('Pagefind-tjenesten stoppede, før indekset var skrevet');
  });
  const stageDir = readInternalEnv().stage;
  if (!stageDir) throw new Error('build-edition: HANDBOOK_STAGE mangler (scriptet startes af scripts/build.ts)');
  // Astro starts now and loads its modules; the stage is read once the parent has filled it (src/lib/build/stage-ready.ts).
  const ready = whenStageReady();
  const astro = astroBuild(ready);
  await ready;
  const { edition, base } = readManifest(stageDir);
  const began = performance.now();
  const code = await astro;
  recordTiming('astro', performance.now() - began, edition);
  if (code !== 0) throw new Error(`${edition}: Astro-bygningen fejlede (exit ${code})`);
  // One edition's index at a time (src/lib/build/index-gate.ts): the parent says when.
  const asked = performance.now();
  await whenParentAllows(() => {
    recordTiming('pagefind-wait', performance.now() - asked, edition);
    return indexBuilt(stageDir, edition, base);
  });
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
  await ready;
  // Nothing more comes over the channel, which would otherwise keep this process alive.
  process.disconnect?.();
  const withoutSync = build as (config: Parameters<typeof build>[0], options: { sync: boolean }) => Promise<void>;
  try {
    await withoutSync({}, { sync: false });
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
