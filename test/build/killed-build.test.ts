/**
 * A build killed with SIGKILL (CI cancelling a run) at any moment leaves the previous output byte-identical; its
 * stage folders stay behind until the next build, which removes them (test/unit/stale-stages.test.ts: never a
 * running build's).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixture, ROOT, runScript, snapshotTree, tempDir } from '../helpers/index.ts';
import { TODAY } from '../helpers/leaks.ts';

const STAGES = path.join(ROOT, '.handbook-build');
const out = tempDir('handbook-killed-');
afterAll(() => cleanup(out));
for (const edition of ['intranet', 'public']) {
  mkdirSync(path.join(out, edition));
  writeFileSync(path.join(out, edition, 'index.html'), `<!doctype html><title>Forrige ${edition}</title>\n`);
}
const before = snapshotTree(out);

/** The stage folders a build process made. */
const stagesOf = (pid: number) => (existsSync(STAGES) ? readdirSync(STAGES).filter((n) => n.includes(`-p${pid}t`)) : []);

/** Starts a build in a process group of its own and kills the whole group once `ready` holds for its stages. */
async function killWhen(ready: (stages: string[]) => boolean): Promise<number> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, HANDBOOK_CONTENT: fixture('minimal'), HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY, GITHUB_ACTIONS: undefined },
  });
  const pid = child.pid!;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let waited = 0; !ready(stagesOf(pid)) && waited < 170_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  process.kill(-pid, 'SIGKILL');
  await exited;
  return pid;
}

/** Processes still running whose command line names one of the build's stages (edition processes do, in their permissions). */
function processesOf(pid: number): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    })
    .filter((cmdline) => cmdline.includes(`.handbook-build/intranet-p${pid}t`) || cmdline.includes(`.handbook-build/public-p${pid}t`));
}

describe('a build that stops at the check', () => {
  it('stops the edition processes it started early and removes their stages', () => {
    const stopped = runScript('build', { HANDBOOK_CONTENT: fixture('invalid'), HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('Bygningen er stoppet');
    expect(stagesOf(stopped.pid!)).toEqual([]);
    expect(processesOf(stopped.pid!)).toEqual([]);
    expect(snapshotTree(out)).toEqual(before);
  });
});

describe('a killed build', () => {
  const moments: [string, (stages: string[]) => boolean][] = [
    ['while staging', (stages) => stages.length > 0],
    ['while Astro writes the pages', (stages) => stages.some((s) => existsSync(path.join(STAGES, s, 'dist')))],
  ];
  for (const [moment, ready] of moments) {
    it(`leaves the previous output byte-identical when killed ${moment}; the next build removes its stages`, async () => {
      const pid = await killWhen(ready);
      expect(snapshotTree(out)).toEqual(before);
      expect(stagesOf(pid).length).toBeGreaterThan(0);
      // The next build (here one that stops at the check) removes the killed build's stages.
      const next = runScript('build', { HANDBOOK_CONTENT: fixture('invalid'), HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY });
      expect(next.code).toBe(1);
      expect(stagesOf(pid)).toEqual([]);
      expect(snapshotTree(out)).toEqual(before);
    });
  }
});
