/** Starts one staged edition's build process (`scripts/build-edition.ts`), isolated (see `isolation.ts`). */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Edition } from '../../schemas/settings.ts';
import { isolatedEnv, permissionFlags } from './isolation.ts';
import { readInternalEnv } from '../config/env.ts';
import { IndexGate, serveIndexGate } from './index-gate.ts';
import { stageReadySender } from './stage-ready.ts';
import { yieldCpu } from './priority.ts';

/** How to start an edition's process. */
export interface EditionProcessOptions {
  /** The repository root: the script, the tool's code and the working folder. */
  repoRoot: string;
  /** The content folder, which the process's environment must not name. */
  contentDir: string;
  /** Whether the process and its Astro process yield the CPU from their start (the public edition beside the intranet's). */
  yields: boolean;
  /** The environment the process's variables are taken from. */
  env?: NodeJS.ProcessEnv;
  /** Shared by the editions of one build, so only one writes its Pagefind index at a time (`index-gate.ts`). */
  indexGate?: IndexGate;
  /** The edition's own compile cache (`editionCompileCache`); without it, Node's compile cache is off. */
  compileCache?: string;
}

/**
 * The first symbolic link in a folder, if any. Node's permission model follows a link inside a permitted folder to
 * wherever it points, so a stage must hold none (the stage copies or hard-links files; the isolated processes may
 * not create links).
 */
export function findSymlink(dir: string): string | undefined {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isSymbolicLink()) return path.join(entry.parentPath, entry.name);
  }
  return undefined;
}

/** An edition process started before its stage is filled (see `stage-ready.ts`). */
export interface EditionProcess {
  /** Tells the process that its stage is filled; it builds from here on. */
  begin(): void;
  /** Stops the process, which then builds nothing: the edition is kept, or the build stopped before it. */
  cancel(): void;
  /** Settles once the process has exited: fulfilled when it built the edition (or was cancelled). */
  done: Promise<void>;
}

/**
 * Starts a staged edition's process, which loads its modules and waits for `begin`. It runs in a process of its own,
 * so two editions use two cores. Its output goes to a file in the stage, not a pipe: a pipe that fills while this
 * process is busy (the leak scan is synchronous) would stop the child at its next log line until this process reads again.
 */
export function startEditionProcess(stageDir: string, edition: Edition, options: EditionProcessOptions): EditionProcess {
  const env = options.env ?? process.env;
  const logFile = path.join(stageDir, 'build.log');
  const log = openSync(logFile, 'w');
  const { timings, verbose } = readInternalEnv(env);
  const { compileCache } = options;
  const flags = permissionFlags({ repoRoot: options.repoRoot, stageDir, compileCache, writable: timings ? [path.resolve(timings)] : [] });
  const child = spawn(process.execPath, [...flags, path.join(options.repoRoot, 'scripts', 'build-edition.ts')], {
    cwd: options.repoRoot,
    // HANDBOOK_YIELD_CPU: the Astro process lowers its own priority (see the integration).
    env: isolatedEnv(env, options.contentDir, stageDir, {
      HANDBOOK_STAGE: stageDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      // The edition's compile cache, for both its processes (in CI too). Without one, none: Astro's CLI would write
      // one into the stage's fresh TMPDIR, never read again, and that write blocked the intranet's page rendering
      // for 0.9 s at 1,000 documents (CPU profile, main thread).
      ...(compileCache ? { NODE_COMPILE_CACHE: compileCache } : { NODE_DISABLE_COMPILE_CACHE: '1' }),
      HANDBOOK_YIELD_CPU: options.yields ? '1' : '',
    }),
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  // The public edition yields from its first instruction: while its modules load, the content check and the
  // intranet's loading, both on the longer path, come first (its Astro process and Pagefind's service inherit it).
  if (options.yields) yieldCpu(child.pid, 19);
  serveIndexGate(child, options.indexGate ?? new IndexGate());
  const stageReady = stageReadySender(child);
  let cancelled = false;
  let refused: Error | undefined;
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (cancelled) return resolve();
      if (refused) return reject(refused);
      if (verbose || code !== 0) process.stderr.write(readFileSync(logFile));
      if (code === 0) resolve();
      else reject(new Error(`${edition}: bygningen fejlede (exit ${code})`));
    });
  });
  // A process that fails before anyone waits for it (its modules would not load) is reported where `done` is awaited.
  done.catch(() => {});
  return {
    begin() {
      const link = findSymlink(stageDir);
      if (link) {
        refused = new Error(`${edition}: ${path.relative(stageDir, link)} i udgavens mappe er en symbolsk lænke; den følges ikke`);
        child.kill('SIGTERM');
      } else stageReady();
    },
    cancel() {
      cancelled = true;
      child.kill('SIGTERM');
    },
    done,
  };
}

/** Builds a staged edition in its own process (`startEditionProcess`, begun at once). */
export function runEditionProcess(stageDir: string, edition: Edition, options: EditionProcessOptions): Promise<void> {
  const started = startEditionProcess(stageDir, edition, options);
  started.begin();
  return started.done;
}
