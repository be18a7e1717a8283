import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createFrontmatterSchema } from './schemas/frontmatter.ts';
import { manifest } from './lib/site.ts';

/** The handbook's documents: the edition's staged MDX files, validated by the one frontmatter schema. */
const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: manifest.contentDir }),
  schema: createFrontmatterSchema(manifest.settings),
});

export const collections = { docs };
