/** The integration's virtual modules (see `src/integration/virtual-modules.ts`). */
declare module 'virtual:handbook/manifest' {
  const manifest: import('./lib/build/manifest.ts').BuildManifest;
  export default manifest;
}

declare module 'virtual:handbook/documents' {
  /** An MDX document's module: its content component and its headings. */
  interface MdxModule {
    default: import('astro/runtime/server/index.js').AstroComponentFactory;
    getHeadings: () => import('astro').MarkdownHeading[];
  }
  const documents: Record<string, () => Promise<MdxModule>>;
  export default documents;
}
