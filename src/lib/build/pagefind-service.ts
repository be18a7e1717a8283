/**
 * Pagefind's services for this process, opened and closed so that their processes' exits are waited for. Pagefind's
 * `close()` only kills the process it spawned, which it has unref'd: Node then exits before it reaps it, the process
 * is re-parented, and its CPU time is counted by no parent up the tree. At 1,000 documents GNU time reported 20.5 s
 * of CPU for a build whose processes, read from `/proc` every half second, used 27.5 s: 7.0 s of the difference was
 * the two Pagefind services (docs/performance.md). Waited for, every parent accounts for it, and no indexer outlives
 * the build that started it.
 *
 * A service writes one index at a time, on about one core: two indexes in one service took 32.4 s at 5,000
 * documents against 35.6 s for one index of all their pages. Pagefind's Node package keeps its service in a module
 * variable, so a second copy of the module (the same file under another URL) has a service of its own, in a process
 * of its own: the two halves of a large index were written in 16.4 s, side by side (`index-plan.ts`).
 */
import childProcess, { type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as pagefind from 'pagefind';

/** Which of this process's Pagefind services: the first, or the second for the second half of a large index. */
export type ServiceNumber = 0 | 1;

/** How long to wait for a service's exit, so a process that ignores its signal cannot hold the build up. */
const EXIT_WAIT_MS = 2000;

/** The second copy of Pagefind's module, loaded on first use. */
let secondModule: Promise<typeof pagefind> | undefined;

/** Each service's module, and its process once an index has been opened on it. */
const services: { module?: typeof pagefind; process?: ChildProcess }[] = [{ module: pagefind }, {}];

/** Pagefind's module for a service: the imported one, or a second copy with a service of its own. */
async function serviceModule(number: ServiceNumber): Promise<typeof pagefind> {
  if (number === 0) return pagefind;
  secondModule ??= import(`${import.meta.resolve('pagefind')}?service=2`) as Promise<typeof pagefind>;
  return (services[1]!.module = await secondModule);
}

/**
 * Opens a new index on a service, and notes the process Pagefind starts for it. Pagefind spawns it synchronously
 * inside its first `createIndex` call (pagefind/lib/index.js, `launch()`), through the `child_process` module object,
 * so `spawn` is wrapped only for the span of that call.
 */
export async function openIndex(
  config?: Parameters<typeof pagefind.createIndex>[0],
  number: ServiceNumber = 0,
): ReturnType<typeof pagefind.createIndex> {
  const module = await serviceModule(number);
  const spawn = childProcess.spawn;
  childProcess.spawn = ((...args: Parameters<typeof spawn>) => {
    const child = spawn(...args);
    services[number]!.process = child;
    return child;
  }) as typeof spawn;
  try {
    return module.createIndex(config);
  } finally {
    childProcess.spawn = spawn;
  }
}

/** Closes Pagefind's services; resolves once their processes have exited and Node has reaped them (or after two seconds). */
export async function closePagefind(): Promise<void> {
  await Promise.all(
    services.map(async (service) => {
      const child = service.process;
      service.process = undefined;
      if (!service.module) return;
      await service.module.close();
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      let timer: NodeJS.Timeout | undefined;
      // The timer also keeps the event loop running, which is what lets Node reap the unref'd process on SIGCHLD.
      const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, EXIT_WAIT_MS)));
      await Promise.race([once(child, 'exit'), limit]);
      clearTimeout(timer);
    }),
  );
}
