/** Reproducible builds: the same content, commit and HANDBOOK_TODAY give byte-identical editions. */
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
    const [first, second] = outs.map(snapshotTree) as [Map<string, string>, Map<string, string>];
    expect([...first.keys()].filter((f) => f.startsWith('public/')).length).toBeGreaterThan(20);
    expect([...first.keys()].some((f) => f.includes('.pf_index'))).toBe(true);
    expect([...second.keys()]).toEqual([...first.keys()]);
    const differing = [...first.keys()].filter((f) => first.get(f) !== second.get(f));
    expect(differing).toEqual([]);
  });
});
