/**
 * An edition deployed under a sub-path of a larger website (as the statistics office deploys the public subset):
 * both editions of the sample, and the English search fixture, built with a three-segment base path and served by
 * nginx with `alias` and the generated snippet. Search results, every reference of every page, the sitemap, feeds,
 * calendar, SoA CSV and the 404 page must all land inside the edition.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, copyFixture, ROOT, runScript, tempDir } from '../helpers/index.ts';
import { initRepo } from '../helpers/git.ts';
import { launch, openPage } from './browser.ts';
import { startNginx, type RunningNginx } from './nginx.ts';
import { query } from '../../scripts/bench/measure/search-query.ts';
import { checkAbsolute, checkReferences, servedPages } from './served-links.ts';

const BASE = '/da/OmDS/informationssikkerhed/';
const SITES = { intranet: 'https://intranet.dst.dk', public: 'https://www.dst.dk' } as const;
type Name = 'intranet' | 'public' | 'english';

/** Points both editions of a content folder's handbook.yaml at `BASE`. */
function setBase(content: string): void {
  const file = path.join(content, 'handbook.yaml');
  const yaml = readFileSync(file, 'utf8').replace(/^editions:\n(?: {2}.*\n)*/m, '');
  writeFileSync(
    file,
    `${yaml.trimEnd()}\neditions:\n${Object.entries(SITES)
      .map(([e, site]) => `  ${e}: { site: "${site}", base: "${BASE}" }`)
      .join('\n')}\n`,
  );
}

/** Builds `content` into a fresh folder (both editions, or those given); fails the setup with the build's output. */
function build(content: string, editions: string[] = []): string {
  const out = tempDir('handbook-base-');
  const result = runScript('build', { HANDBOOK_CONTENT: content, HANDBOOK_OUT: out, HANDBOOK_TODAY: '2026-11-29' }, editions);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}

const made: string[] = [];
const served = {} as Record<Name, { dir: string; url: string; nginx: RunningNginx }>;
let browser: Browser;

beforeAll(async () => {
  // The sample handbook in a Git repository of its own, so the intranet has its history pages and feeds entries.
  const repo = tempDir('handbook-base-repo-');
  cpSync(path.join(ROOT, 'content'), path.join(repo, 'content'), { recursive: true });
  cpSync(path.join(ROOT, 'CODEOWNERS'), path.join(repo, 'CODEOWNERS'));
  setBase(path.join(repo, 'content'));
  initRepo(repo, '2026-11-02');
  const english = copyFixture('search');
  setBase(english);
  const sample = build(path.join(repo, 'content'));
  const fixtureOut = build(english, ['public']);
  made.push(repo, path.dirname(english), sample, fixtureOut);
  const dirs: Record<Name, string> = {
    intranet: path.join(sample, 'intranet'),
    public: path.join(sample, 'public'),
    english: path.join(fixtureOut, 'public'),
  };
  for (const name of Object.keys(dirs) as Name[]) {
    const nginx = await startNginx([{ dir: dirs[name], base: BASE }]);
    served[name] = { dir: dirs[name], url: `${nginx.origin}${BASE}`, nginx };
  }
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(served).map(({ nginx }) => nginx.stop()));
  cleanup(...made);
});

describe(`search under the base path ${BASE} (nginx, alias)`, () => {
  for (const [name, term, title, target] of [
    ['intranet', 'leverandører', 'Retningslinje for leverandørstyring', 'retningslinjer/leverandoerstyring/'],
    ['public', 'leverandører', 'Retningslinje for leverandørstyring', 'retningslinjer/leverandoerstyring/'],
    ['english', 'publishing', 'Openness policy', 'politikker/openness-policy/'],
  ] as const) {
    it(`${name}: a result links to its page once under the base, and following it opens the page`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      const { page, log } = await openPage(context);
      await page.goto(`${served[name].url}soeg/`);
      await page.locator('pagefind-input input').waitFor();
      const found = await query(page, term);
      expect(found.titles).toContain(title);
      const link = page.locator('.search-hit-link', { hasText: title }).first();
      expect(await link.getAttribute('href')).toBe(`${BASE}${target}`);
      const [response] = await Promise.all([page.waitForEvent('response', (r) => r.request().isNavigationRequest()), link.click()]);
      expect(response.status()).toBe(200);
      expect(page.url()).toBe(`${served[name].url}${target}`);
      expect(await page.locator('h1').innerText()).toBe(title);
      expect(log.cspViolations).toEqual([]);
      expect(log.errors).toEqual([]);
      await context.close();
    });
  }
});

describe(`every reference under the base path ${BASE}`, () => {
  for (const name of ['intranet', 'public', 'english'] as const) {
    it(`${name}: every href, src and action of every page stays under the base and answers 200`, async () => {
      const pages = servedPages(served[name].dir, served[name].url);
      const { faults, checked } = await checkReferences(pages, served[name].url);
      expect(faults).toEqual([]);
      // The premise: the pages were read and link to one another (navigation, assets), so the check had work.
      expect(pages.length).toBeGreaterThan(name === 'english' ? 5 : 10);
      expect(checked).toBeGreaterThan(pages.length * 5);
    });
  }

  it('the check itself reports a link that leaves the base, a missing page and a missing fragment', async () => {
    const url = served.public.url;
    const html = `<a href="/retningslinjer/leverandoerstyring/">a</a><a href="${BASE}findes-ikke/">b</a><a href="${BASE}#nope">c</a>`;
    const { faults } = await checkReferences([{ pageUrl: `${url}soeg/`, html }], url);
    expect(faults).toEqual([
      `${BASE}soeg/ -> /retningslinjer/leverandoerstyring/ (outside ${url})`,
      `${BASE}soeg/ -> ${BASE}findes-ikke/: HTTP 404`,
      `${BASE}soeg/ -> ${BASE}#nope: no id "nope"`,
    ]);
  });

  /** A data file of an edition, as text. */
  const data = (name: Name, file: string) => readFileSync(path.join(served[name].dir, file), 'utf8');
  /** The site URL an edition's absolute links must start with. */
  const site = (name: Name) => `${name === 'intranet' ? SITES.intranet : SITES.public}${BASE}`;

  for (const name of ['intranet', 'public'] as const) {
    it(`${name}: the sitemap and the Atom feed name only pages under the site and base, and each is served`, async () => {
      const xml = new XMLParser({ ignoreAttributes: false });
      const sitemap = xml.parse(data(name, 'sitemap.xml')) as { urlset: { url: { loc: string }[] } };
      const locs = [sitemap.urlset.url].flat().map((u) => u.loc);
      const feed = xml.parse(data(name, 'seneste-aendringer.atom')) as {
        feed: { link: { '@_href': string }[]; entry?: { link: { '@_href': string } }[] };
      };
      const links = [...[feed.feed.link].flat(), ...[feed.feed.entry ?? []].flat().map((e) => e.link)].map((l) => l['@_href']);
      expect(locs.length).toBeGreaterThan(3);
      // The intranet feed has entries: the sample is in Git here.
      if (name === 'intranet') expect(links.length).toBeGreaterThan(2);
      expect(await checkAbsolute([...locs, ...links], site(name), served[name].url)).toEqual([]);
    });
  }

  it('intranet: review.ics and the SoA CSV link every document under the site and base', async () => {
    const calendar = new ICAL.Component(ICAL.parse(data('intranet', 'review.ics')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('url')));
    expect(events.length).toBeGreaterThan(10);
    const rows = parseCsv(data('intranet', 'anvendelseserklaering/anvendelseserklaering.csv'), {
      bom: true,
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    const addresses = rows.flatMap((r) => (r['Adresser'] ?? '').split('\n').filter(Boolean));
    expect(addresses.length).toBeGreaterThan(10);
    expect(await checkAbsolute([...events, ...addresses], site('intranet'), served.intranet.url)).toEqual([]);
  });

  for (const name of ['intranet', 'public'] as const) {
    it(`${name}: a missing URL gets the 404 page, whose links and styles work from where it is served`, async () => {
      const missing = `${served[name].url}findes/ikke/her/`;
      const response = await fetch(missing);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toBe(readFileSync(path.join(served[name].dir, '404.html'), 'utf8'));
      expect((await checkReferences([{ pageUrl: missing, html }], served[name].url)).faults).toEqual([]);
      const context = await browser.newContext();
      const { page, log } = await openPage(context);
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400 && r.url() !== missing) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(missing);
      // The stylesheet applied: the header's accent border is drawn.
      expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).borderBottomStyle)).toBe('solid');
      expect(failed).toEqual([]);
      expect(log.cspViolations).toEqual([]);
      await context.close();
    });
  }
});
