/** Dispensations in the browser: the register and a dispensation page pass axe, read without JavaScript, and re-check expiry. */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editions, launch, newContext, openPage } from './browser.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const register = () => `${editions().intranet.url}dispensationer/`;
// The sample's supplier dispensation expires 2026-12-20: within 30 days of the build date 2026-11-29.
const expiring = () => `${register()}leverandoer-uden-revisionserklaering/`;
// The acute one expires 2027-02-28: active at build time.
const active = () => `${register()}delt-administratorkonto-under-nedbrud/`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The banner as a reader on `readerDate` sees it. */
async function bannerAt(url: string, readerDate: string) {
  const context = await newContext(browser);
  const { page, log } = await openPage(context);
  await page.clock.setFixedTime(new Date(`${readerDate}T10:00:00`));
  await page.goto(url);
  const banner = page.locator('[data-review-banner]');
  const result = {
    visible: await banner.isVisible(),
    className: (await banner.getAttribute('class')) ?? '',
    text: (await banner.textContent())?.replace(/\s+/g, ' ').trim() ?? '',
    errors: log.errors,
  };
  await context.close();
  return result;
}

describe('dispensations in the browser', () => {
  for (const [name, url] of [
    ['the register', register],
    ['a dispensation page', expiring],
  ] as const) {
    it(`${name} has no WCAG 2.1 A/AA violations, in light and dark`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await newContext(browser, { colorScheme });
        const { page, log } = await openPage(context);
        await page.goto(url());
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
        expect(log.errors).toEqual([]);
        await context.close();
      }
    });
  }

  it('reads the register without JavaScript: groups, counts and links', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const { page } = await openPage(context);
    await page.goto(register());
    expect((await page.locator('h2').allTextContents()).map((s) => s.trim())).toEqual([
      'Aktive (1)',
      'Udløber snart (1)',
      'Udløbet (1)',
      'Anmodninger (1)',
    ]);
    await page.getByRole('link', { name: 'Dispensation for leverandør af scanningsløsning uden revisionserklæring' }).click();
    await page.waitForURL(expiring());
    expect(await page.locator('h1').textContent()).toBe('Dispensation for leverandør af scanningsløsning uden revisionserklæring');
    await context.close();
  });

  it('keeps the expiring banner for a reader before expiry and turns it into "expired" after, without a rebuild', async () => {
    const before = await bannerAt(expiring(), '2026-12-01');
    expect(before.visible).toBe(true);
    expect(before.className).toContain('banner--due-soon');
    expect(before.text).toBe(
      'Udløber snart: Denne dispensation udløber 20. december 2026. Søg om forlængelse i god tid, hvis afvigelsen skal fortsætte.',
    );
    expect(before.errors).toEqual([]);
    const after = await bannerAt(expiring(), '2027-01-05');
    expect(after.visible).toBe(true);
    expect(after.className).toContain('banner--overdue');
    expect(after.text).toBe(
      'Udløbet: Denne dispensation udløb 20. december 2026. Kravet gælder igen fuldt ud, indtil en forlængelse er godkendt.',
    );
  });

  it('shows no banner on an active dispensation until the reader’s date nears its expiry', async () => {
    expect((await bannerAt(active(), '2026-12-01')).visible).toBe(false);
    const soon = await bannerAt(active(), '2027-02-10');
    expect(soon.visible).toBe(true);
    expect(soon.text).toMatch(/^Udløber snart: Denne dispensation udløber 28\. februar 2027\./);
  });
});
