import { defineCollection } from 'astro:content';
import { docLoader } from './lib/site/doc-loader.ts';
import { createFrontmatterSchema } from './schemas/frontmatter.ts';
import { manifest } from './lib/site/manifest.ts';

/** The handbook's documents: the edition's staged documents (MDX, and plain Markdown staged as `.md`), validated by the one frontmatter schema. */
const docs = defineCollection({
  loader: docLoader({ pattern: manifest.collection, base: manifest.contentDir, frontmatter: manifest.frontmatter }),
  schema: createFrontmatterSchema(manifest.settings),
});

export const collections = { docs };
