/** Chromium's header and footer templates: printed in the page margins of every page, with the page numbers. */
import { strings } from '../../../strings/index.ts';
import { formatDate } from '../../util/dates.ts';
import { escapeHtml } from '../../util/html.ts';

/** Page margins; the templates are indented by the same amount so they line up with the text. */
export const MARGIN = { top: '16mm', bottom: '20mm', left: '18mm', right: '18mm' };

/** Templates run in their own tiny page: they need their own font size and colour (Chromium's default is 0-size-ish). */
const BOX = `font-family: system-ui, sans-serif; font-size: 7.5pt; color: #333; width: 100%; margin: 0 ${MARGIN.right} 0 ${MARGIN.left};`;

/** The header: organisation and handbook title on the left, the edition on the right. */
export function headerTemplate(left: string, right: string): string {
  return `<div style="${BOX} display: flex; justify-content: space-between; gap: 4mm;"><span>${escapeHtml(left)}</span><span>${escapeHtml(right)}</span></div>`;
}

/**
 * The footer: the uncontrolled-copy line with the date of printing and where the valid version is, and "side N af M"
 * unless `pageNumbers` is false (the handbook's front matter, whose page numbers are the handbook's, see `stampTemplate`).
 */
export function footerTemplate(lang: 'da' | 'en', today: string, valid: string, pageNumbers = true): string {
  const t = strings(lang).pdf;
  const page = pageNumbers ? t.page('<span class="pageNumber"></span>', '<span class="totalPages"></span>') : '';
  return (
    `<div style="${BOX} display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm; border-top: 0.5pt solid #999; padding-top: 1.5mm;">` +
    `<span>${escapeHtml(t.uncontrolled(formatDate(today, lang), valid))}</span><span style="white-space: nowrap;">${page}</span></div>`
  );
}

/**
 * The handbook's own page number, "side N af M · ", laid over the header of every page it joined: set out like the
 * header, with its texts hidden (they take their room but are not printed), so it ends just left of the edition.
 */
export function stampTemplate(left: string, right: string): string {
  const page = strings('da').pdf.page('<span class="pageNumber"></span>', '<span class="totalPages"></span>');
  return (
    `<div style="${BOX} display: flex; justify-content: space-between; gap: 4mm;"><span style="visibility: hidden;">${escapeHtml(left)}</span>` +
    `<span>${page} · <span style="visibility: hidden;">${escapeHtml(right)}</span></span></div>`
  );
}

/** What one page's footer says: in the document's language, where its valid version is, and its page of the document's. */
export interface FooterStamp {
  lang: 'da' | 'en';
  valid: string;
  page: number;
  pages: number;
}

/**
 * The documents' footers, one page each, printed once all documents are printed as one (their page numbers are known
 * only then) and laid over their pages (`stamp.ts`): as the footer template looked, in the bottom margin.
 */
export function footerPages(today: string, footers: readonly FooterStamp[]): string {
  const style =
    `<style>@page { size: A4; margin: 0; } body { margin: 0; } .stamp { position: relative; height: 296mm; overflow: hidden; break-after: page; }` +
    ` .stamp:last-child { break-after: auto; } .stamp > div { position: absolute; left: ${MARGIN.left}; right: ${MARGIN.right}; bottom: 5mm;` +
    ` font-family: system-ui, sans-serif; font-size: 7.5pt; color: #333; display: flex; justify-content: space-between; align-items: flex-end;` +
    ` gap: 6mm; border-top: 0.5pt solid #999; padding-top: 1.5mm; } .stamp span:last-child { white-space: nowrap; }</style>`;
  const pages = footers.map(({ lang, valid, page, pages: of }) => {
    const t = strings(lang).pdf;
    return `<div class="stamp"><div lang="${lang}"><span>${escapeHtml(t.uncontrolled(formatDate(today, lang), valid))}</span><span>${t.page(String(page), String(of))}</span></div></div>`;
  });
  return style + pages.join('');
}
