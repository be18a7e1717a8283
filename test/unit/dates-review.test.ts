import { describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDate, isIsoDate, todayInCopenhagen } from '../../src/lib/util/dates.ts';
import { reviewStatus } from '../../src/lib/review/status.ts';
import { inEdition } from '../../src/lib/config/editions.ts';

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-4-9')).toBe(false);
  });
  it('adds months clamping to the last day', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-04-09', 12)).toBe('2026-04-09');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('uses the Copenhagen calendar day', () => {
    expect(todayInCopenhagen(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(formatDate('2025-04-09')).toBe('9. april 2025');
  });
});

describe('review status', () => {
  it('is overdue only once the date has passed, due soon inside the window', () => {
    expect(reviewStatus('2026-11-28', '2026-11-29', 30)).toBe('overdue');
    expect(reviewStatus('2026-11-29', '2026-11-29', 30)).toBe('due-soon');
    expect(reviewStatus('2026-12-29', '2026-11-29', 30)).toBe('due-soon');
    expect(reviewStatus('2026-12-30', '2026-11-29', 30)).toBe('current');
    expect(reviewStatus(undefined, '2026-11-29', 30)).toBeUndefined();
  });
});

describe('editions', () => {
  const doc = (status: 'draft' | 'approved' | 'retired', audience: 'public' | 'internal') => ({ status, audience });
  it('puts only approved public documents in the public edition, drafts or not', () => {
    expect(inEdition(doc('approved', 'public'), 'public', { drafts: false })).toBe(true);
    expect(inEdition(doc('approved', 'internal'), 'public', { drafts: false })).toBe(false);
    expect(inEdition(doc('draft', 'public'), 'public', { drafts: true })).toBe(false);
    expect(inEdition(doc('retired', 'public'), 'public', { drafts: false })).toBe(false);
  });
  it('puts approved documents, and drafts only when asked, in the intranet', () => {
    expect(inEdition(doc('approved', 'internal'), 'intranet', { drafts: false })).toBe(true);
    expect(inEdition(doc('draft', 'internal'), 'intranet', { drafts: false })).toBe(false);
    expect(inEdition(doc('draft', 'internal'), 'intranet', { drafts: true })).toBe(true);
    expect(inEdition(doc('retired', 'internal'), 'intranet', { drafts: true })).toBe(false);
  });
});
