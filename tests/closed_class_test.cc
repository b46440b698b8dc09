// Tests for the closed-class word tables (src/closed_class.h).
#include "closed_class.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "normalize.h"
#include "word_hash.h"

namespace tickerdedup::internal {
namespace {

std::string_view U8(std::u8string_view s) {
  return {reinterpret_cast<const char*>(s.data()), s.size()};
}

// Looks up raw text the way callers do: through its match key.
ClosedClass LookupRaw(std::string_view raw) {
  std::string key;
  NormalizeKey(raw, &key);
  return LookupClosedClass(key);
}

void ExpectClass(std::string_view raw, ClosedClassKind kind, int value) {
  const ClosedClass c = LookupRaw(raw);
  EXPECT_EQ(c.kind, kind) << raw;
  EXPECT_EQ(c.value, value) << raw;
}

TEST(ClosedClassTest, MonthsInSixLanguages) {
  const std::u8string_view februaries[] = {
      u8"f\u00E9vrier", u8"febrero", u8"February", u8"Februar",   u8"febbraio",
      u8"fevereiro",    u8"feb",     u8"f\u00E9v", u8"f\u00E9vr", u8"Feber"};
  for (auto m : februaries) ExpectClass(U8(m), ClosedClassKind::kMonth, 2);
  ExpectClass(U8(u8"ao\u00FBt"), ClosedClassKind::kMonth, 8);
  ExpectClass(U8(u8"M\u00E4rz"), ClosedClassKind::kMonth, 3);
  ExpectClass(U8(u8"mar\u00E7o"), ClosedClassKind::kMonth, 3);
  ExpectClass(U8(u8"d\u00E9cembre"), ClosedClassKind::kMonth, 12);
  ExpectClass(U8(u8"J\u00E4nner"), ClosedClassKind::kMonth, 1);
  ExpectClass("setiembre", ClosedClassKind::kMonth, 9);
  ExpectClass("Dezember", ClosedClassKind::kMonth, 12);
  ExpectClass("giugno", ClosedClassKind::kMonth, 6);
  ExpectClass("sept", ClosedClassKind::kNumber, 7);  // French seven
}

TEST(ClosedClassTest, AmbiguousAbbreviationsAreNotMonths) {
  for (std::string_view w : {"mar", "gen", "out", "ago", "dez"}) {
    EXPECT_NE(LookupClosedClass(w).kind, ClosedClassKind::kMonth) << w;
  }
  EXPECT_EQ(LookupClosedClass("dez").kind, ClosedClassKind::kNumber);  // por 10
}

TEST(ClosedClassTest, Weekdays) {
  const std::u8string_view sundays[] = {u8"Sunday", u8"dimanche", u8"domingo",
                                        u8"domenica", u8"Sonntag"};
  for (auto d : sundays) ExpectClass(U8(d), ClosedClassKind::kWeekday, 7);
  ExpectClass(U8(u8"s\u00E1bado"), ClosedClassKind::kWeekday, 6);
  ExpectClass("Sonnabend", ClosedClassKind::kWeekday, 6);
  ExpectClass(U8(u8"mi\u00E9rcoles"), ClosedClassKind::kWeekday, 3);
  ExpectClass(U8(u8"gioved\u00EC"), ClosedClassKind::kWeekday, 4);
  ExpectClass(U8(u8"ter\u00E7a-feira"), ClosedClassKind::kWeekday, 2);
  ExpectClass("Montag", ClosedClassKind::kWeekday, 1);
  // Plurals and German adverbs name the same day.
  ExpectClass("samstags", ClosedClassKind::kWeekday, 6);
  ExpectClass("Saturdays", ClosedClassKind::kWeekday, 6);
  ExpectClass("dimanches", ClosedClassKind::kWeekday, 7);
  ExpectClass(U8(u8"s\u00E1bados"), ClosedClassKind::kWeekday, 6);
  ExpectClass(U8(u8"ter\u00E7as-feiras"), ClosedClassKind::kWeekday, 2);
  ExpectClass("domeniche", ClosedClassKind::kWeekday, 7);
  // Ordinals and English words are not weekdays.
  for (std::string_view w : {"segunda", "quinta", "sun", "sat", "wed", "mon"}) {
    EXPECT_EQ(LookupClosedClass(w).kind, ClosedClassKind::kNone) << w;
  }
}

// Chinese and Japanese weekdays sit inside longer tokens; Korean ones take
// particles. Each name gives its day (Monday = 1), in order.
TEST(ClosedClassTest, CjkWeekdaysInsideTokens) {
  auto days = [](std::u8string_view token) {
    int out[4];
    const int n = CjkWeekdays(U8(token), out, 4);
    return std::vector<int>(out, out + n);
  };
  using V = std::vector<int>;
  EXPECT_EQ(days(u8"中国股市周五收高"), V{5});
  EXPECT_EQ(days(u8"星期日"), V{7});
  EXPECT_EQ(days(u8"星期天"), V{7});
  EXPECT_EQ(days(u8"礼拜三"), V{3});
  EXPECT_EQ(days(u8"周一至周三"), (V{1, 3}));
  EXPECT_EQ(days(u8"東京株式市場、金曜日は続伸"), V{5});
  EXPECT_EQ(days(u8"月曜"), V{1});
  EXPECT_EQ(days(u8"일요일에"), V{7});
  EXPECT_EQ(days(u8"화요일"), V{2});
  // No day: a weekend, an anniversary, a circle ("周天"), worship
  // ("做礼拜"), money ("金") or a month ("三月") alone, Latin text.
  for (std::u8string_view t : {u8"周末", u8"周年", u8"周天", u8"做礼拜",
                               u8"金融", u8"三月", u8"samedi", u8"요리"}) {
    EXPECT_EQ(days(t), V{}) << U8(t);
  }
  // At most `max` days are stored.
  int one[1];
  EXPECT_EQ(CjkWeekdays(U8(u8"周一周二"), one, 1), 1);
  EXPECT_EQ(one[0], 1);
}

TEST(ClosedClassTest, CjkNumbersInsideTokens) {
  auto counts = [](std::u8string_view token) {
    int out[4];
    const int n = CjkNumbers(U8(token), out, 4);
    return std::vector<int>(out, out + n);
  };
  using V = std::vector<int>;
  EXPECT_EQ(counts(u8"四川地震造成三人死亡"), V{3});
  EXPECT_EQ(counts(u8"三十五人"), V{35});
  EXPECT_EQ(counts(u8"十名"), V{10});
  EXPECT_EQ(counts(u8"两千名"), V{2000});
  EXPECT_EQ(counts(u8"一万五千人"), V{15000});
  EXPECT_EQ(counts(u8"三百零五例"), V{305});
  EXPECT_EQ(counts(u8"三十二万人"), V{320000});
  EXPECT_EQ(counts(u8"二〇一九年"), V{2019});
  EXPECT_EQ(counts(u8"第三季度"), V{3});
  EXPECT_EQ(counts(u8"三分钟"), V{3});
  EXPECT_EQ(counts(u8"東京で地震、五人けが"), V{5});
  EXPECT_EQ(counts(u8"两架飞机三人"), (V{2, 3}));
  // No count: a numeral inside a word (Samsung, Sichuan, the Olympics,
  // "very", Roppongi), a weekday, the article "一个", no counter after.
  for (std::u8string_view t :
       {u8"三星发布新手机", u8"四川", u8"五輪", u8"十分重要", u8"六本木",
        u8"中国股市周五收高", u8"星期三", u8"一个男子", u8"死亡三",
        u8"samedi"}) {
    EXPECT_EQ(counts(t), V{}) << U8(t);
  }
  int one[1];
  EXPECT_EQ(CjkNumbers(U8(u8"两人三人"), one, 1), 1);
  EXPECT_EQ(one[0], 2);
  // After digits ("3万人"), the leading myriad is theirs, no count here.
  EXPECT_EQ(CjkMultiplierAt(U8(u8"万人")), 10000);
  EXPECT_EQ(CjkMultiplierAt(U8(u8"億円")), 100000000);
  EXPECT_EQ(CjkMultiplierAt(U8(u8"千人")), 0);
  EXPECT_EQ(CjkMultiplierAt("people"), 0);
  int out[4];
  EXPECT_EQ(CjkNumbers(U8(u8"万人"), out, 4), 1);  // alone: 10,000
  EXPECT_EQ(CjkNumbers(U8(u8"万人"), out, 4, /*after_digits=*/true), 0);
}

TEST(ClosedClassTest, NumberWords) {
  ExpectClass("deux", ClosedClassKind::kNumber, 2);
  ExpectClass("two", ClosedClassKind::kNumber, 2);
  ExpectClass("duas", ClosedClassKind::kNumber, 2);
  ExpectClass(U8(u8"f\u00FCnf"), ClosedClassKind::kNumber, 5);
  ExpectClass(U8(u8"zw\u00F6lf"), ClosedClassKind::kNumber, 12);
  ExpectClass(U8(u8"drei\u00DFig"), ClosedClassKind::kNumber, 30);
  ExpectClass(U8(u8"diecis\u00E9is"), ClosedClassKind::kNumber, 16);
  ExpectClass("quatorze", ClosedClassKind::kNumber, 14);
  ExpectClass("diciannove", ClosedClassKind::kNumber, 19);
  ExpectClass("nonante", ClosedClassKind::kNumber, 90);
  ExpectClass("hundred", ClosedClassKind::kNumber, 100);
  ExpectClass("mille", ClosedClassKind::kNumber, 1000);
  ExpectClass("milliards", ClosedClassKind::kNumber, 1000000000);
  ExpectClass("billion", ClosedClassKind::kNumber, 1000000000);
  ExpectClass(U8(u8"milh\u00F5es"), ClosedClassKind::kNumber, 1000000);
  ExpectClass("zero", ClosedClassKind::kNumber, 0);
  // "Hundreds" / "thousands" in every language, so that "des centaines de
  // morts" and "hundreds dead" share a fact.
  for (std::string_view w : {"hundreds", "centaines", "cientos", "centenares",
                             "centenas", "centinaia", "hunderte"}) {
    ExpectClass(w, ClosedClassKind::kNumber, 100);
  }
  for (std::string_view w : {"thousands", "milliers", "millares", "milhares",
                             "migliaia", "tausende"}) {
    ExpectClass(w, ClosedClassKind::kNumber, 1000);
  }
  // Common words of another language are left out ("miles" is also the
  // English unit).
  for (std::string_view w : {"once", "seize", "dos", "null", "nul", "miles"}) {
    EXPECT_EQ(LookupClosedClass(w).kind, ClosedClassKind::kNone) << w;
  }
}

// Number words of languages in other scripts, spelled out by ICU at build
// time (tools/gen_closed_class_words.cc), in the language-blind lookup.
TEST(ClosedClassTest, SpelledOutNumberWordsOfOtherScripts) {
  ExpectClass(U8(u8"\u0442\u0440\u0438"), ClosedClassKind::kNumber, 3);  // три
  ExpectClass(U8(u8"\u041F\u044F\u0442\u044C"), ClosedClassKind::kNumber,
              5);  // Пять
  // Russian genitive: "пяти тысяч" (of five thousand).
  ExpectClass(U8(u8"\u043F\u044F\u0442\u0438"), ClosedClassKind::kNumber, 5);
  ExpectClass(U8(u8"\u0442\u044B\u0441\u044F\u0447"), ClosedClassKind::kNumber,
              1000);  // тысяч
  // Not the instrumental: "семью" is also "family" (accusative).
  ExpectClass(U8(u8"\u0441\u0435\u043C\u044C\u044E"), ClosedClassKind::kNone,
              0);
  // Greek with its accent and final sigma, Arabic, Hebrew, Hindi, Korean.
  ExpectClass(U8(u8"\u03A4\u03C1\u03B5\u03B9\u03C2"), ClosedClassKind::kNumber,
              3);  // Τρεις
  ExpectClass(U8(u8"\u03C0\u03AD\u03BD\u03C4\u03B5"), ClosedClassKind::kNumber,
              5);  // πέντε
  ExpectClass(U8(u8"\u062E\u0645\u0633\u0629"), ClosedClassKind::kNumber,
              5);  // خمسة
  ExpectClass(U8(u8"\u05D7\u05DE\u05D9\u05E9\u05D4"), ClosedClassKind::kNumber,
              5);  // חמישה
  ExpectClass(U8(u8"\u0924\u0940\u0928"), ClosedClassKind::kNumber,
              3);                                                  // तीन
  ExpectClass(U8(u8"\uB2E4\uC12F"), ClosedClassKind::kNumber, 5);  // 다섯
  // Not 1 ("ένα" is also Greek's article) and no one-syllable Hangul
  // numeral ("세" is also "age", "이" also "this").
  ExpectClass(U8(u8"\u03AD\u03BD\u03B1"), ClosedClassKind::kNone, 0);
  ExpectClass(U8(u8"\uC138"), ClosedClassKind::kNone, 0);
  ExpectClass(U8(u8"\uC774"), ClosedClassKind::kNone, 0);
}

// Every generated word (tools/gen_closed_class_words.cc) reads as its
// number, month or weekday through its match key (the tables fold them
// with NormalizeKey), but where two fold to one key with two readings: then
// neither. A word of another script reads so in any headline; a word of a
// Latin-script language beyond the six only in a headline of that language
// (ClosedClassLanguage), and a word of the six keeps the six's reading.
TEST(ClosedClassTest, GeneratedWordsReadThroughTheirKeys) {
  struct SpelledWord {
    std::string_view word;
    char kind;
    int value;
    std::string_view lang;
  };
  constexpr SpelledWord kWords[] = {
#include "closed_class_words.inc"
  };
  EXPECT_GT(std::size(kWords), 2500u);
  auto kind_of = [](char k) {
    return k == 'n'   ? ClosedClassKind::kNumber
           : k == 'm' ? ClosedClassKind::kMonth
                      : ClosedClassKind::kWeekday;
  };
  std::map<std::pair<std::string_view, std::string>,
           std::set<std::pair<char, int>>>
      readings;
  // And over every Latin-script language: one key holds one reading there,
  // the first language's ("listopad" is November in Czech and Polish,
  // October in Croatian).
  std::map<std::string, std::set<std::pair<char, int>>> latin_readings;
  for (const SpelledWord& e : kWords) {
    std::string key;
    NormalizeKey(e.word, &key);
    readings[{e.lang, key}].insert({e.kind, e.value});
    if (!e.lang.empty()) latin_readings[key].insert({e.kind, e.value});
  }
  int blind_read = 0, latin_read = 0, months = 0, weekdays = 0;
  for (const SpelledWord& e : kWords) {
    std::string key;
    NormalizeKey(e.word, &key);
    ASSERT_FALSE(key.empty()) << e.word;
    EXPECT_EQ(key.find(' '), std::string::npos) << e.word;
    EXPECT_GE(e.value, e.kind == 'n' ? 2 : 1) << e.word;
    EXPECT_LE(e.value, e.kind == 'm'   ? 12
                       : e.kind == 'w' ? 7
                                       : 1000000000)
        << e.word;
    const bool ambiguous = readings[{e.lang, key}].size() > 1;
    ClosedClass c;
    if (e.lang.empty()) {
      c = LookupClosedClass(key);
      if (ambiguous) {
        EXPECT_EQ(c.kind, ClosedClassKind::kNone) << e.word;
        continue;
      }
      ++blind_read;
    } else {
      const int lang = ClosedClassLanguage(e.lang);
      ASSERT_GE(lang, 6) << e.lang;
      c = LookupClosedClass(key, lang);
      bool of_the_six = LookupClosedClass(key).kind != ClosedClassKind::kNone;
      for (int six = 0; six < 6; ++six) {
        of_the_six |=
            LookupClosedClass(key, six).kind != ClosedClassKind::kNone;
      }
      if (of_the_six) {
        // The six's reading where it is the same ("acht" in Dutch and
        // German, "tres" in Catalan and Spanish), or none (Danish "tres"
        // is 60).
        if (c.kind != ClosedClassKind::kNone) {
          EXPECT_EQ(c.kind, kind_of(e.kind)) << e.word;
          EXPECT_EQ(c.value, e.value) << e.word;
        }
        continue;
      }
      if (ambiguous) continue;
      if (latin_readings[key].size() > 1 && c.kind == ClosedClassKind::kNone) {
        continue;  // another language's reading came first
      }
      ++latin_read;
    }
    EXPECT_EQ(c.kind, kind_of(e.kind)) << e.word;
    EXPECT_EQ(c.value, e.value) << e.word;
    // A generated month needs a date's number beside it.
    EXPECT_EQ(c.needs_date, e.kind == 'm') << e.word;
    months += e.kind == 'm';
    weekdays += e.kind == 'w';
  }
  EXPECT_GT(blind_read, 900);
  EXPECT_GT(latin_read, 1400);
  EXPECT_GT(months, 400);
  EXPECT_GT(weekdays, 150);
  // Read in their language only: Turkish "on" (10) is English "on".
  EXPECT_EQ(LookupClosedClass("on").kind, ClosedClassKind::kNone);
  EXPECT_EQ(LookupClosedClass("on", 0).kind, ClosedClassKind::kNone);
  const ClosedClass on = LookupClosedClass("on", ClosedClassLanguage("tur"));
  EXPECT_EQ(on.kind, ClosedClassKind::kNumber);
  EXPECT_EQ(on.value, 10);
  const ClosedClass drie =
      LookupClosedClass("drie", ClosedClassLanguage("nld"));
  EXPECT_EQ(drie.value, 3);
  EXPECT_EQ(LookupClosedClass("drie").kind, ClosedClassKind::kNone);
  EXPECT_EQ(LookupClosedClass("tres", ClosedClassLanguage("dan")).kind,
            ClosedClassKind::kNone);
  EXPECT_EQ(LookupClosedClass("tres", ClosedClassLanguage("cat")).value, 3);
  // Months and weekdays: Russian "февраля" (of February), Polish "lutego"
  // in Polish headlines only, Dutch "zaterdag" (Saturday).
  ExpectClass(U8(u8"\u0444\u0435\u0432\u0440\u0430\u043B\u044F"),
              ClosedClassKind::kMonth, 2);
  const ClosedClass lutego =
      LookupClosedClass("lutego", ClosedClassLanguage("pol"));
  EXPECT_EQ(lutego.kind, ClosedClassKind::kMonth);
  EXPECT_EQ(lutego.value, 2);
  EXPECT_EQ(LookupClosedClass("lutego").kind, ClosedClassKind::kNone);
  const ClosedClass zaterdag =
      LookupClosedClass("zaterdag", ClosedClassLanguage("nld"));
  EXPECT_EQ(zaterdag.kind, ClosedClassKind::kWeekday);
  EXPECT_EQ(zaterdag.value, 6);
  // The six's own months need no date.
  EXPECT_FALSE(LookupClosedClass("febrero").needs_date);
  EXPECT_EQ(ClosedClassLanguage("eng"), -1);
  EXPECT_EQ(ClosedClassLanguage("vie"), -1);
  EXPECT_EQ(ClosedClassLanguage(""), -1);
}

// Read in a headline's language (StopLang index: eng 0, fra 1, spa 2, por 3,
// ita 4, deu 5), a word is a closed-class word only where it is one.
TEST(ClosedClassTest, LanguageAwareLookup) {
  constexpr int kEng = 0, kFra = 1, kSpa = 2, kPor = 3, kIta = 4, kDeu = 5;
  EXPECT_EQ(LookupClosedClass("dos", kSpa).value, 2);
  EXPECT_EQ(LookupClosedClass("dos", kPor).kind, ClosedClassKind::kNone);
  EXPECT_EQ(LookupClosedClass("once", kSpa).value, 11);
  EXPECT_EQ(LookupClosedClass("once", kEng).kind, ClosedClassKind::kNone);
  EXPECT_EQ(LookupClosedClass("seize", kFra).value, 16);
  EXPECT_EQ(LookupClosedClass("miles", kSpa).value, 1000);
  EXPECT_EQ(LookupClosedClass("miles", kEng).kind, ClosedClassKind::kNone);
  EXPECT_EQ(LookupClosedClass("due", kIta).value, 2);
  EXPECT_EQ(LookupClosedClass("due", kEng).kind, ClosedClassKind::kNone);
  EXPECT_EQ(LookupClosedClass("may", kEng).kind, ClosedClassKind::kMonth);
  EXPECT_EQ(LookupClosedClass("may", kDeu).kind, ClosedClassKind::kNone);
  EXPECT_EQ(LookupClosedClass("mai", kDeu).kind, ClosedClassKind::kMonth);
  EXPECT_EQ(LookupClosedClass("mai", kIta).kind, ClosedClassKind::kNone);
  EXPECT_EQ(LookupClosedClass("marco", kPor).value, 3);
  EXPECT_EQ(LookupClosedClass("marco", kIta).kind, ClosedClassKind::kNone);
  // Each restricted word is a closed-class word of the blind table, and
  // an ordinary word in some language.
  for (std::string_view w : {"may", "mai", "mars", "marco", "due", "sei",
                             "otto", "elf", "mil", "cent", "cents", "tres"}) {
    EXPECT_NE(LookupClosedClass(w).kind, ClosedClassKind::kNone) << w;
    int ordinary = 0;
    for (int lang = 0; lang < 6; ++lang) {
      ordinary += LookupClosedClass(w, lang).kind == ClosedClassKind::kNone;
    }
    EXPECT_GT(ordinary, 0) << w;
  }
  // Unambiguous words hold everywhere; the language-blind lookup is the
  // table as before, and out-of-range languages get it.
  EXPECT_EQ(LookupClosedClass("deux", kDeu).value, 2);
  EXPECT_EQ(LookupClosedClass("due").value, 2);
  EXPECT_EQ(LookupClosedClass("due", -1).value, 2);
  EXPECT_EQ(LookupClosedClass("dos", 6).kind, ClosedClassKind::kNone);
}

TEST(ClosedClassTest, NonTokensAreNone) {
  for (std::string_view w : {"", "a", "le", "trump", "fevrierx", "FEVRIER",
                             "averyveryverylongword"}) {
    EXPECT_EQ(LookupClosedClass(w).kind, ClosedClassKind::kNone) << w;
  }
}

// The filter in front of the word tables never turns away a word it was
// given, and turns away most others (what makes it worth its check).
TEST(WordFilterTest, KeepsEveryAddedWordAndRejectsMostOthers) {
  WordFilter filter;
  std::vector<std::string> added;
  for (int i = 0; i < 900; ++i) {  // the stop-word table's size
    // Built by appends: GCC 12's -Wrestrict misfires on "w" + s + "x".
    std::string w = "w";
    w += std::to_string(i * 7919);
    w += 'x';
    added.push_back(w);
    filter.Add(added.back());
  }
  filter.Add("");
  for (const std::string& w : added) EXPECT_TRUE(filter.MayContain(w)) << w;
  EXPECT_TRUE(filter.MayContain(""));
  int passed = 0;
  for (int i = 0; i < 10000; ++i) {
    std::string w = "q";
    w += std::to_string(i);
    w += 'z';
    passed += filter.MayContain(w);
  }
  EXPECT_LT(passed, 1500);
  // Through the real tables: every closed-class word is still found.
  EXPECT_EQ(LookupClosedClass("fevrier").kind, ClosedClassKind::kMonth);
  EXPECT_EQ(LookupClosedClass("donnerstag").kind, ClosedClassKind::kWeekday);
}

// The one-probe lookup gives what the two lookups give, for every
// language (and none) on words that are closed-class in some languages
// only, in all, or in none.
TEST(ClosedClassTest, BothReadingsAgreeWithTheTwoLookups) {
  const char* const words[] = {"due",   "may",   "mai",   "mil",   "dos",
                               "once",  "seize", "miles", "three", "mars",
                               "lundi", "house", "",      "x",     "domingo"};
  for (const char* w : words) {
    for (int lang = -1; lang <= 6; ++lang) {
      ClosedClass in_lang, blind;
      LookupClosedClassBoth(w, lang, &in_lang, &blind);
      const ClosedClass a = LookupClosedClass(w, lang),
                        b = LookupClosedClass(w);
      EXPECT_EQ(in_lang.kind, a.kind) << w << " " << lang;
      EXPECT_EQ(in_lang.value, a.value) << w << " " << lang;
      EXPECT_EQ(blind.kind, b.kind) << w << " " << lang;
      EXPECT_EQ(blind.value, b.value) << w << " " << lang;
    }
  }
}

}  // namespace
}  // namespace tickerdedup::internal
