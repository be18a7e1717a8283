/**
 * Bad input gets a line, never a crash: each class of test/helpers/bad-input.ts, applied to every kind of file the
 * tool reads, through `check` and `build`. Each broken file gets one `file:line:col: message` line, the exit code is
 * 1, nothing is printed as a stack trace, and a failed build leaves the previous output byte-identical. The
 * harmless classes (byte-order mark, CRLF) are accepted and published as if they were not there.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocuments, loadHandbook } from '../../src/lib/content/load.ts';
import { badInput, baseCopy, CLASSES } from '../helpers/bad-input.ts';
import { cleanup, ROOT, runScript, snapshotTree, tempDir, type RunResult } from '../helpers/index.ts';
import { TODAY } from '../helpers/leaks.ts';

const made: string[] = [];
afterAll(() => cleanup(...made));

/** An output folder holding previous editions, and its bytes. */
function previousOutput(): { out: string; before: Map<string, string> } {
  const out = tempDir('handbook-bad-out-');
  made.push(out);
  for (const edition of ['intranet', 'public']) {
    mkdirSync(path.join(out, edition));
    writeFileSync(path.join(out, edition, 'index.html'), `<!doctype html><title>Forrige ${edition}</title>\n`);
  }
  return { out, before: snapshotTree(out) };
}

/** Asserts one line per expected `file:line:col`, exit code 1 and no stack trace. */
function expectLines(result: RunResult, expected: Map<string, string>): void {
  expect(result.code).toBe(1);
  const lines = result.stderr.split('\n');
  for (const [file, place] of expected)
    expect(
      lines.filter((l) => l.startsWith(`${file}:${place}: `)),
      `${file}:${place}\n${result.stderr}`,
    ).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at |Error:|node:internal/m);
}

const FAILING = Object.keys(CLASSES).filter((name) => name !== 'harmless' && name !== 'unreadable');

describe('bad input', () => {
  for (const name of FAILING) {
    it(`${name}: check and build name each file, line and column; the previous output stays`, () => {
      const { content, expected } = badInput(name);
      made.push(path.dirname(content));
      expect(expected.size).toBeGreaterThanOrEqual(4);
      expectLines(runScript('check', { HANDBOOK_CONTENT: content }), expected);
      const { out, before } = previousOutput();
      expectLines(runScript('build', { HANDBOOK_CONTENT: content, HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY }), expected);
      expect(snapshotTree(out)).toEqual(before);
    });
  }

  it('unreadable: check names each file (run as an unprivileged user when the tests run as root)', () => {
    const { content, expected } = badInput('unreadable');
    const parent = path.dirname(content);
    made.push(parent);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(parent, 0o755);
    const result = asRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.join(ROOT, 'scripts/check.ts')], {
          cwd: ROOT,
          env: { ...process.env, HANDBOOK_CONTENT: content, GITHUB_ACTIONS: undefined },
          encoding: 'utf8',
        })
      : spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts')], {
          cwd: ROOT,
          env: { ...process.env, HANDBOOK_CONTENT: content },
          encoding: 'utf8',
        });
    expectLines({ code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr }, expected);
    if (asRoot) return;
    const { out, before } = previousOutput();
    expectLines(runScript('build', { HANDBOOK_CONTENT: content, HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY }), expected);
    expect(snapshotTree(out)).toEqual(before);
  });

  it('a document that vanishes between listing and reading gets a line', () => {
    const content = baseCopy();
    made.push(path.dirname(content));
    const { settings } = loadHandbook(content, { files: [] });
    const { problems } = loadDocuments(content, ['regler/forsvundet.mdx'], { ...settings, ownMeasures: [] }, 'satteri');
    expect(problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`)).toEqual([
      'content/regler/forsvundet.mdx:1:1: filen forsvandt, før den kunne læses (slettet eller flyttet undervejs?)',
    ]);
  });

  it('harmless: a byte-order mark and CRLF line ends in every file are accepted and do not show on the pages', () => {
    const { content } = badInput('harmless');
    made.push(path.dirname(content));
    const check = runScript('check', { HANDBOOK_CONTENT: content });
    expect(check.stdout).toMatch(/: 0 fejl/);
    expect(check.code).toBe(0);
    const { out } = previousOutput();
    const built = runScript('build', { HANDBOOK_CONTENT: content, HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY });
    expect(built.code, built.stderr).toBe(0);
    const page = readFileSync(path.join(out, 'public/politikker/offentlig-politik/index.html'), 'utf8');
    expect(page).toMatch(/<h1[^>]*>Offentlig sikkerhedspolitik<\/h1>/);
    expect(page).not.toMatch(/\uFEFF|\r|^---/m);
    expect(readFileSync(path.join(out, 'intranet/regler/bilag/skema.csv'))).toEqual(
      readFileSync(path.join(content, 'regler/bilag/skema.csv')),
    );
  });
});
