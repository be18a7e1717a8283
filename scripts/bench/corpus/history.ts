/** A synthetic Git history for the generated handbook, written with one `git fast-import` call. */
import { createRandom, deriveSeed } from './random.ts';
import { AUTHORS } from './danish.ts';

/** One planned commit: when, by whom, and which documents it adds or rewrites. */
export interface PlannedCommit {
  /** Unix seconds. */
  time: number;
  author: string;
  subject: string;
  /** Document indexes added in this commit. */
  adds: number[];
  /** Document indexes rewritten in this commit. */
  edits: number[];
}

/** Plans `commits` commits between two dates: the first few add the documents in batches, the rest edit a few each. */
export function planHistory(docCount: number, commits: number, seed: number, from: string, to: string): PlannedCommit[] {
  const rng = createRandom(deriveSeed(seed, 4));
  const start = Date.parse(`${from}T08:00:00Z`) / 1000;
  const span = Date.parse(`${to}T08:00:00Z`) / 1000 - start;
  const adding = Math.max(1, Math.min(20, Math.floor(commits / 10), docCount));
  const perEdit = Math.max(1, Math.round(docCount / 250));
  const planned: PlannedCommit[] = [];
  for (let i = 0; i < commits; i++) {
    const time = Math.floor(start + (span * i) / commits + rng.int(0, Math.floor(span / commits / 2)));
    const author = rng.pick(AUTHORS);
    if (i < adding) {
      const adds = [...Array(docCount).keys()].filter((d) => Math.floor((d * adding) / docCount) === i);
      planned.push({ time, author, subject: `Tilføj ${adds.length} dokumenter til håndbogen`, adds, edits: [] });
    } else {
      const edits = [...new Set(Array.from({ length: rng.int(1, perEdit * 2) }, () => rng.int(0, docCount - 1)))].sort((a, b) => a - b);
      const subject =
        edits.length === 1
          ? rng.pick(['Opdater dokument efter gennemgang', 'Ret formulering', 'Præciser ansvar', 'Opdater efter årlig review'])
          : `Opdater ${edits.length} dokumenter efter gennemgang`;
      planned.push({ time, author, subject, adds: [], edits });
    }
  }
  return planned;
}

/** For each document, the commit indexes that touch it, in order. */
export function touchesPerDocument(history: readonly PlannedCommit[], docCount: number): number[][] {
  const touches: number[][] = Array.from({ length: docCount }, () => []);
  history.forEach((commit, i) => {
    for (const d of [...commit.adds, ...commit.edits]) touches[d]!.push(i);
  });
  return touches;
}

/** The email of an author, e.g. `mette.jensen@example.dk`. */
function email(author: string): string {
  return `${author.toLowerCase().replace(/ø/g, 'oe').replace(/æ/g, 'ae').replace(/å/g, 'aa').replace(/\s+/g, '.')}@example.dk`;
}

/** A `data` command of the fast-import stream with an exact byte count. */
function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/** Writes the fast-import stream: `fileAt(doc, commitIndex)` gives the document's text as of that commit. */
export function fastImportStream(
  history: readonly PlannedCommit[],
  prefix: string,
  paths: readonly string[],
  fileAt: (doc: number, commit: number) => string,
  extraFiles: Record<string, string>,
): string {
  const parts: string[] = [];
  history.forEach((commit, i) => {
    const who = `${commit.author} <${email(commit.author)}> ${commit.time} +0000`;
    parts.push(`commit refs/heads/main\nmark :${i + 1}\nauthor ${who}\ncommitter ${who}\n${data(commit.subject)}`);
    if (i > 0) parts.push(`from :${i}\n`);
    if (i === 0) for (const [file, text] of Object.entries(extraFiles)) parts.push(`M 100644 inline ${prefix}${file}\n${data(text)}`);
    for (const d of [...commit.adds, ...commit.edits]) parts.push(`M 100644 inline ${prefix}${paths[d]}\n${data(fileAt(d, i))}`);
    parts.push('\n');
  });
  return parts.join('');
}
