/** `node scripts/bench/measure/profile.ts DIR [--top N]`: where the CPU time of each profiled process went, by package and function. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The parts of a V8 `.cpuprofile` this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** What a source URL belongs to: an npm package, a file of this repository, Node itself, or a V8 pseudo-frame. */
export function owner(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const local = /\/(src|scripts)\/(.+?)(?:\?.*)?$/.exec(url);
  return local ? `${local[1]}/${local[2]}` : url.replace(/^file:\/\//, '');
}

/** Self time in ms per key, from a profile's samples. */
function selfTimes(profile: CpuProfile, key: (node: CpuProfile['nodes'][number]) => string): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const k = key(node);
    totals.set(k, (totals.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

/** The largest entries of a map as Markdown table rows with their share of the total. */
function topRows(totals: Map<string, number>, total: number, top: number): string[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `| ${k.replace(/\|/g, '\\|')} | ${(ms / 1000).toFixed(2)} s | ${((ms / total) * 100).toFixed(1)}% |`);
}

/** A Markdown summary of one profile file. */
export function summarise(file: string, top = 12): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const wall = (profile.endTime - profile.startTime) / 1000;
  const byOwner = selfTimes(profile, (n) => owner(n.callFrame.url, n.callFrame.functionName));
  const byFunction = selfTimes(profile, (n) => {
    const { functionName, url, lineNumber } = n.callFrame;
    return `${functionName || '(anonymous)'} ${owner(url, functionName)}${url ? `:${lineNumber + 1}` : ''}`;
  });
  const busy = [...byOwner].filter(([k]) => k !== '(idle)').reduce((n, [, ms]) => n + ms, 0);
  return [
    `#### ${path.basename(file)}: ${(wall / 1000).toFixed(1)} s wall, ${(busy / 1000).toFixed(1)} s on CPU`,
    '',
    '| package or file | self time | share |',
    '|---|---:|---:|',
    ...topRows(byOwner, wall, top),
    '',
    '| function | self time | share |',
    '|---|---:|---:|',
    ...topRows(byFunction, wall, top),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node scripts/bench/measure/profile.ts DIR [--top N]');
    process.exit(1);
  }
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 12;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  console.log(files.map((f) => summarise(path.join(dir, f), top)).join('\n\n'));
}
