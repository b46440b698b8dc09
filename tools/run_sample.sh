#!/usr/bin/env bash
# The main job on the bundled sample: installs what is missing, builds, and
# runs the CLI on the seed page (fixtures/ticker-page-fr.txt), printing each
# unique headline and line once. Extra arguments go to tickerdedup, e.g.
#   tools/run_sample.sh --emit annotate --stats
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh" --target tickerdedup_cli >&2
build=${TICKERDEDUP_BUILD_DIR:-$root/build}
exec "$build/tickerdedup" "$@" "$root/fixtures/ticker-page-fr.txt"
