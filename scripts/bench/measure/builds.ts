/** The two builds being compared, each run from a clean cache: ours (`scripts/build.ts`) and the plain Astro + MDX site. */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, type Measured } from './run.ts';
import { astroLogsByEdition, parseAstroLog, type AstroLogPhases } from './astro-log.ts';
import { withoutHandbookVars } from '../../../src/lib/config/env.ts';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The plain comparison site. */
export const PLAIN_SITE = path.join(ROOT, 'scripts', 'bench', 'plain-site');
const ASTRO_BIN = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const PAGEFIND_BIN = path.join(ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');

/** One measured run: wall time, peak memory and phase times in ms keyed `phase` or `phase:edition`. */
export interface RunResult {
  wallMs: number;
  peakRss: number;
  /** Peak of summed proportional set sizes: shared pages counted once (0 where the kernel does not report it). */
  peakPss?: number;
  /** User + system CPU time of every process of the build, when measurable. */
  cpuMs?: number;
  /** Core time the host gave other guests meanwhile (`stolenMs`), when measurable. */
  stealMs?: number;
  phases: Record<string, number>;
}

/** Phase times from a `HANDBOOK_TIMINGS` file; repeated phases of one edition are added up. */
export function readTimings(file: string): Record<string, number> {
  const phases: Record<string, number> = {};
  if (!existsSync(file)) return phases;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line) as { phase: string; edition?: string; ms: number };
    const key = entry.edition ? `${entry.phase}:${entry.edition}` : entry.phase;
    phases[key] = (phases[key] ?? 0) + entry.ms;
  }
  return phases;
}

/** A stage folder nobody has touched for ten minutes: left behind by a crashed build, not in use by a running one. */
function isStale(dir: string): boolean {
  return Date.now() - statSync(dir).mtimeMs > 10 * 60_000;
}

/** Removes Astro's and Vite's caches, so every run starts cold; live stage folders of concurrent builds are spared. */
export function cleanCaches(extra: string[] = []): void {
  for (const dir of [
    path.join(ROOT, 'node_modules', '.astro'),
    path.join(ROOT, 'node_modules', '.vite'),
    path.join(PLAIN_SITE, '.astro'),
    path.join(PLAIN_SITE, 'node_modules'),
    ...extra,
  ]) {
    rmSync(dir, { recursive: true, force: true });
  }
  const stages = path.join(ROOT, '.handbook-build');
  if (!existsSync(stages)) return;
  for (const entry of readdirSync(stages)) {
    // `.compile-cache` is Node's code cache, kept as plain's is in the system's temporary folder (compile-cache.ts).
    if (entry.startsWith('.')) continue;
    const dir = path.join(stages, entry);
    if (isStale(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails loudly with the build's own output when a command did not succeed. */
function ensureOk(what: string, result: Measured): Measured {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}):\n${result.output.slice(-4000)}`);
  return result;
}

/** Environment for child builds: no telemetry, no CI annotations, no inherited HANDBOOK_* settings. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...withoutHandbookVars(process.env), ASTRO_TELEMETRY_DISABLED: '1', GITHUB_ACTIONS: undefined, ...extra };
}

/** Builds both editions with our generator as `npm run build` starts it, reading phase times from `HANDBOOK_TIMINGS`. */
export async function runOurs(contentDir: string, outDir: string, today: string, nodeOptions?: string): Promise<RunResult> {
  const timings = `${outDir}.timings.jsonl`;
  rmSync(timings, { force: true });
  cleanCaches();
  // Verbose, so Astro's own log (and its timings) is passed through.
  const env = childEnv({
    HANDBOOK_CONTENT: contentDir,
    HANDBOOK_OUT: outDir,
    HANDBOOK_TODAY: today,
    HANDBOOK_TIMINGS: timings,
    HANDBOOK_VERBOSE: '1',
  });
  if (nodeOptions) env.NODE_OPTIONS = nodeOptions;
  const result = ensureOk('Our build', await measure(process.execPath, [path.join(ROOT, 'scripts', 'run-build.mjs')], { cwd: ROOT, env }));
  const phases = readTimings(timings);
  for (const [edition, log] of astroLogsByEdition(result.output)) addAstroPhases(phases, log, `:${edition}`);
  return { wallMs: result.ms, peakRss: result.peakRss, peakPss: result.peakPss, cpuMs: result.cpuMs, stealMs: result.stealMs, phases };
}

/** Adds Astro's logged timings as `astro-sync`, `astro-vite`, `astro-render` and `astro-total` phases. */
function addAstroPhases(phases: Record<string, number>, log: AstroLogPhases, suffix: string): void {
  for (const key of ['sync', 'vite', 'render', 'total'] as const) {
    if (log[key] !== undefined) phases[`astro-${key}${suffix}`] = log[key];
  }
}

/** Builds the same documents with the plain site (`astro build`, then the Pagefind CLI), as one edition. */
export async function runPlain(contentDir: string, outDir: string, cacheDir: string): Promise<RunResult> {
  cleanCaches([cacheDir]);
  const env = childEnv({ BENCH_CONTENT: contentDir, BENCH_OUT: outDir, BENCH_CACHE: cacheDir });
  const astro = ensureOk(
    'Plain Astro build',
    await measure(process.execPath, [ASTRO_BIN, 'build', '--root', PLAIN_SITE], { cwd: PLAIN_SITE, env }),
  );
  const pagefind = ensureOk('Plain Pagefind', await measure(process.execPath, [PAGEFIND_BIN, '--site', outDir], { cwd: PLAIN_SITE, env }));
  const phases = { astro: astro.ms, pagefind: pagefind.ms, total: astro.ms + pagefind.ms };
  addAstroPhases(phases, parseAstroLog(astro.output), '');
  const cpuMs = astro.cpuMs !== undefined && pagefind.cpuMs !== undefined ? astro.cpuMs + pagefind.cpuMs : undefined;
  const stealMs = astro.stealMs !== undefined && pagefind.stealMs !== undefined ? astro.stealMs + pagefind.stealMs : undefined;
  return {
    wallMs: astro.ms + pagefind.ms,
    peakRss: Math.max(astro.peakRss, pagefind.peakRss),
    peakPss: Math.max(astro.peakPss, pagefind.peakPss),
    cpuMs,
    stealMs,
    phases,
  };
}
