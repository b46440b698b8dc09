#!/usr/bin/env python3
"""Builds the cross-language pivot lexicon from installed FreeDict dictionaries.

Run by CMake at build time:
    build_lexicon.py --dictd /usr/share/dictd --out build/lexicon.tsv

For each content word of fra, spa, por, ita and deu it writes up to four
English pivot words (the engine's features compare pivots, so "négociations"
and "negociaciones" meet at "negotiation"). Words the X-eng dictionaries miss
are routed through the direct dictionaries (spa -> fra -> eng, ...): on NTREX
headlines this lifts content-word coverage from 59% to 80% for French and
48% to 77% for Spanish (prototype figures; --coverage re-measures them).
All-capital headwords translated by all-capital words (ONU -> UNO -> UN) form
an acronym equivalence, written as language "acr" lines.

Output, sorted by (lang, word) bytes so the C++ loader can binary-search it
without building a hash table:
    # comment lines (counts, licence note)
    lang<TAB>folded_word<TAB>pivot1 pivot2 ...

Folding matches the engine's match keys: NFKD, drop combining marks,
casefold. The output derives from GPL-2+/GPL-3+ and CC-BY-SA-3.0 FreeDict
data: it is built, never committed (see LICENSES.md).

Python standard library only.
"""
import argparse
import gzip
import os
import re
import sys
import unicodedata

LANGS = ["fra", "spa", "por", "ita", "deu"]
MAX_PIVOTS = 4
# Hub order for routing a word that the X-eng dictionaries miss. German
# first: deu-eng has 519k entries, by far the largest English dictionary.
HUBS = ["deu", "fra", "spa", "ita", "por"]
# The pairs Debian packages (dict-freedict-*); others are not expected.
EXPECTED = ("eng-fra eng-spa eng-por eng-ita eng-deu fra-eng fra-spa fra-por "
            "fra-ita fra-deu spa-eng spa-por spa-deu por-eng por-fra por-spa "
            "por-deu ita-eng ita-spa ita-por ita-deu deu-eng deu-fra deu-spa "
            "deu-por deu-ita").split()

B64 = {c: i for i, c in enumerate(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}

WORD_RE = re.compile(r"^[^\W\d_]+$")  # one word, letters only


def b64(s):
    v = 0
    for c in s:
        v = v * 64 + B64[c]
    return v


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold()


def load_stopwords():
    """Parses the k???StopWords literals of src/stopwords.cc (one source)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "src", "stopwords.cc")
    stop = {lang: set() for lang in ["eng"] + LANGS}
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        print("build_lexicon: warning: %s not found; no stop-word filter" % path,
              file=sys.stderr)
        return stop
    for m in re.finditer(r"k(\w)(\w\w)StopWords\[\]\s*=\s*((?:\"[^\"]*\"\s*)+);",
                         text):
        lang = (m.group(1) + m.group(2)).lower()
        words = "".join(re.findall(r"\"([^\"]*)\"", m.group(3))).split()
        stop.setdefault(lang, set()).update(words)
    return stop


def read_dict(dictd, src, dst):
    """Yields (headword, [translation lines]) of freedict-src-dst, or None."""
    base = os.path.join(dictd, "freedict-%s-%s" % (src, dst))
    if not (os.path.exists(base + ".index") and os.path.exists(base + ".dict.dz")):
        return None
    data = gzip.open(base + ".dict.dz").read()
    entries = []
    with open(base + ".index", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[0].startswith("00database"):
                continue
            off, ln = b64(parts[1]), b64(parts[2])
            body = data[off:off + ln].decode("utf-8", "replace").split("\n")
            if not body:
                continue
            head = body[0].split(" /")[0].split(" <")[0].split(" (")[0].strip()
            # Translation lines: the first unindented line after the headword
            # and numbered senses ("1. a, b"). Later unindented lines in the
            # CC-BY-SA pairs are glosses in the source language; indented ones
            # are "see:" / "Synonym:" / "Note:" cross references.
            trans = []
            for i, l in enumerate(body[1:]):
                if not l or l[0] in " \t":
                    continue
                m = re.match(r"^\d+\.\s*(.*)$", l)
                if m:
                    trans.append(m.group(1))
                elif i == 0:
                    trans.append(l)
            entries.append((head, trans))
    return entries


def split_translations(lines):
    """Candidate single-word translations, in dictionary order (original case)."""
    out = []
    for l in lines:
        l = re.sub(r"\[[^\]]*\]|\([^)]*\)|<[^>]*>|\{[^}]*\}", " ", l)
        for t in re.split(r"[,;]", l):
            t = t.strip().strip(".!?\"'")
            t = re.sub(r"^(to|a|an|the) ", "", t)
            if t:
                out.append(t)
    return out


def is_acronym(w):
    return 2 <= len(w) <= 6 and w.isalpha() and w.isupper()


class Lexicon:
    def __init__(self, dictd, stop):
        self.stop = stop
        # direct[L][word] = [eng pivots]; bil[(L, M)][word] = [M words]
        self.direct = {lang: {} for lang in LANGS}
        self.bil = {}
        self.acr_edges = []
        self.forward_count = {}
        self.used = []
        self.missing = []
        langs = ["eng"] + LANGS
        for src in langs:
            for dst in langs:
                if src == dst:
                    continue
                entries = read_dict(dictd, src, dst)
                if entries is None:
                    if "%s-%s" % (src, dst) in EXPECTED:
                        self.missing.append("%s-%s" % (src, dst))
                    continue
                self.used.append("%s-%s" % (src, dst))
                self.add(src, dst, entries)

    def add(self, src, dst, entries):
        for head, lines in entries:
            if not WORD_RE.match(head):
                if " " in head:
                    continue  # multiword headword: never a key token
            trans = split_translations(lines)
            if is_acronym(head):
                for t in trans:
                    if is_acronym(t):
                        self.acr_edges.append((fold(head), fold(t)))
            hw = fold(head)
            if not WORD_RE.match(hw):
                continue
            for t in trans:
                if not WORD_RE.match(t):
                    continue  # multiword or punctuation junk
                tw = fold(t)
                if tw in self.stop.get(dst, ()) or hw in self.stop.get(src, ()):
                    continue
                if len(tw) < 2:
                    continue
                # Forward entries (src word -> dst word) and inverted ones
                # (dst word -> src word) both feed the maps; forward first.
                self.put(src, dst, hw, tw)
                self.put(dst, src, tw, hw, inverted=True)

    def put(self, a, b, wa, wb, inverted=False):
        if a == "eng":
            return
        if b == "eng":
            table = self.direct[a]
        else:
            table = self.bil.setdefault((a, b), {})
        # Forward translations (curated in the word's own dictionary) rank
        # before inverted ones; lists are kept in rank order.
        lst = table.setdefault(wa, [])
        if wb in lst:
            return
        if inverted:
            lst.append(wb)
        else:
            n = self.forward_count.get((a, b, wa), 0)
            lst.insert(n, wb)
            self.forward_count[(a, b, wa)] = n + 1

    def pivots(self, lang, word):
        direct = self.direct[lang].get(word)
        if direct:
            return direct[:MAX_PIVOTS], False
        out = []
        for hub in HUBS:
            if hub == lang:
                continue
            for mw in self.bil.get((lang, hub), {}).get(word, [])[:3]:
                for p in self.direct[hub].get(mw, [])[:2]:
                    if p not in out:
                        out.append(p)
            if len(out) >= MAX_PIVOTS:
                break
        return out[:MAX_PIVOTS], True

    def entries(self, lang):
        words = set(self.direct[lang])
        for (a, _), table in self.bil.items():
            if a == lang:
                words.update(table)
        rows = {}
        routed = 0
        for w in words:
            if w in self.stop.get(lang, ()):
                continue
            piv, via = self.pivots(lang, w)
            if piv:
                rows[w] = piv
                routed += via
        return rows, routed

    def acronyms(self):
        # Union-find over all-capital pairs; the representative is the
        # English-looking member when one exists (shortest, then smallest).
        parent = {}

        def find(x):
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in self.acr_edges:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        groups = {}
        for x in list(parent):
            groups.setdefault(find(x), []).append(x)
        rows = {}
        for members in groups.values():
            if len(members) < 2 or len(members) > 6:
                continue  # a huge component means a bad edge; skip it
            canon = min(members, key=lambda m: (len(m), m))
            for m in members:
                if m != canon:
                    rows[m] = [canon]
        return rows


def coverage(lex_rows, stop, path):
    """Share of content words of a clusters TSV found in the lexicon."""
    seen = {lang: [0, 0] for lang in LANGS}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[1] not in seen:
                continue
            for w in re.findall(r"[^\W\d_]+", fold(parts[2])):
                if w in stop.get(parts[1], ()) or len(w) < 3:
                    continue
                seen[parts[1]][1] += 1
                seen[parts[1]][0] += w in lex_rows[parts[1]]
    for lang, (hit, tot) in seen.items():
        print("build_lexicon: coverage %s %.1f%% of %d content words"
              % (lang, 100.0 * hit / max(tot, 1), tot), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dictd", default="/usr/share/dictd")
    ap.add_argument("--out", required=True)
    ap.add_argument("--coverage", help="clusters TSV to measure coverage on")
    args = ap.parse_args()

    stop = load_stopwords()
    lex = Lexicon(args.dictd, stop)
    if not lex.used:
        print("build_lexicon: error: no FreeDict dictionary among "
              "freedict-{eng,fra,spa,por,ita,deu}-*.index in %s" % args.dictd,
              file=sys.stderr)
        return 1
    if lex.missing:
        print("build_lexicon: warning: %d dictionaries missing (%s); the "
              "lexicon will be smaller" % (len(lex.missing),
                                           " ".join(lex.missing)),
              file=sys.stderr)
    rows = {}
    counts = []
    for lang in LANGS:
        rows[lang], routed = lex.entries(lang)
        counts.append("%s=%d" % (lang, len(rows[lang])))
        print("build_lexicon: %s %d entries (%d routed through direct "
              "dictionaries)" % (lang, len(rows[lang]), routed),
              file=sys.stderr)
    rows["acr"] = lex.acronyms()
    counts.append("acr=%d" % len(rows["acr"]))
    print("build_lexicon: acr %d acronyms" % len(rows["acr"]), file=sys.stderr)
    if args.coverage:
        coverage(rows, stop, args.coverage)

    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("# tickerdedup cross-language lexicon: %s\n" % " ".join(counts))
        f.write("# Derived from FreeDict dictionaries (%s); GPL-2+, GPL-3+ and "
                "CC-BY-SA-3.0 data: build it, never commit it. "
                "See LICENSES.md.\n" % " ".join(lex.used))
        for lang in sorted(rows):
            for w in sorted(rows[lang], key=lambda s: s.encode("utf-8")):
                f.write("%s\t%s\t%s\n" % (lang, w, " ".join(rows[lang][w])))
    os.replace(tmp, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
