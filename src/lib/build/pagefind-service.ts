/**
 * Pagefind's service for this process, opened and closed so that its process's exit is waited for. Pagefind's
 * `close()` only kills the process it spawned, which it has unref'd: Node then exits before it reaps it, the process
 * is re-parented, and its CPU time is counted by no parent up the tree. At 1,000 documents GNU time reported 20.5 s
 * of CPU for a build whose processes, read from `/proc` every half second, used 27.5 s: 7.0 s of the difference was
 * the two Pagefind services (docs/performance.md). Waited for, every parent accounts for it, and no indexer outlives
 * the build that started it.
 */
import childProcess, { type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { close, createIndex } from 'pagefind';

/** How long to wait for the service's exit, so a process that ignores its signal cannot hold the build up. */
const EXIT_WAIT_MS = 2000;

/** The service's process, once an index has been opened. */
let service: ChildProcess | undefined;

/**
 * Opens a new index, and notes the process Pagefind starts for it. Pagefind spawns it synchronously inside its first
 * `createIndex` call (pagefind/lib/index.js, `launch()`), through the `child_process` module object, so `spawn` is
 * wrapped only for the span of that call.
 */
export function openIndex(config?: Parameters<typeof createIndex>[0]): ReturnType<typeof createIndex> {
  const spawn = childProcess.spawn;
  childProcess.spawn = ((...args: Parameters<typeof spawn>) => {
    const child = spawn(...args);
    service = child;
    return child;
  }) as typeof spawn;
  try {
    return createIndex(config);
  } finally {
    childProcess.spawn = spawn;
  }
}

/** Closes Pagefind's service; resolves once its process has exited and Node has reaped it (or after two seconds). */
export async function closePagefind(): Promise<void> {
  const child = service;
  service = undefined;
  await close();
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  // The timer also keeps the event loop running, which is what lets Node reap the unref'd process on SIGCHLD.
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, EXIT_WAIT_MS)));
  await Promise.race([once(child, 'exit'), limit]);
  clearTimeout(timer);
}
