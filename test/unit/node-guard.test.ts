import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GUARD = path.join(ROOT, 'scripts/require-node.mjs');
/** The build's own start (scripts/run-build.mjs), which runs the guard first. */
const BUILD_START = 'node scripts/run-build.mjs';
const SYSTEM_NODE = '/usr/bin/node';

/** The system Node's version, or undefined when there is none. */
function systemNodeVersion(): string | undefined {
  const result = spawnSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

describe('Node guard', () => {
  it('runs first in every npm script, so no script reaches the system Node', () => {
    const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
    const unguarded = Object.entries(scripts).filter(
      ([, command]) => !command.startsWith('node scripts/require-node.mjs && ') && command.split(' ').slice(0, 2).join(' ') !== BUILD_START,
    );
    expect(unguarded).toEqual([]);
  });

  it('lets the Node that runs the tests through', () => {
    const result = spawnSync(process.execPath, [GUARD], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  const old = systemNodeVersion();
  const isOld = old !== undefined && Number(old.slice(1).split('.')[0]) < 22;
  it.skipIf(!isOld)(`stops an old Node (${old ?? 'none'}) with one line naming both versions`, () => {
    const result = spawnSync(SYSTEM_NODE, [GUARD], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(old);
    expect(lines[0]).toContain('>= 22.12');
    expect(lines[0]).toContain('npm ci');
  });

  it.skipIf(!isOld)('stops an old Node in the build’s own start too, before it loads any TypeScript', () => {
    const result = spawnSync(SYSTEM_NODE, [path.join(ROOT, 'scripts/run-build.mjs')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('>= 22.12');
  });
});
