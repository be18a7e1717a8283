/**
 * Node's compile cache (V8 code for every module a process loads) for an edition's processes, kept between builds.
 * Astro's CLI keeps one in the system's temporary folder, which an isolated edition process may not read; a cache
 * that only lived in the stage was never read again. Kept here, it saved about 2 s of a 20-document build of 8 s
 * (module loading of Astro, Vite and their dependencies, in both edition processes).
 *
 * The cache also holds the code of the edition's own built chunks, so it carries that edition's content: each
 * edition (and the drafts preview) has a folder of its own, which only that edition's processes may read
 * (`isolation.ts`), and no other edition's stage or process ever names it.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Edition } from '../../schemas/settings.ts';

/** The folder beside the stages that holds the caches: not a stage, so removing stale stages leaves it. */
export const COMPILE_CACHE_FOLDER = '.compile-cache';

/**
 * Above this size a cache is emptied before the build. Entries are named after the file they cache, and every
 * build's stage has a new name, so each build adds its chunks' entries (about 0.5 MB at 20 documents, 2.5 MB for the
 * intranet at 1,000) to the tool's 9 MB, which stay.
 */
export const COMPILE_CACHE_MAX_BYTES = 200 * 1024 * 1024;

/** Total size of the files under a folder (0 when it does not exist). */
function folderBytes(dir: string): number {
  let bytes = 0;
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    }
  } catch {
    return 0;
  }
  return bytes;
}

/** The compile cache of one edition (`-drafts` for the preview), created, and emptied first when it has grown too large. */
export function editionCompileCache(stageParent: string, edition: Edition, drafts: boolean, maxBytes = COMPILE_CACHE_MAX_BYTES): string {
  return cacheFolder(path.join(stageParent, COMPILE_CACHE_FOLDER, drafts ? `${edition}-drafts` : edition), maxBytes);
}

/** A cache folder, created, and emptied first when it has grown past `maxBytes`. */
function cacheFolder(dir: string, maxBytes: number): string {
  if (folderBytes(dir) > maxBytes) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The compile cache of a process that loads only the tool's own modules and holds no content: the content process
 * (`content-process.ts`, folder `tool`) and the leak scan's (`leak-scan.ts`, folder `leak-scan`; a folder each, so
 * two processes never write one cache at once). The content process loaded its modules in 0.30–0.39 s without a cache
 * and 0.16–0.19 s with one (alone on the machine), and beside the editions' four processes loading theirs it is the
 * longest path to the editions' start.
 */
export function toolCompileCache(stageParent: string, name: 'tool' | 'leak-scan' = 'tool', maxBytes = COMPILE_CACHE_MAX_BYTES): string {
  return cacheFolder(path.join(stageParent, COMPILE_CACHE_FOLDER, name), maxBytes);
}
