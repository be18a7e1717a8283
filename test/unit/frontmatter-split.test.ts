import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/markdown/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('splits YAML from the body, also with CRLF line ends and empty frontmatter', () => {
    expect(splitFrontmatter('---\ntitle: A\n---\n\n# Hej\n')).toEqual({ yaml: 'title: A', body: '# Hej' });
    expect(splitFrontmatter('---\r\ntitle: A\r\n---\r\nTekst')).toEqual({ yaml: 'title: A', body: 'Tekst' });
    expect(splitFrontmatter('---\n---\nTekst')).toEqual({ yaml: '', body: 'Tekst' });
    expect(splitFrontmatter('--- \ntitle: A\n--- \nTekst')).toEqual({ yaml: 'title: A', body: 'Tekst' });
    expect(splitFrontmatter('\uFEFF---\ntitle: A\n---\nTekst')).toEqual({ yaml: 'title: A', body: 'Tekst' });
  });

  it('ends the frontmatter only at a line that is just ---, not at --- inside a value', () => {
    expect(splitFrontmatter('---\nsep: ---\ntitle: A\n---\nTekst\n\n---\n\nMere')).toEqual({
      yaml: 'sep: ---\ntitle: A',
      body: 'Tekst\n\n---\n\nMere',
    });
  });

  it('leaves a file without frontmatter whole', () => {
    expect(splitFrontmatter('# Kun tekst\n')).toEqual({ yaml: '', body: '# Kun tekst' });
  });
});
