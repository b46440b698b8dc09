// Build step: closed-class words of languages beyond the six, from ICU
// (CLDR's data): number words spelled out by its rule-based number format,
// month and weekday names from its date format symbols. Written as C++
// initializers that closed_class.cc includes and folds as match keys are
// folded (NormalizeKey) when it builds its tables.
//
//   tickerdedup_gen_closed_class_words OUT.inc
//
// Why: the fact guard reads "три" / "пять", "ثلاثة" / "خمسة", "drie" /
// "vijf" as the numbers they are, and "21 февраля" / "21 марта", "21
// lutego" / "21 marca" as dates, so that headlines that differ in a count
// or a date written in Russian, Arabic, Dutch or Polish stay apart, as
// "three" / "five" and "21 February" / "21 March" do. The six languages
// keep their hand-written lists (closed_class.cc).
//
// Each entry: {"word as ICU writes it", kind, value, "language"}, kind 'n'
// (number), 'm' (month 1-12) or 'w' (weekday, Monday = 1).
//   * Languages in other scripts than Latin: words no language of the six
//     writes, read in any headline (the language-blind lookup): the
//     language field is "".
//   * Latin-script languages: their words would collide with the six
//     languages' (Turkish "on" is 10, Dutch "een" one, Swedish "sex" six),
//     so each is read only in a headline of its language: the field is the
//     language's ISO 639-3 code, as language id reports it.
//
// Numbers kept, per locale and per public cardinal rule set (genders and
// cases: Russian "три", "трех"):
//   * 2-20, the tens to 90 and the hundreds to 900 where ICU spells them as
//     one word ("двадцать", "двести"; not "एक सौ");
//   * the multipliers 1000, 1e6 and 1e9: the last word of k times them for
//     a few k, which gives their number and case forms ("тысяча",
//     "тысячи", "тысяч");
//   * not 0 and 1: "one" is also the indefinite article in several of
//     these languages (Greek "ένα", Bulgarian "един", Persian "یک");
//   * not the Russian and Belarusian dative, locative and instrumental:
//     rarer in headlines, and some are common words ("семью" is 7 and
//     "family", "пятью" also "five times").
// Months and weekdays: the Gregorian calendar's wide names, in the format
// and the standalone context (Russian "февраля" and "февраль"), where
// they are one word (not Hebrew "יום שני").
// Every kind: words of two letters or more (one-syllable Hangul numerals:
// "세" is also "age", "이" also "this"), and a word that two locales or
// rule sets of one kind (blind, or one Latin-script language) give two
// readings is dropped. Chinese, Japanese and Thai write no spaces between
// words, so their numerals are parts of longer tokens: not generated here
// (closed_class.cc reads Chinese and Japanese ones), nor Korean months
// and weekdays ("2월", "금요일에": CjkWeekdays).
#include <unicode/dtfmtsym.h>
#include <unicode/fieldpos.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

// Languages whose words are separated by spaces and that ICU 72 spells out
// (it has no rules for Urdu, Marathi, Bengali, Gujarati, Punjabi, Telugu,
// Kannada, Malayalam, Galician or Basque): in other scripts than Latin,
// and Latin-script ones, whose entries carry ICU's ISO 639 three-letter
// code for the language (the code language id reports: "nld", "pol").
// Not Vietnamese: its numerals are common syllables ("năm" is five and
// "year", "ba" three and "father").
constexpr const char* kOtherScripts[] = {"ru", "uk", "be", "bg", "mk", "sr",
                                         "el", "ar", "fa", "he", "hi", "ne",
                                         "ta", "ka", "hy", "am", "ko"};
constexpr const char* kLatinScript[] = {
    "nl",      "af", "pl", "tr", "cs", "sk", "hr", "bs",
    "sr_Latn", "sl", "hu", "fi", "et", "sv", "da", "nb",
    "ro",      "id", "ms", "ca", "lt", "lv", "is", "sq"};

// Splits ICU's spelled-out text into words: runs of letters and marks.
// Anything else (a space, a hyphen, a zero-width space, an apostrophe)
// separates; *clean is false when anything but a plain space did.
std::vector<icu::UnicodeString> Words(const icu::UnicodeString& s,
                                      bool* clean) {
  std::vector<icu::UnicodeString> words;
  icu::UnicodeString cur;
  *clean = true;
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) {
      cur.append(c);
      continue;
    }
    if (c != ' ') *clean = false;
    if (!cur.isEmpty()) words.push_back(cur);
    cur.remove();
  }
  if (!cur.isEmpty()) words.push_back(cur);
  return words;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT.inc\n", argv[0]);
    return 2;
  }
  std::vector<std::int64_t> direct;
  for (int v = 2; v <= 20; ++v) direct.push_back(v);
  for (int v = 30; v <= 90; v += 10) direct.push_back(v);
  for (int v = 100; v <= 900; v += 100) direct.push_back(v);
  constexpr std::int64_t kMultipliers[] = {1000, 1000000, 1000000000};
  constexpr std::int64_t kCounts[] = {1, 2, 3, 5, 11, 21};

  // (language or "", word as ICU writes it) -> (kind, value) readings,
  // and the locales.
  using Key = std::pair<std::string, std::string>;
  std::map<Key, std::set<std::pair<char, std::int64_t>>> values;
  std::map<Key, std::set<std::string>> sources;
  std::vector<std::pair<const char*, bool>> locales;  // tag, Latin script
  for (const char* tag : kOtherScripts) locales.emplace_back(tag, false);
  for (const char* tag : kLatinScript) locales.emplace_back(tag, true);
  for (const auto& entry : locales) {
    // Named, not a structured binding: lambdas below capture them (clang 14).
    const char* const tag = entry.first;
    const bool latin = entry.second;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(tag);
    const std::string iso3 = latin ? locale.getISO3Language() : "";
    icu::RuleBasedNumberFormat format(icu::URBNF_SPELLOUT, locale, status);
    // A locale ICU has no rules for falls back to the root's (English).
    const icu::Locale actual = format.getLocale(ULOC_ACTUAL_LOCALE, status);
    if (U_FAILURE(status) ||
        std::string(actual.getLanguage()) != locale.getLanguage()) {
      std::fprintf(stderr,
                   "gen_closed_class_words: no spell-out rules for %s\n", tag);
      continue;
    }
    // Lower-cased, one word of two letters or more; a language-blind one
    // in another script than Latin.
    auto add = [&](const icu::UnicodeString& word, char kind,
                   std::int64_t value) {
      std::string utf8;
      icu::UnicodeString(word).toLower(locale).toUTF8String(utf8);
      if (word.countChar32() < 2) return;
      for (const char ch : utf8) {
        if (!latin && static_cast<unsigned char>(ch) < 0x80) return;
      }
      values[{iso3, utf8}].insert({kind, value});
      sources[{iso3, utf8}].insert(tag);
    };
    // Months and weekdays of the Gregorian calendar (Persian's default is
    // its own). Korean's are CjkWeekdays' and digits.
    if (std::string_view(tag) != "ko") {
      UErrorCode st = U_ZERO_ERROR;
      const icu::DateFormatSymbols symbols(
          icu::Locale((std::string(tag) + "@calendar=gregorian").c_str()), st);
      for (const auto context : {icu::DateFormatSymbols::FORMAT,
                                 icu::DateFormatSymbols::STANDALONE}) {
        if (U_FAILURE(st)) break;
        int32_t n = 0;
        const icu::UnicodeString* months =
            symbols.getMonths(n, context, icu::DateFormatSymbols::WIDE);
        for (int32_t m = 0; m < n && m < 12; ++m) {
          bool clean;
          const auto words = Words(months[m], &clean);
          if (clean && words.size() == 1) add(words[0], 'm', m + 1);
        }
        // ICU's weekdays: [1] Sunday .. [7] Saturday; ours Monday = 1.
        const icu::UnicodeString* days =
            symbols.getWeekdays(n, context, icu::DateFormatSymbols::WIDE);
        for (int32_t d = 1; d < n && d <= 7; ++d) {
          bool clean;
          const auto words = Words(days[d], &clean);
          if (clean && words.size() == 1)
            add(words[0], 'w', d == 1 ? 7 : d - 1);
        }
      }
    }
    for (int32_t r = 0; r < format.getNumberOfRuleSetNames(); ++r) {
      const icu::UnicodeString name = format.getRuleSetName(r);
      std::string rule_set;
      name.toUTF8String(rule_set);
      // Not the dative, locative and instrumental cases of Russian and
      // Belarusian: rarer in headlines, and some are common words ("семью"
      // is 7 and "family", "пятью" also "five times").
      if (rule_set.find("spellout-cardinal") == std::string::npos ||
          rule_set.find("-dative") != std::string::npos ||
          rule_set.find("-locative") != std::string::npos ||
          rule_set.find("-ablative") != std::string::npos) {
        continue;
      }
      auto spell = [&](std::int64_t v) {
        icu::UnicodeString out;
        icu::FieldPosition pos;
        UErrorCode st = U_ZERO_ERROR;
        format.format(v, name, out, pos, st);
        return U_SUCCESS(st) ? out : icu::UnicodeString();
      };
      for (const std::int64_t v : direct) {
        bool clean;
        const auto words = Words(spell(v), &clean);
        if (clean && words.size() == 1) add(words[0], 'n', v);
      }
      for (const std::int64_t m : kMultipliers) {
        for (const std::int64_t k : kCounts) {
          // The multiplier as a word of its own: after its count ("пять
          // тысяч"), or alone for k = 1 ("хиляда"). Not a single word for
          // another k: a dual ("אלפיים" is 2000) or a compound of the
          // myriad scale (Korean "삼백만" is 3e6).
          bool clean;
          const auto words = Words(spell(k * m), &clean);
          if (words.size() >= 2 || (words.size() == 1 && k == 1)) {
            add(words.back(), 'n', m);
          }
        }
      }
    }
  }

  std::ofstream out(argv[1]);
  out << "// Generated by tools/gen_closed_class_words.cc from ICU "
      << U_ICU_VERSION
      << "'s data (CLDR): number words,\n"
         "// months and weekdays of languages beyond the six. Do not edit.\n";
  int kept[3] = {0, 0, 0}, dropped = 0;
  for (const auto& [entry, readings] : values) {
    if (readings.size() != 1) {
      ++dropped;
      continue;
    }
    const auto& [iso3, word] = entry;
    const auto& [kind, value] = *readings.begin();
    std::string langs;
    for (const std::string& l : sources[entry]) langs += " " + l;
    out << "{\"" << word << "\", '" << kind << "', " << value << ", \"" << iso3
        << "\"},  //" << langs << "\n";
    ++kept[kind == 'n' ? 0 : kind == 'm' ? 1 : 2];
  }
  out.close();
  if (!out) {
    std::fprintf(stderr, "gen_closed_class_words: cannot write %s\n", argv[1]);
    return 1;
  }
  std::fprintf(stderr,
               "gen_closed_class_words: %d number words, %d months, %d "
               "weekdays (%d dropped: two readings)\n",
               kept[0], kept[1], kept[2], dropped);
  return 0;
}
