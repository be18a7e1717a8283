/** Re-checks review banners against the reader's own date, so a page built long ago still warns. */
import { reviewStatus } from '../lib/review/status.ts';

/** The reader's calendar date as `YYYY-MM-DD`. */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

for (const banner of document.querySelectorAll<HTMLElement>('[data-review-banner]')) {
  const { nextReview, dueSoonDays, textOverdue, textDueSoon, labelOverdue, labelDueSoon } = banner.dataset;
  const status = reviewStatus(nextReview, localToday(), Number(dueSoonDays ?? 30));
  if (!status) continue;
  banner.classList.toggle('banner--overdue', status === 'overdue');
  banner.classList.toggle('banner--due-soon', status === 'due-soon');
  banner.hidden = status === 'current';
  const label = banner.querySelector('strong');
  const body = banner.querySelector('span');
  if (label) label.textContent = `${status === 'overdue' ? labelOverdue : status === 'due-soon' ? labelDueSoon : ''}:`;
  if (body) body.textContent = (status === 'overdue' ? textOverdue : status === 'due-soon' ? textDueSoon : '') ?? '';
}
