/**
 * Process isolation of an edition's build (README "Isolation"): the edition process and the Astro process it starts
 * run under Node's permission model, reading only the stage and the tool's own code and writing only the stage, with
 * an environment that names neither the content folder nor `HANDBOOK_CONTENT`. Node passes the same permissions on
 * to the Node processes they start; programs of other kinds (Pagefind's binary) are not confined by it.
 */
import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** The repository's files the build runs from: its code, its modules, its config and the public folder. */
const TOOL_FILES = ['src', 'node_modules', 'public', 'package.json', 'astro.config.mjs', 'tsconfig.json', 'scripts/build-edition.ts'];

/**
 * Files outside the repository that Vite and its modules read at start-up, unguarded (a denied read would stop the
 * build): whether this is WSL. None holds anything of the handbook.
 */
const SYSTEM_PROBES = ['/proc/sys/fs/binfmt_misc/WSLInterop', '/proc/version', '/run/WSL'];

/** What an edition's processes may touch besides the tool's own files. */
export interface IsolationOptions {
  /** The repository root, whose `TOOL_FILES` may be read. */
  repoRoot: string;
  /** The edition's stage: readable and writable. */
  stageDir: string;
  /** Further writable files (the benchmark's `HANDBOOK_TIMINGS`). */
  writable?: readonly string[];
  /** The edition's own compile cache (`compile-cache.ts`): readable and writable, e.g. `/repo/.handbook-build/.compile-cache/public`. */
  compileCache?: string;
}

/** A path as given and as resolved through symbolic links: the permission model checks the path a call names. */
function bothForms(file: string): string[] {
  let real = file;
  try {
    real = realpathSync(file);
  } catch {
    // Not there (yet): only the path as given.
  }
  return [...new Set([path.resolve(file), real])];
}

/**
 * Node's permission flags for an edition process. Child processes: the edition process starts Astro and Pagefind's
 * binary. Addons: Rolldown, Oxc and Sätteri are native modules. Workers: Vite and Astro use worker threads.
 */
export function permissionFlags(options: IsolationOptions): string[] {
  const cache = options.compileCache ? [options.compileCache] : [];
  const read = [...TOOL_FILES.map((f) => path.join(options.repoRoot, f)), ...SYSTEM_PROBES, options.stageDir, ...cache];
  const write = [options.stageDir, ...cache, ...(options.writable ?? [])];
  return [
    '--permission',
    ...read.flatMap(bothForms).map((p) => `--allow-fs-read=${p}`),
    ...write.flatMap(bothForms).map((p) => `--allow-fs-write=${p}`),
    '--allow-child-process',
    '--allow-addons',
    '--allow-worker',
  ];
}

/** Variables an edition process gets from the environment: none names the content folder or the output. */
const PASSED = /^(?:PATH|LANG|LANGUAGE|LC_\w+|TZ|TERM|NO_COLOR|FORCE_COLOR|CI|GITHUB_ACTIONS|HANDBOOK_VERBOSE|HANDBOOK_TIMINGS|NODE_ENV)$/;

/**
 * The environment of an edition process: only `PASSED` variables, and none whose value names the content folder.
 * Home, configuration and temporary folders are folders of the stage: tools look there (Astro for its preferences)
 * and would otherwise be denied, or read the build user's own files.
 */
export function isolatedEnv(env: NodeJS.ProcessEnv, contentDir: string, stageDir: string, own: Record<string, string>): NodeJS.ProcessEnv {
  const content = bothForms(contentDir);
  const names = (value: string) => content.some((dir) => value.includes(dir));
  const passed = Object.entries(env).filter(([name, value]) => PASSED.test(name) && value !== undefined && !names(value));
  const home = path.join(stageDir, 'home');
  const tmp = path.join(stageDir, 'tmp');
  for (const dir of [home, tmp]) mkdirSync(dir, { recursive: true });
  const folders = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache'), TMPDIR: tmp };
  return { ...Object.fromEntries(passed), ...folders, ...own };
}
