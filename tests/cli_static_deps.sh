#!/usr/bin/env bash
# The CLI built with TICKERDEDUP_CLI_STATIC_DEPS (the default) loads none of
# the shared libraries whose static archives CMake found: each one would be
# mapped and relocated at every start (CMakeLists.txt, "CLI"). Then runs
# the CLI once, so that a missing symbol shows here, not for a user.
#   tests/cli_static_deps.sh CLI 'ARCHIVE;ARCHIVE;...'
set -euo pipefail
cli=${1:?usage: cli_static_deps.sh CLI ARCHIVES}
archives=${2-}
needed=$(readelf -d "$cli" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[[ -n "$needed" ]] || { echo "no NEEDED entries read from $cli" >&2; exit 1; }
IFS=';' read -r -a list <<< "$archives"
bad=0
for archive in "${list[@]}"; do
  [[ -n "$archive" ]] || continue
  lib=$(basename "$archive" .a)
  if grep -qx "$lib\.so.*" <<< "$needed"; then
    echo "$cli loads $lib.so although $archive was linked" >&2
    bad=1
  fi
done
((bad == 0)) || exit 1
out=$(printf 'Markets rally\nMARKETS RALLY\n' | "$cli" --match exact)
[[ "$out" == "Markets rally" ]] || { echo "unexpected output: $out" >&2; exit 1; }
echo "ok: ${#list[@]} archives linked, none of their shared libraries loaded"
