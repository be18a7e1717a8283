/** Sizes of a built edition: total bytes, Pagefind index bytes, and the gzip weight of one document page (`page-weight.ts`). */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../../src/lib/util/files.ts';
import { pageWeight, type PageWeight } from './page-weight.ts';

export type { PageWeight };

/** Size of a folder. */
export interface FolderSize {
  bytes: number;
  files: number;
}

/** What one built edition weighs. */
export interface EditionSize {
  output: FolderSize;
  pagefind: FolderSize;
  htmlPages: number;
  page?: PageWeight;
}

/** Total bytes and file count below a folder (zero when it does not exist). */
export function folderSize(dir: string): FolderSize {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  const files = listFiles(dir);
  return { bytes: files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0), files: files.length };
}

/** Number of HTML files below a folder. */
function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  return listFiles(dir).filter((f) => f.endsWith('.html')).length;
}

/** Sizes of one edition folder, with the weight of the given document page. */
export function editionSize(editionDir: string, page: string | undefined): EditionSize {
  return {
    output: folderSize(editionDir),
    pagefind: folderSize(path.join(editionDir, 'pagefind')),
    htmlPages: countHtml(editionDir),
    page: page ? pageWeight(editionDir, page) : undefined,
  };
}
