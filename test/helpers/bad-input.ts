/**
 * Hostile and broken input, one class at a time, applied to every kind of file the tool reads: a copy of
 * `test/fixtures/bad-input` (a document, handbook.yaml, anvendelighed.yaml, egne-foranstaltninger.yaml, an
 * attachment and CODEOWNERS) in which each file of the kind the class applies to is changed. Large inputs are made
 * here rather than kept in the repository.
 */
import { chmodSync, cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadHandbook } from '../../src/lib/content/load.ts';
import { codeownersRoot, expectedCodeowners } from '../../src/lib/content/codeowners.ts';
import { fixture, tempDir } from './index.ts';

/** The files of the base, by kind: paths inside the content folder (CODEOWNERS lies beside it). */
export const FILES = {
  document: 'politikker/offentlig-politik.mdx',
  handbook: 'handbook.yaml',
  applicability: 'anvendelighed.yaml',
  measures: 'egne-foranstaltninger.yaml',
  attachment: 'regler/bilag/skema.csv',
  codeowners: '../CODEOWNERS',
} as const;
export type FileKind = keyof typeof FILES;
/** The document that links to the attachment: its link is where an attachment's problem is reported. */
const LINKING = 'regler/fravalgt-brug.mdx';

/** `line:col` of the link to the attachment. */
function linkPlace(content: string): string {
  const lines = readFileSync(path.join(content, LINKING), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes('skema.csv'));
  return `${line + 1}:${lines[line]!.indexOf('[') + 1}`;
}
const YAML_KINDS: FileKind[] = ['handbook', 'applicability', 'measures'];
const TEXT_KINDS: FileKind[] = ['document', ...YAML_KINDS, 'codeowners'];

/** A copy of the base with its CODEOWNERS up to date; returns the content folder. */
export function baseCopy(): string {
  const content = path.join(tempDir('handbook-bad-'), 'content');
  cpSync(fixture('bad-input'), content, { recursive: true });
  const handbook = loadHandbook(content);
  const root = codeownersRoot(content);
  writeFileSync(path.join(root, 'CODEOWNERS'), expectedCodeowners(handbook, root)!);
  return content;
}

/** Inserts `line` as a new line after the frontmatter's first line (documents) or at the end; returns its line number. */
function addLine(file: string, kind: FileKind, line: Buffer): number {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  if (kind === 'document') {
    const at = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
    writeFileSync(
      file,
      Buffer.concat([
        bytes.subarray(0, Buffer.byteLength(text.slice(0, at))),
        line,
        Buffer.from('\n'),
        bytes.subarray(Buffer.byteLength(text.slice(0, at))),
      ]),
    );
    return 3;
  }
  const body = text.endsWith('\n') ? bytes : Buffer.concat([bytes, Buffer.from('\n')]);
  writeFileSync(file, Buffer.concat([body, line, Buffer.from('\n')]));
  return body.toString('utf8').split('\n').length;
}

/** A comment in the file's own syntax: YAML and CODEOWNERS `#`; frontmatter is YAML too (documents get it there). */
const comment = (text: string) => Buffer.from(`# ${text}`, 'latin1');

/** One class of bad input: what it does to a file, and the kinds it applies to. */
export interface BadClass {
  kinds: FileKind[];
  /** Changes one file; returns the line:col the message must name, or undefined when the class is harmless. */
  apply(file: string, kind: FileKind): string | undefined;
}

/** The classes of the issue, by fixture name. */
export const CLASSES: Record<string, BadClass> = {
  latin1: {
    kinds: TEXT_KINDS,
    apply: (file, kind) => `${addLine(file, kind, comment('Nøglen må ikke deles'))}:4`,
  },
  nul: {
    kinds: TEXT_KINDS,
    apply: (file, kind) => `${addLine(file, kind, Buffer.from('# før\0efter'))}:6`,
  },
  'alias-bomb': {
    kinds: ['document', ...YAML_KINDS],
    apply: (file, kind) => {
      const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 9; i++)
        levels.push(
          `a${i}: &a${i} [${Array(9)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      const line = addLine(file, kind, Buffer.from(`bombe:\n${levels.map((l) => `  ${l}`).join('\n')}`));
      return `${line + 2}:12`;
    },
  },
  'many-keys': {
    kinds: ['document', ...YAML_KINDS],
    apply: (file, kind) => {
      addLine(file, kind, Buffer.from(`mange:\n${Array.from({ length: 100_000 }, (_, i) => `  k${i}: ${i}`).join('\n')}`));
      return '1:1';
    },
  },
  'deep-nesting': {
    kinds: ['document', ...YAML_KINDS],
    apply: (file, kind) => {
      const line = addLine(file, kind, Buffer.from(`dybt: ${'['.repeat(10_000)}${']'.repeat(10_000)}`));
      return `${line}:107`;
    },
  },
  'huge-file': {
    kinds: [...TEXT_KINDS, 'attachment'],
    apply: (file, kind) => {
      const filler = kind === 'attachment' ? 'række;værdi\n' : '# fyld\n';
      writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from(filler.repeat(Math.ceil((20 * 1024 * 1024) / filler.length)))]));
      return kind === 'attachment' ? undefined : '1:1';
    },
  },
  'symlink-loop': {
    kinds: [...TEXT_KINDS, 'attachment'],
    apply: (file) => {
      rmSync(file);
      symlinkSync(path.basename(file), file);
      return '1:1';
    },
  },
  vanished: {
    kinds: [...TEXT_KINDS, 'attachment'],
    apply: (file) => {
      // Listed (the entry is there) but gone when read: a link whose target was removed.
      rmSync(file);
      symlinkSync(`${path.basename(file)}.fjernet`, file);
      return '1:1';
    },
  },
  unreadable: {
    kinds: [...TEXT_KINDS, 'attachment'],
    apply: (file) => {
      chmodSync(file, 0);
      return '1:1';
    },
  },
  harmless: {
    kinds: [...TEXT_KINDS, 'attachment'],
    apply: (file) => {
      // A byte-order mark and CRLF line ends, as some Windows editors save.
      writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
      return undefined;
    },
  },
};

/** A content folder with one class applied to every file kind it covers; the places expected per display path. */
export function badInput(name: string): { content: string; expected: Map<string, string> } {
  const content = baseCopy();
  const expected = new Map<string, string>();
  const cls = CLASSES[name]!;
  for (const kind of cls.kinds) {
    const file = path.join(content, FILES[kind]);
    const place = cls.apply(file, kind);
    if (place && kind === 'attachment') expected.set(`content/${LINKING}`, linkPlace(content));
    else if (place) expected.set(path.relative(path.dirname(content), file).split(path.sep).join('/'), place);
  }
  return { content, expected };
}
