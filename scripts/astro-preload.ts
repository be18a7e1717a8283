/**
 * Preloaded (`node --import`) into each Astro child of `npm run build`: loads Astro while the parent still
 * checks the content, then waits for the parent to name the staged edition, so Astro's start-up is off the
 * critical path. The Astro CLI then runs as usual with the modules already loaded.
 */
import module from 'node:module';

// As astro.mjs does; it would be too late there, after this file has loaded Astro.
if (!process.env.CI) module.enableCompileCache?.();
await import('astro');
const stage = await new Promise<string>((resolve) => {
  process.once('message', (message: { stage?: unknown }) => resolve(String(message.stage)));
  // The parent called the build off or died: nothing to build.
  process.once('disconnect', () => process.exit(1));
});
process.removeAllListeners('disconnect');
process.disconnect();
process.env.HANDBOOK_STAGE = stage;
