#!/usr/bin/env bash
# Golden CLI tests: runs the CLI once per case directory and compares what it
# printed, byte for byte, with the committed expectations.
#
#   run_golden.sh <cli> <source_dir>            # run every case
#   UPDATE=1 run_golden.sh <cli> <source_dir>   # rewrite the expectations
#                                               # (then READ them before
#                                               # committing)
#
# tests/golden/<case>/ holds:
#   args              one CLI argument per line (an empty file: no arguments);
#                     @FIXTURES@ becomes <source_dir>/fixtures and @OUT@ a
#                     scratch directory for files the CLI writes
#   stdin             optional: standard input (default: /dev/null)
#   expected_stdout   standard output, exactly; or instead
#   stdout_contains   lines that must each appear in standard output
#   expected_stderr   optional: standard error, exactly (absent: empty)
#   expected_rc       the exit status
#   expected_rejects  optional: the content of @OUT@/rejects, exactly
set -u

if [[ $# -ne 2 ]]; then
  echo "usage: run_golden.sh <cli> <source_dir>" >&2
  exit 2
fi
# Absolute paths: each case runs in its own scratch directory.
cli=$(realpath -- "$1")
src=$(realpath -- "$2")
golden="$src/tests/golden"
fixtures="$src/fixtures"
export LC_ALL=C

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

passed=0
failed=0

# compare NAME EXPECTED_FILE ACTUAL_FILE: prints a diff on mismatch.
compare() {
  if cmp -s "$2" "$3"; then
    return 0
  fi
  echo "  $1 differs:"
  diff -u --text --label expected --label actual "$2" "$3" | head -n 40 |
    sed 's/^/    /'
  return 1
}

for dir in "$golden"/*/; do
  dir=${dir%/}
  name=$(basename "$dir")
  [[ -f "$dir/args" ]] || continue
  out="$scratch/$name"
  mkdir -p "$out/files"

  args=()
  while IFS= read -r line || [[ -n "$line" ]]; do
    line=${line//@FIXTURES@/$fixtures}
    line=${line//@OUT@/$out/files}
    args+=("$line")
  done <"$dir/args"

  stdin=/dev/null
  [[ -f "$dir/stdin" ]] && stdin="$dir/stdin"
  (cd "$out/files" && exec "$cli" "${args[@]}") <"$stdin" \
    >"$out/stdout" 2>"$out/stderr"
  rc=$?
  echo "$rc" >"$out/rc"

  if [[ -n "${UPDATE:-}" ]]; then
    [[ -f "$dir/stdout_contains" ]] || cp "$out/stdout" "$dir/expected_stdout"
    cp "$out/stderr" "$dir/expected_stderr"
    cp "$out/rc" "$dir/expected_rc"
    [[ -f "$out/files/rejects" ]] && cp "$out/files/rejects" "$dir/expected_rejects"
    echo "UPDATED $name"
    continue
  fi

  ok=1
  if [[ -f "$dir/expected_stdout" ]]; then
    compare stdout "$dir/expected_stdout" "$out/stdout" || ok=0
  fi
  if [[ -f "$dir/stdout_contains" ]]; then
    while IFS= read -r needle || [[ -n "$needle" ]]; do
      if ! grep -qF -- "$needle" "$out/stdout"; then
        echo "  stdout lacks: $needle"
        ok=0
      fi
    done <"$dir/stdout_contains"
  fi
  expected_stderr="$dir/expected_stderr"
  [[ -f "$expected_stderr" ]] || expected_stderr=/dev/null
  compare stderr "$expected_stderr" "$out/stderr" || ok=0
  compare "exit status" "$dir/expected_rc" "$out/rc" || ok=0
  if [[ -f "$dir/expected_rejects" ]]; then
    touch "$out/files/rejects"
    compare rejects "$dir/expected_rejects" "$out/files/rejects" || ok=0
  fi

  if [[ $ok -eq 1 ]]; then
    echo "PASS $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 && $passed -gt 0 ]]
