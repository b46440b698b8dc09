// Cross-language feature extraction.
//
// PERF NOTES: Features() runs once per headline in xlang mode. It walks the
// key once (no std::string per token: tokens are string_views into the key,
// pivots string_views into the lexicon's single buffer), hashes at most ~6
// prefixes per content word with the inlined XXH3 of shingle.cc, and only
// folds original-text words that are capitalized (entity anchors) into a
// stack buffer. What each word of the key contributes (stop word, fact, or
// its own prefix and its pivots' stemmed prefixes) is memoized per thread
// (WordInfoOf): on the 200k generated feed 90% of words were seen before,
// and a miss costs the stop-word and closed-class hash lookups, up to 5
// lexicon binary searches and a Snowball stem per pivot. Measured cost:
// docs/xlang.md.
#include "xlang.h"

#include <absl/strings/string_view.h>
#include <libstemmer.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "closed_class.h"
#include "facts.h"
#include "langid.h"
#include "mapped_memory.h"
#include "shingle.h"
#include "stopwords.h"
#include "xlang_seeds.h"

namespace tickerdedup::internal {
namespace {

// The level of a lexicon place code ("cty" rows): "city-<synset>" is a
// city, "us-md" (ISO 3166-2) a region, "gb" a country.
PlaceFact::Level PlaceLevelOf(std::string_view code) {
  if (code.starts_with("city-")) return PlaceFact::kCity;
  return code.find('-') != std::string_view::npos ? PlaceFact::kRegion
                                                  : PlaceFact::kCountry;
}

// Feature families: the XXH3 seeds of xlang_seeds.h.

// Slot hash of the WordInfoOf memo (not a feature).
constexpr std::uint64_t kPivotMemoSeed = 0x786c616e674d656dULL;
// Hash seed of CrossLingual::country_prefixes_ (not a feature).
constexpr std::uint64_t kCountryPrefixSeed =
    0x6374797072656678ULL;  // "ctyprefx"

// Prefix length in code points: 5 beat Snowball stems and 4/6-prefixes in
// the prototype (NTREX xlang recall at <= 1% xneg).
constexpr int kPrefix = 5;
// Pivots per word (the lexicon stores up to 5, best first). With the
// agreement-ranked lexicon, 4 -> 5 raised NTREX recall 0.640 -> 0.659 (STS-B
// xneg 0.0145 -> 0.0167); 6 gave 0.667 but lost stream precision and
// eng-deu recall (docs/xlang.md).
constexpr int kMaxPivots = 5;
// German compounds ("ölpipeline", "einwanderungsgesetz") are rarely
// headwords. The head (last part) carries the meaning English puts in its
// last word, the modifier the word before ("oil pipeline", "immigration
// law"): a compound the lexicon lacks gets up to kMaxHeadPivots pivots of
// its longest headword suffix (>= kMinCompoundPart bytes) and the rest from
// the modifier, when the modifier (a linking "s" dropped) is a headword too.
constexpr int kMaxHeadPivots = 3;
// German headwords of at least this many bytes that split into two
// headwords get the parts' pivots too (see ComputeWord). Measured
// (td_eval): NTREX 0.7415 -> 0.7469 (fra-deu 0.626 -> 0.650, spa-deu
// 0.675 -> 0.699, por-deu 0.683 -> 0.707), STS-B xlang 0.750 -> 0.753,
// xneg unchanged; from 10 bytes NTREX 0.7474 but stream precision -0.001.
constexpr std::size_t kMinSplitHeadword = 12;
constexpr std::size_t kMinCompoundPart = 4;
constexpr std::size_t kMinInflectedHead = 5;

// The pivots of a compound's modifier, a linking "s" dropped when only
// that makes it a headword ("Einwanderungs" -> "Einwanderung"); false, and
// empty pivots, when it is no headword.
bool ModifierPivots(const Lexicon& lexicon, std::string_view modifier,
                    std::string_view* pivots) {
  if (lexicon.LookupExact(LexLang::kDeu, modifier, pivots)) return true;
  if (modifier.size() > 3 && modifier.back() == 's' &&
      lexicon.LookupExact(LexLang::kDeu,
                          modifier.substr(0, modifier.size() - 1), pivots)) {
    return true;
  }
  *pivots = {};
  return false;
}

bool SplitCompound(const Lexicon& lexicon, std::string_view word,
                   std::string_view* head_pivots,
                   std::string_view* modifier_pivots) {
  if (word.size() < 2 * kMinCompoundPart) return false;
  for (std::size_t p = 3; p + kMinCompoundPart <= word.size(); ++p) {
    if ((static_cast<unsigned char>(word[p]) & 0xC0) == 0x80) continue;
    if (!lexicon.LookupExact(LexLang::kDeu, word.substr(p), head_pivots)) {
      continue;
    }
    ModifierPivots(lexicon, word.substr(0, p), modifier_pivots);
    return true;
  }
  // No headword ends the word: an inflected head ("Mordverdachts",
  // "Viktoriakreuzes", "Todesschüssen") by its stem row, after a headword
  // modifier.
  for (std::size_t p = 3; p + kMinInflectedHead <= word.size(); ++p) {
    if ((static_cast<unsigned char>(word[p]) & 0xC0) == 0x80) continue;
    std::string_view modifier;
    if (!ModifierPivots(lexicon, word.substr(0, p), &modifier) ||
        !lexicon.Lookup(LexLang::kDeu, word.substr(p), head_pivots)) {
      continue;
    }
    *modifier_pivots = modifier;
    return true;
  }
  return false;
}

// English inflection ("kills", "killed" vs the pivot "kill") moves the
// 5-prefix of short words; the Snowball English stemmer undoes it, for
// English headline words (an extra feature) and pivots (instead of the
// pivot). Longer words keep their 5-prefix through any inflection
// ("negotiations"), so only words up to kMaxStemmed bytes are stemmed
// (half of Analyze()'s stemming cost). Measured: NTREX eng-* recall under
// the shipped rule +0.03-0.04, STS-B xlang +0.01 (docs/xlang.md).
// (EnglishStem: lexicon.h.)
constexpr std::size_t kMaxStemmed = 8;

inline bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Words that are optional units (XlangProfile::kOptionalBit: counted where
// the other side covers them, left out where not), folded; closed classes,
// written by hand from the languages' conjugation tables:
// - the modal verbs of French, Spanish, Portuguese and Italian in the
//   forms headlines use (third person, present, conditional and future of
//   "can" and "must"/"should"). English writes them as stop words ("can",
//   "could", "should", "must", "will"), so as units they are words that no
//   English pivot covers; between two Romance languages they cover each
//   other;
// - light verbs, whose translation is rarely the same verb: English "take",
//   "make", "get", "go", "set", "put", "give" ("take a hard look",
//   "envisager sérieusement"), and "do / make" in the other five ("faire
//   appel", "hacer frente", "fare il punto", "machen");
// - English "another", whose translations are stop words in the other five
//   ("otro", "autre", "altro", "outro", "andere"; and "noch ein"). Not an
//   English stop word: within one language "another death" is news of its
//   own, and as a stop word it joined such pairs in near mode.
// `lang`: a LexLang (fra..deu) or CrossLingual::kEnglishLang (kNumLexLangs).
bool IsOptionalWord(int lang, std::string_view word) {
  // Indexed by LexLang (kFra, kSpa, kPor, kIta, kDeu), then English.
  static constexpr std::string_view kFra[] = {
      "peut",     "peuvent", "pourrait", "pourraient", "pourra",
      "pourront", "doit",    "doivent",  "devrait",    "devraient",
      "devra",    "devront", "faire",    "fait",       "font",
      "fera",     "feront",  "ferait",   "faisait"};
  static constexpr std::string_view kSpa[] = {
      "puede", "pueden",  "podria",   "podrian", "podra",   "podran", "debe",
      "deben", "deberia", "deberian", "debera",  "deberan", "hacer",  "hace",
      "hacen", "hizo",    "hara",     "haran",   "haria"};
  static constexpr std::string_view kPor[] = {
      "pode",  "podem",   "poderia",  "poderiam", "podera",  "poderao", "deve",
      "devem", "deveria", "deveriam", "devera",   "deverao", "fazer",   "faz",
      "fazem", "fez",     "fara",     "farao",    "faria"};
  static constexpr std::string_view kIta[] = {
      "puo",      "possono",  "potrebbe", "potrebbero", "potra",
      "potranno", "deve",     "devono",   "dovrebbe",   "dovrebbero",
      "dovra",    "dovranno", "fare",     "fa",         "fanno",
      "fatto",    "fece",     "fara",     "faranno",    "farebbe"};
  static constexpr std::string_view kDeu[] = {"machen", "macht", "machte",
                                              "gemacht"};
  static constexpr std::string_view kEng[] = {
      "take",    "takes", "took",    "taken", "taking", "make",
      "makes",   "made",  "making",  "get",   "gets",   "got",
      "getting", "go",    "goes",    "went",  "going",  "gone",
      "set",     "sets",  "setting", "put",   "puts",   "putting",
      "give",    "gives", "gave",    "given", "giving", "another"};
  static constexpr std::span<const std::string_view> kLists[] = {
      kFra, kSpa, kPor, kIta, kDeu, kEng};
  static_assert(static_cast<int>(LexLang::kDeu) == 4);
  const int index = lang == kNumLexLangs ? 5  // kEnglishLang
                    : lang >= 0 && lang <= static_cast<int>(LexLang::kDeu)
                        ? lang
                        : -1;
  return index >= 0 &&
         std::ranges::find(kLists[index], word) != kLists[index].end();
}

// The key with every non-ASCII code point that is no letter, mark or
// number ("¿", "¡", "€", "£", "·", "°": IsWordCodePoint) blanked, byte for
// byte, so that offsets stay as they are: IsWordByte takes every byte from
// 0x80 for a word byte, which made "¿otra" one word (not the stop word
// "otra") and a lone "£" a unit no translation covers. Returns `key`
// itself when nothing is blanked (almost always); else a copy in
// *scratch.
std::string_view BlankNonWordSymbols(std::string_view key,
                                     std::string* scratch) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(key.data());
  bool copied = false;
  for (std::size_t i = 0; i < key.size();) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t len = utf8proc_iterate(
        p + i, static_cast<utf8proc_ssize_t>(key.size() - i), &cp);
    if (len <= 0) {  // invalid (keys are repaired): left as it is
      ++i;
      continue;
    }
    if (!IsWordCodePoint(cp)) {
      if (!copied) {
        scratch->assign(key);
        copied = true;
      }
      std::memset(scratch->data() + i, ' ', static_cast<std::size_t>(len));
    }
    i += static_cast<std::size_t>(len);
  }
  return copied ? std::string_view(*scratch) : key;
}

// The power of ten of a multiplier word after a number ("mil", "millones",
// "Milliarden", "bn", "mrd"), or 0, from its closed class.
int MultiplierPowerOf(const ClosedClass& c) {
  if (c.kind != ClosedClassKind::kNumber) return 0;
  switch (c.value) {
    case 1000:
      return 3;
    case 1000000:
      return 6;
    case 1000000000:
      return 9;
    default:
      return 0;
  }
}
int MultiplierPower(std::string_view word) {
  return MultiplierPowerOf(LookupClosedClass(word));
}

// A currency's symbol, its ISO 4217 code (which headlines write as a word:
// "26 750 USD"; it must stand alone, "usda" is no dollar), and its word in
// each language.
struct Currency {
  std::array<std::string_view, 2> symbols;           // the sign, the code
  std::array<std::string_view, kNumStopLangs> word;  // StopLang order
};
constexpr Currency kCurrencies[] = {
    {{"$", "usd"},
     {"dollars", "dollars", "dolares", "dolares", "dollari", "dollar"}},
    {{"\u20ac", "eur"}, {"euros", "euros", "euros", "euros", "euro", "euro"}},
    {{"\u00a3", "gbp"},
     {"pounds", "livres", "libras", "libras", "sterline", "pfund"}},
};

// Currency symbols next to a number, spelled out in the headline's own
// language ("$15bn" -> "dollars 15bn", "8 Mrd. $" -> "8 mrd. dollar"), so
// that they meet a translation that writes the word ("15 milliards de
// dollars", "9,8 millones de dolares", "1,0 Mrd. $"): a symbol is no word
// and was blanked, which left the other side's currency word uncovered.
// Not a "$" before letters ("$AAPL": a cashtag). `stop_lang` is the
// headline's; keys are folded (lower case, no accents).
std::string_view SpellCurrencySymbols(std::string_view key, StopLang stop_lang,
                                      std::string* scratch) {
  auto digit_at = [&](std::size_t i) {
    return i < key.size() && IsDigit(key[i]);
  };
  // A number before the symbol, maybe with its multiplier ("26 750 $",
  // "8 Mrd. $", "15 milliards EUR"), or right after it ("$ 15").
  auto skip_back = [&](std::size_t b) {
    while (b > 0 && (key[b - 1] == ' ' || key[b - 1] == '.')) --b;
    return b;
  };
  auto next_to_number = [&](std::size_t at, std::size_t len) {
    std::size_t b = skip_back(at);
    if (b > 0 && IsDigit(key[b - 1])) return true;
    std::size_t w = b;
    while (w > 0 && b - w < 12 && key[w - 1] >= 'a' && key[w - 1] <= 'z') --w;
    if (w < b && MultiplierPower(key.substr(w, b - w)) > 0) {
      w = skip_back(w);
      if (w > 0 && IsDigit(key[w - 1])) return true;
    }
    std::size_t a = at + len;
    while (a < key.size() && key[a] == ' ') ++a;
    return digit_at(a);
  };
  // A code is a word of its own, and a currency wherever it stands
  // ("contra USD").
  auto code_word_at = [&](std::string_view code, std::size_t i) {
    return key.substr(i, code.size()) == code &&
           (i == 0 || !IsWordByte(key[i - 1])) &&
           (i + code.size() == key.size() || !IsWordByte(key[i + code.size()]));
  };
  // Whether anything below can match: a sign anywhere, a code as a word
  // of its own. (Any code's letters, as the early-out once was, sent many
  // French keys down the byte-by-byte scan: "eur" in "directeur", "leur".)
  auto has_code_word = [&](std::string_view code) {
    for (std::size_t at = key.find(code); at != std::string_view::npos;
         at = key.find(code, at + 1)) {
      if (code_word_at(code, at)) return true;
    }
    return false;
  };
  bool any = false;
  for (const Currency& c : kCurrencies) {
    any |= key.find(c.symbols[0]) != std::string_view::npos ||
           has_code_word(c.symbols[1]);
  }
  if (!any) return key;
  // The length of the symbol or code of `c` that key[i] starts, or 0.
  auto match_at = [&](const Currency& c, std::size_t i) -> std::size_t {
    const std::string_view sign = c.symbols[0], code = c.symbols[1];
    // A sign only next to a number.
    if (key.substr(i, sign.size()) == sign && next_to_number(i, sign.size())) {
      return sign.size();
    }
    return code_word_at(code, i) ? code.size() : 0;
  };
  std::string out;
  out.reserve(key.size() + 16);
  bool changed = false;
  for (std::size_t i = 0; i < key.size();) {
    const Currency* hit = nullptr;
    std::size_t len = 0;
    for (const Currency& c : kCurrencies) {
      len = match_at(c, i);
      if (len != 0) {
        hit = &c;
        break;
      }
    }
    if (hit == nullptr) {
      out.push_back(key[i++]);
      continue;
    }
    out.push_back(' ');
    out.append(hit->word[static_cast<int>(stop_lang)]);
    out.push_back(' ');
    i += len;
    changed = true;
  }
  if (!changed) return key;
  *scratch = std::move(out);
  return *scratch;
}

// Whether the word before key[at] (spaces skipped) is a currency word that
// SpellCurrencySymbols writes ("dollars 4b" from "$4b").
bool AfterCurrencyWord(std::string_view key, std::size_t at) {
  std::size_t e = at;
  while (e > 0 && key[e - 1] == ' ') --e;
  std::size_t b = e;
  while (b > 0 && key[b - 1] >= 'a' && key[b - 1] <= 'z') --b;
  const std::string_view word = key.substr(b, e - b);
  for (const Currency& c : kCurrencies) {
    for (std::string_view w : c.word) {
      if (word == w) return true;
    }
  }
  return false;
}

// A number read by CanonicalNumber times 10^`shift` ("4.1" and 9 ->
// "4100000000"), written as CanonicalNumber writes numbers: digits, a "."
// only when a fraction is left, no leading or trailing zeros around it.
// The output goes to `buf` (`cap` bytes); the number unchanged when it does
// not fit.
std::string_view ShiftDecimal(std::string_view number, int shift, char* buf,
                              std::size_t cap) {
  char digits[64];
  std::size_t n = 0;
  int fraction = 0;  // digits after the point
  bool after_point = false;
  for (char c : number) {
    if (c == '.') {
      after_point = true;
      continue;
    }
    if (n == sizeof(digits)) return number;
    digits[n++] = c;
    fraction += after_point;
  }
  if (n == 0) return number;
  int exponent = shift - fraction;  // value = digits x 10^exponent
  while (n > 1 && digits[n - 1] == '0') {
    --n;
    ++exponent;
  }
  std::size_t lead = 0;
  while (lead + 1 < n && digits[lead] == '0') ++lead;
  const std::size_t keep = n - lead;
  std::size_t out = 0;
  if (exponent >= 0) {
    const bool zero = keep == 1 && digits[lead] == '0';
    if (keep + (zero ? 0 : static_cast<std::size_t>(exponent)) > cap) {
      return number;
    }
    for (std::size_t k = lead; k < n; ++k) buf[out++] = digits[k];
    if (!zero) {
      for (int k = 0; k < exponent; ++k) buf[out++] = '0';
    }
    return std::string_view(buf, out);
  }
  // A fraction is left: the integer part ("0" if none), ".", the rest.
  const std::size_t frac = static_cast<std::size_t>(-exponent);
  if (keep + frac + 2 > cap) return number;
  if (frac >= keep) {
    buf[out++] = '0';
    buf[out++] = '.';
    for (std::size_t k = keep; k < frac; ++k) buf[out++] = '0';
    for (std::size_t k = lead; k < n; ++k) buf[out++] = digits[k];
  } else {
    for (std::size_t k = lead; k < n - frac; ++k) buf[out++] = digits[k];
    buf[out++] = '.';
    for (std::size_t k = n - frac; k < n; ++k) buf[out++] = digits[k];
  }
  return std::string_view(buf, out);
}

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
// The fact feature of a small integer written in decimal (a number word's
// value, a month or weekday number, an hour), as CanonicalNumber writes it.
std::uint64_t IntFactFeature(int value, std::uint64_t seed) {
  char buf[16];
  const int n = std::snprintf(buf, sizeof(buf), "%d", value);
  return FactFeature(SketchHash64(std::string_view(buf, n), seed));
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
    // Trailing zeros carry no meaning either ("1,0 milliard" = "$1 billion",
    // "2.50" = "2.5"), as in the fact guard's decimals.
    while (buf[n - 1] == '0') --n;
    if (buf[n - 1] == '.') --n;
  }
  // Leading zeros carry no meaning across languages ("07" = "7").
  std::size_t skip = 0;
  while (skip + 1 < n && buf[skip] == '0' && buf[skip + 1] != '.') ++skip;
  return std::string_view(buf + skip, n - skip);
}

// Whether the number that ends at key[end] with glued letters `suffix` is
// an ordinal: "1st", "21st", "2e", "2eme", "1er", "1re", "3o" ("3º"), "1a"
// ("1ª"), and in German (`lang`) a number with a period before a word that
// is no month ("1. Weltkrieg", not the date "27. Juni"). A translation
// writes an ordinal as a word as often ("première", "tercer", "WW1"), so
// the fact guard lets a side lack one (XlangAlignment::fact_added).
bool IsOrdinal(std::string_view key, std::size_t end, std::string_view suffix,
               LexLang lang) {
  static constexpr std::string_view kSuffixes[] = {
      "st", "nd", "rd", "th", "e", "eme", "er", "re", "ere", "nde", "o", "a"};
  if (!suffix.empty()) {
    return std::find(std::begin(kSuffixes), std::end(kSuffixes), suffix) !=
           std::end(kSuffixes);
  }
  if (lang != LexLang::kDeu || end + 2 >= key.size() || key[end] != '.' ||
      key[end + 1] != ' ') {
    return false;
  }
  std::size_t e = end + 2;
  while (e < key.size() && IsWordByte(key[e])) ++e;
  const std::string_view word = key.substr(end + 2, e - end - 2);
  return !word.empty() && !IsDigit(word[0]) &&
         LookupClosedClass(word).kind != ClosedClassKind::kMonth;
}

// German separable verbs: in "Nordkorea lehnt Abrüstung ab" the verb is
// "ablehnen" (reject), not "lehnen" (lean); its particle ends the clause.
// NTREX: 14 of 123 German headlines have one ("stimmen ... ab", "nimmt ...
// fest", "fordert ... auf", "findet ... statt").
constexpr std::string_view kSeparableParticles[] = {
    "ab",     "an",    "auf",    "aus",    "bei",    "ein",
    "fest",   "fort",  "her",    "hin",    "los",    "mit",
    "nach",   "vor",   "weg",    "zu",     "zuruck", "zusammen",
    "teil",   "statt", "heraus", "hervor", "voran",  "vorbei",
    "weiter", "hoch",  "nieder", "frei",   "bekannt"};

struct SeparableParticle {
  std::size_t clause_begin;  // key offset where the particle's clause starts
  std::size_t begin;         // the particle's offset
  std::string_view word;     // the particle
  bool used;
};

// The separable particles of a German key: a particle word that ends its
// clause (the key's end or a punctuation mark follows). At most `cap`.
int FindSeparableParticles(std::string_view key, SeparableParticle* out,
                           int cap) {
  int n = 0;
  std::size_t clause_begin = 0;
  std::size_t i = 0;
  while (i < key.size() && n < cap) {
    const char c = key[i];
    if (c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' ||
        c == '(' || c == ')') {
      clause_begin = i + 1;
      ++i;
      continue;
    }
    if (!IsWordByte(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < key.size() && IsWordByte(static_cast<unsigned char>(key[i]))) {
      ++i;
    }
    const std::string_view word = key.substr(start, i - start);
    std::size_t next = i;
    while (next < key.size() && key[next] == ' ') ++next;
    const bool ends_clause =
        next == key.size() || std::strchr(",;:.!?)\"'", key[next]) != nullptr;
    if (!ends_clause || start == clause_begin) continue;
    for (std::string_view p : kSeparableParticles) {
      if (word == p) {
        out[n++] = {clause_begin, start, word, false};
        break;
      }
    }
  }
  return n;
}

// The infinitive of separable verb `particle` + `verb` (a finite form:
// "lehnt", "stimmen", "streitet", "lehnte", "hält" folded "halt"), if the
// lexicon has it: the joined form's own row (strong forms: "tritt" +
// "zuruck"), else the present and weak past endings replaced by -en / -n.
bool SeparableVerb(const Lexicon& lexicon, std::string_view particle,
                   std::string_view verb, char* buf, std::size_t cap,
                   std::string_view* infinitive, std::string_view* pivots) {
  if (verb.size() < 3) return false;
  // A strong form joined to its particle ("zurucktritt", "bekanntgab") has
  // a row of its own (Ding's forms, tools/build_lexicon.py).
  if (particle.size() + verb.size() <= cap) {
    std::memcpy(buf, particle.data(), particle.size());
    std::memcpy(buf + particle.size(), verb.data(), verb.size());
    const std::string_view joined(buf, particle.size() + verb.size());
    if (lexicon.LookupExact(LexLang::kDeu, joined, pivots)) {
      *infinitive = joined;
      return true;
    }
  }
  constexpr std::string_view kEndings[] = {"",    "e",  "t", "et", "te",
                                           "ten", "en", "n", "st"};
  for (std::string_view ending : kEndings) {
    if (!verb.ends_with(ending) || verb.size() - ending.size() < 2) continue;
    const std::string_view stem = verb.substr(0, verb.size() - ending.size());
    for (std::string_view suffix :
         {std::string_view("en"), std::string_view("n")}) {
      const std::size_t len = particle.size() + stem.size() + suffix.size();
      if (len > cap) continue;
      std::memcpy(buf, particle.data(), particle.size());
      std::memcpy(buf + particle.size(), stem.data(), stem.size());
      std::memcpy(buf + particle.size() + stem.size(), suffix.data(),
                  suffix.size());
      const std::string_view candidate(buf, len);
      if (lexicon.LookupExact(LexLang::kDeu, candidate, pivots)) {
        *infinitive = candidate;
        return true;
      }
    }
  }
  return false;
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
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      // ASCII: Lu is exactly A-Z, as utf8proc_category says, without its
      // table lookups.
      const bool upper = c >= 'A' && c <= 'Z';
      if (letters == 0) first_upper = upper;
      if (!upper) *all_upper = false;
      ++letters;
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

CrossLingual::CrossLingual(std::unique_ptr<Lexicon> lexicon)
    : lexicon_(std::move(lexicon)) {
  static std::atomic<std::uint32_t> next_id{1};  // 0 marks an empty memo slot
  id_ = next_id.fetch_add(1, std::memory_order_relaxed);
  // Built with the vocabulary, a lexicon knows the stems of common English
  // words; without it, HasEnglishWord is false for every word.
  has_vocabulary_ = lexicon_->HasEnglishWord("government") &&
                    lexicon_->HasEnglishWord("people");
  country_prefixes_.reserve(lexicon_->size(LexLang::kCountry));
  // The countries (a "cty" row's code of that level), for the acronyms
  // below.
  absl::flat_hash_set<std::string_view> countries;
  lexicon_->ForEachRow(LexLang::kCountry, [&](std::string_view name,
                                              std::string_view code) {
    for (std::size_t space = name.find(' '); space != std::string_view::npos;
         space = name.find(' ', space + 1)) {
      country_prefixes_.insert(
          SketchHash64(name.substr(0, space), kCountryPrefixSeed));
    }
    if (PlaceLevelOf(code) == PlaceFact::kCountry) countries.insert(code);
  });
  lexicon_->ForEachRow(LexLang::kAcronym, [&](std::string_view acronym,
                                              std::string_view classes) {
    // The canonical member of its class (CanonicalAcronym).
    const std::string_view code = classes.substr(0, classes.find(' '));
    if (acronym.size() < 2 || !countries.contains(code)) return;
    country_acronyms_.emplace(acronym);
    if (acronym.size() != 3) country_acronyms_.emplace(code);
  });
}

bool CrossLingual::IsEnglishWordOrForm(std::string_view word) const {
  if (lexicon_->HasEnglishWord(word)) return true;
  // Snowball keeps the comparative and superlative endings, and the
  // vocabulary has the base forms' stems: "tallest" / "tall", "larger" /
  // "large", "biggest" / "big", "happier" / "happy" (regular English
  // morphology).
  char buf[64];
  for (const std::string_view ending :
       {std::string_view("est"), std::string_view("er")}) {
    if (word.size() < ending.size() + 3 || word.size() > sizeof(buf) ||
        !word.ends_with(ending)) {
      continue;
    }
    const std::string_view base = word.substr(0, word.size() - ending.size());
    std::memcpy(buf, base.data(), base.size());
    const std::size_t n = base.size();
    if (lexicon_->HasEnglishWord(base)) return true;  // tall-est
    buf[n] = 'e';                                     // larg-est
    if (lexicon_->HasEnglishWord(std::string_view(buf, n + 1))) return true;
    if (base[n - 1] == base[n - 2] &&  // bigg-est
        lexicon_->HasEnglishWord(base.substr(0, n - 1))) {
      return true;
    }
    if (base[n - 1] == 'i') {  // happi-est
      buf[n - 1] = 'y';
      if (lexicon_->HasEnglishWord(std::string_view(buf, n))) return true;
    }
  }
  return false;
}

bool CrossLingual::IsName(std::string_view lang, std::string_view word) const {
  if (!has_vocabulary_ || word.size() < 3) return false;
  // A place is a name ("Peru", "Ankara"), though English knows it.
  if (std::string_view code; lexicon_->CountryOf(word, &code)) return true;
  for (char c : word) {
    if (IsDigit(static_cast<unsigned char>(c))) return false;
  }
  StopLang stop_lang;
  if (!ParseStopLang(lang, &stop_lang) || StopWordMask(word) != 0 ||
      LookupClosedClass(word).kind != ClosedClassKind::kNone ||
      IsEnglishWordOrForm(word)) {
    return false;
  }
  // A hyphenated word is a name when no part is a word ("Anti-Graft" is
  // not; "Jong-un" is).
  if (word.find('-') != std::string_view::npos) {
    std::size_t begin = 0;
    while (begin <= word.size()) {
      const std::size_t end = std::min(word.find('-', begin), word.size());
      const std::string_view part = word.substr(begin, end - begin);
      if (part.size() >= 3 &&
          (StopWordMask(part) != 0 || IsEnglishWordOrForm(part))) {
        return false;
      }
      begin = end + 1;
    }
  }
  LexLang lex_lang;
  if (!ParseLexLang(lang, &lex_lang) || lex_lang >= LexLang::kAcronym) {
    return true;  // English: no English word
  }
  const WordInfo info = WordInfoOf(static_cast<int>(lex_lang), word);
  return info.kind == WordInfo::kContent && info.oov;
}

void CrossLingual::ComputeWord(int lang, std::string_view word,
                               WordInfo* out) const {
  out->n = 0;
  out->n_flat = kMaxWordPivots;  // every feature in the flat set
  out->oov = false;
  out->kind = WordInfo::kSkip;
  out->country = lexicon_->MayStartCountry(word);
  out->place = 0;
  out->place_level = PlaceFact::kCountry;
  // Stop words, reporting verbs and quantity hedges ("says", "affirme",
  // "at least"; see stopwords.cc) of the headline's language (any of the six
  // when it is another language) are no units.
  const WordMasks masks = LookupWordMasks(word);
  const std::uint32_t no_unit = masks.stop | masks.reporting;
  const int stop_lang =
      lang < static_cast<int>(LexLang::kAcronym) ? lang + 1  // StopLang order
      : lang == kEnglishLang ? static_cast<int>(StopLang::kEng)
                             : -1;
  if (stop_lang >= 0 ? ((no_unit >> stop_lang) & 1u) : no_unit != 0) {
    return;
  }
  // The reading in the headline's language ("due" is Italian 2 and
  // English "due to"; "dos" is Spanish 2 and Portuguese "of the").
  const ClosedClass closed = LookupClosedClass(word, stop_lang);
  // "one" and the words that are both "one" and the indefinite article
  // (un, uno, um, ein) are no facts across languages: a translation writes
  // the article for "one" ("One dead" / "Um morto"), and the article is a
  // stop word. Nor are they units: "UN" stays an acronym (see Analyze) and
  // "Jong-un" a name's part.
  if (closed.kind == ClosedClassKind::kNumber && closed.value == 1) return;
  if (closed.kind != ClosedClassKind::kNone) {
    const std::uint64_t seed =
        closed.kind == ClosedClassKind::kMonth     ? kMonthSeed
        : closed.kind == ClosedClassKind::kWeekday ? kWeekdaySeed
                                                   : kNumberSeed;
    out->kind = WordInfo::kFact;
    out->own = IntFactFeature(closed.value, seed);
    return;
  }
  // An age or duration in one word ("tredicenne", "Zehnjähriger") is its
  // number, as "13" of "de 13 años" is.
  if (const int n = CountCompoundValue(word, stop_lang); n > 1) {
    out->kind = WordInfo::kFact;
    out->own = IntFactFeature(n, kNumberSeed);
    return;
  }
  if (word.size() < 2) return;
  out->kind = WordInfo::kContent;
  out->optional = IsOptionalWord(lang, word);
  out->own = ContentFeature(SketchHash64(Prefix(word), kWordSeed));
  auto add_pivots = [&](std::string_view list, int max) {
    int count = 0;
    while (!list.empty() && count < max && out->n < kMaxWordPivots) {
      const std::size_t space = list.find(' ');
      const std::string_view pivot = list.substr(0, space);
      if (!pivot.empty()) {
        out->f[out->n++] = ContentFeature(SketchHash64(
            Prefix(pivot.size() <= kMaxStemmed ? EnglishStem(pivot) : pivot),
            kWordSeed));
        ++count;
      }
      if (space == std::string_view::npos) break;
      list.remove_prefix(space + 1);
    }
  };
  if (lang < static_cast<int>(LexLang::kAcronym)) {
    const auto lex_lang = static_cast<LexLang>(lang);
    std::string_view pivots;
    std::string_view modifier;
    std::string_view head;
    if (word.size() >= 3 && lexicon_->Lookup(lex_lang, word, &pivots)) {
      if (lex_lang == LexLang::kDeu && word.size() >= kMinSplitHeadword &&
          SplitCompound(*lexicon_, word, &head, &modifier)) {
        // A compound headword ("Kriegsschiff": "warship") also gets its
        // parts' first pivots ("ship", "war"), where translations use two
        // words ("navire de guerre"); for verification only.
        add_pivots(pivots, kMaxPivots - 2);
        out->n_flat = out->n;
        add_pivots(head, 1);
        add_pivots(modifier, 1);
      } else {
        add_pivots(pivots, kMaxPivots);
      }
    } else if (lex_lang == LexLang::kDeu &&
               SplitCompound(*lexicon_, word, &pivots, &modifier)) {
      add_pivots(pivots, kMaxHeadPivots);
      add_pivots(modifier, kMaxPivots - kMaxHeadPivots);
    } else {
      out->oov = true;
    }
    // A word whose first pivot names a country ("egipcios" -> "egyptian",
    // "Allemagne" -> "germany") is a place.
    if (!pivots.empty()) {
      const std::string_view first = pivots.substr(0, pivots.find(' '));
      std::string_view code;
      if (lexicon_->CountryOf(first, &code)) {
        out->place = AcronymFeature(code);
        out->place_level = PlaceLevelOf(code);
        out->place_country = RegionCountryFeature(code);
      }
    }
  } else if (lang == kOtherLang) {
    out->oov = true;  // a language outside the six
  } else {
    // English: the word is its own pivot; add its stem's prefix too. A
    // country's adjective or its plural ("Egyptians") is a place. (The stem
    // is a view into the stemmer's buffer: used before add_pivots stems.)
    const std::string_view stem = EnglishStem(word);
    std::string_view code;
    if (lexicon_->CountryOf(word, &code) || lexicon_->CountryOf(stem, &code)) {
      out->place = AcronymFeature(code);
      out->place_level = PlaceLevelOf(code);
      out->place_country = RegionCountryFeature(code);
    }
    if (word.size() <= kMaxStemmed) {
      out->f[out->n++] = ContentFeature(SketchHash64(Prefix(stem), kWordSeed));
    }
    // An irregular form ("women", "said", "rose") also gets its WordNet
    // lemmas' features, as the pivots "woman", "say", "rise" have them; the
    // lexicon lists only forms whose lemma feature differs (~1k rows).
    // After a " | ", round-trip pivots ("trade" -> "commerce business",
    // through the five languages' dictionaries): for verification only, so
    // that they widen no LSH bucket.
    std::string_view lemmas;
    // A regular form ("kills", "killed") reads its stem's row: "| die",
    // WordNet's effect of "kill", as a verification pivot.
    const bool found = lexicon_->LookupExact(LexLang::kEng, word, &lemmas) ||
                       lexicon_->LookupEnglishStem(stem, &lemmas);
    if (found) {
      std::string_view round_trip;
      if (lemmas == "|") {  // a stem row without effects
        lemmas = {};
      } else if (lemmas.starts_with("| ")) {
        round_trip = lemmas.substr(2);
        lemmas = {};
      } else if (const std::size_t bar = lemmas.find(" | ");
                 bar != std::string_view::npos) {
        round_trip = lemmas.substr(bar + 3);
        lemmas = lemmas.substr(0, bar);
      }
      add_pivots(lemmas, kMaxWordPivots);
      out->n_flat = out->n;
      add_pivots(round_trip, kMaxWordPivots);
    }
  }
}

namespace {

// The per-thread WordInfoOf memo's slots are two cache lines each
// (direct-mapped: a new word replaces the slot's old one): a whole WordInfo
// (WordInfoOf's Slot), so a hit returns what ComputeWord gave, and the
// word. Longer words (German compounds) are not memoized.
constexpr std::size_t kMemoSlotBytes = 128;
// 8 MiB per thread (pages touched as used: +2.4 MiB peak RSS on the 200k
// feed). That feed has ~60k distinct (language, content word) pairs: 2^16
// slots miss 10% of its 1.38M word lookups (content words alone, 2^14
// slots missed 31%, 2^16 14%, 2^18 8%).
constexpr std::size_t kMemoSlots = std::size_t{1} << 16;

}  // namespace

CrossLingual::WordInfo CrossLingual::WordInfoOf(int lang,
                                                std::string_view word) const {
  // Headline vocabulary is Zipfian, so most words were seen before; a miss
  // costs the stop-word and closed-class lookups, a Snowball stem per pivot
  // and up to 5 binary searches.
  struct alignas(64) Slot {
    WordInfo info;
    std::uint32_t owner = 0;  // CrossLingual::id_; 0: empty
    std::uint8_t lang = 0;
    std::uint8_t len = 0;
    char word[kMemoSlotBytes - sizeof(WordInfo) - 6];
  };
  static_assert(sizeof(Slot) == kMemoSlotBytes);
  static_assert(sizeof(Slot::word) >= 48);
  // 8 MiB per thread, the kernel's zero pages until written (an all-zero
  // slot is empty: owner 0; an empty slot's info is never read), on huge
  // pages (4 faults at most, not 2,048; mapped_memory.h).
  thread_local ZeroedArray<Slot> memo(kMemoSlots);
  if (word.size() > sizeof(Slot::word)) {
    WordInfo out;
    ComputeWord(lang, word, &out);
    return out;
  }
  Slot& slot = memo[SketchHash64(word, kPivotMemoSeed +
                                           static_cast<std::uint64_t>(lang)) &
                    (kMemoSlots - 1)];
  if (slot.owner == id_ && slot.lang == lang && slot.len == word.size() &&
      std::memcmp(slot.word, word.data(), word.size()) == 0) {
    return slot.info;
  }
  slot.info = WordInfo{};
  ComputeWord(lang, word, &slot.info);
  slot.owner = id_;
  slot.lang = static_cast<std::uint8_t>(lang);
  slot.len = static_cast<std::uint8_t>(word.size());
  std::memcpy(slot.word, word.data(), word.size());
  return slot.info;
}

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
  bool weak;
  return internal::DetectLanguage(original_text, &weak, lexicon_.get());
}

std::string_view CrossLingual::DetectLanguage(std::string_view original_text,
                                              bool* weak) const {
  return internal::DetectLanguage(original_text, weak, lexicon_.get());
}

namespace {

// Units and features of one headline while it is analyzed (on the stack:
// Analyze allocates nothing but its outputs).
constexpr int kMaxUnitFeatures = 7;  // 3 bits in the profile
struct Unit {
  std::uint64_t f[kMaxUnitFeatures];
  // Whether f[k] is also in the flat (MinHash) set; English round-trip
  // pivots are for verification only (WordInfo::n_flat).
  bool flat[kMaxUnitFeatures];
  std::uint8_t n = 0;
  std::uint8_t cls = XlangProfile::kWord;
  bool place = false;   // names a country (XlangProfile::kPlaceBit)
  bool stated = false;  // a fact written in digits (XlangProfile::kStatedBit)
  // An opening label's word, or one of IsOptionalWord's
  // (XlangProfile::kOptionalBit).
  bool optional = false;
  void Add(std::uint64_t h, bool in_flat = true) {
    for (int k = 0; k < n; ++k) {
      if (f[k] == h) {
        flat[k] = flat[k] || in_flat;
        return;
      }
    }
    if (n < kMaxUnitFeatures) {
      flat[n] = in_flat;
      f[n++] = h;
    }
  }
};

// The 16-bit fingerprint of a feature in a profile: its top bits (the low
// nibble carries the fact tag).
inline std::uint16_t Fingerprint(std::uint64_t h) {
  return static_cast<std::uint16_t>(h >> 48);
}

}  // namespace

void CrossLingual::MatchCountry(std::string_view key, std::size_t start,
                                std::size_t end, std::size_t* phrase_end,
                                std::uint64_t* feature, PlaceFact::Level* level,
                                std::uint64_t* country) const {
  // The longest country name of up to kMaxCountryWords key words from
  // `start` (the first word ends at `end`).
  constexpr int kMaxCountryWords = 5;
  char buf[96];
  std::size_t n = 0;
  std::size_t pos = start;
  std::size_t word_end = end;
  std::string_view code;
  for (int w = 0; w < kMaxCountryWords; ++w) {
    const std::size_t len = word_end - pos;
    if (n + (w > 0) + len > sizeof(buf)) break;
    if (w > 0) buf[n++] = ' ';
    std::memcpy(buf + n, key.data() + pos, len);
    n += len;
    std::string_view found;
    if (lexicon_->CountryOf(std::string_view(buf, n), &found)) {
      code = found;
      *phrase_end = word_end;
    }
    // No longer name starts with this phrase: no lookup of a longer one
    // can succeed (3 in 5 of the 200k feed's lookups).
    if (!country_prefixes_.contains(
            SketchHash64(std::string_view(buf, n), kCountryPrefixSeed))) {
      break;
    }
    // The next word: letters only (a number ends the name).
    pos = word_end;
    while (pos < key.size() && !IsWordByte(key[pos])) ++pos;
    if (pos == key.size() || IsDigit(key[pos])) break;
    word_end = pos;
    while (word_end < key.size() && IsWordByte(key[word_end])) ++word_end;
  }
  if (!code.empty()) {
    *feature = AcronymFeature(code);
    if (level != nullptr) *level = PlaceLevelOf(code);
    if (country != nullptr) *country = RegionCountryFeature(code);
  }
}

std::uint64_t CrossLingual::RegionCountryFeature(std::string_view code) const {
  // ISO 3166-2: the country's alpha-2 code, a hyphen, the region's.
  if (PlaceLevelOf(code) != PlaceFact::kRegion) return 0;
  return AcronymFeature(code.substr(0, code.find('-')));
}

std::uint64_t CrossLingual::AcronymFeature(std::string_view acronym) const {
  return ContentFeature(
      SketchHash64(lexicon_->CanonicalAcronym(acronym), kAcronymSeed));
}

namespace {

// A per-thread memo of the antonym facts of (language, word), as
// WordInfoOf's: looking them up (a translation, then the antonym row) for
// every content word of every headline was 6% of the default mode's
// instructions. Words longer than kPolarityWordBytes, or with more than
// kPolarityCodes entries, are not memoized.
constexpr std::size_t kPolarityWordBytes = 30;
constexpr int kPolarityCodes = 12;
struct alignas(64) PolarityMemoSlot {
  std::uint16_t codes[kPolarityCodes];  // PolarityEntry values
  std::uint32_t owner = 0;              // CrossLingual::id_; 0: empty
  std::uint8_t lang = 0;
  std::uint8_t len = 0;
  std::uint8_t n = 0;
  std::uint8_t negation = 0;  // a negation word: the headline takes no side
  char word[kPolarityWordBytes];
};
static_assert(sizeof(PolarityMemoSlot) == 64);
constexpr std::size_t kPolarityMemoSlots = std::size_t{1} << 16;  // 4 MiB
constexpr std::uint64_t kPolarityMemoSeed = 0x706f6c6172697479ULL;

// The next word of a match key at or after *i (a run of IsWordByte bytes),
// with *i moved past it; empty at the key's end.
inline std::string_view NextKeyWord(std::string_view key, std::size_t* i) {
  while (*i < key.size() && !IsWordByte(static_cast<unsigned char>(key[*i]))) {
    ++*i;
  }
  const std::size_t start = *i;
  while (*i < key.size() && IsWordByte(static_cast<unsigned char>(key[*i]))) {
    ++*i;
  }
  return key.substr(start, *i - start);
}

}  // namespace

int CrossLingual::PlaceMemoLang(std::string_view lang) {
  StopLang stop_lang;
  LexLang lex_lang;
  return ParseLexLang(lang, &lex_lang) && lex_lang < LexLang::kAcronym
             ? static_cast<int>(lex_lang)
         : ParseStopLang(lang, &stop_lang) ? kEnglishLang
                                           : kOtherLang;
}

std::uint64_t CrossLingual::CountryPhraseWords::FeatureOf(
    std::string_view word) const {
  if (n == 0 || word.empty()) return 0;
  std::uint64_t feature = 0;
  while (!word.empty()) {
    const std::size_t hyphen = word.find('-');
    const std::string_view part = word.substr(0, hyphen);
    std::uint64_t found = 0;
    for (int k = 0; k < n && found == 0; ++k) {
      if (words[k].first == part) found = words[k].second;
    }
    if (found == 0 || (feature != 0 && found != feature)) return 0;
    feature = found;
    if (hyphen == std::string_view::npos) break;
    word.remove_prefix(hyphen + 1);
  }
  return feature;
}

void CrossLingual::AddPlaceFacts(std::string_view key, std::string_view lang,
                                 Facts* facts,
                                 CountryPhraseWords* phrase_words) const {
  if (phrase_words != nullptr) phrase_words->n = 0;
  // A headline of another or unknown language ("Sebastian Vettel wins 2009
  // Japanese Grand Prix" is "und" to language id) still names the places
  // the lexicon's names and adjectives list.
  const int memo_lang = PlaceMemoLang(lang);
  thread_local std::vector<PlaceFact> places;
  places.clear();
  std::size_t country_end = 0;  // as in Analyze
  std::size_t i = 0;
  for (std::string_view word = NextKeyWord(key, &i); !word.empty();
       word = NextKeyWord(key, &i)) {
    const std::size_t start = i - word.size();
    if (start < country_end || IsDigit(static_cast<unsigned char>(word[0]))) {
      continue;
    }
    const WordInfo info = WordInfoOf(memo_lang, word);
    if (info.country) {
      PlaceFact place{0, PlaceFact::kCountry};
      std::uint64_t country = 0;
      MatchCountry(key, start, i, &country_end, &place.feature, &place.level,
                   &country);
      if (place.feature != 0) {
        places.push_back(place);
        // A country's name of several words: its words, for the entities.
        if (phrase_words != nullptr && place.level == PlaceFact::kCountry &&
            country_end > i) {
          std::size_t w = start;
          for (std::string_view part = NextKeyWord(key, &w);
               !part.empty() && w <= country_end &&
               phrase_words->n < CountryPhraseWords::kMax;
               part = NextKeyWord(key, &w)) {
            phrase_words->words[phrase_words->n++] = {part, place.feature};
          }
        }
        // A region names its country too ("Florida" is in the US, not in
        // Cuba), so places of two levels can conflict through it.
        if (country != 0) {
          places.push_back({country, PlaceFact::kCountry, /*implied=*/true});
        }
        continue;
      }
    }
    if (info.kind == WordInfo::kContent && info.place != 0) {
      places.push_back({info.place, info.place_level});
      if (info.place_country != 0) {
        places.push_back(
            {info.place_country, PlaceFact::kCountry, /*implied=*/true});
      }
    }
  }
  AddPlaceEntities(places, facts);
}

void CrossLingual::AddAcronymPlaces(std::string_view text, Facts* facts) const {
  if (country_acronyms_.empty()) return;
  auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto is_word = [&](char c) {
    return is_upper(c) || is_lower(c) || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  // Most headlines have no two capitals in a row: one pass over the bytes
  // finds out (the word walk below cost ~1,000 instructions a headline).
  // Branch-free, so that the compiler vectorizes it.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  // Byte-wide throughout, so that each vector step covers 16 bytes.
  std::uint8_t capitals_in_a_row = 0;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const std::uint8_t c = bytes[i] - 'A', before = bytes[i - 1] - 'A';
    capitals_in_a_row |= static_cast<std::uint8_t>(
        (c < 26) & ((before < 26) | (bytes[i - 1] == '.')));
  }
  if (!capitals_in_a_row) return;
  // Words in capitals: at most a few in a headline that is not in
  // capitals throughout.
  constexpr int kMaxAcronyms = 8;
  std::string_view acronyms[kMaxAcronyms];
  int n = 0, words = 0, capitals = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_word(text[i])) {
      ++i;
      continue;
    }
    // A word: letters and digits, periods between letters ("U.S.").
    const std::size_t start = i;
    bool upper_only = true;
    int letters = 0;
    while (i < text.size() &&
           (is_word(text[i]) ||
            (text[i] == '.' && i + 1 < text.size() && is_upper(text[i + 1]) &&
             i > start && is_upper(text[i - 1])))) {
      if (is_upper(text[i])) {
        ++letters;
      } else if (text[i] != '.') {
        upper_only = false;
      }
      ++i;
    }
    ++words;
    if (!upper_only || letters < 2) continue;
    ++capitals;
    if (n < kMaxAcronyms) acronyms[n++] = text.substr(start, i - start);
  }
  if (n == 0 || 2 * capitals >= words) return;
  thread_local std::vector<PlaceFact> places;
  places.clear();
  for (int k = 0; k < n; ++k) {
    std::string folded;
    for (const char c : acronyms[k]) {
      if (c != '.') folded += static_cast<char>(c - 'A' + 'a');
    }
    if (folded.size() > 6 ||
        folded.find_first_not_of("ivxlcdm") == std::string::npos ||
        !country_acronyms_.contains(folded)) {
      continue;
    }
    places.push_back({AcronymFeature(folded), PlaceFact::kCountry});
  }
  AddPlaceEntities(places, facts);
}

std::string_view CrossLingual::CountryOfWord(std::string_view word) const {
  std::string_view code;
  if (lexicon_->CountryOf(word, &code)) {
    return PlaceLevelOf(code) == PlaceFact::kCountry ? code
                                                     : std::string_view();
  }
  if (country_acronyms_.contains(absl::string_view(word.data(), word.size()))) {
    return lexicon_->CanonicalAcronym(word);
  }
  return {};
}

std::uint64_t CrossLingual::CountryFeatureOfWord(std::string_view word) const {
  const std::string_view code = CountryOfWord(word);
  return code.empty() ? 0 : AcronymFeature(code);
}

bool CrossLingual::IsPlaceName(std::string_view key,
                               std::string_view lang) const {
  // As AddPlaceFacts reads words and countries.
  const int memo_lang = PlaceMemoLang(lang);
  bool place = false;
  std::size_t country_end = 0;
  std::size_t i = 0;
  for (std::string_view word = NextKeyWord(key, &i); !word.empty();
       word = NextKeyWord(key, &i)) {
    const std::size_t start = i - word.size();
    if (start < country_end) continue;  // inside a country's name
    const WordInfo info = WordInfoOf(memo_lang, word);
    if (info.country) {
      std::uint64_t feature = 0;
      PlaceFact::Level level;
      MatchCountry(key, start, i, &country_end, &feature, &level);
      if (feature != 0) {
        place = true;
        continue;
      }
    }
    if (info.kind == WordInfo::kContent && info.place != 0) {
      place = true;
      continue;
    }
    if (info.kind != WordInfo::kSkip) return false;  // a word, a number
  }
  return place;
}

void CrossLingual::AddPolarityFacts(std::string_view key, std::string_view lang,
                                    Facts* facts) const {
  LexLang lex_lang;
  const bool translated =
      ParseLexLang(lang, &lex_lang) && lex_lang < LexLang::kAcronym;
  StopLang stop_lang;
  if ((!translated && lang != "eng") || !ParseStopLang(lang, &stop_lang)) {
    return;
  }
  // 4 MiB per thread, the kernel's zero pages until written (an all-zero
  // slot is empty: owner 0), on huge pages (mapped_memory.h). Written whole
  // when made, it was 4.2M of a one-headline default-mode run's 39.1M
  // instructions.
  thread_local ZeroedArray<PolarityMemoSlot> memo(kPolarityMemoSlots);
  thread_local std::vector<std::uint16_t> entries;
  entries.clear();
  // A negated headline states the other side in words ("not guilty" /
  // "innocent", "ne trouvent plus le sommeil" / "losing sleep"): no side is
  // read when any word is a negation (NegationMask) of its language.
  const int lang_bit = static_cast<int>(stop_lang);
  std::size_t i = 0;
  for (std::string_view word = NextKeyWord(key, &i); !word.empty();
       word = NextKeyWord(key, &i)) {
    if (std::any_of(word.begin(), word.end(), [](char c) {
          return IsDigit(static_cast<unsigned char>(c));
        })) {
      continue;
    }
    if (word.size() < 3) {  // not memoized; "no", "ne", "n'", "t" negate
      if ((NegationMask(word) >> lang_bit) & 1u) return;
      continue;
    }
    // Stop words are memoized too (no codes): they are most words.
    PolarityMemoSlot* slot = nullptr;
    if (word.size() <= kPolarityWordBytes) {
      slot =
          &memo[SketchHash64(word, kPolarityMemoSeed +
                                       static_cast<std::uint64_t>(stop_lang)) &
                (kPolarityMemoSlots - 1)];
      if (slot->owner == id_ && slot->lang == static_cast<int>(stop_lang) &&
          slot->len == word.size() &&
          std::memcmp(slot->word, word.data(), word.size()) == 0) {
        if (slot->negation) return;
        entries.insert(entries.end(), slot->codes, slot->codes + slot->n);
        continue;
      }
    }
    const std::size_t first = entries.size();
    const WordMasks masks = LookupWordMasks(word);
    const bool negation = (masks.negation >> lang_bit) & 1u;
    std::string_view form = word, axes;
    if (negation || ((masks.stop >> lang_bit) & 1u) != 0) {
      form = {};
    } else if (translated) {
      // The first pivot: the dictionaries' commonest sense.
      if (!lexicon_->Lookup(lex_lang, word, &form)) form = {};
      form = form.substr(0, form.find(' '));
    }
    if (!form.empty() && lexicon_->LookupAntonymAxes(form, &axes)) {
      // "high.low:1 lower.raise:0"
      while (!axes.empty()) {
        const std::size_t end = std::min(axes.find(' '), axes.size());
        const std::string_view tag = axes.substr(0, end);
        const std::size_t colon = tag.rfind(':');
        if (colon != std::string_view::npos && colon + 2 == tag.size()) {
          entries.push_back(
              PolarityEntry(tag.substr(0, colon), tag[colon + 1] == '1'));
        }
        axes.remove_prefix(std::min(end + 1, axes.size()));
      }
    }
    const std::size_t n = entries.size() - first;
    if (slot != nullptr && n <= static_cast<std::size_t>(kPolarityCodes)) {
      std::copy(entries.begin() + first, entries.end(), slot->codes);
      slot->owner = id_;
      slot->lang = static_cast<std::uint8_t>(stop_lang);
      slot->len = static_cast<std::uint8_t>(word.size());
      slot->n = static_cast<std::uint8_t>(n);
      slot->negation = negation;
      std::memcpy(slot->word, word.data(), word.size());
    }
    if (negation) return;
  }
  AddPolarityEntries(&entries, facts);
}

void CrossLingual::Analyze(std::string_view key, std::string_view original_text,
                           std::string_view lang,
                           std::vector<std::uint64_t>* features,
                           XlangProfile* profile,
                           std::size_t label_key_bytes) const {
  StopLang stop_lang;
  const bool has_stops = ParseStopLang(lang, &stop_lang);
  LexLang lex_lang;
  const bool has_lexicon =
      ParseLexLang(lang, &lex_lang) && lex_lang < LexLang::kAcronym;
  // The lexicon languages are the stop-word languages but English, so this
  // also determines the stop words (see ComputeWord).
  const int memo_lang = has_lexicon ? static_cast<int>(lex_lang)
                        : has_stops ? kEnglishLang
                                    : kOtherLang;
  char number_buf[48];
  char shifted_buf[48];
  thread_local std::string spelled, blanked;
  if (has_stops) key = SpellCurrencySymbols(key, stop_lang, &spelled);
  key = BlankNonWordSymbols(key, &blanked);

  // 1. Entity anchors from the original text: acronyms always; capitalized
  // words not at sentence start, except in German (every noun is
  // capitalized) and in title-case headlines (every word is). They are
  // found first so that the key's words can be classed as names.
  struct Anchor {
    std::string_view word;
    bool acronym;
  };
  std::array<Anchor, 32> anchors;
  int num_anchors = 0;
  int long_words = 0;
  int capitalized_long = 0;
  std::array<std::string_view, 8> lower_long;  // lower-case, 4+ bytes
  int num_lower_long = 0;
  int upper_long = 0;
  struct Dotted {
    char letters[8];
    std::size_t size;
  };
  std::array<Dotted, 4> dotted;
  int num_dotted = 0;
  // Whether the letters of some dotted acronym contain `pair`.
  auto in_dotted = [&](std::string_view pair) {
    for (int d = 0; d < num_dotted; ++d) {
      const std::string_view letters(dotted[d].letters, dotted[d].size);
      if (letters.find(pair) != std::string_view::npos) return true;
    }
    return false;
  };
  // A dotted acronym ("U.S.", "U.N.", "E.U.A."): single capitals, each
  // followed by a period. Its letters never reach the key as a word (one
  // letter each), so it becomes a unit of its own below; the period does
  // not start a sentence.
  // A piece is one capital and a period ("U."), or a doubled capital and
  // a period ("EE.", the Spanish plural: "EE. UU." = Estados Unidos);
  // its length, or 0.
  auto piece = [&](std::size_t at) -> std::size_t {
    const std::size_t n = original_text.size();
    if (at >= n || original_text[at] < 'A' || original_text[at] > 'Z') {
      return 0;
    }
    if (at + 1 < n && original_text[at + 1] == '.') return 2;
    if (at + 2 < n && original_text[at + 1] == original_text[at] &&
        original_text[at + 2] == '.') {
      return 3;
    }
    return 0;
  };
  // After a piece, one space may come before the next ("EE. UU.").
  auto skip_space = [&](std::size_t at) {
    return at < original_text.size() && original_text[at] == ' ' ? at + 1 : at;
  };
  // The code point at `at`: its length in bytes (at least 1), and whether
  // it belongs to a word: an ASCII letter, or a non-ASCII letter, mark or
  // number (IsWordCodePoint, which BlankNonWordSymbols applies to the key).
  // The key maps the typographic apostrophe, quotes and dashes to ASCII
  // punctuation, so "L’ONU" must split here as "L'ONU" does (it was one
  // word "L’ONU", no acronym, where the key has "l" and "onu").
  auto code_point = [&](std::size_t at, bool* in_word) -> std::size_t {
    const auto c = static_cast<unsigned char>(original_text[at]);
    if (c < 0x80) {
      *in_word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      return 1;
    }
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t len = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(original_text.data() + at),
        static_cast<utf8proc_ssize_t>(original_text.size() - at), &cp);
    if (len <= 0) {  // invalid UTF-8: a byte of a word, as before
      *in_word = true;
      return 1;
    }
    *in_word = IsWordCodePoint(cp);
    return static_cast<std::size_t>(len);
  };
  bool sentence_start = true;
  std::size_t j = 0;
  while (j < original_text.size()) {
    const auto c = static_cast<unsigned char>(original_text[j]);
    bool in_word = false;
    std::size_t len = code_point(j, &in_word);
    if (!in_word) {
      if (c == '.' || c == ':' || c == '!' || c == '?' || c == '|') {
        sentence_start = true;
      }
      j += len;
      continue;
    }
    const std::size_t start = j;
    while (in_word) {
      j += len;
      if (j >= original_text.size()) break;
      len = code_point(j, &in_word);
    }
    const std::string_view word = original_text.substr(start, j - start);
    // A dotted acronym (see `piece`): its letters, joined, for a unit below.
    if ((word.size() == 1 || (word.size() == 2 && word[0] == word[1])) &&
        piece(start) != 0 && piece(skip_space(start + piece(start))) != 0 &&
        num_dotted < static_cast<int>(dotted.size())) {
      auto& d = dotted[num_dotted];
      d.size = 0;
      std::size_t k = start;
      while (true) {
        const std::size_t len = piece(k);
        if (len == 0 || d.size + len - 1 > sizeof(d.letters)) break;
        for (std::size_t c = 0; c + 1 < len; ++c) {
          d.letters[d.size++] = static_cast<char>(original_text[k] - 'A' + 'a');
        }
        k += len;
        if (piece(skip_space(k)) == 0) break;
        k = skip_space(k);
      }
      ++num_dotted;
      j = k;
      sentence_start = false;
      continue;
    }
    bool all_upper = false;
    const bool upper = StartsUpper(word, &all_upper);
    if (word.size() >= 4) {
      ++long_words;
      capitalized_long += upper;
      upper_long += all_upper;
      // Longer words left in lower case (their stop-word test waits for
      // the capitals' count: most headlines are not near title case).
      if (!upper && (static_cast<unsigned char>(word[0]) & 0x80) == 0 &&
          num_lower_long < static_cast<int>(lower_long.size())) {
        lower_long[num_lower_long++] = word;
      }
    }
    if (num_anchors < static_cast<int>(anchors.size()) &&
        (all_upper || (upper && !sentence_start))) {
      anchors[num_anchors++] = {word, all_upper};
    }
    sentence_start = false;
  }
  // Capitals in 70% of the longer words, and no longer word in lower case
  // that is a content word: "Sarah Palin cites Track Palin's PTSD at Donald
  // Trump rally" is a sentence of names, not title case (as language id
  // reads it: langid.cc's CaseWords).
  bool title_case = long_words >= 3 && capitalized_long * 10 >= long_words * 7;
  for (int k = 0; title_case && k < num_lower_long; ++k) {
    char folded_buf[64];
    title_case = StopWordMask(FoldWord(lower_long[k], folded_buf,
                                       sizeof(folded_buf))) != 0;
  }
  // A shouted headline ("PERU TO SELL 40 STATE FIRMS") makes every short
  // word an acronym: then stop words stay stop words.
  const bool all_caps = long_words >= 2 && upper_long * 2 >= long_words;
  const bool german = has_stops && stop_lang == StopLang::kDeu;
  // Per anchor: the word feature of its folded prefix (to find its unit in
  // the key), its extra feature (entity or acronym class), and whether it
  // counts in the flat set only.
  std::array<std::uint64_t, 32> anchor_word;
  std::array<std::uint64_t, 32> anchor_extra;
  std::array<bool, 32> anchor_acronym;
  std::array<bool, 32> anchor_sketch_only;
  int kept_anchors = 0;
  bool any_acronym = false;
  char fold_buf[96];
  for (int a = 0; a < num_anchors; ++a) {
    const std::string_view folded =
        FoldWord(anchors[a].word, fold_buf, sizeof(fold_buf));
    if (folded.size() < 2) continue;
    const bool acronym = anchors[a].acronym && folded.size() <= 6;
    if (!acronym) {
      // German capitalizes every noun: there a capital makes an anchor
      // only of a word that neither German nor English knows ("Über 20
      // Millionen sahen die Anhörung von Brett Kavanaugh": "Kavanaugh",
      // not "Brett"). Its extra feature weighs it double in the flat set
      // as the other side's anchor does: with "Brett Kavanaugh hearing"
      // the pair shared 3 features of 8 and 22, too few for the sketch to
      // propose it (docs/xlang.md, session 44). Not in the profile:
      // as an entity unit, a name that the other side spells differently
      // or leaves out ("Rohani" / "Rowhani", a first name) lowered the
      // coverage of two STS-B translations below the bar.
      if (title_case || (german && !IsName(lang, folded))) continue;
      if (StopWordMask(folded) != 0) continue;
    }
    anchor_sketch_only[kept_anchors] = !acronym && german;
    anchor_word[kept_anchors] =
        ContentFeature(SketchHash64(Prefix(folded), kWordSeed));
    anchor_extra[kept_anchors] =
        acronym ? AcronymFeature(folded)
                : ContentFeature(SketchHash64(Prefix(folded), kEntitySeed));
    anchor_acronym[kept_anchors] = acronym;
    any_acronym = any_acronym || acronym;
    ++kept_anchors;
  }

  // 2. Units: the content words of the key.
  std::array<Unit, XlangProfile::kMaxUnits> units;
  int num_units = 0;
  // The unit whose first feature is `first`, or null.
  auto same_unit = [&](std::uint64_t first) -> Unit* {
    for (int u = 0; u < num_units; ++u) {
      if (units[u].f[0] == first) return &units[u];
    }
    return nullptr;
  };
  // A new unit whose first feature is `first` (callers check same_unit
  // and that there is room).
  auto new_unit = [&](std::uint64_t first, int cls) -> Unit& {
    Unit& unit = units[num_units++];
    unit.n = 0;
    unit.place = false;
    unit.stated = false;
    unit.optional = false;
    unit.cls = static_cast<std::uint8_t>(cls);
    unit.Add(first);
    return unit;
  };
  // `stated`: written in digits, not in words (XlangProfile::kStatedBit).
  auto add_fact = [&](std::uint64_t h, bool stated = false) {
    if (Unit* unit = same_unit(h)) {
      unit->stated = unit->stated || stated;
      return;
    }
    if (num_units == XlangProfile::kMaxUnits) return;
    new_unit(h, XlangProfile::kFact).stated = stated;
  };
  // German separable verbs (FindSeparableParticles).
  std::array<SeparableParticle, 2> separable;
  char separable_buf[64];
  const int num_separable =
      has_lexicon && lex_lang == LexLang::kDeu
          ? FindSeparableParticles(key, separable.data(), separable.size())
          : 0;
  std::size_t country_end = 0;  // key bytes before it: in a country name
  std::uint64_t country_feature = 0;
  // The multiplier words after a number, from key[*pos] ("mil millones",
  // "Mrd."): their total power of ten, *pos moved past them.
  auto read_multipliers = [&](std::size_t* pos) {
    int power = 0;
    for (;;) {
      std::size_t w = *pos;
      while (w < key.size() && key[w] == ' ') ++w;
      std::size_t e = w;
      while (e < key.size() && IsWordByte(key[e]) && !IsDigit(key[e])) ++e;
      const int p = e > w ? MultiplierPower(key.substr(w, e - w)) : 0;
      if (p == 0) return power;
      power += p;
      *pos = e;
      // "Mrd." and "Mio.": the abbreviation's period.
      if (*pos < key.size() && key[*pos] == '.') ++*pos;
    }
  };
  // The facts of a number times 10^power: its value and, when multiplied,
  // the value's order of magnitude, which every spelling of the amount
  // gives (the number and its multiplier words were two facts before, and
  // the coverage a pair needs falls with its covered units: NTREX lost
  // "20 million" / "20 milioni" with the value alone).
  auto add_amount = [&](std::string_view number, int power,
                        bool stated = false) {
    if (power > 0) {
      number = ShiftDecimal(number, power, shifted_buf, sizeof(shifted_buf));
      const std::size_t point = number.find('.');
      const int magnitude = static_cast<int>(
          point == std::string_view::npos ? number.size() : point);
      add_fact(IntFactFeature(magnitude, kMagnitudeSeed));
    }
    add_fact(FactFeature(SketchHash64(number, kNumberSeed)), stated);
  };
  std::size_t i = 0;
  while (i < key.size() && num_units < XlangProfile::kMaxUnits) {
    const auto c = static_cast<unsigned char>(key[i]);
    if (!IsWordByte(c)) {
      ++i;
      continue;
    }
    if (IsDigit(c) && i < label_key_bytes) {
      // A label's update number ("UPDATE 2-") is no fact of the item.
      while (i < key.size() && IsWordByte(key[i])) ++i;
      continue;
    }
    if (IsDigit(c)) {
      // A time of day is its 24-hour hour and its minutes, the two numbers
      // "17:30" and "17h30" give: "5.30pm" = "5.30 de la tarde" = "17.30
      // Uhr" = "17 h 30".
      if (ClockTime t; ReadClockTime(key, i, &t)) {
        for (int v : {t.hour, t.minute}) {
          if (v >= 0) add_fact(IntFactFeature(v, kNumberSeed), true);
        }
        i = t.end;
        continue;
      }
      const std::size_t number_begin = i;
      std::string_view number =
          CanonicalNumber(key, &i, number_buf, sizeof(number_buf));
      // An amount is its value, whatever the language's multipliers: "30
      // mil milhoes" = "30.000 millones" = "30 Milliarden" = "$30bn" =
      // 30000000000 (each number and multiplier word was a fact of its
      // own, so such translations conflicted). A glued suffix ("4b",
      // "965m") multiplies only after a currency word (SpellCurrencySymbols).
      int power = 0;
      std::size_t glued = i;
      while (glued > number_begin && !IsDigit(key[glued - 1])) --glued;
      const std::string_view suffix = key.substr(glued, i - glued);
      // A percentage is the same facts however written ("10%", "25pc",
      // "10 percent", "10 pour cent", "10 por ciento", "10 Prozent"): the
      // number, which a headline cut before its "%" still states (as in
      // the fact guard), and the percentage. The words were units that
      // the "%" side could not cover.
      std::size_t percent_end = 0;
      if (suffix == "pc" || suffix == "pct") {
        percent_end = i;
      } else if (suffix.empty()) {
        percent_end = PercentMarkerEnd(key, i);
      }
      if (percent_end != 0) {
        add_fact(FactFeature(SketchHash64(number, kNumberSeed)), true);
        add_fact(FactFeature(SketchHash64(number, kPercentSeed)));
        i = percent_end;
        continue;
      }
      if (!suffix.empty()) {
        // "11million", "4bn"; "m" and "b" only after a currency word.
        power = MultiplierPower(suffix);
        if (power == 0 && AfterCurrencyWord(key, number_begin)) {
          if (suffix == "k") power = 3;
          if (suffix == "m" || suffix == "mn") power = 6;
          if (suffix == "b") power = 9;
        }
      } else {
        power = read_multipliers(&i);
      }
      add_amount(number, power,
                 /*stated=*/!IsOrdinal(key, i, suffix, lex_lang));
      continue;
    }
    const std::size_t start = i;
    while (i < key.size() && IsWordByte(key[i])) ++i;
    const std::string_view word = key.substr(start, i - start);
    const bool in_label = start < label_key_bytes;
    // A doubled piece of a dotted acronym ("ee" and "uu" of "EE.UU.") is
    // in that acronym's unit, not a word of its own.
    if (num_dotted > 0 && word.size() == 2 && word[0] == word[1] &&
        i < key.size() && key[i] == '.' && in_dotted(word)) {
      continue;
    }
    WordInfo info = WordInfoOf(memo_lang, word);
    // A hyphenated compound that the lexicon (or the closed classes) lists
    // whole ("chauves-souris" is "bats", not "bald" and "mice"): one unit,
    // read whole. Up to three
    // parts ("arc-en-ciel"); a name part of a country ("Royaume-Uni") is
    // left to MatchCountry.
    if (has_lexicon && lex_lang != LexLang::kDeu && !info.country) {
      std::size_t j = i;
      for (int part = 1; part < 3 && j + 1 < key.size() && key[j] == '-' &&
                         IsWordByte(key[j + 1]) && !IsDigit(key[j + 1]);
           ++part) {
        ++j;
        while (j < key.size() && IsWordByte(key[j])) ++j;
        const WordInfo whole =
            WordInfoOf(memo_lang, key.substr(start, j - start));
        // Or a hyphenated weekday ("quarta-feira": Wednesday, not "fourth"
        // and "fair"), a fact.
        if ((whole.kind == WordInfo::kContent && !whole.oov) ||
            whole.kind == WordInfo::kFact) {
          info = whole;
          i = j;
          break;
        }
      }
    }
    // English writes some prefixed words with a hyphen ("re-elected",
    // "co-operate", "pre-empt", "non-profit") that the lexicon lists solid,
    // as the other languages' dictionaries translate them ("réélu":
    // "reelect"): after one of these prefixes (closed class), the two parts
    // are one word when the English vocabulary has it. "re" alone was an
    // uncovered unit and "elected" met no "réélu". Not compounds of two
    // words ("cease-fire": "cese del fuego" covers both).
    if (memo_lang == kEnglishLang && i + 1 < key.size() && key[i] == '-' &&
        IsWordByte(key[i + 1]) && !IsDigit(key[i + 1]) &&
        (word == "re" || word == "co" || word == "pre" || word == "non" ||
         word == "de" || word == "e")) {
      std::size_t j = i + 1;
      while (j < key.size() && IsWordByte(key[j])) ++j;
      char solid[64];
      const std::string_view second = key.substr(i + 1, j - i - 1);
      if (word.size() + second.size() <= sizeof(solid)) {
        std::memcpy(solid, word.data(), word.size());
        std::memcpy(solid + word.size(), second.data(), second.size());
        const std::string_view joined(solid, word.size() + second.size());
        if (lexicon_->HasEnglishWord(joined)) {
          info = WordInfoOf(memo_lang, joined);
          i = j;
        }
      }
    }
    if (num_separable > 0) {
      // A used particle is part of its verb; the first word of a particle's
      // clause that makes a separable verb with it is that verb.
      bool particle = false;
      for (int p = 0; p < num_separable; ++p) {
        particle |= separable[p].used && separable[p].begin == start;
      }
      if (particle) continue;
      for (int p = 0; p < num_separable && info.kind == WordInfo::kContent &&
                      !info.country;
           ++p) {
        SeparableParticle& sp = separable[p];
        if (sp.used || start < sp.clause_begin || start >= sp.begin) continue;
        std::string_view infinitive, pivots;
        if (SeparableVerb(*lexicon_, sp.word, word, separable_buf,
                          sizeof(separable_buf), &infinitive, &pivots)) {
          info = WordInfoOf(memo_lang, infinitive);
          sp.used = true;
        }
      }
    }
    // A country's name ("Estados Unidos", "Royaume-Uni", "Allemagne"): its
    // words' units also get the country's acronym-class feature, which an
    // acronym ("US", "USA", "UK") carries too.
    if (info.country && start >= country_end) {
      MatchCountry(key, start, i, &country_end, &country_feature);
    }
    const bool in_country = start < country_end;
    if (in_label && info.kind != WordInfo::kContent) continue;
    if (info.kind == WordInfo::kSkip) {
      // English "may" is a stop word (the modal verb), but next to a day
      // number it is the month ("May 5", "5 May"), as "mai" and "mayo" are.
      if (word == "may" && memo_lang == kEnglishLang) {
        std::size_t next = i;
        while (next < key.size() && key[next] == ' ') ++next;
        std::size_t prev = start;
        while (prev > 0 && key[prev - 1] == ' ') --prev;
        if ((next < key.size() && IsDigit(key[next])) ||
            (prev > 0 && IsDigit(key[prev - 1]))) {
          add_fact(IntFactFeature(5, kMonthSeed));
          continue;
        }
      }
      // An acronym that folds to a stop word ("US" / "us") is still a name,
      // unless the whole headline is shouted.
      if (all_caps || word.size() < 2 || !any_acronym) continue;
      const std::uint64_t own =
          ContentFeature(SketchHash64(Prefix(word), kWordSeed));
      for (int a = 0; a < kept_anchors; ++a) {
        if (!anchor_acronym[a] || anchor_word[a] != own || same_unit(own)) {
          continue;
        }
        new_unit(own, XlangProfile::kEntity).Add(anchor_extra[a]);
        break;
      }
      continue;
    }
    if (info.kind == WordInfo::kFact) {
      if (word == "sept") {
        // As in the fact guard: "Sept 27" is September, not French 7; cut
        // before its day, neither for sure.
        std::size_t n = i;
        while (n < key.size() && (key[n] == ' ' || key[n] == '.')) ++n;
        if (n < key.size() && IsDigit(key[n])) {
          add_fact(IntFactFeature(9, kMonthSeed));
          continue;
        }
        if (n == key.size()) continue;
      }
      // A number word before multipliers is an amount too ("dos mil
      // millones" = "2 mil millones" = "two billion").
      if (const ClosedClass c = LookupClosedClass(
              word, has_stops ? static_cast<int>(stop_lang) : -1);
          c.kind == ClosedClassKind::kNumber && MultiplierPowerOf(c) == 0) {
        std::size_t j = i;
        if (const int power = read_multipliers(&j); power > 0) {
          char value[16];
          const int n = std::snprintf(value, sizeof(value), "%d", c.value);
          add_amount(std::string_view(value, static_cast<std::size_t>(n)),
                     power);
          i = j;
          continue;
        }
      }
      add_fact(info.own);
      continue;
    }
    const std::uint64_t own = info.own;
    if (Unit* seen = same_unit(own)) {
      // Content after the label.
      seen->optional = seen->optional && (in_label || info.optional);
      continue;
    }
    Unit& unit = new_unit(own, XlangProfile::kWord);
    unit.optional = in_label || info.optional;
    unit.place = in_country || info.place != 0;
    // The country's feature before the pivots, so a full unit keeps it.
    if (in_country) unit.Add(country_feature);
    if (info.place != 0) unit.Add(info.place);
    for (int k = 0; k < info.n; ++k) unit.Add(info.f[k], k < info.n_flat);
    if (i - start > word.size()) {
      // A compound read whole also carries its content parts' own and
      // first features, for a translation that keeps the parts apart:
      // English "Vice President" for "vice-presidente", Portuguese
      // "cessar-fogo" for "cessez-le-feu".
      std::size_t p = start;
      for (std::string_view part = NextKeyWord(key.substr(0, i), &p);
           !part.empty(); part = NextKeyWord(key.substr(0, i), &p)) {
        const WordInfo part_info = WordInfoOf(memo_lang, part);
        if (part_info.kind != WordInfo::kContent) continue;
        unit.Add(part_info.own);
        if (part_info.n > 0) unit.Add(part_info.f[0]);
      }
    }
    if (info.oov) unit.cls = XlangProfile::kOov;
    if (unit.place) unit.cls = XlangProfile::kEntity;
    for (int a = 0; a < kept_anchors; ++a) {
      if (anchor_word[a] != own) continue;
      if (anchor_sketch_only[a]) break;
      unit.cls = XlangProfile::kEntity;
      if (anchor_acronym[a]) unit.Add(anchor_extra[a]);
      break;
    }
  }
  for (int d = 0; d < num_dotted && num_units < XlangProfile::kMaxUnits; ++d) {
    const std::string_view acronym(dotted[d].letters, dotted[d].size);
    const std::uint64_t own =
        ContentFeature(SketchHash64(Prefix(acronym), kWordSeed));
    if (same_unit(own)) continue;
    // Not a place (new_unit leaves it unset): codes are no places for the
    // place guard, since two-letter capitals name countries by accident
    // ("EE" is Estonia's code; NTREX spa pairs lost 0.03-0.04 when
    // acronyms counted).
    new_unit(own, XlangProfile::kEntity).Add(AcronymFeature(acronym));
  }

  if (features != nullptr) {
    features->clear();
    for (int u = 0; u < num_units; ++u) {
      // An opening label's words find no candidates: a copy without the
      // label shares none of them. Nor do IsOptionalWord's: common words,
      // which a translation often lacks.
      if (units[u].optional) continue;
      for (int k = 0; k < units[u].n; ++k) {
        if (units[u].flat[k]) features->push_back(units[u].f[k]);
      }
    }
    // Names weigh double in the flat set (MinHash has no per-unit weights);
    // not a label's capitals ("EN DIRECT -").
    for (int a = 0; a < kept_anchors; ++a) {
      if (label_key_bytes > 0) {
        if (const Unit* unit = same_unit(anchor_word[a]);
            unit != nullptr && unit->optional) {
          continue;
        }
      }
      features->push_back(anchor_extra[a]);
    }
    std::sort(features->begin(), features->end());
    features->erase(std::unique(features->begin(), features->end()),
                    features->end());
  }
  if (profile != nullptr) {
    std::vector<std::uint8_t>& out = profile->bytes;
    out.clear();
    out.push_back(static_cast<std::uint8_t>(num_units));
    for (int u = 0; u < num_units; ++u) {
      out.push_back(static_cast<std::uint8_t>(
          units[u].n | (units[u].cls << 3) |
          (units[u].place ? XlangProfile::kPlaceBit : 0) |
          (units[u].stated ? XlangProfile::kStatedBit : 0) |
          (units[u].optional && units[u].cls != XlangProfile::kFact
               ? XlangProfile::kOptionalBit
               : 0)));
    }
    for (int u = 0; u < num_units; ++u) {
      for (int k = 0; k < units[u].n; ++k) {
        const std::uint16_t fp = Fingerprint(units[u].f[k]);
        out.push_back(static_cast<std::uint8_t>(fp & 0xFF));
        out.push_back(static_cast<std::uint8_t>(fp >> 8));
      }
    }
  }
}

bool XlangProfile::IsValid(std::span<const std::uint8_t> blob) {
  if (blob.empty()) return false;
  const std::size_t n = blob[0];
  if (n > static_cast<std::size_t>(kMaxUnits) || blob.size() < 1 + n) {
    return false;
  }
  std::size_t fps = 0;
  for (std::size_t u = 0; u < n; ++u) {
    if (!XlangProfile::InfoValid(blob[1 + u])) return false;
    fps += static_cast<std::size_t>(XlangProfile::CountOf(blob[1 + u]));
  }
  return blob.size() == 1 + n + 2 * fps;
}

namespace {

// One bit per 16-bit fingerprint (8 KiB): a parsed profile's exact set,
// per thread; Parse sets a profile's bits and Clear zeroes the words it
// set, so the bitmap is all zeros between two Align calls.
using FingerprintBits = std::array<std::uint64_t, 1024>;

// A parsed profile: views into the blob plus its fingerprints for
// membership tests.
struct ParsedProfile {
  int n = 0;
  const std::uint8_t* info = nullptr;
  std::array<std::uint16_t, XlangProfile::kMaxUnits * kMaxUnitFeatures> fps;
  int num_fps = 0;
  std::array<std::uint16_t, XlangProfile::kMaxUnits> facts;
  int num_facts = 0;
  FingerprintBits* bits = nullptr;

  // `bits` all zeros; set to fps until Clear.
  void Parse(std::span<const std::uint8_t> blob, FingerprintBits* set) {
    bits = set;
    n = blob[0];
    info = blob.data() + 1;
    const std::uint8_t* p = blob.data() + 1 + n;
    for (int u = 0; u < n; ++u) {
      const int count = XlangProfile::CountOf(info[u]);
      for (int k = 0; k < count; ++k, p += 2) {
        const auto fp = static_cast<std::uint16_t>(p[0] | (p[1] << 8));
        fps[num_fps++] = fp;
        (*bits)[fp >> 6] |= std::uint64_t{1} << (fp & 63);
        if (XlangProfile::ClassOf(info[u]) == XlangProfile::kFact) {
          facts[num_facts++] = fp;
        }
      }
    }
  }
  void Clear() {
    for (int k = 0; k < num_fps; ++k) (*bits)[fps[k] >> 6] = 0;
  }
  // One bit test. It was a vectorized scan of fps (which had beaten
  // sorting a copy and binary-searching it), 1.06G of the 200k feed's
  // 22.8G instructions in the default mode (callgrind, 9.3M calls); a
  // 1,024-bit filter before the scan left 396M. Same answers
  // (XlangCoverBoundTest.AlignAgreesWithTheReference).
  bool Contains(std::uint16_t fp) const {
    return ((*bits)[fp >> 6] >> (fp & 63) & 1) != 0;
  }
  bool HasFact(std::uint16_t fp) const {
    return std::find(facts.begin(), facts.begin() + num_facts, fp) !=
           facts.begin() + num_facts;
  }
};

// Fills alignment->units/covered[side] for `self` against `other`; returns
// the number of self's facts the other side has.
int CoverSide(const ParsedProfile& self, const ParsedProfile& other, int side,
              XlangAlignment* alignment, bool* uncovered_place,
              bool* uncovered_stated) {
  int common_facts = 0;
  int offset = 0;
  *uncovered_place = false;
  *uncovered_stated = false;
  for (int u = 0; u < self.n; ++u) {
    const int count = XlangProfile::CountOf(self.info[u]);
    const int cls = XlangProfile::ClassOf(self.info[u]);
    bool covered = false;
    if (cls == XlangProfile::kFact) {
      covered = other.HasFact(self.fps[offset]);
      common_facts += covered;
    } else {
      for (int k = 0; k < count && !covered; ++k) {
        covered = other.Contains(self.fps[offset + k]);
      }
    }
    offset += count;
    // An opening label's word that the other side lacks is left out.
    if (!covered && XlangProfile::IsOptional(self.info[u])) continue;
    ++alignment->units[side][cls];
    alignment->covered[side][cls] += covered;
    if (!covered && XlangProfile::IsPlace(self.info[u])) {
      *uncovered_place = true;
    }
    if (!covered && XlangProfile::IsStated(self.info[u])) {
      *uncovered_stated = true;
    }
  }
  return common_facts;
}

}  // namespace

XlangAlignment CrossLingual::Align(std::span<const std::uint8_t> a,
                                   std::span<const std::uint8_t> b) {
  XlangAlignment alignment;
  if (!XlangProfile::IsValid(a) || !XlangProfile::IsValid(b)) {
    return alignment;
  }
  alignment.valid = true;
  thread_local FingerprintBits bits_a{}, bits_b{};
  ParsedProfile pa, pb;
  pa.Parse(a, &bits_a);
  pb.Parse(b, &bits_b);
  bool place_a = false, place_b = false, stated_a = false, stated_b = false;
  const int common_a = CoverSide(pa, pb, 0, &alignment, &place_a, &stated_a);
  const int common_b = CoverSide(pb, pa, 1, &alignment, &place_b, &stated_b);
  pa.Clear();
  pb.Clear();
  alignment.place_conflict = place_a && place_b;
  // Fact guard: a translation keeps its numbers, months and weekdays; one
  // side may drop some (a shorter headline) but not change them ("7 muertos"
  // vs "27 mortos", "25 juin" vs "19 agosto" in the STS-B negatives).
  alignment.fact_conflict = common_a < pa.num_facts && common_b < pb.num_facts;
  // Nor drop a number written in digits: a translation writes it as well
  // (NTREX, STS-B), while two stories of one kind often differ by one
  // ("Suicide bomber kills 24 in Peshawar, Pakistan" / "Suicida bombardeiro
  // mata polícia no Paquistão"). Number words come and go ("Biglietti di
  // due donne ..." / "Mujeres en luto ..."), and so do a percentage's "%"
  // and an amount's order of magnitude beside their number.
  alignment.fact_added = stated_a || stated_b;
  return alignment;
}

namespace {

// Coverage() itself, inlined into Decide (which the cover bound calls for
// each of ~2.8M candidates on the 200k feed).
inline double CoverageOf(const XlangAlignment& alignment, int side,
                         const XlangRule& rule) {
  double total = 0, covered = 0;
  for (int c = 0; c < 4; ++c) {
    total += rule.weight[c] * alignment.units[side][c];
    covered += rule.weight[c] * alignment.covered[side][c];
  }
  return total > 0 ? covered / total : 0.0;
}

}  // namespace

double CrossLingual::Coverage(const XlangAlignment& alignment, int side,
                              const XlangRule& rule) {
  return CoverageOf(alignment, side, rule);
}

double CrossLingual::AlignScore(std::span<const std::uint8_t> a,
                                std::span<const std::uint8_t> b,
                                const XlangRule& rule) {
  const XlangAlignment alignment = Align(a, b);
  if (!alignment.valid || alignment.fact_conflict ||
      (alignment.fact_added && rule.added_fact_vetoes)) {
    return 0.0;
  }
  return std::min(Coverage(alignment, 0, rule), Coverage(alignment, 1, rule));
}

bool CrossLingual::Decide(const XlangAlignment& alignment,
                          const XlangRule& rule) {
  if (!alignment.valid || alignment.fact_conflict || alignment.place_conflict ||
      (alignment.fact_added && rule.added_fact_vetoes)) {
    return false;
  }
  int covered_units = 1 << 20;
  for (int side = 0; side < 2; ++side) {
    int covered = 0;
    for (int c = 0; c < 4; ++c) covered += alignment.covered[side][c];
    covered_units = std::min(covered_units, covered);
  }
  if (covered_units < rule.min_covered) return false;
  const double coverage = std::min(
      {1.0, CoverageOf(alignment, 0, rule), CoverageOf(alignment, 1, rule)});
  return coverage >=
         std::max(rule.coverage_floor,
                  rule.coverage_base - rule.coverage_per_unit * covered_units);
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
