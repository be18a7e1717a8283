import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { listDocumentFiles, loadHandbook, type Handbook, type HandbookDoc } from './content.ts';
import type { SchemaRules } from '../schemas/frontmatter.ts';
import type { Problem } from './problems.ts';

/** Below this many documents a worker's start-up costs more than it saves. */
const PARALLEL_FROM = 200;

/**
 * Parses one share of the documents in a child process. A process, not a worker thread: a thread's memory stays
 * with this process after the thread ends (about 700 MB at 5,000 documents), a process's goes back to the system.
 */
function parseInWorker(root: string, files: string[], rules: SchemaRules): Promise<{ docs: HandbookDoc[]; problems: Problem[] }> {
  return new Promise((resolve, reject) => {
    const worker = fork(fileURLToPath(new URL('./content-worker.ts', import.meta.url)), [], {
      serialization: 'advanced',
      stdio: 'inherit',
    });
    worker.once('message', (result) => resolve(result as { docs: HandbookDoc[]; problems: Problem[] }));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`parser-processen stoppede med kode ${code}`)));
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
  const results = await Promise.all(shares.map((share) => parseInWorker(root, share, rules)));
  const byPath =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  // Stable sorts by path restore the sequential order: files in order, each file's problems as found.
  const docs = results.flatMap((r) => r.docs).sort(byPath((d) => d.file));
  const problems = results.flatMap((r) => r.problems).sort(byPath((p) => p.file));
  return { ...shell, docs, problems: [...shell.problems, ...problems] };
}
