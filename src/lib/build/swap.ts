import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ownerRunning } from './stale-stages.ts';

/**
 * Tidies up after a build killed while it swapped (`.<name>.new-<pid>-…` and `.<name>.old-<pid>-…` of a process that
 * no longer runs): a killed build's incoming folder is removed, and its outgoing one, the previous edition, is put
 * back when it was killed between the two renames and the target is missing.
 */
export function recoverInterruptedSwap(target: string): void {
  const parent = path.dirname(target);
  const name = path.basename(target);
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent).sort()) {
    const m = /^\.(.+)\.(new|old)-(\d+)-\d+$/.exec(entry);
    if (!m || m[1] !== name || ownerRunning(Number(m[3]))) continue;
    const dir = path.join(parent, entry);
    if (m[2] === 'old' && !existsSync(target)) renameSync(dir, target);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces `target` with `source` so that a reader sees either the old or the new folder, never a mix. */
export function swapInto(source: string, target: string): void {
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  recoverInterruptedSwap(target);
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
