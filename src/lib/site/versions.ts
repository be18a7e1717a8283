/** Where a document's history and archived versions live on the intranet, and what they show. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApprovalRecord } from '../git/versions.ts';
import { repoLinks } from '../git/repo-links.ts';
import { approvalHasPage } from '../versions/pages.ts';
import { manifest, url } from './manifest.ts';
import { editionContent } from './collection.ts';

/** The history page of a document: `/<folder>/<slug>/versioner/`. */
export const historyUrl = (id: string) => url(`${id}/versioner/`);

/** The archived version approved on `date`: `/<folder>/<slug>/versioner/<date>/`. */
export const versionUrl = (id: string, date: string) => url(`${id}/versioner/${date}/`);

/** Whether this edition shows versions at all: the intranet only. */
export const showsVersions = () => manifest.edition === 'intranet';

/** A document's approvals, oldest first (none in the public edition, whose manifest carries none). */
export const approvalsOf = (id: string): ApprovalRecord[] => manifest.docs[id]?.git?.approvals ?? [];

/** Whether the stage archived the text of a document's version. */
const isArchived = (id: string, date: string): boolean =>
  manifest.archive?.[id]?.[date] !== undefined || (Object.hasOwn(manifest.archived ?? {}, id) && manifest.archived![id]!.includes(date));

/** The approved text of a document's version, when the stage archived it (a file of the stage; in dev, the manifest). */
export function archivedBody(id: string, date: string): string | undefined {
  if (!isArchived(id, date)) return undefined;
  return manifest.archive?.[id]?.[date] ?? readFileSync(path.join(manifest.archiveDir!, id, `${date}.md`), 'utf8');
}

/** Whether approval `index` (oldest first) of a document has its own page (`approvalHasPage`) and the stage archived its text. */
export function hasPage(id: string, index: number, date: string): boolean {
  const changedSinceApproval = (manifest.docs[id]?.git?.unapproved?.length ?? 0) > 0;
  const rule = { approvals: approvalsOf(id), changedSinceApproval, limit: manifest.settings.archivedVersions };
  return approvalHasPage(rule, index) && isArchived(id, date);
}

let published: Promise<(file: string) => boolean> | undefined;

/** Whether the edition publishes a content file (a document as `<id>.mdx`, or an attachment): archived links to others are text. */
export function publishedFiles(): Promise<(file: string) => boolean> {
  published ??= editionContent().then(({ docs }) => {
    const files = new Set([...docs.map((d) => `${d.id}.mdx`), ...manifest.attachments]);
    return (file: string) => files.has(file);
  });
  return published;
}

/** Links to a commit and a pull or merge request on the repository host, when the handbook names one. */
export function hostLinks(repoPath: string | undefined) {
  const repo = manifest.settings.repository;
  const links = repo && repoPath ? repoLinks(repo, repoPath) : undefined;
  return { commit: links?.commit, request: links?.request };
}

/** True when an archived body needs MDX (imports, exports, components or expressions), which archived pages do not run. */
export const needsMdx = (body: string) => /^\s*(import|export)\s/m.test(body) || /<[A-Za-z]/.test(body) || /[{}]/.test(body);
