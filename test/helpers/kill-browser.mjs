// A Chromium for the PDF build test that is killed once the build has begun writing PDFs into a stage:
//   node kill-browser.mjs <stage parent> <chromium> <chromium's arguments…>
// It runs the real browser (sharing the pipe Playwright talks to it on, fds 3 and 4) and looks for a stage's `dist/pdf/`
// every 2 ms: polling with find every 50 ms from a shell script let the build finish first once the browser got faster.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const [stageParent, chromium, ...args] = process.argv.slice(2);
// Its own process group, so the kill reaches the browser under a wrapper script (Debian's runs it without exec) too.
const browser = spawn(chromium, args, { stdio: [0, 1, 2, 3, 4], detached: true });
const printing = () => {
  try {
    return readdirSync(stageParent).some((stage) => existsSync(path.join(stageParent, stage, 'dist', 'pdf')));
  } catch {
    return false;
  }
};
const timer = setInterval(() => {
  if (!printing()) return;
  clearInterval(timer);
  process.kill(-browser.pid, 'SIGKILL');
  process.exit(1);
}, 2);
browser.on('exit', (code) => {
  clearInterval(timer);
  process.exit(code ?? 1);
});
