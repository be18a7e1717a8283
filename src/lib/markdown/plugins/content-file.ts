import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path inside the content folder of the document a Sätteri plugin compiles, e.g. `regler/x.mdx`; undefined without a file or outside the folder. */
export function contentFile(contentDir: string, fileURL: URL | undefined): string | undefined {
  if (!fileURL) return undefined;
  const file = path.relative(contentDir, fileURLToPath(fileURL)).split(path.sep).join('/');
  return file.startsWith('..') ? undefined : file;
}
