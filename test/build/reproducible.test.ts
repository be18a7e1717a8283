/** Reproducible builds: the same content, commit and HANDBOOK_TODAY give byte-identical editions. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, runScript, snapshotTree, tempDir } from '../helpers/index.ts';

describe('reproducible builds', () => {
  const outs = [tempDir('handbook-repro-'), tempDir('handbook-repro-')];
  afterAll(() => cleanup(...outs));

  it('writes every file of both editions byte for byte the same in two builds into different folders', () => {
    for (const out of outs) {
      const result = runScript('build', { HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-11-29' });
      expect(result.code, result.stderr).toBe(0);
    }
    // Beside the editions, each build records the fingerprint of the inputs (the same) and its folders' state (their
    // files' times: not the same), for the next build into that folder (src/lib/build/reuse.ts).
    for (const edition of ['intranet', 'public']) {
      const [a, b] = outs.map((out) => readFileSync(path.join(out, `.${edition}.inputs`), 'utf8').split('\n')[0]);
      expect(a).toMatch(/^[0-9a-f]{64}$/);
      expect(b).toBe(a);
    }
    const editions = (out: string) => new Map([...snapshotTree(out)].filter(([f]) => /^(intranet|public)\//.test(f)));
    const [first, second] = outs.map(editions) as [Map<string, string>, Map<string, string>];
    expect([...first.keys()].filter((f) => f.startsWith('public/')).length).toBeGreaterThan(20);
    expect([...first.keys()].some((f) => f.includes('.pf_index'))).toBe(true);
    expect([...second.keys()]).toEqual([...first.keys()]);
    const differing = [...first.keys()].filter((f) => first.get(f) !== second.get(f));
    expect(differing).toEqual([]);
  });
});
