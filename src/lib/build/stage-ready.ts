/**
 * Edition processes start before their stage is filled: while the build process loads the content, reads Git and
 * stages, the edition process and its Astro process load their modules (Astro, Vite and their dependencies: about
 * 1.5 s of each Astro process), then wait for this message. The stage folder exists, empty, from the start, so the
 * processes' permissions name it as before; nothing in it is read until the message has come.
 */
import type { ChildProcess } from 'node:child_process';

/** The messages: the child says it is listening (`waiting`), the parent that the stage is filled (`ready`). */
export interface StageMessage {
  stage: 'waiting' | 'ready';
}

/** Whether a message is the stage message `kind`. */
const isStage = (m: unknown, kind: StageMessage['stage']): boolean => (m as StageMessage | undefined)?.stage === kind;

/**
 * In a child: resolves once the parent says the stage is ready; at once for a process started without an IPC channel
 * (by hand, by a test, or the version pages' process, which starts on a filled stage). It says it is listening first:
 * a message sent to an ES module child before it listens is lost (nodejs/node#41134).
 */
export function whenStageReady(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) return Promise.resolve();
  return new Promise((resolve) => {
    // A parent that exits first (its build failed) closes the channel: nothing will come, and nothing is built.
    const onDisconnect = () => process.exit(1);
    const onMessage = (m: unknown) => {
      if (!isStage(m, 'ready')) return;
      process.off('message', onMessage).off('disconnect', onDisconnect);
      resolve();
    };
    process.on('message', onMessage).once('disconnect', onDisconnect);
    send({ stage: 'waiting' } satisfies StageMessage);
  });
}

/** In the parent: a function that tells the child its stage is ready, as soon as the child listens (nothing once it has exited). */
export function stageReadySender(child: ChildProcess): () => void {
  let filled = false;
  let listening = false;
  const sendIfBoth = () => {
    if (filled && listening && child.connected) child.send({ stage: 'ready' } satisfies StageMessage);
  };
  const onMessage = (m: unknown) => {
    if (!isStage(m, 'waiting')) return;
    child.off('message', onMessage);
    listening = true;
    sendIfBoth();
  };
  child.on('message', onMessage);
  return () => {
    filled = true;
    sendIfBoth();
  };
}
