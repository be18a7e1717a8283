import { z } from 'astro/zod';

/** Document kinds named by the policy; the order is the order used in lists. */
export const DOCUMENT_TYPES = [
  'politik',
  'retningslinje',
  'forretningsgang',
  'procedure',
  'beredskabsplan',
  'bilag',
  'dispensation',
] as const;

/** The four approval bodies named by the policy's governance section. */
export const DEFAULT_APPROVAL_BODIES = [
  'Direktionen',
  'Informationssikkerhedsudvalget',
  'IT-sikkerhedsgruppen',
  'Datafortrolighedsudvalget',
] as const;

/** Where one edition is published. */
export const editionSiteSchema = z
  .object({
    /** Absolute origin used for sitemap and feed links, e.g. `https://www.dst.dk`. */
    site: z.url().default('http://localhost'),
    /** Base path the edition is served under, e.g. `/haandbog/`. */
    base: z
      .string()
      .regex(/^\/([\w.-]+\/)*$/, 'skal starte og slutte med "/", fx "/haandbog/"')
      .default('/'),
  })
  .strict();

/** The Git host the content folder lives on. */
export const repositorySchema = z
  .object({
    /** Web URL of the repository, e.g. `https://github.com/dst/haandbog`. */
    url: z.url(),
    /** Default branch, e.g. `main`. */
    branch: z.string().min(1).default('main'),
    /** Host kind, which decides the URL shape of edit and history links, e.g. `github`. */
    host: z.enum(['github', 'gitlab']).default('github'),
  })
  .strict();

/** A handbook section: one top-level folder of the content folder. */
export const sectionSchema = z
  .object({
    /** Folder name, e.g. `retningslinjer`. */
    folder: z.string().min(1),
    /** Danish title shown in navigation, e.g. `Retningslinjer`. */
    title: z.string().min(1),
  })
  .strict();

/** Organisation settings, read from `handbook.yaml` in the content folder. */
export const settingsSchema = z
  .object({
    /** Organisation name, e.g. `Danmarks Statistik`. */
    organisation: z.string().min(1).default('Organisationen'),
    /** Handbook title shown in the header, e.g. `Informationssikkerhedshåndbogen`. */
    handbookTitle: z.string().min(1).default('Informationssikkerhedshåndbogen'),
    /** Contact line in the footer, e.g. `Spørgsmål: sikkerhed@dst.dk`. */
    contact: z.string().optional(),
    /** URL of the accessibility statement, e.g. `https://www.was.digst.dk/dst-dk`. */
    accessibilityStatement: z.url().optional(),
    /** Allowed values of `approvalBody`, e.g. `["Direktionen"]`. */
    approvalBodies: z
      .array(z.string().min(1))
      .min(1)
      .default([...DEFAULT_APPROVAL_BODIES]),
    /** Longest allowed months from `approvedOn` to `nextReview` per type, e.g. `{ politik: 12 }`. */
    reviewIntervalMonths: z.partialRecord(z.enum(DOCUMENT_TYPES), z.int().positive()).default({ politik: 12 }),
    /**
     * Archived versions whose text the intranet renders, per document, newest first, e.g. `5`; absent: all. Older
     * approvals stay listed on the history page with their commit.
     */
    archivedVersions: z.int().nonnegative().optional(),
    /** Days before `nextReview` in which a document counts as due soon, e.g. `30`. */
    dueSoonDays: z.int().nonnegative().default(30),
    /** Longest allowed months from a dispensation's `approvedOn` to its `expires`, e.g. `12`. */
    dispensationMaxMonths: z.int().positive().default(12),
    /** Days after `decidedOn` within which an acute deviation must be reported (`reportedOn`), e.g. `14`. */
    acuteReportDays: z.int().nonnegative().default(14),
    /** The repository holding the content, for edit and history links. */
    repository: repositorySchema.optional(),
    /** Sections in navigation order with Danish titles; unlisted folders follow alphabetically. */
    sections: z.array(sectionSchema).default([]),
    /** Publication of each edition. */
    editions: z
      .object({
        /** The intranet edition, e.g. `{ site: "https://intra.dst.dk", base: "/haandbog/" }`. */
        intranet: editionSiteSchema.prefault({}),
        /** The public edition, e.g. `{ site: "https://www.dst.dk", base: "/sikkerhed/" }`. */
        public: editionSiteSchema.prefault({}),
      })
      .strict()
      .prefault({}),
    /** Publish the Statement of Applicability in the public edition too (only what public documents carry), e.g. `true`. */
    publishSoa: z.boolean().default(false),
    /** Owner role to Git users or teams for CODEOWNERS, e.g. `{ IT-driftschefen: ["@dst/drift"] }`. */
    codeowners: z.record(z.string(), z.array(z.string().min(1))).default({}),
  })
  .strict();

/** Settings as written in `handbook.yaml`. */
export type SettingsInput = z.input<typeof settingsSchema>;
/** Settings with defaults applied. */
export type Settings = z.output<typeof settingsSchema>;
/** A document kind, e.g. `politik`. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
/** An edition name. */
export type Edition = 'intranet' | 'public';
