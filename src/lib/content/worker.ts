/** Child process: parses and validates a share of the documents for `loadHandbookParallel`, sends them back and exits. */
import { loadDocuments } from './load.ts';
import type { SchemaRules } from '../../schemas/frontmatter.ts';
import { loadStructureParser, type StructureParser } from '../markdown/parse.ts';

process.once(
  'message',
  async ({ root, files, rules, parser }: { root: string; files: string[]; rules: SchemaRules; parser: StructureParser }) => {
    let result;
    try {
      await loadStructureParser(parser);
      result = loadDocuments(root, files, rules, parser);
    } catch (error) {
      result = { error: (error as Error).message };
    }
    process.send!(result, () => process.disconnect());
  },
);
