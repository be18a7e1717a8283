/**
 * The build process is on every build's longest path: nothing starts before it has loaded its modules. Started as
 * `npm run build` starts it, it loads no staging, schema or leak matcher before it starts the other processes, and
 * its modules come from Node's compile cache (scripts/run-build.mjs).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir } from '../helpers/index.ts';
import { RECORD_LOADS } from '../helpers/modules.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = tempDir('handbook-build-start-');
afterAll(() => cleanup(dir));

/** Starts the build as `npm run build` does, failing at its first check, and reports every module it loaded. */
function startBuild(): { status: number | null; stderr: string; loaded: string[]; cacheDir: string } {
  const out = path.join(dir, 'loaded.json');
  const hook = path.join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    `${RECORD_LOADS}import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(${JSON.stringify(out)}, JSON.stringify({ loaded, cacheDir: module.getCompileCacheDir() ?? '' })));
`,
  );
  // An invalid date stops the build in its first step, once its modules (all loaded before any code runs) are in.
  const result = spawnSync(process.execPath, ['--import', hook, path.join(ROOT, 'scripts/run-build.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HANDBOOK_TODAY: 'ikke-en-dato' },
  });
  return { status: result.status, stderr: result.stderr, ...JSON.parse(readFileSync(out, 'utf8')) };
}

describe('the build process at its start', () => {
  const started = startBuild();

  it('ran the build and stopped it at the first check', () => {
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('HANDBOOK_TODAY');
    expect(started.loaded.some((url) => url.endsWith('/scripts/build.ts'))).toBe(true);
  });

  it('loads no schema library, YAML parser, staging or leak matcher (the content and leak-scan processes do)', () => {
    const heavy = started.loaded.filter((url) =>
      /node_modules\/(zod|yaml|acorn|satteri)\/|\/src\/lib\/build\/stage\.ts$|\/src\/lib\/leaks\/scan\.ts$|\/src\/schemas\//.test(url),
    );
    expect(heavy).toEqual([]);
    // Some fifty modules today; the staging alone brought 200.
    expect(started.loaded.length).toBeLessThan(100);
  });

  it('loads its modules with Node’s compile cache, in a folder of its own beside the editions’', () => {
    // Node adds a folder per Node version and V8 flags.
    expect(path.dirname(started.cacheDir)).toBe(path.join(ROOT, '.handbook-build', '.compile-cache', 'cli'));
  });
});
