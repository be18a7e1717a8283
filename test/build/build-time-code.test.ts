/** `check` and `build` refuse build-time code in every document, public or internal, and the build leaves the output alone. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixture, runScript, snapshotTree, tempDir } from '../helpers/index.ts';
import { TODAY } from '../helpers/leaks.ts';

const out = tempDir('handbook-code-');
afterAll(() => cleanup(out));

/** Every refusal the fixture holds, `file:line:col: what`, as both commands must print them. */
const EXPECTED = [
  'intern-kode.mdx:10:22: byggekode: "require"',
  'offentlig-kode.mdx:12:30: byggekode: Node-modulet "node:fs"',
  'offentlig-kode.mdx:13:21: byggekode: "process"',
  'offentlig-kode.mdx:17:11: byggekode: import.meta',
  'offentlig-kode.mdx:17:32: byggekode: "globalThis"',
  'offentlig-kode.mdx:19:22: byggekode: import(…)',
  'offentlig-kode.mdx:21:2: byggekode: "eval"',
  'offentlig-kode.mdx:21:18: byggekode: "fetch"',
  'offentlig-kode.mdx:21:54: byggekode: "Function"',
  'offentlig-kode.mdx:23:2: byggekode: "require"',
  'offentlig-kode.mdx:23:21: byggekode: egenskaben "constructor"',
  'offentlig-kode.mdx:23:33: byggekode: egenskaben "constructor"',
  'offentlig-kode.mdx:23:79: byggekode: et beregnet egenskabsnavn (a[x])',
].map((line) => `content/regler/${line} er ikke tilladt i dokumenter (koden køres under bygningen); brug `);

/** The refusal lines of a command's stderr, cut after "brug " (the advice is the same on each). */
const refusals = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.includes('byggekode:'))
    .map((l) => l.slice(0, l.indexOf('; brug ') + 7));

describe('build-time code', () => {
  it('is refused by check, one line per use with file, line and column', () => {
    const check = runScript('check', { HANDBOOK_CONTENT: fixture('build-time-code') });
    expect(check.code).toBe(1);
    expect(refusals(check.stderr)).toEqual(EXPECTED);
    expect(check.stderr).not.toMatch(/^\s+at /m);
  });

  it('is refused by build before anything is staged, for both editions; the previous output stays as it was', () => {
    mkdirSync(path.join(out, 'public'), { recursive: true });
    writeFileSync(path.join(out, 'public/index.html'), '<!doctype html><title>Forrige udgave</title>\n');
    const before = snapshotTree(out);
    const built = runScript('build', { HANDBOOK_CONTENT: fixture('build-time-code'), HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY });
    expect(built.code).toBe(1);
    expect(refusals(built.stderr)).toEqual(EXPECTED);
    expect(built.stderr).toMatch(/^Bygningen er stoppet; de tidligere udgaver er ikke ændret\.$/m);
    expect(snapshotTree(out)).toEqual(before);
  });
});
