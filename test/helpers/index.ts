import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** A fixture handbook's content folder. */
export const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', name, 'content');

/** The result of running one of the package scripts. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The script's process id (stage folders are named after it). */
  pid?: number;
}

/** Runs `node scripts/<script>.ts` with exactly the given `HANDBOOK_*` variables (none inherited), as `npm run` would. */
export function runScript(script: string, env: Record<string, string | undefined> = {}, args: string[] = []): RunResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: { ...withoutHandbookVars(process.env), GITHUB_ACTIONS: undefined, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr, pid: result.pid };
}

/** A fresh temporary folder outside the repository. */
export function tempDir(prefix = 'handbook-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Copies a fixture's content folder to a temporary folder, for tests that change it or put it in Git. */
export function copyFixture(name: string): string {
  const dir = path.join(tempDir(), 'content');
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

/** Every file below a folder, relative and sorted: the product's own listing. */
export { listFiles } from '../../src/lib/util/files.ts';
import { listFiles } from '../../src/lib/util/files.ts';
import { withoutHandbookVars } from '../../src/lib/config/env.ts';
import { afterAll } from 'vitest';

/** A file's text; gzip files (Pagefind's `.pf_*`) are decompressed first. */
export function readText(file: string): string {
  const bytes = readFileSync(file);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** All text of an output folder, file by file. */
export function readTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readText(path.join(dir, f))]));
}

/** Raw bytes of every file of a folder, for byte-identity comparisons. */
export function snapshotTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]));
}

/** A maker of fresh temporary folders, all removed once the test file is done. */
export function tempFolders(prefix = 'handbook-test-'): () => string {
  const made: string[] = [];
  afterAll(() => cleanup(...made));
  return () => {
    const dir = tempDir(prefix);
    made.push(dir);
    return dir;
  };
}

/** Removes a folder when a test is done with it. */
export function cleanup(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
