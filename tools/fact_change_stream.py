#!/usr/bin/env python3
"""Fact-change streams from real headlines, and how the CLI judges them.

For every headline of a clusters file (cluster, lang, text; NTREX's by
default) that holds a fact word of its language -- a number word or month
name from the generated closed-class table (build/generated/
closed_class_words.inc), or a decimal digit of another script than ASCII
-- the stream gets:
  * the headline;
  * a copy with that word changed (another number word or month of its
    language with another value, or the next digit): it must stay a NEW
    item, since a fact changed;
  * the headline with " - Reuters" appended: it must stay a DUPLICATE.
The script runs the CLI on the stream (annotate output) and prints, per
language, how many changed copies were kept apart and how many tagged
copies were caught. Deterministic (fixed seed).

  tools/fact_change_stream.py --cli build/tickerdedup [--match near]
      [--kind number|month|digit] [--clusters FILE] [--words FILE]
      [--out STREAM.txt]

docs/near.md sections 37-41 quote its figures (before / after: run it with
the CLI built at each commit).
"""

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ISO 639-3 codes of the clusters file -> the ICU locale of the language-
# blind entries (other scripts), whose generated lines name it in a comment.
BLIND_LOCALES = {"rus": "ru", "ukr": "uk", "bul": "bg", "ell": "el",
                 "arb": "ar", "fas": "fa", "heb": "he", "hin": "hi",
                 "kor": "ko"}
STRIP = ".,:;!?«»\"'()“”„"


def load_words(path, kind):
    """language -> {word: value} for entries of `kind` ('n' or 'm')."""
    words = collections.defaultdict(dict)
    pattern = re.compile(r"\{\"([^\"]+)\", '([nmw])', (\d+), \"([a-z]*)\"\},"
                         r"\s*//(.*)")
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = pattern.match(line)
            if not m or m.group(2) != kind:
                continue
            langs = [m.group(4)] if m.group(4) else [
                iso for iso, loc in BLIND_LOCALES.items()
                if loc in m.group(5).split()]
            for lang in langs:
                words[lang][m.group(1)] = int(m.group(3))
    return words


def digit_variant(text):
    """text with its first non-ASCII decimal digit changed, or None."""
    for i, ch in enumerate(text):
        if unicodedata.category(ch) == "Nd" and not ch.isascii():
            d = unicodedata.digit(ch)
            return text[:i] + chr(ord(ch) - d + (d + 1) % 10) + text[i + 1:]
    return None


def word_variant(text, table, rng):
    """text with its first fact word changed, or None."""
    tokens = text.split(" ")
    for i, token in enumerate(tokens):
        word = token.lower().strip(STRIP)
        if word not in table:
            continue
        # A multiplier ("miljoner", 10^6) is changed to another multiplier
        # ("miljarder"), a count to another count: "£11 tjugo" for "£11
        # miljoner" is no headline anyone writes.
        multiplier = table[word] >= 1000
        others = sorted(w for w, v in table.items()
                        if v != table[word] and (v >= 1000) == multiplier and
                        len(w) > 2)
        if not others:
            return None
        tokens[i] = token.replace(token.strip(STRIP), rng.choice(others))
        return " ".join(tokens)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", required=True)
    ap.add_argument("--match", default="xlang")
    ap.add_argument("--kind", choices=["number", "month", "digit"],
                    default="number")
    ap.add_argument("--clusters", default=os.path.join(
        ROOT, "..", "shared", "eval", "clusters", "ntrex128-headlines.tsv"))
    ap.add_argument("--words", default=os.path.join(
        ROOT, "build", "generated", "closed_class_words.inc"))
    ap.add_argument("--out", help="also write the stream here")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    words = {} if args.kind == "digit" else load_words(
        args.words, "n" if args.kind == "number" else "m")
    lines, expect = [], []
    with open(args.clusters, encoding="utf-8") as f:
        next(f)
        for row in f:
            parts = row.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            _, lang, text = parts
            if args.kind == "digit":
                changed = digit_variant(text)
            elif lang in words:
                changed = word_variant(text, words[lang], rng)
            else:
                continue
            if changed is None or changed == text:
                continue
            lines += [text, changed, text + " - Reuters"]
            expect += [("original", lang), ("changed", lang),
                       ("tagged", lang)]
    if not lines:
        sys.exit("fact_change_stream: no headline holds such a fact")
    stream = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(stream)
    run = subprocess.run([args.cli, "--match", args.match, "--emit",
                          "annotate"], input=stream.encode("utf-8"),
                         capture_output=True, check=False)
    if run.returncode not in (0, 1):
        sys.exit(f"fact_change_stream: {args.cli} failed: "
                 f"{run.stderr.decode(errors='replace')[:300]}")
    verdicts = [json.loads(line)["verdict"]
                for line in run.stdout.decode("utf-8").splitlines()]
    per = collections.defaultdict(collections.Counter)
    for (role, lang), verdict in zip(expect, verdicts):
        per[lang][(role, verdict == "new")] += 1
    total = collections.Counter()
    print(f"{'lang':<6} {'headlines':>9} {'changed kept apart':>19} "
          f"{'tagged caught':>14}")
    for lang in sorted(per):
        c = per[lang]
        n = c[("changed", True)] + c[("changed", False)]
        print(f"{lang:<6} {n:>9} {c[('changed', True)]:>19} "
              f"{c[('tagged', False)]:>14}")
        total.update(c)
    n = total[("changed", True)] + total[("changed", False)]
    print(f"{'all':<6} {n:>9} {total[('changed', True)]:>19} "
          f"{total[('tagged', False)]:>14}")


if __name__ == "__main__":
    main()
