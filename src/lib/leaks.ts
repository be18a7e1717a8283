import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import type { Handbook, HandbookDoc } from './content.ts';
import { inEdition } from './editions.ts';

/** A distinctive string of a non-public document. */
export interface LeakPattern {
  text: string;
  /** What it is, e.g. `titel`. */
  what: string;
  source: HandbookDoc;
}

/** A pattern found in an output file. */
export interface LeakHit {
  file: string;
  pattern: LeakPattern;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Distinctive strings of every non-public document that no public document itself contains. */
export function leakPatterns(handbook: Handbook): LeakPattern[] {
  const isPublic = (d: HandbookDoc) => inEdition(d.data, 'public', { drafts: false });
  const publicDocs = handbook.docs.filter(isPublic);
  const publicText = normalise(
    publicDocs.map((d) => [d.id, d.data.title, d.data.description ?? '', d.data.owner, d.data.approvalBody, d.text, ...d.headings.map((h) => h.text)].join('\n')).join('\n'),
  );
  const patterns: LeakPattern[] = [];
  const seen = new Set<string>();
  const add = (raw: string | undefined, what: string, source: HandbookDoc, min = 8) => {
    const text = normalise(raw ?? '');
    if (text.length < min || seen.has(text) || publicText.includes(text)) return;
    seen.add(text);
    patterns.push({ text, what, source });
  };
  for (const doc of handbook.docs.filter((d) => !isPublic(d))) {
    add(doc.data.title, 'titel', doc);
    add(`${doc.id}/`, 'adresse', doc);
    add(doc.data.description, 'beskrivelse', doc, 20);
    add(doc.data.owner, 'ejer', doc);
    add(doc.data.approvalBody, 'godkendelsesorgan', doc);
    for (const h of doc.headings) add(h.text, 'overskrift', doc, 16);
    const sentences = doc.text.split(/(?<=[.!?])\s+/).filter((s) => s.length >= 60);
    for (const s of sentences.slice(0, 3)) add(s.slice(0, 120), 'sætning', doc);
  }
  return patterns;
}

/** Text of an output file; Pagefind's gzip files are decompressed first. */
export function readOutputText(file: string): string {
  const bytes = readFileSync(file);
  if (path.basename(file).includes('.pf_') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch {
      return bytes.toString('utf8');
    }
  }
  return bytes.toString('utf8');
}

/** Every file below a folder, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** HTML and JSON escapes undone, so a title written as `&amp;` or `\u00e6` still matches. */
function unescape(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" })[e] ?? _)
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\"/g, '"');
}

/** Searches every file of an output folder for every pattern in one pass per file. */
export function scanForLeaks(outDir: string, patterns: readonly LeakPattern[]): LeakHit[] {
  if (!patterns.length) return [];
  const byText = new Map(patterns.map((p) => [p.text, p]));
  const escaped = [...byText.keys()].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const matcher = new RegExp(escaped.join('|'), 'g');
  const hits: LeakHit[] = [];
  for (const file of listFiles(outDir)) {
    const text = normalise(unescape(readOutputText(file)));
    const found = new Set(text.match(matcher) ?? []);
    for (const t of found) hits.push({ file: path.relative(outDir, file), pattern: byText.get(t)! });
  }
  return hits;
}

/** One line per hit naming the output file and the source document. */
export function formatLeak(hit: LeakHit): string {
  return `læk: ${hit.file} indeholder ${hit.pattern.what} "${hit.pattern.text}" fra ${hit.pattern.source.displayPath}, som ikke er offentligt`;
}
