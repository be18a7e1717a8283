/**
 * What the Astro process loads while it waits for its stage (`scripts/build-edition.ts`): Astro reads its config,
 * and so loads the config's modules, only once the stage is ready, and Vite and the rendered pages load more as they
 * need them. Loaded before, they are off the edition's longest path: at 200 documents 207 modules came after the
 * stage was ready (YAML 72, PostCSS 29, our integration 19, MDX, Lightning CSS, the Danish hyphenation patterns).
 * Nothing here reads the stage or the content: these are the tool's own modules.
 */
export async function preloadAstroModules(): Promise<void> {
  await Promise.all([
    // astro.config.mjs's imports.
    import('@astrojs/mdx'),
    import('./index.ts'),
    import('./astro-options.ts'),
    // Vite's CSS pipeline.
    import('lightningcss'),
    import('postcss'),
    // The rendered pages' own imports, outside Vite's bundle.
    import('yaml'),
    import('hyphen/da/index.js'),
  ]);
}
