import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { editionYields, PUBLIC_YIELD_FROM, yieldCpu } from '../../src/lib/build/priority.ts';

/** The nice value of each thread of a process, from `/proc` (field 19 of `stat`, counted after the command name). */
function threadNiceness(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

/**
 * A Node process that starts its thread pool and prints `ready`; on a line on its standard input it starts a
 * grandchild and prints the grandchild's pid. Every step waits on an event, none on a timer.
 */
function nodeWithGrandchild(): ChildProcess {
  const script = `require('fs').readFile(__filename, () => console.log('ready'));
    process.stdin.once('data', () => { const c = require('child_process').spawn('sleep', ['5']); console.log(c.pid); });`;
  return spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
}

/** The next line a child prints. */
const nextLine = (child: ChildProcess) =>
  new Promise<string>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(String(d).trim())));

const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

describe.runIf(process.platform === 'linux')('yieldCpu', () => {
  it('lowers every thread of a running process, and the processes it starts afterwards inherit it', async () => {
    const child = nodeWithGrandchild();
    children.push(child);
    // The child has used its thread pool, so the threads already running are covered, not only the main thread.
    expect(await nextLine(child)).toBe('ready');
    expect(threadNiceness(child.pid!).length).toBeGreaterThan(1);
    yieldCpu(child.pid);
    child.stdin!.write('start\n');
    const grandchild = Number(await nextLine(child));
    expect(threadNiceness(child.pid!).every((n) => n === 19)).toBe(true);
    expect(threadNiceness(grandchild)).toEqual([19]);
    process.kill(grandchild);
  });

  it('leaves other processes alone', async () => {
    const [low, other] = [nodeWithGrandchild(), nodeWithGrandchild()];
    children.push(low, other);
    await Promise.all([nextLine(low), nextLine(other)]);
    yieldCpu(low.pid);
    expect(threadNiceness(other.pid!).every((n) => n === getPriority())).toBe(true);
  });
});

describe('editionYields', () => {
  it('lets only the public edition yield, beside the intranet, in a handbook of at least PUBLIC_YIELD_FROM documents', () => {
    const both = ['intranet', 'public'];
    expect(editionYields('public', both, PUBLIC_YIELD_FROM)).toBe(true);
    expect(editionYields('public', both, PUBLIC_YIELD_FROM - 1)).toBe(false);
    expect(editionYields('intranet', both, 5000)).toBe(false);
    expect(editionYields('public', ['public'], 5000)).toBe(false);
  });
});
