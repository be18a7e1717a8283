/**
 * One Pagefind bundle written by Pagefind's own program in a process of its own, beside the edition process's
 * Pagefind service: the service writes one index at a time, on about one core (`index-plan.ts`), so the second half
 * of a large index is written here, on the other core. The program is the one the service runs (Pagefind's Node
 * package looks for `pagefind_extended` first, then `pagefind`), with the same defaults, so both halves are alike.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The platform package's programs, in the order Pagefind's Node package tries them (pagefind/lib/service.js). */
const PROGRAMS = ['pagefind_extended', 'pagefind'];

/** The Pagefind program the service runs, from the platform package installed beside `pagefind`. */
export function pagefindProgram(): string {
  const require = createRequire(import.meta.resolve('pagefind'));
  const platform = `@pagefind/${process.platform}-${process.arch}`;
  for (const name of PROGRAMS) {
    try {
      return require.resolve(`${platform}/bin/${name}`);
    } catch {
      // Not this one.
    }
  }
  throw new Error(`Pagefind: ${platform} har hverken ${PROGRAMS.join(' eller ')}`);
}

/** How many pages a written bundle holds, from its `pagefind-entry.json`. */
export function bundlePageCount(outputPath: string): number {
  const entry = JSON.parse(readFileSync(`${outputPath}/pagefind-entry.json`, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Indexes a prepared folder of `pages` pages into `outputPath` with Pagefind's program; throws, in one line, when it
 * fails or indexed another number of pages. It runs in the folder with no environment, so no Pagefind configuration
 * file or `PAGEFIND_*` variable can change what it writes.
 */
export async function writeBundleWithProgram(input: string, pages: number, outputPath: string): Promise<void> {
  const child = spawn(pagefindProgram(), ['--site', '.', '--output-path', outputPath, '--silent'], {
    cwd: input,
    env: {},
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    const last = errors.trim().split('\n').pop() || `exit ${code}`;
    throw new Error(`Pagefind: ${last}`);
  }
  const indexed = bundlePageCount(outputPath);
  if (indexed !== pages) throw new Error(`Pagefind: indekserede ${indexed} af ${pages} sider`);
}
