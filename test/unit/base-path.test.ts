/** The edition's base path as a URL prefix: one owner for every place that joins paths under it. */
import { describe, expect, it } from 'vitest';
import { basePrefix } from '../../src/lib/util/base-path.ts';

describe('basePrefix', () => {
  it('ends a base path with exactly one slash, and leaves the root as it is', () => {
    expect(basePrefix('/haandbog')).toBe('/haandbog/');
    expect(basePrefix('/haandbog/')).toBe('/haandbog/');
    expect(basePrefix('/')).toBe('/');
  });
});
