import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { listDocumentFiles, loadDocuments, loadHandbook, unlistedDocumentLinks, type Handbook, type HandbookDoc, type LoadOptions } from './load.ts';
import type { SchemaRules } from '../../schemas/frontmatter.ts';
import { loadStructureParser, type StructureParser } from '../markdown/parse.ts';
import type { Problem } from '../util/problems.ts';

/**
 * Below this many documents a child process's start-up (about 0.3 s, and its own copy of the modules) costs more
 * than it saves. The Sätteri parse takes about 0.9 ms a document (1,000 documents: 0.86 s here against 1.08 s in
 * two processes); `check`'s remark parse about 5 ms.
 */
const PARALLEL_FROM: Record<StructureParser, number> = { satteri: 1500, remark: 200 };
/** Documents parsed here between two turns of the event loop, so the Git read beside the parse is not held up. */
const CHUNK = 50;

type Share = { docs: HandbookDoc[]; problems: Problem[] };

/**
 * Parses one share of the documents in a child process. A process, not a worker thread: a thread's memory stays
 * with this process after the thread ends (about 700 MB at 5,000 documents), a process's goes back to the system.
 */
function parseInWorker(
  root: string,
  files: string[],
  rules: SchemaRules,
  parser: StructureParser,
  children: ChildProcess[],
): Promise<Share> {
  return new Promise((resolve, reject) => {
    const worker = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], {
      serialization: 'advanced',
      stdio: 'inherit',
    });
    children.push(worker);
    let result: Share | { error: string } | undefined;
    worker.once('message', (message) => (result = message as Share | { error: string }));
    worker.once('error', reject);
    // 'close', not 'exit': it comes after the IPC channel has delivered the result.
    worker.once('close', (code, signal) => {
      if (result && 'error' in result) reject(new Error(`indlæsning af indholdet fejlede: ${result.error}`));
      else if (result) resolve(result);
      else reject(new Error(`parser-processen stoppede uden resultat (${signal ?? `kode ${code}`})`));
    });
    worker.send({ root, files, rules, parser });
  });
}

/** Parses the documents in this process, in chunks with a turn of the event loop after each (other I/O goes on). */
async function parseHere(root: string, files: string[], rules: SchemaRules, parser: StructureParser): Promise<Share[]> {
  const shares: Share[] = [];
  for (let i = 0; i < files.length; i += CHUNK) {
    shares.push(loadDocuments(root, files.slice(i, i + CHUNK), rules, parser));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return shares;
}

/** Parses the documents in one child process per core, none here, so the parse's memory is returned when they exit. */
async function parseInChildren(
  root: string,
  files: string[],
  rules: SchemaRules,
  parser: StructureParser,
  threads: number,
): Promise<Share[]> {
  const shares = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
  const children: ChildProcess[] = [];
  return Promise.all(shares.map((share) => parseInWorker(root, share, rules, parser, children))).catch((error: unknown) => {
    for (const child of children) child.kill();
    throw error;
  });
}

/** `loadHandbook` with the MDX parsing spread over the machine's cores when that pays; same result, same order. */
export async function loadHandbookParallel(
  contentDir: string,
  {
    parser = 'satteri',
    threads = availableParallelism(),
    minDocs = PARALLEL_FROM[parser],
  }: Omit<LoadOptions, 'files'> & { threads?: number; minDocs?: number } = {},
): Promise<Handbook> {
  const root = path.resolve(contentDir);
  await loadStructureParser(parser);
  const files = listDocumentFiles(root);
  // Settings and own measures are read once here; only the documents are parsed in shares.
  const shell = { ...loadHandbook(root, { files: [] }) };
  const rules: SchemaRules = { ...shell.settings, ownMeasures: shell.ownMeasures.map((m) => m.id) };
  const results =
    files.length < minDocs || threads < 2
      ? await parseHere(root, files, rules, parser)
      : await parseInChildren(root, files, rules, parser, threads);
  const byPath =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  // Stable sorts by path restore the sequential order: files in order, each file's problems as found.
  const docs = results.flatMap((r) => r.docs).sort(byPath((d) => d.file));
  const problems = results.flatMap((r) => r.problems).sort(byPath((p) => p.file));
  return { ...shell, docs, problems: [...shell.problems, ...unlistedDocumentLinks(root, files), ...problems] };
}
