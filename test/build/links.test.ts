import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, fixture, runScript } from '../helpers/index.ts';

describe('links in npm run check', () => {
  const result = runScript('check', { HANDBOOK_CONTENT: fixture('links') });
  const lines = result.stderr.trim().split('\n');

  it('fails on broken links, anchors and images, each with file and line', () => {
    expect(result.code).toBe(1);
    expect(lines).toContain(
      'content/regler/intern.mdx:13:4: link: ./findes-ikke.mdx findes ikke (ingen fil regler/findes-ikke.mdx i indholdsmappen)',
    );
    expect(lines).toContain(
      'content/regler/intern.mdx:13:54: link: overskriften "#afsnit-tre" findes ikke i content/regler/offentlig-to.mdx',
    );
    expect(lines).toContain('content/regler/intern.mdx:14:1: link: /regler/mangler/ peger ikke på et dokument');
    expect(lines).toContain('content/regler/intern.mdx:14:69: link: overskriften "#mangler" findes ikke i dokumentet');
    expect(lines).toContain('content/regler/intern.mdx:17:1: image: ./billeder/mangler.png findes ikke');
    expect(result.stderr).not.toMatch(/#indhold|#om-reglen|#afsnit-to/);
  });

  it('fails when a public document links to or imports a non-public one, naming both files', () => {
    const cross = lines.filter((l) => l.includes('som ikke er offentligt'));
    expect(cross).toHaveLength(2);
    expect(cross[0]).toMatch(
      /^content\/regler\/offentlig\.mdx:11:1: link: offentligt dokument importerer content\/regler\/intern\.mdx, .*content\/regler\/offentlig\.mdx/,
    );
    expect(cross[1]).toMatch(/^content\/regler\/offentlig\.mdx:15:4: link: offentligt dokument linker til content\/regler\/intern\.mdx/);
  });

  it('fails the build the same way and builds nothing', () => {
    const build = runScript('build', { HANDBOOK_CONTENT: fixture('links'), HANDBOOK_OUT: path.join(copyFixture('links'), '..', 'out') });
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(
      /^content\/regler\/offentlig\.mdx:15:4: link: offentligt dokument linker til content\/regler\/intern\.mdx/m,
    );
  });
});

describe('links in footnotes, tables and re-exports', () => {
  it('are checked by check and build like any other: a public document may not reach a non-public one through them', () => {
    const content = copyFixture('minimal');
    const file = path.join(content, 'regler', 'ordliste.mdx');
    writeFileSync(
      file,
      readFileSync(file, 'utf8') +
        [
          '',
          'Se noten.[^1]',
          '',
          '| Regel |',
          '| --- |',
          '| [Serverrum](./hemmelig-serverrum.mdx) |',
          '',
          "export { default as Koder } from './intern-adgangskoder.mdx';",
          '',
          '[^1]: Se [adgangskoder](./intern-adgangskoder.mdx).',
          '',
        ].join('\n'),
    );
    const expected = [
      /^content\/regler\/ordliste\.mdx:21:3: link: offentligt dokument linker til content\/regler\/hemmelig-serverrum\.mdx/m,
      /^content\/regler\/ordliste\.mdx:23:1: link: offentligt dokument importerer content\/regler\/intern-adgangskoder\.mdx/m,
      /^content\/regler\/ordliste\.mdx:25:10: link: offentligt dokument linker til content\/regler\/intern-adgangskoder\.mdx/m,
    ];
    const check = runScript('check', { HANDBOOK_CONTENT: content });
    const build = runScript('build', { HANDBOOK_CONTENT: content, HANDBOOK_OUT: path.join(content, '..', 'out') });
    for (const result of [check, build]) {
      expect(result.code).toBe(1);
      for (const pattern of expected) expect(result.stderr).toMatch(pattern);
    }
  });
});

describe('CODEOWNERS', () => {
  it('is written by npm run codeowners and checked for staleness', () => {
    const content = copyFixture('minimal');
    appendFileSync(
      path.join(content, 'handbook.yaml'),
      'codeowners:\n  Informationssikkerhedskoordinatoren: ["@org/sikkerhed"]\n  Driftschefen for Zebrafinke: ["@org/drift", "@anna"]\n',
    );
    const env = { HANDBOOK_CONTENT: content };
    const missing = runScript('check', env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^CODEOWNERS:1:1: CODEOWNERS findes ikke; kør npm run codeowners/m);

    expect(runScript('codeowners', env).code).toBe(0);
    const file = path.join(content, '..', 'CODEOWNERS');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('/content/regler/hemmelig-serverrum.mdx @org/drift @anna\n');
    expect(text).toContain('/content/politikker/sikkerhedspolitik.mdx @org/sikkerhed\n');
    expect(runScript('check', env).code).toBe(0);

    const doc = path.join(content, 'regler/intern-adgangskoder.mdx');
    writeFileSync(
      doc,
      readFileSync(doc, 'utf8').replace('owner: Informationssikkerhedskoordinatoren', 'owner: Driftschefen for Zebrafinke'),
    );
    const stale = runScript('check', env);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/^CODEOWNERS:1:1: CODEOWNERS er forældet/m);
  });
});
