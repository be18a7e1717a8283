import { describe, expect, it } from 'vitest';
import { fixture, runScript } from '../helpers/index.ts';

describe('npm run check', () => {
  it('passes on the sample handbook', () => {
    const result = runScript('check');
    // The sample Statement of Applicability has applicable controls no sample document implements yet: warnings only.
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines.filter((l) => !/^content\/anvendelighed\.yaml:\d+:\d+: advarsel: kontrol \S+ .* er anvendelig, men/.test(l))).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^2\d dokumenter gennemgået: 0 fejl/m);
  });

  it('reports every rule violation of a folder in one run, with file, line and field', () => {
    const result = runScript('check', { HANDBOOK_CONTENT: fixture('invalid') });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    const expected = [
      /^content\/regler\/mangler-titel\.mdx:1:1: title: mangler/,
      /^content\/regler\/tom-titel\.mdx:2:8: title: må ikke være tom/,
      /^content\/regler\/forkert-type\.mdx:3:7: type: skal være en af: politik, retningslinje, forretningsgang, procedure, beredskabsplan, bilag, dispensation \(fik "guideline"\)/,
      /^content\/regler\/mangler-ejer\.mdx:1:1: owner: mangler/,
      /^content\/regler\/forkert-organ\.mdx:5:15: approvalBody: skal være en af: Direktionen, Informationssikkerhedsudvalget, IT-sikkerhedsgruppen, Datafortrolighedsudvalget/,
      /^content\/regler\/forkert-status\.mdx:8:9: status: skal være en af: draft, approved, retired/,
      /^content\/regler\/mangler-godkendt\.mdx:1:1: approvedOn: mangler/,
      /^content\/regler\/mangler-revision\.mdx:1:1: nextReview: mangler/,
      /^content\/regler\/ugyldig-dato\.mdx:6:13: approvedOn: skal være en gyldig dato/,
      /^content\/regler\/revision-foer-godkendelse\.mdx:7:13: nextReview: skal ligge efter approvedOn/,
      /^content\/regler\/politik-interval\.mdx:7:13: nextReview: må højst ligge 12 måneder efter approvedOn/,
      /^content\/regler\/forkert-audience\.mdx:8:11: audience: skal være en af: public, internal/,
      /^content\/regler\/forkert-kontrol\.mdx:8:19: controls\[1\]: "5\.38" er ikke et kontrol-id/,
      /^content\/regler\/forkert-sprog\.mdx:8:7: lang: skal være en af: da, en/,
      /^content\/regler\/ukendt-felt\.mdx:8:1: audiance: ukendt felt; tilladte felter: title, description/,
      /^content\/regler\/yaml-fejl\.mdx:\d+:\d+: YAML-fejl/,
      /^content\/regler\/mdx-fejl\.mdx:12:1: MDX-syntaksfejl/,
    ];
    for (const pattern of expected)
      expect(
        lines.some((l) => pattern.test(l)),
        `${pattern}\n${result.stderr}`,
      ).toBe(true);
    expect(lines).toHaveLength(expected.length);
    expect(result.stderr).not.toContain('gyldig.mdx');
  });

  it('adds GitHub annotations under GitHub Actions', () => {
    const result = runScript('check', { HANDBOOK_CONTENT: fixture('invalid'), GITHUB_ACTIONS: 'true' });
    expect(result.stderr).toMatch(/^::error file=content\/regler\/forkert-type\.mdx,line=3,col=7::type: skal være en af/m);
  });
});
