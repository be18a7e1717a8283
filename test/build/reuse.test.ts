/** An edition whose stage and tool are those of the edition in place is kept, not built again (src/lib/build/reuse.ts). */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, runScript, tempFolders } from '../helpers/index.ts';

const temp = tempFolders();
const TODAY = '2026-03-01';

describe('rebuilding into the same output folder', () => {
  let content: string;
  let out: string;
  let timings: string;
  /** Builds both editions; returns the editions it kept and the phases it timed. */
  const build = (args: string[] = []) => {
    writeFileSync(timings, '');
    const result = runScript(
      'build',
      { HANDBOOK_CONTENT: content, HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY, HANDBOOK_TIMINGS: timings },
      args,
    );
    expect(result.code, result.stderr).toBe(0);
    const phases = readFileSync(timings, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { phase: string; edition?: string });
    const kept = ['intranet', 'public'].filter((e) => result.stdout.includes(`${e}: uændret siden sidste bygning`));
    const ran = (phase: string) => phases.filter((p) => p.phase === phase).map((p) => p.edition);
    return { kept, ran };
  };
  const mtime = (file: string) => statSync(path.join(out, file)).mtimeMs;
  const edit = (file: string, from: string, to: string) => {
    const full = path.join(content, file);
    writeFileSync(full, readFileSync(full, 'utf8').replace(from, to));
  };

  beforeAll(() => {
    content = copyFixture('minimal');
    out = temp();
    timings = path.join(temp(), 'timings.jsonl');
    expect(build().kept).toEqual([]);
  });

  it('keeps both editions when nothing changed, and still scans the public one for leaks', () => {
    expect(existsSync(path.join(out, '.public.inputs'))).toBe(true);
    expect(existsSync(path.join(out, 'public/.public.inputs'))).toBe(false);
    const before = mtime('public/index.html');
    const second = build();
    expect(second.kept).toEqual(['intranet', 'public']);
    expect(second.ran('edition')).toEqual([]);
    expect(second.ran('leak-scan')).toEqual(['public']);
    expect(mtime('public/index.html')).toBe(before);
  });

  it('builds only the intranet again after a change to an internal document', () => {
    edit('regler/hemmelig-serverrum.mdx', 'efter klokken atten', 'efter klokken nitten');
    const run = build();
    expect(run.kept).toEqual(['public']);
    expect(run.ran('edition')).toEqual(['intranet']);
    expect(readFileSync(path.join(out, 'intranet/regler/hemmelig-serverrum/index.html'), 'utf8')).toContain('klokken nitten');
  });

  it('builds the public edition again after a change to a public document', () => {
    edit('regler/ordliste.mdx', 'Fortrolighed betyder', 'Fortrolighed (konfidentialitet) betyder');
    const run = build();
    expect(run.kept).toEqual([]);
    expect(readFileSync(path.join(out, 'public/regler/ordliste/index.html'), 'utf8')).toContain('Fortrolighed (konfidentialitet)');
  });

  it('builds an edition again whose folder was changed since, or when asked to with --force', () => {
    writeFileSync(path.join(out, 'public/plantet.html'), '<p>lagt her efter bygningen</p>');
    const run = build();
    expect(run.kept).toEqual(['intranet']);
    expect(existsSync(path.join(out, 'public/plantet.html'))).toBe(false);
    expect(build(['--force']).kept).toEqual([]);
  });
});
