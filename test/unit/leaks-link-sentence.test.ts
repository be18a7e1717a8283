import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadHandbook } from '../../src/lib/content/load.ts';
import { leakPatterns } from '../../src/lib/leaks/patterns.ts';
import { tempDir } from '../helpers/index.ts';

const doc = (name: string, audience: string) =>
  `---\ntitle: Regel ${name} om noget\ntype: retningslinje\nowner: Ejer\napprovalBody: Direktionen\napprovedOn: 2026-01-01\nnextReview: 2026-12-01\naudience: ${audience}\n---\n\nDette er en indledende tekst om reglen ${name}.\n\nSe også [den offentlige regel](./offentlig.mdx), som uddyber kravene til leverandører og samarbejdspartnere grundigt.\n`;

describe('leak patterns and links inside sentences', () => {
  it('do not flag a sentence a public document also has, though a link address splits it in the source', () => {
    const content = path.join(tempDir(), 'content');
    mkdirSync(path.join(content, 'regler'), { recursive: true });
    writeFileSync(path.join(content, 'regler/offentlig.mdx'), doc('offentlig', 'public'));
    writeFileSync(path.join(content, 'regler/intern.mdx'), doc('intern', 'internal'));
    const texts = leakPatterns(loadHandbook(content)).map((p) => p.text);
    expect(texts).toContain('Regel intern om noget');
    expect(texts.some((t) => t.includes('samarbejdspartnere grundigt'))).toBe(false);
  });
});

describe('leak patterns and lists of links', () => {
  it('do not join the titles of a closing list of links into one sentence, which the public navigation shows side by side', () => {
    const content = path.join(tempDir(), 'content');
    mkdirSync(path.join(content, 'regler'), { recursive: true });
    const titled = (title: string, audience: string, body: string) =>
      `---\ntitle: ${title}\ntype: retningslinje\nowner: Ejer\napprovalBody: Direktionen\napprovedOn: 2026-01-01\nnextReview: 2026-12-01\naudience: ${audience}\n---\n\n${body}\n`;
    writeFileSync(
      path.join(content, 'regler/a.mdx'),
      titled('Retningslinje for sikker brug af mobile enheder', 'public', 'Tekst om mobile enheder.'),
    );
    writeFileSync(
      path.join(content, 'regler/b.mdx'),
      titled('Retningslinje for håndtering af flytbare medier', 'public', 'Tekst om medier.'),
    );
    writeFileSync(
      path.join(content, 'regler/intern.mdx'),
      titled(
        'Intern regel',
        'internal',
        'Denne interne regel beskriver, hvordan medarbejderne arbejder sikkert hjemmefra hver eneste dag.\n\n## Se også\n\n- [Retningslinje for sikker brug af mobile enheder](./a.mdx)\n- [Retningslinje for håndtering af flytbare medier](./b.mdx)',
      ),
    );
    const texts = leakPatterns(loadHandbook(content)).map((p) => p.text);
    expect(texts.some((t) => t.includes('arbejder sikkert hjemmefra hver eneste dag'))).toBe(true);
    expect(texts.filter((t) => /mobile enheder|flytbare medier/.test(t))).toEqual([]);
  });
});

describe('leak patterns and hard-wrapped paragraphs', () => {
  it('take a sentence across the source line breaks of its paragraph, as readers see it', () => {
    const content = path.join(tempDir(), 'content');
    mkdirSync(path.join(content, 'regler'), { recursive: true });
    writeFileSync(
      path.join(content, 'regler/intern.mdx'),
      '---\ntitle: Intern regel\ntype: retningslinje\nowner: Ejer\napprovalBody: Direktionen\napprovedOn: 2026-01-01\nnextReview: 2026-12-01\n---\n\nMedarbejdere i kundeservice skal altid låse skærmen og lægge\npapirer væk, når de går.\n',
    );
    const sentences = leakPatterns(loadHandbook(content)).filter((p) => p.what === 'sætning');
    expect(sentences.map((p) => p.text)).toEqual([expect.stringMatching(/lægge papirer væk når de går$/)]);
  });
});
