/**
 * One Pagefind index written at a time across the editions of a build. Each edition process asks its parent before it
 * writes its index (an IPC message; the pages are added while Astro renders) and says when it is done; the parent lets
 * one through at a time, in the order they asked. Pagefind's service is the largest process of a build (1.6–1.9 GB
 * for the intranet at 5,000 documents, while it writes): two of them at their peaks at once made the build's peak
 * depend on timing. Each service also uses both cores, so running them one after the other costs little wall time.
 */
import type { ChildProcess } from 'node:child_process';

/**
 * Handbooks of at most this many documents write both indexes at once. At 1,000 documents the public edition's
 * write waited 2.5 s for the intranet's (bench at 1286855, the public edition then ending the build), with both
 * services far below the 1.6–1.9 GB of 5,000 documents.
 */
export const UNGATED_MAX_DOCUMENTS = 2000;

/** What an edition process sends its parent: `ready` before it indexes, `done` once its index is written. */
export interface IndexMessage {
  pagefind: 'ready' | 'done';
}

/** What the parent answers to `ready`: `go` when it is this edition's turn. */
export interface IndexAnswer {
  pagefind: 'go';
}

/** A first-come, first-served lock: `acquire` resolves when every earlier holder has released. */
export class IndexGate {
  private tail: Promise<void> = Promise.resolve();
  private opened = false;

  /**
   * From now on every turn is given at once, beside any other: for a handbook whose services are small (at most
   * `UNGATED_MAX_DOCUMENTS`), where waiting would only leave a core idle.
   */
  open(): void {
    this.opened = true;
  }

  /** Waits for the turn; the returned function ends it (calling it again does nothing). */
  acquire(): Promise<() => void> {
    if (this.opened) return Promise.resolve(() => {});
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => {
      let done = false;
      return () => {
        if (!done) ((done = true), release());
      };
    });
    this.tail = this.tail.then(() => turn);
    return ready;
  }
}

/** In the parent: answers a child's `ready` with `go` when the gate lets it through, and ends its turn on `done` or exit. */
export function serveIndexGate(child: ChildProcess, gate: IndexGate): void {
  let release: (() => void) | undefined;
  child.on('message', (m: unknown) => {
    if (!isIndexMessage(m)) return;
    if (m.pagefind === 'done') release?.();
    else
      void gate.acquire().then((end) => {
        release = end;
        if (child.connected) child.send({ pagefind: 'go' } satisfies IndexAnswer);
        else end();
      });
  });
  // A process that dies while indexing must not hold the other edition's turn.
  child.on('exit', () => release?.());
}

/** Whether a message from a child is ours. */
export const isIndexMessage = (m: unknown): m is IndexMessage =>
  typeof m === 'object' && m !== null && ((m as IndexMessage).pagefind === 'ready' || (m as IndexMessage).pagefind === 'done');

/**
 * In an edition process: waits for the parent's turn before `index` runs and reports when it is over. Started
 * without an IPC channel (by hand, or by a test), it indexes at once.
 */
export async function whenParentAllows<T>(index: () => Promise<T>): Promise<T> {
  const send = process.send?.bind(process);
  if (!send) return index();
  await new Promise<void>((resolve) => {
    const onMessage = (m: unknown) => {
      if ((m as IndexAnswer)?.pagefind !== 'go') return;
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
    send({ pagefind: 'ready' } satisfies IndexMessage);
  });
  try {
    return await index();
  } finally {
    send({ pagefind: 'done' } satisfies IndexMessage);
    // The channel would otherwise keep this process alive after its work.
    process.disconnect?.();
  }
}
