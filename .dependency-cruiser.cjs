/**
 * Import rules (`npm run lint`): imports run downhill only, schemas ← lib ← integration/pages/components ← scripts,
 * and no module takes part in an import cycle, type-only imports included.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle hides which module owns a concept; move the shared part down instead.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'schemas-are-leaves',
      severity: 'error',
      comment: 'Schemas describe data; they import only zod, each other and the leaf helpers of src/lib/util.',
      from: { path: '^src/schemas/' },
      to: { path: '^src/(?!schemas/|lib/util/)' },
    },
    {
      name: 'util-is-a-leaf',
      severity: 'error',
      comment: 'src/lib/util holds small helpers everything may use; they import nothing of ours.',
      from: { path: '^src/lib/util/' },
      to: { path: '^src/(?!lib/util/)' },
    },
    {
      name: 'lib-stays-below-astro',
      severity: 'error',
      comment: 'src/lib is plain code; the integration, pages, components and layouts build on it, never the reverse.',
      from: { path: '^src/lib/' },
      to: { path: '^src/(integration|pages|components|layouts)/' },
    },
    {
      name: 'lib-outside-astro-needs-no-site',
      severity: 'error',
      comment: 'src/lib/site runs only inside Astro; the CLI-side code (build, check, review) must not load it.',
      from: { path: '^src/lib/(?!site/)' },
      to: { path: '^src/lib/site/' },
    },
    {
      name: 'build-process-holds-no-content',
      severity: 'error',
      comment:
        'scripts/build.ts imports no loader, check or Git reader: the content process loads the handbook (src/lib/build/content-process.ts), and gives its memory back when it exits. Listing the documents by name (content/files.ts) loads nothing.',
      from: { path: '^scripts/build\\.ts$' },
      to: { path: '^src/lib/(content|check|git)/', pathNot: '^src/lib/content/files\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'src-never-imports-scripts-or-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(scripts|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.astro|\\.handbook-build|test/fixtures|scripts/bench/plain-site)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.astro'] },
    extraExtensionsToScan: ['.astro'],
  },
};
