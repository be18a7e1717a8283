import { readFileSync, renameSync, statSync, symlinkSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../src/lib/content.ts';
import { readGit } from '../src/lib/git.ts';
import { readManifest } from '../src/lib/manifest.ts';
import { stageEdition } from '../src/lib/stage.ts';
import { cleanup, copyFixture, tempDir } from './helpers.ts';

/** Stages the intranet edition of a content folder into a new temporary folder. */
function stage(content: string): { stageDir: string; parentDir: string } {
  const handbook = loadHandbook(content);
  expect(handbook.problems).toEqual([]);
  const parentDir = tempDir();
  const stageDir = stageEdition(handbook, readGit(content, new Map()), {
    edition: 'intranet',
    today: '2026-11-29',
    drafts: false,
    parentDir,
  });
  return { stageDir, parentDir };
}

describe('staging files', () => {
  it('links documents into the stage on the same file system, and hands the .md documents’ frontmatter over in the manifest', () => {
    const content = copyFixture('markdown-only');
    const { stageDir, parentDir } = stage(content);
    try {
      const source = statSync(path.join(content, 'regler/som-markdown.mdx'));
      const staged = statSync(path.join(stageDir, 'content/regler/som-markdown.md'));
      if (source.dev === statSync(parentDir).dev) expect(staged.ino).toBe(source.ino);
      const { frontmatter } = readManifest(stageDir);
      // Exactly the documents staged as .md (kollision keeps .mdx: an attachment has its .md name); the collection reads their frontmatter from here, not from the files.
      expect(Object.keys(frontmatter ?? {}).sort()).toEqual(['regler/med-bom', 'regler/som-markdown']);
      expect(frontmatter?.['regler/som-markdown']).toMatchObject({
        title: 'Regel i ren Markdown',
        approvedOn: '2026-01-15',
        status: 'approved',
      });
    } finally {
      cleanup(parentDir, path.dirname(content));
    }
  });

  it('stages a symlinked document as the file it points to, not as a link', () => {
    const content = copyFixture('markdown-only');
    renameSync(path.join(content, 'regler/som-mdx.mdx'), path.join(content, 'kilde.txt'));
    symlinkSync('../kilde.txt', path.join(content, 'regler/som-mdx.mdx'));
    const { stageDir, parentDir } = stage(content);
    try {
      const staged = path.join(stageDir, 'content/regler/som-mdx.mdx');
      expect(lstatSync(staged).isSymbolicLink()).toBe(false);
      expect(readFileSync(staged, 'utf8')).toBe(readFileSync(path.join(content, 'kilde.txt'), 'utf8'));
    } finally {
      cleanup(parentDir, path.dirname(content));
    }
  });
});
