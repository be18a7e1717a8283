/** Runs a command in its own process group and measures wall time and the peak summed RSS of the whole tree. */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What one measured command did. */
export interface Measured {
  ms: number;
  /** Highest sum of resident memory over every process of the group, sampled every 100 ms. */
  peakRss: number;
  /** Highest sum of proportional set sizes (shared pages counted once in all), sampled likewise. */
  peakPss: number;
  /** User + system CPU time of the whole tree (from GNU time), when /usr/bin/time exists. */
  cpuMs?: number;
  /** Core time the hypervisor gave other guests while the command ran (all cores), when /proc/stat exists. */
  stealMs?: number;
  code: number;
  output: string;
}

let pageSize: number | undefined;

/** Bytes per memory page, for the RSS field of `/proc/<pid>/stat`. */
function bytesPerPage(): number {
  if (pageSize === undefined) {
    try {
      pageSize = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
    } catch {
      pageSize = 4096;
    }
  }
  return pageSize;
}

/** Proportional set size of a process in bytes (shared pages split between their users), if the kernel reports it. */
function pss(pid: string): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Memory of every live process in a process group, from /proc: summed RSS and summed PSS (zeros where /proc is missing). */
export function groupMemory(pgid: number): { rss: number; pss: number } {
  let pages = 0;
  let pssBytes = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return { rss: 0, pss: 0 };
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended between listing and reading
    }
    // Fields after the command name "(...)": state ppid pgrp ... ; rss is the 22nd of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    pages += Number(fields[21]) || 0;
    pssBytes += pss(entry);
  }
  return { rss: pages * bytesPerPage(), pss: pssBytes };
}

/**
 * The machine's stolen time so far, in ms summed over its cores: the `steal` column of `/proc/stat`'s `cpu` line, in
 * clock ticks of 10 ms (USER_HZ is 100 on Linux). On a shared virtual machine this is the time our processes were
 * ready to run and the host ran someone else: it slows a build without showing in its CPU time or the load average.
 */
export function stolenMs(stat = '/proc/stat'): number | undefined {
  try {
    const fields = /^cpu\s+(.*)$/m.exec(readFileSync(stat, 'utf8'))?.[1]?.trim().split(/\s+/).map(Number);
    const steal = fields?.[7];
    return steal === undefined || Number.isNaN(steal) ? undefined : steal * 10;
  } catch {
    return undefined;
  }
}

const GNU_TIME = '/usr/bin/time';

/** CPU seconds GNU time wrote (`%U %S`), as ms. */
function readCpu(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const [user, system] = readFileSync(file, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  return user === undefined || system === undefined || Number.isNaN(user + system) ? undefined : (user + system) * 1000;
}

/** Runs a command to completion, sampling its process group's memory every 100 ms and, where GNU time exists, its CPU time. */
export async function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measured> {
  const stolenBefore = stolenMs();
  const stolen = (): { stealMs?: number } => {
    const after = stolenMs();
    return stolenBefore === undefined || after === undefined ? {} : { stealMs: after - stolenBefore };
  };
  if (!existsSync(GNU_TIME)) return { ...(await measureGroup(command, args, options)), ...stolen() };
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-time-'));
  const file = path.join(dir, 'cpu');
  try {
    const result = await measureGroup(GNU_TIME, ['-f', '%U %S', '-o', file, command, ...args], options);
    return { ...result, cpuMs: readCpu(file), ...stolen() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a command in a new process group, sampling the group's memory every 100 ms. */
function measureGroup(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakRss = 0;
    let peakPss = 0;
    const sample = () => {
      if (!child.pid) return;
      const memory = groupMemory(child.pid);
      peakRss = Math.max(peakRss, memory.rss);
      peakPss = Math.max(peakPss, memory.pss);
    };
    const timer = setInterval(sample, 100);
    sample();
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - started, peakRss, peakPss, code: code ?? 1, output });
    });
  });
}
