import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Edition, Settings } from '../../schemas/settings.ts';
import type { ReviewStatus } from '../review/status.ts';
import type { GitDocInfo, GitSummary } from '../git/history.ts';
import type { SoaManifest } from '../soa/stage.ts';
import type { Frontmatter } from '../../schemas/frontmatter.ts';
import type { DispensationManifest } from '../dispensations/register.ts';

/** What one edition's build knows about a document besides its frontmatter. */
export interface DocMeta {
  /** Review status against the build date. */
  review?: ReviewStatus;
  /** Git facts; only the last-change date in the public edition. */
  git?: GitDocInfo;
  /** The document's language when it is not Danish, e.g. `en` (its footnote labels follow it). */
  lang?: 'en';
}

/** Settings an edition may show; the public edition gets no repository or CODEOWNERS data. */
export type EditionSettings = Omit<Settings, 'codeowners' | 'editions'> & {
  /** Own measure ids `controls:` may name; in public only those public documents carry. */
  ownMeasures?: string[];
};

/** The hand-over from the build orchestrator to one Astro build. */
export interface BuildManifest {
  edition: Edition;
  /** The date review status is judged against, e.g. `2026-11-29`. */
  today: string;
  drafts: boolean;
  /** The build prints `pdf/<id>.pdf` for every document and `pdf/haandbog.pdf` (`HANDBOOK_PDF=1`), e.g. `true`. */
  pdf?: boolean;
  /** Absolute path of the (staged) content folder the documents are read from. */
  contentDir: string;
  site: string;
  base: string;
  settings: EditionSettings;
  docs: Record<string, DocMeta>;
  /**
   * The edition's documents by id, e.g. `{ "politikker/x": { "file": "politikker/x.md", "data": { "title": … } } }`:
   * the file inside `contentDir` (plain Markdown staged as `.md`, see `stagedNames`) and the frontmatter the build has
   * already parsed and validated. Pages take them from here (`src/lib/site/collection.ts`), so Astro's content layer,
   * whose sync started a Vite server of its own in every Astro process, is not used.
   */
  documents: Record<string, { file: string; data: Frontmatter }>;
  /** Files inside the content folder that the edition's documents link to, copied to the same path in the output. */
  attachments: string[];
  git: GitSummary;
  /** The Statement of Applicability this edition shows; absent when it shows none. */
  soa?: SoaManifest;
  /** The register of dispensations (intranet only, and only when the handbook has any); never in the public edition. */
  dispensations?: DispensationManifest;
  /**
   * Intranet only: the approved text (Markdown body) of each approval, by
   * document id and `approvedOn`, e.g. `{ "politikker/x": { "2025-01-15": "## Formål …" } }`; the public manifest has none.
   */
  archive?: Record<string, Record<string, string>>;
  /**
   * In a stage the archived texts are files instead, `<archiveDir>/<id>/<approvedOn>.md`, and `archived` lists their
   * dates by document id, e.g. `{ "politikker/x": ["2025-01-15"] }`: kept in the manifest, 14 MB of text at 1,000
   * documents went into the virtual module every page bundle imports (content sync 1.3 → 6.6 s, rendering 2.9 → 13 s).
   */
  archiveDir?: string;
  archived?: Record<string, string[]>;
}

/** The manifest's file name inside a stage folder. */
export const MANIFEST_FILE = 'manifest.json';

/** Reads the manifest of the stage folder named by `HANDBOOK_STAGE`. */
export function readManifest(stageDir: string): BuildManifest {
  return JSON.parse(readFileSync(path.join(stageDir, MANIFEST_FILE), 'utf8')) as BuildManifest;
}
