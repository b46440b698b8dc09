#!/usr/bin/env python3
"""Scores the CLI's `--emit annotate` output against a feed's ground truth.

  tickerdedup --emit annotate < feed-1M.ticker.txt > ann.jsonl
  tools/score_feed.py --truth bench/feeds/feed-1M.truth.tsv ann.jsonl
  tools/score_feed.py --truth T.tsv --json ann.jsonl   # one JSON object

The annotate output holds one JSON object per item, in feed order, with at
least `id` (0-based), `verdict` (new|exact|near|xlang) and `dup_of` (the id of
the representative, absent or null for new items). The truth file
(tools/gen_feed.py) holds `cluster_id<TAB>kind` per item.

Reported:
  pair precision  predicted duplicate pairs (id -> dup_of) whose two items
                  share a gold cluster, over all predicted pairs
  pair recall     gold duplicates (kind != fresh) predicted as a duplicate of
                  an item of their own cluster, over all gold duplicates
  recall per kind the same for exact, near and xlang items separately
  false merges    fresh items predicted as a duplicate, over fresh items
  confusion       gold kind x predicted verdict counts
Python 3 standard library only.
"""

import argparse
import collections
import json
import sys

KINDS = ["fresh", "exact", "near", "xlang"]
VERDICTS = ["new", "exact", "near", "xlang"]


def LoadTruth(path):
  clusters, kinds = [], []
  with open(path, encoding="utf-8") as f:
    for line in f:
      cluster, kind = line.rstrip("\n").split("\t")
      clusters.append(cluster)
      kinds.append(kind)
  return clusters, kinds


def Score(truth_path, annotate_file):
  clusters, kinds = LoadTruth(truth_path)
  n = len(clusters)
  predicted = correct = 0
  kind_total = collections.Counter(kinds)
  kind_hit = collections.Counter()
  kind_flag = collections.Counter()  # predicted dup, right cluster or not
  confusion = collections.Counter()
  seen = 0
  bad_lines = 0
  out_of_range = 0
  for line in annotate_file:
    line = line.strip()
    if not line:
      continue
    try:
      obj = json.loads(line)
      i = int(obj["id"])
      verdict = obj.get("verdict", "new")
      dup_of = obj.get("dup_of")
    except (ValueError, KeyError, TypeError):
      bad_lines += 1
      continue
    seen += 1
    if i < 0 or i >= n:
      out_of_range += 1
      continue
    kind = kinds[i]
    confusion[(kind, verdict)] += 1
    if verdict == "new" or dup_of is None:
      continue
    predicted += 1
    kind_flag[kind] += 1
    j = int(dup_of)
    if 0 <= j < n and clusters[j] == clusters[i]:
      correct += 1
      kind_hit[kind] += 1
  gold_dups = n - kind_total["fresh"]
  recall_hits = sum(kind_hit[k] for k in KINDS if k != "fresh")

  def Ratio(a, b):
    return a / b if b else None

  return {
      "items_truth": n,
      "items_annotated": seen,
      "bad_lines": bad_lines,
      "ids_out_of_range": out_of_range,
      "aligned": seen == n and bad_lines == 0 and out_of_range == 0,
      "predicted_pairs": predicted,
      "correct_pairs": correct,
      "precision": Ratio(correct, predicted),
      "recall": Ratio(recall_hits, gold_dups),
      "recall_exact": Ratio(kind_hit["exact"], kind_total["exact"]),
      "recall_near": Ratio(kind_hit["near"], kind_total["near"]),
      "recall_xlang": Ratio(kind_hit["xlang"], kind_total["xlang"]),
      "false_merge_rate": Ratio(kind_flag["fresh"], kind_total["fresh"]),
      "kind_counts": dict(kind_total),
      "confusion": {f"{k}->{v}": confusion[(k, v)] for k in KINDS
                    for v in VERDICTS if confusion[(k, v)]},
  }


def Fmt(x):
  return "n/a" if x is None else f"{x:.4f}"


def Main():
  ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  ap.add_argument("--truth", required=True, help="PREFIX.truth.tsv")
  ap.add_argument("--json", action="store_true", help="print one JSON object")
  ap.add_argument("annotate", nargs="?", default="-",
                  help="annotate output (default stdin)")
  args = ap.parse_args()
  f = (sys.stdin if args.annotate == "-" else
       open(args.annotate, encoding="utf-8", errors="replace"))
  result = Score(args.truth, f)
  if args.json:
    print(json.dumps(result))
  else:
    if not result["aligned"]:
      print(f"WARNING: {result['items_annotated']} annotated items for "
            f"{result['items_truth']} truth lines ({result['bad_lines']} bad "
            f"lines, {result['ids_out_of_range']} ids out of range): the "
            "splitter and the feed disagree; scores are unreliable",
            file=sys.stderr)
    print(f"items            {result['items_truth']} "
          f"(annotated {result['items_annotated']})")
    print(f"pair precision   {Fmt(result['precision'])} "
          f"({result['correct_pairs']}/{result['predicted_pairs']})")
    print(f"pair recall      {Fmt(result['recall'])}")
    for k in ("exact", "near", "xlang"):
      print(f"recall {k:<9} {Fmt(result['recall_' + k])} "
            f"(of {result['kind_counts'].get(k, 0)})")
    print(f"false merges     {Fmt(result['false_merge_rate'])} "
          f"(of {result['kind_counts'].get('fresh', 0)} fresh)")
    print("confusion        " + ", ".join(
        f"{k} {v}" for k, v in result["confusion"].items()))
  return 0 if result["aligned"] else 2


if __name__ == "__main__":
  sys.exit(Main())
