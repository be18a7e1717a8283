/**
 * Child of `scripts/build.ts` (`src/lib/build/content-process.ts`): checks the content, reads Git, stages each
 * edition into the stage folder it is given, makes the public edition's leak patterns, says so after each step, and
 * exits, giving back all the memory the loaded handbook used. Its problems and warnings go to the build's output.
 */
import { checkContent, hasErrors } from '../src/lib/check/pipeline.ts';
import { readEnv } from '../src/lib/config/env.ts';
import { reportProblems } from '../src/lib/util/problems.ts';
import { readGit, readGitLogAsync } from '../src/lib/git/history.ts';
import { editionDocs, stageEdition } from '../src/lib/build/stage.ts';
import { leakPatterns } from '../src/lib/leaks/patterns.ts';
import { timed } from '../src/lib/build/timings.ts';
import type { ContentMessage, ContentRequest } from '../src/lib/build/content-process.ts';

/** Sends a message to the build process; resolves once it is on its way (the process may exit after the last). */
function send(message: ContentMessage): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));
}

/** Exits at once: the build process has gone. */
const quit = () => process.exit(1);

/** Checks, stages and sends, in the order the build process waits for them. */
async function main(): Promise<void> {
  if (!process.send) throw new Error('build-content: startes af scripts/build.ts');
  // The build process gone (killed), nothing here is wanted any more.
  process.once('disconnect', quit);
  const { parentDir, stages } = JSON.parse(process.argv[2] ?? '') as ContentRequest;
  const env = readEnv();
  // The history is read while the documents are parsed; it is only used once they pass the checks.
  const history = readGitLogAsync(env.contentDir);
  const { handbook, problems } = await timed('content', undefined, () => checkContent(env.contentDir));
  reportProblems(problems);
  if (hasErrors(problems)) return send({ kind: 'checked', content: undefined });
  const approvedOn = new Map(handbook.docs.map((d) => [d.file, d.data.approvedOn]));
  const git = await timed('git', undefined, async () => readGit(env.contentDir, approvedOn, undefined, await history));
  if (!git.summary.available) console.warn(`advarsel: ${git.summary.reason}; sider viser "ukendt" som ændringsdato.`);
  await send({ kind: 'checked', content: { docs: handbook.docs.length, settings: handbook.settings } });
  for (const { edition, stageDir } of stages) {
    await timed('stage', edition, () =>
      stageEdition(handbook, git, { edition, today: env.today, drafts: env.drafts, pdf: env.pdf, parentDir, stageDir }),
    );
    const docs = editionDocs(handbook, edition, env.drafts);
    const printDocs = env.pdf ? docs.map(({ id, data, folder }) => ({ id, data, folder })) : undefined;
    await send({ kind: 'staged', edition, staged: { documents: docs.length, printDocs } });
  }
  if (stages.some((s) => s.edition === 'public')) await send({ kind: 'patterns', patterns: leakPatterns(handbook, git) });
}

main()
  .then(() => process.off('disconnect', quit).disconnect())
  .catch(async (error: Error) => {
    // One line for the build process to print; it stops the editions still waiting.
    await send({ kind: 'failed', message: error.message }).catch(() => console.error(error.message));
    process.exit(1);
  });
