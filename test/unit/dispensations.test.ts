import { describe, expect, it } from 'vitest';
import { createFrontmatterSchema } from '../../src/schemas/frontmatter.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';
import { dispensationStatus, inForce } from '../../src/lib/dispensations/status.ts';
import { fixture, runScript } from '../helpers/index.ts';

const schema = createFrontmatterSchema(settingsSchema.parse({}));
const valid = {
  title: 'Dispensation for gamle telefoner',
  type: 'dispensation',
  owner: 'IT-driftschefen',
  approvalBody: 'Informationssikkerhedsudvalget',
  approvedOn: '2026-01-10',
  expires: '2027-01-10',
  requirement: '../retningslinjer/kryptering.mdx#mobile-enheder',
};
const errorsOf = (data: object, s = schema) => {
  const r = s.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('dispensation status', () => {
  const status = (data: Parameters<typeof dispensationStatus>[0], today: string) => dispensationStatus(data, today, 30);
  it('is requested for a draft and closed when retired, whatever the dates', () => {
    expect(status({ status: 'draft', expires: '2020-01-01' }, '2026-12-01')).toBe('requested');
    expect(status({ status: 'retired', expires: '2030-01-01' }, '2026-12-01')).toBe('closed');
  });
  it('is active, then expiring within dueSoonDays, then expired the day after expires', () => {
    const data = { status: 'approved' as const, expires: '2026-12-31' };
    expect(status(data, '2026-11-30')).toBe('active');
    expect(status(data, '2026-12-01')).toBe('expiring');
    expect(status(data, '2026-12-31')).toBe('expiring');
    expect(status(data, '2027-01-01')).toBe('expired');
    expect(dispensationStatus(data, '2026-12-25', 5)).toBe('active');
  });
  it('counts only active and expiring ones as in force', () => {
    expect(['active', 'expiring', 'expired', 'requested', 'closed'].filter((s) => inForce(s as never))).toEqual(['active', 'expiring']);
  });
});

describe('dispensation frontmatter rules', () => {
  it('accepts a granted dispensation, a request without dates and an acute one', () => {
    expect(errorsOf(valid)).toEqual([]);
    expect(errorsOf({ ...valid, status: 'draft', approvedOn: undefined, expires: undefined })).toEqual([]);
    expect(errorsOf({ ...valid, acute: true, decidedOn: '2026-01-02', reportedOn: '2026-01-05' })).toEqual([]);
  });
  it('requires requirement and, when approved, expires in place of nextReview', () => {
    expect(errorsOf({ ...valid, requirement: undefined })).toEqual([expect.stringMatching(/^requirement: mangler/)]);
    expect(errorsOf({ ...valid, expires: undefined })).toEqual([
      expect.stringMatching(/^expires: mangler \(kræves når status er approved/),
    ]);
    expect(errorsOf({ ...valid, nextReview: '2026-06-01' })).toEqual([
      expect.stringMatching(/^nextReview: bruges ikke for type: dispensation/),
    ]);
    expect(errorsOf({ ...valid, requirement: 'https://example.dk/regel' })).toEqual([
      expect.stringMatching(/^requirement: skal være en relativ sti/),
    ]);
  });
  it('keeps expires after approvedOn and within dispensationMaxMonths', () => {
    expect(errorsOf({ ...valid, expires: '2026-01-10' })).toEqual(['expires: skal ligge efter approvedOn (2026-01-10)']);
    expect(errorsOf({ ...valid, expires: '2027-01-11' })[0]).toMatch(
      /^expires: må højst ligge 12 måneder efter approvedOn \(senest 2027-01-10/,
    );
    const short = createFrontmatterSchema(settingsSchema.parse({ dispensationMaxMonths: 3 }));
    expect(errorsOf({ ...valid, expires: '2026-04-10' }, short)).toEqual([]);
    expect(errorsOf({ ...valid, expires: '2026-04-11' }, short)[0]).toMatch(/højst ligge 3 måneder/);
  });
  it('refuses audience: public, and acute fields without acute: true', () => {
    expect(errorsOf({ ...valid, audience: 'public' })).toEqual([expect.stringMatching(/^audience: en dispensation er aldrig offentlig/)]);
    expect(errorsOf({ ...valid, acute: false })).toEqual([expect.stringMatching(/^acute: skal være true/)]);
    expect(errorsOf({ ...valid, acute: true })).toEqual([expect.stringMatching(/^decidedOn: mangler/)]);
    expect(errorsOf({ ...valid, reportedOn: '2026-01-02' })).toEqual(['reportedOn: kun tilladt når acute er true']);
    expect(errorsOf({ ...valid, acute: true, decidedOn: '2026-01-05', reportedOn: '2026-01-04' })).toEqual([
      'reportedOn: må ikke ligge før decidedOn (2026-01-05)',
    ]);
  });
  it('refuses dispensation fields on any other type', () => {
    const guideline = { ...valid, type: 'retningslinje', nextReview: '2027-01-10', expires: undefined, requirement: undefined };
    expect(errorsOf(guideline)).toEqual([]);
    for (const [field, value] of Object.entries({ requirement: '../a.mdx', expires: '2026-06-01', acute: true, decidedOn: '2026-01-01' }))
      expect(errorsOf({ ...guideline, [field]: value })).toEqual([`${field}: kun tilladt for type: dispensation`]);
  });
  it('validates the two settings in handbook.yaml', () => {
    expect(settingsSchema.parse({})).toMatchObject({ dispensationMaxMonths: 12, acuteReportDays: 14 });
    expect(settingsSchema.safeParse({ dispensationMaxMonths: 0 }).success).toBe(false);
    expect(settingsSchema.safeParse({ acuteReportDays: -1 }).success).toBe(false);
  });
});

describe('npm run check on bad dispensations', () => {
  it('reports every field and folder rule as one line file:line:col, warnings for body and acute reporting', () => {
    const result = runScript('check', { HANDBOOK_CONTENT: fixture('dispensation-invalid') });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    const d = 'content/dispensationer';
    const expected = [
      'content/andet/forkert-mappe.mdx:3:7: type: dispensation er kun tilladt i dispensationer/',
      `${d}/forkert-type.mdx:3:7: type: retningslinje hører ikke til i dispensationer/; tilladt her: dispensation`,
      `${d}/mangler-krav.mdx:1:1: requirement: mangler`,
      `${d}/krav-ikke-sti.mdx:8:14: requirement: skal være en relativ sti til et .mdx-dokument`,
      `${d}/krav-findes-ikke.mdx:8:14: requirement: ../regler/ukendt.mdx findes ikke`,
      `${d}/krav-kladde.mdx:8:14: requirement: content/regler/kladde.mdx har status draft`,
      `${d}/krav-overskrift.mdx:8:14: requirement: overskriften "#ukendt-overskrift" findes ikke i content/regler/krav.mdx`,
      `${d}/krav-dispensation.mdx:8:14: requirement: ./gyldig.mdx er selv en dispensation`,
      `${d}/mangler-udloeb.mdx:1:1: expires: mangler (kræves når status er approved`,
      `${d}/udloeb-foer-godkendt.mdx:7:10: expires: skal ligge efter approvedOn (2026-01-01)`,
      `${d}/udloeb-for-sent.mdx:7:10: expires: må højst ligge 6 måneder efter approvedOn (senest 2026-07-01; dispensationMaxMonths i handbook.yaml)`,
      `${d}/udloeb-ugyldig.mdx:7:10: expires: skal være en gyldig dato`,
      `${d}/offentlig.mdx:9:11: audience: en dispensation er aldrig offentlig; tilladt: internal`,
      `${d}/med-revision.mdx:9:13: nextReview: bruges ikke for type: dispensation`,
      `${d}/akut-ikke-true.mdx:9:8: acute: skal være true`,
      `${d}/akut-uden-dato.mdx:1:1: decidedOn: mangler (kræves når acute er true`,
      `${d}/dato-uden-akut.mdx:9:12: decidedOn: kun tilladt når acute er true`,
      `${d}/anmeldt-foer-besluttet.mdx:11:13: reportedOn: må ikke ligge før decidedOn (2026-01-10)`,
      `${d}/anmeldt-for-sent.mdx:11:13: advarsel: reportedOn: 2025-12-31 er for sent; en akut afvigelse skal anmeldes senest 5 dage efter decidedOn (senest 2025-12-25`,
      `${d}/ikke-anmeldt.mdx:10:12: advarsel: reportedOn: mangler; en akut afvigelse skal anmeldes`,
      `${d}/uden-foranstaltninger.mdx:1:1: advarsel: dispensationen beskriver ingen alternative sikringsforanstaltninger`,
      'content/regler/med-udloeb.mdx:8:10: expires: kun tilladt for type: dispensation',
    ];
    for (const start of expected)
      expect(
        lines.filter((l) => l.startsWith(start)),
        `${start}\n${result.stderr}`,
      ).toHaveLength(1);
    // One line per problem, nothing else: no stack traces, no problem for the valid dispensation.
    expect(lines).toHaveLength(expected.length);
    expect(result.stderr).not.toMatch(/^content\/dispensationer\/gyldig\.mdx|\n\s+at /m);
  });

  it('makes the acute reporting warnings errors with --strict', () => {
    const result = runScript('check', { HANDBOOK_CONTENT: fixture('dispensation-invalid') }, ['--strict']);
    expect(result.stderr).toMatch(/^content\/dispensationer\/anmeldt-for-sent\.mdx:11:13: reportedOn: 2025-12-31 er for sent/m);
    expect(result.stderr).toMatch(/^content\/dispensationer\/ikke-anmeldt\.mdx:10:12: reportedOn: mangler/m);
  });
});
