#!/usr/bin/env bash
# End-to-end test: build the site, serve it with vite preview on 127.0.0.1:$E2E_PORT (default 4173), drive it with Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser tests drive Debian's Chromium (Playwright cannot download its own here): install it when missing.
# It also reads the printed PDF with poppler's pdftotext.
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "e2e: needs Debian's ${need[*]}: run 'sudo apt-get install -y ${need[*]}'" >&2
    exit 1
  fi
fi
node node_modules/vite/bin/vite.js build --logLevel warn
PORT="${E2E_PORT:-4173}"
node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port "$PORT" --strictPort >test-artifacts-preview.log 2>&1 &
PREVIEW=$!
# Stop the preview server whatever happens (its PID is node itself, not an npx wrapper).
trap 'kill $PREVIEW 2>/dev/null || true; wait $PREVIEW 2>/dev/null || true; rm -f test-artifacts-preview.log' EXIT
for _ in $(seq 1 50); do
  if node -e "fetch('http://127.0.0.1:' + process.argv[1] + '/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$PORT"; then break; fi
  sleep 0.2
done
node e2e/e2e.mjs "${E2E_URL:-http://127.0.0.1:$PORT/}"
