/** The register of dispensations as CSV for the committee and internal audit: one row per dispensation. */
import type { Strings } from '../../strings/da.ts';
import { csvText } from '../soa/csv.ts';
import type { DispensationManifest, RegisterEntry } from './register.ts';

/** Where a register entry's links point, as absolute addresses. */
export interface RegisterHrefs {
  /** A document page (or anchor on it), e.g. `https://intra/retningslinjer/kryptering/#mobile-enheder`. */
  doc: (id: string, anchor?: string) => string;
}

/** One CSV record of an entry. */
function record(e: RegisterEntry, t: Strings, hrefs: RegisterHrefs): string[] {
  const requirement = e.requirement.heading ? `${e.requirement.title}: ${e.requirement.heading}` : e.requirement.title;
  return [
    t.dispensations.states[e.status],
    e.title,
    requirement,
    hrefs.doc(e.requirement.id, e.requirement.anchor),
    e.holder,
    e.approvalBody,
    e.approvedOn ?? '',
    e.expires ?? '',
    e.controls.join(', '),
    e.acute ? t.soa.yes : t.soa.no,
    e.acute?.decidedOn ?? '',
    e.acute ? (e.acute.reportedOn ?? t.dispensations.notReported) : '',
    e.page ? hrefs.doc(e.id) : '',
  ];
}

/** The whole register as CSV text (UTF-8 byte order mark, `;`, CRLF), in register order. */
export function registerCsv(register: DispensationManifest, t: Strings, hrefs: RegisterHrefs): string {
  const c = t.dispensations.columns;
  const header = [
    c.status,
    c.title,
    c.requirement,
    `${c.requirement} (${c.url.toLowerCase()})`,
    c.holder,
    c.grantedBy,
    c.grantedOn,
    c.expires,
    c.controls,
    c.acute,
    c.decidedOn,
    c.reportedOn,
    c.url,
  ];
  return csvText([header, ...register.entries.map((e) => record(e, t, hrefs))]);
}
