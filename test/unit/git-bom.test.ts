/** Git history in-process: a document saved with a byte-order mark is compared like any other. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGit } from '../../src/lib/git/history.ts';
import { commitChange, initRepo } from '../helpers/git.ts';
import { cleanup, tempDir } from '../helpers/index.ts';

const made: string[] = [];
afterAll(() => cleanup(...made));

const DOC = 'politikker/bom.mdx';
const SOURCE = '\uFEFF---\ntitle: Politik gemt med BOM\napprovedOn: 2026-01-10\nnextReview: 2026-12-01\n---\n\nTeksten er godkendt.\n';

/** A repository whose content folder holds one BOM document, committed on 2026-01-10, then changed by `change` later. */
function repoWith(change: (text: string) => string): Map<string, unknown> {
  const repo = tempDir('handbook-bom-');
  made.push(repo);
  const content = path.join(repo, 'content');
  mkdirSync(path.join(content, 'politikker'), { recursive: true });
  writeFileSync(path.join(content, DOC), SOURCE);
  initRepo(repo, '2026-01-10');
  commitChange(repo, `content/${DOC}`, '2026-03-01', 'Ændring', change);
  const git = readGit(content, new Map([[DOC, '2026-01-10']]));
  expect(git.summary.available).toBe(true);
  return new Map([...git.docs].map(([file, info]) => [file, info.changedSinceApproval]));
}

describe('changed since approval, for a file with a byte-order mark', () => {
  it('is false when only the frontmatter changed', () => {
    expect(repoWith((t) => t.replace('nextReview: 2026-12-01', 'nextReview: 2026-12-15')).get(DOC)).toBe(false);
  });

  it('is true when the body changed', () => {
    expect(repoWith((t) => t.replace('er godkendt', 'er ændret')).get(DOC)).toBe(true);
  });
});
