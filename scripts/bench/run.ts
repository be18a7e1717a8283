/** Runs a command in its own process group and measures wall time and the peak summed RSS of the whole tree. */
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** What one measured command did. */
export interface Measured {
  ms: number;
  /** Highest sum of resident memory over every process of the group, sampled every 100 ms. */
  peakRss: number;
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

/** Sum of the resident memory of every live process in a process group, from /proc (0 where /proc is missing). */
export function groupRss(pgid: number): number {
  let pages = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
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
    if (Number(fields[2]) === pgid) pages += Number(fields[21]) || 0;
  }
  return pages * bytesPerPage();
}

/** Runs a command to completion, sampling its process group's memory every 100 ms. */
export function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakRss = 0;
    const sample = () => {
      if (child.pid) peakRss = Math.max(peakRss, groupRss(child.pid));
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
      resolve({ ms: performance.now() - started, peakRss, code: code ?? 1, output });
    });
  });
}
