#!/usr/bin/env bash
# `npm start` runs this: it compiles to dist/ only when something the build reads changed since
# the last build that succeeded, so a second start goes straight to the server. `npm run build`
# always compiles (incrementally: tsc keeps dist/.tsbuildinfo).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=dist/.built
inputs=(src package.json package-lock.json tsconfig.json tsconfig.build.json)
# Directories count too: adding, removing or renaming a file changes its directory's time.
if [ -f "$stamp" ] && [ -f dist/main.js ] && [ -z "$(find "${inputs[@]}" -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
npm run --silent build
