/** Medians of the benchmark runs and the Markdown table printed for the README. */
import type { RunResult } from './measure/builds.ts';
import type { EditionSize } from './measure/size.ts';
import type { SearchLatency } from './measure/search.ts';

/** Everything one `npm run bench` measured. */
export interface BenchResult {
  docs: number;
  seed: number;
  commits: number;
  runs: number;
  generationMs: number;
  environment: { cpus: number; node: string; astro: string; pagefind: string; loadAverage: number; commit: string };
  /** The document page whose weight is reported, e.g. `procedurer/test-af-backupkopier/index.html`. */
  typicalPage: string;
  ours: { runs: RunResult[]; median: RunResult; intranet: EditionSize; public: EditionSize };
  plain?: { runs: RunResult[]; median: RunResult; size: EditionSize };
  /** Our median wall time divided by the plain site's. */
  ratio?: number;
  /** Search latency on the intranet's search page (ms from keystroke to first result); absent without Chromium. */
  search?: SearchLatency;
}

/** Our wall time over the plain site's, run by run (they alternate, so each pair met the same machine load). */
function pairRatios(r: BenchResult): string {
  if (!r.plain) return 'n/a';
  return r.ours.runs.map((x, i) => (r.plain!.runs[i] ? (x.wallMs / r.plain!.runs[i]!.wallMs).toFixed(2) : 'n/a')).join(', ');
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of every measure over several runs, phase by phase (a phase missing from some runs uses the others). */
export function medianRun(runs: RunResult[]): RunResult {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.phases)))];
  const phases: Record<string, number> = {};
  for (const key of keys) phases[key] = median(runs.flatMap((r) => (key in r.phases ? [r.phases[key]!] : [])));
  const optional = (key: 'cpuMs' | 'peakPss' | 'stealMs') => {
    const values = runs.flatMap((r) => (r[key] === undefined ? [] : [r[key]]));
    return values.length ? { [key]: median(values) } : {};
  };
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    peakRss: median(runs.map((r) => r.peakRss)),
    ...optional('peakPss'),
    ...optional('cpuMs'),
    ...optional('stealMs'),
    phases,
  };
}

/** Seconds with two decimals below 10 s, one above. */
export const seconds = (ms: number | undefined): string => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
/** Binary megabytes. */
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** Binary kilobytes with one decimal. */
const kb = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`);

/** Time of page rendering in one edition: the build's own `render` phase, else Astro's log. */
function renderTime(phases: Record<string, number>, edition: string): number | undefined {
  return phases[`render:${edition}`] ?? phases[`astro-render:${edition}`];
}

/** Phase rows: label, whole-build key, per-edition key (each may be absent). */
const PHASES: [string, string | undefined, string | undefined][] = [
  ['Start-up of scripts/build.ts (wall time − its total)', 'startup', undefined],
  ['Content loading (parse + validate)', 'content', undefined],
  ['Git metadata', 'git', undefined],
  ['Staging', undefined, 'stage'],
  ['Astro: content sync + types', undefined, 'astro-sync'],
  ['Astro: Vite bundling', undefined, 'astro-vite'],
  ['Page rendering', undefined, 'render'],
  ['Pagefind index', undefined, 'pagefind'],
  ['Astro process in all (start-up to exit; Pagefind runs after it)', undefined, 'astro'],
  ['Edition process in all (Astro, then Pagefind and headers)', undefined, 'edition'],
  ['Leak scan', undefined, 'leak-scan'],
  ['Swap into place', undefined, 'swap'],
];
const KNOWN = new Set(['total', 'astro-total', 'astro-render', ...PHASES.flatMap(([, a, b]) => [a, b])]);

/** Rows of the phase table: label, whole-build time, intranet time, public time; "n/a" where the build did not say. */
function phaseRows(run: RunResult): string[][] {
  const phases: Record<string, number> = { ...run.phases };
  if (phases.total !== undefined) phases.startup = run.wallMs - phases.total;
  const perEdition = (key: string, edition: string) => {
    if (key === 'render') return seconds(renderTime(phases, edition));
    if (key === 'leak-scan' && edition === 'intranet') return '—';
    return seconds(phases[`${key}:${edition}`]);
  };
  const rows = PHASES.map(([label, whole, each]) => [
    label,
    whole ? seconds(phases[whole]) : '',
    each ? perEdition(each, 'intranet') : '',
    each ? perEdition(each, 'public') : '',
  ]);
  const extra = [...new Set(Object.keys(phases).map((k) => k.split(':')[0]!))].filter((p) => !KNOWN.has(p)).sort();
  for (const p of extra)
    rows.push([`Phase \`${p}\``, p in phases ? seconds(phases[p]) : '', seconds(phases[`${p}:intranet`]), seconds(phases[`${p}:public`])]);
  rows.push(['**Total (scripts/build.ts, editions in parallel)**', `**${seconds(phases.total)}**`, '', '']);
  return rows;
}

/** A Markdown table from a header and rows. */
function table(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** Wall time over CPU time spread on every core: 1.00 when no core sat idle, e.g. `1.18`. */
export function idleCoreFactor(run: RunResult, cpus: number): number | undefined {
  return run.cpuMs ? run.wallMs / (run.cpuMs / cpus) : undefined;
}

/** Stolen core time as a share of the run's core time (wall × cores), e.g. `12 %`; `n/a` when not measured. */
export function stealShare(run: RunResult | undefined, cpus: number): string {
  return run?.stealMs === undefined ? 'n/a' : `${Math.round((100 * run.stealMs) / (run.wallMs * cpus))} %`;
}

/** One table for several sizes measured in one run of the benchmark: medians, the ratio and the pairs' ratios per size. */
export function sizesReport(results: readonly BenchResult[]): string {
  const rows = results.map((r) => {
    const factor = idleCoreFactor(r.ours.median, r.environment.cpus);
    return [
      r.docs.toLocaleString('en'),
      seconds(r.ours.median.wallMs),
      seconds(r.plain?.median.wallMs),
      r.ratio === undefined ? 'n/a' : `**${r.ratio.toFixed(2)}**`,
      pairRatios(r),
      r.ours.median.cpuMs && r.plain?.median.cpuMs ? (r.ours.median.cpuMs / r.plain.median.cpuMs).toFixed(2) : 'n/a',
      factor === undefined ? 'n/a' : factor.toFixed(2),
      mb(r.ours.median.peakRss),
      r.environment.loadAverage.toFixed(1),
      `${stealShare(r.ours.median, r.environment.cpus)} / ${stealShare(r.plain?.median, r.environment.cpus)}`,
    ];
  });
  const first = results[0]!;
  return [
    `### Sizes ${results.map((r) => r.docs.toLocaleString('en')).join(', ')}: median of ${first.runs} run${first.runs === 1 ? '' : 's'} each`,
    '',
    `Product at ${first.environment.commit}; ${first.environment.cpus} CPUs, Node ${first.environment.node}, Astro ${first.environment.astro}. Ours builds both editions, plain one.`,
    '',
    table(
      [
        'documents',
        'ours',
        'plain',
        'ratio',
        'ratio per pair',
        'CPU ratio',
        'ours: wall ÷ (CPU ÷ cores)',
        'ours: peak RSS',
        'load average at start',
        'CPU stolen by the host: ours / plain',
      ],
      rows,
    ),
  ].join('\n');
}

/** The whole report as Markdown. */
export function markdownReport(r: BenchResult): string {
  const env = r.environment;
  const out: string[] = [];
  out.push(`### ${r.docs.toLocaleString('en')} documents, median of ${r.runs} run${r.runs === 1 ? '' : 's'}`);
  out.push(
    '',
    `Seed ${r.seed}, ${r.commits} commits, generated in ${seconds(r.generationMs)}; ${env.cpus} CPUs (1-min load average ${env.loadAverage.toFixed(1)} at start), Node ${env.node}, Astro ${env.astro}, Pagefind ${env.pagefind}; product at ${env.commit}. Clean caches before every run.`,
    '',
  );
  const plain = r.plain?.median;
  out.push(
    table(
      ['', 'ours: both editions', 'plain Astro + MDX: one edition'],
      [
        ['Wall time', seconds(r.ours.median.wallMs), seconds(plain?.wallMs)],
        ['**Ratio ours / plain**', r.ratio === undefined ? 'n/a' : `**${r.ratio.toFixed(2)}**`, ''],
        ['CPU time (user + system, all processes)', seconds(r.ours.median.cpuMs), seconds(plain?.cpuMs)],
        ['CPU ratio ours / plain', r.ours.median.cpuMs && plain?.cpuMs ? (r.ours.median.cpuMs / plain.cpuMs).toFixed(2) : 'n/a', ''],
        ['CPU stolen by the host (share of wall time × cores)', stealShare(r.ours.median, env.cpus), stealShare(plain, env.cpus)],
        [
          'Wall time ÷ (CPU time ÷ cores): 1.00 is no idle core',
          idleCoreFactor(r.ours.median, env.cpus)?.toFixed(2) ?? 'n/a',
          plain ? (idleCoreFactor(plain, env.cpus)?.toFixed(2) ?? 'n/a') : '',
        ],
        ['Peak memory (sum of RSS over the process tree)', mb(r.ours.median.peakRss), plain ? mb(plain.peakRss) : 'n/a'],
        [
          'Peak memory (sum of PSS: shared pages counted once)',
          r.ours.median.peakPss ? mb(r.ours.median.peakPss) : 'n/a',
          plain?.peakPss ? mb(plain.peakPss) : 'n/a',
        ],
        [
          'Runs (wall time, in the order run)',
          r.ours.runs.map((x) => seconds(x.wallMs)).join(', '),
          r.plain?.runs.map((x) => seconds(x.wallMs)).join(', ') ?? 'n/a',
        ],
        ['Ratio of each run to the plain run after it', pairRatios(r), ''],
        [
          'Plain site: astro build + Pagefind CLI',
          '',
          plain ? `${seconds(plain.phases.astro)} + ${seconds(plain.phases.pagefind)}` : 'n/a',
        ],
        [
          'Plain site: content sync / Vite / page rendering',
          '',
          plain ? ['astro-sync', 'astro-vite', 'astro-render'].map((k) => seconds(plain.phases[k])).join(' / ') : 'n/a',
        ],
      ],
    ),
  );
  out.push('', table(['Phase (ours)', 'whole build', 'intranet', 'public'], phaseRows(r.ours.median)));
  const ed = (e: EditionSize | undefined, f: (s: EditionSize) => string) => (e ? f(e) : 'n/a');
  const cols = [r.ours.intranet, r.ours.public, r.plain?.size];
  out.push(
    '',
    table(
      ['Output', 'intranet', 'public', 'plain'],
      [
        ['HTML pages', ...cols.map((c) => ed(c, (s) => String(s.htmlPages)))],
        ['Output size', ...cols.map((c) => ed(c, (s) => `${mb(s.output.bytes)} (${s.output.files} files)`))],
        ['Pagefind index', ...cols.map((c) => ed(c, (s) => `${mb(s.pagefind.bytes)} (${s.pagefind.files} files)`))],
        ['Typical page: HTML gzip', ...cols.map((c) => ed(c, (s) => kb(s.page?.html)))],
        ['Typical page: CSS gzip', ...cols.map((c) => ed(c, (s) => kb(s.page?.css)))],
        ['Typical page: JS gzip', ...cols.map((c) => ed(c, (s) => kb(s.page?.js)))],
      ],
    ),
  );
  const search = r.search;
  out.push(
    '',
    search
      ? `Search on the intranet's search page, ms from keystroke to the first result once the index is loaded: median **${search.median} ms** (${Object.entries(
          search.times,
        )
          .map(([q, ms]) => `${q} ${ms}`)
          .join(', ')}).`
      : 'Search latency: n/a (no Chromium).',
  );
  out.push(
    '',
    `Typical page: \`/${r.typicalPage.replace(/index\.html$/, '')}\` (the public document of median source size, so it is in every edition). Phases come from \`HANDBOOK_TIMINGS\`; "n/a" means the build did not report that phase. Editions build in parallel, so per-edition phases overlap and do not add up to the total.`,
  );
  return out.join('\n');
}
