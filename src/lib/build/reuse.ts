/**
 * Reusing an edition whose inputs have not changed since the last build into the same output folder. An edition's
 * build reads nothing but its stage and the tool's own files (see `isolation.ts`), so when both are the same, so is
 * the edition: the build keeps the folder in place instead of building it again. For the public edition that is the
 * common case: most changes are to internal documents. The leak scan still runs on a reused public edition, with the
 * patterns of today's internal documents.
 *
 * The fingerprint is a SHA-256 over every file of the stage (its own path written as a placeholder, since each stage
 * has a fresh name), the tool's files the edition process may read (`TOOL_FILES` but `node_modules`, which
 * `package-lock.json` stands for), the Node version and the Chromium that prints the PDFs, if any. It is kept beside the edition's
 * folder as `.<edition>.inputs` (never inside it, so it is not published) with the state of the folder's files, written
 * once the edition is in place and removed before it is replaced, so a build killed in between leaves none.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../util/files.ts';

/** The tool's files and folders that shape an edition (`isolation.ts` lets the edition process read these and `node_modules`). */
const TOOL_INPUTS = ['src', 'public', 'package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json', 'scripts/build-edition.ts'];

/**
 * What of a stage holds nothing of the edition: home and temporary folders of its processes, their output and log
 * (the edition process starts before its stage is filled, so these are there when the fingerprint is taken).
 */
const STAGE_SCRATCH = /^(?:(?:home|tmp|cache|dist|\.astro)\/|build\.log$)/;

/** What, besides the files, decides an edition's output. */
export interface FingerprintExtras {
  /** The Chromium that prints the edition's PDFs (`HANDBOOK_PDF=1`), absent without PDFs: another one prints others. */
  pdfBrowser?: string;
}

/** A Chromium as the fingerprint knows it: its path, size and modification time (an upgrade changes them). */
export function browserIdentity(executable: string): string {
  const { size, mtimeMs } = statSync(executable);
  return `${path.resolve(executable)} ${size} ${mtimeMs}`;
}

/** A hash update of one labelled input, its length first so no two sequences of inputs hash alike. */
const addTo = (hash: ReturnType<typeof createHash>) => (label: string, data: string | Buffer) =>
  hash.update(`${label}\0${data.length}\0`).update(data);

/** The tool's files hashed, per repository, once per process: both editions of a build share them. */
const toolHashes = new Map<string, string>();

/** The hash of the tool's files an edition process may read (`TOOL_INPUTS`), computed once per process. */
function toolFingerprint(repoRoot: string): string {
  let digest = toolHashes.get(repoRoot);
  if (digest === undefined) {
    const hash = createHash('sha256');
    const add = addTo(hash);
    for (const input of TOOL_INPUTS) {
      const full = path.join(repoRoot, input);
      if (!existsSync(full)) continue;
      const files = input.includes('.') ? [''] : listFiles(full);
      for (const file of files) add(`tool/${input}/${file}`, readFileSync(path.join(full, file)));
    }
    toolHashes.set(repoRoot, (digest = hash.digest('hex')));
  }
  return digest;
}

/** The fingerprint of a staged edition and the tool that would build it, e.g. `3f2a…` (hex). */
export function editionFingerprint(stageDir: string, repoRoot: string, extras: FingerprintExtras): string {
  const hash = createHash('sha256');
  const add = addTo(hash);
  add('node', process.version);
  add('pdf', extras.pdfBrowser ?? '');
  const stage = path.resolve(stageDir);
  for (const file of listFiles(stage).filter((f) => !STAGE_SCRATCH.test(f))) {
    const data = readFileSync(path.join(stage, file));
    // The manifest names the stage's own folder (its content and archive); everything else is taken as it is.
    add(`stage/${file}`, file.endsWith('.json') ? data.toString('utf8').split(stage).join('<stage>') : data);
  }
  add('tool', toolFingerprint(repoRoot));
  return hash.digest('hex');
}

/**
 * Whether `target` has an edition with a recorded fingerprint, which `isUnchanged` could find unchanged. Without one
 * the build need not take the fingerprint before the edition begins: it takes it while the edition builds.
 */
export function hasFingerprint(target: string): boolean {
  return existsSync(target) && existsSync(fingerprintFile(target));
}

/** Where the fingerprint of the edition in `target` (e.g. `dist/public`) is kept: `dist/.public.inputs`. */
const fingerprintFile = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.inputs`);

/** The state of an edition's folder: every file with its size and modification time, hashed. */
function outputState(target: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(target)) {
    const { size, mtimeMs } = statSync(path.join(target, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/**
 * Whether `target` holds an edition built from inputs with this fingerprint and left as the build wrote it: a file
 * added, removed or changed in the folder since (by hand, or by another tool) makes the edition be built again.
 */
export function isUnchanged(target: string, fingerprint: string): boolean {
  const file = fingerprintFile(target);
  if (!existsSync(target) || !existsSync(file)) return false;
  const [inputs, state] = readFileSync(file, 'utf8').split('\n');
  return inputs === fingerprint && state === outputState(target);
}

/** Forgets the fingerprint of `target`, before its folder is replaced. */
export function forgetFingerprint(target: string): void {
  rmSync(fingerprintFile(target), { force: true });
}

/** Records the fingerprint of the edition now in `target` (written to a temporary name, then renamed). */
export function recordFingerprint(target: string, fingerprint: string): void {
  const file = fingerprintFile(target);
  const temp = `${file}.${process.pid}`;
  writeFileSync(temp, `${fingerprint}\n${outputState(target)}\n`);
  renameSync(temp, file);
}
