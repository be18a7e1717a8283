/** Child process: parses and validates a share of the documents for `loadHandbookParallel`, sends them back and exits. */
import { loadDocuments } from './content.ts';
import type { SchemaRules } from '../schemas/frontmatter.ts';

process.once('message', ({ root, files, rules }: { root: string; files: string[]; rules: SchemaRules }) => {
  process.send!(loadDocuments(root, files, rules), () => process.disconnect());
});
