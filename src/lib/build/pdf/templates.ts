/** Chromium's header and footer templates: printed in the page margins of every page, with the page numbers. */
import { strings } from '../../../strings/index.ts';
import { formatDate } from '../../util/dates.ts';
import { escapeHtml } from './print-doc.ts';

/** Page margins; the templates are indented by the same amount so they line up with the text. */
export const MARGIN = { top: '16mm', bottom: '20mm', left: '18mm', right: '18mm' };

/** Templates run in their own tiny page: they need their own font size and colour (Chromium's default is 0-size-ish). */
const BOX = `font-family: system-ui, sans-serif; font-size: 7.5pt; color: #333; width: 100%; margin: 0 ${MARGIN.right} 0 ${MARGIN.left};`;

/** The header: organisation and handbook title on the left, the edition on the right. */
export function headerTemplate(left: string, right: string): string {
  return `<div style="${BOX} display: flex; justify-content: space-between; gap: 4mm;"><span>${escapeHtml(left)}</span><span>${escapeHtml(right)}</span></div>`;
}

/** The footer: the uncontrolled-copy line with the date of printing and where the valid version is, and "side N af M". */
export function footerTemplate(lang: 'da' | 'en', today: string, valid: string): string {
  const t = strings(lang).pdf;
  const page = t.page('<span class="pageNumber"></span>', '<span class="totalPages"></span>');
  return (
    `<div style="${BOX} display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm; border-top: 0.5pt solid #999; padding-top: 1.5mm;">` +
    `<span>${escapeHtml(t.uncontrolled(formatDate(today, lang), valid))}</span><span style="white-space: nowrap;">${page}</span></div>`
  );
}
