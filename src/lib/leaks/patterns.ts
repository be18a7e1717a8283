/** What must never appear in the public edition: distinctive strings and files of everything that is not public. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Handbook, HandbookDoc } from '../content/load.ts';
import type { GitData } from '../git/history.ts';
import { inEdition } from '../config/editions.ts';
import { localDependencies } from '../content/links.ts';
import { PhraseMatcher } from './match.ts';
import { tokenForm } from './text.ts';
import { annexAControl } from '../../schemas/annex-a.ts';
import { da } from '../../strings/da.ts';
import { en } from '../../strings/en.ts';
import { listFiles } from '../util/files.ts';

/** A distinctive string (or file) of something that is not public. */
export interface LeakPattern {
  /** The string as its source writes it, for messages. */
  text: string;
  /** Its token form, which is what is searched for. */
  tokens: string;
  /** What it is, e.g. `titel`. */
  what: string;
  /** Where it comes from, relative to the content folder's parent, e.g. `content/regler/x.mdx`. */
  source: string;
  /** Why it must not be public, e.g. `internt dokument`. */
  why: string;
  /** For a file that must not be copied: SHA-256 of its bytes, compared with whole output files. */
  sha256?: string;
}

/** Shortest token form (characters) a string must have to be distinctive enough to search for. */
const MIN: Record<string, number> = {
  titel: 8,
  adresse: 8,
  beskrivelse: 20,
  ejer: 8,
  godkendelsesorgan: 8,
  version: 8,
  overskrift: 12,
  sætning: 30,
  'arkiveret tekst': 30,
  filnavn: 8,
  vedhæftning: 12,
  sektion: 8,
  kontrol: 16,
  'commit-besked': 16,
  forfatter: 8,
  commit: 40,
  repository: 12,
  kodeejer: 8,
};
/** Attachments whose text is searched for besides their bytes and name. */
const TEXT_FILES = new Set(['.svg', '.txt', '.csv', '.tsv', '.md', '.html', '.htm', '.xml', '.json', '.ics']);
/** Files at the content root that configure the handbook rather than being attachments. */
const CONFIG_FILE = /^[^/]+\.(ya?ml|json)$/;

const isPublic = (d: HandbookDoc) => inEdition(d.data, 'public', { drafts: false });
const why = (d: HandbookDoc) =>
  d.data.type === 'dispensation'
    ? 'dispensation (aldrig offentlig)'
    : d.data.status === 'draft'
      ? 'kladde'
      : d.data.status === 'retired'
        ? 'udgået dokument'
        : 'internt dokument';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A file's text, or nothing when it does not exist (a broken link is reported by `check`, not here). */
const readIfFile = (file: string) => (existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : '');

/** Every string leaf of a strings object (functions are called with placeholders), for the allow-list. */
function uiTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return uiTexts((value as (...a: string[]) => unknown)('', '', ''));
  if (value && typeof value === 'object') return Object.values(value).flatMap(uiTexts);
  return [];
}

/** The title of an Annex A control or own measure, or empty when it is neither. */
const controlTitle = (handbook: Handbook, id: string) =>
  annexAControl(id)?.title ?? handbook.ownMeasures?.find((m) => m.id === id)?.title ?? '';

/** Files of the content folder that are not documents or configuration, relative and sorted. */
export function contentAssets(contentDir: string): string[] {
  return listFiles(contentDir).filter(
    (f) => !f.endsWith('.mdx') && !CONFIG_FILE.test(f) && !f.split('/').some((s) => s.startsWith('.') || s === 'node_modules'),
  );
}

/** Up to `count` items spread evenly over a list (first, ..., last). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]!);
}

/** The last words of a string in token form, so a sentence cut by a heading before it still matches. */
function tail(text: string, words = 10): string {
  return tokenForm(text).trim().split(' ').slice(-words).join(' ');
}

/** Distinctive strings and files of every non-public document, attachment, setting and commit, minus public text. */
export function leakPatterns(handbook: Handbook, git?: GitData): LeakPattern[] {
  const publicDocs = handbook.docs.filter(isPublic);
  const publicControls = new Set(publicDocs.flatMap((d) => d.data.controls ?? []));
  const candidates = new Map<string, LeakPattern>();
  const add = (raw: string | undefined, what: string, source: string, reason: string) => {
    const tokens = tokenForm(raw ?? '');
    if (tokens.length - 2 < (MIN[what] ?? 8) || candidates.has(tokens)) return;
    candidates.set(tokens, { text: (raw ?? '').replace(/\s+/g, ' ').trim(), tokens, what, source, why: reason });
  };
  for (const doc of handbook.docs.filter((d) => !isPublic(d))) {
    const src = doc.displayPath;
    add(doc.data.title, 'titel', src, why(doc));
    add(doc.id, 'adresse', src, why(doc));
    add(doc.data.description, 'beskrivelse', src, why(doc));
    add(doc.data.owner, 'ejer', src, why(doc));
    add(doc.data.approvalBody, 'godkendelsesorgan', src, why(doc));
    add(doc.data.version, 'version', src, why(doc));
    for (const h of doc.headings) add(h.text, 'overskrift', src, why(doc));
    // Sentences end at punctuation and at block ends: a list of links has none, and its titles joined would be one "sentence".
    const sentences = doc.text.split(/(?<=[.!?])\s+|\s*\n\s*/).filter((s) => s.length >= MIN['sætning']!);
    // A dispensation's every sentence: its reason and compensating measures name weaknesses (policy section 13).
    const picked = doc.data.type === 'dispensation' ? sentences : spread(sentences, 6);
    for (const s of picked) add(tail(s), 'sætning', src, why(doc));
    // Controls and own measures only non-public documents carry: their titles (one-word titles are too common to search for).
    for (const id of doc.data.controls ?? []) {
      const title = controlTitle(handbook, id);
      if (!publicControls.has(id) && title.includes(' ')) add(title, 'kontrol', src, 'kontrol kun i ikke-offentlige dokumenter');
    }
  }
  const display = (file: string) =>
    path.relative(path.dirname(handbook.contentDir), path.join(handbook.contentDir, file)).split(path.sep).join('/');
  const settings = handbook.settings;
  const publicFolders = new Set(publicDocs.map((d) => d.folder));
  const publicBodies = new Set(publicDocs.map((d) => d.data.approvalBody));
  for (const s of settings.sections.filter((s) => !publicFolders.has(s.folder)))
    add(s.title, 'sektion', display('handbook.yaml'), 'afsnit uden offentlige dokumenter');
  for (const b of settings.approvalBodies.filter((b) => !publicBodies.has(b)))
    add(b, 'godkendelsesorgan', display('handbook.yaml'), 'bruges ikke af offentlige dokumenter');
  if (settings.repository)
    add(settings.repository.url.replace(/^[a-z]+:\/\//i, ''), 'repository', display('handbook.yaml'), 'intern indstilling');
  for (const team of Object.values(settings.codeowners).flat()) add(team, 'kodeejer', display('handbook.yaml'), 'intern indstilling');
  const used = new Set(publicDocs.flatMap(localDependencies));
  const assets = contentAssets(handbook.contentDir);
  const publicHashes = new Set(assets.filter((f) => used.has(f)).map((f) => sha256(readFileSync(path.join(handbook.contentDir, f)))));
  const files: LeakPattern[] = [];
  for (const file of assets.filter((f) => !used.has(f))) {
    const bytes = readFileSync(path.join(handbook.contentDir, file));
    const reason = 'bruges ikke af et offentligt dokument';
    add(path.basename(file, path.extname(file)), 'filnavn', display(file), reason);
    const hash = sha256(bytes);
    if (bytes.length >= 32 && !publicHashes.has(hash))
      files.push({ text: file, tokens: '', what: 'fil', source: display(file), why: reason, sha256: hash });
    if (!TEXT_FILES.has(path.extname(file).toLowerCase())) continue;
    const lines = bytes
      .toString('utf8')
      .replace(/<[^>]*>/g, '\n')
      .split(/[.!?]\s|\n/)
      .filter((l) => tokenForm(l).length >= 14);
    for (const line of lines.slice(0, 3)) add(tail(line), 'vedhæftning', display(file), reason);
  }
  for (const doc of git ? handbook.docs : []) {
    for (const c of git!.docs.get(doc.file)?.recent ?? []) {
      const reason = 'Git-historik vises ikke i den offentlige udgave';
      add(c.subject, 'commit-besked', doc.displayPath, reason);
      add(c.author, 'forfatter', doc.displayPath, reason);
      add(c.hash, 'commit', doc.displayPath, reason);
    }
    archivedPatterns(doc, git!, isPublic(doc), add);
  }
  return [...withoutPublicText(handbook, [...candidates.values()], used), ...files];
}

/**
 * Archived versions are intranet-only: the sentences of every approved version that was not public (a public
 * document's internal past included), and the approval commits, so none of it can slip into the public edition.
 */
function archivedPatterns(
  doc: HandbookDoc,
  git: GitData,
  docIsPublic: boolean,
  add: (raw: string, what: string, source: string, reason: string) => void,
): void {
  const bodies = git.versions?.get(doc.file);
  for (const approval of git.docs.get(doc.file)?.approvals ?? []) {
    add(approval.commit.subject, 'commit-besked', doc.displayPath, 'Git-historik vises ikke i den offentlige udgave');
    add(approval.commit.hash, 'commit', doc.displayPath, 'Git-historik vises ikke i den offentlige udgave');
    if (docIsPublic && approval.audience === 'public') continue;
    const reason = `arkiveret ikke-offentlig version godkendt ${approval.approvedOn}`;
    add(approval.title, 'titel', doc.displayPath, reason);
    const sentences = (bodies?.get(approval.approvedOn) ?? '').split(/(?<=[.!?])\s+|\s*\n\s*/).filter((x) => x.length >= MIN['sætning']!);
    for (const sentence of spread(sentences, 6)) add(tail(sentence), 'arkiveret tekst', doc.displayPath, reason);
  }
}

/** Drops patterns that public documents, their files, public settings or the UI text themselves contain. */
function withoutPublicText(handbook: Handbook, patterns: LeakPattern[], usedAssets: ReadonlySet<string>): LeakPattern[] {
  const matcher = new PhraseMatcher(patterns.map((p) => ({ tokens: p.tokens, value: p })));
  const { settings } = handbook;
  const publicDocs = handbook.docs.filter(isPublic);
  const publicFolders = new Set(publicDocs.map((d) => d.folder));
  const allowed = [
    // The parsed text too: in the raw MDX a link's address splits a sentence that readers see whole.
    ...publicDocs.flatMap((d) => [d.id, readFileSync(path.join(handbook.contentDir, d.file), 'utf8'), d.text]),
    ...[...usedAssets].flatMap((f) => [
      f,
      TEXT_FILES.has(path.extname(f).toLowerCase()) ? readIfFile(path.join(handbook.contentDir, f)) : '',
    ]),
    settings.organisation,
    settings.handbookTitle,
    settings.contact ?? '',
    settings.accessibilityStatement ?? '',
    settings.editions.public.site,
    settings.editions.public.base,
    ...settings.sections.filter((s) => publicFolders.has(s.folder)).map((s) => s.title),
    // A public section's own page, `regler/index.html`: the address of an internal `regler/index.mdx` in token form.
    ...[...publicFolders].map((folder) => `${folder}/index`),
    ...publicDocs.flatMap((d) => (d.data.controls ?? []).map((id) => `${id} ${controlTitle(handbook, id)}`)),
    ...uiTexts(da),
    ...uiTexts(en),
  ];
  const excused = new Set<LeakPattern>();
  for (const text of allowed) for (const phrase of matcher.find(tokenForm(text))) excused.add(phrase.value);
  return patterns.filter((p) => !excused.has(p));
}
