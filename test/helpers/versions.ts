import { cpSync } from 'node:fs';
import path from 'node:path';
import { fixture, tempDir } from './index.ts';
import { commitChange, gitAt, initRepo } from './git.ts';

/** The fixture `versions` as a repository with a real document history (dates are author dates). */
export function versionsRepo(): string {
  const repo = tempDir();
  cpSync(fixture('versions'), path.join(repo, 'content'), { recursive: true });
  // Approval 1 of the access policy: a new version, squash-merged as pull request #3.
  initRepo(repo, '2024-01-15', 'Adgangspolitik godkendt af direktionen (#3)');
  const policy = 'content/politikker/adgang.mdx';
  // Approval 2: a review without changes, on a branch merged with a merge commit naming pull request #5.
  gitAt(repo, '2024-12-10', ['checkout', '-q', '-b', 'aarlig-gennemgang']);
  commitChange(repo, policy, '2024-12-10', 'Årlig gennemgang uden ændringer', (t) =>
    t.replace('approvedOn: 2024-01-15', 'approvedOn: 2024-12-10').replace('nextReview: 2025-01-15', 'nextReview: 2025-12-10'),
  );
  gitAt(repo, '2024-12-11', ['checkout', '-q', 'main']);
  commitChange(repo, 'content/regler/noegleprocedure.mdx', '2024-12-11', 'Nøgleprocedure: kvittering i receptionen', (t) =>
    t.replace('mod kvittering', 'mod underskrevet kvittering'),
  );
  gitAt(repo, '2024-12-12', ['merge', '-q', '--no-ff', '-m', 'Merge pull request #5 from dst/aarlig-gennemgang', 'aarlig-gennemgang']);
  // A rename that keeps the history, and the old procedure retired.
  gitAt(repo, '2025-03-01', ['mv', policy, 'content/politikker/adgangspolitik.mdx']);
  gitAt(repo, '2025-03-01', ['rm', '-q', 'content/regler/gammel-procedure.mdx']);
  commitChange(repo, 'content/politikker/adgangspolitik.mdx', '2025-03-01', 'Omdøb adgangspolitik; den gamle procedure er udgået', (t) =>
    t.replace('Se [den gamle procedure](../regler/gammel-procedure.mdx) og [nøgleproceduren]', 'Se [nøgleproceduren]'),
  );
  // Approval 3: a new version, from a GitLab merge request; the visitors' policy turns public with a new text.
  commitChange(
    repo,
    'content/politikker/adgangspolitik.mdx',
    '2025-09-01',
    'Adgangspolitik version 2.0\n\nSee merge request dst/haandbog!9',
    (t) =>
      t
        .replace('approvedOn: 2024-12-10', 'approvedOn: 2025-09-01')
        .replace('nextReview: 2025-12-10', 'nextReview: 2026-08-01')
        .replace('version: "1.0"', 'version: "2.0"')
        .replace(
          'efter behov og godkendes af nærmeste leder.',
          'efter arbejdsbetinget behov og godkendes af nærmeste leder og systemejeren.',
        ),
  );
  commitChange(repo, 'content/politikker/offentlig-politik.mdx', '2025-09-02', 'Besøgspolitik offentliggjort', (t) =>
    t
      .replace('approvedOn: 2024-02-01', 'approvedOn: 2025-09-02\naudience: public')
      .replace('nextReview: 2025-02-01', 'nextReview: 2026-09-01')
      .replace(
        'Nødnøglen til serverrummet ligger i pengeskabet bag receptionen ved Zebrafinke-døren.',
        'Besøgende følges af en medarbejder.',
      ),
  );
  // A text change after the last approval, not approved.
  commitChange(
    repo,
    'content/politikker/adgangspolitik.mdx',
    '2025-10-15',
    'Tilføj afsnit om gæsteadgang',
    (t) => `${t}\n## Gæster\n\nGæster får adgang ledsaget af en medarbejder.\n`,
  );
  return repo;
}
