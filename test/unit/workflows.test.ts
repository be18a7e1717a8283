import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/index.ts';

const scripts = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);

/** Every shell line of a parsed workflow: GitHub `run:` steps and GitLab `script:` lists. */
function shellLines(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(shellLines);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if ((key === 'run' || key === 'script' || key === 'before_script') && typeof value === 'string') return value.split('\n');
    if ((key === 'script' || key === 'before_script') && Array.isArray(value)) return value.map(String);
    return shellLines(value);
  });
}

/** The package scripts a shell line runs: `npm run x` and `npm test`. */
function npmScripts(line: string): string[] {
  return [...line.matchAll(/npm (?:run ([\w:-]+)|(test)\b)/g)].map((m) => m[1] ?? m[2]!);
}

describe.each(['.github/workflows/handbook.yml', '.gitlab-ci.yml'])('%s', (file) => {
  const workflow = parse(readFileSync(path.join(ROOT, file), 'utf8'));
  const used = shellLines(workflow).flatMap(npmScripts);

  it('parses and runs check, the tests, the build and the review report', () => {
    for (const name of ['check', 'test', 'test:e2e', 'build', 'review']) expect(used).toContain(name);
  });

  it('names only commands that exist in package.json', () => {
    for (const name of used) expect(scripts, `${file}: npm run ${name}`).toContain(name);
  });
});

describe('GitHub workflow', () => {
  const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/handbook.yml'), 'utf8'));
  it('runs on pull requests and nightly, with full history and built editions as artifacts', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'schedule']));
    const steps = workflow.jobs.handbook.steps as { uses?: string; with?: Record<string, unknown>; run?: string }[];
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
    expect(steps.filter((s) => s.uses?.startsWith('actions/upload-artifact')).map((s) => s.with?.path)).toEqual([
      'dist/intranet',
      'dist/public',
      'dist/intranet/pdf\ndist/public/pdf\n',
    ]);
    expect(steps.some((s) => s.run?.includes('GITHUB_STEP_SUMMARY') && s.run.includes('--markdown'))).toBe(true);
  });
});

describe('nightly PDFs', () => {
  it('GitHub builds with HANDBOOK_PDF=1 on the schedule, with poppler for the leak scan, and keeps the PDFs as an artifact', () => {
    const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/handbook.yml'), 'utf8'));
    type Step = { name?: string; uses?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown>; run?: string };
    const steps = workflow.jobs.handbook.steps as Step[];
    const build = steps.find((s) => s.run === 'npm run build')!;
    expect(build.env?.HANDBOOK_PDF).toMatch(/github\.event_name == 'schedule'.*'1'/);
    expect(build.env?.CHROMIUM_PATH).toBeTruthy();
    const poppler = steps.findIndex((s) => s.run?.includes('poppler-utils'));
    expect(poppler).toBeGreaterThanOrEqual(0);
    expect(poppler).toBeLessThan(steps.indexOf(build));
    const pdf = steps.find((s) => s.with?.name === 'pdf')!;
    expect(pdf.if).toContain('schedule');
    expect(String(pdf.with?.path).split('\n').filter(Boolean)).toEqual(['dist/intranet/pdf', 'dist/public/pdf']);
  });

  it('GitLab installs Chromium (and its headless shell) and poppler and sets HANDBOOK_PDF=1 on scheduled pipelines, keeping dist/ as artifacts', () => {
    const ci = parse(readFileSync(path.join(ROOT, '.gitlab-ci.yml'), 'utf8'));
    const script = (ci.build.script as string[]).join('\n');
    expect(script).toMatch(
      /CI_PIPELINE_SOURCE" = "schedule" \]; then .*apt-get install -y -qq chromium chromium-headless-shell poppler-utils.*export HANDBOOK_PDF=1/,
    );
    expect(script.indexOf('HANDBOOK_PDF=1')).toBeLessThan(script.indexOf('npm run build'));
    expect(ci.build.artifacts.paths).toEqual(expect.arrayContaining(['dist/intranet/', 'dist/public/']));
    expect((ci.test.script as string[]).join('\n')).toContain('poppler-utils');
  });
});
