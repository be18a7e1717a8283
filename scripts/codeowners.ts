/** `npm run codeowners`: writes CODEOWNERS so a pull request touching a document asks its owner for review. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadHandbook } from '../src/lib/content/load.ts';
import { readEnv } from '../src/lib/config/env.ts';
import { codeownersRoot, expectedCodeowners } from '../src/lib/content/codeowners.ts';
import { reportProblems } from '../src/lib/util/problems.ts';

const { contentDir } = readEnv();
const handbook = loadHandbook(contentDir);
reportProblems(handbook.problems);
const root = codeownersRoot(contentDir);
const text = expectedCodeowners(handbook, root);
if (text === undefined) {
  console.error('codeowners: handbook.yaml knytter ingen ejere til Git-brugere; der er intet at skrive.');
  process.exit(1);
}
const file = path.join(root, 'CODEOWNERS');
writeFileSync(file, text);
console.log(`Skrev ${file} (${text.split('\n').length - 2} dokumenter).`);
