import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexGate, serveIndexGate } from '../../src/lib/build/index-gate.ts';
import { tempFolders } from '../helpers/index.ts';

const GATE = path.resolve(import.meta.dirname, '../../src/lib/build/index-gate.ts');
const temp = tempFolders();

/** Intervals that overlap: one starts before another has ended. */
const overlapping = (spans: { start: number; end: number }[]) =>
  spans.some((a, i) => spans.some((b, j) => i !== j && a.start < b.end && b.start < a.end));

describe('one Pagefind index at a time', () => {
  it('lets holders through one after the other, in the order they asked', async () => {
    const gate = new IndexGate();
    const spans: { name: string; start: number; end: number }[] = [];
    const hold = async (name: string) => {
      const release = await gate.acquire();
      const start = performance.now();
      await new Promise((r) => setTimeout(r, 20));
      spans.push({ name, start, end: performance.now() });
      release();
      release(); // a second call ends nothing more
    };
    await Promise.all(['a', 'b', 'c'].map(hold));
    expect(spans.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(overlapping(spans)).toBe(false);
  });

  it('once opened, gives every turn at once, beside a turn still held', async () => {
    const gate = new IndexGate();
    const held = await gate.acquire();
    gate.open();
    // Both resolve while the first turn is held: gated, the second would wait for `held`.
    const [a, b] = await Promise.all([gate.acquire(), gate.acquire()]);
    a();
    b();
    held();
    const closed = new IndexGate();
    const first = await closed.acquire();
    const order: string[] = [];
    const second = closed.acquire().then(() => order.push('second'));
    await Promise.resolve().then(() => order.push('first still held'));
    first();
    await second;
    expect(order).toEqual(['first still held', 'second']);
  });

  it('serves edition processes over IPC, and a process that dies mid-turn frees it', async () => {
    const dir = temp();
    const script = path.join(dir, 'child.ts');
    writeFileSync(
      script,
      `import { whenParentAllows } from ${JSON.stringify(GATE)};
await whenParentAllows(async () => {
  process.stdout.write(JSON.stringify({ start: Date.now() }) + '\\n');
  if (process.argv[2] === 'die') process.exit(3);
  await new Promise((r) => setTimeout(r, 150));
  process.stdout.write(JSON.stringify({ end: Date.now() }) + '\\n');
});
`,
    );
    const gate = new IndexGate();
    const run = (mode: string) =>
      new Promise<{ start: number; end: number; code: number | null }>((resolve) => {
        const child = fork(script, [mode], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
        serveIndexGate(child, gate);
        let out = '';
        child.stdout!.on('data', (c: Buffer) => (out += c));
        child.on('close', (code) => {
          const lines = out
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { start?: number; end?: number });
          const start = lines.find((l) => l.start)?.start ?? NaN;
          resolve({ start, end: lines.find((l) => l.end)?.end ?? Date.now(), code });
        });
      });
    const results = await Promise.all([run('ok'), run('die'), run('ok'), run('ok')]);
    expect(results.map((r) => r.code)).toEqual([0, 3, 0, 0]);
    const done = results.filter((r) => r.code === 0);
    expect(done.every((r) => Number.isFinite(r.start))).toBe(true);
    expect(overlapping(done)).toBe(false);
  });
});
