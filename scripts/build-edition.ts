/**
 * Child of `scripts/build.ts`: builds one staged edition (`HANDBOOK_STAGE` names the stage). Astro runs in a process
 * of its own; once that has exited, this process writes the edition's Pagefind index and security headers.
 * Pagefind's service is the largest process of a build (1.6–1.9 GB at 5,000 documents): run inside Astro's
 * `astro:build:done`, the Astro process's 0.6 GB stayed alive beside it. This process is started before the build
 * process lowers its own priority for the leak scan, so the index is written at normal priority, and it waits on
 * Astro itself, so the build process's synchronous leak scan never holds the next step up.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { readManifest } from '../src/lib/build/manifest.ts';
import { readInternalEnv, REPO_ROOT } from '../src/lib/config/env.ts';
import { recordTiming, timed } from '../src/lib/build/timings.ts';
import { whenParentAllows } from '../src/lib/build/index-gate.ts';

const ASTRO_BIN = path.join(REPO_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** Whether the reason this process fails has been printed. */
let reported = false;

/** Runs `astro build` on the stage, its output into this process's (a log file); resolves to its exit code. */
function astroBuild(): Promise<number | null> {
  return new Promise((resolve, reject) => {
    // This process's permission flags (src/lib/build/isolation.ts), stated rather than left to Node to pass on.
    const child = spawn(process.execPath, [...process.execArgv, ASTRO_BIN, 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    // Stopped, this process stops Astro too, which would otherwise write on into a stage being removed.
    const stop = (signal: NodeJS.Signals) => {
      reported = true;
      child.kill(signal);
      process.exit(1);
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
  const { edition, base } = readManifest(stageDir);
  const code = await timed('astro', edition, astroBuild);
  if (code !== 0) throw new Error(`${edition}: Astro-bygningen fejlede (exit ${code})`);
  // One edition's index at a time (src/lib/build/index-gate.ts): the parent says when.
  const asked = performance.now();
  await whenParentAllows(() => {
    recordTiming('pagefind-wait', performance.now() - asked, edition);
    return indexBuilt(stageDir, edition, base);
  });
  process.exitCode = 0;
}

main().catch((error: unknown) => {
  reported = true;
  // Pagefind rejects some calls with a string.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
