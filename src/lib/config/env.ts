import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIsoDate, todayInCopenhagen } from '../util/dates.ts';

/** The repository root: relative `HANDBOOK_*` paths are resolved against it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The `HANDBOOK_*` environment, resolved and validated. */
export interface HandbookEnv {
  contentDir: string;
  outDir: string;
  today: string;
  drafts: boolean;
  /** `HANDBOOK_PDF=1`: also print the editions' PDFs. */
  pdf: boolean;
  /** The Chromium to print with when `CHROMIUM_PATH` names one, e.g. `/opt/chrome/chrome`. */
  chromiumPath?: string;
}

/** Reads the `HANDBOOK_*` variables DESIGN.md fixes, with their defaults. */
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
