import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The benchmark's generated documents, read where `BENCH_CONTENT` points. */
const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: process.env.BENCH_CONTENT ?? './content' }),
  schema: z.object({ title: z.string(), description: z.string().optional(), status: z.string().default('approved') }).loose(),
});

export const collections = { docs };
