import path from 'node:path';
import type { Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { serve } from './serve.ts';
import { cleanup, runScript, tempDir } from '../helpers/index.ts';
import { versionsRepo } from '../helpers/versions.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let browser: Browser;
let server: Server;
let origin: string;
const made: string[] = [];

/** Builds the intranet edition of the versions fixture repository and serves it. */
beforeAll(async () => {
  const repo = versionsRepo();
  const out = tempDir();
  made.push(repo, out);
  const result = runScript('build', { HANDBOOK_CONTENT: path.join(repo, 'content'), HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-06-01' }, [
    'intranet',
  ]);
  if (result.code !== 0) throw new Error(result.stderr);
  ({ server, origin } = await serve(path.join(out, 'intranet')));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  cleanup(...made);
});

for (const scheme of ['light', 'dark'] as const) {
  it(`axe finds no WCAG 2.1 A/AA violations on a history page, an archived page with a diff and the approval log (${scheme})`, async () => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const p of ['politikker/adgangspolitik/versioner/', 'politikker/adgangspolitik/versioner/2025-09-01/', 'oversigt/godkendelser/']) {
      const response = await page.goto(`${origin}/${p}`);
      expect(response?.ok(), p).toBe(true);
      if (p.includes('2025-09-01')) {
        // The diff is there and reads without colour: the inserted text carries its spoken cue and visible marks.
        await expect(page.locator('.diff ins').first().innerText()).resolves.toMatch(/indsat:\s*\[\+\s*arbejdsbetinget/);
        await expect(page.locator('.diff del').first().innerText()).resolves.toMatch(/slettet:\s*\[-/);
      }
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const v = result.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      if (v.length) found[p] = v;
    }
    await context.close();
    expect(found).toEqual({});
  });
}
