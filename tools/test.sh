#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs the whole test suite
# (GoogleTest binaries, golden CLI tests, fuzz-corpus replays) with CTest.
# Slow tests carry the label "slow"; TICKERDEDUP_QUICK=1 skips them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh"
build=${TICKERDEDUP_BUILD_DIR:-$root/build}
args=(--test-dir "$build" --output-on-failure -j"${JOBS:-2}")
if [[ "${TICKERDEDUP_QUICK:-0}" == 1 ]]; then args+=(-LE slow); fi
ctest "${args[@]}"
