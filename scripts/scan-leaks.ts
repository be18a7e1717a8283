/** `npm run scan-leaks [folder]`: searches the built public edition for anything of a non-public document; exit 1 on a hit. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadHandbook } from '../src/lib/content/load.ts';
import { readEnv } from '../src/lib/config/env.ts';
import { readGit } from '../src/lib/git/history.ts';
import { formatLeak, leakPatterns, listFiles, scanForLeaks } from '../src/lib/leaks/scan.ts';
import { reportProblems } from '../src/lib/util/problems.ts';

/** Scans `$HANDBOOK_OUT/public` (or the folder given) against `$HANDBOOK_CONTENT` and returns the exit code. */
function main(): number {
  const env = readEnv();
  const outDir = path.resolve(process.argv[2] ?? path.join(env.outDir, 'public'));
  if (!existsSync(env.contentDir)) {
    console.error(`HANDBOOK_CONTENT: mappen ${env.contentDir} findes ikke`);
    return 1;
  }
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) {
    console.error(`scan-leaks: ${outDir} findes ikke; byg den offentlige udgave først (npm run build:public)`);
    return 1;
  }
  const started = performance.now();
  const handbook = loadHandbook(env.contentDir);
  if (handbook.problems.some((p) => p.severity === 'error')) {
    // A document that cannot be read cannot be searched for: refuse rather than report a clean scan.
    reportProblems(handbook.problems);
    console.error('scan-leaks: indholdet har fejl, så ikke alle dokumenter kan søges efter; ret fejlene først (npm run check)');
    return 1;
  }
  const git = readGit(env.contentDir, new Map(handbook.docs.map((d) => [d.file, d.data.approvedOn])));
  const patterns = leakPatterns(handbook, git);
  const hits = scanForLeaks(outDir, patterns);
  for (const hit of hits) console.error(formatLeak(hit));
  const files = listFiles(outDir).length;
  const ms = Math.round(performance.now() - started);
  if (hits.length) {
    console.error(`scan-leaks: ${hits.length} fund i ${new Set(hits.map((h) => h.file)).size} af ${files} filer i ${outDir}`);
    return 1;
  }
  console.log(`scan-leaks: ingen læk i ${files} filer i ${outDir} (${patterns.length} mønstre fra ikke-offentligt indhold, ${ms} ms)`);
  return 0;
}

try {
  process.exit(main());
} catch (error) {
  // A file the scan cannot read (a PDF without pdftotext) is a failed scan, said in one line.
  console.error((error as Error).message);
  process.exit(1);
}
