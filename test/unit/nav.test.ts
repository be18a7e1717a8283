import { describe, expect, it } from 'vitest';
import { navWindow } from '../../src/lib/content/nav.ts';

const docs = Array.from({ length: 40 }, (_, i) => ({ id: `s/d${i}`, title: `D${i}`, type: 'politik' as const, folder: 's' }));

describe('navigation window', () => {
  it('lists a small section whole', () => {
    expect(navWindow(docs.slice(0, 10), 's/d3')).toEqual({ items: docs.slice(0, 10), hidden: 0 });
  });
  it('lists a window around the current document of a large section', () => {
    const { items, hidden } = navWindow(docs, 's/d20');
    expect(items.map((d) => d.id)).toEqual(docs.slice(13, 28).map((d) => d.id));
    expect(hidden).toBe(25);
    expect(navWindow(docs, 's/d0').items[0]!.id).toBe('s/d0');
    expect(navWindow(docs, 's/d39').items.at(-1)!.id).toBe('s/d39');
    expect(navWindow(docs, undefined).items).toHaveLength(15);
  });
});
