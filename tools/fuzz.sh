#!/usr/bin/env bash
# Fuzzes one target with libFuzzer under AddressSanitizer and UBSan.
#
#   tools/fuzz.sh TARGET [SECONDS] [libFuzzer flags...]
#   tools/fuzz.sh fuzz_engine 600
#   tools/fuzz.sh fuzz_normalize 300 -max_len=512
#
# TARGET is a tests/fuzz/fuzz_*.cc name. Builds with clang in
# ${TICKERDEDUP_FUZZ_BUILD_DIR:-build-fuzz} (the library instrumented with
# -fsanitize=address,undefined,fuzzer-no-link), then runs the target for
# SECONDS (default 300) on a scratch copy of tests/fuzz/corpus, so the
# committed corpus only changes by hand. Crashes are written to
# build-fuzz/artifacts/; replay one with `build/TARGET FILE` (the replay
# main) or `build-fuzz/TARGET FILE`. Exit status: libFuzzer's (0 when
# nothing was found).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: tools/fuzz.sh TARGET [SECONDS] [libFuzzer flags...]}
seconds=${2:-300}
shift $(( $# >= 2 ? 2 : 1 ))
"$root/tools/setup.sh" --fuzz
if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang++ is needed (apt-get install clang)" >&2
  exit 2
fi
build=${TICKERDEDUP_FUZZ_BUILD_DIR:-$root/build-fuzz}
flags="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined"
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTICKERDEDUP_LIBFUZZER=ON \
    -DCMAKE_CXX_FLAGS="$flags" >/dev/null
fi
cmake --build "$build" -j"${JOBS:-$(nproc 2>/dev/null || echo 2)}" \
  --target "$target" tickerdedup_lexicon
work="$build/corpus/$target"
mkdir -p "$work" "$build/artifacts"
find "$root/tests/fuzz/corpus" -type f -exec cp -n {} "$work/" \;
export TICKERDEDUP_LEXICON=${TICKERDEDUP_LEXICON:-$build/lexicon.tsv}
exec "$build/$target" -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="$build/artifacts/" "$@" "$work"
