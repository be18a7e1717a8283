/** `npm run bench -- --docs N`: builds a synthetic handbook with ours and with plain Astro + MDX, and prints the comparison. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateHandbook, type GeneratedHandbook } from './bench/corpus/generate.ts';
import { ROOT, runOurs, runPlain, type RunResult } from './bench/measure/builds.ts';
import { editionSize } from './bench/measure/size.ts';
import { searchLatency, searchTerms } from './bench/measure/search.ts';
import { markdownReport, medianRun, seconds, sizesReport, type BenchResult } from './bench/report.ts';

const USAGE = `Usage: npm run bench -- [--docs 1000 | --docs 20,200,1000] [--runs 3] [--seed 1] [--commits 300] [--json out.json] [--no-plain] [--keep] [--cpu-prof DIR]
  --docs N[,N…]   number of generated documents (default 1000); several sizes give one report with a ratio per size
  --runs N        runs of each build; the median is reported (default 3)
  --seed N        seed of the generated handbook (default 1)
  --commits N     commits in its Git history (default 300)
  --json FILE     also write every measurement as JSON (an array when several sizes were given)
  --no-plain      skip the plain Astro + MDX comparison
  --keep          keep the generated repository and outputs (the path is printed)
  --cpu-prof DIR  after measuring, build ours once more with node --cpu-prof into DIR (not counted)`;

/** Parsed command line. */
function options() {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      commits: { type: 'string', default: '300' },
      json: { type: 'string' },
      'no-plain': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got "${value}"\n${USAGE}`);
    return n;
  };
  return {
    sizes: values.docs.split(',').map((n) => int('docs', n.trim(), 1)),
    runs: int('runs', values.runs, 1),
    seed: int('seed', values.seed, 0),
    commits: int('commits', values.commits, 1),
    json: values.json,
    plain: !values['no-plain'],
    keep: values.keep,
    cpuProf: values['cpu-prof'],
  };
}

/** The version of an installed package. */
function version(pkg: string): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The scripts a build runs (`npm run build` and the processes it starts). */
const BUILD_SCRIPTS = ['run-build.mjs', 'require-node.mjs', 'build.ts', 'build-content.ts', 'build-edition.ts'];

/** The product's commit, with `+changes` when the work tree differs from it, so before/after numbers can be told apart. */
function productCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync(
      'git',
      // Every file a build runs: the build's scripts (not the bench's), the sources and the config; new files too.
      ['status', '--porcelain', '--', 'src', ...BUILD_SCRIPTS.map((f) => `scripts/${f}`), 'astro.config.mjs'],
      { cwd: ROOT, encoding: 'utf8' },
    ).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

/** The public document of median source size, as an output path: present in every edition and the plain site. */
function typicalPage(handbook: GeneratedHandbook): string {
  const pub = handbook.docs.filter((d) => d.audience === 'public' && d.status === 'approved');
  const pool = pub.length ? pub : handbook.docs;
  const sized = pool
    .map((d) => ({ d, size: statSync(path.join(handbook.contentDir, d.file)).size }))
    .sort((a, b) => a.size - b.size || a.d.file.localeCompare(b.d.file));
  const doc = sized[Math.floor((sized.length - 1) / 2)]!.d;
  return `${doc.folder}/${doc.slug}/index.html`;
}

/** A build to repeat: its label and one run into an output folder. */
interface Build {
  label: string;
  once: (outDir: string) => Promise<RunResult>;
}

/**
 * Runs the builds in turn, `runs` rounds of each (ours, plain, ours, plain …), printing progress, and keeps the
 * output of each build's last run. Alternating puts a slow spell of a shared machine on both, not on one.
 */
async function alternate(builds: Build[], runs: number, work: string): Promise<{ results: RunResult[]; outDir: string }[]> {
  const done = builds.map(() => ({ results: [] as RunResult[], outDir: '' }));
  for (let i = 1; i <= runs; i++) {
    for (const [b, build] of builds.entries()) {
      const state = done[b]!;
      if (state.outDir) rmSync(state.outDir, { recursive: true, force: true });
      state.outDir = path.join(work, `${build.label}-${i}`);
      const result = await build.once(state.outDir);
      state.results.push(result);
      console.error(`  ${build.label} run ${i}/${runs}: ${seconds(result.wallMs)}, peak ${(result.peakRss / 1024 / 1024).toFixed(0)} MB`);
    }
  }
  return done;
}

type Options = ReturnType<typeof options>;

/** Generates a handbook of `docs` documents in `work`, builds it `runs` times with ours and plain, and measures the outputs. */
async function benchSize(docs: number, opts: Options, work: string): Promise<BenchResult> {
  const loadAverage = loadavg()[0]!;
  if (loadAverage > availableParallelism() / 2)
    console.error(`Warning: the machine is busy (1-minute load average ${loadAverage.toFixed(1)}); times will be inflated.`);
  console.error(`Generating ${docs} documents (seed ${opts.seed}, ${opts.commits} commits) in ${work} ...`);
  const started = performance.now();
  const handbook = generateHandbook(path.join(work, 'repo'), { docs, seed: opts.seed, commits: opts.commits });
  const generationMs = performance.now() - started;
  const page = typicalPage(handbook);
  console.error(
    `Building both editions with scripts/build.ts${opts.plain ? ' and the plain Astro + MDX site, in turn' : ''}, ${opts.runs} run(s) ...`,
  );
  const builds: Build[] = [{ label: 'ours', once: (out) => runOurs(handbook.contentDir, out, handbook.today) }];
  if (opts.plain) builds.push({ label: 'plain', once: (out) => runPlain(handbook.contentDir, out, path.join(work, 'plain-cache')) });
  const [ours, plainRuns] = await alternate(builds, opts.runs, work);
  const plain: BenchResult['plain'] = plainRuns && {
    runs: plainRuns.results,
    median: medianRun(plainRuns.results),
    size: editionSize(plainRuns.outDir, page),
  };
  const oursMedian = medianRun(ours!.results);
  const result: BenchResult = {
    docs,
    seed: opts.seed,
    commits: opts.commits,
    runs: opts.runs,
    generationMs,
    environment: {
      cpus: availableParallelism(),
      node: process.versions.node,
      astro: version('astro'),
      pagefind: version('pagefind'),
      loadAverage,
      commit: productCommit(),
    },
    typicalPage: page,
    ours: {
      runs: ours!.results,
      median: oursMedian,
      intranet: editionSize(path.join(ours!.outDir, 'intranet'), page),
      public: editionSize(path.join(ours!.outDir, 'public'), page),
    },
    plain,
    ratio: plain ? oursMedian.wallMs / plain.median.wallMs : undefined,
    search: await searchLatency(
      path.join(ours!.outDir, 'intranet'),
      searchTerms(handbook.docs.filter((d) => d.status === 'approved').map((d) => d.title)),
    ),
  };
  if (opts.cpuProf) {
    const dir = path.resolve(opts.cpuProf, String(docs));
    console.error(`Profiling one more build of ours into ${dir} ...`);
    await runOurs(handbook.contentDir, path.join(work, 'profiled'), handbook.today, `--cpu-prof --cpu-prof-dir=${dir}`);
    console.error(`Summarise with: node scripts/bench/measure/profile.ts ${dir}`);
  }
  return result;
}

async function main(): Promise<void> {
  const opts = options();
  const results: BenchResult[] = [];
  for (const docs of opts.sizes) {
    const work = mkdtempSync(path.join(tmpdir(), 'handbook-bench-'));
    try {
      results.push(await benchSize(docs, opts, work));
    } finally {
      if (opts.keep) console.error(`Kept ${work}`);
      else rmSync(work, { recursive: true, force: true });
    }
  }
  if (results.length > 1) console.log(`${sizesReport(results)}\n`);
  console.log(results.map(markdownReport).join('\n\n'));
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(results.length > 1 ? results : results[0], null, 2)}\n`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
