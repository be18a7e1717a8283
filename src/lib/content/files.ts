/**
 * The documents of a content folder, by name only: what the build process needs before it starts the editions
 * (`scripts/build.ts`), without loading the parser and the schemas.
 */
import { globSync } from 'tinyglobby';

/** Lists the MDX documents of a content folder, sorted for deterministic output. */
export function listDocumentFiles(contentDir: string): string[] {
  return globSync('**/*.mdx', { cwd: contentDir, ignore: ['**/node_modules/**', '**/.*/**'] }).sort();
}
