/** The import rules of `.dependency-cruiser.cjs` hold for the repository, and they do catch a cycle and an upward import. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, ROOT, tempDir } from '../helpers/index.ts';

const CRUISER = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
const made: string[] = [];
afterAll(() => cleanup(...made));

/** Runs dependency-cruiser with the repository's rules over `targets`, from folder `cwd`. */
function cruise(cwd: string, targets: string[]) {
  const result = spawnSync(process.execPath, [CRUISER, ...targets, '--config', path.join(ROOT, '.dependency-cruiser.cjs')], {
    cwd,
    encoding: 'utf8',
  });
  return { code: result.status, output: result.stdout + result.stderr };
}

describe('import rules', () => {
  it('find no cycle and no upward import in the repository', () => {
    const { code, output } = cruise(ROOT, ['src', 'scripts', 'test', 'astro.config.mjs']);
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
  });

  it('fail on a type-only import cycle and on lib importing the integration', () => {
    const dir = tempDir('handbook-cruise-');
    made.push(dir);
    mkdirSync(path.join(dir, 'src/lib/a'), { recursive: true });
    mkdirSync(path.join(dir, 'src/integration'), { recursive: true });
    writeFileSync(path.join(dir, 'src/lib/a/one.ts'), "import type { Two } from './two.ts';\nexport type One = Two[];\n");
    writeFileSync(path.join(dir, 'src/lib/a/two.ts'), "import type { One } from './one.ts';\nexport type Two = { one?: One };\n");
    writeFileSync(path.join(dir, 'src/integration/index.ts'), 'export const x = 1;\n');
    writeFileSync(path.join(dir, 'src/lib/a/three.ts'), "export { x } from '../../integration/index.ts';\n");
    writeFileSync(path.join(dir, 'tsconfig.json'), '{ "compilerOptions": { "allowImportingTsExtensions": true, "noEmit": true } }\n');
    const { code, output } = cruise(dir, ['src']);
    expect(code).not.toBe(0);
    expect(output).toMatch(/no-cycles: src\/lib\/a\/(one|two)\.ts/);
    expect(output).toMatch(/lib-stays-below-astro: src\/lib\/a\/three\.ts → src\/integration\/index\.ts/);
  });
});
