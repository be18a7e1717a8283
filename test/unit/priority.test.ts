import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { yieldCpu } from '../../src/lib/build/priority.ts';

/** The nice value of each thread of a process, from `/proc` (field 19 of `stat`, counted after the command name). */
function threadNiceness(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

/** A Node process that starts its thread pool, then a grandchild after `delay` ms, and prints the grandchild's pid. */
function nodeWithGrandchild(delay: number): ChildProcess {
  const script = `require('fs').readFile(__filename, () => {});
    setTimeout(() => { const c = require('child_process').spawn('sleep', ['5']); console.log(c.pid); }, ${delay});
    setTimeout(() => {}, 5000);`;
  return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
}

const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

describe.runIf(process.platform === 'linux')('yieldCpu', () => {
  it('lowers every thread of a running process, and the processes it starts afterwards inherit it', async () => {
    const child = nodeWithGrandchild(300);
    children.push(child);
    // Let the child start its threads first, so the ones already running are covered, not only the main thread.
    await sleep(150);
    expect(threadNiceness(child.pid!).length).toBeGreaterThan(1);
    yieldCpu(child.pid);
    const grandchild = Number(await new Promise<string>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(String(d)))));
    expect(threadNiceness(child.pid!).every((n) => n === 19)).toBe(true);
    expect(threadNiceness(grandchild)).toEqual([19]);
    process.kill(grandchild);
  });

  it('leaves other processes alone', async () => {
    const [low, other] = [nodeWithGrandchild(4000), nodeWithGrandchild(4000)];
    children.push(low, other);
    await sleep(150);
    yieldCpu(low.pid);
    expect(threadNiceness(other.pid!).every((n) => n === getPriority())).toBe(true);
  });
});
