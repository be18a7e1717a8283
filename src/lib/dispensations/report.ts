/** Dispensations in the review report (`npm run review`): expired and expiring ones, grouped by holder. */
import type { Handbook } from '../content/load.ts';
import { formatDate } from '../util/dates.ts';
import { buildRegister } from './register.ts';

/** One expired or expiring dispensation in the report. */
export interface DispensationReportRow {
  id: string;
  file: string;
  title: string;
  holder: string;
  approvalBody: string;
  expires: string;
  status: 'expired' | 'expiring';
  /** The document deviated from, e.g. `retningslinjer/kryptering#mobile-enheder`. */
  requirement: string;
}

/** The report's dispensation part. */
export interface DispensationReport {
  counts: { expired: number; expiring: number };
  /** Holders (`owner`) in name order, expired first within each. */
  owners: { owner: string; rows: DispensationReportRow[] }[];
}

/** Expired and expiring dispensations of a handbook on `today`. */
export function dispensationReport(handbook: Handbook, today: string): DispensationReport {
  const rows = (buildRegister(handbook, today, false)?.entries ?? [])
    .filter((e) => (e.status === 'expired' || e.status === 'expiring') && e.expires)
    .map((e): DispensationReportRow => ({
      id: e.id,
      file: e.file,
      title: e.title,
      holder: e.holder,
      approvalBody: e.approvalBody,
      expires: e.expires!,
      status: e.status as DispensationReportRow['status'],
      requirement: e.requirement.anchor ? `${e.requirement.id}#${e.requirement.anchor}` : e.requirement.id,
    }));
  const owners = [...new Set(rows.map((r) => r.holder))]
    .sort((a, b) => a.localeCompare(b, 'da'))
    .map((owner) => ({ owner, rows: rows.filter((r) => r.holder === owner) }));
  return {
    counts: { expired: rows.filter((r) => r.status === 'expired').length, expiring: rows.filter((r) => r.status === 'expiring').length },
    owners,
  };
}

const LABEL = { expired: 'UDLØBET', expiring: 'udløber snart' } as const;

/** Summary line of the dispensation part. */
function summary(report: DispensationReport, today: string): string {
  return `Dispensationer pr. ${formatDate(today)}: ${report.counts.expired} udløbet, ${report.counts.expiring} udløber snart.`;
}

/** The dispensation part as plain text lines; nothing when none has expired or is expiring. */
export function dispensationText(report: DispensationReport, today: string): string[] {
  if (!report.owners.length) return [];
  const lines = [summary(report, today), ''];
  for (const { owner, rows } of report.owners) {
    lines.push(owner);
    for (const r of rows)
      lines.push(`  [${LABEL[r.status]}] ${r.expires}  Dispensation: ${r.title} (${r.approvalBody}) fra ${r.requirement}  ${r.file}`);
    lines.push('');
  }
  return lines;
}

/** The dispensation part as Markdown lines; nothing when none has expired or is expiring. */
export function dispensationMarkdown(report: DispensationReport, today: string): string[] {
  if (!report.owners.length) return [];
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['## Dispensationer', '', summary(report, today), ''];
  for (const { owner, rows } of report.owners) {
    lines.push(`### ${cell(owner)}`, '', '| Status | Udløber | Dispensation | Givet af | Krav |', '| --- | --- | --- | --- | --- |');
    for (const r of rows)
      lines.push(
        `| ${LABEL[r.status]} | ${r.expires} | ${cell(r.title)} (\`${r.file}\`) | ${cell(r.approvalBody)} | \`${r.requirement}\` |`,
      );
    lines.push('');
  }
  return lines;
}
