/** Stages of killed builds are removed, a running build's stage stays, whatever else is in the folder is left alone. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processStart, removeStaleStages, stagePrefix } from '../../src/lib/build/stale-stages.ts';
import { recoverInterruptedSwap } from '../../src/lib/build/swap.ts';
import { cleanup, tempDir } from '../helpers/index.ts';

const parent = tempDir('handbook-stages-');
afterAll(() => cleanup(parent));

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

describe('stale stages', () => {
  it('removes the stages of builds that no longer run, keeps a running build’s and foreign folders', () => {
    const mine = `${stagePrefix('public')}Ab12Cd`;
    const dead = `intranet-p${deadPid()}t123x9Zz9Zz`;
    // A running process (this one) but another start time: its pid was reused after the build died.
    const reused = `public-p${process.pid}t${processStart(process.pid) + 1}xQq1Qq1`;
    const foreign = 'notes';
    for (const name of [mine, dead, reused, foreign]) {
      mkdirSync(path.join(parent, name, 'content'), { recursive: true });
      writeFileSync(path.join(parent, name, 'content', 'a.mdx'), 'x');
    }
    expect(processStart(process.pid)).toBeGreaterThan(0);
    expect(removeStaleStages(parent).sort()).toEqual([dead, reused].sort());
    expect(readdirSync(parent).sort()).toEqual([foreign, mine].sort());
    expect(existsSync(path.join(parent, mine, 'content', 'a.mdx'))).toBe(true);
  });

  it('does nothing when there is no stage folder yet', () => {
    expect(removeStaleStages(path.join(parent, 'missing'))).toEqual([]);
  });
});

describe('a swap interrupted by a kill', () => {
  it('puts the previous edition back when the build died between the two renames, and removes its incoming folder', () => {
    const out = path.join(parent, 'dist');
    const dead = deadPid();
    mkdirSync(path.join(out, `.public.old-${dead}-1`), { recursive: true });
    writeFileSync(path.join(out, `.public.old-${dead}-1`, 'index.html'), 'forrige');
    mkdirSync(path.join(out, `.public.new-${dead}-1`));
    mkdirSync(path.join(out, `.intranet.new-${process.pid}-1`));
    recoverInterruptedSwap(path.join(out, 'public'));
    expect(readdirSync(out).sort()).toEqual([`.intranet.new-${process.pid}-1`, 'public']);
    expect(readFileSync(path.join(out, 'public', 'index.html'), 'utf8')).toBe('forrige');
  });
});
