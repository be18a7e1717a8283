import { appendFileSync } from 'node:fs';
import { readInternalEnv } from '../config/env.ts';

/** Records how long a build phase took, as a JSON line in `HANDBOOK_TIMINGS`, for the benchmark. */
export function recordTiming(phase: string, ms: number, edition?: string): void {
  const file = readInternalEnv().timings;
  if (file) appendFileSync(file, `${JSON.stringify({ phase, edition, ms: Math.round(ms) })}\n`);
}

/** Runs a phase and records its duration. */
export async function timed<T>(phase: string, edition: string | undefined, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    recordTiming(phase, performance.now() - start, edition);
  }
}
