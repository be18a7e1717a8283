/** Shared helpers of the Statement of Applicability build tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import { runScript, tempDir } from './index.ts';

export const SOA = 'anvendelseserklaering/index.html';
export const CSV = 'anvendelseserklaering/anvendelseserklaering.csv';

/** The Content-Security-Policy the browser tests serve. */
export { CSP } from '../e2e/serve.ts';

/** Headless Chromium with the project's one set of launch options. */
export { launch } from '../e2e/browser.ts';

/** Builds a content folder into a fresh output folder (recorded in `made` for clean-up) and returns the folder. */
export function build(content: string, made: string[], env: Record<string, string> = {}): string {
  const out = tempDir();
  made.push(out);
  const result = runScript('build', { HANDBOOK_CONTENT: content, HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-11-29', ...env });
  expect(result.code, result.stderr).toBe(0);
  return out;
}

/** A built file's text, with the white space next to tags (which formatting of the templates changes) and soft hyphens removed. */
export const read = (out: string, edition: string, file: string) =>
  readFileSync(path.join(out, edition, file), 'utf8')
    .replace(/\u00ad/g, '')
    .replace(/>\s+/g, '>')
    .replace(/\s+</g, '<');

/** The counts of one line of the coverage table, by the line's label. */
export function coverage(html: string, label: string): Record<string, number> {
  const row = new RegExp(`<th scope="row">(?:<a href="#[^"]+">)?${label}(?:</a>)?</th>((?:\\s*<td data-count="[a-z-]+">\\d+</td>)+)`).exec(
    html,
  );
  expect(row, label).not.toBeNull();
  return Object.fromEntries([...row![1]!.matchAll(/data-count="([a-z-]+)">(\d+)</g)].map((m) => [m[1]!, Number(m[2])]));
}

/** The HTML of one control's row. */
export function row(html: string, id: string): string {
  const match = new RegExp(`<tr id="kontrol-${id.replace('.', '\\.')}"[\\s\\S]*?</tr>`).exec(html);
  expect(match, id).not.toBeNull();
  return match![0];
}

/** Parses the CSV export as an auditor's tool would. */
export const csvRecords = (text: string) => parse(text, { delimiter: ';', bom: true }) as string[][];
