import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadHandbook } from '../src/lib/content.ts';
import { leakPatterns } from '../src/lib/leak-patterns.ts';
import { tempDir } from './helpers.ts';

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
