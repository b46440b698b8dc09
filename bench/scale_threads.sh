#!/usr/bin/env bash
# Thread scaling of the tickerdedup CLI: --threads 1, 2, 4, ... on one feed,
# with the line-dedupe baselines timed in the same run, and a check that
# every thread count prints the same annotate output.
#
#   bench/scale_threads.sh --feed bench/feeds/feed-1M.lines.txt
#   bench/scale_threads.sh --feed F --threads "1 2" --runs 1 --cli build/tickerdedup
#
# Options:
#   --feed FILE       the input (one headline a line; required)
#   --cli PATH        the CLI (default: $TICKERDEDUP_CLI, else build/tickerdedup)
#   --cli-arg ARG     one more argument for every CLI run (repeatable),
#                     e.g. --cli-arg --lexicon --cli-arg PATH
#   --threads "LIST"  thread counts (default "1 2 4 8 16")
#   --matches "LIST"  match levels among exact near default (default: all
#                     three; exact runs on one thread, as the engine does)
#   --runs N          timed runs per figure, the best one counts (default 3)
#   --gawk PATH       the gawk to time (default: gawk on the PATH)
#   --prefix "CMD"    a command to run the CLI and gawk under (a loader, say)
#
# Prints one line per figure: the wall-clock seconds of the best run, the
# headlines/s, and the speedup over one thread; then the annotate output's
# md5 per thread count (default and near mode), which must all agree.
# Needs bash, gawk, GNU date, md5sum, python3.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
feed=""
cli="${TICKERDEDUP_CLI:-$root/build/tickerdedup}"
threads="1 2 4 8 16"
matches="exact near default"
runs=3
prefix=""
gawk_path=gawk
extra_args=()
usage() {
  sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}
while (($#)); do
  case "$1" in
    --feed) feed=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --cli-arg) extra_args+=("$2"); shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --matches) matches=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --gawk) gawk_path=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "scale_threads.sh: unknown argument $1" >&2; usage 2 ;;
  esac
done
[[ -n $feed && -r $feed ]] || { echo "scale_threads.sh: --feed FILE is required" >&2; usage 2; }

lines=$(wc -l < "$feed")
# $prefix is split into words on purpose (a loader and its options).
# shellcheck disable=SC2206
pre=($prefix)
td=("${pre[@]}" "$cli" "${extra_args[@]}")
awk_cmd=("${pre[@]}" "$gawk_path")

# Seconds of the best of $runs runs of "$@" > /dev/null.
best() {
  local best_s="" s e d
  for ((r = 0; r < runs; ++r)); do
    s=$(date +%s.%N)
    "$@" > /dev/null || { echo "scale_threads.sh: failed: $*" >&2; return 1; }
    e=$(date +%s.%N)
    d=$(python3 -c "print(f'{$e - $s:.3f}')")
    if [[ -z $best_s ]] || python3 -c "import sys; sys.exit(not $d < $best_s)"; then
      best_s=$d
    fi
  done
  echo "$best_s"
}
report() {  # name seconds [one-thread seconds]
  python3 -c "
import sys
n, s, base = sys.argv[1], $2, '${3:-}'
line = f'{n:<22} {s:8.3f} s {$lines / s / 1e3:10.1f}k headlines/s'
if base: line += f'  {float(base) / s:5.2f}x one thread'
print(line)" "$1"
}

echo "feed: $feed ($lines lines, $(wc -c < "$feed") bytes)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; $(grep -q -w avx512f /proc/cpuinfo && echo AVX-512 || (grep -q -w avx2 /proc/cpuinfo && echo AVX2 || echo no AVX2))"
cat "$feed" > /dev/null
report cat "$(best cat "$feed")"
report "LC_ALL=C sort -u" "$(LC_ALL=C best sort -u "$feed")"
report "gawk '!seen[\$0]++'" "$(best "${awk_cmd[@]}" '!seen[$0]++' "$feed")"
for m in $matches; do
  args=()
  [[ $m != default ]] && args=(--match "$m")
  one=""
  for t in $threads; do
    [[ $m == exact && $t -gt 2 ]] && continue
    s=$(best "${td[@]}" "${args[@]}" --threads "$t" "$feed") || exit 1
    [[ -z $one ]] && one=$s
    report "$m --threads $t" "$s" "$one"
  done
done
for m in default near; do
  [[ " $matches " == *" $m "* ]] || continue
  args=()
  [[ $m != default ]] && args=(--match "$m")
  for t in $threads; do
    echo "annotate md5 $m --threads $t: $("${td[@]}" "${args[@]}" --emit annotate --threads "$t" "$feed" | md5sum | cut -c1-16)"
  done
done
