import { describe, expect, it } from 'vitest';
import { diffHtml, diffWords, hasChanges } from '../../src/lib/versions/diff.ts';
import { pullRequestOf, requestsByCommit } from '../../src/lib/git/pull-requests.ts';
import { approvalsOf } from '../../src/lib/git/versions.ts';
import { approvalHasPage, archivedIndexes } from '../../src/lib/versions/pages.ts';

const show = (before: string, after: string) =>
  diffWords(before, after)
    .map((p) => (p.kind === 'same' ? p.text : p.kind === 'ins' ? `{+${p.text}+}` : `[-${p.text}-]`))
    .join('');

describe('word diff', () => {
  it('marks inserted and deleted words, keeping the newer text whole', () => {
    const before = 'Adgang gives efter behov.\n\nSe den gamle procedure.\n\nSlut.';
    const after = 'Adgang gives efter arbejdsbetinget behov og systemejeren.\n\nSlut.';
    expect(show(before, after)).toBe(
      'Adgang gives efter {+arbejdsbetinget +}behov [-.\n\nSe den gamle procedure-]{+og systemejeren+}.\n\nSlut.',
    );
    const kept = diffWords(before, after)
      .filter((p) => p.kind !== 'del')
      .map((p) => p.text)
      .join('');
    expect(kept).toBe(after);
  });

  it('finds no change between equal texts, and ignores a change of white space alone', () => {
    expect(hasChanges(diffWords('a b\n\nc', 'a b\n\nc'))).toBe(false);
    expect(hasChanges(diffWords('a  b', 'a b'))).toBe(false);
    expect(hasChanges(diffWords('a b', 'a c'))).toBe(true);
  });

  it('keeps whole paragraphs apart when one is added between unchanged ones', () => {
    expect(show('Første.\n\nTredje.', 'Første.\n\nAnden.\n\nTredje.')).toBe('Første.\n\n{+Anden.\n\n+}Tredje.');
  });

  it('renders <ins>/<del> with a hidden cue and visible marks, escaping the text', () => {
    const html = diffHtml(diffWords('a <b>', 'a <c>'), { inserted: 'indsat:', deleted: 'slettet:' });
    expect(html).toContain('<del><span class="visually-hidden">slettet: </span><span class="diff-mark" aria-hidden="true">[-</span>b');
    expect(html).toContain('<ins><span class="visually-hidden">indsat: </span><span class="diff-mark" aria-hidden="true">[+</span>c');
    expect(html).toContain('a &lt;');
    expect(html).not.toContain('<b>');
  });

  it('stays within bounds on long texts that share nothing', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 5000 }, (_, i) => `b${i}`).join(' ');
    const parts = diffWords(a, b);
    expect(parts.map((p) => p.kind)).toEqual(['del', 'ins']);
  });
});

describe('pull and merge requests', () => {
  it('reads GitHub merge commits, squash titles and GitLab merge requests', () => {
    expect(pullRequestOf('Merge pull request #12 from dst/gren')).toEqual({ number: 12, host: 'github' });
    expect(pullRequestOf('Ret formulering (#7)')).toEqual({ number: 7, host: 'github' });
    expect(pullRequestOf("Merge branch 'x' into 'main'", 'Ny version\n\nSee merge request dst/haandbog!9')).toEqual({
      number: 9,
      host: 'gitlab',
    });
    expect(pullRequestOf('Ret #7 i teksten')).toBeUndefined();
  });

  it('gives a commit on a merged branch the number of the merge that brought it in', () => {
    // main: a - m1(merge of b1 b2, #5) - c (#8 squash); b1, b2 on the branch.
    const commits = [
      { hash: 'c', parents: ['m1'], pr: { number: 8, host: 'github' as const } },
      { hash: 'm1', parents: ['a', 'b2'], pr: { number: 5, host: 'github' as const } },
      { hash: 'b2', parents: ['b1'] },
      { hash: 'b1', parents: ['a'] },
      { hash: 'a', parents: [] },
    ];
    const requests = requestsByCommit(commits);
    expect(requests.get('b1')?.number).toBe(5);
    expect(requests.get('b2')?.number).toBe(5);
    expect(requests.get('c')?.number).toBe(8);
    expect(requests.has('a')).toBe(false);
  });
});

describe('approval records from versions', () => {
  const commit = (n: number) => ({ hash: `c${n}`, date: `2025-0${n}-01`, author: 'Anna Admin', subject: `Commit ${n}` });
  const doc = (approvedOn: string, body: string, extra = '') =>
    `---\ntitle: Adgang\ntype: politik\nowner: Ejeren\napprovalBody: Direktionen\napprovedOn: ${approvedOn}\nnextReview: 2026-01-01\n${extra}---\n\n${body}\n`;

  it('tells new versions from reviews, keeps unapproved changes after the last, and reads plain and complex YAML alike', () => {
    const blobs = new Map([
      ['b1', doc('2025-01-01', 'Tekst et.', 'version: "1.0"\n')],
      ['b2', doc('2025-02-01', 'Tekst et.', 'version: "1.0"\n')],
      ['b3', doc('2025-02-01', 'Tekst to.', 'version: "1.0"\n')],
      // Written so the plain reading gives up: a folded title goes through the YAML parser.
      [
        'b4',
        doc("'2025-04-01'", 'Tekst to.', 'version: "2.0"\ndescription: >\n  foldet\n').replace(
          'title: Adgang',
          'title: >-\n  Adgang\n  i dag',
        ),
      ],
      ['b5', doc('2025-04-01', 'Tekst tre.', 'version: "2.0"\n')],
    ]);
    const versions = ['b1', 'b2', 'b3', 'b4', 'b5'].map((blob, i) => ({ commit: commit(i + 1), blob, file: 'politikker/adgang.mdx' }));
    const found = approvalsOf(versions, blobs, new Map([['c2', { number: 5, host: 'github' as const }]]));
    expect(found.approvals.map((a) => [a.approvedOn, a.kind, a.version, a.title, a.request?.number])).toEqual([
      ['2025-01-01', 'new-version', '1.0', 'Adgang', undefined],
      ['2025-02-01', 'review', '1.0', 'Adgang', 5],
      ['2025-04-01', 'new-version', '2.0', 'Adgang i dag', undefined],
    ]);
    expect(found.unapproved.map((u) => u.commit.hash)).toEqual(['c5']);
    expect(found.bodies.get('2025-02-01')).toBe('Tekst et.');
  });
});

describe('which approvals have a page', () => {
  const rule = (kinds: ('new-version' | 'review')[], changedSinceApproval = false, limit?: number) => ({
    approvals: kinds.map((kind) => ({ kind })),
    changedSinceApproval,
    limit,
  });
  const paged = (r: ReturnType<typeof rule>) => r.approvals.map((_, i) => approvalHasPage(r, i));

  it('gives every superseded approval a page, and the one in force only when it shows what the document page does not', () => {
    // One approval, text unchanged since: its page would repeat the document page.
    expect(paged(rule(['new-version']))).toEqual([false]);
    // Changed since approval: the approved text is no longer the document page's.
    expect(paged(rule(['new-version'], true))).toEqual([true]);
    // A new version after an earlier one: its page shows the changes.
    expect(paged(rule(['new-version', 'new-version']))).toEqual([true, true]);
    // A review without changes shows neither another text nor changes.
    expect(paged(rule(['new-version', 'review']))).toEqual([true, false]);
    expect(paged(rule(['new-version', 'review'], true))).toEqual([true, true]);
  });

  it('keeps only the last `archivedVersions`, archiving the text before the oldest for its changes', () => {
    const r = rule(['new-version', 'new-version', 'new-version', 'new-version'], false, 2);
    expect(paged(r)).toEqual([false, false, true, true]);
    expect(archivedIndexes(r)).toEqual([1, 2, 3]);
    expect(archivedIndexes(rule(['new-version', 'review']))).toEqual([0]);
    expect(archivedIndexes(rule(['new-version']))).toEqual([]);
    expect(archivedIndexes(rule(['new-version', 'new-version'], false, 0))).toEqual([]);
  });
});
