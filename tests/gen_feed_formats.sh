#!/usr/bin/env bash
# The feed generator is deterministic and its items do not depend on the
# formats asked for: a full run (ticker, lines, jsonl) and a `--format lines`
# run under another Python hash seed give the same lines and truth files, and
# the ticker and JSON Lines files hold those items in that order.
#   tests/gen_feed_formats.sh SOURCE_DIR
set -euo pipefail
root=${1:?usage: gen_feed_formats.sh SOURCE_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen=("$root/tools/gen_feed.py" --count 3000 --seed 7)
PYTHONHASHSEED=1 python3 "${gen[@]}" --out "$tmp/all" > /dev/null
PYTHONHASHSEED=2 python3 "${gen[@]}" --format lines --out "$tmp/lines" > /dev/null
cmp "$tmp/all.lines.txt" "$tmp/lines.lines.txt"
cmp "$tmp/all.truth.tsv" "$tmp/lines.truth.tsv"
python3 - "$tmp/all" <<'PY'
import json, sys
prefix = sys.argv[1]
lines = open(prefix + ".lines.txt", encoding="utf-8").read().splitlines()
truth = open(prefix + ".truth.tsv", encoding="utf-8").read().splitlines()
titles = [json.loads(l)["title"]
          for l in open(prefix + ".jsonl", encoding="utf-8")]
ticker = [item  # items are glued by four U+00A0, each followed by a space
          for row in open(prefix + ".ticker.txt", encoding="utf-8")
          for item in row.rstrip("\n").split("\u00a0 " * 4)]
kinds = {t.split("\t")[1] for t in truth}
assert len(lines) == 3000, len(lines)
assert len(truth) == len(lines), (len(truth), len(lines))
assert kinds == {"fresh", "exact", "near", "xlang"}, kinds
assert titles == lines, "jsonl titles differ from the lines file"
assert ticker == lines, "ticker items differ from the lines file"
PY
echo "ok: one feed whatever the formats, 3000 items in all three"
