import { appendFileSync, existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { createStaticServer } from '../../src/lib/build/static-server.ts';
import { cleanup, copyFixture, fixture, listFiles, readTree } from '../helpers/index.ts';
import { build, coverage, CSP, CSV, csvRecords, launch, read, row, SOA } from '../helpers/soa.ts';

const made: string[] = [];
afterAll(() => cleanup(...made));

let out: string;
let html: string;
beforeAll(() => {
  out = build(fixture('soa-valid'), made);
  html = read(out, 'intranet', SOA);
});

describe('the Statement of Applicability in the intranet edition', () => {
  it('counts coverage per theme and in total', () => {
    expect(coverage(html, '5 Organisatoriske foranstaltninger')).toEqual({
      total: 37,
      covered: 2,
      'not-covered': 35,
      excluded: 0,
      undecided: 0,
    });
    expect(coverage(html, '6 Personrelaterede foranstaltninger')).toEqual({
      total: 8,
      covered: 0,
      'not-covered': 8,
      excluded: 0,
      undecided: 0,
    });
    expect(coverage(html, '7 Fysiske foranstaltninger')).toEqual({ total: 14, covered: 0, 'not-covered': 13, excluded: 1, undecided: 0 });
    expect(coverage(html, '8 Teknologiske foranstaltninger')).toEqual({
      total: 34,
      covered: 2,
      'not-covered': 31,
      excluded: 1,
      undecided: 0,
    });
    expect(coverage(html, 'Egne foranstaltninger')).toEqual({ total: 2, covered: 2, 'not-covered': 0, excluded: 0, undecided: 0 });
    expect(coverage(html, 'I alt')).toEqual({ total: 95, covered: 6, 'not-covered': 87, excluded: 2, undecided: 0 });
  });

  it('shows an applicable control no approved document implements as not covered, also in the "not covered" list', () => {
    expect(row(html, '5.3')).toContain('soa-row--not-covered');
    expect(row(html, '5.3')).toContain('Ikke dækket');
    expect(row(html, '5.3')).toContain('Intet dokument');
    const list = /<section id="ikke-daekket"[\s\S]*?<\/section>/.exec(html)![0];
    expect(list).toContain('(87)');
    expect(list).toContain('href="#kontrol-5.3"');
    expect(list).not.toContain('href="#kontrol-5.1"');
    // A retired document covers nothing.
    expect(row(html, '6.1')).toContain('Ikke dækket');
    expect(html).not.toContain('Udgået regel om screening');
  });

  it('lists implementing documents with links and review status, and excluded controls with their justification', () => {
    expect(row(html, '8.24')).toMatch(/<a href="\/regler\/intern-regel\/">Zebrafinke-regel for kryptering<\/a>.*Revision overskredet/);
    expect(row(html, '5.1')).toContain('href="/politikker/offentlig-politik/"');
    expect(row(html, '5.1')).toMatch(/Gældende/);
    expect(row(html, '8.30')).toContain('soa-row--excluded');
    expect(row(html, '8.30')).toContain('Vi outsourcer ikke udvikling.');
    expect(row(html, '7.12')).toContain('Udlejer står for kabelføringen.');
    expect(row(html, 'TST-1')).toContain('Okapi-foranstaltningen for serverrum');
    expect(row(html, 'TST-1')).toContain('Dækket');
  });

  it('links each document page to its controls, and every such link has its row', () => {
    const doc = read(out, 'intranet', 'regler/intern-regel/index.html');
    const links = [...doc.matchAll(/href="\/anvendelseserklaering\/#(kontrol-[^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(['kontrol-5.1', 'kontrol-8.24', 'kontrol-TST-1']);
    for (const anchor of links) expect(html).toContain(`id="${anchor}"`);
  });

  it('exports a CSV that parses into 93 Annex A controls plus the own measures', () => {
    const records = csvRecords(read(out, 'intranet', CSV));
    expect(records[0]).toEqual(['Id', 'Tema', 'Kontrol', 'Anvendelig', 'Begrundelse', 'Status', 'Dokumenter', 'Adresser']);
    expect(records).toHaveLength(1 + 93 + 2);
    const byId = new Map(records.slice(1).map((r) => [r[0], r]));
    expect(byId.get('5.3')![5]).toBe('Ikke dækket');
    expect(byId.get('8.24')!.slice(5)).toEqual([
      'Dækket',
      'Zebrafinke-regel for kryptering (Revision overskredet)',
      'https://intra.example.dk/regler/intern-regel/',
    ]);
    expect(byId.get('8.30')!.slice(3, 6)).toEqual(['Nej', 'Vi outsourcer ikke udvikling.', 'Fravalgt']);
    expect(byId.get('TST-2')![1]).toBe('Egne foranstaltninger');
  });

  it('puts nothing of the statement in the public edition by default', () => {
    const files = listFiles(path.join(out, 'public'));
    expect(files.filter((f) => f.includes('anvendelseserklaering'))).toEqual([]);
    for (const [file, text] of readTree(path.join(out, 'public'))) {
      for (const secret of ['Anvendelseserklæring', 'anvendelseserklaering', 'kontrol-5.1', 'Okapi', 'TST-1', 'Vi outsourcer']) {
        expect(text.includes(secret), `${secret} in public/${file}`).toBe(false);
      }
    }
    expect(read(out, 'public', 'politikker/offentlig-politik/index.html')).toMatch(/<dd>5\.1, 5\.2, TST-2<\/dd>/);
  });
});

describe('the Statement of Applicability with publishSoa and drafts', () => {
  let published: string;
  beforeAll(() => {
    const content = copyFixture('soa-valid');
    made.push(path.dirname(content));
    appendFileSync(path.join(content, 'handbook.yaml'), 'publishSoa: true\n');
    published = build(content, made, { HANDBOOK_DRAFTS: '1' });
  });

  it('lists a draft under its control on the intranet without counting it as coverage', () => {
    const drafts = read(published, 'intranet', SOA);
    expect(row(drafts, '5.3')).toMatch(/Kladde om funktionsadskillelse<\/a>.*\(kladde\)/);
    expect(row(drafts, '5.3')).toContain('Ikke dækket');
  });

  it('publishes only the controls public documents carry, with only public documents', () => {
    const pub = read(published, 'public', SOA);
    expect([...pub.matchAll(/<tr id="kontrol-([^"]+)"/g)].map((m) => m[1])).toEqual(['5.1', '5.2', 'TST-2']);
    expect(row(pub, '5.1')).toContain('href="/politikker/offentlig-politik/"');
    expect(row(pub, '5.1')).not.toContain('intern-regel');
    expect(pub).not.toContain('id="ikke-daekket"');
    expect(pub).not.toContain('id="daekning"');
    const records = csvRecords(read(published, 'public', CSV));
    expect(records.map((r) => r[0])).toEqual(['Id', '5.1', '5.2', 'TST-2']);
    expect(records[1]![7]).toBe('https://www.example.dk/politikker/offentlig-politik/');
    for (const [file, text] of readTree(path.join(published, 'public'))) {
      for (const secret of ['Okapi', 'TST-1', 'Zebrafinke', 'intern-regel', 'Vi outsourcer', 'Udlejer', 'kontrol-8.24']) {
        expect(text.includes(secret), `${secret} in public/${file}`).toBe(false);
      }
    }
    expect(existsSync(path.join(published, 'public', 'regler'))).toBe(false);
    expect(read(published, 'public', 'politikker/offentlig-politik/index.html')).toContain(
      '<a href="/anvendelseserklaering/#kontrol-TST-2">TST-2</a>',
    );
  });
});

describe('the Statement of Applicability in a browser without JavaScript', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createStaticServer({ root: path.join(out, 'intranet'), headers: { 'Content-Security-Policy': CSP } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Which sections of the page are shown at a fragment. */
  async function shown(page: Page, fragment: string): Promise<string[]> {
    await page.goto(`${origin}/anvendelseserklaering/${fragment}`);
    return page.locator('.soa-group').evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.id));
  }

  it('filters by theme and by "not covered" with links alone, and prints without the filter', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const themes = ['tema-5', 'tema-6', 'tema-7', 'tema-8', 'egne-foranstaltninger'];
    expect(await shown(page, '')).toEqual(themes);
    expect(await shown(page, '#alle')).toEqual(themes);
    expect(await shown(page, '#tema-6')).toEqual(['tema-6']);
    expect(await shown(page, '#ikke-daekket')).toEqual(['ikke-daekket']);
    expect(await shown(page, '#kontrol-8.24')).toEqual(themes);
    await page.locator('.soa-filter a[href="#tema-7"]').click();
    expect(await page.locator('#tema-7').isVisible()).toBe(true);
    expect(await page.locator('#tema-5').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.soa-filter').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no WCAG 2.1 A/AA violations in light or dark colours', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      for (const fragment of ['', '#ikke-daekket']) {
        await page.goto(`${origin}/anvendelseserklaering/${fragment}`);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(
          result.violations.map(
            (v) =>
              `${colorScheme} ${fragment}: ${v.id} ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(' | ')}`,
          ),
        ).toEqual([]);
      }
      await context.close();
    }
  });
});
