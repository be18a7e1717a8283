/**
 * Stage folders name the build that made them (`public-p<pid>t<start>x…`), so a later build can remove those whose
 * build was killed (SIGKILL leaves no chance to clean up) without touching the stage of a build still running.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const OWNER = /^[a-z]+-p(\d+)t(\d+)x/;

/** When a process started, in clock ticks since boot (Linux `/proc`); 0 where that cannot be read. */
export function processStart(pid: number): number {
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2, in parentheses) may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]) || 0;
  } catch {
    return 0;
  }
}

/** The prefix of a stage folder this process makes for an edition. */
export function stagePrefix(edition: string): string {
  return `${edition}-p${process.pid}t${processStart(process.pid)}x`;
}

/**
 * A new, empty, private stage folder for an edition, named after this process. Here, not in `stage.ts`: the build
 * process makes the stages before anything else, and `stage.ts` loads the staging (zod, YAML, 200 modules).
 */
export function createStageDir(parentDir: string, edition: string): string {
  mkdirSync(parentDir, { recursive: true });
  // Named after this process, so a later build can tell a killed build's stage from a running one's.
  const stageDir = mkdtempSync(path.join(parentDir, stagePrefix(edition)));
  chmodSync(stageDir, 0o700);
  return stageDir;
}

/** Whether the process that made a stage is still running: same pid, and (where known) the same start. */
export function ownerRunning(pid: number, start = 0): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = processStart(pid);
  // A different start time: the pid was reused by another process after the build died.
  return !start || !now || now === start;
}

/** Removes the stages in `parentDir` whose build no longer runs; returns their names. Unnamed folders are left alone. */
export function removeStaleStages(parentDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(parentDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const owner = OWNER.exec(name);
    if (!owner || ownerRunning(Number(owner[1]), Number(owner[2]))) continue;
    rmSync(path.join(parentDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
