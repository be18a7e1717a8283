/** The stage-ready handshake between the build and an edition process started early, with real forked processes. */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageReadySender } from '../../src/lib/build/stage-ready.ts';
import { tempFolders } from '../helpers/index.ts';

const READY = path.resolve(import.meta.dirname, '../../src/lib/build/stage-ready.ts');
const temp = tempFolders();

/** A child that loads slowly (as an edition process loads Astro), then waits for the stage and prints when it came. */
function slowChild(): string {
  const file = path.join(temp(), 'child.mjs');
  writeFileSync(
    file,
    [
      `import { whenStageReady } from ${JSON.stringify(READY)};`,
      'await new Promise((r) => setTimeout(r, 300));',
      'await whenStageReady();',
      "console.log('bereit');",
      'process.disconnect();',
    ].join('\n'),
  );
  return file;
}

describe('stage ready', () => {
  it('reaches a child that starts listening only after the stage was filled', async () => {
    const child = fork(slowChild(), { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    // The stage is filled at once, long before the child listens: a plain send would be lost.
    stageReadySender(child)();
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(out).toBe('bereit\n');
  });

  it('makes a waiting child exit when its parent goes away without a word', async () => {
    const child = fork(slowChild(), { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.once('message', () => child.disconnect());
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(out).toBe('');
  });
});
