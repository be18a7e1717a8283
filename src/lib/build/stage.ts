import { constants, copyFileSync, linkSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Edition, Settings } from '../../schemas/settings.ts';
import type { Handbook, HandbookDoc } from '../content/load.ts';
import { inEdition } from '../config/editions.ts';
import { attachments, localDependencies } from '../content/links.ts';
import { MANIFEST_FILE, type BuildManifest, type DocMeta, type EditionSettings } from './manifest.ts';
import { reviewStatus } from '../review/status.ts';
import type { GitData, GitDocInfo } from '../git/history.ts';
import { editionOwnMeasures, soaManifest } from '../soa/stage.ts';
import { buildRegister } from '../dispensations/register.ts';
import { createStageDir } from './stale-stages.ts';
import { archivedIndexes } from '../versions/pages.ts';

/** Options for staging one edition. */
export interface StageOptions {
  edition: Edition;
  today: string;
  drafts: boolean;
  /** The build prints PDFs (`HANDBOOK_PDF=1`): pages link theirs. */
  pdf?: boolean;
  /** Folder the private stage folder is created in (inside the repository, so modules resolve). */
  parentDir: string;
  /** An empty stage folder made beforehand by `createStageDir` (its edition process may already be waiting on it). */
  stageDir?: string;
}

/** The documents an edition holds. */
export function editionDocs(handbook: Handbook, edition: Edition, drafts: boolean): HandbookDoc[] {
  return handbook.docs.filter(
    // A dispensation is never public (the schema refuses `audience: public`); the stage holds not even its file.
    (d) =>
      inEdition(d.data, edition, { drafts: drafts && edition === 'intranet' }) && !(edition === 'public' && d.data.type === 'dispensation'),
  );
}

/** Puts an edition's documents, and only the files they use, into a private folder with its manifest. */
export function stageEdition(handbook: Handbook, git: GitData, options: StageOptions): string {
  const docs = editionDocs(handbook, options.edition, options.drafts);
  const dependencies = new Set(docs.flatMap(localDependencies));
  const files = new Set([...docs.map((d) => d.file), ...dependencies]);
  if (options.edition === 'public') [...files].forEach(publicFileGuard(handbook, docs));
  const stageDir = options.stageDir ?? createStageDir(options.parentDir, options.edition);
  const contentDir = path.join(stageDir, 'content');
  const staged = stagedNames(docs, files, dependencies);
  for (const file of [...files].sort()) {
    const target = path.join(contentDir, staged.get(file) ?? file);
    mkdirSync(path.dirname(target), { recursive: true });
    placeFile(path.join(handbook.contentDir, file), target, options.edition === 'intranet');
  }
  mkdirSync(contentDir, { recursive: true });
  const manifest = buildManifest(handbook, git, docs, contentDir, options, staged);
  if (manifest.archive) moveArchiveToFiles(manifest, path.join(stageDir, 'archive'));
  writeFileSync(path.join(stageDir, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
  // The stage is Vite's root: this makes it the package and workspace root too, so Vite looks no further up
  // (the isolated edition process may not read the folders above it; src/lib/build/isolation.ts).
  writeFileSync(path.join(stageDir, 'package.json'), '{ "private": true, "type": "module", "workspaces": [] }\n');
  return stageDir;
}

/**
 * Puts one file in the stage. The intranet's files are hard links to the real file where possible (a twelfth of the
 * time of a copy, and of removing it afterwards); nothing in the build writes to staged files. The public edition
 * always gets copies: a link would show the build an edit saved into the source file while it runs, and a page
 * rendered from it could then publish text that was never checked as public.
 */
function placeFile(source: string, target: string, link: boolean): void {
  if (link) {
    try {
      linkSync(realpathSync(source), target);
      return;
    } catch {
      // Another file system, or one without hard links: copy.
    }
  }
  copyFileSync(source, target, constants.COPYFILE_FICLONE);
}

/**
 * Plain-Markdown documents are staged as `.md` (their pages render them; no module per document), unless that
 * name is taken or the document is a dependency: another document imports it by its `.mdx` name.
 */
function stagedNames(docs: readonly HandbookDoc[], files: ReadonlySet<string>, dependencies: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const doc of docs) {
    const md = doc.file.replace(/\.mdx$/, '.md');
    if (doc.markdownOnly && !files.has(md) && !dependencies.has(doc.file)) names.set(doc.file, md);
  }
  return names;
}

/** Defence in depth behind `check`: the public stage gets no file that is, or links to, a non-public document or lies outside the content folder. */
function publicFileGuard(handbook: Handbook, docs: readonly HandbookDoc[]): (file: string) => void {
  const root = realpathSync(handbook.contentDir);
  const allowed = new Set(docs.map((d) => d.file));
  const hidden = new Set(handbook.docs.filter((d) => !allowed.has(d.file)).map((d) => realpathSync(path.join(root, d.file))));
  return (file) => {
    const real = realpathSync(path.join(root, file));
    if ((file.endsWith('.mdx') && !allowed.has(file)) || hidden.has(real) || !real.startsWith(root + path.sep)) {
      throw new Error(`public: ${file} er ikke offentligt eller ligger uden for indholdsmappen og kopieres ikke til den offentlige udgave`);
    }
  };
}

/** The manifest for one edition: settings, review status and git facts of its documents only. */
export function buildManifest(
  handbook: Handbook,
  git: GitData,
  docs: readonly HandbookDoc[],
  contentDir: string,
  options: Omit<StageOptions, 'parentDir' | 'stageDir'>,
  /** Staged names that differ from the source's (`stagedNames`); none without a stage. */
  staged: ReadonlyMap<string, string> = new Map(),
): BuildManifest {
  const isPublic = options.edition === 'public';
  const metas: Record<string, DocMeta> = {};
  for (const doc of docs) {
    const info = git.docs.get(doc.file);
    metas[doc.id] = {
      review: doc.data.status === 'approved' ? reviewStatus(doc.data.nextReview, options.today, handbook.settings.dueSoonDays) : undefined,
      git: info && (isPublic ? publicGitInfo(info) : info),
      ...(doc.data.lang !== 'da' && { lang: doc.data.lang }),
    };
  }
  const { site, base } = handbook.settings.editions[options.edition];
  return {
    edition: options.edition,
    today: options.today,
    drafts: options.drafts && !isPublic,
    ...(options.pdf && { pdf: true }),
    contentDir,
    documents: Object.fromEntries(docs.map((d) => [d.id, { file: staged.get(d.file) ?? d.file, data: d.data }])),
    site,
    base,
    settings: { ...editionSettings(handbook.settings, docs, isPublic), ownMeasures: editionOwnMeasures(handbook, docs, options.edition) },
    docs: metas,
    attachments: [...new Set(docs.flatMap(attachments))].sort(),
    git: git.summary,
    soa: soaManifest(handbook, docs, options.edition),
    ...(!isPublic && { dispensations: buildRegister(handbook, options.today, options.drafts) }),
    ...(!isPublic && { archive: archiveTexts(git, docs, handbook.settings.archivedVersions) }),
  };
}

/** Writes the archived texts as files beside the stage's content folder and lists their dates in the manifest instead. */
function moveArchiveToFiles(manifest: BuildManifest, archiveDir: string): void {
  const archived: Record<string, string[]> = {};
  for (const [id, bodies] of Object.entries(manifest.archive ?? {})) {
    mkdirSync(path.join(archiveDir, id), { recursive: true });
    for (const [date, body] of Object.entries(bodies)) writeFileSync(path.join(archiveDir, id, `${date}.md`), body);
    archived[id] = Object.keys(bodies);
  }
  manifest.archiveDir = archiveDir;
  manifest.archived = archived;
  delete manifest.archive;
}

/** The bodies archived pages show: the text of every approval with a page and of the one before it (`archivedIndexes`). */
function archiveTexts(git: GitData, docs: readonly HandbookDoc[], limit?: number): Record<string, Record<string, string>> {
  const archive: Record<string, Record<string, string>> = {};
  for (const doc of docs) {
    const info = git.docs.get(doc.file);
    const approvals = info?.approvals ?? [];
    const bodies = git.versions?.get(doc.file);
    if (!approvals.length || !bodies) continue;
    const indexes = archivedIndexes({ approvals, changedSinceApproval: (info?.unapproved?.length ?? 0) > 0, limit });
    const dates = indexes.map((i) => approvals[i]!.approvedOn).filter((d) => bodies.has(d));
    if (dates.length) archive[doc.id] = Object.fromEntries(dates.map((d) => [d, bodies.get(d)!]));
  }
  return archive;
}

/** The public edition shows only the date of the last change: messages, authors and paths can name internal matters. */
function publicGitInfo(info: GitDocInfo): GitDocInfo {
  return { lastChanged: info.lastChanged, changedSinceApproval: info.changedSinceApproval };
}

/** Settings an edition may see; the public one lists only approval bodies and sections its documents carry. */
function editionSettings(settings: Settings, docs: readonly HandbookDoc[], isPublic: boolean): EditionSettings {
  const { codeowners: _codeowners, editions: _editions, ...rest } = settings;
  if (!isPublic) return rest;
  const used = new Set(docs.map((d) => d.data.approvalBody));
  const { repository: _repository, ...publicRest } = rest;
  const folders = new Set(docs.map((d) => d.folder));
  return {
    ...publicRest,
    approvalBodies: settings.approvalBodies.filter((b) => used.has(b)).concat(used.size ? [] : [settings.approvalBodies[0]!]),
    sections: settings.sections.filter((s) => folders.has(s.folder)),
  };
}
