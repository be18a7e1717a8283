import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file below a folder, symbolic links to files included, as sorted paths relative to it with `/` separators,
 * e.g. `["politikker/a.mdx", "retningslinjer/billeder/x.svg"]`. The one recursive listing of the tool: the leak scan,
 * the content assets, Pagefind's input, the security headers and the benchmark all list folders with it.
 */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() || (e.isSymbolicLink() && isFile(path.join(e.parentPath, e.name))))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Whether a path is a file, following links; false for a dangling link. */
function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
