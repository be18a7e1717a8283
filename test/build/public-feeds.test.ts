/** Leak fixture with Git history: feeds, the change page and calendars carry nothing of non-public documents or commits. */
import { appendFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fixture, listFiles, tempDir } from '../helpers/index.ts';
import { gitAt } from '../helpers/git.ts';
import { build, danglingLinks, independentFindings, read, scanner, scannerLooksFor, type Built } from '../helpers/leaks.ts';

/** Runs git in `dir` as `author` on `date`. */
const gitAs = (dir: string, author: string, date: string, args: string[]) => gitAt(dir, date, args, author);

/** The leak-feeds fixture in a repository whose commits name the non-public document in messages and authors. */
function repository(): string {
  const repo = tempDir('handbook-leak-git-');
  cpSync(fixture('leak-feeds'), path.join(repo, 'content'), { recursive: true });
  gitAs(repo, 'Anna Admin', '2026-01-10', ['init', '-q', '-b', 'main']);
  gitAs(repo, 'Anna Admin', '2026-01-10', ['add', '-A']);
  gitAs(repo, 'Anna Admin', '2026-01-10', ['commit', '-q', '-m', 'Første version af prøvehåndbogen']);
  appendFileSync(path.join(repo, 'content/regler/gepardrum.mdx'), '\nKoden til Gepardrummet skiftes nu hver uge.\n');
  gitAs(repo, 'Gepardine Hansen', '2026-03-01', ['commit', '-q', '-am', 'Gepardrummet: ny kode til døren hver uge']);
  appendFileSync(path.join(repo, 'content/regler/gepardrum.mdx'), '\nGepardrummets gamle nøgler er samlet ind.\n');
  appendFileSync(path.join(repo, 'content/regler/offentlig-regel.mdx'), '\nSkærmlåsen slår til efter fem minutter.\n');
  gitAs(repo, 'Gepardine Hansen', '2026-04-01', ['commit', '-q', '-am', 'Skærmlås og nøgler til Gepardrummet opdateret']);
  return repo;
}

describe('leak-feeds: Atom feed, change page and calendars built from a history that names a non-public document', () => {
  let repo: string;
  let built: Built;
  let hashes: string[];
  beforeAll(() => {
    repo = repository();
    hashes = gitAs(repo, 'x', '2026-01-01', ['log', '--format=%H']).trim().split('\n');
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
