/** Astro's own timings, read from its build log: content sync, Vite bundling, page rendering, whole build. */

/** Milliseconds of an Astro time stat: `479ms`, `4.26s` or `1m 2s`. */
export function parseDuration(text: string): number | undefined {
  const m = /^(?:(\d+)m\s*(\d+)s|([\d.]+)s|(\d+)ms)$/.exec(text.trim());
  if (!m) return undefined;
  if (m[1] !== undefined) return Number(m[1]) * 60_000 + Number(m[2]) * 1000;
  return m[3] !== undefined ? Number(m[3]) * 1000 : Number(m[4]);
}

/** Phases of one Astro build, in ms. */
export interface AstroLogPhases {
  /** Content layer sync and type generation (`[types] Generated`). */
  sync?: number;
  /** Vite/Rolldown bundling, all passes (`[vite] ✓ built in`). */
  vite?: number;
  /** Rendering every page to HTML (`generating static routes … ✓ Completed in`). */
  render?: number;
  /** Astro's own total, including our `astro:build:done` hook (attachments; Pagefind runs after Astro) (`N page(s) built in`). */
  total?: number;
  pages?: number;
}

/** An Astro time stat in a log line. */
const STAT = String.raw`(\d+m \d+s|[\d.]+m?s)`;
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Phases of one Astro build log. */
export function parseAstroLog(log: string): AstroLogPhases {
  const text = log.replace(ANSI, '');
  const phases: AstroLogPhases = {};
  const types = new RegExp(`\\[types\\] Generated ${STAT}`).exec(text);
  if (types) phases.sync = parseDuration(types[1]!);
  const vite = [...text.matchAll(new RegExp(`\\[vite\\] ✓ built in ${STAT}`, 'g'))].map((m) => parseDuration(m[1]!) ?? 0);
  if (vite.length) phases.vite = vite.reduce((a, b) => a + b, 0);
  const render = new RegExp(`generating static routes[\\s\\S]*?✓ Completed in ${STAT}`).exec(text);
  if (render) phases.render = parseDuration(render[1]!);
  const total = new RegExp(`\\[build\\] (\\d+) page\\(s\\) built in ${STAT}`).exec(text);
  if (total) {
    phases.pages = Number(total[1]);
    phases.total = parseDuration(total[2]!);
  }
  return phases;
}

/** Splits the output of `HANDBOOK_VERBOSE=1 node scripts/build.ts` into one log per edition, by the build directory Astro names. */
export function astroLogsByEdition(output: string): Map<string, AstroLogPhases> {
  const logs = new Map<string, AstroLogPhases>();
  for (const chunk of output.replace(ANSI, '').split(/(?<=\[build\] Complete!)/)) {
    const edition = /\[build\] directory: \S*?\/(?:\.handbook-build\/)?([a-z]+)-[A-Za-z0-9]+\/dist\/?/.exec(chunk)?.[1];
    if (edition) logs.set(edition, parseAstroLog(chunk));
  }
  return logs;
}
