import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { ANNEX_A_CONTROLS, ANNEX_A_IDS, ANNEX_A_THEMES, compareControlIds, isAnnexAControl } from '../../src/schemas/annex-a.ts';
import { buildSoa, controlPath, type SoaDoc } from '../../src/lib/soa/model.ts';
import { soaCsv } from '../../src/lib/soa/csv.ts';
import { checkApplicability } from '../../src/lib/soa/check.ts';
import { loadHandbook } from '../../src/lib/content/load.ts';
import { strings } from '../../src/strings/index.ts';
import { fixture } from '../helpers/index.ts';

const t = strings('da');
const measures = [
  { id: 'DST-2', title: 'Anden' },
  { id: 'DST-10', title: 'Tiende' },
];
const doc = (id: string, controls: string[], status: SoaDoc['status'] = 'approved'): SoaDoc => ({
  id,
  title: `Titel ${id}`,
  status,
  controls,
});

describe('control catalogue', () => {
  it('holds the 93 Annex A controls in four themes, each with a title', () => {
    expect(ANNEX_A_CONTROLS).toHaveLength(93);
    expect(ANNEX_A_THEMES.map((x) => [x.theme, x.count])).toEqual([
      [5, 37],
      [6, 8],
      [7, 14],
      [8, 34],
    ]);
    expect(new Set(ANNEX_A_IDS).size).toBe(93);
    expect(ANNEX_A_CONTROLS.every((c) => c.title.length > 3 && c.id.startsWith(`${c.theme}.`))).toBe(true);
    expect(ANNEX_A_CONTROLS.find((c) => c.id === '8.24')?.title).toBe('Brug af kryptografi');
    expect(isAnnexAControl('5.37')).toBe(true);
    expect(isAnnexAControl('5.38')).toBe(false);
  });

  it('sorts ids numerically with own measures last', () => {
    expect(['DST-10', '5.10', 'DST-2', '8.1', '5.2'].sort(compareControlIds)).toEqual(['5.2', '5.10', '8.1', 'DST-2', 'DST-10']);
  });
});

describe('buildSoa', () => {
  const decisions = {
    ...Object.fromEntries(ANNEX_A_IDS.map((id) => [id, { applicable: true }])),
    '7.12': { applicable: false, justification: 'Udlejer' },
    'DST-2': { applicable: true },
  };
  const docs = [
    doc('a', ['5.1', '5.2', '5.1']),
    doc('b', ['5.1', '8.24', 'DST-2']),
    doc('kladde', ['5.3'], 'draft'),
    doc('gammel', ['6.1'], 'retired'),
  ];

  it('counts covered, not covered, excluded and undecided per theme', () => {
    const soa = buildSoa({ measures, decisions }, docs);
    const counts = Object.fromEntries(soa.groups.map((g) => [g.key, g.counts]));
    expect(counts[5]).toEqual({ total: 37, applicable: 37, covered: 2, notCovered: 35, excluded: 0, undecided: 0 });
    expect(counts[6]).toEqual({ total: 8, applicable: 8, covered: 0, notCovered: 8, excluded: 0, undecided: 0 });
    expect(counts[7]).toEqual({ total: 14, applicable: 13, covered: 0, notCovered: 13, excluded: 1, undecided: 0 });
    expect(counts.own).toEqual({ total: 2, applicable: 1, covered: 1, notCovered: 0, excluded: 0, undecided: 1 });
    expect(soa.totals).toMatchObject({ total: 95, covered: 4, excluded: 1, undecided: 1 });
    expect(soa.rows.map((r) => r.id).slice(-2)).toEqual(['DST-2', 'DST-10']);
  });

  it('lists drafts naming a control without counting them, and ignores retired documents', () => {
    const soa = buildSoa({ measures, decisions }, docs);
    const row = (id: string) => soa.rows.find((r) => r.id === id)!;
    expect(row('5.3')).toMatchObject({ state: 'not-covered', docs: [{ id: 'kladde' }] });
    expect(row('6.1')).toMatchObject({ state: 'not-covered', docs: [] });
    expect(row('5.1').docs.map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('lists only named controls when asked to (the public edition)', () => {
    const soa = buildSoa({ measures: [], decisions: { '5.1': { applicable: true } }, onlyNamed: true }, [doc('a', ['5.1'])]);
    expect(soa.rows.map((r) => r.id)).toEqual(['5.1']);
    expect(soa.groups.map((g) => g.key)).toEqual([5]);
  });

  it('links a control to its row', () => {
    expect(controlPath('5.1')).toBe('anvendelseserklaering/#kontrol-5.1');
  });
});

describe('CSV export', () => {
  it('parses with a CSV library into a header and one record per control and own measure', () => {
    const tricky = { ...doc('c', ['5.1']), title: '=HYPERLINK("x"); "citat"' };
    const soa = buildSoa({ measures, decisions: { '7.12': { applicable: false, justification: 'Linje 1; linje 2\nmed "citat"' } } }, [
      tricky,
      doc('a', ['5.1']),
    ]);
    const csv = soaCsv(soa, t, (id) => `https://intra.example.dk/${id}/`);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parse(csv, { delimiter: ';', bom: true, relaxColumnCount: false }) as string[][];
    expect(records[0]).toEqual(['Id', 'Tema', 'Kontrol', 'Anvendelig', 'Begrundelse', 'Status', 'Dokumenter', 'Adresser']);
    expect(records).toHaveLength(1 + 93 + 2);
    const byId = new Map(records.slice(1).map((r) => [r[0], r]));
    expect(byId.get('7.12')).toEqual([
      '7.12',
      '7 Fysiske foranstaltninger',
      'Sikring af kabler',
      'Nej',
      'Linje 1; linje 2\nmed "citat"',
      'Fravalgt',
      '',
      '',
    ]);
    // A cell that would start with "=" is defused for spreadsheets.
    expect(byId.get('5.1')![6]).toBe(`'=HYPERLINK("x"); "citat"\nTitel a`);
    expect(byId.get('5.1')![7]).toBe('https://intra.example.dk/c/\nhttps://intra.example.dk/a/');
    expect(byId.get('5.2')![5]).toBe('Mangler beslutning');
    expect(byId.get('DST-10')![1]).toBe('Egne foranstaltninger');
  });
});

describe('checkApplicability', () => {
  const handbook = loadHandbook(fixture('soa-valid'));

  it('warns about each applicable control no approved document implements, at its line', () => {
    expect(handbook.problems).toEqual([]);
    const problems = checkApplicability(handbook, { strict: false });
    const uncovered = problems.filter((p) => p.message.includes('er anvendelig, men'));
    expect(uncovered).toHaveLength(87);
    expect(uncovered.every((p) => p.severity === 'warning' && p.file === 'content/anvendelighed.yaml')).toBe(true);
    // Line 3 is "5.1" (covered); "5.3" sits on line 5 and only a draft names it.
    expect(uncovered[0]).toMatchObject({ line: 5, col: 3, message: expect.stringContaining('kontrol 5.3 (Funktionsadskillelse)') });
  });

  it('turns uncovered controls into errors when strict', () => {
    const problems = checkApplicability(handbook, { strict: true });
    expect(problems.filter((p) => p.severity === 'error')).toHaveLength(87);
  });

  it('warns about a document naming an excluded control, at the id in its frontmatter', () => {
    const problems = checkApplicability(handbook, { strict: true }).filter((p) => p.file.endsWith('.mdx'));
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/regler/fravalgt-brug.mdx',
        line: 11,
        col: 5,
        severity: 'warning',
        message: expect.stringContaining('kontrol 8.30 er fravalgt'),
      }),
    ]);
  });

  it('reports nothing for a handbook without an applicability file', () => {
    expect(checkApplicability(loadHandbook(fixture('minimal')), { strict: true })).toEqual([]);
  });
});
