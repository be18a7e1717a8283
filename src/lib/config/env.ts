/**
 * The one module that reads `HANDBOOK_*` variables: the ones users set, listed in README (`readEnv`) and the internal ones the
 * build sets for its own processes or the benchmark sets for measuring (`readInternalEnv`). Everything else gets
 * these values passed in.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIsoDate, todayInCopenhagen } from '../util/dates.ts';

/** The repository root: relative `HANDBOOK_*` paths are resolved against it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The user-facing `HANDBOOK_*` environment (README, "Environment variables"), resolved and validated. */
export interface HandbookEnv {
  /** Absolute content folder, e.g. `/repo/content` (`HANDBOOK_CONTENT`, default `./content`). */
  contentDir: string;
  /** Absolute output folder, e.g. `/repo/dist` (`HANDBOOK_OUT`, default `./dist`). */
  outDir: string;
  /** The date review status is judged against, e.g. `2026-11-29` (`HANDBOOK_TODAY`, default today in Copenhagen). */
  today: string;
  /** Whether drafts are in the intranet edition (`HANDBOOK_DRAFTS=1`). */
  drafts: boolean;
  /** `HANDBOOK_PDF=1`: also print the editions' PDFs. */
  pdf: boolean;
  /** The Chromium to print with when `CHROMIUM_PATH` names one, e.g. `/opt/chrome/chrome`. */
  chromiumPath?: string;
}

/** Internal variables: set by `npm run build` for its edition processes, or by the benchmark. */
export interface InternalEnv {
  /** The stage folder an edition process builds, e.g. `/repo/.handbook-build/public-Ab12Cd` (`HANDBOOK_STAGE`). */
  stage?: string;
  /** Whether this edition's Astro process lowers its CPU priority (`HANDBOOK_YIELD_CPU=1`). */
  yieldCpu: boolean;
  /** A file the build appends its phase times to, as JSON lines (`HANDBOOK_TIMINGS`). */
  timings?: string;
  /** Whether the build prints Astro's own log (`HANDBOOK_VERBOSE=1`). */
  verbose: boolean;
}

/** Reads the user-facing `HANDBOOK_*` variables, with their defaults. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): HandbookEnv {
  const today = env.HANDBOOK_TODAY || todayInCopenhagen();
  if (!isIsoDate(today)) throw new Error(`HANDBOOK_TODAY: "${today}" er ikke en dato på formen ÅÅÅÅ-MM-DD`);
  return {
    contentDir: path.resolve(REPO_ROOT, env.HANDBOOK_CONTENT || 'content'),
    outDir: path.resolve(REPO_ROOT, env.HANDBOOK_OUT || 'dist'),
    today,
    drafts: env.HANDBOOK_DRAFTS === '1',
    pdf: env.HANDBOOK_PDF === '1',
    chromiumPath: env.CHROMIUM_PATH || undefined,
  };
}

/** Reads the internal variables. */
export function readInternalEnv(env: NodeJS.ProcessEnv = process.env): InternalEnv {
  return {
    stage: env.HANDBOOK_STAGE || undefined,
    yieldCpu: env.HANDBOOK_YIELD_CPU === '1',
    timings: env.HANDBOOK_TIMINGS || undefined,
    verbose: env.HANDBOOK_VERBOSE === '1',
  };
}

/** A copy of `env` without any `HANDBOOK_*` variable, for processes that must get every setting passed in. */
export function withoutHandbookVars(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('HANDBOOK_')));
}
