import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Replaces `target` with `source` so that a reader sees either the old or the new folder, never a mix. */
export function swapInto(source: string, target: string): void {
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  const suffix = `${process.pid}-${Date.now()}`;
  const incoming = path.join(parent, `.${path.basename(target)}.new-${suffix}`);
  const outgoing = path.join(parent, `.${path.basename(target)}.old-${suffix}`);
  try {
    renameSync(source, incoming);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // Another file system: copy next to the target first, so the swap itself is still two renames.
    cpSync(source, incoming, { recursive: true });
  }
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, outgoing);
  renameSync(incoming, target);
  if (hadOld) rmSync(outgoing, { recursive: true, force: true });
}
