// Cross-language feature extraction.
//
// PERF NOTES: Features() runs once per headline in xlang mode. It walks the
// key once (no std::string per token: tokens are string_views into the key,
// pivots string_views into the lexicon's single buffer), hashes at most ~6
// prefixes per content word with the inlined XXH3 of shingle.cc, and only
// folds original-text words that are capitalized (entity anchors) into a
// stack buffer. Lexicon lookups are binary searches over ~25k-120k sorted
// entries (~17 string compares). Measured cost: docs/xlang.md.
#include "xlang.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <utility>

#include "closed_class.h"
#include "langid.h"
#include "shingle.h"
#include "stopwords.h"

namespace tickerdedup::internal {
namespace {

// Feature families, as XXH3 seeds. Surface words and pivot translations
// share one family so that an English word meets its translations.
constexpr std::uint64_t kWordSeed = 0x786c616e67573031ULL;
constexpr std::uint64_t kNumberSeed = 0x786c616e674e3031ULL;
constexpr std::uint64_t kMonthSeed = 0x786c616e674d3031ULL;
constexpr std::uint64_t kWeekdaySeed = 0x786c616e67443031ULL;
constexpr std::uint64_t kEntitySeed = 0x786c616e67453031ULL;
constexpr std::uint64_t kAcronymSeed = 0x786c616e67413031ULL;

// Prefix length in code points: 5 beat Snowball stems and 4/6-prefixes in
// the prototype (NTREX xlang recall at <= 1% xneg).
constexpr int kPrefix = 5;
// Pivots per word: the lexicon stores up to 4; more add noise to negatives.
constexpr int kMaxPivots = 4;

inline bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// The first kPrefix code points of a folded word.
std::string_view Prefix(std::string_view word) {
  int points = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) {
      if (points == kPrefix) return word.substr(0, i);
      ++points;
    }
  }
  return word;
}

// Fact features (numbers, months, weekdays) carry kFactTag in their low
// nibble and no other feature does, so Score() can find them in a set.
constexpr std::uint64_t kFactTag = 0x5;
inline std::uint64_t ContentFeature(std::uint64_t h) {
  return (h & 0xF) == kFactTag ? h ^ 1 : h;
}
inline std::uint64_t FactFeature(std::uint64_t h) {
  return (h & ~std::uint64_t{0xF}) | kFactTag;
}

void AddWord(std::string_view word, std::vector<std::uint64_t>* out) {
  out->push_back(ContentFeature(SketchHash64(Prefix(word), kWordSeed)));
}

void AddValue(std::uint64_t seed, std::int64_t value,
              std::vector<std::uint64_t>* out) {
  char buf[24];
  const int n =
      std::snprintf(buf, sizeof(buf), "%lld", static_cast<long long>(value));
  out->push_back(FactFeature(SketchHash64(std::string_view(buf, n), seed)));
}

// Canonical form of the number starting at key[*i]: thousands groupings
// ("1.540", "1,540", "1 540") become "1540", a decimal comma becomes a point
// ("4,43" -> "4.43"). Advances *i past the number and any ordinal suffix.
std::string_view CanonicalNumber(std::string_view key, std::size_t* i,
                                 char* buf, std::size_t cap) {
  std::size_t n = 0;
  std::size_t j = *i;
  int groups = 0;
  bool all_thousands = true;
  std::size_t decimal_at = std::string_view::npos;
  while (j < key.size()) {
    std::size_t start = j;
    while (j < key.size() && IsDigit(key[j])) {
      if (n < cap) buf[n++] = key[j];
      ++j;
    }
    if (groups > 0 && j - start != 3) all_thousands = false;
    ++groups;
    // A separator followed by a digit continues the number; a space only
    // when exactly three digits follow (grouping), so "23 24" stays two.
    if (j + 1 < key.size() && (key[j] == '.' || key[j] == ',') &&
        IsDigit(key[j + 1])) {
      if (groups == 1 && n < cap) decimal_at = n;
      ++j;
      continue;
    }
    if (j + 3 < key.size() + 1 && j < key.size() && key[j] == ' ' &&
        j + 4 <= key.size() && IsDigit(key[j + 1]) && IsDigit(key[j + 2]) &&
        IsDigit(key[j + 3]) && (j + 4 == key.size() || !IsDigit(key[j + 4])) &&
        j - start <= 3) {
      ++j;
      continue;
    }
    break;
  }
  while (j < key.size() && IsWordByte(key[j]) && !IsDigit(key[j])) ++j;
  *i = j;
  if (groups == 2 && !all_thousands && decimal_at != std::string_view::npos &&
      n < cap) {
    // "4,43": one separator, not a thousands group: a decimal.
    std::memmove(buf + decimal_at + 1, buf + decimal_at, n - decimal_at);
    buf[decimal_at] = '.';
    ++n;
  }
  // Leading zeros carry no meaning across languages ("07" = "7").
  std::size_t skip = 0;
  while (skip + 1 < n && buf[skip] == '0' && buf[skip + 1] != '.') ++skip;
  return std::string_view(buf + skip, n - skip);
}

// Folds one word of the original text (NFKC + casefold + strip marks, as
// match keys) into buf; ASCII takes a fast path.
std::string_view FoldWord(std::string_view word, char* buf, std::size_t cap) {
  std::size_t n = 0;
  std::size_t i = 0;
  while (i < word.size() && n + 8 < cap) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      buf[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    const utf8proc_ssize_t len = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(word.data() + i),
        static_cast<utf8proc_ssize_t>(word.size() - i), &cp);
    if (len <= 0) {
      ++i;
      continue;
    }
    i += static_cast<std::size_t>(len);
    utf8proc_int32_t decomposed[8];
    int last_boundclass = 0;
    const utf8proc_ssize_t m = utf8proc_decompose_char(
        cp, decomposed, 8,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                       UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK),
        &last_boundclass);
    for (utf8proc_ssize_t k = 0; k < m && k < 8 && n + 4 < cap; ++k) {
      n += static_cast<std::size_t>(utf8proc_encode_char(
          decomposed[k], reinterpret_cast<utf8proc_uint8_t*>(buf + n)));
    }
  }
  return std::string_view(buf, n);
}

// Uppercase test on the first code point of an original word.
bool StartsUpper(std::string_view word, bool* all_upper) {
  bool first_upper = false;
  *all_upper = true;
  int letters = 0;
  for (std::size_t i = 0; i < word.size();) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t len = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(word.data() + i),
        static_cast<utf8proc_ssize_t>(word.size() - i), &cp);
    if (len <= 0) {
      ++i;
      continue;
    }
    i += static_cast<std::size_t>(len);
    const utf8proc_category_t cat = utf8proc_category(cp);
    const bool upper = cat == UTF8PROC_CATEGORY_LU;
    if (letters == 0) first_upper = upper;
    if (!upper) *all_upper = false;
    ++letters;
  }
  if (letters < 2) *all_upper = false;
  return first_upper;
}

}  // namespace

std::unique_ptr<CrossLingual> CrossLingual::Load(
    const std::string& lexicon_path, std::string* error) {
  std::unique_ptr<Lexicon> lexicon = Lexicon::Load(lexicon_path, error);
  if (!lexicon) return nullptr;
  return FromLexicon(std::move(lexicon));
}

std::unique_ptr<CrossLingual> CrossLingual::FromLexicon(
    std::unique_ptr<Lexicon> lexicon) {
  return std::unique_ptr<CrossLingual>(new CrossLingual(std::move(lexicon)));
}

std::string_view CrossLingual::DetectLanguage(
    std::string_view original_text) const {
  return internal::DetectLanguage(original_text);
}

void CrossLingual::Features(std::string_view key,
                            std::string_view original_text,
                            std::string_view lang,
                            std::vector<std::uint64_t>* out) const {
  out->clear();
  StopLang stop_lang;
  const bool has_stops = ParseStopLang(lang, &stop_lang);
  LexLang lex_lang;
  const bool has_lexicon =
      ParseLexLang(lang, &lex_lang) && lex_lang != LexLang::kAcronym;
  char number_buf[48];

  // 1. Words of the key.
  std::size_t i = 0;
  while (i < key.size()) {
    const auto c = static_cast<unsigned char>(key[i]);
    if (!IsWordByte(c)) {
      ++i;
      continue;
    }
    if (IsDigit(c)) {
      const std::string_view number =
          CanonicalNumber(key, &i, number_buf, sizeof(number_buf));
      out->push_back(FactFeature(SketchHash64(number, kNumberSeed)));
      continue;
    }
    const std::size_t start = i;
    while (i < key.size() && IsWordByte(key[i])) ++i;
    const std::string_view word = key.substr(start, i - start);
    const std::uint32_t stop_mask = StopWordMask(word);
    if (has_stops ? ((stop_mask >> static_cast<int>(stop_lang)) & 1u)
                  : stop_mask != 0) {
      continue;
    }
    const ClosedClass closed = LookupClosedClass(word);
    if (closed.kind != ClosedClassKind::kNone) {
      const std::uint64_t seed =
          closed.kind == ClosedClassKind::kMonth     ? kMonthSeed
          : closed.kind == ClosedClassKind::kWeekday ? kWeekdaySeed
                                                     : kNumberSeed;
      if (seed == kNumberSeed) {
        const int n =
            std::snprintf(number_buf, sizeof(number_buf), "%d", closed.value);
        out->push_back(
            FactFeature(SketchHash64(std::string_view(number_buf, n), seed)));
      } else {
        AddValue(seed, closed.value, out);
      }
      continue;
    }
    if (word.size() < 2) continue;
    AddWord(word, out);
    std::string_view pivots;
    if (has_lexicon && word.size() >= 3 &&
        lexicon_->Lookup(lex_lang, word, &pivots)) {
      int count = 0;
      while (!pivots.empty() && count < kMaxPivots) {
        const std::size_t space = pivots.find(' ');
        const std::string_view pivot = pivots.substr(0, space);
        if (!pivot.empty()) {
          AddWord(pivot, out);
          ++count;
        }
        if (space == std::string_view::npos) break;
        pivots.remove_prefix(space + 1);
      }
    }
  }

  // 2. Entity anchors from the original text: acronyms always; capitalized
  // words not at sentence start, except in German (every noun is
  // capitalized) and in title-case headlines (every word is).
  struct Anchor {
    std::string_view word;
    bool acronym;
  };
  std::array<Anchor, 32> anchors;
  int num_anchors = 0;
  int long_words = 0;
  int capitalized_long = 0;
  bool sentence_start = true;
  std::size_t j = 0;
  while (j < original_text.size()) {
    const auto c = static_cast<unsigned char>(original_text[j]);
    const bool letter =
        c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter) {
      if (c == '.' || c == ':' || c == '!' || c == '?' || c == '|') {
        sentence_start = true;
      }
      ++j;
      continue;
    }
    const std::size_t start = j;
    while (j < original_text.size()) {
      const auto d = static_cast<unsigned char>(original_text[j]);
      if (!(d >= 0x80 || (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z'))) {
        break;
      }
      ++j;
    }
    const std::string_view word = original_text.substr(start, j - start);
    bool all_upper = false;
    const bool upper = StartsUpper(word, &all_upper);
    if (word.size() >= 4) {
      ++long_words;
      capitalized_long += upper;
    }
    if (num_anchors < static_cast<int>(anchors.size()) &&
        (all_upper || (upper && !sentence_start))) {
      anchors[num_anchors++] = {word, all_upper};
    }
    sentence_start = false;
  }
  const bool title_case =
      long_words >= 3 && capitalized_long * 10 >= long_words * 7;
  const bool german = has_stops && stop_lang == StopLang::kDeu;
  char fold_buf[96];
  for (int a = 0; a < num_anchors; ++a) {
    const std::string_view folded =
        FoldWord(anchors[a].word, fold_buf, sizeof(fold_buf));
    if (folded.size() < 2) continue;
    if (anchors[a].acronym && folded.size() <= 6) {
      out->push_back(ContentFeature(
          SketchHash64(lexicon_->CanonicalAcronym(folded), kAcronymSeed)));
      continue;
    }
    if (german || title_case) continue;
    if (StopWordMask(folded) != 0) continue;
    out->push_back(ContentFeature(SketchHash64(Prefix(folded), kEntitySeed)));
  }

  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

bool CrossLingual::IsFact(std::uint64_t feature) {
  return (feature & 0xF) == kFactTag;
}

double CrossLingual::Score(const std::vector<std::uint64_t>& a,
                           const std::vector<std::uint64_t>& b) {
  if (a.empty() || b.empty()) return 0.0;
  // One merge pass counts common features, and common / own facts for the
  // fact guard.
  std::size_t i = 0, j = 0, common = 0;
  std::size_t facts_a = 0, facts_b = 0, common_facts = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      facts_a += IsFact(a[i]);
      ++i;
    } else if (b[j] < a[i]) {
      facts_b += IsFact(b[j]);
      ++j;
    } else {
      ++common;
      const bool fact = IsFact(a[i]);
      facts_a += fact;
      facts_b += fact;
      common_facts += fact;
      ++i;
      ++j;
    }
  }
  for (; i < a.size(); ++i) facts_a += IsFact(a[i]);
  for (; j < b.size(); ++j) facts_b += IsFact(b[j]);
  // Fact guard: a translation keeps its numbers, months and weekdays; one
  // side may drop some (a shorter headline) but not change them ("7 muertos"
  // vs "27 mortos", "25 juin" vs "19 agosto" in the STS-B negatives).
  if (common_facts < facts_a && common_facts < facts_b) return 0.0;
  return static_cast<double>(common) / (a.size() + b.size() - common);
}

}  // namespace tickerdedup::internal
