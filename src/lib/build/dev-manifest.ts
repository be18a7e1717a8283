import { loadHandbook } from '../content/load.ts';
import { readEnv } from '../config/env.ts';
import { buildManifest, editionDocs } from './stage.ts';
import type { BuildManifest } from './manifest.ts';
import { readGit } from '../git/history.ts';

/** The intranet manifest made straight from the content folder, for `astro dev` and `astro check`, which have no stage. */
export function devManifest(env: NodeJS.ProcessEnv = process.env): BuildManifest {
  const { contentDir, today, drafts } = readEnv(env);
  const handbook = loadHandbook(contentDir);
  const docs = editionDocs(handbook, 'intranet', drafts);
  const git = readGit(contentDir, new Map(docs.map((d) => [d.file, d.data.approvedOn])));
  return buildManifest(handbook, git, docs, contentDir, { edition: 'intranet', today, drafts });
}
