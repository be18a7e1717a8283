/** Leak fixture with Git history: feeds, the change page and calendars carry nothing of non-public documents or commits. */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fixture, listFiles, tempDir } from '../helpers/index.ts';
import { build, danglingLinks, independentFindings, read, scanner, scannerLooksFor, type Built } from '../helpers/leaks.ts';

/** Runs git in `dir` as `author` on `date`. */
function git(dir: string, author: string, date: string, args: string[]): string {
  const email = `${author.split(' ')[0]!.toLowerCase()}@example.org`;
  const stamp = `${date}T12:00:00+01:00`;
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: email,
      GIT_AUTHOR_DATE: stamp,
      GIT_COMMITTER_DATE: stamp,
    },
  });
}

/** The leak-feeds fixture in a repository whose commits name the non-public document in messages and authors. */
function repository(): string {
  const repo = tempDir('handbook-leak-git-');
  cpSync(fixture('leak-feeds'), path.join(repo, 'content'), { recursive: true });
  git(repo, 'Anna Admin', '2026-01-10', ['init', '-q', '-b', 'main']);
  git(repo, 'Anna Admin', '2026-01-10', ['add', '-A']);
  git(repo, 'Anna Admin', '2026-01-10', ['commit', '-q', '-m', 'Første version af prøvehåndbogen']);
  appendFileSync(path.join(repo, 'content/regler/gepardrum.mdx'), '\nKoden til Gepardrummet skiftes nu hver uge.\n');
  git(repo, 'Gepardine Hansen', '2026-03-01', ['commit', '-q', '-am', 'Gepardrummet: ny kode til døren hver uge']);
  appendFileSync(path.join(repo, 'content/regler/gepardrum.mdx'), '\nGepardrummets gamle nøgler er samlet ind.\n');
  appendFileSync(path.join(repo, 'content/regler/offentlig-regel.mdx'), '\nSkærmlåsen slår til efter fem minutter.\n');
  git(repo, 'Gepardine Hansen', '2026-04-01', ['commit', '-q', '-am', 'Skærmlås og nøgler til Gepardrummet opdateret']);
  return repo;
}

describe('leak-feeds: Atom feed, change page and calendars built from a history that names a non-public document', () => {
  let repo: string;
  let built: Built;
  let hashes: string[];
  beforeAll(() => {
    repo = repository();
    hashes = git(repo, 'x', '2026-01-01', ['log', '--format=%H']).trim().split('\n');
    built = build(path.join(repo, 'content'), { editions: ['intranet', 'public'] });
    expect(built.result.code, built.result.stderr).toBe(0);
  });
  afterAll(() => cleanup(repo, built.out));

  it('the intranet feed does carry the commits (so the fixture can leak)', () => {
    const intranet = path.join(built.out, 'intranet');
    expect(independentFindings(intranet, ['Gepardrummet: ny kode til døren', 'Gepardine']).length).toBeGreaterThan(1);
  });

  it('the public edition holds nothing of the non-public document or of the history: no messages, authors or hashes', () => {
    const pub = path.join(built.out, 'public');
    const shortHashes = hashes.map((h) => h.slice(0, 7));
    expect(
      independentFindings(pub, ['gepard', 'Anna Admin', 'Gepardine', 'Første version af prøvehåndbogen', ...hashes, ...shortHashes]),
    ).toEqual([]);
    const { patterns, hits } = scanner(built.content, pub, true);
    expect(scannerLooksFor(patterns, 'Skærmlås og nøgler til Gepardrummet opdateret')).toBe(true);
    expect(scannerLooksFor(patterns, hashes[0]!)).toBe(true);
    expect(hits).toEqual([]);
    expect(danglingLinks(pub)).toEqual([]);
  });

  it('lists only public documents, by title and date, in the public feed', () => {
    const pub = path.join(built.out, 'public');
    const feeds = listFiles(pub).filter((f) => /\.(atom|rss|xml)$/.test(f) && !f.endsWith('sitemap.xml'));
    expect(feeds.length).toBeGreaterThan(0);
    for (const feed of feeds) {
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(read(pub, feed)) as { feed?: { entry?: unknown } };
      const entries = [parsed.feed?.entry ?? []].flat() as { title: string; link: { '@_href': string } }[];
      expect(entries.map((e) => e.title).sort()).toEqual(['Offentlig informationssikkerhedspolitik', 'Offentlig regel om skærmlås']);
      for (const e of entries)
        expect(new URL(e.link['@_href']).pathname).toMatch(/^\/(politikker\/offentlig-politik|regler\/offentlig-regel)\/$/);
    }
  });
});
