import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { editions, launch, newContext, openPage } from './browser.ts';

/** The review banner as the reader sees it: visible or not, its classes and text. */
async function bannerAt(browser: Browser, url: string, readerDate: string) {
  const context = await newContext(browser);
  const { page, log } = await openPage(context);
  await page.clock.setFixedTime(new Date(`${readerDate}T10:00:00`));
  await page.goto(url);
  const banner = page.locator('[data-review-banner]');
  const result = {
    visible: await banner.isVisible(),
    className: (await banner.getAttribute('class')) ?? '',
    text: (await banner.textContent())?.replace(/\s+/g, ' ').trim() ?? '',
    role: await banner.getAttribute('role'),
    errors: log.errors,
  };
  await context.close();
  return result;
}

describe('review banner re-checked in the reader’s browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  // Built with HANDBOOK_TODAY=2026-11-29; its next review is 2027-06-04, so it was current then.
  const page = () => `${editions().intranet.url}retningslinjer/kryptering/`;

  it('stays hidden while the document is current for the reader', async () => {
    const banner = await bannerAt(browser, page(), '2026-12-01');
    expect(banner.visible).toBe(false);
    expect(banner.errors).toEqual([]);
  });

  it('shows the overdue banner when the reader’s clock is past the next review, without a rebuild', async () => {
    const banner = await bannerAt(browser, page(), '2027-07-01');
    expect(banner.visible).toBe(true);
    expect(banner.role).toBe('status');
    expect(banner.className).toContain('banner--overdue');
    expect(banner.text).toBe(
      'Revision overskredet: Dette dokument skulle have været revideret senest 4. juni 2027. Indholdet kan være forældet; kontakt ejeren, før du handler på det.',
    );
  });

  it('shows the due-soon banner inside the window', async () => {
    const banner = await bannerAt(browser, page(), '2027-05-20');
    expect(banner.visible).toBe(true);
    expect(banner.className).toContain('banner--due-soon');
    expect(banner.text).toBe('Revision snart: Dette dokument skal revideres senest 4. juni 2027.');
  });
});
