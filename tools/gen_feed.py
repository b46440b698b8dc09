#!/usr/bin/env python3
"""Builds a recorded news feed with known duplicates, plus its ground truth.

The feed mixes fresh headlines with exact repeats, near-duplicate edits and
cross-language variants of recent items, at known rates, so that the
end-to-end benchmark (bench/run_e2e.sh) can report speed and quality on the
same file. Python 3 standard library only; deterministic for a given --seed.

  tools/gen_feed.py --count 1000000                 # bench/feeds/feed-1M.*
  tools/gen_feed.py --count 10000000 --format ticker,lines
  tools/gen_feed.py --count 100000 --no-reuters --out /tmp/feed-100k

Outputs (PREFIX defaults to bench/feeds/feed-<count>):
  PREFIX.ticker.txt  lines of 20-50 headlines glued by four U+00A0 (each
                     followed by a space), like fixtures/ticker-page-fr.txt
  PREFIX.lines.txt   one headline a line (for line-oriented baselines such as
                     sort -u and awk, and the CLI on the very same bytes)
  PREFIX.jsonl       one {"title","source","published","url"} object a line,
                     `published` strictly increasing (ISO-8601, UTC)
  PREFIX.truth.tsv   one line per item, in feed order: cluster_id<TAB>kind,
                     kind = fresh | exact | near | xlang
  PREFIX.meta.json   the options and the counts actually produced

All formats hold the same items in the same order, so one truth file serves
them all, and the items do not depend on which formats are asked for: a
`--format lines` feed has the lines file of a full run.

How the ground truth stays honest:
  * Base headlines come from ../shared/eval/lists/*.txt (English) and the
    NTREX-128 headlines in eng, fra, spa, por, ita, deu. The base pool is
    de-duplicated on a normalised key (case, accents and punctuation folded),
    so no two bases are accidental duplicates.
  * The pool holds ~74k headlines, so fresh items beyond it reuse a base with
    a different FACT, which the project defines as a different item:
      - a base with a standalone number keeps it in round 0 and has it
        replaced by another value (n + k) in round k;
      - every other base (and every NTREX base, so that its translations stay
        aligned) carries a date prefix in every round ("14 March: ...",
        "14 mars : ...", "14. März: ..."), a different date in every round.
    A fresh item thus never differs from another fresh item only by a missing
    fact. Each fresh item gets its own cluster id, and a set of normalised-key
    hashes rejects any fresh text that collides with an earlier one.
  * Near edits never remove or alter digits (truncation keeps every number,
    typos touch letters only), so an edit cannot turn one round of a base
    into another.
  * Cross-language variants use the same NTREX cluster in another of the six
    languages, with the same date written in that language.

Reuters titles are research-use only: feeds built with them are for local
measurement and must never be committed (bench/feeds/ is git-ignored). Pass
--no-reuters for a feed made of openly licensed text only.
"""

import argparse
import collections
import hashlib
import json
import os
import random
import re
import sys
import time
import unicodedata

# The evaluation data: ../shared/eval beside the checkout, as CI and the
# README lay it out; TICKERDEDUP_EVAL_DIR overrides.
EVAL_DIR = os.environ.get("TICKERDEDUP_EVAL_DIR") or os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                 "shared", "eval"))
ENGLISH_LISTS = ["abc-2003.txt", "clickbait-and-news.txt"]
REUTERS_LIST = "reuters-21578-titles.txt"
NTREX_FILE = "clusters/ntrex128-headlines.tsv"
XLANGS = ["eng", "fra", "spa", "por", "ita", "deu"]

RECENT = 10_000  # "recent" = within the last 10,000 items
NBSP_SEP = "\u00a0 " * 4  # the separator of the seed ticker page

MONTHS = {
    "eng": ["January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"],
    "fra": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
            "août", "septembre", "octobre", "novembre", "décembre"],
    "spa": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
            "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "por": ["janeiro", "fevereiro", "março", "abril", "maio", "junho",
            "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    "ita": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
            "luglio", "agosto", "settembre", "ottobre", "novembre",
            "dicembre"],
    "deu": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
            "August", "September", "Oktober", "November", "Dezember"],
}
MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
DAY_TO_MD = [(m, d + 1) for m in range(12) for d in range(MONTH_DAYS[m])]

SOURCES = ["Reuters", "AP", "AFP", "BBC News", "Bloomberg", "CNN",
           "The Guardian", "Le Monde", "El País", "Der Spiegel", "ANSA",
           "Hespress", "Al Jazeera", "DW", "Euronews"]
HOSTS = ["news.example.com", "wire.example.org", "ticker.example.net",
         "daily.example.com", "feed.example.org"]
SOURCE_TAGS = [" | Reuters", " - AP", " - BBC News", " | AFP", " (AFP)",
               " - The Guardian", " | Euronews", " - Bloomberg"]
PREFIX_TAGS = ["VIDEO: ", "BREAKING: ", "Watch: ", "LIVE: ", "EXCLUSIVE: "]

# Characters the ticker splitter may treat as separators when they stand
# between spaces; a headline must come out of the splitter as ONE segment.
BULLETS = "•·▪■◆●*~"
WS_RUN = re.compile(r"\s+")
NON_WORD = re.compile(r"\W+")
STANDALONE_NUM = re.compile(r"(?<![\w.,])\d+(?![\w]|[.,]\d)")
SLUG_RE = re.compile(r"[^a-z0-9]+")
TYPO_WORD = re.compile(r"[^\W\d_]{5,}")


def Clean(text):
  """One line, single spaces, no bullet standing alone between spaces."""
  text = WS_RUN.sub(" ", text.replace("\u00a0", " ")).strip()
  if " " in text:
    words = text.split(" ")
    # A lone bullet-like token would split the segment in ticker mode.
    words = [w for w in words if not (len(w) == 1 and w in BULLETS)]
    text = " ".join(words)
  return text


def FoldKey(text):
  """Normalised key: accents, case and punctuation folded."""
  text = unicodedata.normalize("NFKD", text)
  text = "".join(c for c in text if not unicodedata.combining(c))
  return NON_WORD.sub(" ", text.casefold()).strip()


def CheapKey(text):
  """Key hash for the collision set of generated fresh texts."""
  key = NON_WORD.sub(" ", text.casefold()).strip()
  return hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()


TOKEN_RE = re.compile(r"\w+")
TICKER_CODE = re.compile(r"<[^>]*>")


def DropNearTwins(texts):
  """Drops a base that is an edited twin of an earlier one.

  Reuters and clickbait titles restate the same story ("FED BUYS 550 MLN DLRS
  OF BILLS FOR CUSTOMER" / "FED SAYS IT BUYS 550 MLN DLRS OF BILLS ..."); as
  two fresh clusters they would be ground-truth lies. A base goes when its
  numbers equal an earlier base's and 80% of the smaller token set is shared.
  Template siblings with another actor ("VALLEN CORP 3RD QTR NET" vs
  "MORRISON INC 3RD QTR NET": 5 of 7 shared) stay: they are real hard
  negatives.
  """
  token_sets = [frozenset(TOKEN_RE.findall(FoldKey(TICKER_CODE.sub(" ", t))))
                for t in texts]
  df = collections.Counter(tok for ts in token_sets for tok in ts)
  postings = collections.defaultdict(list)
  kept = []
  for i, ts in enumerate(token_sets):
    numbers = {tok for tok in ts if tok.isdigit()}
    rare = [tok for tok in ts if df[tok] <= 100 and not tok.isdigit()]
    # Twins share 80% of their tokens, so they share one of the 3 rarest.
    probes = sorted(rare, key=lambda tok: (df[tok], tok))[:3]
    twin = False
    seen_candidates = set()
    for tok in probes:
      for j in postings[tok]:
        if j in seen_candidates:
          continue
        seen_candidates.add(j)
        other = token_sets[j]
        if {t for t in other if t.isdigit()} != numbers:
          continue
        small = min(len(ts), len(other))
        if small >= 3 and len(ts & other) >= 0.8 * small:
          twin = True
          break
      if twin:
        break
    if twin:
      continue
    kept.append(texts[i])
    for tok in rare:
      postings[tok].append(i)
  return kept


def LoadPools(use_reuters):
  seen = set()
  english = []
  lists = ENGLISH_LISTS + ([REUTERS_LIST] if use_reuters else [])
  for name in lists:
    with open(os.path.join(EVAL_DIR, "lists", name), encoding="utf-8") as f:
      for line in f:
        text = Clean(line)
        if len(text) < 12 or len(text.split()) < 3:
          continue
        key = FoldKey(text)
        if key in seen:
          continue
        seen.add(key)
        english.append(text)
  ntrex = collections.defaultdict(dict)
  with open(os.path.join(EVAL_DIR, NTREX_FILE), encoding="utf-8") as f:
    next(f)
    for line in f:
      cluster, lang, text = line.rstrip("\n").split("\t", 2)
      if lang in XLANGS:
        ntrex[cluster][lang] = Clean(text)
  clusters = sorted(c for c, m in ntrex.items() if len(m) == len(XLANGS))
  ntrex_list = [ntrex[c] for c in clusters]
  # English bases that equal an NTREX English headline would be duplicates.
  ntrex_keys = {FoldKey(t) for texts in ntrex_list for t in texts.values()}
  english = [t for t in english if FoldKey(t) not in ntrex_keys]
  return DropNearTwins(english), ntrex_list


def DatePrefix(lang, date_index, style):
  """Date written the way a headline in `lang` writes it, as a prefix."""
  year_round, day = divmod(date_index, 365)
  month, mday = DAY_TO_MD[day]
  name = MONTHS[lang][month]
  year = f" {2024 + year_round}" if year_round else ""
  if lang == "eng":
    if style == 0:
      return f"{mday} {name}{year}: "
    return f"{name} {mday}{year and ','}{year}: "
  if lang == "fra":
    return f"{mday} {name}{year} : "
  if lang in ("spa", "por"):
    return f"{mday} de {name}{year and ' de'}{year}: "
  if lang == "ita":
    return f"{mday} {name}{year}: "
  return f"{mday}. {name}{year}: "  # deu


class FreshMaker:
  """Makes fresh, really distinct headlines from the base pools."""

  def __init__(self, rng, english, ntrex, ntrex_share):
    self.rng = rng
    self.english = english
    self.ntrex = ntrex
    self.ntrex_share = ntrex_share
    # Per base: whether it varies a number (else a date), and its round.
    self.eng_number = [bool(STANDALONE_NUM.search(t)) for t in english]
    self.eng_round = [0] * len(english)
    self.eng_offset = [rng.randrange(365) for _ in english]
    self.ntrex_round = [0] * len(ntrex)
    self.ntrex_offset = [rng.randrange(365) for _ in ntrex]
    self.order = []
    self.pos = 0
    self.keys = set()
    self.collisions = 0

  def _NextEnglishBase(self):
    if self.pos == len(self.order):
      self.order = list(range(len(self.english)))
      self.rng.shuffle(self.order)
      self.pos = 0
    b = self.order[self.pos]
    self.pos += 1
    return b

  def _EnglishText(self, b):
    text = self.english[b]
    k = self.eng_round[b]
    self.eng_round[b] = k + 1
    if self.eng_number[b]:
      if k == 0:
        return text
      m = STANDALONE_NUM.search(text)
      return text[:m.start()] + str(int(m.group()) + k) + text[m.end():]
    date = (self.eng_offset[b] + 7 * (k % 365)) % 365 + 365 * (k // 365)
    return DatePrefix("eng", date, b & 1) + text

  def Make(self):
    """Returns (text, lang, ntrex_ref) where ntrex_ref = (cluster, date)."""
    while True:
      if self.rng.random() < self.ntrex_share:
        c = self.rng.randrange(len(self.ntrex))
        k = self.ntrex_round[c]
        self.ntrex_round[c] = k + 1
        date = (self.ntrex_offset[c] + 7 * (k % 365)) % 365 + 365 * (k // 365)
        lang = XLANGS[self.rng.randrange(len(XLANGS))]
        ref = (c, date)
        text = DatePrefix(lang, date, 0) + self.ntrex[c][lang]
        # Keys of all six languages: a later variant in another language
        # must not collide either.
        keys = [CheapKey(DatePrefix(l, date, 0) + self.ntrex[c][l])
                for l in XLANGS]
      else:
        b = self._NextEnglishBase()
        text = self._EnglishText(b)
        lang = "eng"
        ref = None
        keys = [CheapKey(text)]
      if any(key in self.keys for key in keys):
        self.collisions += 1
        continue
      self.keys.update(keys)
      return text, lang, ref


# ---------------------------------------------------------------- near edits


def EditSourceTag(rng, text):
  return text + SOURCE_TAGS[rng.randrange(len(SOURCE_TAGS))]


def EditPrefix(rng, text):
  return PREFIX_TAGS[rng.randrange(len(PREFIX_TAGS))] + text


def EditCasing(rng, text):
  r = rng.randrange(4)
  if r == 0:
    return text.upper()
  if r == 1:
    return text.lower()
  if r == 2:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
  return text[:1].upper() + text[1:].lower()


def EditTruncate(rng, text):
  words = text.split(" ")
  if len(words) < 7:
    return text
  keep = max(5, int(len(words) * rng.uniform(0.6, 0.85)))
  if keep >= len(words):
    return text
  dropped = " ".join(words[keep:])
  if any(c.isdigit() for c in dropped):  # never drop a fact
    return text
  return " ".join(words[:keep]).rstrip(",;:") + ("..." if rng.random() < 0.7
                                                 else "\u2026")


def EditAccents(rng, text):
  decomposed = unicodedata.normalize("NFD", text)
  return unicodedata.normalize(
      "NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def EditQuotes(rng, text):
  if "'" in text or '"' in text:
    out = text.replace("'", "\u2019")
    parts = out.split('"')
    if len(parts) > 1:
      out = "".join(p + ("\u201c" if i % 2 == 0 else "\u201d")
                    for i, p in enumerate(parts[:-1])) + parts[-1]
    return out
  for a, b in (("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
               ("\u00ab\u00a0", '"'), ("\u00a0\u00bb", '"'),
               ("\u00ab", '"'), ("\u00bb", '"')):
    text = text.replace(a, b)
  return text


def EditTypo(rng, text):
  words = list(TYPO_WORD.finditer(text))
  if not words:
    return text
  m = words[rng.randrange(len(words))]
  w = m.group()
  i = rng.randrange(1, len(w) - 1)
  r = rng.randrange(3)
  if r == 0:  # swap two letters
    w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
  elif r == 1:  # drop one
    w = w[:i] + w[i + 1:]
  else:  # double one
    w = w[:i] + w[i] + w[i:]
  return text[:m.start()] + w + text[m.end():]


# Edits that see the whole headline; the others only see the text after the
# protected head (tags and the date prefix), so that a typo or a truncation
# never alters a date: "26 otobre" would be another fact, not an edit.
WHOLE_EDITS = [EditPrefix, EditCasing]
BODY_EDITS = [EditSourceTag, EditSourceTag, EditTruncate, EditAccents,
              EditQuotes, EditTypo, EditTypo]
NEAR_EDITS = WHOLE_EDITS + BODY_EDITS
_ALL_MONTHS = "|".join(sorted({m for ms in MONTHS.values() for m in ms},
                              key=len, reverse=True))
PROTECTED_HEAD = re.compile(
    r"^(?:(?:VIDEO|BREAKING|Watch|LIVE|EXCLUSIVE): )*"
    r"(?:\d{1,2}\.? (?:de )?(?:%s)(?: (?:de )?\d{4})? ?: "
    r"|(?:%s) \d{1,2}(?:, \d{4})?: )?" % (_ALL_MONTHS, _ALL_MONTHS),
    re.IGNORECASE)


def NearEdit(rng, text):
  for _ in range(8):
    out = text
    for _ in range(1 if rng.random() < 0.7 else 2):
      edit = NEAR_EDITS[rng.randrange(len(NEAR_EDITS))]
      if edit in WHOLE_EDITS:
        out = edit(rng, out)
      else:
        head = PROTECTED_HEAD.match(out).end()
        out = out[:head] + edit(rng, out[head:])
    if out != text:
      return out
  return EditSourceTag(rng, text)


# -------------------------------------------------------------------- writer


def CountLabel(n):
  if n % 1_000_000 == 0:
    return f"{n // 1_000_000}M"
  if n % 1000 == 0:
    return f"{n // 1000}k"
  return str(n)


def Slug(text):
  return SLUG_RE.sub("-", text.lower())[:60].strip("-") or "item"


def Main():
  ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  ap.add_argument("--count", type=int, default=1_000_000)
  ap.add_argument("--seed", type=int, default=20260222)
  ap.add_argument("--format", default="ticker,lines,jsonl",
                  help="comma-separated: ticker, lines, jsonl (default all)")
  ap.add_argument("--out", help="output prefix (default bench/feeds/feed-N)")
  ap.add_argument("--exact", type=float, default=0.15)
  ap.add_argument("--near", type=float, default=0.10)
  ap.add_argument("--xlang", type=float, default=0.05)
  ap.add_argument("--no-reuters", action="store_true",
                  help="leave out the research-use-only Reuters titles")
  args = ap.parse_args()

  root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
  prefix = args.out or os.path.join(root, "bench", "feeds",
                                    f"feed-{CountLabel(args.count)}")
  os.makedirs(os.path.dirname(os.path.abspath(prefix)), exist_ok=True)

  t0 = time.time()
  rng = random.Random(args.seed)
  english, ntrex = LoadPools(not args.no_reuters)
  # Each NTREX original gets ~2 variants in other languages on average while
  # it is recent, so NTREX fresh items make up ~xlang/2 of the feed.
  fresh_share = max(1e-9, 1 - args.exact - args.near - args.xlang)
  ntrex_share = min(1.0, args.xlang / 2 / fresh_share)
  maker = FreshMaker(rng, english, ntrex, ntrex_share)

  formats = set(args.format.split(","))
  if not formats or formats - {"ticker", "lines", "jsonl"}:
    ap.error(f"--format: expected ticker, lines and/or jsonl, got "
             f"'{args.format}'")
  want_ticker = "ticker" in formats
  want_jsonl = "jsonl" in formats
  lines = open(prefix + ".lines.txt", "w", encoding="utf-8",
               newline="\n") if "lines" in formats else None
  lines_buf = []
  ticker = open(prefix + ".ticker.txt", "w", encoding="utf-8",
                newline="\n") if want_ticker else None
  jsonl = open(prefix + ".jsonl", "w", encoding="utf-8",
               newline="\n") if want_jsonl else None
  truth = open(prefix + ".truth.tsv", "w", encoding="utf-8", newline="\n")

  # Recent items: (cluster, text, lang, ntrex_ref), last RECENT of them.
  recent = collections.deque(maxlen=RECENT)
  # Feed positions of NTREX-based items still recent, for xlang variants.
  recent_ntrex = collections.deque()
  counts = collections.Counter()
  next_cluster = 0
  t_published = 1_704_067_200  # 2024-01-01T00:00:00Z
  line_items = []
  # Ticker line lengths and the JSON Lines records' times and sources come
  # from generators of their own, so that the items do not depend on which
  # formats are written.
  layout_rng = random.Random(args.seed + 1)
  record_rnd = random.Random(args.seed + 2).random
  line_len = layout_rng.randint(20, 50)
  truth_buf, jsonl_buf = [], []
  c_exact = args.exact
  c_near = c_exact + args.near
  c_xlang = c_near + args.xlang
  rnd = rng.random
  ts_cache_day, ts_cache = -1, ""

  for i in range(args.count):
    while recent_ntrex and recent_ntrex[0][0] <= i - RECENT:
      recent_ntrex.popleft()
    r = rnd()
    kind = "fresh"
    if r < c_xlang and recent:
      if r < c_exact:
        cluster, text, lang, ref = recent[int(rnd() * len(recent))]
        kind = "exact"
      elif r < c_near:
        cluster, text, lang, ref = recent[int(rnd() * len(recent))]
        text = NearEdit(rng, text)
        kind = "near"
      elif recent_ntrex:
        # A language this original has not appeared in yet, so that every
        # xlang item is the first of its cluster in its language (a second
        # one would be an exact repeat, not a cross-language variant).
        slot = int(rnd() * len(recent_ntrex))
        _, cluster, used, ref = recent_ntrex[slot]
        free = [l for l in XLANGS if l not in used]
        lang = free[int(rnd() * len(free))]
        used.add(lang)
        if len(used) == len(XLANGS):
          del recent_ntrex[slot]
        c, date = ref
        text = DatePrefix(lang, date, 0) + ntrex[c][lang]
        kind = "xlang"
    if kind == "fresh":
      text, lang, ref = maker.Make()
      cluster = next_cluster
      next_cluster += 1
    recent.append((cluster, text, lang, ref))
    if ref is not None and kind == "fresh":
      recent_ntrex.append((i, cluster, {lang}, ref))
    counts[kind] += 1
    truth_buf.append(f"{cluster}\t{kind}\n")

    if ticker is not None:
      line_items.append(text)
      if len(line_items) == line_len:
        ticker.write(NBSP_SEP.join(line_items) + "\n")
        line_items = []
        line_len = layout_rng.randint(20, 50)
    if lines is not None:
      lines_buf.append(text + "\n")
    if jsonl is not None:
      t_published += 1 + int(record_rnd() * 4)
      day, sec = divmod(t_published, 86400)
      if day != ts_cache_day:
        ts_cache_day = day
        ts_cache = time.strftime("%Y-%m-%dT", time.gmtime(day * 86400))
        url_day = ts_cache[:10].replace("-", "/")
      hh, rem = divmod(sec, 3600)
      published = f"{ts_cache}{hh:02d}:{rem // 60:02d}:{rem % 60:02d}Z"
      source = SOURCES[int(record_rnd() * len(SOURCES))]
      host = HOSTS[i % len(HOSTS)]
      url = f"https://{host}/{url_day}/{Slug(text)}-{i}"
      jsonl_buf.append(json.dumps(
          {"title": text, "source": source, "published": published,
           "url": url}, ensure_ascii=False) + "\n")
    if len(truth_buf) >= 65536:
      truth.write("".join(truth_buf))
      truth_buf = []
      if jsonl is not None:
        jsonl.write("".join(jsonl_buf))
        jsonl_buf = []
      if lines is not None:
        lines.write("".join(lines_buf))
        lines_buf = []

  truth.write("".join(truth_buf))
  truth.close()
  if jsonl is not None:
    jsonl.write("".join(jsonl_buf))
    jsonl.close()
  if lines is not None:
    lines.write("".join(lines_buf))
    lines.close()
  if ticker is not None:
    if line_items:
      ticker.write(NBSP_SEP.join(line_items) + "\n")
    ticker.close()

  meta = {
      "count": args.count, "seed": args.seed, "format": args.format,
      "rates": {"exact": args.exact, "near": args.near, "xlang": args.xlang},
      "reuters": not args.no_reuters,
      "english_bases": len(english), "ntrex_clusters": len(ntrex),
      "produced": dict(counts), "clusters": next_cluster,
      "fresh_collisions_rejected": maker.collisions,
      "seconds": round(time.time() - t0, 1),
  }
  with open(prefix + ".meta.json", "w", encoding="utf-8") as f:
    json.dump(meta, f, indent=1)
    f.write("\n")
  print(f"gen_feed: {prefix}.* {json.dumps(meta)}", file=sys.stderr)


if __name__ == "__main__":
  Main()
