import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/load.ts';
import { loadHandbookParallel } from '../../src/lib/content/parallel.ts';
import { loadStructureParser } from '../../src/lib/markdown/parse.ts';
import { fixture } from '../helpers/index.ts';

// `check`'s remark parse, which only check loads: the sequential loader below needs it loaded.
await loadStructureParser('remark');

describe('parallel content loading', () => {
  it.each([
    ['invalid', 'remark'],
    ['invalid', 'satteri'],
    ['minimal', 'satteri'],
    ['links', 'remark'],
  ] as const)('gives exactly what the sequential loader gives (%s, %s)', async (name, parser) => {
    const sequential = loadHandbook(fixture(name), { parser });
    const parallel = await loadHandbookParallel(fixture(name), { parser, threads: 3, minDocs: 0 });
    // In this process, in chunks between turns of the event loop: the path below 1,500 documents.
    expect(await loadHandbookParallel(fixture(name), { parser, minDocs: Infinity })).toEqual(sequential);
    expect(parallel).toEqual(sequential);
    expect(sequential.docs.length + sequential.problems.length).toBeGreaterThan(2);
  });
});
