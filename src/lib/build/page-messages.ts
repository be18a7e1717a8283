/**
 * The Astro process's rendered pages, sent to the edition process that started it (`src/integration/page-stream.ts`
 * sends, `scripts/build-edition.ts` indexes them as they come). Both processes build the same edition.
 */
import type { ChildProcess } from 'node:child_process';

/**
 * One rendered page: its file below the output folder and its HTML, the bytes Astro writes. Bytes, not a string, over
 * a channel with `serialization: 'advanced'`: the renderer's process then neither decodes nor JSON-escapes them.
 */
export interface PageMessage {
  page: { file: string; html: Uint8Array };
}

/** The files of the pages to come, in the order Astro renders them (before the first page). */
export interface PageOrder {
  order: string[];
}

/** Whether a message is a page. */
export const isPageMessage = (m: unknown): m is PageMessage =>
  typeof (m as PageMessage | undefined)?.page?.file === 'string' && (m as PageMessage).page.html instanceof Uint8Array;

/** Sends pages to this process's parent; `flushed` settles once every page sent so far has gone out on the channel. */
export interface PageSender {
  send(message: PageMessage | PageOrder): void;
  flushed(): Promise<void>;
}

/** A sender over this process's IPC channel, or undefined when it has none (`astro dev`, a build by hand). */
export function parentPageSender(): PageSender | undefined {
  if (!process.send || !process.connected) return undefined;
  const pending = new Set<Promise<void>>();
  return {
    send(message) {
      const sent = new Promise<void>((resolve, reject) => process.send!(message, undefined, {}, (e) => (e ? reject(e) : resolve())));
      pending.add(sent);
      void sent.then(() => pending.delete(sent)).catch(() => {});
    },
    async flushed() {
      await Promise.all(pending);
    },
  };
}

/** What the parent does with the child's pages. */
export interface PageReceiver {
  order(files: string[]): void;
  add(file: string, html: string): void;
}

/** In the parent: hands the child's page order and pages to `receiver`. */
export function receivePages(child: ChildProcess, receiver: PageReceiver): void {
  child.on('message', (m: unknown) => {
    if (isPageMessage(m))
      receiver.add(m.page.file, Buffer.from(m.page.html.buffer, m.page.html.byteOffset, m.page.html.byteLength).toString('utf8'));
    else if (Array.isArray((m as PageOrder | undefined)?.order)) receiver.order((m as PageOrder).order);
  });
}
