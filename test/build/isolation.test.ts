/**
 * The edition processes' isolation on its own: a public stage holding build-time code that `check` would refuse
 * (written into the stage here, past the refusal) runs in the real edition process; every read outside the stage
 * fails, and nothing of the files it reached for is in the output.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/load.ts';
import { readGit } from '../../src/lib/git/history.ts';
import { stageEdition } from '../../src/lib/build/stage.ts';
import { runEditionProcess } from '../../src/lib/build/edition-process.ts';
import { editionCompileCache } from '../../src/lib/build/compile-cache.ts';
import { cleanup, copyFixture, listFiles, readTree, ROOT } from '../helpers/index.ts';
import { TODAY } from '../helpers/leaks.ts';
import type { Edition } from '../../src/schemas/settings.ts';

const content = copyFixture('minimal');
const outside = path.join(path.dirname(content), 'udenfor');
/** Words that must not reach the output: a file outside, an internal document, a file of the repository, the folders. */
const SECRET = 'GRAAMEJSE4711';
const INTERNAL = 'Zebrafinke';
const REPO_FILE = 'CODEOWNERS';
/** A line of that file, which the page would show had the read succeeded. */
const REPO_LINE = readFileSync(path.join(ROOT, REPO_FILE), 'utf8')
  .split('\n')
  .find((l) => l.startsWith('/'))!;
const made: string[] = [path.dirname(content)];
afterAll(() => cleanup(...made));

mkdirSync(outside);
writeFileSync(path.join(outside, 'hemmelig.txt'), `Koden er ${SECRET}.\n`);
writeFileSync(path.join(outside, 'modul.mjs'), `export default 'Koden er ${SECRET}';\n`);
// The public policy gets an expression, so it is staged as MDX (a plain-Markdown document runs no code).
const policy = path.join(content, 'politikker/sikkerhedspolitik.mdx');
writeFileSync(policy, `${readFileSync(policy, 'utf8')}\nTitel: {frontmatter.title}\n`);
const handbook = loadHandbook(content);

/** Stages the public edition with `body` in place of the policy's body: code that check and build would refuse. */
function hostileStage(body: string, edition: Edition = 'public'): string {
  const stageDir = stageEdition(handbook, readGit(content, new Map()), {
    edition,
    today: TODAY,
    drafts: false,
    parentDir: path.join(ROOT, '.handbook-build'),
  });
  made.push(stageDir);
  const staged = path.join(stageDir, 'content/politikker/sikkerhedspolitik.mdx');
  const frontmatter = readFileSync(staged, 'utf8').split(/^---$/m).slice(0, 2).join('---');
  writeFileSync(staged, `${frontmatter}---\n\n${body}\n`);
  return stageDir;
}

/** Builds a stage as `npm run build` does, its stderr captured; resolves to the failure message or undefined. */
async function buildStage(stageDir: string, edition: Edition = 'public', compileCache?: string): Promise<string | undefined> {
  const write = process.stderr.write;
  process.stderr.write = () => true;
  try {
    await runEditionProcess(stageDir, edition, { repoRoot: ROOT, contentDir: content, yields: false, compileCache });
    return undefined;
  } catch (error) {
    const log = path.join(stageDir, 'build.log');
    return `${(error as Error).message}\n${existsSync(log) ? readFileSync(log, 'utf8') : ''}`;
  } finally {
    process.stderr.write = write;
  }
}

/** Every file of a built stage's output whose text holds one of the words. */
function holding(stageDir: string, words: readonly string[]): string[] {
  if (!existsSync(path.join(stageDir, 'dist'))) return [];
  return [...readTree(path.join(stageDir, 'dist'))].filter(([, text]) => words.some((w) => text.includes(w))).map(([f]) => f);
}

describe('isolation of the public edition process', () => {
  it('denies reads by absolute path, from process.cwd(), of a listing and of a computed import; the environment names no content folder', async () => {
    const stageDir = hostileStage(
      [
        "import fs from 'node:fs';",
        "import path from 'node:path';",
        "export const attempt = (f) => { try { return 'LÆST ' + String(f()); } catch (e) { return 'NÆGTET ' + (e.code ?? e.message); } };",
        `export const absolute = attempt(() => fs.readFileSync('${outside}/hemmelig.txt', 'utf8'));`,
        `export const internal = attempt(() => fs.readFileSync('${content}/regler/hemmelig-serverrum.mdx', 'utf8'));`,
        `export const fromCwd = attempt(() => fs.readFileSync(path.join(process.cwd(), '${REPO_FILE}'), 'utf8'));`,
        `export const listing = attempt(() => fs.readdirSync('${content}/regler').join(' '));`,
        `export const home = attempt(() => fs.readdirSync('${homedir()}').join(' '));`,
        `export const imported = await import(['${outside}', 'modul.mjs'].join('/')).then((m) => 'LÆST ' + m.default, (e) => 'NÆGTET ' + e.code);`,
        'export const environment = JSON.stringify(process.env);',
        '',
        '<p id="a">{absolute}</p> <p id="b">{internal}</p> <p id="c">{fromCwd}</p> <p id="d">{listing}</p> <p id="e">{home}</p> <p id="f">{imported}</p>',
        '',
        '<pre id="env">{environment}</pre>',
      ].join('\n'),
    );
    expect(await buildStage(stageDir)).toBeUndefined();
    const page = readFileSync(path.join(stageDir, 'dist/politikker/sikkerhedspolitik/index.html'), 'utf8');
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) expect(page).toMatch(new RegExp(`<p id="${id}">NÆGTET ERR_ACCESS_DENIED</p>`));
    const environment = /<pre id="env">(.*?)<\/pre>/s.exec(page)![1]!;
    expect(environment).toContain('HANDBOOK_STAGE');
    expect(environment).not.toContain('HANDBOOK_CONTENT');
    expect(environment).not.toContain(path.dirname(content));
    expect(holding(stageDir, [SECRET, INTERNAL, 'hemmelig-serverrum', 'intern-adgangskoder', REPO_LINE])).toEqual([]);
  });

  it('fails the build when a document imports a module from outside the stage (the bundler reads it, not Node)', async () => {
    const stageDir = hostileStage(`export const imported = (await import('${outside}/modul.mjs')).default;\n\n{imported}`);
    expect(await buildStage(stageDir)).toMatch(`modulet ${outside}/modul.mjs ligger uden for udgavens mappe`);
    expect(holding(stageDir, [SECRET])).toEqual([]);
  });

  it('does not start on a stage holding a symbolic link, which the permission model would follow out of the stage', async () => {
    const stageDir = hostileStage(
      `export const text = (await import('node:fs')).readFileSync(new URL('./hemmelig.txt', import.meta.url), 'utf8');\n\n{text}`,
    );
    symlinkSync(path.join(outside, 'hemmelig.txt'), path.join(stageDir, 'content/politikker/hemmelig.txt'));
    expect(await buildStage(stageDir)).toMatch(
      /^public: content\/politikker\/hemmelig\.txt i udgavens mappe er en symbolsk lænke; den følges ikke/,
    );
    expect(holding(stageDir, [SECRET])).toEqual([]);
  });

  it('lets the public edition use its own compile cache, never the intranet edition’s, and runs Astro without its sync step', async () => {
    const caches = path.join(path.dirname(content), 'caches');
    const intranetCache = editionCompileCache(caches, 'intranet', false);
    const publicCache = editionCompileCache(caches, 'public', false);
    writeFileSync(path.join(intranetCache, 'kode'), `Koden er ${SECRET}.\n`);
    const stageDir = hostileStage(
      [
        "import fs from 'node:fs';",
        "export const attempt = (f) => { try { return 'LÆST ' + String(f()); } catch (e) { return 'NÆGTET ' + (e.code ?? e.message); } };",
        `export const other = attempt(() => fs.readFileSync('${intranetCache}/kode', 'utf8'));`,
        `export const listing = attempt(() => fs.readdirSync('${path.dirname(intranetCache)}').join(' '));`,
        `export const own = attempt(() => Array.isArray(fs.readdirSync('${publicCache}')));`,
        '',
        '<p id="a">{other}</p> <p id="b">{listing}</p> <p id="c">{own}</p>',
      ].join('\n'),
    );
    expect(await buildStage(stageDir, 'public', publicCache)).toBeUndefined();
    const page = readFileSync(path.join(stageDir, 'dist/politikker/sikkerhedspolitik/index.html'), 'utf8');
    for (const id of ['a', 'b']) expect(page).toMatch(new RegExp(`<p id="${id}">NÆGTET ERR_ACCESS_DENIED</p>`));
    expect(page).toContain('<p id="c">LÆST true</p>');
    // Node wrote the code of the modules the processes loaded into it.
    expect(readdirSync(publicCache, { recursive: true }).length).toBeGreaterThan(100);
    // Astro built the pages without syncing content collections or writing types (scripts/build-edition.ts).
    const log = readFileSync(path.join(stageDir, 'build.log'), 'utf8');
    expect(log).toMatch(/\d+ page\(s\) built in/);
    expect(log).not.toMatch(/Syncing content|\[types\] Generated/);
    // The pages reached the index as Astro rendered them (src/integration/page-stream.ts), none read back from the
    // folder but the 404 page, which Astro writes under another name.
    const [, indexed, given] = /Pagefind: (\d+) sider indekseret \(public\); (\d+) sider modtaget under renderingen/.exec(log) ?? [];
    const html = listFiles(path.join(stageDir, 'dist')).filter((f) => f.endsWith('.html'));
    expect(Number(indexed)).toBeGreaterThan(0);
    expect(Number(given)).toBe(html.length - 1);
    expect(holding(stageDir, [SECRET])).toEqual([]);
  });

  it('gives the intranet edition the same isolation: no file outside its stage, not even the content folder', async () => {
    const stageDir = hostileStage(
      [
        "import fs from 'node:fs';",
        "export const attempt = (f) => { try { return 'LÆST ' + String(f()); } catch (e) { return 'NÆGTET ' + (e.code ?? e.message); } };",
        `export const absolute = attempt(() => fs.readFileSync('${outside}/hemmelig.txt', 'utf8'));`,
        `export const listing = attempt(() => fs.readdirSync('${content}').join(' '));`,
        '',
        '<p id="a">{absolute}</p> <p id="b">{listing}</p>',
      ].join('\n'),
      'intranet',
    );
    expect(await buildStage(stageDir, 'intranet')).toBeUndefined();
    const page = readFileSync(path.join(stageDir, 'dist/politikker/sikkerhedspolitik/index.html'), 'utf8');
    for (const id of ['a', 'b']) expect(page).toMatch(new RegExp(`<p id="${id}">NÆGTET ERR_ACCESS_DENIED</p>`));
    expect(holding(stageDir, [SECRET, 'handbook.yaml'])).toEqual([]);
  });
});
