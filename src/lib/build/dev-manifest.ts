import { loadHandbook } from '../content/load.ts';
import { readEnv } from '../config/env.ts';
import { buildManifest, editionDocs } from './stage.ts';
import { readManifest, type BuildManifest } from './manifest.ts';
import { readGit } from '../git/history.ts';

/** The manifest of the current Astro run: the staged one, or for `astro dev`/`astro check` one made from the content folder. */
export function currentManifest(env: NodeJS.ProcessEnv = process.env): BuildManifest {
  if (env.HANDBOOK_STAGE) return readManifest(env.HANDBOOK_STAGE);
  const { contentDir, today, drafts } = readEnv(env);
  const handbook = loadHandbook(contentDir);
  const docs = editionDocs(handbook, 'intranet', drafts);
  const git = readGit(contentDir, new Map(docs.map((d) => [d.file, d.data.approvedOn])));
  return buildManifest(handbook, git, docs, contentDir, { edition: 'intranet', today, drafts });
}
