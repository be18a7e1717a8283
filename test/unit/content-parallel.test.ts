import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content.ts';
import { loadHandbookParallel } from '../../src/lib/content-parallel.ts';
import { fixture } from '../helpers.ts';

describe('parallel content loading', () => {
  it.each(['invalid', 'minimal', 'links'])('gives exactly what the sequential loader gives (%s)', async (name) => {
    const sequential = loadHandbook(fixture(name));
    const parallel = await loadHandbookParallel(fixture(name), 3, 0);
    expect(parallel).toEqual(sequential);
    expect(sequential.docs.length + sequential.problems.length).toBeGreaterThan(2);
  });
});
