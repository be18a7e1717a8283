/**
 * The public edition's processes run at the lowest priority from the moment they start, while they load their modules
 * beside the content check and the intranet's loading (both on the longer path); the intranet's keep the build's.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEditionProcess, type EditionProcess } from '../../src/lib/build/edition-process.ts';
import { cleanup, ROOT } from '../helpers/index.ts';
import type { Edition } from '../../src/schemas/settings.ts';

/** A process's parent pid and the nice value of each of its threads, from `/proc` (fields 4 and 19 of `stat`). */
function procStat(pid: number): { ppid: number; niceness: number[] } {
  const fields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields(readFileSync(`/proc/${pid}/stat`, 'utf8'))[1]);
  const niceness = readdirSync(`/proc/${pid}/task`).map((tid) => Number(fields(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'))[16]));
  return { ppid, niceness };
}

/** The pids whose parent is `parent`. */
function childrenOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map(Number)
    .filter((pid) => {
      try {
        return procStat(pid).ppid === parent;
      } catch {
        return false; // gone meanwhile
      }
    });
}

/** The edition process started for `stageDir` and its Astro process, once both run (they wait for their stage). */
async function editionAndAstro(parent: number, stageDir: string): Promise<[number, number]> {
  for (;;) {
    for (const pid of childrenOf(parent)) {
      let environ = '';
      try {
        environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      } catch {
        continue;
      }
      if (!environ.includes(`HANDBOOK_STAGE=${stageDir}\0`)) continue;
      const astro = childrenOf(pid).find((c) => readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('--astro'));
      if (astro) return [pid, astro];
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const made: string[] = [];
const started: EditionProcess[] = [];
afterAll(async () => {
  for (const p of started) p.cancel();
  await Promise.all(started.map((p) => p.done));
  cleanup(...made);
});

describe.runIf(process.platform === 'linux')('edition process priority', () => {
  it('lowers the public edition and its Astro process from their start, and leaves the intranet’s as the build’s', async () => {
    const niceness = async (edition: Edition, yields: boolean) => {
      const stageDir = mkdtempSync(path.join(tmpdir(), `prio-${edition}-`));
      made.push(stageDir);
      started.push(startEditionProcess(stageDir, edition, { repoRoot: ROOT, contentDir: path.join(ROOT, 'content'), yields }));
      const pids = await editionAndAstro(process.pid, stageDir);
      return pids.map((pid) => procStat(pid).niceness);
    };
    const [publicEdition, publicAstro] = await niceness('public', true);
    expect([...publicEdition!, ...publicAstro!].every((n) => n === 19)).toBe(true);
    const [intranetEdition, intranetAstro] = await niceness('intranet', false);
    expect([...intranetEdition!, ...intranetAstro!].every((n) => n === getPriority())).toBe(true);
  }, 60_000);
});
