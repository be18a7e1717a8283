/** A public document that links to, imports or reads a non-public one: check and build fail, naming both, output untouched. */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runScript, snapshotTree, tempFolders } from '../helpers/index.ts';
import { TODAY } from '../helpers/leaks.ts';

const temp = tempFolders('handbook-leak-refs-');

/** An output folder holding a previous public edition, so a failed build can be seen to leave it alone. */
function previousOutput(): { out: string; before: Map<string, string> } {
  const out = temp();
  mkdirSync(path.join(out, 'public'), { recursive: true });
  writeFileSync(path.join(out, 'public/index.html'), '<!doctype html><title>Forrige udgave</title>\n');
  return { out, before: snapshotTree(out) };
}

/** Runs check and a public build of a content folder; both must fail with `expected` lines, the output unchanged. */
function expectRefused(content: string, expected: RegExp[], checkFails = true) {
  const check = runScript('check', { HANDBOOK_CONTENT: content });
  expect(check.code).toBe(checkFails ? 1 : 0);
  const { out, before } = previousOutput();
  const built = runScript('build', { HANDBOOK_CONTENT: content, HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY }, ['public']);
  expect(built.code).toBe(1);
  for (const line of expected) {
    if (checkFails) expect(check.stderr).toMatch(line);
    expect(built.stderr).toMatch(line);
  }
  expect(snapshotTree(out)).toEqual(before);
  return built;
}

/** A copy of a fixture with one document's text changed. */
function variant(name: string, file: string, change: (text: string, content: string) => string): string {
  const content = path.join(temp(), 'content');
  cpSync(fixture(name), content, { recursive: true });
  const full = path.join(content, file);
  writeFileSync(full, change(readFileSync(full, 'utf8'), content));
  return content;
}

const NOT_PUBLIC = 'som ikke er offentligt';

describe('cross-edition references', () => {
  it('refuses a public document linking to a non-public one by file, by address and by reference definition', () => {
    const from = 'content/politikker/offentlig-politik.mdx';
    const to = 'content/regler/intern-oryx.mdx';
    expectRefused(
      fixture('leak-cross-link'),
      [17, 17, 19].map(
        (line, i) =>
          new RegExp(`^${from}:${line}:${[4, 52, 1][i]}: link: offentligt dokument linker til ${to}, ${NOT_PUBLIC}.*${from}`, 'm'),
      ),
    );
  });

  it('refuses a public document importing a non-public one', () => {
    const from = 'content/regler/offentlig-regel.mdx';
    expectRefused(fixture('leak-cross-import'), [
      new RegExp(`^${from}:11:1: link: offentligt dokument importerer content/regler/intern-oryx.mdx, ${NOT_PUBLIC}`, 'm'),
    ]);
  });

  it('refuses an import by absolute path, which would reach past the staged files', () => {
    const content = variant('leak-cross-import', 'regler/offentlig-regel.mdx', (t, dir) =>
      t.replace("'./intern-oryx.mdx'", `'${dir}/regler/intern-oryx.mdx'`),
    );
    expectRefused(content, [
      /^content\/regler\/offentlig-regel\.mdx:11:1: import: ".*\/regler\/intern-oryx\.mdx" skal være en relativ sti/m,
    ]);
  });

  it('refuses, when staging, an attachment that is a symbolic link to a non-public document (check cannot see it)', () => {
    expectRefused(fixture('leak-symlink'), [/^public: regler\/billeder\/diagram\.svg er ikke offentligt/m], false);
  });

  it('refuses, in check and build, a public document that reads a non-public file at build time', () => {
    // What the process isolation would stop if it got through: test/build/isolation.test.ts.
    const content = variant('leak-cross-import', 'regler/offentlig-regel.mdx', (t, dir) =>
      t
        .replace(
          "import OryxTekst from './intern-oryx.mdx';",
          `export const hemmelig = (await import(\`node:fs\`)).readFileSync(\`${dir}/regler/intern-oryx.mdx\`, \`utf8\`);`,
        )
        .replace('<OryxTekst />', '{hemmelig}'),
    );
    expectRefused(content, [/^content\/regler\/offentlig-regel\.mdx:\d+:\d+: byggekode: import\(…\) er ikke tilladt i dokumenter/m]);
  });
});
