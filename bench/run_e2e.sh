#!/usr/bin/env bash
# End-to-end benchmark: the tickerdedup CLI against line-dedupe baselines,
# on the same recorded feed, in the same run, on the same machine.
#
#   bench/run_e2e.sh                          # bench/feeds/feed-1M.* (made if absent)
#   bench/run_e2e.sh --count 10000000 --no-quality
#   bench/run_e2e.sh --feed /tmp/feed-100k --runs 1 --cli build/tickerdedup
#
# For each input format of the feed (lines: one headline a line; ticker:
# headlines glued by U+00A0 runs; jsonl) it times, best of --runs (default 3)
# wall-clock runs with a warm page cache:
#   cat > /dev/null                    speed of light (read the file)
#   LC_ALL=C sort -u                   lines only
#   gawk '!seen[$0]++'                 lines; on ticker with RS = the U+00A0 run
#   tickerdedup --match exact|near|xlang --emit unique > /dev/null
# and reports headlines/s, MB/s and peak RSS (/usr/bin/time %M), then ratios.
# A quality pass runs each match level once with --emit annotate --stats and
# scores it with tools/score_feed.py against PREFIX.truth.tsv (precision,
# recall per kind, false merges) and reads index bytes per stored headline
# from --stats. A failing mode is reported and the run goes on.
#
# Prints a Markdown report on stdout (paste it into bench/RESULTS.md); the
# progress log goes to stderr. Needs bash, python3, gawk, GNU time.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
count=1000000
feed=""
runs=3
cli="${TICKERDEDUP_CLI:-}"
quality=1
formats="lines ticker jsonl"
matches="exact near xlang"
extra_args=()

usage() {
  sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}
while (($#)); do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --feed) feed=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --formats) formats=$2; shift 2 ;;
    --matches) matches=$2; shift 2 ;;
    --no-quality) quality=0; shift ;;
    --cli-arg) extra_args+=("$2"); shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "run_e2e.sh: unknown argument $1" >&2; usage 2 ;;
  esac
done

log() { echo "run_e2e: $*" >&2; }

label() {
  local n=$1
  if ((n % 1000000 == 0)); then echo "$((n / 1000000))M";
  elif ((n % 1000 == 0)); then echo "$((n / 1000))k"; else echo "$n"; fi
}

if [[ -z "$feed" ]]; then feed="$root/bench/feeds/feed-$(label "$count")"; fi
if [[ -z "$cli" ]]; then
  for c in "$root/build-bench/tickerdedup" "$root/build/tickerdedup"; do
    if [[ -x "$c" ]]; then cli=$c; break; fi
  done
fi

# Only the formats asked for (and the truth) must exist: a 10M feed is
# usually generated as ticker + lines only (the JSON Lines copy is 2.4 GB).
missing=()
for fmt in $formats; do
  ext=$fmt
  [[ $fmt == jsonl ]] || ext="$fmt.txt"
  [[ -s "$feed.$ext" ]] || missing+=("$fmt")
done
[[ -s "$feed.truth.tsv" ]] || missing+=(truth)
if ((${#missing[@]})); then
  want=$(echo $formats | tr ' ' ',')
  log "generating $feed.* ($count items; missing: ${missing[*]})"
  python3 "$root/tools/gen_feed.py" --count "$count" --format "$want" \
    --out "$feed" >&2 || { log "gen_feed.py failed"; exit 2; }
fi
items=$(wc -l < "$feed.truth.tsv")

work=$(mktemp -d "${TMPDIR:-/tmp}/run_e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"  # format tool seconds rss_kib status
: > "$results"

have_time=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M true 2>/dev/null; then
  have_time=1
fi

# Runs "$@" $runs times; records the best wall time and the largest peak RSS.
# Usage: measure FORMAT TOOL INPUT CMD...  (CMD reads INPUT on stdin, writes
# to /dev/null).
measure() {
  local format=$1 tool=$2 input=$3; shift 3
  local best="" rss=0 status=ok r t0 t1 secs m
  for ((r = 0; r < runs; r++)); do
    t0=$(date +%s%N)
    if ((have_time)); then
      /usr/bin/time -f %M -o "$work/rss" "$@" < "$input" > /dev/null \
        2> "$work/err"
    else
      "$@" < "$input" > /dev/null 2> "$work/err"
    fi
    local rc=$?
    t1=$(date +%s%N)
    # The CLI exits 1 when it rejected records; that is still a timing.
    if ((rc != 0 && rc != 1)) || { ((rc == 1)) && [[ "$tool" != cli-* ]]; }; then
      status="FAILED(rc=$rc)"
      log "$format/$tool failed (rc=$rc): $(grep -v '^Command exited' "$work/err" | head -3 | tr '\n' ' ')"
      break
    fi
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
    if [[ -z "$best" ]] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$secs
    fi
    if ((have_time)); then
      m=$(tail -1 "$work/rss")
      [[ "$m" =~ ^[0-9]+$ ]] && ((m > rss)) && rss=$m
    fi
  done
  printf '%s\t%s\t%s\t%s\t%s\n' "$format" "$tool" "${best:-nan}" "$rss" \
    "$status" >> "$results"
  log "$format/$tool: best ${best:-n/a} s, peak RSS ${rss} KiB, $status"
}

cli_ok=0
if [[ -n "$cli" && -x "$cli" ]]; then
  if "$cli" --version > /dev/null 2>&1; then cli_ok=1; fi
fi
((cli_ok)) || log "CLI not found or not working (${cli:-none}); CLI rows will be missing"

nbsp_rs=$'(\xc2\xa0 )+|\n'
for format in $formats; do
  case $format in
    lines) input="$feed.lines.txt"; cli_in=(--input text) ;;
    ticker) input="$feed.ticker.txt"; cli_in=(--input text) ;;
    jsonl) input="$feed.jsonl"; cli_in=(--input jsonl) ;;
    *) log "unknown format $format"; continue ;;
  esac
  cat "$input" > /dev/null  # warm the page cache
  measure "$format" cat "$input" cat
  if [[ $format == lines ]]; then
    measure "$format" "sort -u" "$input" env LC_ALL=C sort -u
    measure "$format" gawk "$input" env LC_ALL=C gawk '!seen[$0]++'
  elif [[ $format == ticker ]]; then
    measure "$format" gawk "$input" env LC_ALL=C gawk -v RS="$nbsp_rs" \
      '!seen[$0]++'
  fi
  if ((cli_ok)); then
    for match in $matches; do
      measure "$format" "cli-$match" "$input" "$cli" "${cli_in[@]}" \
        --match "$match" "${extra_args[@]}"
    done
  fi
done

# Quality pass: annotate + --stats once per format and match level.
quality_rows="$work/quality.tsv"
: > "$quality_rows"
if ((quality && cli_ok)); then
  for format in $formats; do
    [[ $format == lines ]] && continue  # same items as ticker
    case $format in
      ticker) input="$feed.ticker.txt"; cli_in=(--input text) ;;
      jsonl) input="$feed.jsonl"; cli_in=(--input jsonl) ;;
    esac
    for match in $matches; do
      "$cli" "${cli_in[@]}" --match "$match" --emit annotate --stats \
        "${extra_args[@]}" < "$input" > "$work/ann" 2> "$work/stats"
      rc=$?
      if ((rc != 0 && rc != 1)); then
        log "quality $format/$match failed (rc=$rc): $(head -3 "$work/stats" | tr '\n' ' ')"
        printf '%s\t%s\tFAILED(rc=%s)\n' "$format" "$match" "$rc" >> "$quality_rows"
        continue
      fi
      score=$(python3 "$root/tools/score_feed.py" --json --truth \
        "$feed.truth.tsv" "$work/ann")
      index_line=$(grep -o 'index [0-9]* bytes, [0-9]* items stored' "$work/stats" | tail -1)
      rss_line=$(grep -o 'peak RSS [0-9.]* MiB' "$work/stats" | tail -1)
      printf '%s\t%s\tok\t%s\t%s\t%s\n' "$format" "$match" "$score" \
        "$index_line" "$rss_line" >> "$quality_rows"
      log "quality $format/$match: $(echo "$score" | cut -c1-160)"
    done
  done
fi

# ------------------------------------------------------------------ report
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
ncpu=$(nproc 2>/dev/null)
flags=""
for f in avx2 avx512f avx512bw; do
  grep -qw "$f" /proc/cpuinfo 2>/dev/null && flags+="$f "
done
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
compiler="unknown"
cache="$(dirname "${cli:-/nonexistent}")/CMakeCache.txt"
if [[ -f "$cache" ]]; then
  cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$cache")
  btype=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")
  compiler="$("${cxx:-c++}" --version 2>/dev/null | head -1), $btype"
fi
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  commit+=" + uncommitted changes"
fi
cli_version=$( ((cli_ok)) && "$cli" --version 2>/dev/null | head -1)

python3 - "$results" "$quality_rows" "$items" "$feed" <<PYEOF
import json, os, sys
results, quality, items, feed = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sizes = {f: os.path.getsize(feed + s) for f, s in
         (("lines", ".lines.txt"), ("ticker", ".ticker.txt"), ("jsonl", ".jsonl"))
         if os.path.exists(feed + s)}
rows, rate = [], {}
for line in open(results):
  fmt, tool, secs, rss, status = line.rstrip("\n").split("\t")
  rows.append((fmt, tool, secs, int(rss), status))
  if status == "ok":
    rate[(fmt, tool)] = items / float(secs)

def Ratio(fmt, a, b):
  if (fmt, a) in rate and (fmt, b) in rate:
    return f"{rate[(fmt, a)] / rate[(fmt, b)]:.2f}x"
  return "n/a"

meta = {}
if os.path.exists(feed + ".meta.json"):
  meta = json.load(open(feed + ".meta.json"))
print("## End-to-end run: $(date -u +%Y-%m-%dT%H:%MZ)")
print()
print("- commit: \`$commit\`; CLI: \`${cli:-none}\` (${cli_version:-not available})")
print("- hardware: $cpu, $ncpu CPUs, $mem RAM; CPU flags: ${flags:-none}")
print("- compiler: $compiler")
produced = meta.get("produced", {})
print(f"- feed: \`{os.path.basename(feed)}\` ({items:,} headlines; "
      + ", ".join(f"{k} {v:,}" for k, v in sorted(produced.items()))
      + f"; seed {meta.get('seed', '?')}; sizes "
      + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sizes.items()) + ")")
print(f"- timing: best of $runs wall-clock runs, warm page cache, output to /dev/null; "
      "peak RSS from GNU time (max over runs)")
print()
print("| input | tool | best s | headlines/s | MB/s | peak RSS MiB |")
print("|---|---|---:|---:|---:|---:|")
for fmt, tool, secs, rss, status in rows:
  if status != "ok":
    print(f"| {fmt} | {tool} | {status} | | | |")
    continue
  s = float(secs)
  mbs = sizes.get(fmt, 0) / s / 1e6
  print(f"| {fmt} | {tool} | {s:.3f} | {items / s:,.0f} | {mbs:,.1f} | "
        f"{rss / 1024:.1f} |")
print()
print("Ratios (headline rates, same file, same run):")
print()
print("| input | CLI exact / gawk | CLI exact / sort -u | CLI near / gawk | CLI xlang / near | CLI exact / cat |")
print("|---|---:|---:|---:|---:|---:|")
for fmt in ("lines", "ticker", "jsonl"):
  if not any(r[0] == fmt for r in rows):
    continue
  print(f"| {fmt} | {Ratio(fmt, 'cli-exact', 'gawk')} | "
        f"{Ratio(fmt, 'cli-exact', 'sort -u')} | {Ratio(fmt, 'cli-near', 'gawk')} | "
        f"{Ratio(fmt, 'cli-xlang', 'cli-near')} | {Ratio(fmt, 'cli-exact', 'cat')} |")
qrows = [l.rstrip("\n").split("\t") for l in open(quality)]
if qrows:
  print()
  print("Quality against the ground truth (one --emit annotate --stats run each):")
  print()
  print("| input | match | precision | recall | recall exact | recall near | recall xlang | false merges (fresh) | index B/headline | CLI peak RSS |")
  print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
  def F(x):
    return "n/a" if x is None else f"{x:.4f}"
  for q in qrows:
    if q[2] != "ok":
      print(f"| {q[0]} | {q[1]} | {q[2]} | | | | | | | |")
      continue
    s = json.loads(q[3])
    bph = "n/a"
    parts = q[4].split() if len(q) > 4 else []
    if len(parts) >= 5 and int(parts[3]) > 0:
      bph = f"{int(parts[1]) / int(parts[3]):.0f}"
    rss = q[5].replace("peak RSS ", "") if len(q) > 5 and q[5] else "n/a"
    warn = "" if s["aligned"] else " (MISALIGNED: %d items vs %d)" % (
        s["items_annotated"], s["items_truth"])
    print(f"| {q[0]} | {q[1]}{warn} | {F(s['precision'])} | {F(s['recall'])} | "
          f"{F(s['recall_exact'])} | {F(s['recall_near'])} | {F(s['recall_xlang'])} | "
          f"{F(s['false_merge_rate'])} | {bph} | {rss} |")
PYEOF
