import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { cleanup, listFiles, readTree, runScript, tempDir } from '../helpers/index.ts';
import { countingGit, gitAt, initRepo } from '../helpers/git.ts';
import { versionsRepo } from '../helpers/versions.ts';
import { loadHandbook } from '../../src/lib/content/load.ts';
import { readGit } from '../../src/lib/git/history.ts';
import { stageEdition } from '../../src/lib/build/stage.ts';
import { leakPatterns, scanForLeaks } from '../../src/lib/leaks/scan.ts';
import { tokenForm } from '../../src/lib/leaks/text.ts';

const made: string[] = [];
afterAll(() => cleanup(...made));
const temp = () => {
  const dir = tempDir();
  made.push(dir);
  return dir;
};
/** The visible text of an HTML page: tags dropped, white space collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const SECRET = 'Nødnøglen til serverrummet ligger i pengeskabet bag receptionen ved Zebrafinke-døren';

describe('versions and approvals from Git', () => {
  let repo: string;
  let out: string;
  const page = (edition: string, p: string) => readFileSync(path.join(out, edition, p, 'index.html'), 'utf8');
  const hash = (subject: string) =>
    gitAt(repo, '2026-06-01', ['log', '--all', '--format=%H', `--grep=${subject}`, '-F'])
      .trim()
      .split('\n')[0]!;
  beforeAll(() => {
    repo = versionsRepo();
    made.push(repo);
    out = temp();
    const result = runScript('build', { HANDBOOK_CONTENT: path.join(repo, 'content'), HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-06-01' });
    expect(result.code, result.stderr).toBe(0);
  });

  it('lists every approval on the history page, newest first, with kind, commit, request and the unapproved change', () => {
    const html = page('intranet', 'politikker/adgangspolitik/versioner');
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => textOf(m[1]!).trim());
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(
      /^1\. september 2025 \(gældende\) 2\.0 Direktionen Ny version ja f1c|^1\. september 2025 \(gældende\) 2\.0 Direktionen Ny version ja/,
    );
    expect(rows[0]).toContain('!9');
    expect(rows[1]).toMatch(/^10\. december 2024 1\.0 Direktionen Gennemgang uden ændringer nej/);
    expect(rows[1]).toContain('#5');
    expect(rows[2]).toMatch(/^15\. januar 2024 1\.0 Direktionen Ny version ja/);
    expect(rows[2]).toContain('#3');
    // The first approval was committed under the file's old name: the rename kept the history.
    expect(html).toContain(`href="https://github.com/dst/haandbog/commit/${hash('godkendt af direktionen')}"`);
    expect(html).toContain('href="https://github.com/dst/haandbog/pull/5"');
    for (const date of ['2025-09-01', '2024-12-10', '2024-01-15'])
      expect(html).toContain(`href="/politikker/adgangspolitik/versioner/${date}/"`);
    expect(textOf(html)).toContain('Ændret efter godkendelse');
    expect(textOf(html)).toContain('Tilføj afsnit om gæsteadgang');
    expect(page('intranet', 'politikker/adgangspolitik')).toContain('href="/politikker/adgangspolitik/versioner/"');
  });

  it('renders each archived version with its own text, a banner, and the changes marked with <ins>/<del> and a text cue', () => {
    const first = page('intranet', 'politikker/adgangspolitik/versioner/2024-01-15');
    expect(first).toContain('<meta name="robots" content="noindex">');
    expect(first).not.toContain('data-pagefind-body');
    expect(textOf(first)).toContain('Denne version er erstattet. Den blev erstattet af version 1.0 godkendt 10. december 2024.');
    expect(textOf(first)).toContain('Adgang til systemer gives efter behov og godkendes af nærmeste leder.');
    expect(textOf(first)).toContain('første godkendte version');
    // A link to a document deleted since is text; one to a document that still exists goes to its current page.
    expect(first).toContain('<span class="dead-link">den gamle procedure (findes ikke længere)</span>');
    expect(first).not.toContain('gammel-procedure');
    expect(first).toContain('<a href="/regler/noegleprocedure/">nøgleproceduren</a>');
    expect(first).toContain('href="/politikker/adgangspolitik/"');
    // An image is shown as its alternative text: archived texts do not go through the asset pipeline.
    expect(first).toContain('<span class="archived-image">[Billede: Diagram over adgangsstyring]</span>');
    expect(first.slice(first.indexOf('teksten-som-godkendt'))).not.toContain('<img');

    const review = page('intranet', 'politikker/adgangspolitik/versioner/2024-12-10');
    expect(textOf(review)).toContain('Den blev erstattet af version 2.0 godkendt 1. september 2025.');
    expect(textOf(review)).toContain('Teksten er uændret');
    expect(review).not.toContain('<ins>');

    const current = page('intranet', 'politikker/adgangspolitik/versioner/2025-09-01');
    expect(textOf(current)).toContain('Dette er den gældende godkendte version.');
    expect(textOf(current)).toContain('ændret efter denne godkendelse');
    expect(textOf(current)).not.toContain('Gæster får adgang');
    expect(current).toMatch(
      /<ins><span class="visually-hidden">indsat: <\/span><span class="diff-mark" aria-hidden="true">\[\+<\/span>arbejdsbetinget/,
    );
    expect(current).toMatch(/<ins>[^]*?og systemejeren[^]*?<\/ins>/);
    expect(current).toMatch(/<del><span class="visually-hidden">slettet: <\/span>[^]*?den gamle procedure[^]*?<\/del>/);
  });

  it('keeps archived pages out of the search index, the sitemap and the feeds', () => {
    const intranet = path.join(out, 'intranet');
    expect(readFileSync(path.join(intranet, 'sitemap.xml'), 'utf8')).not.toContain('versioner');
    expect(readFileSync(path.join(intranet, 'seneste-aendringer.atom'), 'utf8')).not.toContain('versioner');
    const index = [...readTree(path.join(intranet, 'pagefind')).values()].join('\n');
    expect(index).not.toContain('versioner');
    expect(index).toContain('adgangspolitik');
  });

  it('lists all approvals in the log, filterable by approval body, with a CSV beside it', () => {
    const log = textOf(page('intranet', 'oversigt/godkendelser'));
    expect(log).toContain('6 godkendelser');
    const dates = [...page('intranet', 'oversigt/godkendelser').matchAll(/<tr>\s*<td>\s*<a [^>]*>\s*<time datetime="([\d-]+)"/g)].map(
      (m) => m[1],
    );
    expect(dates).toEqual(['2025-09-02', '2025-09-01', '2024-12-10', '2024-03-01', '2024-02-01', '2024-01-15']);
    const direktionen = textOf(page('intranet', 'oversigt/godkendelser/direktionen'));
    expect(direktionen).toContain('3 godkendelser');
    expect(direktionen).not.toContain('Nøgleprocedure 1');

    const bytes = readFileSync(path.join(out, 'intranet/oversigt/godkendelser/godkendelser.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.toString('utf8').slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(records.map((r) => `${r.Godkendt} ${r.Dokument} ${r.Art}`)).toEqual([
      '2025-09-02 Politik for besøgende Ny version',
      '2025-09-01 Adgangspolitik Ny version',
      '2024-12-10 Adgangspolitik Gennemgang uden ændringer',
      '2024-03-01 Nøgleprocedure Ny version',
      '2024-02-01 Politik for besøgende Ny version',
      '2024-01-15 Adgangspolitik Ny version',
    ]);
    expect(records[1]).toMatchObject({
      Version: '2.0',
      'Godkendt af': 'Direktionen',
      Ændringsanmodning: '!9',
      Adresse: 'http://localhost/politikker/adgangspolitik/',
    });
    expect(records[2]!.Commit).toBe(`https://github.com/dst/haandbog/commit/${hash('Årlig gennemgang')}`);
    expect(records[2]!.Ændringsanmodning).toBe('#5');
  });

  it('publishes none of it: no archive, log, commits, or a public document’s internal past', () => {
    const pub = path.join(out, 'public');
    const files = listFiles(pub);
    expect(files.filter((f) => /versioner|godkendelser/.test(f))).toEqual([]);
    const all = [...readTree(pub).values()].join('\n');
    for (const needle of [
      'Zebrafinke',
      'Nødnøglen',
      'versioner',
      'godkendelser.csv',
      'Anna Admin',
      'github.com/dst',
      hash('Besøgspolitik'),
    ])
      expect(all).not.toContain(needle);
    const html = page('public', 'politikker/offentlig-politik');
    expect(html).toContain('<time datetime="2025-09-02">2. september 2025</time>');
    expect(html).not.toContain('Versionshistorik');
  });

  it('puts approvals and archived texts in the intranet stage manifest only', () => {
    const content = path.join(repo, 'content');
    const handbook = loadHandbook(content);
    const git = readGit(content, new Map(handbook.docs.map((d) => [d.file, d.data.approvedOn])));
    const stages = (['intranet', 'public'] as const).map((edition) =>
      stageEdition(handbook, git, { edition, today: '2026-06-01', drafts: false, parentDir: temp() }),
    );
    const manifests = stages.map((stage) => readFileSync(path.join(stage, 'manifest.json'), 'utf8'));
    const intranet = JSON.parse(manifests[0]!);
    // The texts are files of the stage, listed in the manifest (not inlined into the module every page imports).
    expect(intranet.archive).toBeUndefined();
    expect(intranet.archived['politikker/adgangspolitik']).toEqual(['2024-01-15', '2024-12-10', '2025-09-01']);
    const archivedText = readFileSync(path.join(intranet.archiveDir, 'politikker/adgangspolitik', '2024-01-15.md'), 'utf8');
    expect(archivedText.length).toBeGreaterThan(50);
    expect(manifests[0]).not.toContain(archivedText.slice(0, 40));
    expect(existsSync(path.join(stages[1]!, 'archive'))).toBe(false);
    expect(intranet.docs['politikker/adgangspolitik'].git.approvals).toHaveLength(3);
    const pub = JSON.parse(manifests[1]!);
    expect(pub.archive).toBeUndefined();
    expect(pub.archived).toBeUndefined();
    expect(Object.values(pub.docs).map((d) => Object.keys((d as { git: object }).git).sort())).toEqual([
      ['changedSinceApproval', 'lastChanged'],
    ]);
    for (const needle of ['approvals', 'Nødnøglen', hash('Besøgspolitik'), 'Anna Admin']) expect(manifests[1]).not.toContain(needle);
  });

  it('has a leak pattern for the internal past of a public document, which the scan finds', () => {
    const content = path.join(repo, 'content');
    const handbook = loadHandbook(content);
    const git = readGit(content, new Map(handbook.docs.map((d) => [d.file, d.data.approvedOn])));
    const patterns = leakPatterns(handbook, git).filter((p) => p.what === 'arkiveret tekst');
    const mine = patterns.filter((p) => p.source === 'content/politikker/offentlig-politik.mdx');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p) => tokenForm(SECRET).includes(p.tokens.trim()))).toBe(true);
    const site = temp();
    writeFileSync(path.join(site, 'index.html'), `<p>${SECRET}.</p>`);
    const hits = scanForLeaks(site, patterns);
    expect(hits.map((h) => h.pattern.source)).toContain('content/politikker/offentlig-politik.mdx');
  });

  it('names in the Markdown review report a document whose last approval is older than its interval', () => {
    const env = { HANDBOOK_CONTENT: path.join(repo, 'content'), HANDBOOK_TODAY: '2026-06-01' };
    const md = runScript('review', env, ['--markdown']);
    const section = md.stdout.slice(md.stdout.indexOf('Sidste godkendelse er ældre end revisionsintervallet'));
    expect(section).toContain(
      'Nøgleprocedure (`content/regler/noegleprocedure.mdx`): sidst godkendt 2024-03-01, næste revision 2026-12-01',
    );
    expect(section).not.toContain('Adgangspolitik');
    const json = JSON.parse(runScript('review', env, ['--json']).stdout);
    const rows = json.owners.flatMap((o: { rows: unknown[] }) => o.rows) as {
      id: string;
      approvals: { approvedOn: string; kind: string }[];
    }[];
    expect(rows.find((r) => r.id === 'politikker/adgangspolitik')!.approvals.map((a) => `${a.approvedOn} ${a.kind}`)).toEqual([
      '2024-01-15 new-version',
      '2024-12-10 review',
      '2025-09-01 new-version',
    ]);
  });
});

describe('versions without Git history', () => {
  it('say the history is unknown, and the build succeeds', () => {
    const repo = versionsRepo();
    made.push(repo);
    const plain = temp();
    execCopy(path.join(repo, 'content'), path.join(plain, 'content'));
    const out = temp();
    const result = runScript('build', { HANDBOOK_CONTENT: path.join(plain, 'content'), HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-06-01' }, [
      'intranet',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(path.join(out, 'intranet/politikker/adgangspolitik/versioner/index.html'), 'utf8');
    expect(textOf(html)).toContain('Versionshistorikken er ukendt');
    expect(existsSync(path.join(out, 'intranet/politikker/adgangspolitik/versioner/2025-09-01'))).toBe(false);
    expect(textOf(readFileSync(path.join(out, 'intranet/oversigt/godkendelser/index.html'), 'utf8'))).toContain(
      'Versionshistorikken er ukendt',
    );
  });
});

describe('archivedVersions in handbook.yaml', () => {
  it('renders the text of only the last N approvals, listing the older ones without a page', () => {
    const repo = versionsRepo();
    made.push(repo);
    appendFileSync(path.join(repo, 'content/handbook.yaml'), 'archivedVersions: 1\n');
    const out = temp();
    const result = runScript('build', { HANDBOOK_CONTENT: path.join(repo, 'content'), HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-06-01' }, [
      'intranet',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const dir = path.join(out, 'intranet/politikker/adgangspolitik/versioner');
    expect(listFiles(dir)).toEqual(['2025-09-01/index.html', 'index.html']);
    // The one built page still shows its changes: the text before it is kept for the diff.
    expect(readFileSync(path.join(dir, '2025-09-01/index.html'), 'utf8')).toContain('<ins>');
    const history = textOf(readFileSync(path.join(dir, 'index.html'), 'utf8'));
    expect(history).toContain('10. december 2024 (teksten er ikke bygget)');
    expect(history).toContain('kun for de seneste 1 godkendelser');
  });
});

describe('git calls with versions', () => {
  it('are rev-parse, one log and one cat-file, at 50 and at 200 documents with approvals and renames', () => {
    const calls = [50, 200].map((n) => {
      const repo = temp();
      const dir = path.join(repo, 'content', 'regler');
      mkdirSync(dir, { recursive: true });
      const doc = (i: number, date: string) =>
        `---\ntitle: Regel ${i}\ntype: retningslinje\nowner: Ejer\napprovalBody: Informationssikkerhedsudvalget\napprovedOn: ${date}\nnextReview: 2026-12-01\n---\n\nTekst for regel nummer ${i} med nogle ord.\n`;
      for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `regel-${i}.mdx`), doc(i, '2025-01-01'));
      initRepo(repo, '2025-01-01');
      for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `regel-${i}.mdx`), doc(i, '2025-06-01'));
      gitAt(repo, '2025-06-01', ['commit', '-qam', 'Gennemgang af alle regler (#2)']);
      gitAt(repo, '2025-07-01', ['mv', 'content/regler/regel-0.mdx', 'content/regler/regel-nul.mdx']);
      gitAt(repo, '2025-07-01', ['commit', '-qm', 'Omdøb regel 0']);
      const log = path.join(temp(), 'git.log');
      const bin = countingGit(path.join(temp(), 'bin'), log);
      const out = temp();
      const result = runScript(
        'build',
        {
          HANDBOOK_CONTENT: path.join(repo, 'content'),
          HANDBOOK_OUT: out,
          HANDBOOK_TODAY: '2026-06-01',
          PATH: `${bin}:${process.env.PATH}`,
        },
        ['intranet'],
      );
      expect(result.code, result.stderr).toBe(0);
      expect(existsSync(path.join(out, 'intranet/regler/regel-nul/versioner/2025-01-01/index.html'))).toBe(true);
      // The review in force, text unchanged since: no page repeating the document page; its row links that page.
      expect(existsSync(path.join(out, 'intranet/regler/regel-nul/versioner/2025-06-01'))).toBe(false);
      const history = readFileSync(path.join(out, 'intranet/regler/regel-nul/versioner/index.html'), 'utf8');
      expect(history).toMatch(/<a href="\/regler\/regel-nul\/">\s*<time datetime="2025-06-01">/);
      expect(history).toContain('href="/regler/regel-nul/versioner/2025-01-01/"');
      return readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(' ').find((w) => ['rev-parse', 'log', 'cat-file'].includes(w)) ?? line);
    });
    expect(calls[0]).toEqual(['rev-parse', 'log', 'cat-file']);
    expect(calls[1]).toEqual(calls[0]);
  });
});

/** Copies a folder without its Git data (a tarball of the content). */
function execCopy(from: string, to: string): void {
  for (const file of listFiles(from)) {
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    writeFileSync(path.join(to, file), readFileSync(path.join(from, file)));
  }
}
