/** Starts one staged edition's build process (`scripts/build-edition.ts`), isolated (see `isolation.ts`). */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Edition } from '../../schemas/settings.ts';
import { isolatedEnv, permissionFlags } from './isolation.ts';
import { readInternalEnv } from '../config/env.ts';
import { IndexGate, serveIndexGate } from './index-gate.ts';

/** How to start an edition's process. */
export interface EditionProcessOptions {
  /** The repository root: the script, the tool's code and the working folder. */
  repoRoot: string;
  /** The content folder, which the process's environment must not name. */
  contentDir: string;
  /** Whether the Astro process lowers its priority (the public edition beside the intranet's). */
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

/**
 * Builds a staged edition in its own process, so two editions use two cores. Its output goes to a file in the stage,
 * not a pipe: a pipe that fills while this process is busy (the leak scan is synchronous) would stop the child at its
 * next log line until this process reads again.
 */
export function runEditionProcess(stageDir: string, edition: Edition, options: EditionProcessOptions): Promise<void> {
  const env = options.env ?? process.env;
  const link = findSymlink(stageDir);
  if (link)
    return Promise.reject(new Error(`${edition}: ${path.relative(stageDir, link)} i udgavens mappe er en symbolsk lænke; den følges ikke`));
  return new Promise((resolve, reject) => {
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
    serveIndexGate(child, options.indexGate ?? new IndexGate());
    child.on('error', reject);
    child.on('close', (code) => {
      if (verbose || code !== 0) process.stderr.write(readFileSync(logFile));
      if (code === 0) resolve();
      else reject(new Error(`${edition}: bygningen fejlede (exit ${code})`));
    });
  });
}
