#!/usr/bin/env bash
# Fails when src/ calls __builtin_prefetch outside src/prefetch.h. GCC may
# delete a loop of them as dead code (it did: ScoreAll's band prefetch and
# the commit thread's, docs/near.md section 10); PrefetchLine cannot be.
#   tests/no_builtin_prefetch.sh SOURCE_DIR
set -euo pipefail
root=${1:?usage: no_builtin_prefetch.sh SOURCE_DIR}
hits=$(grep -rn '__builtin_prefetch' "$root/src" "$root/tools" \
  --include='*.cc' --include='*.h' | grep -v '^[^:]*src/prefetch.h:' || true)
if [[ -n "$hits" ]]; then
  echo "__builtin_prefetch outside src/prefetch.h (use PrefetchLine):" >&2
  echo "$hits" >&2
  exit 1
fi
# The check itself must see the sources: prefetch.h is where the builtin
# may stay, as the fallback for other architectures.
grep -q 'PrefetchLine' "$root/src/prefetch.h"
echo "ok: every prefetch in src/ and tools/ goes through PrefetchLine"
