// Plain JavaScript on purpose, like require-node.mjs (which it runs first): `npm run build` starts here.
//
// The build process is on the longest path of every build: it makes the stages and starts the content and edition
// processes, which all wait for it. Started as `node scripts/build.ts`, Node first loads its TypeScript stripper
// (a WebAssembly module, about 0.1 s of CPU) and compiles the build process's 45 modules afresh each time; with
// Node's compile cache both come from disk. The cache can be turned on only before the first TypeScript module
// loads, hence this file. It holds the code of the tool's own modules only: the build process loads no content
// (a dependency-cruiser rule), and every process that does has a cache of its own (src/lib/build/compile-cache.ts).
import './require-node.mjs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const CACHE = fileURLToPath(new URL('../.handbook-build/.compile-cache/cli', import.meta.url));
const SCRIPT = new URL('./build.ts', import.meta.url);

module.enableCompileCache?.(CACHE);
// The build reads its arguments from process.argv[2] on, as when started as `node scripts/build.ts`.
process.argv[1] = fileURLToPath(SCRIPT);
await import(SCRIPT.href);
