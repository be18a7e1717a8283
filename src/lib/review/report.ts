import type { Handbook } from '../content/load.ts';
import type { GitData } from '../git/history.ts';
import { countReview, groupReview, reviewStatus, type ReviewStatus } from './status.ts';
import { addMonths, formatDate } from '../util/dates.ts';
import { dispensationMarkdown, dispensationReport, dispensationText, type DispensationReport } from '../dispensations/report.ts';
import type { ApprovalRecord } from '../git/versions.ts';

/** One approved document in the review report. */
export interface ReportRow {
  id: string;
  file: string;
  title: string;
  type: string;
  owner: string;
  approvalBody: string;
  approvedOn: string;
  nextReview: string;
  status: ReviewStatus;
  /** True or false when Git could tell; null when history was missing. */
  changedSinceApproval: boolean | null;
  /** Every approval recorded in Git, oldest first; null when history was missing. */
  approvals: ApprovalRecord[] | null;
  /** The date of the last recorded approval (Git), else `approvedOn`, e.g. `2025-09-01`. */
  lastApproval: string;
  /** True when the last approval is older than the type's review interval (12 months when none is set), whatever `nextReview` says. */
  approvalExpired: boolean;
}

/** The review interval of a type in months: `reviewIntervalMonths`, or the policy's yearly review. */
const intervalOf = (handbook: Handbook, type: string) =>
  (handbook.settings.reviewIntervalMonths as Record<string, number | undefined>)[type] ?? 12;

/** The review report: every approved document, counts, and whether Git history was available. */
export interface ReviewReport {
  today: string;
  counts: Record<ReviewStatus | 'changedSinceApproval', number>;
  gitAvailable: boolean;
  gitNote?: string;
  /** Owners in name order, each with rows overdue first. */
  owners: { owner: string; rows: ReportRow[] }[];
  /** Expired and expiring dispensations, grouped by holder. */
  dispensations: DispensationReport;
}

/** A document's recorded approvals and whether the last one is older than its review interval. */
function approvalFacts(handbook: Handbook, git: GitData, d: Handbook['docs'][number], today: string) {
  const approvals = git.summary.available ? (git.docs.get(d.file)?.approvals ?? []) : null;
  const lastApproval = approvals?.at(-1)?.approvedOn ?? d.data.approvedOn!;
  return { approvals, lastApproval, approvalExpired: addMonths(lastApproval, intervalOf(handbook, d.data.type)) < today };
}

/** Builds the review report of every approved document against `today`. */
export function buildReport(handbook: Handbook, git: GitData, today: string): ReviewReport {
  const rows: ReportRow[] = handbook.docs
    .filter((d) => d.data.status === 'approved' && d.data.nextReview && d.data.approvedOn)
    .map((d) => ({
      id: d.id,
      file: d.displayPath,
      title: d.data.title,
      type: d.data.type,
      owner: d.data.owner,
      approvalBody: d.data.approvalBody,
      approvedOn: d.data.approvedOn!,
      nextReview: d.data.nextReview!,
      status: reviewStatus(d.data.nextReview, today, handbook.settings.dueSoonDays)!,
      changedSinceApproval: git.summary.available ? (git.docs.get(d.file)?.changedSinceApproval ?? false) : null,
      ...approvalFacts(handbook, git, d, today),
    }));
  const owners = groupReview(rows, 'owner').map((g) => ({ owner: g.name, rows: g.rows }));
  return {
    today,
    counts: countReview(rows),
    gitAvailable: git.summary.available,
    gitNote: git.summary.reason,
    owners,
    dispensations: dispensationReport(handbook, today),
  };
}

const LABEL: Record<ReviewStatus, string> = { overdue: 'OVERSKREDET', 'due-soon': 'snart', current: 'gældende' };
const changedText = (row: ReportRow) => (row.changedSinceApproval ? ' · ændret efter godkendelse' : '');

/** A summary line: counts and, without Git history, that changes since approval could not be told. */
function summary(report: ReviewReport): string {
  const c = report.counts;
  const git = report.gitAvailable
    ? `${c.changedSinceApproval} ændret efter godkendelse`
    : `ændringer efter godkendelse kunne ikke afgøres (${report.gitNote})`;
  return `Revisionsstatus pr. ${formatDate(report.today)}: ${c.overdue} overskredet, ${c['due-soon']} snart, ${c.current} gældende; ${git}.`;
}

/** The report as plain text for a terminal. */
export function formatText(report: ReviewReport): string {
  const lines = [summary(report), ''];
  for (const { owner, rows } of report.owners) {
    lines.push(owner);
    for (const r of rows) lines.push(`  [${LABEL[r.status]}] ${r.nextReview}  ${r.title} (${r.approvalBody})${changedText(r)}  ${r.file}`);
    lines.push('');
  }
  lines.push(...dispensationText(report.dispensations, report.today));
  return lines.join('\n');
}

/** The report as Markdown, for a pull-request comment, an issue or a CI job summary. */
export function formatMarkdown(report: ReviewReport): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['## Revisionsrapport', '', summary(report), ''];
  for (const { owner, rows } of report.owners) {
    lines.push(
      `### ${cell(owner)}`,
      '',
      '| Status | Næste revision | Dokument | Godkendt af | Ændret efter godkendelse |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const r of rows) {
      const changed = r.changedSinceApproval === null ? 'ukendt' : r.changedSinceApproval ? 'ja' : 'nej';
      lines.push(`| ${LABEL[r.status]} | ${r.nextReview} | ${cell(r.title)} (\`${r.file}\`) | ${cell(r.approvalBody)} | ${changed} |`);
    }
    lines.push('');
  }
  lines.push(...dispensationMarkdown(report.dispensations, report.today));
  lines.push(...expiredApprovals(report));
  return lines.join('\n');
}

/** Markdown lines naming documents whose last approval is older than their review interval, even if `nextReview` was moved. */
function expiredApprovals(report: ReviewReport): string[] {
  const rows = report.owners.flatMap((o) => o.rows).filter((r) => r.approvalExpired);
  if (!rows.length) return [];
  return [
    '### Sidste godkendelse er ældre end revisionsintervallet',
    '',
    ...rows.map(
      (r) => `- ${r.title.replace(/\|/g, '\\|')} (\`${r.file}\`): sidst godkendt ${r.lastApproval}, næste revision ${r.nextReview}`,
    ),
    '',
  ];
}
