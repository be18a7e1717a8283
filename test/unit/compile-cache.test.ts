/** Each edition's compile cache is a folder of its own beside the stages, kept between builds and emptied when too large. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILE_CACHE_FOLDER, editionCompileCache } from '../../src/lib/build/compile-cache.ts';
import { removeStaleStages } from '../../src/lib/build/stale-stages.ts';
import { cleanup, tempDir } from '../helpers/index.ts';

const parent = tempDir('handbook-compile-cache-');
afterAll(() => cleanup(parent));

describe('editionCompileCache', () => {
  it('gives each edition and the drafts preview a folder of its own under .compile-cache', () => {
    const folders = [
      editionCompileCache(parent, 'intranet', false),
      editionCompileCache(parent, 'intranet', true),
      editionCompileCache(parent, 'public', false),
    ];
    expect(folders.map((f) => path.relative(parent, f))).toEqual(
      ['intranet', 'intranet-drafts', 'public'].map((n) => path.join(COMPILE_CACHE_FOLDER, n)),
    );
    for (const folder of folders) expect(existsSync(folder)).toBe(true);
  });

  it('keeps what a cache holds below the limit and empties it above', () => {
    const dir = editionCompileCache(parent, 'public', false, 1000);
    mkdirSync(path.join(dir, 'v24'), { recursive: true });
    writeFileSync(path.join(dir, 'v24', 'a'), 'x'.repeat(600));
    expect(readdirSync(editionCompileCache(parent, 'public', false, 1000))).toEqual(['v24']);
    writeFileSync(path.join(dir, 'v24', 'b'), 'x'.repeat(600));
    expect(readdirSync(editionCompileCache(parent, 'public', false, 1000))).toEqual([]);
    // The other edition's cache is not touched.
    expect(existsSync(path.join(parent, COMPILE_CACHE_FOLDER, 'intranet'))).toBe(true);
  });

  it('is not taken for a stale stage', () => {
    editionCompileCache(parent, 'intranet', false);
    expect(removeStaleStages(parent)).toEqual([]);
    expect(existsSync(path.join(parent, COMPILE_CACHE_FOLDER, 'intranet'))).toBe(true);
  });
});
