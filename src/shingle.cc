// Feature extraction for the sketch stage. See shingle.h.
#include "shingle.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <string>

#include "stopwords.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace tickerdedup::internal {
namespace {

// A token's code points, kept as byte offsets so features are hashed from
// the key's own bytes without copying.
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;  // byte after the last code point
  std::size_t ncp = 0;  // code points
  bool ascii = true;    // every code point one byte: cp_ends left empty
  std::vector<std::size_t> cp_ends;  // end offset of each code point
  bool has_digit = false;
  bool cjk = false;

  // The end offset of code point k (< ncp).
  std::size_t CpEnd(std::size_t k) const {
    return ascii ? begin + k + 1 : cp_ends[k];
  }
};

bool IsCjk(utf8proc_int32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

bool IsWordChar(utf8proc_int32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 'A' && cp <= 'Z');
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// ForEachToken's byte classes (AsciiByteClass). One load and test a byte: the
// two range tests and the ASCII test it replaces were 3% of near mode's
// instructions.
constexpr std::array<std::uint8_t, 256> kAsciiClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = kAsciiWord | kAsciiDigit;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = kAsciiWord;
  return t;
}();

// Calls fn(const Token&) for each maximal run of word characters. Invalid
// UTF-8 bytes (keys are repaired, but be safe) count as separators.
template <typename Fn>
void ForEachToken(std::string_view key, Token* tok, Fn fn) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(key.data());
  std::size_t n = key.size();
  std::size_t i = 0;
  bool in_token = false;
  auto start_token = [&] {
    in_token = true;
    tok->begin = i;
    tok->ncp = 0;
    tok->ascii = true;
    tok->cp_ends.clear();
    tok->has_digit = false;
    tok->cjk = false;
  };
  while (i < n) {
    // An ASCII run of word bytes (most of every key) in one tight loop:
    // no per-code-point offsets, no IsWordChar call.
    if ((kAsciiClass[p[i]] & kAsciiWord) != 0) {
      if (!in_token) start_token();
      const std::size_t start = i;
      unsigned classes = 0, c;
      while (i < n && ((c = kAsciiClass[p[i]]) & kAsciiWord) != 0) {
        classes |= c;
        ++i;
      }
      const bool digit = (classes & kAsciiDigit) != 0;
      if (!tok->ascii) {
        for (std::size_t k = start; k < i; ++k) tok->cp_ends.push_back(k + 1);
      }
      tok->ncp += i - start;
      tok->end = i;
      tok->has_digit |= digit;
      // An ampersand between letters joins them ("AT&T", "S&P", "H&M",
      // "PB&J"): each part alone is one or two letters, which give no
      // feature, so the name vanished and "AT&T / Verizon raises wireless
      // prices" were one item.
      if (i + 1 < n && p[i] == '&' && (kAsciiClass[p[i + 1]] & kAsciiWord)) {
        if (!tok->ascii) tok->cp_ends.push_back(i + 1);
        ++tok->ncp;
        ++i;
      }
      continue;
    }
    utf8proc_int32_t cp;
    std::size_t len;
    if (p[i] < 0x80) {
      cp = p[i];
      len = 1;
    } else {
      utf8proc_ssize_t l = utf8proc_iterate(p + i, n - i, &cp);
      if (l <= 0) {
        cp = ' ';
        l = 1;
      }
      len = static_cast<std::size_t>(l);
    }
    if (cp >= 0x80 && IsWordChar(cp)) {
      if (!in_token) start_token();
      if (tok->ascii) {  // the first multi-byte code point: offsets from now
        tok->ascii = false;
        for (std::size_t k = tok->begin; k < i; ++k) {
          tok->cp_ends.push_back(k + 1);
        }
      }
      tok->cp_ends.push_back(i + len);
      ++tok->ncp;
      tok->end = i + len;
      if (cp >= '0' && cp <= '9') tok->has_digit = true;
      if (cp >= 0x2E80 && IsCjk(cp)) tok->cjk = true;
    } else if (in_token) {
      in_token = false;
      fn(*tok);
    }
    i += len;
  }
  if (in_token) fn(*tok);
}

void SortUnique(std::vector<std::uint64_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

std::uint64_t SketchHash64(std::string_view bytes, std::uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

void NearFeatures(std::string_view key, std::uint64_t seed,
                  std::vector<std::uint64_t>* out) {
  thread_local std::vector<std::uint64_t> stops;
  out->clear();
  thread_local Token tok;  // its vector keeps its capacity between calls
  ForEachToken(key, &tok, [&](const Token& t) {
    std::size_t ncp = t.ncp;
    if (t.cjk) {
      // No word boundaries: code-point bigrams (a lone character is its own
      // feature).
      std::size_t start = t.begin;
      if (ncp == 1) {
        out->push_back(
            SketchHash64(key.substr(start, t.CpEnd(0) - start), seed));
        return;
      }
      for (std::size_t k = 0; k + 1 < ncp; ++k) {
        std::size_t end = t.CpEnd(k + 1);
        out->push_back(SketchHash64(key.substr(start, end - start), seed));
        start = t.CpEnd(k);
      }
      return;
    }
    if (ncp < static_cast<std::size_t>(kNearMinWord) && !t.has_digit) return;
    std::size_t keep = std::min<std::size_t>(ncp, kNearPrefix);
    std::size_t end = t.CpEnd(keep - 1);
    std::uint64_t h = SketchHash64(key.substr(t.begin, end - t.begin), seed);
    // Stop words (of any of the six languages) are kept aside: "How Spooky
    // Are You Actually" and "How Messy Are You Actually" share four of six
    // prefixes with them, one of two without. Measured at threshold 0.56:
    // STS-B paraphrase recall 0.607 -> 0.668, near recall 0.990 -> 0.985,
    // cross-language stream pair precision 0.62 -> 0.63 (0.72 at 0.57).
    if (StopWordMask(key.substr(t.begin, t.end - t.begin)) != 0) {
      stops.push_back(h);
      return;
    }
    out->push_back(h);
  });
  // A headline of stop words only keeps them: it has nothing else.
  if (out->empty()) out->swap(stops);
  stops.clear();
  SortUnique(out);
}

void CutTagFingerprints(std::string_view key, std::uint64_t seed,
                        std::vector<std::uint16_t>* out) {
  out->clear();
  // Most keys were not cut: one scan for the cut ends the work for them.
  if (key.find("...") == std::string_view::npos) return;
  std::size_t end = key.size();
  while (end > 0 && key[end - 1] == ' ') --end;
  // The words of `part`, or -1 when it holds a digit or a '|'.
  auto words_of = [](std::string_view part) {
    int words = 0;
    bool in_word = false;
    for (char c : part) {
      if ((c >= '0' && c <= '9') || c == '|') return -1;
      const bool space = c == ' ';
      words += !space && !in_word;
      in_word = !space;
    }
    return words;
  };
  // Trailing source tag: after the last spaced separator, or in a final
  // "(...)".
  std::size_t main_end = end, tag_begin = end, tag_end = end;
  if (end > 0 && key[end - 1] == ')') {
    const std::size_t open = key.rfind('(', end - 1);
    if (open != std::string_view::npos && open > 0) {
      main_end = open;
      tag_begin = open + 1;
      tag_end = end - 1;
    }
  } else {
    std::size_t best = std::string_view::npos, best_size = 0;
    for (std::string_view sep :
         {std::string_view(" | "), std::string_view(" - "),
          std::string_view(" -- "), std::string_view(" \xE2\x80\x93 "),
          std::string_view(" \xE2\x80\x94 ")}) {
      const std::size_t at = key.rfind(sep, end);
      if (at != std::string_view::npos &&
          (best == std::string_view::npos ||
           at + sep.size() > best + best_size)) {
        best = at;
        best_size = sep.size();
      }
    }
    if (best != std::string_view::npos) {
      main_end = best;
      tag_begin = best + best_size;
    }
  }
  if (tag_begin < tag_end) {
    const int words = words_of(key.substr(tag_begin, tag_end - tag_begin));
    if (words < 1 || words > 3) main_end = tag_begin = tag_end = end;
  }
  // Only after a cut ("...", which NFKC makes of "…"): a copy that is not
  // cut short holds its original's words anyway, and a subtitle after a
  // dash ("Storm hits coast - roads closed") must not pass for a tag.
  std::string_view main = key.substr(0, main_end);
  while (!main.empty() && main.back() == ' ') main.remove_suffix(1);
  if (!main.ends_with("...")) return;
  // Leading label: one word and a colon ("breaking:", "video:").
  std::size_t label_end = 0;
  const std::size_t colon = main.find(':');
  if (colon != std::string_view::npos && colon > 0 &&
      words_of(main.substr(0, colon)) == 1 && colon + 1 < main.size() &&
      main[colon + 1] == ' ') {
    label_end = colon + 1;
  }
  if (label_end == 0 && tag_begin == tag_end) return;
  thread_local std::vector<std::uint64_t> tag_features, main_features;
  thread_local std::string tags;
  tags.assign(main.substr(0, label_end));
  tags += ' ';
  tags.append(key.substr(tag_begin, tag_end - tag_begin));
  NearFeatures(tags, seed, &tag_features);
  NearFeatures(main.substr(label_end), seed, &main_features);
  for (std::uint64_t h : tag_features) {
    if (!std::binary_search(main_features.begin(), main_features.end(), h)) {
      out->push_back(static_cast<std::uint16_t>(h >> 48));
    }
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

void NearTypoMatches(std::string_view key, std::uint64_t seed,
                     std::span<const std::uint16_t> own_fps,
                     std::span<const std::uint16_t> other_fps,
                     std::vector<std::pair<std::uint16_t, std::uint16_t>>* out,
                     std::vector<std::pair<std::string, std::string>>* words) {
  out->clear();
  if (words != nullptr) words->clear();
  auto has = [](std::span<const std::uint16_t> set, std::uint16_t fp) {
    return std::binary_search(set.begin(), set.end(), fp);
  };
  auto fingerprint = [&](std::string_view bytes) {
    return static_cast<std::uint16_t>(SketchHash64(bytes, seed) >> 48);
  };
  constexpr std::size_t kSpan = kNearPrefix + 1;  // code points edited
  constexpr std::size_t kPrefix = kNearPrefix;
  // The word's first kSpan + 1 code points, and a variant's first kPrefix
  // (all its fingerprint reads), joined in a fixed buffer: a search hashes
  // ~150 variants per unshared word, so no variant allocates.
  std::array<std::string_view, kSpan + 1> cps;
  std::array<std::string_view, kPrefix> variant;
  std::array<char, 4 * kPrefix> joined;
  Token tok;
  ForEachToken(key, &tok, [&](const Token& t) {
    const std::size_t ncp = t.ncp;
    if (t.cjk || t.has_digit || ncp < static_cast<std::size_t>(kNearMinWord))
      return;
    std::size_t keep = std::min<std::size_t>(ncp, kPrefix);
    std::uint16_t fp =
        fingerprint(key.substr(t.begin, t.CpEnd(keep - 1) - t.begin));
    if (!has(own_fps, fp) || has(other_fps, fp)) return;
    const std::size_t n = std::min(ncp, kSpan + 1);
    for (std::size_t k = 0; k < n; ++k) {
      std::size_t b = k == 0 ? t.begin : t.CpEnd(k - 1);
      cps[k] = key.substr(b, t.CpEnd(k) - b);
    }
    // True (and records the link) when the variant of `size` code points,
    // whose first ones are in `variant`, is a word of the other side only.
    auto matches = [&](std::size_t size) {
      if (size < static_cast<std::size_t>(kNearMinWord)) return false;
      std::size_t len = 0;
      for (std::size_t k = 0; k < std::min(size, kPrefix); ++k) {
        // A code point is 1-4 bytes: a loop, not a call to memcpy.
        for (char c : variant[k]) joined[len++] = c;
      }
      std::uint16_t v = fingerprint(std::string_view(joined.data(), len));
      if (v == fp || !has(other_fps, v) || has(own_fps, v)) return false;
      out->push_back({fp, v});
      if (words != nullptr) {
        words->emplace_back(key.substr(t.begin, t.end - t.begin),
                            std::string(joined.data(), len));
      }
      return true;
    };
    // An edit at code point kPrefix or later leaves the prefix, and so the
    // fingerprint, as it was: only edits inside the prefix are tried.
    for (std::size_t i = 0; i < std::min(n, kPrefix); ++i) {  // deletion
      for (std::size_t k = 0; k < kPrefix; ++k) {
        if (k + (k >= i) < n) variant[k] = cps[k + (k >= i)];
      }
      if (matches(n - 1)) return;
    }
    for (std::size_t i = 0; i + 1 < std::min(n, kSpan); ++i) {  // swap
      for (std::size_t k = 0; k < std::min(n, kPrefix); ++k) {
        variant[k] = cps[k == i ? i + 1 : k == i + 1 ? i : k];
      }
      if (matches(n)) return;
    }
    // Substituted letters are left out: each variant is a 1-in-65536
    // chance of a false link through the 16-bit fingerprints.
    static constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz";
    for (std::size_t i = 0; i < std::min(n + 1, kPrefix); ++i) {
      for (std::size_t k = 0; k < std::min(n + 1, kPrefix); ++k) {
        if (k != i) variant[k] = cps[k - (k > i)];
      }
      for (std::size_t c = 0; c < kLetters.size(); ++c) {  // insertion
        variant[i] = kLetters.substr(c, 1);
        if (matches(n + 1)) return;
      }
    }
  });
}

bool OpeningWords(std::string_view key, std::uint64_t seed,
                  std::string_view* first, std::string_view* second,
                  int* first_fingerprint) {
  int found = 0;
  // Per headline in the default mode: the token's vector keeps its capacity.
  thread_local Token tok;
  ForEachToken(key, &tok, [&](const Token& t) {
    if (found == 2 || (found == 1 && t.ncp < 2)) return;
    const std::string_view word = key.substr(t.begin, t.end - t.begin);
    if (found++ == 1) {
      *second = word;
      return;
    }
    *first = word;
    *first_fingerprint = -1;
    if (t.cjk || t.ncp < static_cast<std::size_t>(kNearMinWord)) return;
    const std::size_t keep = std::min<std::size_t>(t.ncp, kNearPrefix);
    *first_fingerprint = static_cast<int>(
        SketchHash64(key.substr(t.begin, t.CpEnd(keep - 1) - t.begin), seed) >>
        48);
  });
  return found == 2;
}

void WordFeatures(std::string_view key, std::uint64_t seed,
                  std::vector<std::uint64_t>* out) {
  out->clear();
  Token tok;
  ForEachToken(key, &tok, [&](const Token& t) {
    out->push_back(SketchHash64(key.substr(t.begin, t.end - t.begin), seed));
  });
  SortUnique(out);
}

void CharNgramFeatures(std::string_view key, int n, std::uint64_t seed,
                       std::vector<std::uint64_t>* out) {
  out->clear();
  // Rebuild " tok tok tok " and hash every window of n code points.
  std::string s = " ";
  Token tok;
  ForEachToken(key, &tok, [&](const Token& t) {
    s.append(key.substr(t.begin, t.end - t.begin));
    s.push_back(' ');
  });
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  std::size_t ncp = starts.size() - 1;
  if (n <= 0) return;
  if (ncp <= static_cast<std::size_t>(n)) {
    if (ncp > 2) out->push_back(SketchHash64(s, seed));
    return;
  }
  for (std::size_t k = 0; k + n <= ncp; ++k) {
    out->push_back(SketchHash64(
        std::string_view(s).substr(starts[k], starts[k + n] - starts[k]),
        seed));
  }
  SortUnique(out);
}

bool IsWordCodePoint(std::int32_t cp) { return IsWordChar(cp); }

std::uint8_t AsciiByteClass(unsigned char byte) { return kAsciiClass[byte]; }

}  // namespace tickerdedup::internal
