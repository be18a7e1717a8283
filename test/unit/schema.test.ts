import { describe, expect, it } from 'vitest';
import { createFrontmatterSchema } from '../../src/schemas/frontmatter.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';
import { ANNEX_A_IDS } from '../../src/schemas/annex-a.ts';

const schema = createFrontmatterSchema(settingsSchema.parse({}));
const valid = {
  title: 'Retningslinje',
  type: 'retningslinje',
  owner: 'Informationssikkerhedskoordinatoren',
  approvalBody: 'Informationssikkerhedsudvalget',
  approvedOn: '2026-01-10',
  nextReview: '2027-01-10',
};
const errorsOf = (data: object) => {
  const r = schema.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('frontmatter schema', () => {
  it('applies the defaults: approved, internal, Danish', () => {
    const data = schema.parse(valid);
    expect(data).toMatchObject({ status: 'approved', audience: 'internal', lang: 'da', controls: [] });
  });
  it('normalises YAML Date objects to calendar dates', () => {
    expect(schema.parse({ ...valid, approvedOn: new Date('2026-01-10T00:00:00Z') }).approvedOn).toBe('2026-01-10');
  });
  it('rejects unknown fields such as a misspelt audience', () => {
    expect(errorsOf({ ...valid, audiance: 'public' }).join()).toMatch(/audiance|Unrecognized/i);
  });
  it('requires dates when approved but not for drafts', () => {
    expect(errorsOf({ ...valid, approvedOn: undefined })).toEqual(['approvedOn: mangler (kræves når status er approved)']);
    expect(errorsOf({ ...valid, status: 'draft', approvedOn: undefined, nextReview: undefined })).toEqual([]);
  });
  it('limits a policy to twelve months between approval and review', () => {
    expect(errorsOf({ ...valid, type: 'politik', nextReview: '2027-01-10' })).toEqual([]);
    expect(errorsOf({ ...valid, type: 'politik', nextReview: '2027-01-11' })[0]).toMatch(/^nextReview: må højst ligge 12 måneder/);
    expect(errorsOf({ ...valid, nextReview: '2030-01-01' })).toEqual([]);
  });
  it('knows exactly the 93 Annex A controls', () => {
    expect(ANNEX_A_IDS).toHaveLength(93);
    expect(errorsOf({ ...valid, controls: ['5.37', '6.8', '7.14', '8.34'] })).toEqual([]);
    for (const bad of ['5.38', '6.9', '7.15', '8.35', '9.1', '5.0']) expect(errorsOf({ ...valid, controls: [bad] })).toHaveLength(1);
  });
  it('takes approval bodies from the settings', () => {
    const custom = createFrontmatterSchema(settingsSchema.parse({ approvalBodies: ['Bestyrelsen'] }));
    expect(custom.safeParse({ ...valid, approvalBody: 'Bestyrelsen' }).success).toBe(true);
    expect(custom.safeParse(valid).success).toBe(false);
  });
});

describe('numbers where YAML would silently change them', () => {
  it('rejects unquoted control ids and versions', () => {
    expect(errorsOf({ ...valid, controls: [5.1] })[0]).toMatch(/^controls\.0: skal stå i anførselstegn/);
    expect(errorsOf({ ...valid, version: 3.1 })[0]).toMatch(/^version: skal stå i anførselstegn, fx "3.1"/);
    expect(errorsOf({ ...valid, version: '3.10', controls: ['5.10'] })).toEqual([]);
  });
});
