/** The Statement of Applicability as CSV for auditors: one row per control and own measure. */
import type { Strings } from '../../strings/da.ts';
import { groupName, type SoaModel, type SoaRow } from './model.ts';

/** Danish spreadsheets expect `;` between fields, since `,` is the decimal sign. */
export const CSV_DELIMITER = ';';

/** Quotes a field when needed and defuses text a spreadsheet would run as a formula. */
export function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record of a row; documents one per line within their cell. */
function record(row: SoaRow, t: Strings, docHref: (id: string) => string): string[] {
  const applicable = row.decision ? (row.decision.applicable ? t.soa.yes : t.soa.no) : '';
  const docs = row.docs.map((d) => {
    const status = d.status === 'draft' ? t.draftLabel : d.review ? t.review[d.review] : '';
    return status ? `${d.title} (${status})` : d.title;
  });
  return [
    row.id,
    groupName(row.group, t.soa.ownMeasures),
    row.title,
    applicable,
    row.decision?.justification ?? '',
    t.soa.states[row.state],
    docs.join('\n'),
    row.docs.map((d) => docHref(d.id)).join('\n'),
  ];
}

/** The whole statement as CSV text: UTF-8 byte order mark, header row, CRLF line ends. */
export function soaCsv(soa: SoaModel, t: Strings, docHref: (id: string) => string): string {
  const c = t.soa.columns;
  const header = [c.id, c.theme, c.control, c.applicable, c.justification, c.state, c.documents, c.urls];
  return csvDocument([header, ...soa.rows.map((r) => record(r, t, docHref))]);
}

/** CSV text for Danish spreadsheets: UTF-8 byte order mark, `;` between fields, CRLF line ends. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((cells) => cells.map(field).join(CSV_DELIMITER)).join('\r\n')}\r\n`;
}
