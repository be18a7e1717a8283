import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { cleanup, copyFixture, fixture, runScript, tempDir } from '../helpers/index.ts';
import { foldLine } from '../../src/lib/review/ical.ts';

const content = fixture('minimal');
const review = (args: string[], env: Record<string, string> = {}) => runScript('review', { HANDBOOK_CONTENT: content, ...env }, args);

describe('npm run review', () => {
  it('reports each status grouped by owner in plain text', () => {
    const result = review(['--today', '2026-06-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 overskredet, 1 snart, 2 gældende/);
    expect(result.stdout).toMatch(/^Driftschefen for Zebrafinke\n {2}\[OVERSKREDET\] 2026-01-10 {2}Adgang til serverrummet/m);
    expect(result.stdout).toMatch(/\[snart\] 2026-06-20 {2}Offentlig ordliste/);
    expect(result.stdout).not.toMatch(/Kladde om mobiltelefoner|Udgået regel/);
  });

  it('gives the same report as JSON and Markdown', () => {
    const json = JSON.parse(review(['--json', '--today', '2026-06-01']).stdout);
    expect(json.counts).toMatchObject({ overdue: 1, 'due-soon': 1, current: 2 });
    const statuses = json.owners
      .flatMap((o: { rows: { id: string; status: string }[] }) => o.rows.map((r) => `${r.id}=${r.status}`))
      .sort();
    expect(statuses).toEqual([
      'politikker/sikkerhedspolitik=current',
      'regler/hemmelig-serverrum=overdue',
      'regler/intern-adgangskoder=current',
      'regler/ordliste=due-soon',
    ]);
    const md = review(['--markdown', '--today', '2026-06-01']).stdout;
    expect(md).toMatch(/^## Revisionsrapport/);
    expect(md).toContain(
      '| OVERSKREDET | 2026-01-10 | Adgang til serverrummet i kælderen Zebrafinke (`content/regler/hemmelig-serverrum.mdx`) | IT-sikkerhedsgruppen |',
    );
  });

  it('says when it could not tell changes since approval', () => {
    const outside = { HANDBOOK_CONTENT: copyFixture('minimal') };
    const json = JSON.parse(review(['--json', '--today', '2026-06-01'], outside).stdout);
    expect(json.gitAvailable).toBe(false);
    expect(json.owners[0].rows[0].changedSinceApproval).toBeNull();
    expect(review(['--today', '2026-06-01'], outside).stdout).toMatch(
      /ændringer efter godkendelse kunne ikke afgøres \(ingen Git-historik/,
    );
  });

  it('--fail-on exits 1 exactly when a document is in that state', () => {
    expect(review(['--fail-on', 'overdue', '--today', '2026-06-01']).code).toBe(1);
    expect(review(['--fail-on', 'overdue', '--today', '2025-12-01']).code).toBe(0);
    expect(review(['--fail-on', 'due-soon', '--today', '2025-12-15']).code).toBe(1);
    expect(review(['--fail-on', 'due-soon', '--today', '2025-11-01']).code).toBe(0);
    expect(review(['--fail-on', 'overdue'], { HANDBOOK_TODAY: '2026-06-01' }).code).toBe(1);
    expect(review(['--fail-on', 'sometime']).code).toBe(2);
  });
});

describe('review overview and calendar', () => {
  const out = tempDir();
  const again = tempDir();
  beforeAll(() => {
    for (const dir of [out, again])
      expect(runScript('build', { HANDBOOK_CONTENT: content, HANDBOOK_OUT: dir, HANDBOOK_TODAY: '2026-06-01' }).code).toBe(0);
  });
  afterAll(() => cleanup(out, again));
  // Soft hyphens in long words of headings and tables are layout, not text.
  const html = (p: string) => readFileSync(path.join(out, 'intranet', p, 'index.html'), 'utf8').replace(/\u00ad/g, '');

  it('lists every approved document, counts first, overdue first', () => {
    const page = html('oversigt');
    expect(page).toMatch(/<strong>1<\/strong> med overskredet revision/);
    expect(page).toMatch(/<strong>1<\/strong> skal revideres inden for fristen/);
    const order = [...page.matchAll(/<tr class="row--([\w-]+)">/g)].map((m) => m[1]);
    expect(order).toEqual(['overdue', 'due-soon', 'current', 'current']);
  });

  it('groups by owner and by approval body', () => {
    expect(html('oversigt/ejere')).toMatch(/<h2>Driftschefen for Zebrafinke<\/h2>/);
    expect(html('oversigt/godkendelsesorganer')).toMatch(/<h2>IT-sikkerhedsgruppen<\/h2>/);
  });

  it('exists in the intranet edition only', () => {
    expect(existsSync(path.join(out, 'public/oversigt'))).toBe(false);
    expect(existsSync(path.join(out, 'public/review.ics'))).toBe(false);
  });

  it('publishes review.ics with one event per approved document and stable UIDs', () => {
    const text = readFileSync(path.join(out, 'intranet/review.ics'), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual([
      'Revision: Adgang til serverrummet i kælderen Zebrafinke',
      'Revision: Interne regler for adgangskoder Bæltedyr',
      'Revision: Offentlig ordliste',
      'Revision: Offentlig sikkerhedspolitik',
    ]);
    const ordliste = events.find((e) => e.summary.endsWith('ordliste'))!;
    expect(ordliste.startDate.toString()).toBe('2026-06-20');
    expect(ordliste.uid).toBe('review-regler-ordliste@localhost');
    expect(readFileSync(path.join(again, 'intranet/review.ics'), 'utf8')).toBe(text);
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const folded = foldLine(`DESCRIPTION:${'æ'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'æ'.repeat(60)}`);
  });
});
