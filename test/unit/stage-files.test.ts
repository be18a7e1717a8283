import { existsSync, lstatSync, mkdtempSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/load.ts';
import { readGit } from '../../src/lib/git/history.ts';
import { readManifest } from '../../src/lib/build/manifest.ts';
import { stageEdition } from '../../src/lib/build/stage.ts';
import type { Edition } from '../../src/schemas/settings.ts';
import { cleanup, copyFixture, tempDir } from '../helpers/index.ts';

/** Stages one edition of a content folder into a new temporary folder (or into `parentDir`). */
function stage(content: string, edition: Edition = 'intranet', parentDir = tempDir()): { stageDir: string; parentDir: string } {
  const handbook = loadHandbook(content);
  expect(handbook.problems).toEqual([]);
  const stageDir = stageEdition(handbook, readGit(content, new Map()), { edition, today: '2026-11-29', drafts: false, parentDir });
  return { stageDir, parentDir };
}

/** A folder on another file system than the temporary folder (tmpfs), where hard links into it are impossible. */
const otherDevice = ['/dev/shm'].find((dir) => existsSync(dir) && statSync(dir).dev !== statSync(tmpdir()).dev);

describe('staging files', () => {
  it('links documents into the stage on the same file system, and hands every document’s frontmatter over in the manifest', () => {
    const content = copyFixture('markdown-only');
    const { stageDir, parentDir } = stage(content);
    try {
      const source = statSync(path.join(content, 'regler/som-markdown.mdx'));
      const staged = statSync(path.join(stageDir, 'content/regler/som-markdown.md'));
      if (source.dev === statSync(parentDir).dev) expect(staged.ino).toBe(source.ino);
      const { documents } = readManifest(stageDir);
      // Every document, MDX too; pages read their frontmatter from here, not from the files.
      expect(Object.keys(documents).length).toBe(8);
      expect(documents['regler/som-markdown']).toMatchObject({
        file: 'regler/som-markdown.md',
        data: { title: 'Regel i ren Markdown', approvedOn: '2026-01-15', status: 'approved' },
      });
      expect(documents['regler/som-mdx']?.file).toBe('regler/som-mdx.mdx');
    } finally {
      cleanup(parentDir, path.dirname(content));
    }
  });

  it('stages a symlinked document as the file it points to, not as a link', () => {
    const content = copyFixture('markdown-only');
    const real = path.join(content, 'kilde.txt');
    renameSync(path.join(content, 'regler/som-mdx.mdx'), real);
    symlinkSync('../kilde.txt', path.join(content, 'regler/som-mdx.mdx'));
    const { stageDir, parentDir } = stage(content);
    try {
      const staged = path.join(stageDir, 'content/regler/som-mdx.mdx');
      expect(lstatSync(staged).isSymbolicLink()).toBe(false);
      expect(readFileSync(staged, 'utf8')).toBe(readFileSync(real, 'utf8'));
      if (statSync(real).dev === statSync(parentDir).dev) expect(statSync(staged).ino).toBe(statSync(real).ino);
    } finally {
      cleanup(parentDir, path.dirname(content));
    }
  });

  it('copies the public edition’s files, so an edit saved into a source file during the build cannot reach it', () => {
    const content = copyFixture('markdown-only');
    const source = path.join(content, 'regler/som-markdown.mdx');
    writeFileSync(source, readFileSync(source, 'utf8').replace('---\n', '---\naudience: public\n'));
    const { stageDir, parentDir } = stage(content, 'public');
    try {
      const staged = path.join(stageDir, 'content/regler/som-markdown.md');
      expect(statSync(staged).ino).not.toBe(statSync(source).ino);
      const before = readFileSync(staged, 'utf8');
      writeFileSync(source, `${before}\nHemmelig tilføjelse.\n`);
      expect(readFileSync(staged, 'utf8')).toBe(before);
    } finally {
      cleanup(parentDir, path.dirname(content));
    }
  });

  it.runIf(otherDevice)('copies instead when the stage is on another file system', () => {
    const content = copyFixture('markdown-only');
    const { stageDir, parentDir } = stage(content, 'intranet', mkdtempSync(path.join(otherDevice!, 'handbook-test-')));
    try {
      const staged = path.join(stageDir, 'content/regler/som-markdown.md');
      expect(readFileSync(staged, 'utf8')).toBe(readFileSync(path.join(content, 'regler/som-markdown.mdx'), 'utf8'));
    } finally {
      cleanup(parentDir, path.dirname(content));
    }
  });
});
