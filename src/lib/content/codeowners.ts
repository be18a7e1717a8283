import { existsSync } from 'node:fs';
import { DATA_LIMITS, isPresent, readSource } from '../util/read-source.ts';
import path from 'node:path';
import type { Handbook } from './load.ts';
import type { Problem } from '../util/problems.ts';

const HEADER = '# Skrevet af `npm run codeowners` ud fra codeowners i handbook.yaml. Ret ikke i hånden.';

/** The folder CODEOWNERS belongs in: the Git work tree holding the content, else the content folder's parent. */
export function codeownersRoot(contentDir: string): string {
  for (let dir = contentDir; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(contentDir);
  }
}

/** The CODEOWNERS text the settings ask for, or undefined when no owner is mapped. */
export function expectedCodeowners(handbook: Handbook, root: string): string | undefined {
  const map = handbook.settings.codeowners;
  if (!Object.keys(map).length) return undefined;
  const prefix = path.relative(root, handbook.contentDir).split(path.sep).join('/');
  const lines = handbook.docs
    .filter((d) => map[d.data.owner]?.length)
    .map((d) => `/${prefix ? `${prefix}/` : ''}${d.file} ${map[d.data.owner]!.join(' ')}`);
  return `${HEADER}\n${lines.join('\n')}\n`;
}

/** Problems with CODEOWNERS: unmapped owners (warnings) and a stale file (an error). */
export function checkCodeowners(handbook: Handbook): Problem[] {
  const root = codeownersRoot(handbook.contentDir);
  const file = path.join(root, 'CODEOWNERS');
  const display = path.relative(path.dirname(handbook.contentDir), file).split(path.sep).join('/');
  // A file that cannot be read is reported even when the settings map no owners (or could not be read themselves).
  const read = isPresent(file) ? readSource(file, DATA_LIMITS) : undefined;
  if (read && 'problem' in read) return [{ file: display, severity: 'error', ...read.problem }];
  const expected = expectedCodeowners(handbook, root);
  if (expected === undefined) return [];
  const problems: Problem[] = [];
  for (const doc of handbook.docs) {
    if (!handbook.settings.codeowners[doc.data.owner]?.length) {
      problems.push({
        file: doc.displayPath,
        line: 1,
        col: 1,
        severity: 'warning',
        message: `owner: "${doc.data.owner}" har ingen Git-brugere under codeowners i handbook.yaml`,
      });
    }
  }
  // Line ends as the editor saved them: Git and GitHub read CRLF alike.
  const actual = read?.text.replace(/\r\n/g, '\n');
  if (actual !== expected) {
    const reason =
      actual === undefined ? 'findes ikke' : 'er forældet (passer ikke til ejerne i frontmatter og codeowners i handbook.yaml)';
    problems.push({
      file: display,
      line: 1,
      col: 1,
      severity: 'error',
      message: `CODEOWNERS ${reason}; kør npm run codeowners og commit filen`,
    });
  }
  return problems;
}
