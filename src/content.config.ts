import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createFrontmatterSchema } from './schemas/frontmatter.ts';
import { manifest } from './lib/site.ts';

/** The handbook's documents: the edition's staged documents (MDX, and plain Markdown staged as `.md`), validated by the one frontmatter schema. */
const docs = defineCollection({
  loader: glob({ pattern: manifest.collection, base: manifest.contentDir }),
  schema: createFrontmatterSchema(manifest.settings),
});

export const collections = { docs };
