/** Approval records of a document, reconstructed from the versions of its file in Git (ISO/IEC 27001 7.5.3). */
import { parse } from 'yaml';
import { splitFrontmatter } from '../markdown/frontmatter.ts';
import type { CommitInfo } from './commit.ts';
import type { PullRequest } from './pull-requests.ts';

/** One commit's version of a document file, oldest first in a document's chain. */
export interface FileVersion {
  commit: CommitInfo;
  /** The blob of the file after the commit; all zeros when the commit deleted it. */
  blob: string;
  /** The file's path inside the content folder at that commit, e.g. `politikker/gammel-politik.mdx` before a rename. */
  file: string;
}

/** One approval: a commit in which `approvedOn` changed or first appeared. */
export interface ApprovalRecord {
  /** The approval date the commit set, e.g. `2026-03-01`; also the archived page's address segment. */
  approvedOn: string;
  /** The version label then, e.g. `2.0`; absent when the document had none. */
  version?: string;
  /** Who approved it, e.g. `Direktionen`. */
  approvalBody: string;
  /** The owning role then, e.g. `Informationssikkerhedskoordinatoren`. */
  owner: string;
  /** The title then, e.g. `Informationssikkerhedspolitik`. */
  title: string;
  /** `public` or `internal` at that version; an internal past of a public document stays internal. */
  audience: string;
  /** `new-version` when the body changed since the previous approval, `review` when only frontmatter did. */
  kind: 'new-version' | 'review';
  /** The commit that recorded it, with author date and subject. */
  commit: CommitInfo;
  /** The pull or merge request that brought the commit in, e.g. `{ number: 12, host: 'github' }`. */
  request?: PullRequest;
  /** The file's path inside the content folder at that commit, e.g. `politikker/gammel-politik.mdx`. */
  file: string;
}

/** A commit that changed the text after the last approval without approving it. */
export interface UnapprovedChange {
  commit: CommitInfo;
  request?: PullRequest;
}

/** A document's approvals, oldest first, their bodies (by `approvedOn`) and the text changes since the last one. */
export interface DocVersions {
  approvals: ApprovalRecord[];
  bodies: Map<string, string>;
  unapproved: UnapprovedChange[];
}

type Fields = Record<string, unknown>;

/** A plainly written `approvedOn: 2026-03-01` line (quoted or not); anything else goes through the YAML parser. */
const APPROVED_ON = /^approvedOn:[ \t]*["']?(\d{4}-\d{2}-\d{2})["']?[ \t]*$/m;

/** The fields an approval record takes from a version's frontmatter. */
const RECORD_FIELDS = ['approvedOn', 'version', 'approvalBody', 'owner', 'title', 'audience'];

/**
 * The record's fields when each is a plain one-line scalar (`owner: Facility-chefen`, `version: "2.0"`), read without
 * the YAML parser, which at a thousand documents took most of the history's time; undefined when any is not plain.
 */
function plainFields(yaml: string): Fields | undefined {
  const fields: Fields = {};
  for (const line of yaml.split('\n')) {
    const m = /^([A-Za-z]+):[ \t]*(.*?)[ \t\r]*$/.exec(line);
    if (!m || !RECORD_FIELDS.includes(m[1]!)) continue;
    const raw = m[2]!;
    const quoted = /^"([^"\\]*)"$|^'([^']*)'$/.exec(raw);
    if (quoted) fields[m[1]!] = quoted[1] ?? quoted[2];
    else if (!raw || /^[|>[\]{}&*!%@`#"',?:-]|\s#/.test(raw)) return undefined;
    else fields[m[1]!] = raw;
  }
  return fields;
}

/** The frontmatter fields of a historic source; an unreadable one counts as empty. */
function fieldsOf(yaml: string): Fields {
  const plain = plainFields(yaml);
  if (plain) return plain;
  try {
    const value: unknown = parse(yaml);
    return value && typeof value === 'object' ? (value as Fields) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
/** A YAML date as written: `2026-03-01` whether the parser gave a string or a Date. */
const dateText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : text(value));

/** Walks a document's versions oldest first and records every approval and the unapproved text changes after the last. */
export function approvalsOf(
  versions: readonly FileVersion[],
  blobs: ReadonlyMap<string, string>,
  requests: ReadonlyMap<string, PullRequest>,
): DocVersions {
  const approvals: ApprovalRecord[] = [];
  const bodies = new Map<string, string>();
  let unapproved: UnapprovedChange[] = [];
  let previousApproval: string | undefined;
  let approvedBody: string | undefined;
  let previousBody: string | undefined;
  for (const v of versions) {
    const source = blobs.get(v.blob);
    if (source === undefined) {
      // Deleted (or unreadable): a later file at the same path starts afresh.
      previousApproval = approvedBody = previousBody = undefined;
      unapproved = [];
      continue;
    }
    const { yaml, body } = splitFrontmatter(source);
    // Most versions leave `approvedOn` alone: a look at its line first, the whole YAML only when it moved.
    const quick = APPROVED_ON.exec(yaml)?.[1];
    const fields = quick === previousApproval && quick !== undefined ? {} : fieldsOf(yaml);
    const approvedOn = quick === previousApproval && quick !== undefined ? quick : dateText(fields.approvedOn);
    const request = requests.get(v.commit.hash);
    if (approvedOn && approvedOn !== previousApproval) {
      approvals.push({
        approvedOn,
        version: text(fields.version),
        approvalBody: text(fields.approvalBody) ?? '',
        owner: text(fields.owner) ?? '',
        title: text(fields.title) ?? '',
        audience: text(fields.audience) ?? 'internal',
        kind: approvedBody === undefined || approvedBody !== body ? 'new-version' : 'review',
        commit: v.commit,
        ...(request && { request }),
        file: v.file,
      });
      bodies.set(approvedOn, body);
      approvedBody = body;
      unapproved = [];
    } else if (approvedBody !== undefined && previousBody !== undefined && body !== previousBody) {
      unapproved.push({ commit: v.commit, ...(request && { request }) });
    }
    previousApproval = approvedOn;
    previousBody = body;
  }
  return { approvals, bodies, unapproved };
}
