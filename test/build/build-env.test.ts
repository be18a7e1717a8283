import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, copyFixture, fixture, listFiles, readTree, runScript, snapshotTree, tempDir } from '../helpers/index.ts';

const made: string[] = [];
const out = () => {
  const dir = tempDir();
  made.push(dir);
  return dir;
};
afterAll(() => cleanup(...made));

const page = (dir: string, edition: string, id: string) => readFileSync(path.join(dir, edition, id, 'index.html'), 'utf8');

describe('HANDBOOK_* variables', () => {
  it('builds the folder HANDBOOK_CONTENT names into HANDBOOK_OUT outside the repository', () => {
    const dir = out();
    const result = runScript('build', { HANDBOOK_CONTENT: fixture('minimal'), HANDBOOK_OUT: dir, HANDBOOK_TODAY: '2026-06-01' });
    expect(result.code, result.stderr).toBe(0);
    expect(page(dir, 'public', 'politikker/sikkerhedspolitik')).toContain('Offentlig sikkerhedspolitik');
    expect(page(dir, 'intranet', 'regler/intern-adgangskoder')).toContain('Interne regler for adgangskoder Bæltedyr');
    expect(existsSync(path.join(dir, 'public/regler/intern-adgangskoder'))).toBe(false);
    // linked attachments are published at their path, only with the documents that link to them
    expect(page(dir, 'public', 'regler/ordliste')).toContain('href="/regler/bilag/ordliste-skema.pdf"');
    expect(readFileSync(path.join(dir, 'public/regler/bilag/ordliste-skema.pdf'), 'utf8')).toContain('Offentligt skema');
    expect(existsSync(path.join(dir, 'intranet/regler/bilag/alarmplan-zebrafinke.pdf'))).toBe(true);
    expect(existsSync(path.join(dir, 'public/regler/bilag/alarmplan-zebrafinke.pdf'))).toBe(false);
    // retired documents are in no edition; drafts only with HANDBOOK_DRAFTS=1
    for (const edition of ['intranet', 'public']) {
      expect(existsSync(path.join(dir, edition, 'regler/udgaaet-fax'))).toBe(false);
      expect(existsSync(path.join(dir, edition, 'regler/kladde-om-mobiltelefoner'))).toBe(false);
    }
  });

  it('changes which banners appear with HANDBOOK_TODAY', () => {
    const early = out();
    const late = out();
    expect(
      runScript('build', { HANDBOOK_CONTENT: fixture('minimal'), HANDBOOK_OUT: early, HANDBOOK_TODAY: '2026-03-01' }, ['intranet']).code,
    ).toBe(0);
    expect(
      runScript('build', { HANDBOOK_CONTENT: fixture('minimal'), HANDBOOK_OUT: late, HANDBOOK_TODAY: '2026-06-01' }, ['intranet']).code,
    ).toBe(0);
    // ordliste: next review 2026-06-20 — current on 1 March, due soon on 1 June
    expect(page(early, 'intranet', 'regler/ordliste')).not.toContain('banner--due-soon');
    expect(page(late, 'intranet', 'regler/ordliste')).toContain('banner--due-soon');
    // serverrum: next review 2026-01-10 — overdue on both days
    expect(page(early, 'intranet', 'regler/hemmelig-serverrum')).toContain('banner--overdue');
    expect(existsSync(path.join(late, 'public'))).toBe(false);
  });

  it('includes drafts, marked, in the intranet with HANDBOOK_DRAFTS=1 but never in the public edition', () => {
    const dir = out();
    const result = runScript('build', {
      HANDBOOK_CONTENT: fixture('minimal'),
      HANDBOOK_OUT: dir,
      HANDBOOK_TODAY: '2026-06-01',
      HANDBOOK_DRAFTS: '1',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(page(dir, 'intranet', 'regler/kladde-om-mobiltelefoner')).toContain('banner--draft');
    const publicText = [...readTree(path.join(dir, 'public')).values()].join('\n');
    expect(publicText).not.toContain('Okapi');
  });

  it('gives correct output for two different content folders built one after the other', () => {
    const first = out();
    const second = out();
    expect(runScript('build', { HANDBOOK_CONTENT: fixture('minimal'), HANDBOOK_OUT: first }).code).toBe(0);
    expect(runScript('build', { HANDBOOK_CONTENT: fixture('other'), HANDBOOK_OUT: second }).code).toBe(0);
    for (const edition of ['intranet', 'public']) {
      const text = [...readTree(path.join(second, edition)).values()].join('\n');
      expect(text).toContain('Pelikan');
      expect(text).not.toMatch(/Bæltedyr|Zebrafinke|Offentlig sikkerhedspolitik/);
      const firstText = [...readTree(path.join(first, edition)).values()].join('\n');
      expect(firstText).not.toContain('Pelikan');
    }
  });
});

describe('a failed build', () => {
  it('leaves the previous editions byte-identical, whether check, Astro or the index step fails', () => {
    const dir = out();
    expect(runScript('build', { HANDBOOK_CONTENT: fixture('minimal'), HANDBOOK_OUT: dir, HANDBOOK_TODAY: '2026-06-01' }).code).toBe(0);
    const before = snapshotTree(dir);
    expect(before.size).toBeGreaterThan(10);

    const invalid = runScript('build', { HANDBOOK_CONTENT: fixture('invalid'), HANDBOOK_OUT: dir });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^content\/regler\/forkert-type\.mdx:3:7: type:/m);
    expect(snapshotTree(dir)).toEqual(before);

    const broken = runScript('build', { HANDBOOK_CONTENT: fixture('render-error'), HANDBOOK_OUT: dir });
    expect(broken.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);

    // The index step (scripts/build-edition.ts, after Astro) refuses an inline event handler the CSP would block.
    const inline = copyFixture('minimal');
    appendFileSync(path.join(inline, 'regler', 'intern-adgangskoder.mdx'), '\n<button onclick="alert(1)">Klik</button>\n');
    const unindexed = runScript('build', { HANDBOOK_CONTENT: inline, HANDBOOK_OUT: dir, HANDBOOK_TODAY: '2026-06-01' });
    expect(unindexed.code).toBe(1);
    expect(unindexed.stderr).toMatch(/^regler\/intern-adgangskoder\/index\.html: inline-hændelsen onclick= virker ikke/m);
    expect(unindexed.stderr).not.toMatch(/^\s+at /m);
    // The public edition, without that document, built and was swapped in; the failed intranet was not.
    const intranet = (tree: Map<string, unknown>) => [...tree].filter(([file]) => file.startsWith('intranet/'));
    expect(intranet(snapshotTree(dir))).toEqual(intranet(before));
    expect(intranet(before).length).toBeGreaterThan(10);
    expect(listFiles(dir).every((f) => !f.includes('.new-') && !f.includes('.old-'))).toBe(true);
  });
});
