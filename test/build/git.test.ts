import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { fixture, readTree, runScript, tempFolders } from '../helpers/index.ts';
import { commitChange, countingGit, gitAt, initRepo } from '../helpers/git.ts';
import { readGit, readGitLog, readGitLogAsync } from '../../src/lib/git/history.ts';

const temp = tempFolders();
const page = (out: string, edition: string, id: string) => readFileSync(path.join(out, edition, id, 'index.html'), 'utf8');

/** The minimal fixture in a repository with dated commits after and before approval. */
function fixtureRepo(): string {
  const repo = temp();
  cpSync(fixture('minimal'), path.join(repo, 'content'), { recursive: true });
  appendFileSync(path.join(repo, 'content/handbook.yaml'), 'repository: { url: "https://github.com/dst/haandbog", branch: main }\n');
  initRepo(repo, '2025-01-01');
  commitChange(
    repo,
    'content/regler/hemmelig-serverrum.mdx',
    '2026-03-01',
    'Intern: ny alarmkode til Zebrafinke-døren',
    (t) => `${t}\nNy alarmkode gælder fra marts.\n`,
  );
  commitChange(repo, 'content/regler/ordliste.mdx', '2026-03-05', 'Ordliste gennemgået, version hævet', (t) =>
    t.replace('audience: public', 'audience: public\nversion: "1.1"'),
  );
  commitChange(repo, 'content/regler/intern-adgangskoder.mdx', '2026-01-20', 'Adgangskoder: præciseret længde', (t) =>
    t.replace('seksten', '16'),
  );
  return repo;
}

describe('git data on pages and in change feeds', () => {
  let repo: string;
  let out: string;
  beforeAll(() => {
    repo = fixtureRepo();
    out = temp();
    const result = runScript('build', { HANDBOOK_CONTENT: path.join(repo, 'content'), HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-06-01' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/advarsel/);
  });

  it('flags a body change after approval, but not a frontmatter-only change or one before approval', () => {
    expect(page(out, 'intranet', 'regler/hemmelig-serverrum')).toContain('banner--changed');
    expect(page(out, 'intranet', 'regler/ordliste')).not.toContain('banner--changed');
    expect(page(out, 'intranet', 'regler/intern-adgangskoder')).not.toContain('banner--changed');
  });

  it('shows last change, recent commits and host links on the intranet', () => {
    const html = page(out, 'intranet', 'regler/hemmelig-serverrum');
    expect(html).toContain('<time datetime="2026-03-01">1. marts 2026</time>');
    expect(html).toContain('Intern: ny alarmkode til Zebrafinke-døren');
    expect(html).toContain('Første version af håndbogen');
    expect(html).toContain('href="https://github.com/dst/haandbog/edit/main/content/regler/hemmelig-serverrum.mdx"');
    expect(html).toContain('href="https://github.com/dst/haandbog/commits/main/content/regler/hemmelig-serverrum.mdx"');
    const hash = gitAt(repo, '2026-06-01', ['log', '-1', '--format=%H', '--', 'content/regler/hemmelig-serverrum.mdx']).trim();
    expect(html).toContain(`href="https://github.com/dst/haandbog/commit/${hash}"`);
  });

  it('shows only the date of the last change in the public edition', () => {
    const html = page(out, 'public', 'regler/ordliste');
    expect(html).toContain('<time datetime="2026-03-05">5. marts 2026</time>');
    const all = [...readTree(path.join(out, 'public')).values()].join('\n');
    for (const secret of ['Ordliste gennemgået', 'Første version af håndbogen', 'Anna Admin', 'github.com/dst', 'Zebrafinke'])
      expect(all).not.toContain(secret);
  });

  it('lists latest changes and an Atom feed per edition, public from public documents only', () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const intranet = parser.parse(readFileSync(path.join(out, 'intranet/seneste-aendringer.atom'), 'utf8'));
    const intranetTitles = [intranet.feed.entry].flat().map((e: { title: string }) => e.title);
    expect(intranetTitles).toContain('Intern: ny alarmkode til Zebrafinke-døren');
    expect(page(out, 'intranet', 'seneste-aendringer')).toContain('Ordliste gennemgået, version hævet');

    const pub = parser.parse(readFileSync(path.join(out, 'public/seneste-aendringer.atom'), 'utf8'));
    const entries = [pub.feed.entry].flat() as { title: string; updated: string }[];
    expect(entries.map((e) => e.title).sort()).toEqual(['Offentlig ordliste', 'Offentlig sikkerhedspolitik']);
    expect(entries.find((e) => e.title === 'Offentlig ordliste')?.updated).toBe('2026-03-05T00:00:00Z');
    expect(page(out, 'public', 'seneste-aendringer')).not.toContain('Ordliste gennemgået');
  });
});

describe('builds without full history', () => {
  it('succeed on a shallow clone and on a folder without Git, saying once what they could not know', () => {
    const repo = fixtureRepo();
    const shallow = path.join(temp(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const plain = temp();
    cpSync(fixture('minimal'), path.join(plain, 'content'), { recursive: true });
    for (const [dir, reason] of [
      [shallow, /shallow clone/],
      [plain, /ikke i et Git-repository/],
    ] as const) {
      const out = temp();
      const result = runScript('build', { HANDBOOK_CONTENT: path.join(dir, 'content'), HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-06-01' });
      expect(result.code, result.stderr).toBe(0);
      const warnings = result.stderr.split('\n').filter((l) => l.startsWith('advarsel'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(reason);
      const html = page(out, 'intranet', 'regler/hemmelig-serverrum');
      expect(html).toMatch(/Sidst ændret<\/dt>\s*<dd>\s*ukendt/);
      expect(html).toContain('Ændringshistorikken var ikke tilgængelig');
    }
  });
});

describe('reading the history while the documents are parsed', () => {
  it('gives what the blocking read gives: with history, in a shallow clone, without Git and without commits', async () => {
    const repo = fixtureRepo();
    const shallow = path.join(temp(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const plain = temp();
    const empty = temp();
    execFileSync('git', ['init', '-q', empty]);
    const folders = [path.join(repo, 'content'), path.join(shallow, 'content'), plain, empty];
    const logs = await Promise.all(folders.map((dir) => readGitLogAsync(dir)));
    expect(logs).toEqual(folders.map((dir) => readGitLog(dir)));
    expect(logs.map((l) => ('unavailable' in l ? l.unavailable : `${l.prefix}: ${l.log.split('\x1e').length - 1} commits`))).toEqual([
      'content: 4 commits',
      expect.stringMatching(/shallow clone/),
      expect.stringMatching(/ikke i et Git-repository/),
      expect.stringMatching(/ingen commits/),
    ]);
    const approvedOn = new Map([['regler/hemmelig-serverrum.mdx', '2026-02-01']]);
    expect(readGit(folders[0]!, approvedOn, 5, logs[0])).toEqual(readGit(folders[0]!, approvedOn));
  });
});

describe('git calls', () => {
  /** A handbook of `n` documents with a few commits each, in a fresh repository. */
  function syntheticRepo(n: number): string {
    const repo = temp();
    const dir = path.join(repo, 'content', 'regler');
    execFileSync('mkdir', ['-p', dir]);
    const doc = (i: number) =>
      `---\ntitle: Regel ${i}\ntype: retningslinje\nowner: Ejer ${i % 7}\napprovalBody: Informationssikkerhedsudvalget\napprovedOn: 2025-01-01\nnextReview: 2026-12-01\n---\n\nTekst ${i}.\n`;
    for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `regel-${i}.mdx`), doc(i));
    initRepo(repo, '2024-12-01');
    for (let i = 0; i < n; i += 10)
      commitChange(repo, `content/regler/regel-${i}.mdx`, '2025-02-01', `Ret regel ${i}`, (t) => `${t}\nMere tekst.\n`);
    return repo;
  }

  it('are the same number for 50 and 200 documents', () => {
    const counts = [50, 200].map((n) => {
      const repo = syntheticRepo(n);
      const log = path.join(temp(), 'git.log');
      const bin = countingGit(path.join(temp(), 'bin'), log);
      const result = runScript(
        'build',
        {
          HANDBOOK_CONTENT: path.join(repo, 'content'),
          HANDBOOK_OUT: temp(),
          HANDBOOK_TODAY: '2026-06-01',
          PATH: `${bin}:${process.env.PATH}`,
        },
        ['intranet'],
      );
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(path.join(repo, 'content/regler/regel-10.mdx'), 'utf8')).toContain('Mere tekst');
      return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').length : 0;
    });
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[0]).toBeLessThanOrEqual(3);
    expect(counts[1]).toBe(counts[0]);
  });
});
