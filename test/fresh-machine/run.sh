#!/usr/bin/env bash
# Proves README's set-up on this machine with only the system Node on PATH (issue: fresh machine).
# Run by .ci/run on a clean clone after `npm ci`:
#   1. `npm run build` builds both editions, every script running on the Node that `npm ci` installed;
#   2. an install that left that Node out (`--omit=optional`) fails in one line, without a stack trace.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO="$PWD"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "system node: $(command -v node) $(node --version)"
echo "node for npm scripts: $(npm exec --offline -- node --version)"

HANDBOOK_OUT="$WORK/out" npm run -s build >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; echo "FAIL: npm run build"; exit 1; }
for edition in intranet public; do
  test -f "$WORK/out/$edition/index.html" || { echo "FAIL: $edition/index.html missing"; exit 1; }
  test -d "$WORK/out/$edition/pagefind" || { echo "FAIL: $edition/pagefind missing"; exit 1; }
done
echo "ok: npm run build wrote both editions"

# A copy of the working tree (tracked and new files), so the check runs on what is about to be committed.
mkdir "$WORK/omit"
git ls-files -coz --exclude-standard | tar -c --null -T - -f - | tar -x -C "$WORK/omit" -f -
(cd "$WORK/omit" && npm ci --omit=optional --no-audit --no-fund >/dev/null 2>&1)
set +e
(cd "$WORK/omit" && npm run -s build) >"$WORK/omit.log" 2>&1
code=$?
set -e
lines=$(grep -c . "$WORK/omit.log" || true)
if [ "$code" -eq 0 ] || [ "$lines" -ne 1 ] || ! grep -q 'kræver Node >= 22.12' "$WORK/omit.log" || grep -q '    at ' "$WORK/omit.log"; then
  cat "$WORK/omit.log"; echo "FAIL: without the optional Node, npm run build must fail in one line (exit $code, $lines lines)"; exit 1
fi
echo "ok: without the optional Node: $(cat "$WORK/omit.log")"
echo "fresh-machine: 2 passed, 0 failed"
