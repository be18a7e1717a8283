// @ts-check
// The plain floor the benchmark compares against: Astro + MDX defaults, one layout, nothing else.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  outDir: process.env.BENCH_OUT ?? './dist',
  cacheDir: process.env.BENCH_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  integrations: [mdx()],
});
