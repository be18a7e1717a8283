import { describe, expect, it } from 'vitest';
import { fixture, runScript } from '../helpers/index.ts';

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('npm run check: the Statement of Applicability', () => {
  it('reports a missing decision, a missing justification and other mistakes with file, line and column', () => {
    const result = runScript('check', { HANDBOOK_CONTENT: fixture('soa-invalid') });
    expect(result.code).toBe(1);
    const errors = lines(result.stderr).filter((l) => !l.includes(': advarsel: '));
    const expected = [
      /^content\/anvendelighed\.yaml:1:1: kontrol 5\.3 \(Funktionsadskillelse\): mangler en beslutning/,
      /^content\/anvendelighed\.yaml:4:10: kontrol 5\.4, justification: mangler: en fravalgt kontrol \(applicable: false\) skal have en begrundelse/,
      /^content\/anvendelighed\.yaml:5:10: kontrol 5\.5, applicable: mangler en beslutning/,
      /^content\/anvendelighed\.yaml:6:30: kontrol 5\.6, begrundelse: ukendt felt; tilladte felter: applicable, justification/,
      /^content\/anvendelighed\.yaml:20:3: kontrol-id'et 5\.20 skal stå i anførselstegn \("5\.20"\)/,
      /^content\/anvendelighed\.yaml:1:1: kontrol 5\.20 .*mangler en beslutning/,
      /^content\/anvendelighed\.yaml:95:3: kontrol 9\.1: ukendt id/,
      /^content\/egne-foranstaltninger\.yaml:4:3: foranstaltning inv-2: id skal være/,
      /^content\/egne-foranstaltninger\.yaml:7:5: foranstaltning INV-3, title: mangler/,
    ];
    for (const pattern of expected)
      expect(
        errors.some((l) => pattern.test(l)),
        `${pattern}\n${result.stderr}`,
      ).toBe(true);
    expect(errors).toHaveLength(expected.length);
    // INV-1 is a valid own measure, so the document naming it passes.
    expect(result.stderr).not.toContain('bruger-egen.mdx');
  });

  it('passes with warnings for uncovered controls and for a document naming an excluded one', () => {
    const result = runScript('check', { HANDBOOK_CONTENT: fixture('soa-valid') });
    expect(result.code, result.stderr).toBe(0);
    const warnings = lines(result.stderr);
    expect(warnings.every((l) => l.includes(': advarsel: '))).toBe(true);
    expect(
      warnings.filter((l) =>
        /^content\/anvendelighed\.yaml:\d+:3: advarsel: kontrol \S+ \(.+\) er anvendelig, men intet godkendt dokument/.test(l),
      ),
    ).toHaveLength(87);
    expect(warnings).toContain(
      'content/regler/fravalgt-brug.mdx:11:5: advarsel: controls[1]: kontrol 8.30 er fravalgt i anvendelighed.yaml (Vi outsourcer ikke udvikling.); fjern den her, eller gør den anvendelig',
    );
    expect(result.stdout).toMatch(/5 dokumenter gennemgået: 0 fejl, 88 advarsler/);
  });

  it('makes uncovered controls errors with --strict, and annotates them on GitHub Actions', () => {
    const result = runScript('check', { HANDBOOK_CONTENT: fixture('soa-valid'), GITHUB_ACTIONS: 'true' }, ['--strict']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^content\/anvendelighed\.yaml:5:3: kontrol 5\.3 \(Funktionsadskillelse\) er anvendelig, men/m);
    expect(result.stderr).toMatch(/^::error file=content\/anvendelighed\.yaml,line=5,col=3::kontrol 5\.3/m);
    expect(result.stderr).toMatch(/^::warning file=content\/regler\/fravalgt-brug\.mdx,line=11,col=5::controls\[1\]/m);
    expect(result.stdout).toMatch(/87 fejl, 1 advarsler/);
  });

  it('lets a handbook without an applicability file pass untouched', () => {
    const result = runScript('check', { HANDBOOK_CONTENT: fixture('minimal') }, ['--strict']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
  });
});
