/** Finding and starting the one headless Chromium that prints an edition's PDFs. */
import { accessSync, constants } from 'node:fs';
import type { Browser } from 'playwright-core';
import { withoutHandbookVars } from '../../config/env.ts';

/**
 * Where Debian and other Linux distributions install Chromium or Chrome, lightest first; `CHROMIUM_PATH` is tried
 * before them. Debian's `chromium-headless-shell` is the same Chromium without the browser's own interface: starting
 * it and opening two printing pages took 0.9 + 0.45 CPU-seconds against 1.2 + 1.4 for `chromium`, and printing 2 × 60
 * pages 2.2 against 4.5; the sample's build with PDFs 10.4–12.4 s against 13.6–16.5 s (alternating, same machine).
 */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** The full browsers of `CHROMIUM_CANDIDATES`, for measuring what a reader's browser does (the bench's search timing). */
export const READER_CHROMIUM_CANDIDATES = CHROMIUM_CANDIDATES.filter((file) => !file.endsWith('-headless-shell'));

/** The Chromium to print with (from `candidates`), or an error in one line naming every path tried and how to install one. */
export function findChromium(chromiumPath?: string, candidates: readonly string[] = CHROMIUM_CANDIDATES): string {
  const tried = chromiumPath ? [chromiumPath] : candidates;
  for (const file of tried) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not there or not executable: try the next.
    }
  }
  throw new Error(
    `HANDBOOK_PDF=1: Chromium findes ikke (prøvede ${tried.join(', ')}); installer den med apt-get install chromium (hurtigere: chromium-headless-shell), eller peg på en anden med CHROMIUM_PATH`,
  );
}

/** Starts headless Chromium with no background traffic of its own (never a downloaded browser). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  // Loaded only here: a build without PDFs never loads playwright-core.
  const { chromium } = await import('playwright-core');
  // The browser prints the public edition too: like the edition's own processes, it gets no HANDBOOK_* variables.
  const env = withoutHandbookVars(process.env);
  return chromium.launch({
    executablePath,
    env,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
    ],
  });
}
