/** The integration's virtual modules (see `src/integration/manifest-module.ts`). */
declare module 'virtual:handbook/manifest' {
  const manifest: import('./lib/build/manifest.ts').BuildManifest;
  export default manifest;
}
