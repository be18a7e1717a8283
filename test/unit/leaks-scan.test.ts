/** Unit tests of what the leak scan searches for and how it reports, on the minimal fixture and hand-made output. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadHandbook, type Handbook } from '../../src/lib/content/load.ts';
import type { GitData } from '../../src/lib/git/history.ts';
import { formatLeak, leakPatterns, scanForLeaks } from '../../src/lib/leaks/scan.ts';
import { cleanup, fixture, tempDir } from '../helpers/index.ts';

const handbook = loadHandbook(fixture('minimal'));
const patterns = leakPatterns(handbook);
const texts = (what: string, list = patterns) => list.filter((p) => p.what === what).map((p) => p.text);
const made: string[] = [];
afterAll(() => cleanup(...made));

/** An output folder with the given files (text, or bytes). */
function output(files: Record<string, string | Buffer>): string {
  const dir = tempDir('handbook-leak-unit-');
  made.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe('leakPatterns', () => {
  it('takes title, address, description, owner, headings and sentences of internal, draft and retired documents', () => {
    expect(texts('titel').sort()).toEqual([
      'Adgang til serverrummet i kælderen Zebrafinke',
      'Interne regler for adgangskoder Bæltedyr',
      'Kladde om mobiltelefoner Okapi',
      'Udgået regel om telefax Narhval',
    ]);
    expect(texts('adresse')).toContain('regler/kladde-om-mobiltelefoner');
    expect(texts('ejer')).toEqual(['Driftschefen for Zebrafinke']);
    expect(texts('overskrift')).toContain('Nøglekort og alarmkoder Zebrafinke');
    expect(texts('sætning').some((s) => s.includes('seksten tegn'))).toBe(true);
    expect(patterns.find((p) => p.text === 'Udgået regel om telefax Narhval')?.why).toBe('udgået dokument');
  });

  it('leaves out what public documents, public settings or the UI themselves contain', () => {
    const all = patterns.map((p) => p.text);
    for (const publicText of [
      'Offentlig sikkerhedspolitik',
      'Informationssikkerhedskoordinatoren',
      'Informationssikkerhedsudvalget',
      'Regler og procedurer',
      'Udkast',
    ])
      expect(all).not.toContain(publicText);
    expect(texts('godkendelsesorgan').sort()).toEqual(['Datafortrolighedsudvalget', 'IT-sikkerhedsgruppen']);
  });

  it('takes name, text and bytes of attachments no public document uses', () => {
    expect(texts('filnavn').sort()).toEqual(['alarmplan-zebrafinke', 'kaelder-zebrafinke']);
    expect(texts('vedhæftning')).toEqual(['kælderkort zebrafinke']);
    expect(patterns.find((p) => p.what === 'fil')?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes internal settings, sections without public documents, and Git messages, authors and hashes', () => {
    const settings = {
      ...handbook.settings,
      repository: { url: 'https://git.intern.example/drift/haandbog', branch: 'main', host: 'github' as const },
      codeowners: { Driftschefen: ['@intern/driftsholdet'] },
      sections: [...handbook.settings.sections, { folder: 'hemmelig', title: 'Hemmelige afsnit' }],
    };
    const commit = { hash: 'f'.repeat(40), date: '2026-01-01', author: 'Bodil Bogholder', subject: 'Ny alarmkode til Zebrafinke-døren' };
    const git: GitData = { summary: { available: true }, docs: new Map([['politikker/sikkerhedspolitik.mdx', { recent: [commit] }]]) };
    const list = leakPatterns({ ...handbook, settings } as Handbook, git);
    expect(texts('repository', list)).toEqual(['git.intern.example/drift/haandbog']);
    expect(texts('kodeejer', list)).toEqual(['@intern/driftsholdet']);
    expect(texts('sektion', list)).toEqual(['Hemmelige afsnit']);
    expect([...texts('commit-besked', list), ...texts('forfatter', list), ...texts('commit', list)]).toEqual([
      commit.subject,
      commit.author,
      commit.hash,
    ]);
  });
});

describe('leakPatterns for controls', () => {
  it('takes titles of Annex A controls and own measures that only non-public documents carry', () => {
    expect(texts('kontrol')).toEqual(['Fysisk adgangskontrol']);
    const docs = handbook.docs.map((d) =>
      d.id === 'regler/intern-adgangskoder' ? { ...d, data: { ...d.data, controls: ['ZZ-1', '5.1'] } } : d,
    );
    const ownMeasures = [{ id: 'ZZ-1', title: 'Hemmelig foranstaltning nummer et' }];
    expect(texts('kontrol', leakPatterns({ ...handbook, docs, ownMeasures }))).toEqual([
      'Fysisk adgangskontrol',
      'Hemmelig foranstaltning nummer et',
    ]);
  });
});

describe('scanForLeaks', () => {
  const svg = path.join(fixture('minimal'), 'regler/billeder/kaelder-zebrafinke.svg');

  it('finds patterns however the output writes them, and names file, kind and source', () => {
    const dir = output({
      'a.html': '<li><a href="/x/">Adgang til serverrummet i k&aelig;lderen\n  Zebra&shy;finke</a></li>',
      'b.html': '<h2>N\u00f8glekort og <em>alarmkoder</em>\n Zebrafinke</h2>',
      'c.json': '{"title":"Interne regler for adgangskoder B\\u00e6ltedyr"}',
      'd.xml': '<loc>https://example.org/regler/kladde%2Dom%2Dmobiltelefoner/</loc>',
      'e.pf_fragment': gzipSync(Buffer.from('pagefind_dcd{"content":"Telefax Narhval m\\u00e5 ikke bruges."}')),
      'regler/hemmelig-serverrum/index.html': '<p>tom</p>',
      '_astro/kort.Ab12Cd.svg': Buffer.alloc(0),
      'f.txt': 'Kun driftspersonale med nøglekort af typen “Zebrafinke” må låse døren op efter klokken atten.',
    });
    copyFileSync(svg, path.join(dir, '_astro/kort.Ab12Cd.svg'));
    const found = scanForLeaks(dir, patterns).map((h) => `${h.file} ${h.pattern.what}`);
    for (const hit of [
      'a.html titel',
      'b.html overskrift',
      'c.json titel',
      'd.xml adresse',
      'e.pf_fragment sætning',
      'regler/hemmelig-serverrum/index.html adresse',
      '_astro/kort.Ab12Cd.svg fil',
      'f.txt sætning',
    ]) {
      expect(found).toContain(hit);
    }
    const hit = scanForLeaks(dir, patterns).find((h) => h.file === 'a.html')!;
    expect(formatLeak(hit)).toBe(
      'læk: a.html indeholder titel "Adgang til serverrummet i kælderen Zebrafinke" fra content/regler/hemmelig-serverrum.mdx (internt dokument)',
    );
    expect(formatLeak(scanForLeaks(dir, patterns).find((h) => h.pattern.what === 'fil')!)).toBe(
      'læk: _astro/kort.Ab12Cd.svg indeholder en kopi af content/regler/billeder/kaelder-zebrafinke.svg (bruges ikke af et offentligt dokument)',
    );
  });

  it('reports nothing for near misses: other words, word parts, public text', () => {
    const dir = output({
      'a.html': '<p>Interne regler for adgangskoder</p><a href="/regler/hemmelig-serverrummene/">x</a><p>Zebrafinkerne</p>',
      'b.html': '<h1>Offentlig sikkerhedspolitik</h1><p>Ejer: Informationssikkerhedskoordinatoren</p><p>IT-sikkerhedsgrupperne</p>',
    });
    expect(scanForLeaks(dir, patterns)).toEqual([]);
    expect(scanForLeaks(dir, [])).toEqual([]);
  });
});
