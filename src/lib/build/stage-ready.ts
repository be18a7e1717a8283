/**
 * Edition processes start before their stage is filled: while the build process loads the content, reads Git and
 * stages, the edition process and its Astro process load their modules (Astro, Vite and their dependencies: about
 * 1.5 s of each Astro process), then wait for this message. The stage folder exists, empty, from the start, so the
 * processes' permissions name it as before; nothing in it is read until the message has come.
 */
import type { ChildProcess } from 'node:child_process';

/** What a parent sends a child once the stage is filled. */
export interface StageReadyMessage {
  stage: 'ready';
}

/** Whether a message is the stage-ready message. */
const isStageReady = (m: unknown): m is StageReadyMessage => (m as StageReadyMessage | undefined)?.stage === 'ready';

/**
 * In a child: resolves once the parent says the stage is ready; at once for a process started without an IPC channel
 * (by hand, or by a test). Call it before any `await`, so a message that comes early is not missed.
 */
export function whenStageReady(): Promise<void> {
  if (!process.send) return Promise.resolve();
  return new Promise((resolve) => {
    // A parent that exits first (its build failed) closes the channel: nothing will come, and nothing is built.
    const onDisconnect = () => process.exit(1);
    const onMessage = (m: unknown) => {
      if (!isStageReady(m)) return;
      process.off('message', onMessage).off('disconnect', onDisconnect);
      resolve();
    };
    process.on('message', onMessage).once('disconnect', onDisconnect);
  });
}

/** In the parent: tells a child that its stage is ready (nothing when its channel has closed: it has exited). */
export function sendStageReady(child: ChildProcess): void {
  if (child.connected) child.send({ stage: 'ready' } satisfies StageReadyMessage);
}
