/**
 * Pagefind's service closed and waited for: once `closePagefind` resolves, its process is gone, reaped by this one,
 * so its CPU time is counted up the process tree (GNU time, the benchmark) and no indexer outlives the build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closePagefind, openIndex } from '../../src/lib/build/pagefind-service.ts';

/** This process's children whose program is Pagefind's, as Linux lists them. */
function pagefindChildren(): number[] {
  const children = readdirSync('/proc/self/task').flatMap((task) =>
    readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );
  return children.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('pagefind');
    } catch {
      return false;
    }
  });
}

/** Whether a process exists at all: a zombie, not yet reaped, still has its `/proc` entry. */
function exists(pid: number): boolean {
  try {
    readFileSync(`/proc/${pid}/stat`);
    return true;
  } catch {
    return false;
  }
}

describe('closePagefind', () => {
  it('resolves only once the service process has exited and been reaped', async () => {
    const { index, errors } = await openIndex();
    expect(errors).toEqual([]);
    await index!.addCustomRecord({ url: '/a/', content: 'informationssikkerhed', language: 'da' });
    const running = pagefindChildren();
    expect(running).toHaveLength(1);
    await closePagefind();
    expect(running.filter(exists)).toEqual([]);
  });

  it('can open a new service after closing one, and waits for that one too', async () => {
    await openIndex();
    const running = pagefindChildren();
    expect(running).toHaveLength(1);
    await closePagefind();
    expect(running.filter(exists)).toEqual([]);
  });

  it('runs the second service in a process of its own, and waits for both', async () => {
    const [first, second] = await Promise.all([openIndex(undefined, 0), openIndex(undefined, 1)]);
    await first.index!.addCustomRecord({ url: '/a/', content: 'adgangskode', language: 'da' });
    await second.index!.addCustomRecord({ url: '/b/', content: 'kryptering', language: 'da' });
    const running = pagefindChildren();
    expect(running).toHaveLength(2);
    await closePagefind();
    expect(running.filter(exists)).toEqual([]);
  });
});
