/** Child process: parses and validates a share of the documents for `loadHandbookParallel`, sends them back and exits. */
import { loadDocuments } from './content.ts';
import type { SchemaRules } from '../schemas/frontmatter.ts';

process.once('message', ({ root, files, rules }: { root: string; files: string[]; rules: SchemaRules }) => {
  let result;
  try {
    result = loadDocuments(root, files, rules);
  } catch (error) {
    result = { error: (error as Error).message };
  }
  process.send!(result, () => process.disconnect());
});
