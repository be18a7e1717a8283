import { readdirSync } from 'node:fs';
import path from 'node:path';
import { listDocumentFiles } from './files.ts';
import { createFrontmatterSchema, type Frontmatter, type SchemaRules } from '../../schemas/frontmatter.ts';
import type { Settings } from '../../schemas/settings.ts';
import { MdxSyntaxError, parseMdx, type Heading, type Reference, type StructureParser } from '../markdown/parse.ts';
import { loadSettings } from '../config/handbook-yaml.ts';
import { parseLocatedYaml, tooManyEntries } from '../yaml/fields.ts';
import { issuesToProblems, yamlProblems } from '../yaml/validate.ts';
import { loadOwnMeasures } from '../soa/files.ts';
import type { OwnMeasure } from '../../schemas/measures.ts';
import type { Problem } from '../util/problems.ts';
import { DOCUMENT_LIMITS, readSource } from '../util/read-source.ts';

/** One document of the handbook, validated. */
export interface HandbookDoc {
  /** Path inside the content folder, e.g. `politikker/informationssikkerhedspolitik.mdx`. */
  file: string;
  /** Path used in messages: relative to the content folder's parent. */
  displayPath: string;
  /** Collection id and URL path, e.g. `politikker/informationssikkerhedspolitik`. */
  id: string;
  /** Top-level folder, e.g. `politikker` (empty for files at the root). */
  folder: string;
  /** Last path segment, e.g. `informationssikkerhedspolitik`. */
  slug: string;
  data: Frontmatter;
  headings: Heading[];
  references: Reference[];
  /** Plain text of the body. */
  text: string;
  /** Renders identically as plain Markdown, so the build stages it as `.md` (see `compileDocument`). */
  markdownOnly: boolean;
}

/** A loaded content folder. */
export interface Handbook {
  contentDir: string;
  settings: Settings;
  /** The organisation's own measures, which `controls:` may name besides Annex A ids. */
  ownMeasures: OwnMeasure[];
  docs: HandbookDoc[];
  problems: Problem[];
}

const FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export { listDocumentFiles };

/** How to load a content folder. */
export interface LoadOptions {
  /** Only these documents (paths inside the content folder); default: every document. */
  files?: readonly string[];
  /** The parser that reads each document's structure: `remark` for `npm run check`, `satteri` (default) elsewhere. */
  parser?: StructureParser;
}

/** Loads and validates every document of a content folder (or only `files`), collecting every problem. */
export function loadHandbook(contentDir: string, { files, parser = 'satteri' }: LoadOptions = {}): Handbook {
  const root = path.resolve(contentDir);
  const displayRoot = path.dirname(root);
  const { settings, problems } = loadSettings(root, displayRoot);
  const own = loadOwnMeasures(root, displayRoot);
  problems.push(...own.problems);
  const rules: SchemaRules = { ...settings, ownMeasures: own.measures.map((m) => m.id) };
  const listed = files ?? listDocumentFiles(root);
  if (!files) problems.push(...unlistedDocumentLinks(root, listed));
  const loaded = loadDocuments(root, listed, rules, parser);
  return { contentDir: root, settings, ownMeasures: own.measures, docs: loaded.docs, problems: [...problems, ...loaded.problems] };
}

/**
 * Documents the listing leaves out without a word: links named `*.mdx` that lead nowhere or round in a ring.
 * One pass over the folder's entries, without following links.
 */
export function unlistedDocumentLinks(root: string, listed: readonly string[]): Problem[] {
  const known = new Set(listed);
  const problems: Problem[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isSymbolicLink() || !entry.name.endsWith('.mdx')) continue;
    const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (known.has(file) || file.split('/').some((s) => s.startsWith('.') || s === 'node_modules')) continue;
    const read = readSource(path.join(root, file), DOCUMENT_LIMITS);
    const problem = 'problem' in read ? read.problem : { line: 1, col: 1, message: 'filen kan ikke findes af indholdslisten' };
    problems.push({ file: path.relative(path.dirname(root), path.join(root, file)).split(path.sep).join('/'), severity: 'error', ...problem });
  }
  return problems;
}

/** Parses and validates the given documents of a content folder; the unit of work a parsing worker does. */
export function loadDocuments(
  root: string,
  files: readonly string[],
  rules: SchemaRules,
  parser: StructureParser,
): { docs: HandbookDoc[]; problems: Problem[] } {
  const displayRoot = path.dirname(root);
  const schema = createFrontmatterSchema(rules);
  const docs: HandbookDoc[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const displayPath = path.relative(displayRoot, path.join(root, file)).split(path.sep).join('/');
    const doc = loadDocument(root, file, displayPath, schema, parser, problems);
    if (doc) docs.push(doc);
  }
  return { docs, problems };
}

/** Validates one document, pushing its problems; returns it when its frontmatter is valid. */
function loadDocument(
  root: string,
  file: string,
  displayPath: string,
  schema: ReturnType<typeof createFrontmatterSchema>,
  parser: StructureParser,
  problems: Problem[],
): HandbookDoc | undefined {
  const add = (line: number, col: number, message: string) => problems.push({ file: displayPath, line, col, message, severity: 'error' });
  const id = file.replace(/\.mdx$/, '');
  const segments = id.split('/');
  for (const segment of segments) {
    if (!FILE_NAME.test(segment))
      add(1, 1, `filnavn: "${segment}" må kun indeholde a-z, 0-9 og bindestreger (det bliver en del af adressen)`);
  }
  const source = readSource(path.join(root, file), DOCUMENT_LIMITS);
  if ('problem' in source) {
    add(source.problem.line, source.problem.col, source.problem.message);
    return undefined;
  }
  // Frontmatter with 100,000 keys would first cost the whole MDX parse (seconds for remark); refused before it.
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?$/m.exec(source.text.slice(0, 1 << 21));
  const tooMany = frontmatter?.index === 0 ? tooManyEntries(frontmatter[1]!) : undefined;
  if (tooMany) {
    add(1, 1, `YAML-fejl: ${tooMany}`);
    return undefined;
  }
  let parsed;
  try {
    parsed = parseMdx(source.text, parser);
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    add(error.place.line, error.place.col, error.message);
    return undefined;
  }
  for (const code of parsed.refusedCode) add(code.line, code.col, code.message);
  if (parsed.yaml === undefined) {
    add(1, 1, 'frontmatter: mangler (filen skal starte med --- og felterne title, type, owner, approvalBody ...)');
    return undefined;
  }
  const yaml = parseLocatedYaml(parsed.yaml, parsed.yamlLine + 1);
  if (yaml.errors.length) {
    problems.push(...yamlProblems(yaml, displayPath));
    return undefined;
  }
  const result = schema.safeParse(yaml.value ?? {}, { reportInput: true });
  if (!result.success) {
    problems.push(...issuesToProblems(result.error.issues, yaml, displayPath, { allowed: () => Object.keys(schema.shape).join(', ') }));
    return undefined;
  }
  return {
    file,
    displayPath,
    id,
    folder: segments.length > 1 ? segments[0]! : '',
    slug: segments.at(-1)!,
    data: result.data,
    headings: parsed.headings,
    references: parsed.references,
    text: parsed.text,
    markdownOnly: parsed.markdownOnly,
  };
}
