import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { listDocumentFiles, loadHandbook, type Handbook, type HandbookDoc } from './content.ts';
import type { SchemaRules } from '../schemas/frontmatter.ts';
import type { Problem } from './problems.ts';

/** Below this many documents a worker's start-up costs more than it saves. */
const PARALLEL_FROM = 200;

type Share = { docs: HandbookDoc[]; problems: Problem[] };

/**
 * Parses one share of the documents in a child process. A process, not a worker thread: a thread's memory stays
 * with this process after the thread ends (about 700 MB at 5,000 documents), a process's goes back to the system.
 */
function parseInWorker(root: string, files: string[], rules: SchemaRules, children: ChildProcess[]): Promise<Share> {
  return new Promise((resolve, reject) => {
    const worker = fork(fileURLToPath(new URL('./content-worker.ts', import.meta.url)), [], {
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
    worker.send({ root, files, rules });
  });
}

/** `loadHandbook` with the MDX parsing spread over the machine's cores; same result, same order. */
export async function loadHandbookParallel(
  contentDir: string,
  threads = availableParallelism(),
  minDocs = PARALLEL_FROM,
): Promise<Handbook> {
  const root = path.resolve(contentDir);
  const files = listDocumentFiles(root);
  if (files.length < minDocs || threads < 2) return loadHandbook(root);
  // Settings and own measures are read once here; only the documents are parsed in the workers.
  const shell = { ...loadHandbook(root, []) };
  const rules: SchemaRules = { ...shell.settings, ownMeasures: shell.ownMeasures.map((m) => m.id) };
  const shares = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
  // Every share in a child process, none here, so the parse's memory is returned when the children exit.
  const children: ChildProcess[] = [];
  const results = await Promise.all(shares.map((share) => parseInWorker(root, share, rules, children))).catch((error: unknown) => {
    for (const child of children) child.kill();
    throw error;
  });
  const byPath =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  // Stable sorts by path restore the sequential order: files in order, each file's problems as found.
  const docs = results.flatMap((r) => r.docs).sort(byPath((d) => d.file));
  const problems = results.flatMap((r) => r.problems).sort(byPath((p) => p.file));
  return { ...shell, docs, problems: [...shell.problems, ...problems] };
}
