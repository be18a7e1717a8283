/** Dispensations end to end: the register, its CSV, the pages, the documents and SoA they touch, review and calendar, and nothing in public. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { cleanup, fixture, listFiles, runScript, tempDir } from '../helpers/index.ts';
import { csvRecords, read } from '../helpers/soa.ts';
import { danglingLinks, independentFindings, scanner, scannerLooksFor } from '../helpers/leaks.ts';

const content = fixture('dispensations');
const TODAY = '2026-12-01';
const made: string[] = [];
afterAll(() => cleanup(...made));

/** Builds the fixture into a fresh folder and returns it. */
function buildFixture(env: Record<string, string> = {}, editions: string[] = []): string {
  const out = tempDir();
  made.push(out);
  const result = runScript('build', { HANDBOOK_CONTENT: content, HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY, ...env }, editions);
  expect(result.code, result.stderr).toBe(0);
  return out;
}

/** The rows of one register group, as the titles in its table. */
function groupTitles(html: string, anchor: string): string[] {
  const section = new RegExp(`<section id="${anchor}"[\\s\\S]*?</section>`).exec(html);
  expect(section, anchor).not.toBeNull();
  return [...section![0].matchAll(/<th scope="row">(?:<a href="[^"]+">)?([^<]+)/g)].map((m) => m[1]!);
}

let out: string;
let register: string;
beforeAll(() => {
  out = buildFixture();
  register = read(out, 'intranet', 'dispensationer/index.html');
});

describe('the register of dispensations (intranet)', () => {
  it('groups active, expiring, expired and requested ones, with counts, and leaves out the closed one', () => {
    expect(groupTitles(register, 'aktive')).toEqual(['Akut tapirnødkonto under strømsvigt', 'Tapirholdets telefoner uden fjernsletning']);
    expect(groupTitles(register, 'udloeber-snart')).toEqual(['Tapirlaboratoriets bærbare uden diskkryptering']);
    expect(groupTitles(register, 'udloebet')).toEqual(['Tapirarkivets nøgler i skuffen']);
    expect(groupTitles(register, 'anmodninger')).toEqual(['Anmodning fra Tapirkontoret om private telefoner']);
    const counts = /<ul class="overview-counts"[\s\S]*?<\/ul>/
      .exec(register)![0]
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(counts.trim()).toBe('2 Aktive 1 Udløber snart 1 Udløbet 1 Anmodninger');
    expect(register).not.toContain('Lukket tapirdispensation');
  });

  it('links each row to the requirement and heading, names holder, granting body, dates and controls', () => {
    const row = /<tr class="dispensation--expiring"[\s\S]*?<\/tr>/.exec(register)![0];
    expect(row).toContain('<a href="/regler/intern-regel/#kryptering-af-bærbare">Intern regel for kryptering: Kryptering af bærbare</a>');
    expect(row).toContain('<td>IT-driftschefen</td><td>IT-sikkerhedsgruppen</td>');
    expect(row).toContain('<time datetime="2026-01-10">10. januar 2026</time>');
    expect(row).toContain('<time datetime="2026-12-15">15. december 2026</time>');
    expect(row).toContain('<a href="/anvendelseserklaering/#kontrol-8.24">8.24</a>');
    // A request is listed, marked as one, without a page of its own.
    const request = /<tr class="dispensation--requested"[\s\S]*?<\/tr>/.exec(register)![0];
    expect(request).toContain('Anmodning: endnu ikke afgjort');
    expect(request).not.toContain('href="/dispensationer/');
    expect(existsSync(path.join(out, 'intranet/dispensationer/tapir-anmodning'))).toBe(false);
    expect(existsSync(path.join(out, 'intranet/dispensationer/tapir-lukket'))).toBe(false);
  });

  it('writes the register as CSV that parses with a BOM and ";", one record per dispensation', () => {
    const text = readFileSync(path.join(out, 'intranet/dispensationer/dispensationer.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...records] = csvRecords(text);
    expect(header).toEqual([
      'Status',
      'Dispensation',
      'Krav',
      'Krav (adresse)',
      'Indehaver',
      'Givet af',
      'Givet',
      'Udløber',
      'Kontroller',
      'Akut',
      'Besluttet',
      'Anmeldt',
      'Adresse',
    ]);
    expect(records.map((r) => `${r[0]}: ${r[1]}`)).toEqual([
      'Aktiv: Akut tapirnødkonto under strømsvigt',
      'Aktiv: Tapirholdets telefoner uden fjernsletning',
      'Udløber snart: Tapirlaboratoriets bærbare uden diskkryptering',
      'Udløbet: Tapirarkivets nøgler i skuffen',
      'Anmodet: Anmodning fra Tapirkontoret om private telefoner',
    ]);
    expect(records[0]!.slice(9)).toEqual(['Ja', '2026-11-01', '2026-11-20', 'https://intra.example.dk/dispensationer/tapir-akut/']);
    expect(records[1]!.slice(3, 9)).toEqual([
      'https://intra.example.dk/politikker/offentlig-politik/#mobile-enheder',
      'Chefen for Tapirholdet',
      'Informationssikkerhedsudvalget',
      '2026-06-01',
      '2027-05-31',
      '8.1',
    ]);
    expect(records[4]!.at(-1)).toBe('');
  });
});

describe('a dispensation page (intranet)', () => {
  it('shows its metadata and, when expiring, a banner the browser re-checks', () => {
    const page = read(out, 'intranet', 'dispensationer/tapir-kryptering/index.html');
    expect(page).toContain('<h1 data-pagefind-meta="title">Tapirlaboratoriets bærbare uden diskkryptering</h1>');
    const banner = /<p class="banner review-banner banner--due-soon"[^>]*>/.exec(page)![0];
    expect(banner).toContain('data-next-review="2026-12-15"');
    expect(banner).toContain('data-text-overdue="Denne dispensation udløb 15. december 2026.');
    expect(page).toContain('<dt>Givet af</dt><dd>IT-sikkerhedsgruppen</dd>');
    expect(page).toContain('<dt>Indehaver</dt><dd>IT-driftschefen</dd>');
    expect(page).toContain('Alternative sikringsforanstaltninger');
  });

  it('marks an expired one as expired and an active one without a visible banner', () => {
    expect(read(out, 'intranet', 'dispensationer/tapir-udloebet/index.html')).toMatch(
      /<p class="banner review-banner banner--overdue"[^>]*><strong>Udløbet:<\/strong><span>Denne dispensation udløb 1\. oktober 2026\./,
    );
    const active = read(out, 'intranet', 'dispensationer/tapir-akut/index.html');
    expect(active).toMatch(/<p class="banner review-banner"[^>]*hidden/);
    expect(active).toContain('Besluttet på stedet 1. november 2026; anmeldt 20. november 2026.');
  });

  it('gives a request a page of its own only with HANDBOOK_DRAFTS=1', () => {
    const drafts = buildFixture({ HANDBOOK_DRAFTS: '1' }, ['intranet']);
    const page = read(drafts, 'intranet', 'dispensationer/tapir-anmodning/index.html');
    expect(page).toContain('Anmodning: denne dispensation er ikke afgjort og gælder ikke endnu.');
    expect(read(drafts, 'intranet', 'dispensationer/index.html')).toContain('<a href="/dispensationer/tapir-anmodning/">');
  });
});

describe('the documents and controls dispensations touch (intranet)', () => {
  it('lists on the document deviated from its dispensations in force, not expired ones or requests', () => {
    const policy = read(out, 'intranet', 'politikker/offentlig-politik/index.html');
    const list = /<section class="doc-dispensations"[\s\S]*?<\/section>/.exec(policy)![0];
    expect(list).toContain('<a href="/dispensationer/tapir-mobil/">Tapirholdets telefoner uden fjernsletning</a>');
    expect(list).not.toContain('Tapirkontoret');
    const rule = /<section class="doc-dispensations"[\s\S]*?<\/section>/.exec(read(out, 'intranet', 'regler/intern-regel/index.html'))![0];
    expect([...rule.matchAll(/<a href="\/dispensationer\/([^/]+)\/">/g)].map((m) => m[1])).toEqual(['tapir-akut', 'tapir-kryptering']);
  });

  it('shows per control the dispensations in force on the SoA page and in its CSV', () => {
    const soa = read(out, 'intranet', 'anvendelseserklaering/index.html');
    const row = /<tr id="kontrol-8\.24"[\s\S]*?<\/tr>/.exec(soa)![0];
    expect(row).toContain('<a href="/dispensationer/tapir-kryptering/">Tapirlaboratoriets bærbare uden diskkryptering</a>');
    expect(row).not.toContain('Tapirarkivet');
    // A dispensation does not implement the control it deviates from: 8.24 is covered by the rule alone.
    const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
    expect(cells[3]).toContain('<a href="/regler/intern-regel/">Intern regel for kryptering</a>');
    expect(cells[3]).not.toContain('/dispensationer/');
    expect(cells[5]).toContain('/dispensationer/tapir-kryptering/');
    const [header, ...records] = csvRecords(
      readFileSync(path.join(out, 'intranet/anvendelseserklaering/anvendelseserklaering.csv'), 'utf8'),
    );
    expect(header!.at(-1)).toBe('Dispensationer');
    expect(records.find((r) => r[0] === '8.24')!.at(-1)).toBe('Tapirlaboratoriets bærbare uden diskkryptering (til 2026-12-15)');
    expect(records.find((r) => r[0] === '8.1')!.at(-1)).toBe('Tapirholdets telefoner uden fjernsletning (til 2027-05-31)');
  });

  it('counts expired and expiring dispensations on /oversigt/ and puts those in force in review.ics with stable UIDs', () => {
    expect(read(out, 'intranet', 'oversigt/index.html')).toContain(
      '<a href="/dispensationer/">Dispensationer: 1 udløbet, 1 udløber inden for fristen.</a>',
    );
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join(out, 'intranet/review.ics'), 'utf8')));
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .filter((e) => e.uid.startsWith('dispensation-'));
    expect(events.map((e) => `${e.uid} ${e.startDate.toString()}`).sort()).toEqual([
      'dispensation-tapir-akut@intra.example.dk 2027-03-01',
      'dispensation-tapir-kryptering@intra.example.dk 2026-12-15',
      'dispensation-tapir-mobil@intra.example.dk 2027-05-31',
    ]);
    expect(events.find((e) => e.uid.startsWith('dispensation-tapir-mobil'))!.summary).toBe(
      'Dispensation udløber: Tapirholdets telefoner uden fjernsletning',
    );
  });
});

describe('the public edition', () => {
  it('holds nothing of any dispensation: no page, register, mention, search record, sitemap entry or SoA column', () => {
    const pub = path.join(out, 'public');
    expect(listFiles(pub).filter((f) => f.startsWith('dispensationer'))).toEqual([]);
    expect(independentFindings(pub, ['tapir', 'dispensationer/', 'Aktive dispensationer', 'Chefen for Tapirholdet'])).toEqual([]);
    const { patterns, hits } = scanner(content, pub);
    for (const word of ['tapirholdets', 'tapirlaboratoriets', 'chefen for tapirholdet']) expect(scannerLooksFor(patterns, word)).toBe(true);
    expect(hits).toEqual([]);
    expect(danglingLinks(pub)).toEqual([]);
    // The public SoA (publishSoa: true) lists 8.1 of the public policy, without the column.
    const soa = read(out, 'public', 'anvendelseserklaering/index.html');
    expect(soa).toContain('id="kontrol-8.1"');
    expect(soa).not.toContain('Dispensationer');
    expect(csvRecords(readFileSync(path.join(pub, 'anvendelseserklaering/anvendelseserklaering.csv'), 'utf8'))[0]).toHaveLength(8);
  });
});

describe('npm run review and check with dispensations', () => {
  const review = (args: string[], today = TODAY) => runScript('review', { HANDBOOK_CONTENT: content, HANDBOOK_TODAY: today }, args);

  it('lists expired and expiring dispensations by holder in JSON, text and Markdown', () => {
    const json = JSON.parse(review(['--json']).stdout);
    expect(json.dispensations.counts).toEqual({ expired: 1, expiring: 1 });
    expect(json.dispensations.owners).toEqual([
      {
        owner: 'IT-driftschefen',
        rows: [
          expect.objectContaining({ id: 'dispensationer/tapir-kryptering', status: 'expiring', expires: '2026-12-15' }),
          expect.objectContaining({ id: 'dispensationer/tapir-udloebet', status: 'expired', requirement: 'regler/intern-regel#nøgler' }),
        ],
      },
    ]);
    expect(review([]).stdout).toMatch(
      /^ {2}\[UDLØBET\] 2026-10-01 {2}Dispensation: Tapirarkivets nøgler i skuffen \(IT-sikkerhedsgruppen\)/m,
    );
    expect(review(['--markdown']).stdout).toContain('## Dispensationer');
  });

  it('fails --fail-on overdue on an expired dispensation even when no document is overdue', () => {
    expect(review(['--fail-on', 'overdue']).code).toBe(1);
    // Two months earlier the expired one was still in force (expiring) and no document was overdue.
    const earlier = review(['--fail-on', 'overdue', '--json'], '2026-09-15');
    expect(JSON.parse(earlier.stdout).counts.overdue).toBe(0);
    expect(earlier.code).toBe(0);
    expect(review(['--fail-on', 'due-soon'], '2026-09-15').code).toBe(1);
  });

  it('warns about a late acute report, and fails on it with --strict', () => {
    const late = /^content\/dispensationer\/tapir-akut\.mdx:11:13: advarsel: reportedOn: 2026-11-20 er for sent/m;
    const check = runScript('check', { HANDBOOK_CONTENT: content });
    expect(check.stderr).toMatch(late);
    expect(check.code).toBe(0);
    const strict = runScript('check', { HANDBOOK_CONTENT: content }, ['--strict']);
    expect(strict.stderr).toMatch(/^content\/dispensationer\/tapir-akut\.mdx:11:13: reportedOn: 2026-11-20 er for sent/m);
    expect(strict.code).toBe(1);
  });
});
