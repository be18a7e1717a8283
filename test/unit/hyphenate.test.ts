/** Soft hyphens in long Danish words of table cells, the same for a text however often it is asked for. */
import { describe, expect, it } from 'vitest';
import { softHyphens } from '../../src/lib/site/hyphenate.ts';

describe('softHyphens', () => {
  it('breaks long compounds at Danish hyphenation points and leaves short words, spaces and hyphens alone', () => {
    const long = softHyphens('Informationssikkerhedskoordinatoren');
    expect(long.split('\u00ad').length).toBeGreaterThan(3);
    expect(long.replaceAll('\u00ad', '')).toBe('Informationssikkerhedskoordinatoren');
    expect(softHyphens('IT-driften og HR')).toBe('IT-driften og HR');
  });

  it('gives the same text the same answer each time, and another text its own', () => {
    const first = softHyphens('Datafortrolighedsudvalget');
    expect(softHyphens('Datafortrolighedsudvalget')).toBe(first);
    expect(softHyphens('Sikkerhedsudvalgsformanden')).not.toBe(first);
    expect(softHyphens('Sikkerhedsudvalgsformanden').replaceAll('\u00ad', '')).toBe('Sikkerhedsudvalgsformanden');
  });
});
