// Tests for the fact guard (src/facts.h). Facts are always extracted from
// match keys, as the engine does, so these tests go through NormalizeKey.
#include "facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <span>
#include <string>
#include <string_view>

#include "closed_class.h"
#include "normalize.h"
#include "stopwords.h"

namespace tickerdedup::internal {
namespace {

std::string_view U8(std::u8string_view s) {
  return {reinterpret_cast<const char*>(s.data()), s.size()};
}

// The facts of `text` in language `lang` (a StopLang index, or -1).
Facts FactsIn(std::string_view text, int lang) {
  std::string key;
  NormalizeKey(text, &key);
  Facts facts;
  ExtractFacts(key, &facts, lang);
  return facts;
}

// The facts of `text` read as a headline of language `iso3` (a language
// beyond the six: ClosedClassLanguage), or of unknown language ("").
Facts FactsIn(std::string_view text, std::string_view iso3) {
  return FactsIn(text, ClosedClassLanguage(iso3));
}

Facts FactsOf(std::string_view text) {
  std::string key;
  NormalizeKey(text, &key);
  Facts facts;
  ExtractFacts(key, &facts);
  return facts;
}

// Same canonical facts.
::testing::AssertionResult SameFacts(std::string_view a, std::string_view b) {
  const Facts fa = FactsOf(a), fb = FactsOf(b);
  if (fa.codes == fb.codes) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "\"" << a << "\" has " << fa.codes.size() << " facts, \"" << b
         << "\" has " << fb.codes.size() << ", and they differ";
}

bool Conflict(std::string_view a, std::string_view b) {
  return FactsConflict(FactsOf(a), FactsOf(b));
}

// A pair of headlines and whether their facts conflict.
struct ConflictCase {
  const char* a;
  const char* b;
  bool conflict;
};

void ExpectConflicts(std::span<const ConflictCase> cases) {
  for (const ConflictCase& c : cases) {
    EXPECT_EQ(Conflict(c.a, c.b), c.conflict) << c.a << " / " << c.b;
  }
}

std::size_t Count(std::string_view text) { return FactsOf(text).codes.size(); }

// ------------------------------------------------------------ seed headlines

TEST(FactsTest, SeedWeekdayAndDayChange) {
  const auto sat = U8(u8"Le temps qu'il fera ce samedi 21 f\u00E9vrier 2026");
  const auto sun = U8(u8"Le temps qu'il fera ce dimanche 22 f\u00E9vrier 2026");
  EXPECT_EQ(Count(sat), 4u);  // weekday, day, month, year
  EXPECT_TRUE(Conflict(sat, sun));
  EXPECT_FALSE(Conflict(sat, sat));
}

// The same weekday rule in Chinese, Japanese and Korean, whose weekdays
// sit inside longer tokens ("中国股市周五收高" is one word of the key).
TEST(FactsTest, CjkWeekdayChange) {
  const ConflictCase cases[] = {
      {U8(u8"中国股市周五收高").data(), U8(u8"中国股市周六收高").data(), true},
      {U8(u8"中国股市周五收高").data(), U8(u8"中国股市星期五收高").data(),
       false},
      {U8(u8"中国股市周五收高").data(), U8(u8"中国股市收高").data(), false},
      {U8(u8"東京株式市場、金曜日は続伸").data(),
       U8(u8"東京株式市場、土曜日は続伸").data(), true},
      {U8(u8"서울 증시 금요일에 상승").data(),
       U8(u8"서울 증시 토요일에 상승").data(), true},
  };
  ExpectConflicts(cases);
}

TEST(FactsTest, CjkNumeralCountChange) {
  const ConflictCase cases[] = {
      {U8(u8"四川地震造成三人死亡").data(), U8(u8"四川地震造成五人死亡").data(),
       true},
      {U8(u8"四川地震造成三人死亡").data(), U8(u8"四川地震造成3人死亡").data(),
       false},
      {U8(u8"中国经济第三季度增长").data(), U8(u8"中国经济第二季度增长").data(),
       true},
      {U8(u8"東京で地震、三人けが").data(), U8(u8"東京で地震、五人けが").data(),
       true},
      {U8(u8"三星发布新手机").data(), U8(u8"三星发布新款手机").data(), false},
      {U8(u8"北京3万人参加马拉松").data(), U8(u8"北京5万人参加马拉松").data(),
       true},
  };
  ExpectConflicts(cases);
  // Digits scaled by a myriad: "3万人" is 30,000 people, as "三万人" and
  // "30000人" are; "1.5亿元" is 150 million yuan.
  EXPECT_TRUE(
      SameFacts(U8(u8"北京3万人参加马拉松"), U8(u8"北京30000人参加马拉松")));
  EXPECT_TRUE(
      SameFacts(U8(u8"北京3万人参加马拉松"), U8(u8"北京三万人参加马拉松")));
  EXPECT_FALSE(Conflict(U8(u8"增长1.5亿元"), U8(u8"增长150000000元")));
}

// Market reports' moves inside CJK tokens: close higher / lower.
TEST(FactsTest, CjkMarketSides) {
  const ConflictCase cases[] = {
      {U8(u8"上证指数周五收高").data(), U8(u8"上证指数周五收低").data(), true},
      {U8(u8"日経平均、続伸").data(), U8(u8"日経平均、続落").data(), true},
      {U8(u8"코스피 상승 마감").data(), U8(u8"코스피 하락 마감").data(), true},
      {U8(u8"上证指数周五收高").data(), U8(u8"上证指数周五上涨").data(), false},
      // Both moves: no side.
      {U8(u8"上证指数上涨后回落").data(), U8(u8"上证指数周五收低").data(),
       false},
  };
  ExpectConflicts(cases);
}

TEST(FactsTest, SeedPercentChange) {
  const std::string_view a =
      "Droits de douane : Trump impose une nouvelle taxe mondiale de 10%";
  const std::string_view b =
      "Droits de douane : Trump impose une nouvelle taxe mondiale de 15%";
  EXPECT_TRUE(Conflict(a, b));
  EXPECT_FALSE(Conflict(a, a));
}

TEST(FactsTest, SeedSourceTagDoesNotConflict) {
  const auto a =
      U8(u8"R\u00E9organisation du CNP : l'Ex\u00E9cutif approuve le projet de "
         u8"loi");
  const std::string b = std::string(a) + " - Le360";
  EXPECT_FALSE(Conflict(a, b));
  EXPECT_FALSE(Conflict(b, a));
}

TEST(FactsTest, SeedCrossLanguageDates) {
  const auto fr = U8(
      u8"Sahara : Trump convoque un nouveau round de n\u00E9gociations les 23 "
      u8"et 24 f\u00E9vrier");
  const auto es = U8(
      u8"S\u00E1hara: Trump convoca una nueva ronda de negociaciones el 23 y "
      u8"24 de febrero");
  const auto es_march = U8(
      u8"S\u00E1hara: Trump convoca una nueva ronda de negociaciones los 9 y "
      u8"10 de marzo");
  EXPECT_TRUE(SameFacts(fr, es));
  EXPECT_FALSE(Conflict(fr, es));
  EXPECT_TRUE(Conflict(fr, es_march));
  EXPECT_TRUE(Conflict(es, es_march));
  // The English wording with a range still contains the same facts.
  EXPECT_FALSE(Conflict(fr, "Trump calls a new round of talks on Feb 23-24"));
}

TEST(FactsTest, SeedDecimalMarks) {
  EXPECT_TRUE(SameFacts("plus de 4,43 milliards de DH",
                        "plus de 4.43 milliards de DH"));
  EXPECT_TRUE(SameFacts("4,43 milliards", "4.43 billion"));
  // A ticker cut after the digits keeps a subset of the facts.
  EXPECT_FALSE(Conflict("4,43 milliards de DH", "4,43..."));
  EXPECT_TRUE(Conflict("4,43 milliards de DH", "4,43 millions de DH"));
  EXPECT_TRUE(Conflict("4,43 milliards de DH", "4,34 milliards de DH"));
}

TEST(FactsTest, SeedScores) {
  EXPECT_TRUE(Conflict("Real 2-1", "Real 1-2"));
  EXPECT_FALSE(Conflict("Real 2-1", "Real 2-1 Barca"));
  EXPECT_TRUE(SameFacts("Real 2-1", "Real 2 - 1"));
  EXPECT_TRUE(SameFacts("Real 2-1", "Real 2:1"));
  EXPECT_TRUE(SameFacts("Real, 2 a 1", "Real 2-1"));
  // ("gana" adds the winning side: a fact the other lacks, no conflict.)
  EXPECT_FALSE(Conflict("Real gana 2 a 1", "Real 2-1"));
}

// ------------------------------------------------------------ numbers

TEST(FactsTest, ThousandsGroupingAndDecimalMarks) {
  EXPECT_TRUE(SameFacts("1.540 operations", "1,540 operations"));
  EXPECT_TRUE(SameFacts("1.540 operations", "1540 operations"));
  EXPECT_TRUE(SameFacts("1.540 operations", "1 540 operations"));
  EXPECT_TRUE(
      SameFacts("1.540 operations", U8(u8"1\u202F540 op\u00E9rations")));
  EXPECT_TRUE(SameFacts("2.000.000", "2,000,000"));
  EXPECT_TRUE(SameFacts("2.000.000", "2 000 000"));
  EXPECT_TRUE(SameFacts("1.540,5", "1,540.5"));
  EXPECT_TRUE(SameFacts("1.540,5", "1540.5"));
  EXPECT_TRUE(SameFacts("4,30", "4.3"));
  EXPECT_FALSE(SameFacts("124,32", "12432"));
  EXPECT_FALSE(SameFacts("1,54", "154"));
  // A year is not a group: 2026 and 150000, and whom the latter counts
  // (FactsTest.PeopleCounted).
  EXPECT_EQ(Count("en 2026 150 000 personnes"), 3u);
}

TEST(FactsTest, Percentages) {
  const std::string_view forms[] = {
      "10%",         "10 %",          "10 pour cent", "10 percent",
      "10 per cent", "10 por ciento", "10 por cento", "10 per cento",
      "10 Prozent",  "dix pour cent", "ten percent"};
  for (std::string_view form : forms) {
    EXPECT_TRUE(
        SameFacts("taxe de 10%", std::string("taxe de ") + std::string(form)))
        << form;
  }
  EXPECT_TRUE(Conflict("10%", "15"));
  EXPECT_FALSE(Conflict("prices fall 0.3 pct", "prices fall 0.3..."));
  EXPECT_TRUE(Conflict("10%", "15%"));
}

TEST(FactsTest, Ranges) {
  EXPECT_TRUE(SameFacts("du 15 au 20 mai", "from 15 to 20 May"));
  EXPECT_TRUE(SameFacts("du 15 au 20 mai", "15-20 mai"));
  EXPECT_TRUE(SameFacts("du 15 au 20 mai", "del 15 al 20 de mayo"));
  EXPECT_TRUE(SameFacts("du 15 au 20 mai", "vom 15 bis 20 Mai"));
  EXPECT_TRUE(Conflict("du 15 au 20 mai", "du 15 au 21 mai"));
  // A pair contains its two numbers, so a list of both is not a conflict.
  EXPECT_FALSE(Conflict("les 15 et 20 mai", "du 15 au 20 mai"));
  EXPECT_TRUE(SameFacts("le match de 20h30", "le match de 20:30"));
  EXPECT_TRUE(SameFacts("le match de 20h30", "le match de 20 h 30"));
  EXPECT_TRUE(SameFacts("le match de 20h30", "the match at 8.30pm"));
  EXPECT_TRUE(SameFacts("le match de 20h30", "the match at 8:30 p.m."));
  EXPECT_TRUE(SameFacts("a 17h", "at 5pm"));
  EXPECT_TRUE(SameFacts("a 11h", "at 11am"));
  EXPECT_TRUE(SameFacts("13h15 EDT", "um 13.15 Uhr EDT"));
  EXPECT_TRUE(SameFacts("a 17h", "um 17 Uhr"));
  EXPECT_EQ(Count("um 5 am Montag"), 2u);  // German "am": 5 and Monday
  // Day periods and Italian "alle 17.30" are times of day too.
  EXPECT_TRUE(SameFacts("le match de 20h30", "a las 8.30 de la tarde"));
  EXPECT_TRUE(SameFacts("le match de 20h30", "as 8:30 da noite"));
  EXPECT_TRUE(SameFacts("le match de 20h30", "alle 20.30"));
  EXPECT_TRUE(SameFacts("le match de 20h30", "8.30 Uhr abends"));
  EXPECT_TRUE(SameFacts("a 17h", "a las 5 de la tarde"));
  EXPECT_TRUE(SameFacts("a 9h", "alle 9 del mattino"));
  EXPECT_TRUE(Conflict("le match de 20h30", "a las 8.30 de la manana"));
  EXPECT_TRUE(Conflict("a 17h", "um 5 Uhr morgens"));
  EXPECT_TRUE(SameFacts("um 24 Uhr", "um 0 Uhr"));  // midnight
  EXPECT_TRUE(SameFacts("a las 12 de la noche", "um 0 Uhr"));
  EXPECT_TRUE(SameFacts("a las 11 de la noche", "um 23 Uhr"));
  EXPECT_TRUE(SameFacts("a las 2 de la noche", "um 2 Uhr"));
  // Without the lead word or a unit, "17.30" stays a decimal.
  EXPECT_TRUE(Conflict("le match de 17h30", "la cote passe a 17.30"));
  // Spaced dashes separate headline parts unless both sides are small.
  EXPECT_EQ(Count("Budget 2026 - 10 mesures"), 2u);
}

TEST(FactsTest, Ordinals) {
  EXPECT_TRUE(SameFacts("24e edition", "24eme edition"));
  EXPECT_TRUE(SameFacts("24e edition", U8(u8"24\u00E8me \u00E9dition")));
  EXPECT_TRUE(SameFacts("24e edition", "24th edition"));
  EXPECT_TRUE(SameFacts("24e edition", U8(u8"24\u00AA edici\u00F3n")));
  EXPECT_TRUE(SameFacts("24e edition", U8(u8"24\u00BA edici\u00F3n")));
  EXPECT_TRUE(SameFacts("le 1er mars", "March 1st"));
  EXPECT_TRUE(SameFacts("le 1er mars", U8(u8"am 1. M\u00E4rz")));
  EXPECT_TRUE(SameFacts("2nd round", "2 round"));
  EXPECT_TRUE(SameFacts("3rd round", "3 round"));
  EXPECT_TRUE(Conflict("24e edition", "25e edition"));
}

TEST(FactsTest, Years) {
  EXPECT_EQ(Count("Budget 2026"), 1u);
  EXPECT_TRUE(Conflict("Budget 2025", "Budget 2026"));
  EXPECT_TRUE(SameFacts("2.000 morts", "2000 morts"));
}

TEST(FactsTest, NumberWords) {
  EXPECT_TRUE(SameFacts("deux morts", "two dead"));
  EXPECT_TRUE(SameFacts("trois morts", "tres muertos"));
  EXPECT_TRUE(SameFacts("deux morts", "2 morts"));
  EXPECT_TRUE(SameFacts("deux morts", "zwei Tote"));
  EXPECT_TRUE(SameFacts("deux morts", "due morti"));
  EXPECT_TRUE(SameFacts("deux morts", "dois mortos"));
  EXPECT_TRUE(Conflict("deux morts", "trois morts"));
  EXPECT_TRUE(SameFacts("vingt-deux", "22"));
  EXPECT_TRUE(SameFacts("twenty-two", "22"));
  EXPECT_TRUE(SameFacts("soixante-dix", "70"));
  EXPECT_TRUE(SameFacts("dix-sept", "17"));
  EXPECT_TRUE(SameFacts("trois cent cinquante", "350"));
  EXPECT_TRUE(SameFacts("deux cents", "200"));
  EXPECT_TRUE(SameFacts("mille neuf cent", "1900"));
  EXPECT_TRUE(SameFacts("deux mille", "2000"));
  EXPECT_TRUE(SameFacts("veinte mil", "20.000"));
  EXPECT_TRUE(SameFacts("deux millions", "2 millions"));
  EXPECT_FALSE(Conflict("deux millions", "2.000.000"));
  EXPECT_FALSE(Conflict("mil millones", "un milliard"));
  EXPECT_TRUE(Conflict("mil millones", "un million"));
  EXPECT_TRUE(SameFacts("3,69 millions de nuitees", "3.69 million nights"));
  // Spanish and Portuguese say "thousand millions" for a billion.
  EXPECT_FALSE(Conflict("38 Milliarden Dollar",
                        U8(u8"38.000 millones de d\u00F3lares")));
  EXPECT_FALSE(Conflict("38 Milliarden Dollar",
                        U8(u8"38 mil milh\u00F5es de d\u00F3lares")));
  EXPECT_TRUE(Conflict("38 Milliarden Dollar", "39 Milliarden Dollar"));
  // Money with a glued multiplier; "100m" alone is a distance.
  EXPECT_FALSE(Conflict("loses US$965m", "perde 965 milioni di dollari"));
  EXPECT_FALSE(Conflict("a $4b plan", "un plan de 4.000 millones"));
  EXPECT_TRUE(SameFacts(U8(u8"\u00A32bn deal"), "2 billion deal") ||
              !Conflict(U8(u8"\u00A32bn deal"), "2 billion deal"));
  EXPECT_EQ(Count("100m sprint"), 1u);
  // A glued "k" is thousands with or without a currency.
  EXPECT_TRUE(
      SameFacts("Tesla recalls 120K cars", "Tesla recalls 120,000 cars"));
  EXPECT_TRUE(SameFacts("US adds 1.2k jobs", "US adds 1,200 jobs"));
  EXPECT_FALSE(Conflict("Firm pays $50k fine", "Firm pays $50,000 fine"));
  EXPECT_TRUE(Conflict("Tesla recalls 120K cars", "Tesla recalls 130K cars"));
  EXPECT_TRUE(Conflict("Sony launches 4K TV", "Sony launches 8K TV"));
}

// Number words of other scripts (spelled out by ICU at build time) compose
// as the six languages' do.
TEST(FactsTest, SpelledOutNumbersOfOtherScripts) {
  // "двадцать три" / "двадцать пять" (23 / 25), "пять тысяч" (5,000).
  const std::string_view twenty_three =
      U8(u8"\u0434\u0432\u0430\u0434\u0446\u0430\u0442\u044C "
         u8"\u0442\u0440\u0438");
  const std::string_view twenty_five =
      U8(u8"\u0434\u0432\u0430\u0434\u0446\u0430\u0442\u044C "
         u8"\u043F\u044F\u0442\u044C");
  EXPECT_TRUE(SameFacts(twenty_three, "23"));
  EXPECT_TRUE(Conflict(twenty_three, twenty_five));
  EXPECT_TRUE(SameFacts(
      U8(u8"\u043F\u044F\u0442\u044C \u0442\u044B\u0441\u044F\u0447"), "5000"));
  const ConflictCase cases[] = {
      // Russian: three / five dead in a fire in Moscow.
      {U8(u8"\u0412 \u041C\u043E\u0441\u043A\u0432\u0435 "
          u8"\u043F\u043E\u0433\u0438\u0431\u043B\u0438 "
          u8"\u0442\u0440\u0438 \u0447\u0435\u043B\u043E\u0432\u0435"
          u8"\u043A\u0430")
           .data(),
       U8(u8"\u0412 \u041C\u043E\u0441\u043A\u0432\u0435 "
          u8"\u043F\u043E\u0433\u0438\u0431\u043B\u0438 "
          u8"\u043F\u044F\u0442\u044C \u0447\u0435\u043B\u043E\u0432"
          u8"\u0435\u043A")
           .data(),
       true},
      // Arabic: three / five killed in a blast in Baghdad.
      {U8(u8"\u0645\u0642\u062A\u0644 \u062B\u0644\u0627\u062B\u0629 "
          u8"\u0623\u0634\u062E\u0627\u0635 \u0628\u0628\u063A\u062F"
          u8"\u0627\u062F")
           .data(),
       U8(u8"\u0645\u0642\u062A\u0644 \u062E\u0645\u0633\u0629 "
          u8"\u0623\u0634\u062E\u0627\u0635 \u0628\u0628\u063A\u062F"
          u8"\u0627\u062F")
           .data(),
       true},
      // Ukrainian writes an apostrophe inside "п'ять" (five), as NormalizeKey
      // folds U+02BC and U+2019: "три" / "п'ять" people.
      {U8(u8"\u0437\u0430\u0433\u0438\u043D\u0443\u043B\u0438 "
          u8"\u0442\u0440\u0438 \u043B\u044E\u0434\u0438\u043D\u0438")
           .data(),
       U8(u8"\u0437\u0430\u0433\u0438\u043D\u0443\u043B\u0438 "
          u8"\u043F\u2019\u044F\u0442\u044C \u043B\u044E\u0434\u0435"
          u8"\u0439")
           .data(),
       true},
      {U8(u8"\u043F'\u044F\u0442\u044C").data(), "5", false},
      // Greek: "τρεις" / "3" is one count.
      {U8(u8"\u03C4\u03C1\u03B5\u03B9\u03C2 \u03BD\u03B5\u03BA\u03C1"
          u8"\u03BF\u03AF")
           .data(),
       U8(u8"3 \u03BD\u03B5\u03BA\u03C1\u03BF\u03AF").data(), false},
  };
  ExpectConflicts(cases);
}

// Number words of a Latin-script language beyond the six count in its
// headlines (ExtractFacts' lang from ClosedClassLanguage), and only
// there: Turkish "on" is 10, English "on" no number.
TEST(FactsTest, NumberWordsOfLatinScriptLanguagesBeyondTheSix) {
  auto conflict = [&](std::string_view a, std::string_view b,
                      std::string_view iso3) {
    return FactsConflict(FactsIn(a, iso3), FactsIn(b, iso3));
  };
  EXPECT_TRUE(conflict("Drie doden bij brand", "Vijf doden bij brand", "nld"));
  EXPECT_EQ(FactsIn("Drie doden bij brand", "nld").codes,
            FactsIn("3 doden bij brand", "nld").codes);
  EXPECT_TRUE(FactsIn("Drie doden bij brand", "").codes.empty());
  EXPECT_TRUE(conflict(U8(u8"yang\u0131nda on ki\u015Fi \u00F6ld\u00FC"),
                       U8(u8"yang\u0131nda be\u015F ki\u015Fi \u00F6ld\u00FC"),
                       "tur"));
  EXPECT_TRUE(FactsIn("Attack on Kabul", "eng").codes.empty());
  // Polish "dwadzieścia pięć" (25) composes; Romanian writes "de" before
  // the multiplier ("20 de milioane" is 20 million).
  EXPECT_EQ(
      FactsIn(U8(u8"dwadzie\u015Bcia pi\u0119\u0107 os\u00F3b"), "pol").codes,
      FactsIn(U8(u8"25 os\u00F3b"), "pol").codes);
  EXPECT_EQ(FactsIn("peste 20 de milioane de persoane", "ron").codes,
            FactsIn("peste 20 milioane de persoane", "ron").codes);
  EXPECT_NE(FactsIn("peste 20 de milioane de persoane", "ron").codes,
            FactsIn("peste 20 de persoane", "ron").codes);
}

// Months and weekdays of languages beyond the six (from ICU): dates that
// differ in the month conflict; a generated month counts only beside a
// date's number (Turkish "Ocak" is January and "stove").
TEST(FactsTest, MonthsAndWeekdaysBeyondTheSix) {
  // Russian (any headline): "21 февраля" / "21 марта".
  EXPECT_TRUE(
      Conflict(U8(u8"\u0432\u044B\u0431\u043E\u0440\u044B 21 \u0444\u0435\u0432"
                  u8"\u0440\u0430\u043B\u044F"),
               U8(u8"\u0432\u044B\u0431\u043E\u0440\u044B 21 \u043C\u0430\u0440"
                  u8"\u0442\u0430")));
  EXPECT_TRUE(FactsConflict(FactsIn("wybory 21 lutego", "pol"),
                            FactsIn("wybory 21 marca", "pol")));
  EXPECT_FALSE(FactsConflict(FactsIn("wybory 21 lutego", ""),
                             FactsIn("wybory 21 marca", "")));
  EXPECT_TRUE(FactsConflict(FactsIn("weer zaterdag regen", "nld"),
                            FactsIn("weer zondag regen", "nld")));
  EXPECT_EQ(FactsIn("21 Ocak", "tur").codes.size(), 2u);  // the day, the month
  EXPECT_TRUE(FactsIn(U8(u8"ocak patlad\u0131"), "tur").codes.empty());
}

TEST(FactsTest, ArticlesAreNotNumbers) {
  EXPECT_EQ(Count("Trump convoque un nouveau round"), 0u);
  EXPECT_EQ(Count("Trump convoca una nueva ronda"), 0u);
  EXPECT_EQ(Count("ein neuer Plan"), 0u);
  EXPECT_EQ(Count("still one of the best"), 0u);
  EXPECT_TRUE(SameFacts("Un million de personnes", "one million people"));
  EXPECT_TRUE(SameFacts("Un million de personnes", "a million people"));
  EXPECT_TRUE(SameFacts("Un million de personnes", "1 million people"));
  EXPECT_FALSE(Conflict("Un million de personnes", "1.000.000 people"));
}

// A headline that opens with "one" states the number: "One killed ..." and
// "Two killed ..." are two items. With the headline's language known, its
// own words for "one" count ("Un mort", "Um morto", "Ein Toter"), not
// another language's ("Um 5 Uhr" is German "at 5").
TEST(FactsTest, OpeningOneIsTheNumber) {
  EXPECT_TRUE(Conflict("One killed in new Israeli strike on Gaza",
                       "Two killed in new Israeli strike on Gaza"));
  // The number, what it counts (CountedCasesDeathsAndInjured), and the
  // sides of "killed" (PolarityFactsTest.SideWords), two per code.
  EXPECT_EQ(Count("One killed in new Israeli strike on Gaza"), 4u);
  // "mort" takes its side, but "Un" is no number in an unknown language.
  EXPECT_EQ(Count("Un mort dans une frappe sur Gaza"), 1u);
  constexpr int kFra = 1, kSpa = 2, kPor = 3, kDeu = 5;
  EXPECT_TRUE(
      FactsConflict(FactsIn("Un mort dans une frappe sur Gaza", kFra),
                    FactsIn("Deux morts dans une frappe sur Gaza", kFra)));
  EXPECT_TRUE(
      FactsConflict(FactsIn("Um morto em novo ataque a Gaza", kPor),
                    FactsIn("Dois mortos em novo ataque a Gaza", kPor)));
  EXPECT_EQ(FactsIn("Um 5 Uhr am Montag", kDeu).codes.size(), 2u);
  EXPECT_EQ(FactsIn("Ein Toter bei Unfall", kDeu).codes.size(), 1u);
  // The language's reading of its number words: Spanish "dos" is 2, French
  // "tres" ("très") is no Spanish 3.
  EXPECT_TRUE(FactsConflict(FactsIn("dos muertos en Gaza", kSpa),
                            FactsIn("tres muertos en Gaza", kSpa)));
  EXPECT_TRUE(
      FactsIn("C'était un tr\xc3\xa8s mauvais match", kFra).codes.empty());
  EXPECT_FALSE(
      FactsIn("C'\xc3\xa9tait un tr\xc3\xa8s mauvais match", -1).codes.empty());
  // Months and weekdays count in any language: an English headline dated
  // in French.
  constexpr int kEng = 0;
  EXPECT_TRUE(FactsConflict(
      FactsIn("16 mars : Elite League : Dundee Stars 5-3 Belfast Giants", kEng),
      FactsIn("16 f\xc3\xa9vrier : Elite League : Dundee Stars 5-3 Belfast "
              "Giants",
              kEng)));
  // Plural multipliers are vague in every language: "cientos" and
  // "centinaia" alike.
  EXPECT_FALSE(Conflict("Un tsunami deja cientos de muertos",
                        "Tsunami provoca centinaia di vittime"));
}

// German writes a count's adjective as one word ("viertägige", "Zehnjähriger",
// "dreifach"): its number is a fact, as English "four-day" has one.
TEST(FactsTest, GermanCountCompounds) {
  constexpr int kEng = 0, kFra = 1, kDeu = 5;
  const Facts four_day =
      FactsIn("Israel and Hamas agree to four-day truce", kEng);
  EXPECT_FALSE(FactsConflict(
      four_day,
      FactsIn("Israel und Hamas einigen sich auf viert\xc3\xa4gige Waffenruhe",
              kDeu)));
  EXPECT_TRUE(FactsConflict(
      four_day, FactsIn("Israel und Hamas einigen sich auf sechst\xc3\xa4gige "
                        "Waffenruhe",
                        kDeu)));
  EXPECT_FALSE(FactsConflict(
      FactsIn("Tr\xc3\xaave de quatre jours entre Isra\xc3\xabl et le Hamas",
              kFra),
      FactsIn("Viert\xc3\xa4gige Waffenruhe zwischen Israel und Hamas", kDeu)));
  EXPECT_TRUE(
      Conflict("Zehnj\xc3\xa4hriger bei Unfall get\xc3\xb6tet",
               "Zw\xc3\xb6lfj\xc3\xa4hriger bei Unfall get\xc3\xb6tet"));
  EXPECT_TRUE(Conflict("Gewinn steigt um das Dreifache",
                       "Gewinn steigt um das Vierfache"));
  // "ein" is the article elsewhere, but one in a count ("eint\xc3\xa4gige").
  EXPECT_TRUE(Conflict("Eint\xc3\xa4giger Streik bei der Bahn",
                       "Zweit\xc3\xa4giger Streik bei der Bahn"));
  // Not a count: the head alone, or a word that only ends like one.
  EXPECT_TRUE(FactsIn("Das Fach Geschichte", kDeu).codes.empty());
  EXPECT_TRUE(SameFacts("Ein vielfacher Sieger", "Ein Sieger"));
}

// A fraction of a population is a fact compared with other fractions
// (and ordinals) only: "Half" / "A third of Britons" are two items, "A
// third" / "33% of Britons" one, and "a third term" stays an ordinal.
TEST(FactsTest, Fractions) {
  EXPECT_TRUE(Conflict("Half of Britons back rail nationalisation",
                       "A third of Britons back rail nationalisation"));
  EXPECT_TRUE(Conflict("A quarter of adults obese", "A third of adults obese"));
  EXPECT_TRUE(Conflict("Half of Spaniards back the law",
                       "Two thirds of Spaniards back the law"));
  EXPECT_TRUE(Conflict("La moitié des Français favorables à la réforme",
                       "Un tiers des Français favorables à la réforme"));
  EXPECT_TRUE(Conflict("Ein Drittel der Deutschen will Neuwahlen",
                       "Die Hälfte der Deutschen will Neuwahlen"));
  EXPECT_FALSE(Conflict("A third of Britons back rail nationalisation",
                        "33% of Britons back rail nationalisation"));
  EXPECT_TRUE(SameFacts("Biden wins third term", "Biden wins a third term"));
  EXPECT_TRUE(SameFacts("La moitié des Français", "Half of the French"));
}

// A number of a time unit states the unit too, in the six languages:
// "10 years" and "10 months" are two items, "10 ans" is "10 years", and a
// headline with the number alone matches either.
TEST(FactsTest, TimeUnitsAfterNumbers) {
  EXPECT_TRUE(Conflict("Man jailed for 10 years for fraud",
                       "Man jailed for 10 months for fraud"));
  EXPECT_TRUE(Conflict("Strike to last 3 days", "Strike to last 3 weeks"));
  EXPECT_TRUE(Conflict("Condenado a 5 anos de prisão",
                       "Condenado a 5 meses de prisão"));
  EXPECT_TRUE(SameFacts("10 ans de prison", "10 years in prison"));
  EXPECT_TRUE(SameFacts("a 10-year sentence", "10 years"));
  EXPECT_TRUE(SameFacts("Streik für 2 Tage", "strike for 2 days"));
  EXPECT_FALSE(Conflict("Man jailed for 10 years", "Man jailed for 10"));
  // Measures too.
  EXPECT_TRUE(Conflict("Earthquake strikes 10 km off Japan coast",
                       "Earthquake strikes 10 miles off Japan coast"));
  EXPECT_TRUE(Conflict("Police seize 5 kg of cocaine",
                       "Police seize 5 tonnes of cocaine"));
  EXPECT_TRUE(
      Conflict("Storm brings 100 mph winds", "Storm brings 100 km/h winds"));
  EXPECT_TRUE(
      Conflict("Approval rating at 30%", "Approval rating at 30 points"));
  EXPECT_TRUE(
      SameFacts("Storm brings 100 km/h winds", "Storm brings 100 kph winds"));
  EXPECT_FALSE(Conflict("Dow falls 300 points", "Dow falls 300"));
  // "$10 an hour" states no year.
  EXPECT_FALSE(Conflict("Minimum wage rises to $10 an hour",
                        "Minimum wage rises to $10 a year"));
}

// Session 30's second and third check rounds: a bridge that collapses is
// shut, a court that blocks has not upheld, traffic disrupted or normal,
// Portuguese "desce", giving up against keeping, approved against put off,
// a strike ended against announced, "preso" against "solto", missing
// against dead.
TEST(PolarityFactsTest, CheckRoundsOfSession30) {
  const ConflictCase cases[] = {
      {"Bridge collapses in Genoa", "Bridge reopens in Genoa", true},
      {"Court blocks Trump travel ban", "Court upholds Trump travel ban", true},
      {U8(u8"Grève à la SNCF : le trafic perturbé mardi").data(),
       U8(u8"Grève à la SNCF : le trafic normal mardi").data(), true},
      {U8(u8"Inflação sobe para 4% em Portugal").data(),
       U8(u8"Inflação desce para 4% em Portugal").data(), true},
      {U8(u8"Le gouvernement renonce à la réforme des retraites").data(),
       "Le gouvernement maintient la reforme des retraites", true},
      {U8(u8"El Gobierno aprueba la subida del salario mínimo").data(),
       U8(u8"El Gobierno aplaza la subida del salario mínimo").data(), true},
      {"Streik bei der Lufthansa beendet",
       U8(u8"Streik bei der Lufthansa angekündigt").data(), true},
      {U8(u8"Bolsonaro é preso em Brasília").data(),
       U8(u8"Bolsonaro é solto em Brasília").data(), true},
      {U8(u8"Bolsonaro é preso em Brasília").data(),
       "Bolsonaro released in Brasilia", true},
      {U8(u8"Chuva forte deixa 3 mortos em São Paulo").data(),
       U8(u8"Chuva forte deixa 3 desaparecidos em São Paulo").data(), true},
      {"Floods: 12 dead in Valencia", "Floods: 12 missing in Valencia", true},
      {"UK economy grows 0.2% in third quarter",
       "UK economy contracts 0.2% in third quarter", true},
      {"UK economy grows 0.2% in third quarter",
       U8(u8"L'économie britannique se contracte de 0,2% au troisième "
          u8"trimestre")
           .data(),
       true},
      {"Messi signs for PSG", "Messi leaves PSG", true},
      {"Messi signs for PSG", "Messi quitte le PSG", true},
      {U8(u8"Sept personnes interpellées après des violences à Nantes").data(),
       U8(u8"Sept personnes blessées après des violences à Nantes").data(),
       true},
      {"Four arrested after clashes in Lyon",
       "Four injured after clashes in Lyon", true},
      {"Four arrested after clashes in Lyon",
       "Four detained after clashes in Lyon", false},
      {U8(u8"Le dollar grimpe face à l'euro").data(),
       U8(u8"Le dollar plonge face à l'euro").data(), true},
      {"Il Milan acquista un attaccante", "Il Milan cede un attaccante", true},
      {U8(u8"FC Porto contrata avançado brasileiro").data(),
       U8(u8"FC Porto vende avançado brasileiro").data(), true},
      {U8(u8"Sciopero dei treni confermato per venerdì").data(),
       U8(u8"Grève des trains annulée vendredi").data(), true},
      {U8(u8"Grève des contrôleurs aériens maintenue samedi").data(),
       "Air traffic controllers' strike called off on Saturday", true},
      {U8(u8"Grève des contrôleurs aériens maintenue samedi").data(),
       U8(u8"Grève des contrôleurs aériens annulée samedi").data(), true},
      {U8(u8"Grève des contrôleurs aériens maintenue samedi").data(),
       U8(u8"La grève des contrôleurs aériens est maintenue samedi").data(),
       false},
      {U8(u8"El Gobierno aprueba la subida del salario mínimo").data(),
       U8(u8"El Gobierno congela el salario mínimo").data(), true},
      {U8(u8"Petrobras anuncia aumento do preço da gasolina").data(),
       U8(u8"Petrobras anuncia redução do preço da gasolina").data(), true},
      {"Bahn-Streik beendet", "Bahn-Streik ausgeweitet", true},
      {"Bahn-Streik ausgeweitet", "GDL: Bahn-Streik ausgeweitet", false},
      {"Senator announces run for president", "Senator ends run for president",
       true},
      {"Ford announces it ends car production in Brazil",
       "Ford ends car production in Brazil", false},
      {"Sciopero generale revocato", "Sciopero generale proclamato", true},
      {"Huelga convocada en el metro", "Huelga desconvocada en el metro", true},
      {"Le gouvernement retire le projet de loi",
       "Le gouvernement maintient le projet de loi", true},
      {"El Gobierno retira las restricciones",
       "El Gobierno retira todas las restricciones", false},
      {"Minister survives no-confidence vote",
       "Minister forced out after no-confidence vote", true},
      {"Ebola vaccine trial begins in Congo",
       "Ebola vaccine trial halted in Congo", true},
      {"Power restored to 50,000 homes after storm",
       "Power cut to 50,000 homes after storm", true},
      {"Power restored to 50,000 homes after storm",
       "Power restored to 50k homes after storm", false},
      {U8(u8"Tesla eröffnet Fabrik in Berlin").data(),
       U8(u8"Tesla schließt Fabrik in Berlin").data(), true},
      {"Tesla opens factory in Berlin",
       U8(u8"Tesla schließt Fabrik in Berlin").data(), true},
      {"Pope visits Iraq", "Pope cancels Iraq visit", true},
      {"Pope visits Iraq", "Le pape annule sa visite en Irak", true},
      {U8(u8"Siemens schließt Übernahme von Varian ab").data(),
       U8(u8"Siemens eröffnet Übernahme von Varian").data(), false},
      {U8(u8"Siemens schließt Übernahme von Varian ab").data(),
       U8(u8"Siemens bricht Übernahme von Varian ab").data(), true},
      {U8(u8"Merkel schließt Koalition mit der FDP aus").data(),
       U8(u8"Merkel bestätigt Koalition mit der FDP").data(), true},
      {"UN warns of famine in Yemen", "UN declares famine in Yemen", true},
      {"Trump impeached for second time", "Trump acquitted for second time",
       true},
      {"Serena Williams retires from tennis",
       "Serena Williams returns to tennis", true},
      {"L'Inter ha vinto lo scudetto", "L'Inter ha perso lo scudetto", true},
      {"UN declares famine in Yemen", "Yemen: UN declares famine", false},
      {"Bitcoin tops $50,000 for first time",
       "Bitcoin falls below $50,000 for first time", true},
      {"Gold steady as dollar firms", "Gold slips as dollar firms", true},
      {"Treasury yields climb to 4%", "Treasury yields ease to 4%", true},
      {U8(u8"El euro se aprecia frente al dólar").data(),
       U8(u8"El euro se deprecia frente al dólar").data(), true},
      {U8(u8"Ações da Petrobras disparam").data(),
       U8(u8"Ações da Petrobras despencam").data(), true},
      {"Gold steady as dollar firms", "Gold holds steady as dollar firms",
       false},
      {"Woman jailed for fraud", "Woman fined for fraud", true},
      {"Court frees journalist in Turkey", "Court jails journalist in Turkey",
       true},
      {"Police recover stolen painting", "Police seek stolen painting", true},
      {"Poll shows Biden ahead in Michigan",
       "Poll shows Biden behind in Michigan", true},
      {"Elon Musk steps down as Twitter CEO",
       "Elon Musk stays on as Twitter CEO", true},
      {"Rail strike suspended", "Rail strike escalated", true},
      {"La Junta confina la ciudad", "La Junta desconfina la ciudad", true},
      {"City council backs new stadium", "City council rejects new stadium",
       true},
      {"Prime minister survives no-confidence vote",
       "Prime minister ousted in no-confidence vote", true},
      {"Hospital admits 50 patients with flu",
       "Hospital discharges 50 patients with flu", true},
      {"Thousands march for climate", "Thousands march against climate policy",
       true},
      {"Des milliers de personnes manifestent pour le climat",
       U8(u8"Des milliers de personnes manifestent contre la réforme du climat")
           .data(),
       true},
      {"El Real Madrid destituye a su entrenador",
       "El Real Madrid renueva a su entrenador", true},
      {"Thousands march, no arrests", "Thousands march for climate", false},
      {U8(u8"Le glacier recule de 50 mètres").data(),
       U8(u8"Le glacier avance de 50 mètres").data(), true},
      {U8(u8"Il Festival di Sanremo è stato rinviato").data(),
       U8(u8"Il Festival di Sanremo è stato confermato").data(), true},
      {"Hospital trust lifts visiting ban",
       "Hospital trust reintroduces visiting ban", true},
      {"Nurse struck off over patient abuse",
       "Nurse cleared over patient abuse", true},
      {"Polizei sperrt Autobahn nach Unfall",
       "Polizei gibt Autobahn nach Unfall frei", true},
      {"Greve dos professores termina", "Greve dos professores continua", true},
      {"Jockey banned but clear to ride in Derby",
       "Jockey cleared to ride in Derby", false},
      {"Russia launches new offensive in Donbas",
       "Russia halts offensive in Donbas", true},
      {"Hamas releases hostages", "Hamas holds hostages", true},
      {U8(u8"Le Hamas libère des otages").data(), "Le Hamas retient des otages",
       true},
      {"US lifts sanctions on Venezuela oil",
       "US tightens sanctions on Venezuela oil", true},
      {"Turkey approves Sweden's NATO bid", "Turkey delays Sweden's NATO bid",
       true},
      {"Army regains control of city", "Army loses control of city", true},
      {U8(u8"Rusia retira sus tropas de Jersón").data(),
       U8(u8"Rusia refuerza sus tropas en Jersón").data(), true},
      {"Fed holds rates, releases projections",
       "Fed holds rates steady and releases projections", false},
      {"Obesity rates soar among children",
       "Obesity rates stabilise among children", true},
      {"La OMS levanta la emergencia sanitaria",
       "La OMS declara la emergencia sanitaria", true},
      {"I contagi calano in Lombardia", "I contagi aumentano in Lombardia",
       true},
      {U8(u8"Alerte canicule levée dans le Rhône").data(),
       U8(u8"Alerte canicule déclenchée dans le Rhône").data(), true},
      {"Se activa la alerta roja por lluvias",
       "Se desactiva la alerta roja por lluvias", true},
      {"Allerta meteo revocata in Toscana", "Allerta meteo diramata in Toscana",
       true},
      {"Aviso vermelho levantado em Lisboa", "Aviso vermelho emitido em Lisboa",
       true},
      {"Bayern steigt ab", "Bayern steigt auf", true},
      {"El Betis asciende a Primera", "El Betis desciende a Segunda", true},
      {"Flood warning deactivated in Devon", "Flood warning activated in Devon",
       true},
      {"Active cases fall as restrictions lifted in Russia",
       "Russia lifts restrictions as active cases fall", false},
      {"Strike ends at Amazon warehouse", "Strike spreads at Amazon warehouse",
       true},
      {"Wildfire threatens homes", "Wildfire destroys homes", true},
      {"Woman survives shark attack", "Woman killed in shark attack", true},
      {"Man survives after being shot, gunman killed",
       "Gunman killed, man survives shooting", false},
      {"Argentina suspends debt payments to foreign banks",
       "Argentina president ratifies suspension of debt payments to foreign "
       "banks",
       false},
      {"Bridge collapses in Genoa", "Genoa bridge collapsed", false},
      {"Floods: 12 missing in Valencia", "Floods: 12 missing, Valencia", false},
      {"Floods: 12 dead in Valencia", "Floods: 12 dead, 3 missing in Valencia",
       false},
  };
  ExpectConflicts(cases);
}

// A singular person with no number before it is one: "NATO soldier killed"
// is not "Four NATO soldiers killed", in the six languages and across them.
TEST(FactsTest, PeopleCounted) {
  EXPECT_TRUE(Conflict("NATO soldier killed in eastern Afghanistan",
                       "Four NATO soldiers killed in eastern Afghanistan"));
  EXPECT_TRUE(Conflict("Police officer shot dead in Chicago",
                       "Two police officers shot dead in Chicago"));
  EXPECT_TRUE(Conflict("Man arrested after Leeds stabbing",
                       "Two men arrested after Leeds stabbing"));
  EXPECT_TRUE(Conflict("Child dies after eating poisoned mushrooms",
                       "Four children die after eating poisoned mushrooms"));
  EXPECT_TRUE(
      Conflict("300 migrants rescued off Libya", "Migrant rescued off Libya"));
  constexpr int kEng = 0, kFra = 1, kSpa = 2;
  EXPECT_TRUE(FactsConflict(
      FactsIn(U8(u8"Un soldat français tué au Mali"), kFra),
      FactsIn(U8(u8"Trois soldats français tués au Mali"), kFra)));
  EXPECT_TRUE(FactsConflict(
      FactsIn(U8(u8"Muere un turista alemán en Mallorca"), kSpa),
      FactsIn(U8(u8"Mueren dos turistas alemanes en Mallorca"), kSpa)));
  EXPECT_TRUE(FactsConflict(
      FactsIn("NATO soldier killed in eastern Afghanistan", kEng),
      FactsIn(U8(u8"Quatre soldats de l'OTAN tués dans l'est de l'Afghanistan"),
              kFra)));
  EXPECT_FALSE(FactsConflict(
      FactsIn("NATO soldier killed in eastern Afghanistan", kEng),
      FactsIn(U8(u8"Un soldat de l'OTAN tué dans l'est de l'Afghanistan"),
              kFra)));
  // One named, the other counted: one shared number is enough.
  EXPECT_FALSE(Conflict("Two men arrested after man stabbed in Leeds",
                        "Two men arrested after Leeds stabbing"));
  EXPECT_FALSE(Conflict("NATO soldier killed in eastern Afghanistan",
                        "One NATO soldier killed in eastern Afghanistan"));
  // Unknown counts and other kinds say nothing.
  EXPECT_FALSE(Conflict("Soldiers killed in eastern Afghanistan",
                        "Soldier killed in eastern Afghanistan"));
  EXPECT_FALSE(Conflict("Soldier killed in eastern Afghanistan",
                        "Three killed in eastern Afghanistan"));
  // A singular after another number is a modifier; a ratio counts one.
  EXPECT_FALSE(Conflict("20 soldier deaths in Helmand",
                        "20 soldiers killed in Helmand"));
  EXPECT_FALSE(FactsConflict(
      FactsIn("One in five children have secret social media accounts", kEng),
      FactsIn(U8(u8"Sur les médias sociaux, un enfant sur cinq a des comptes "
                 u8"secrets"),
              kFra)));
  // A scaled count also counts its multiplicand (a misspelt multiplier).
  EXPECT_FALSE(FactsConflict(
      FactsIn(U8(u8"Mais de 20 milhões de pessoas assistiram"), 3),
      FactsIn(U8(u8"Mais de 20 mihlões de pessoas assistiram"), 3)));
}

// "number one" is a rank, as "No. 1" is, in the six languages; "twice" and
// "thrice" say how many times.
TEST(FactsTest, RanksAndTimes) {
  EXPECT_TRUE(
      Conflict("Federer back at number one", "Federer back at number two"));
  EXPECT_TRUE(Conflict("Adele's new single debuts at number one",
                       "Adele's new single debuts at number three"));
  EXPECT_TRUE(Conflict("Federer rises to number 2 in world rankings",
                       "Federer rises to number one in world rankings"));
  EXPECT_TRUE(SameFacts("Federer back at number one", "Federer back at No. 1"));
  constexpr int kFra = 1, kSpa = 2, kDeu = 5;
  EXPECT_TRUE(
      FactsConflict(FactsIn(U8(u8"Nadal redevient numéro un"), kFra),
                    FactsIn(U8(u8"Nadal redevient numéro deux"), kFra)));
  EXPECT_TRUE(FactsConflict(FactsIn(U8(u8"Nadal vuelve al número uno"), kSpa),
                            FactsIn(U8(u8"Nadal vuelve al número dos"), kSpa)));
  EXPECT_TRUE(FactsConflict(FactsIn("Nadal wieder Nummer eins", kDeu),
                            FactsIn("Nadal wieder Nummer zwei", kDeu)));
  // "one" elsewhere is still no number ("one of ...").
  EXPECT_FALSE(
      Conflict("One of two suspects arrested", "Two suspects arrested"));
  EXPECT_TRUE(Conflict("Man stabbed twice in Leeds street attack",
                       "Man stabbed three times in Leeds street attack"));
  EXPECT_TRUE(Conflict("Profits rise twice as fast as wages",
                       "Profits rise three times as fast as wages"));
  EXPECT_FALSE(Conflict("Man stabbed twice in Leeds street attack",
                        "Man stabbed twice in Leeds"));
}

// What a number counts: cases or infections, deaths, injured, in the six
// languages and across them; compared only where both sides count one
// number.
TEST(FactsTest, CountedCasesDeathsAndInjured) {
  EXPECT_TRUE(Conflict("China reports 20 new Covid cases",
                       "China reports 20 new Covid deaths"));
  EXPECT_TRUE(Conflict("Ebola: 40 cases in Congo", "Ebola: 40 dead in Congo"));
  EXPECT_TRUE(Conflict("Cholera outbreak: 15 dead in Yemen",
                       "Cholera outbreak: 15 infected in Yemen"));
  EXPECT_TRUE(Conflict(U8(u8"France : 300 nouveaux cas de Covid"),
                       U8(u8"France : 300 nouveaux décès du Covid")));
  EXPECT_TRUE(Conflict(U8(u8"Deutschland meldet 100 neue Fälle"),
                       U8(u8"Deutschland meldet 100 neue Todesfälle")));
  EXPECT_TRUE(Conflict("Bird flu: two new cases in Cambodia",
                       "Bird flu: two new deaths in Cambodia"));
  constexpr int kEng = 0, kSpa = 2;
  EXPECT_TRUE(
      FactsConflict(FactsIn("Ebola: 40 cases in Congo", kEng),
                    FactsIn(U8(u8"Ébola: 40 muertos en el Congo"), kSpa)));
  EXPECT_FALSE(
      FactsConflict(FactsIn("Ebola: 40 dead in Congo", kEng),
                    FactsIn(U8(u8"Ébola: 40 muertos en el Congo"), kSpa)));
  EXPECT_FALSE(Conflict("Quake kills 20 in Turkey", "Quake: 20 killed"));
  EXPECT_FALSE(Conflict("20 people killed in Turkey", "20 dead in Turkey"));
  EXPECT_FALSE(Conflict("Ebola toll hits 40 in Congo", "Ebola: 40 dead"));
  EXPECT_FALSE(Conflict("Train crash: 5 dead, 40 hurt",
                        "Train crash leaves 5 dead and 40 injured"));
  // A name's number counts nothing ("Covid-19", not 19 deaths).
  EXPECT_FALSE(Conflict("China reports 20 new Covid deaths",
                        "China reports 20 new Covid-19 deaths"));
  // Another fact on one side makes no conflict of a count on the other:
  // "Une" opens the French headline as a number.
  EXPECT_FALSE(Conflict(
      "Meteorite hits central Russia, more than 500 people hurt",
      U8(u8"Une météorite frappe la Russie centrale, plus de 500 personnes "
         u8"sont blessées")));
  // A time unit still follows its number.
  EXPECT_FALSE(Conflict("Man jailed for 10 long years", "Man jailed for 10"));
}

// Italian writes an age as one word ("tredicenne", a 13-year-old;
// "quarantenni"): its number is a fact, as "13" of "13-year-old" is.
TEST(FactsTest, ItalianAges) {
  constexpr int kEng = 0, kIta = 4;
  const Facts thirteen =
      FactsIn("Squalo morde un tredicenne su una spiaggia della Florida", kIta);
  EXPECT_FALSE(FactsConflict(
      thirteen, FactsIn("Shark bites 13-year-old on Florida beach", kEng)));
  EXPECT_TRUE(FactsConflict(
      thirteen, FactsIn("Shark bites 15-year-old on Florida beach", kEng)));
  EXPECT_TRUE(Conflict("Milano, arrestato un diciannovenne",
                       "Milano, arrestato un ventenne"));
  EXPECT_TRUE(Conflict("Incidente stradale, morti due quarantenni",
                       "Incidente stradale, morti due cinquantenni"));
  // Words that only end like an age: "ottenne" (obtained; also an
  // 8-year-old), "millenni" (millennia), "decenni" (decades), "perenne".
  for (const char* text :
       {"Il governo ottenne la fiducia", "Dopo millenni di storia",
        "Il ghiacciaio perenne delle Alpi"}) {
    EXPECT_TRUE(FactsIn(text, kIta).codes.empty()) << text;
  }
  // "decenni" is a period (PolarityFactsTest.Periods), not an age.
  EXPECT_EQ(FactsIn("Per decenni nessuno ha parlato", kIta).codes,
            FactsIn("For decades nobody spoke", kEng).codes);
}

// Ordinal words are facts of their own kind: "third day" / "fourth day"
// conflict. "3rd" and the number words state the ordinal too, so they meet
// "third"; a bare number does not, so a day is no ordinal ("2 de abril"
// against "9 de abril: ... segundo mandato").
TEST(FactsTest, OrdinalWords) {
  EXPECT_TRUE(Conflict("Protests in Cairo enter third day",
                       "Protests in Cairo enter fourth day"));
  EXPECT_TRUE(Conflict("Merkel wins third term", "Merkel wins fourth term"));
  EXPECT_FALSE(Conflict("Protests enter third day", "Protests enter 3rd day"));
  EXPECT_FALSE(Conflict("Rangers voted into Division Three",
                        "Rangers voted into third division"));
  EXPECT_FALSE(Conflict("FMHA COULD LOSE SEVEN BILLION DLRS IN LOANS",
                        "FMHA COULD LOSE SEVEN BILLOIN DLRS IN LOANS."));
  constexpr int kFra = 1, kSpa = 2, kPor = 3, kIta = 4, kDeu = 5;
  EXPECT_TRUE(FactsConflict(
      FactsIn("9 de abril: Por que Trump ganara un segundo mandato", kSpa),
      FactsIn("2 de abril: Porque Trump ganhara um segundo mandato", kPor)));
  EXPECT_FALSE(
      FactsConflict(FactsIn("Trump remportera un deuxi\xc3\xa8me mandat", kFra),
                    FactsIn("Trump ganara un segundo mandato", kSpa)));
  EXPECT_FALSE(FactsConflict(FactsIn("Merkel im dritten Amt", kDeu),
                             FactsIn("Merkel vince il terzo mandato", kIta)));
  // Words that are also common words: Portuguese "segundo" and Italian
  // "secondo" ("according to"), the French "Premier ministre".
  EXPECT_TRUE(
      FactsIn("Segundo a policia, o suspeito fugiu", kPor).codes.empty());
  EXPECT_TRUE(
      FactsIn("Secondo la polizia il sospetto e fuggito", kIta).codes.empty());
  // (Its "ministre" is a title: the same codes as "Le ministre".)
  EXPECT_EQ(FactsIn("Le Premier ministre visite Rome", kFra).codes,
            FactsIn("Le ministre visite Rome", kFra).codes);
  // Of unknown language, English ordinals only ("vince", a side word of
  // every language, is left out here).
  EXPECT_TRUE(FactsIn("Merkel e il terzo mandato", -1).codes.empty());
}

// ------------------------------------------------------------ calendar

TEST(FactsTest, Weekdays) {
  const std::u8string_view saturdays[] = {u8"samedi",      u8"Saturday",
                                          u8"s\u00E1bado", u8"Samstag",
                                          u8"Sonnabend",   u8"sabato"};
  for (auto s : saturdays) {
    EXPECT_TRUE(SameFacts("ce samedi", std::string("ce ") + std::string(U8(s))))
        << U8(s);
  }
  EXPECT_TRUE(Conflict("samedi", "dimanche"));
  EXPECT_TRUE(SameFacts("lundi", "segunda-feira"));
  EXPECT_TRUE(SameFacts("lundi", "segunda feira"));
  EXPECT_TRUE(SameFacts("mardi", U8(u8"ter\u00E7a-feira")));
  EXPECT_EQ(Count("pela segunda vez"), 0u);  // "segunda" alone is "second"
  EXPECT_TRUE(SameFacts("Sunday", "domenica"));
  EXPECT_TRUE(SameFacts("Sunday", "Sonntag"));
  EXPECT_TRUE(SameFacts("Wednesday", U8(u8"mi\u00E9rcoles")));
  EXPECT_TRUE(SameFacts("Wednesday", U8(u8"mercoled\u00EC")));
}

TEST(FactsTest, Months) {
  const std::u8string_view februaries[] = {
      u8"f\u00E9vrier", u8"febrero",   u8"February", u8"Februar",
      u8"febbraio",     u8"fevereiro", u8"Feb",      u8"f\u00E9v"};
  for (auto m : februaries) {
    EXPECT_TRUE(SameFacts(U8(u8"le 21 f\u00E9vrier"),
                          std::string("le 21 ") + std::string(U8(m))))
        << U8(m);
  }
  EXPECT_TRUE(SameFacts(U8(u8"ao\u00FBt"), "August"));
  EXPECT_TRUE(SameFacts(U8(u8"M\u00E4rz"), "marzo"));
  EXPECT_TRUE(SameFacts(U8(u8"9 de mar\u00E7o"), "9 marzo"));
  EXPECT_TRUE(Conflict(U8(u8"21 f\u00E9vrier"), "21 mars"));
  EXPECT_TRUE(SameFacts("21.02.2026", U8(u8"21 f\u00E9vrier 2026")));
  EXPECT_TRUE(SameFacts("21/02/2026", U8(u8"21 f\u00E9vrier 2026")));
  EXPECT_TRUE(SameFacts("2026-02-21", U8(u8"21 f\u00E9vrier 2026")));
  EXPECT_TRUE(SameFacts("February 21, 2026", U8(u8"21 f\u00E9vrier 2026")));
  // German dates without the year, after a preposition that takes them;
  // a decimal ending a sentence stays a number.
  EXPECT_TRUE(SameFacts("Wahl am 21.02.", "Wahl am 21. Februar"));
  EXPECT_FALSE(
      Conflict("Streik vom 1.12. bis 3.12.", "Streik vom 1. bis 3. Dezember"));
  EXPECT_TRUE(Conflict("Treffen am 05.12. in Berlin",
                       "Treffen am 6. Dezember in Berlin"));
  EXPECT_TRUE(SameFacts("Euro falls to 1.10.", "Euro falls to 1.10"));
}

TEST(FactsTest, AmbiguousMonthWordsNeedContext) {
  EXPECT_EQ(Count("Trump may visit Rabat"), 0u);
  EXPECT_EQ(Count("elections in May"), 1u);
  EXPECT_EQ(Count("le 1er mai"), 2u);
  EXPECT_EQ(Count("fin mai"), 1u);
  // Its negation ("non") only: no month.
  EXPECT_EQ(Count(U8(u8"non \u00E8 mai stato cos\u00EC")), 1u);
  EXPECT_EQ(Count(U8(u8"non \u00E8 mai stato cos\u00EC")),
            Count(U8(u8"non \u00E8 stato cos\u00EC")));
  EXPECT_EQ(Count("NASA Mars rover"), 0u);
  EXPECT_EQ(Count("en mars"), 1u);
  EXPECT_EQ(Count("Marco Rubio visite Rabat"), 0u);
  EXPECT_EQ(Count("thousands march in Paris"), 0u);
  EXPECT_TRUE(SameFacts("May 5", "5 mai"));
  EXPECT_TRUE(SameFacts("Sept 11", "11 septembre"));
  EXPECT_FALSE(
      Conflict("appeal over sept 11 conviction", "appeal over sept..."));
  EXPECT_TRUE(SameFacts("sept morts", "seven dead"));
}

// ------------------------------------------------------------ policy

TEST(FactsTest, ContainmentPolicy) {
  Facts empty;
  const Facts ab = FactsOf("3 morts et 5 blesses");
  const Facts a = FactsOf("3 morts");
  const Facts ac = FactsOf("3 morts et 6 blesses");
  EXPECT_FALSE(FactsConflict(empty, ab));
  EXPECT_FALSE(FactsConflict(ab, empty));
  EXPECT_FALSE(FactsConflict(a, ab));  // a shortened headline drops a fact
  EXPECT_FALSE(FactsConflict(ab, a));
  EXPECT_TRUE(FactsConflict(ab, ac));  // a changed fact
  // Multisets: one "2" is contained in "2 ... 2", not the other way round
  // together with a new fact.
  EXPECT_FALSE(Conflict("2 buts en 2 minutes", "2 buts"));
  EXPECT_TRUE(Conflict("2 buts en 2 minutes", "2 buts en 3 minutes"));
}

TEST(FactsTest, CodesAreSorted) {
  const Facts f =
      FactsOf("samedi 21 fevrier 2026 : 10% de 4,43 milliards, 2-1");
  EXPECT_TRUE(std::is_sorted(f.codes.begin(), f.codes.end()));
  EXPECT_GE(f.codes.size(), 8u);
}

TEST(FactsTest, ArbitraryBytesAreSafe) {
  std::mt19937 rng(3);
  const char alphabet[] = "0123456789.,- :%h/aeimostu";
  std::string text;
  Facts facts;
  for (int round = 0; round < 20000; ++round) {
    text.clear();
    const int len = static_cast<int>(rng() % 48);
    for (int k = 0; k < len; ++k) {
      text.push_back(rng() % 16 == 0
                         ? static_cast<char>(rng() % 256)
                         : alphabet[rng() % (sizeof(alphabet) - 1)]);
    }
    ExtractFacts(text, &facts);
    ASSERT_TRUE(std::is_sorted(facts.codes.begin(), facts.codes.end()));
  }
  // Very long digit runs keep 17 significant digits and do not overflow.
  ExtractFacts(std::string(500, '9'), &facts);
  EXPECT_EQ(facts.codes.size(), 1u);
  ExtractFacts("0." + std::string(500, '1') + " 9" + std::string(400, '0') +
                   " milliards",
               &facts);
  EXPECT_EQ(facts.codes.size(), 2u);
}

// The percent markers the cross-language profile shares with the guard.
TEST(FactsTest, PercentMarkerEnd) {
  const std::string_view key = "10 pour cent de plus";
  EXPECT_EQ(PercentMarkerEnd(key, 2), 12u);  // after "pour cent"
  EXPECT_EQ(PercentMarkerEnd("10% up", 2), 3u);
  EXPECT_EQ(PercentMarkerEnd("10 % up", 2), 4u);
  EXPECT_EQ(PercentMarkerEnd("10 prozent", 2), 10u);
  EXPECT_EQ(PercentMarkerEnd("10 por ciento", 2), 13u);
  EXPECT_EQ(PercentMarkerEnd("10 percentage points", 2), 0u);
  EXPECT_EQ(PercentMarkerEnd("10 pour les", 2), 0u);
  EXPECT_EQ(PercentMarkerEnd("10", 2), 0u);
}

// ------------------------------------------------------------ entities

// Facts as the engine builds them: key facts plus entities of the original.
Facts AllFactsOf(std::string_view text) {
  Facts facts = FactsOf(text);
  AddEntityFacts(text, &facts);
  return facts;
}

bool EntityConflict(std::string_view a, std::string_view b) {
  return FactsConflict(AllFactsOf(a), AllFactsOf(b));
}

TEST(EntityFactsTest, DifferentHandlesAreDistinct) {
  // Embedded-tweet attribution lines: same template, another account.
  const std::string_view a = "\xe2\x80\x94 WikiLeaks (@wikileaks) 5 mai 2017";
  const std::string_view b = "\xe2\x80\x94 CNCCEP (@cnccep) 5 mai 2017";
  EXPECT_FALSE(Conflict(a, b));  // the numbers and the month agree
  EXPECT_TRUE(EntityConflict(a, b));
  EXPECT_FALSE(EntityConflict(a, a));
}

TEST(EntityFactsTest, DifferentPlaceOrActorIsDistinct) {
  EXPECT_TRUE(EntityConflict("Indonesian president to visit UK",
                             "Indonesian president to visit Australia"));
  EXPECT_TRUE(EntityConflict("Two trains collide near Rio de Janeiro",
                             "Two trains collide near Rome"));
  EXPECT_TRUE(EntityConflict("Hurricane Beta makes landfall in Nicaragua",
                             "Hurricane Felix makes landfall in Nicaragua"));
  // An elided article is a lower-case word: without it "Il Milan batte
  // l'Inter 2-1" read as title case (three capitals in four words) and
  // stated no entity, so the other team went unnoticed.
  EXPECT_TRUE(EntityConflict("Il Milan batte la Juventus 2-1",
                             "Il Milan batte l'Inter 2-1"));
  EXPECT_TRUE(EntityConflict("Le PSG bat l'OM 2-1", "Le PSG bat l'OL 2-1"));
  EXPECT_FALSE(EntityConflict("Il Milan batte l'Inter 2-1",
                              "Il Milan batte l'Inter 2-1 - la Repubblica"));
}

// An acronym of two or three letters that opens the headline as its subject
// is an actor, though "EU", "US" and "UN" are stop words in lower case;
// not a tag before a separator.
TEST(EntityFactsTest, OpeningAcronymIsAnActor) {
  EXPECT_TRUE(EntityConflict("EU imposes new sanctions on Russia",
                             "US imposes new sanctions on Russia"));
  EXPECT_TRUE(EntityConflict("EU approves Ukraine aid package",
                             "Germany approves Ukraine aid package"));
  EXPECT_FALSE(EntityConflict("EU approves Ukraine aid package",
                              "The EU approves Ukraine aid package"));
  EXPECT_FALSE(EntityConflict("EU approves Ukraine aid package",
                              "EU leaders approve Ukraine aid package"));
  EXPECT_FALSE(EntityConflict("AFP: Quake hits Japan", "AP: Quake hits Japan"));
}

// Roman numerals after a name are ordinals: another one is another item,
// and they meet ordinal words ("World War II" / "Second World War").
TEST(EntityFactsTest, RomanNumeralsAreOrdinals) {
  EXPECT_TRUE(EntityConflict("King Charles III visits Kenya",
                             "King Charles II visits Kenya"));
  EXPECT_TRUE(EntityConflict("Super Bowl LVII: Chiefs beat Eagles",
                             "Super Bowl LVIII: Chiefs beat Eagles"));
  EXPECT_TRUE(EntityConflict("World War II bomb found in Plymouth",
                             "Third World War fears grow in Plymouth"));
  // (Entities aside: "Second" opens the headline as a name would.)
  EXPECT_FALSE(FactsConflictIgnoringEntities(
      AllFactsOf("World War II bomb found in Plymouth"),
      AllFactsOf("Second World War bomb found in Plymouth")));
  EXPECT_FALSE(EntityConflict("King Charles III visits Kenya",
                              "King Charles visits Kenya"));
  // A lone "I" right after the name is 1.
  EXPECT_TRUE(
      EntityConflict("Queen Elizabeth II dies", "Queen Elizabeth I dies"));
  EXPECT_TRUE(EntityConflict("World War I veteran dies at 100",
                             "World War II veteran dies at 100"));
  // Not after a word in lower case or all caps, not one letter but "I"
  // after the name in its clause, not past 100, not in a non-canonical
  // spelling: these are names, or nothing.
  const ConflictCase names[] = {
      {"Trump: I will run again", "Trump: II will run again", false},
      {"Why I Quit", "Why II Quit", false},
      {"Police in XI arrest two", "Police in IV arrest two", false},
      {"POLICE IN XI ARREST TWO", "POLICE IN IV ARREST TWO", false},
      {"Why I Quit", "Why V Quit", false},
      {"Marylebone MCC votes", "Marylebone CD votes", false},
      {"Charles IIII visits", "Charles II visits", false},
      {"Charles XI visits", "Charles IV visits", true},
  };
  for (const ConflictCase& c : names) {
    EXPECT_EQ(FactsConflictIgnoringEntities(AllFactsOf(c.a), AllFactsOf(c.b)),
              c.conflict)
        << c.a << " / " << c.b;
  }
}

// Handles are written the same in every language: they conflict across
// languages too, where the entity rule does not apply.
TEST(EntityFactsTest, HandlesConflictAcrossLanguages) {
  const auto entities = [](std::string_view text) {
    Facts f;
    AddEntityFacts(text, &f);
    return f;
  };
  const Facts se = entities("SUN ELECTRIC CORP <SE> 1ST QTR JAN 32 NET");
  EXPECT_TRUE(HandlesConflict(
      se, entities("BEI HOLDINGS LTD <BEIH> 1ST QTR JAN 32 NET")));
  EXPECT_FALSE(HandlesConflict(se, entities("SUN ELECTRIC <SE> QTR NET")));
  EXPECT_FALSE(HandlesConflict(se, entities("SUN ELECTRIC CORP QTR NET")));
  // Names are no handles: another name is the entity rule's business.
  constexpr char kObama[] = "Obama visits Kenya to meet the president";
  constexpr char kTrump[] = "Trump visits Kenya to meet the president";
  EXPECT_FALSE(HandlesConflict(entities(kObama), entities(kTrump)));
  EXPECT_TRUE(EntityConflict(kObama, kTrump));
}

// A hashtag is its word's entity ("#Apple" = "Apple"), so a social feed's
// tagged copy is no new actor; another tagged word is another entity, and
// accounts stay handles.
TEST(EntityFactsTest, HashtagsAreTheirWords) {
  EXPECT_FALSE(
      EntityConflict("Apple unveils new iPhone with longer battery life",
                     "#Apple unveils new #iPhone with longer battery life"));
  EXPECT_FALSE(EntityConflict("Voters in Britain prepare for Brexit vote",
                              "Voters in Britain prepare for #Brexit vote"));
  EXPECT_TRUE(EntityConflict("#Apple unveils new phone with longer battery",
                             "#Samsung unveils new phone with longer battery"));
  const auto entities = [](std::string_view text) {
    Facts f;
    AddEntityFacts(text, &f);
    return f;
  };
  EXPECT_FALSE(HandlesConflict(entities("Markets react to #Brexit report"),
                               entities("Markets react to #Trump report")));
  EXPECT_TRUE(HandlesConflict(entities("Markets react to @Reuters report"),
                              entities("Markets react to @AP report")));
}

// Reporting periods ("Q3", "1H") and ordinal compounds ("Third-quarter")
// are facts, not actors, and neither are approximators ("Nearly").
TEST(EntityFactsTest, ReportingPeriodsAreNoEntities) {
  EXPECT_FALSE(
      EntityConflict("Q3 profit rises at Toyota on weak yen",
                     "Third-quarter profit rises at Toyota on weak yen"));
  EXPECT_FALSE(EntityConflict("H1 sales up 5% at Zara owner Inditex",
                              "First-half sales up 5% at Zara owner Inditex"));
  EXPECT_FALSE(EntityConflict("Toyota 3Q profit rises on weak yen",
                              "Toyota Q3 profit rises on weak yen"));
  EXPECT_TRUE(
      EntityConflict("Apple Q3 profit rises", "Samsung Q3 profit rises"));
  EXPECT_TRUE(Conflict("Q3 profit rises", "Q2 profit rises"));
  // Nor is a word that rounds a number, first in its headline.
  EXPECT_FALSE(EntityConflict("Nearly 100 dead in Nigeria floods",
                              "Almost 100 dead in Nigeria floods"));
  EXPECT_FALSE(EntityConflict("Casi 100 muertos en Nigeria",
                              "Cerca de 100 muertos en Nigeria"));
}

// Opening codes: another first word before the same second word is
// another actor on the template; the same first four letters, another
// second word, or one side without a code is none.
TEST(EntityFactsTest, OpeningSubstitution) {
  const auto opening = [](std::string_view first, std::string_view second) {
    Facts f;
    AddOpeningCode(first, second, &f);
    return f;
  };
  EXPECT_TRUE(OpeningSubstituted(opening("apple", "shares"),
                                 opening("amazon", "shares")));
  EXPECT_TRUE(OpeningSubstituted(opening("bp", "profits"),
                                 opening("shell", "profits")));
  EXPECT_FALSE(OpeningSubstituted(opening("iranian", "nuclear"),
                                  opening("iran", "nuclear")));
  EXPECT_FALSE(OpeningSubstituted(opening("chinese", "court"),
                                  opening("court", "upholds")));
  EXPECT_FALSE(OpeningSubstituted(opening("apple", "shares"),
                                  opening("apple", "shares")));
  EXPECT_FALSE(OpeningSubstituted(opening("apple", "shares"), Facts{}));
  EXPECT_TRUE(HasOpeningCode(opening("apple", "shares")));
  EXPECT_FALSE(HasOpeningCode(Facts{}));
  // The code is no fact of any other kind, and keeps the codes sorted.
  Facts a = FactsOf("Apple shares fall 3% in early trade, down 2 days");
  const Facts plain = a;
  AddOpeningCode("apple", "shares", &a);
  EXPECT_TRUE(std::is_sorted(a.codes.begin(), a.codes.end()));
  EXPECT_FALSE(FactsConflict(a, plain));
  EXPECT_FALSE(FactsConflict(plain, a));
  EXPECT_FALSE(FactsConflictIgnoringEntities(a, plain));
  EXPECT_FALSE(NegationConflict(a, plain));
}

// Month and weekday names are facts, not entities: dropping the day is no
// new actor, and another day is still a fact conflict.
TEST(EntityFactsTest, MonthsAndWeekdaysAreNoEntities) {
  EXPECT_FALSE(EntityConflict("Castro celebrates 86th birthday Monday",
                              "Fidel Castro celebrates 86th birthday"));
  EXPECT_FALSE(EntityConflict("Castro celebrates 86th birthday in March",
                              "Fidel Castro celebrates 86th birthday"));
  EXPECT_TRUE(EntityConflict("Castro celebrates 86th birthday Monday",
                             "Castro celebrates 86th birthday Tuesday"));
  EXPECT_TRUE(EntityConflict("Castro celebrates birthday",
                             "Chavez celebrates birthday"));
}

// A typo in a name makes another entity code ("vanu" / "vana": 4 sorted
// letters); EntityChangesExplained tells the engine whether the conflict
// comes from given words only.
TEST(EntityFactsTest, TypoEntityChangesAreExplainedByTheirWords) {
  const Facts a = AllFactsOf("Prime Minister of Vanuatu loses seat");
  const Facts b = AllFactsOf("Prime Minister of Vanautu loses seat");
  ASSERT_TRUE(FactsConflict(a, b));
  const std::uint32_t vanuatu = EntityCodeOfWord("vanuatu");
  const std::uint32_t vanautu = EntityCodeOfWord("vanautu");
  EXPECT_NE(vanuatu, vanautu);
  EXPECT_EQ(EntityCodeOfWord("trump's"), EntityCodeOfWord("trump"));
  EXPECT_EQ(EntityCodeOfWord("a"), 0u);  // a single letter is no entity
  const std::uint32_t own[] = {vanuatu}, other[] = {vanautu};
  EXPECT_TRUE(EntityChangesExplained(a, b, own, other));
  EXPECT_FALSE(EntityChangesExplained(a, b, own, {}));
  EXPECT_FALSE(EntityChangesExplained(a, b, {}, other));
  // Another actor besides the typo is not explained by it.
  const Facts c = AllFactsOf("Prime Minister of Vanautu loses seat to Tonga");
  const Facts d = AllFactsOf("Prime Minister of Vanuatu loses seat to Fiji");
  EXPECT_FALSE(EntityChangesExplained(d, c, own, other));
}

TEST(EntityFactsTest, SourceTagsAndEditsStayCompatible) {
  const std::string_view a = "Indonesian president to visit UK";
  EXPECT_FALSE(EntityConflict(a, "Indonesian president to visit UK | Reuters"));
  EXPECT_FALSE(EntityConflict(a, "Indonesian president to visit UK - Le360"));
  EXPECT_FALSE(EntityConflict(a, "VIDEO. Indonesian president to visit UK"));
  EXPECT_FALSE(EntityConflict(a, "Indonesian president to visit UK (AFP)"));
  // Two copies tagged by different sources.
  EXPECT_FALSE(EntityConflict("Indonesian president to visit UK | Reuters",
                              "Indonesian president to visit UK - AP"));
  // Lower-cased copy, possessive, adjacent-letter typo.
  EXPECT_FALSE(EntityConflict(a, "indonesian president to visit uk"));
  EXPECT_FALSE(EntityConflict("Trump meets Putin in Helsinki",
                              "Trump's meeting with Putin in Helsinki"));
  EXPECT_FALSE(EntityConflict("Gun attack at Iranian election office",
                              "Gun attack at Irnaian election office"));
}

TEST(EntityFactsTest, HeadlineFirstWordIsAnActor) {
  // Headlines open with their actor: a different first word is a different
  // item, unless it is a stop word ("The", "Les") or the other side
  // mentions it anywhere.
  EXPECT_TRUE(
      EntityConflict("Aust stocks open lower", "Tokyo stocks open lower"));
  EXPECT_TRUE(EntityConflict("Venezuelan president to visit China",
                             "Senegalese president to visit China"));
  EXPECT_FALSE(EntityConflict("The president to visit China",
                              "A president to visit China"));
  EXPECT_FALSE(EntityConflict("Obama visits Kenya", "Kenya welcomes Obama"));
  // A word with a capital after a lower-case first letter is a name too.
  EXPECT_TRUE(EntityConflict("iPhone sales slump in China",
                             "iPad sales slump in China"));
  EXPECT_TRUE(
      EntityConflict("eBay to cut 2,400 jobs", "PayPal to cut 2,400 jobs"));
  EXPECT_FALSE(EntityConflict("Apple says iPhone sales slump in China",
                              "iPhone sales slump in China, Apple says"));
  // A name with an ampersand is one word ("AT&T", not "AT" and "T").
  EXPECT_TRUE(EntityConflict("AT&T raises wireless prices",
                             "Verizon raises wireless prices"));
  EXPECT_TRUE(EntityConflict("H&M profit falls 20%", "Zara profit falls 20%"));
  EXPECT_FALSE(EntityConflict("AT&T raises wireless prices",
                              "AT&T's raises wireless prices"));
  // Other sentence starts stay mentions: "Protesters" after the colon.
  EXPECT_FALSE(EntityConflict("Cairo: Protesters clash with police",
                              "Cairo: Students clash with police"));
}

// With a name test (CrossLingual::IsName in the engine), the first word is
// an actor only when it is a name: "Chinese" (here) and "Iconic" are
// words, so these are copies; "Peru" and "Ankara" are places, so these are
// not.
TEST(EntityFactsTest, FirstWordIsAnActorOnlyWhenANameWithANameTest) {
  const auto is_name = [](std::string_view word) {
    return word == "peru" || word == "ankara";
  };
  const auto conflict = [&](std::string_view a, std::string_view b) {
    Facts fa, fb;
    AddEntityFacts(a, &fa, is_name);
    AddEntityFacts(b, &fb, is_name);
    return FactsConflict(fa, fb);
  };
  constexpr char kChinese[] = "Chinese court upholds death penalties";
  constexpr char kCourt[] = "Court upholds death sentences";
  EXPECT_TRUE(EntityConflict(kChinese, kCourt));  // without the test
  EXPECT_FALSE(conflict(kChinese, kCourt));
  constexpr char kIconic[] =
      "Iconic science fiction writer Ray Bradbury dies at 91";
  constexpr char kLegend[] = "Science fiction legend Ray Bradbury dead at 91";
  EXPECT_TRUE(EntityConflict(kIconic, kLegend));
  EXPECT_FALSE(conflict(kIconic, kLegend));
  EXPECT_TRUE(conflict("Peru protesters clash with police",
                       "Ankara protesters clash with police"));
  // Other capitalized words are entities as before.
  EXPECT_TRUE(conflict("Chinese court upholds ruling against Li",
                       "Chinese court upholds ruling against Wang"));
}

// In title case or all caps no word is an entity, but the first word is
// still read for the engine's openings: *first_word gets it when the name
// test calls it a name, and nothing is asserted from it.
TEST(EntityFactsTest, FirstWordOfCapitalsOrTitleCaseOnlyOpens) {
  const auto is_name = [](std::string_view word) {
    return word == "telefonica" || word == "merkel";
  };
  const auto first_word = [&](std::string_view text, Facts* f) {
    std::string first;
    AddEntityFacts(text, f, is_name, &first);
    return first;
  };
  Facts caps, title, word, month, sentence;
  EXPECT_EQ(first_word("TELEFONICA UNIT SELLS 200 MLN EURO BOND", &caps),
            "telefonica");
  EXPECT_EQ(first_word("Merkel's Party Wins Hesse Vote", &title), "merkel");
  EXPECT_EQ(first_word("APPLE UNIT SELLS 200 MLN EURO BOND", &word), "");
  EXPECT_EQ(first_word("MARCH 3: TELEFONICA UNIT SELLS BOND", &month), "");
  for (const Facts* f : {&caps, &title, &word, &month}) {
    EXPECT_TRUE(f->codes.empty());  // no entity asserted
  }
  // Sentence case as before: the first word is an asserted actor.
  EXPECT_EQ(first_word("Merkel welcomes Macron to Berlin", &sentence),
            "merkel");
  EXPECT_FALSE(sentence.codes.empty());
}

// With a country test (CrossLingual::CountryFeatureOfWord in the engine),
// a word that names a country is linked to it, and a headline that names
// the country (its place, AddPlaceEntities) does not lack that word's
// entity: "UK" and "Britain" are one actor. The place features here are
// made up: 1 for the UK, 2 for the US, 3 for Germany.
TEST(EntityFactsTest, CountryNamesAreOneActorWhereBothNameTheCountry) {
  const auto country = [](std::string_view word) -> std::uint64_t {
    if (word == "uk" || word == "britain" || word == "british") return 1;
    if (word == "us" || word == "usa") return 2;
    return word == "germany" ? 3 : 0;
  };
  // The facts of `text`, which names the countries `places` (as
  // CrossLingual::AddPlaceFacts and AddAcronymPlaces find them).
  const auto facts_of = [&](std::string_view text,
                            std::vector<PlaceFact> places) {
    Facts f = FactsOf(text);
    std::string first;
    AddEntityFacts(
        text, &f, [](std::string_view) { return true; }, &first, country);
    AddPlaceEntities(places, &f);
    return f;
  };
  const PlaceFact uk{1, PlaceFact::kCountry}, us{2, PlaceFact::kCountry},
      germany{3, PlaceFact::kCountry};
  const auto conflict = [](const Facts& a, const Facts& b) {
    return FactsConflict(a, b);
  };
  const Facts uk_bans = facts_of("UK to ban Islamist group after attack", {uk});
  EXPECT_FALSE(conflict(
      uk_bans, facts_of("Britain to ban Islamist group after attack", {uk})));
  EXPECT_FALSE(conflict(
      uk_bans, facts_of("U.K. to ban Islamist group after attack", {uk})));
  EXPECT_FALSE(conflict(facts_of("British police arrest Islamist leader", {uk}),
                        facts_of("UK police arrest Islamist leader", {uk})));
  // Another country, or another actor, is another item.
  EXPECT_TRUE(conflict(
      uk_bans, facts_of("US to ban Islamist group after attack", {us})));
  EXPECT_TRUE(
      conflict(facts_of("EU approves Ukraine aid package", {}),
               facts_of("Germany approves Ukraine aid package", {germany})));
  EXPECT_TRUE(
      conflict(facts_of("USA and UK agree trade deal", {us, uk}),
               facts_of("USA and Germany agree trade deal", {us, germany})));
  // The link needs the other headline to name the country: a country it
  // only implies (through a region, "Texas") excuses nothing, nor does a
  // headline without places (as without the country test).
  EXPECT_TRUE(conflict(
      facts_of("US lawmakers back gun ban", {us}),
      facts_of("Texas lawmakers back gun ban",
               {{9, PlaceFact::kRegion}, {2, PlaceFact::kCountry, true}})));
  EXPECT_TRUE(conflict(
      uk_bans, facts_of("Britain to ban Islamist group after attack", {})));
  // Links and country mentions are no places: they never conflict as such.
  EXPECT_FALSE(PlacesConflict(
      uk_bans, facts_of("Britain to ban Islamist group after attack", {uk})));
}

// Title case capitalizes first letters only, so a word in capitals there
// was written so: an acronym, an actor of the headline.
TEST(EntityFactsTest, AcronymsInTitleCaseAreActors) {
  EXPECT_TRUE(
      EntityConflict("UK To Ban Islamist Group", "US To Ban Islamist Group"));
  EXPECT_TRUE(EntityConflict("NFL Star Arrested After Crash",
                             "NBA Star Arrested After Crash"));
  EXPECT_FALSE(EntityConflict("UK To Ban Islamist Group",
                              "UK To Ban Islamist Group Within Weeks"));
  // Not in all caps, where every word is in capitals, nor in a sentence
  // dense with names (longer words in lower case), where acronyms are
  // mentioned only, as before ("GOP" / "Republican" is one party).
  EXPECT_FALSE(
      EntityConflict("UK TO BAN ISLAMIST GROUP", "US TO BAN ISLAMIST GROUP"));
  EXPECT_FALSE(EntityConflict("Mitt Romney wins Maryland GOP primary",
                              "Romney wins Maryland Republican primary"));
  // A Roman numeral is an ordinal (its own fact), not an actor.
  EXPECT_FALSE(EntityConflict("World War II Veteran Dies At 104",
                              "WWII Veteran Dies At 104"));
  // Beside the acronym, the other capitals are mentioned: a copy in
  // sentence case that names them asserts nothing the title lacks.
  EXPECT_FALSE(
      EntityConflict("'Titanfall' To Launch Tuesday; Can Xbox One Top The PS4?",
                     "'Titanfall' launches on Xbox One"));
}

TEST(EntityFactsTest, SentenceStartAndAcronymsOnlyMention) {
  // A capital that starts a later sentence proves nothing, but still shows
  // the entity is there: the other side's "Syria" and "Assad" are not new.
  EXPECT_FALSE(
      EntityConflict("Assad says Syria will comply with UN resolution",
                     "Syria's Assad vows to comply with U.N. resolution"));
  // "BoE" is the initials of "Bank of England".
  EXPECT_FALSE(
      EntityConflict("Carney sets high bar to change at BoE",
                     "Carney sets high bar to change at Bank of England"));
}

// A text in lower-case ASCII has entity codes only from handles (the
// entity walk is skipped for one with no capital and no handle's mark).
TEST(EntityFactsTest, LowerCaseAsciiAddsOnlyHandles) {
  Facts facts;
  AddEntityFacts("police name drowning victim in sydney, 2 held", &facts);
  EXPECT_TRUE(facts.codes.empty());
  AddEntityFacts("mayor says: 'no comment' (afp) | reuters", &facts);
  EXPECT_TRUE(facts.codes.empty());
  for (const char* handle : {"@wikileaks", "#brexit", "$aapl", "<fedf.o>"}) {
    facts.clear();
    AddEntityFacts(std::string("markets react to ") + handle + " report",
                   &facts);
    EXPECT_EQ(facts.codes.size(), 1u) << handle;
  }
}

TEST(EntityFactsTest, TitleCaseAndAllCapsAddNothing) {
  Facts facts;
  AddEntityFacts("Monday Afternoon Business Brief", &facts);
  EXPECT_TRUE(facts.codes.empty());
  AddEntityFacts("STANDARD OIL TO FORM FINANCIAL UNIT", &facts);
  EXPECT_TRUE(facts.codes.empty());
  // Another word in title case is no other entity (the time of day is a
  // fact of its own: PolarityFactsTest.TimesOfDay).
  EXPECT_FALSE(EntityConflict("Monday Afternoon Business Brief",
                              "Monday Afternoon Markets Brief"));
}

TEST(EntityFactsTest, WireTickerTags) {
  EXPECT_TRUE(EntityConflict("<PREMDOR INC> 4TH QTR NET",
                             "DAHLBERG INC <DAHL> 4TH QTR NET"));
  // The exchange suffix varies between copies.
  EXPECT_FALSE(EntityConflict("FEDERATED FINANCIAL SAVINGS <FEDF.O> PAYOUT",
                              "FEDERATED FIN'L SAVINGS <FEDF> PAYOUT"));
}

// A verb's negation on one side only (NegationConflict, which the engine
// asks of otherwise identical headlines); a determiner's ("No reunion"), a
// cut copy (also before a source tag), "U.N." and "gov't" are no negation,
// and a typo'd "never" still is one.
TEST(EntityFactsTest, NegationConflict) {
  const ConflictCase cases[] = {
      {"Trump will attend G7 summit in Canada",
       "Trump will not attend G7 summit in Canada", true},
      {"Trump will attend G7 summit in Canada",
       "Trump won't attend G7 summit in Canada", true},
      {"Macron assistera au sommet du G7",
       "Macron n'assistera pas au sommet du G7", true},
      {"Merkel kommt zum G7-Gipfel", "Merkel kommt nicht zum G7-Gipfel", true},
      {"Pluto is a planet, astronomers say",
       "Pluto is no longer a planet, astronomers say", true},
      {"Museum returns looted artefacts",
       "Museum refuses to return looted artefacts", true},
      {"Rocket reaches orbit", "Rocket fails to reach orbit", true},
      {"Apple refuses to comment on report",
       "Apple declines to comment on report", false},
      {"Museum refuses to return looted artefacts",
       "Museum refusses to return looted artefacts", false},
      {"FRENCH T-BILL RATE FALLS TO 7.69 PCT",
       "FRENCH T-BILL RATE FALS TO 7.69 PCT", false},
      {"You Will Never Guess This Trick", "You Will Nevr Guess This Trick",
       false},
      {"Trump will not attend G7 summit in Canada", "Trump will...", false},
      // Cut before a source tag.
      {"Trump will not attend G7 summit in Canada", "Trump will... - AP",
       false},
      {"Trump will not attend G7 summit in Canada",
       "Trump will not... | Reuters", false},
      // A hyphenated prefix is no negation.
      {"Group opens new shelter in Leeds",
       "Non-profit group opens new shelter in Leeds", false},
      // An ellipsis inside the headline cuts nothing.
      {"Fed: rates... will not rise this year",
       "Fed: rates... will rise this year", true},
      {"Survivors found after quake", "No survivors found after quake", false},
      {"U.N. condemns killings", "UN condemns killings", false},
      {"US gov't officially designates network",
       "US officially designates network", false},
      {"Dengue fever spreads in Brazil", "Dengue spreads in Brazil", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NegationConflict(FactsOf(c.a), FactsOf(c.b)), c.conflict)
        << c.a << " / " << c.b;
    EXPECT_FALSE(FactsConflict(FactsOf(c.a), FactsOf(c.b)))
        << "not part of FactsConflict: " << c.a;
  }
}

// Spanish "no" is also English "no" (a determiner) and Portuguese "no" (in
// the). In a Spanish headline it negates any verb, but "no obstante"
// (nevertheless) and "no solo" (not only); where the language is unknown,
// only before a clitic, an auxiliary or a copula ("no se", "no es", "no
// hay").
TEST(EntityFactsTest, SpanishNoNegates) {
  const int spa = static_cast<int>(StopLang::kSpa);
  const int por = static_cast<int>(StopLang::kPor);
  const int eng = static_cast<int>(StopLang::kEng);
  const auto conflict = [](std::string_view a, std::string_view b, int lang) {
    return NegationConflict(FactsIn(a, lang), FactsIn(b, lang));
  };
  EXPECT_TRUE(conflict(U8(u8"Trump asistirá a la cumbre del G20"),
                       U8(u8"Trump no asistirá a la cumbre del G20"), spa));
  EXPECT_TRUE(conflict("El Senado aprueba la reforma laboral",
                       "El Senado no aprueba la reforma laboral", spa));
  EXPECT_FALSE(conflict("Las bolsas suben pese a la crisis",
                        "Las bolsas suben, no obstante la crisis", spa));
  EXPECT_FALSE(conflict(U8(u8"El paro sube en España y en Italia"),
                        U8(u8"El paro sube no sólo en España"), spa));
  // Language unknown (near mode).
  EXPECT_TRUE(conflict("La vacuna es segura", "La vacuna no es segura", -1));
  EXPECT_TRUE(conflict(U8(u8"El presidente se presentará a la reelección"),
                       U8(u8"El presidente no se presentará a la reelección"),
                       -1));
  EXPECT_TRUE(conflict("Hay heridos tras el terremoto",
                       "No hay heridos tras el terremoto", -1));
  EXPECT_FALSE(conflict(U8(u8"Trump asistirá a la cumbre del G20"),
                        U8(u8"Trump no asistirá a la cumbre del G20"), -1))
      << "a future tense is no closed class";
  // Portuguese "no", English "no": no negation.
  for (const int lang : {por, -1}) {
    EXPECT_FALSE(conflict(U8(u8"Incêndio destrói armazém"),
                          U8(u8"Incêndio no Porto destrói armazém"), lang));
  }
  for (const int lang : {eng, -1}) {
    EXPECT_FALSE(
        conflict("Deal reached on hostages", "No deal on hostages", lang));
  }
}

// Role order: the same two runs of names on either side of the same words,
// swapped, are other roles; a relation that holds both ways, a comma, or
// another wording gives no order; across languages (the fact guard of the
// cross-language channel) role order never counts.
TEST(EntityFactsTest, SwappedRolesConflict) {
  const ConflictCase cases[] = {
      {"Manchester United beat Chelsea in FA Cup final",
       "Chelsea beat Manchester United in FA Cup final", true},
      {"Serena Williams beats Venus Williams at Wimbledon",
       "Venus Williams beats Serena Williams at Wimbledon", true},
      {"Chelsea at Arsenal on Sunday", "Arsenal at Chelsea on Sunday", true},
      {"Nadal bat Federer en finale", "Federer bat Nadal en finale", true},
      // An elided article before a name is a stop word between the runs,
      // as "la" is ("bat l'Irlande" / "bat la France").
      {"Rugby : la France bat l'Irlande", "Rugby : l'Irlande bat la France",
       true},
      // The typographic apostrophe (U+2019) elides the same way.
      {"Rugby : la France bat l\xe2\x80\x99Irlande",
       "Rugby : l\xe2\x80\x99Irlande bat la France", true},
      {"Rugby : la France bat l\xe2\x80\x99Irlande",
       "Rugby : la France bat l'Irlande", false},
      {"Derby: il Milan batte l'Inter", "Derby: l'Inter batte il Milan", true},
      {"Real Madrid 2-1 Barcelona", "Barcelona 2-1 Real Madrid", true},
      {"Bayern 2:1 Dortmund", "Dortmund 2:1 Bayern", true},
      {"Obama meets Putin in Geneva", "Putin meets Obama in Geneva", false},
      {"Justin Bieber and Selena Gomez dance in Texas",
       "Selena Gomez and Justin Bieber dance in Texas", false},
      {"Nadal affronte Federer en finale", "Federer affronte Nadal en finale",
       false},
      {"Chelsea, Arsenal win derby", "Arsenal, Chelsea win derby", false},
      {"Manchester United beat Chelsea", "Chelsea lose to Manchester United",
       false},
      {"Manchester United beat Chelsea", "Manchester United beat Chelsea",
       false},
      // Title case: a capitalized verb joins the names, no order is read.
      {"Chelsea Beat Arsenal in Final", "Arsenal Beat Chelsea in Final", false},
  };
  for (const auto& c : cases) {
    const Facts a = AllFactsOf(c.a), b = AllFactsOf(c.b);
    EXPECT_EQ(RoleOrderConflict(a, b), c.conflict) << c.a << " / " << c.b;
    EXPECT_EQ(FactsConflict(a, b), c.conflict) << c.a << " / " << c.b;
    EXPECT_FALSE(FactsConflictIgnoringEntities(a, b)) << c.a;
  }
}

// A score's two sides are its teams even where the headline reads as
// title case ("Celtic 2-1 Rangers": every cased word a capital), and a
// spaced score's dash is no source-tag separator ("Ayr 38 - 17 Melrose");
// not in true title case, where the words around a score are anything.
TEST(EntityFactsTest, ScoreLinesNameTheirTeams) {
  EXPECT_TRUE(EntityConflict("Celtic 2-1 Rangers", "Celtic 2-1 Hibernian"));
  EXPECT_TRUE(EntityConflict("Ayr 38 - 17 Melrose", "Ayr 38 - 17 Hawick"));
  EXPECT_TRUE(EntityConflict("Manchester United 2-1 Chelsea",
                             "Manchester United 2-1 Arsenal"));
  EXPECT_FALSE(
      EntityConflict("Celtic 2-1 Rangers", "Celtic 2-1 Rangers | Reuters"));
  EXPECT_FALSE(EntityConflict("Lakers Fire Coach Mike Brown After 1-4 Start",
                              "Lakers fire Mike Brown after 1-4 start"));
  // A score that ends the headline follows a team (three capitals in four
  // cased words read as title case).
  EXPECT_TRUE(EntityConflict("Le PSG bat Lyon 2-1", "Le PSG bat Nantes 2-1"));
  EXPECT_TRUE(EntityConflict("PSG beat Lyon 2-1", "PSG beat Nantes 2-1"));
  EXPECT_FALSE(
      EntityConflict("Le PSG bat Lyon 2-1", "Le PSG bat Lyon 2-1 - Le360"));
  EXPECT_FALSE(EntityConflict("PSG beat Lyon 2-1", "PSG beat Lyon 2-1"));
}

TEST(EntityFactsTest, CrossLanguageIgnoresEntities) {
  const Facts fr = AllFactsOf(
      "La Su\xc3\xa8"
      "de bat la Norv\xc3\xa8"
      "ge 3-1");
  const Facts en = AllFactsOf("In football, Sweden beat Norway 3-1");
  const Facts en2 = AllFactsOf("In football, Sweden beat Norway 3-2");
  EXPECT_TRUE(FactsConflict(fr, en));  // spellings differ across languages
  EXPECT_FALSE(FactsConflictIgnoringEntities(fr, en));
  EXPECT_TRUE(
      FactsConflictIgnoringEntities(fr, en2));  // the score still counts
}

// Antonym facts (PolarityEntry, packed two per code by AddPolarityEntries;
// the engine adds them from the lexicon's WordNet rows): a headline that
// takes only one side of an axis conflicts with one that takes only the
// other; both sides, or no side, never do.
// Places (CrossLingual::AddPlaceFacts) conflict level by level, when each
// headline names a place of that level the other does not; they are no
// entities for the typo search.
TEST(PlaceFactsTest, PlacesConflictLevelByLevel) {
  const auto facts = [](std::initializer_list<PlaceFact> places) {
    Facts f;
    f.codes = {7};  // a number fact stays, and the codes stay sorted
    AddPlaceEntities(std::vector<PlaceFact>(places), &f);
    EXPECT_TRUE(std::is_sorted(f.codes.begin(), f.codes.end()));
    return f;
  };
  constexpr PlaceFact kBelgium{101, PlaceFact::kCountry};
  constexpr PlaceFact kSpain{102, PlaceFact::kCountry};
  constexpr PlaceFact kDelhi{201, PlaceFact::kRegion};
  constexpr PlaceFact kNewDelhi{301, PlaceFact::kCity};
  constexpr PlaceFact kMumbai{302, PlaceFact::kCity};
  EXPECT_TRUE(PlacesConflict(facts({kBelgium}), facts({kSpain})));
  EXPECT_TRUE(FactsConflict(facts({kBelgium}), facts({kSpain})));
  EXPECT_FALSE(
      FactsConflictIgnoringEntities(facts({kBelgium}), facts({kSpain})));
  // Dropping a place, or naming one more, is no change.
  EXPECT_FALSE(PlacesConflict(facts({kBelgium}), facts({kBelgium, kSpain})));
  EXPECT_FALSE(PlacesConflict(facts({}), facts({kSpain})));
  EXPECT_FALSE(PlacesConflict(facts({kBelgium, kBelgium}), facts({kBelgium})));
  // Places of two levels never conflict; two of one level do.
  EXPECT_FALSE(PlacesConflict(facts({kNewDelhi}), facts({kDelhi})));
  EXPECT_TRUE(
      PlacesConflict(facts({kNewDelhi, kBelgium}), facts({kMumbai, kBelgium})));
  // Not entities: the typo search's test ignores them.
  EXPECT_TRUE(
      EntityChangesExplained(facts({kBelgium}), facts({kSpain}), {}, {}));
}

// Closed-class side words (antonym entries without the lexicon): "up" /
// "down" before an amount are "rise" / "fall"; "more than" / "less than"
// and their like before an amount, "before" / "after" in four languages,
// and English news verbs ("raises" / "cuts", "approves" / "rejects")
// take opposite sides; a headline that says neither, or both, takes no
// side, nor does "up to 50".
TEST(PolarityFactsTest, SideWords) {
  const ConflictCase cases[] = {
      {"FTSE 100 up 0.5% at midday", "FTSE 100 down 0.5% at midday", true},
      {"wall st up by 50 points", "wall st down 50 points", true},
      {"More than 100 dead in Nigeria floods",
       "Less than 100 dead in Nigeria floods", true},
      {"Over 100 dead in Nigeria floods", "Under 100 dead in Nigeria floods",
       true},
      {"Plus de 100 morts au Nigeria", "Moins de 100 morts au Nigeria", true},
      {"Police arrest man before football match",
       "Police arrest man after football match", true},
      {"Detenido un hombre antes del partido",
       "Detenido un hombre despues del partido", true},
      {"FTSE 100 up 0.5% at midday", "FTSE 100 up 0.5% at midday | Reuters",
       false},
      {"FTSE 100 up 0.5% at midday", "FTSE 100 0.5% higher at noon", false},
      {"up to 50 dead in floods", "50 dead in floods", false},
      {"up to 50 dead in floods", "down to 50 survivors", false},
      {"More than 100 dead in Nigeria floods", "100 dead in Nigeria floods",
       false},
      {"Over the weekend 100 dead", "Under the rubble 100 dead", false},
      // English news verbs on their axes.
      {"Central bank raises interest rates", "Central bank cuts interest rates",
       true},
      {"Senate approves budget bill", "Senate rejects budget bill", true},
      {"Suspect arrested over Paris attack",
       "Suspect released over Paris attack", true},
      {"Netflix shares jump 10% after earnings",
       "Netflix shares slump 10% after earnings", true},
      {"Labour wins Sheffield by-election",
       "Labour loses Sheffield by-election", true},
      // And in the five other languages.
      {"El Barcelona gana al Sevilla", "El Barcelona pierde ante el Sevilla",
       true},
      {"Bayern gewinnt gegen Dortmund", "Bayern verliert gegen Dortmund", true},
      {"Il governo approva la riforma delle pensioni",
       "Il governo boccia la riforma delle pensioni", true},
      {"Le Parlement approuve la loi", "Le Parlement rejette la loi", true},
      {"Le Senat adopte la reforme", "Le Senat rejette la reforme", true},
      {"La BCE releve ses taux", "La BCE abaisse ses taux", true},
      {"Le chomage recule en France", "Le chomage progresse en France", true},
      {"El Ibex 35 avanza un 1%", "El Ibex 35 retrocede un 1%", true},
      {"Benfica vence o Porto", "Benfica perde com o Porto", true},
      {"La Bolsa abre con subidas", "La Bolsa abre con caidas", true},
      {"Man jailed for life over Manchester stabbing",
       "Man cleared over Manchester stabbing", true},
      {"Ryanair cancels flights to Tel Aviv",
       "Ryanair resumes flights to Tel Aviv", true},
      {"Ryanair cancels flights to Tel Aviv",
       "Ryanair suspends flights to Tel Aviv", false},
      {"Senate passes spending bill", "Senate blocks spending bill", true},
      {"Union accepts pay offer", "Union rejects pay offer", true},
      {"Court upholds ban on protest", "Court overturns ban on protest", true},
      {"Apple beats revenue estimates", "Apple misses revenue estimates", true},
      {"President to attend climate summit", "President to skip climate summit",
       true},
      {"Airport reopens after drone sightings",
       "Airport closes after drone sightings", true},
      {"Flood warnings issued across England",
       "Flood warnings lifted across England", true},
      {"Senate passes spending bill", "Senate approves spending bill", false},
      {"Suspect charged over London shooting",
       "Suspect released over London shooting", true},
      {"Trump wins Iowa caucuses", "Trump leads Iowa caucuses", true},
      {"Government confirms plan to raise pension age",
       "Government denies plan to raise pension age", true},
      {"China exports rise in May", "China imports rise in May", true},
      {"Police search for missing woman in Leeds",
       "Police find missing woman in Leeds", true},
      {"Eurozone economy grows 0.3%", "Eurozone economy shrinks 0.3%", true},
      {"Gunman opens fire, killing 14", "Gunman opens fire, injuring 14", true},
      {"Ofcom launches investigation into BBC",
       "Ofcom closes investigation into BBC", true},
      {"Netflix gains 13 million subscribers",
       "Netflix loses 13 million subscribers", true},
      {"Amazon opens new warehouse in Bristol",
       "Amazon shuts warehouse in Bristol", true},
      {"Microsoft completes Activision deal",
       "Microsoft abandons Activision deal", true},
      {"Heatwave to end on Friday", "Heatwave to continue on Friday", true},
      {"Ceasefire extended by two days", "Ceasefire ends after two days", true},
      {"Biden signs executive order on AI",
       "Biden revokes executive order on AI", true},
      {"Court grants bail to former minister",
       "Court denies bail to former minister", true},
      {"UN Security Council adopts Gaza resolution",
       "US vetoes UN Security Council Gaza resolution", true},
      {"Supreme Court allows Trump on ballot",
       "Supreme Court bars Trump from ballot", true},
      // And in the five other languages.
      {"Le gouvernement confirme la hausse des taxes",
       "Le gouvernement dement la hausse des taxes", true},
      {"La justicia concede la libertad al exministro",
       "La justicia deniega la libertad al exministro", true},
      {"Biden firma la orden ejecutiva", "Biden revoca la orden ejecutiva",
       true},
      {"La Chine exporte plus de voitures", "La Chine importe plus de voitures",
       true},
      {"Il Tribunale conferma la condanna", "Il Tribunale annulla la condanna",
       true},
      {"La police recherche un homme disparu",
       "La police retrouve un homme disparu", true},
      {"La economia crece un 0,5%", "La economia se contrae un 0,5%", true},
      {"Le PSG mene 2-0 a la mi-temps", "Le PSG gagne 2-0 a la mi-temps", true},
      {"El Gobierno confirma la subida", "Government confirms the rise", false},
      {"Streik bei der Bahn beendet", "Streik bei der Bahn verlangert", true},
      {"Wirtschaft wachst im dritten Quartal",
       "Wirtschaft schrumpft im dritten Quartal", true},
      // German separable verbs: the particle that ends the clause joins
      // its verb ("lehnt ... ab" rejects, "stimmt ... zu" approves).
      {"Bundestag stimmt Rentenreform zu", "Bundestag lehnt Rentenreform ab",
       true},
      {"Regierung weist Vorwurfe zuruck", "Regierung bestatigt Vorwurfe",
       false},
      {"Bundestag weist Antrag zuruck", "Bundestag billigt Antrag", true},
      {"Bundestag lehnt Rentenreform ab", "Rentenreform im Bundestag abgelehnt",
       false},
      {"Bundestag lehnt Rentenreform ab - Reuters",
       "Bundestag stimmt Rentenreform zu", true},
      {"Die Aktie legt um 5 Prozent zu", "Die Aktie gibt um 5 Prozent nach",
       true},
      {"Lufthansa nimmt Fluge nach Tel Aviv wieder auf",
       "Lufthansa stellt Fluge nach Tel Aviv ein", true},
      {"Polizei nimmt Verdachtigen fest, Ermittlungen laufen",
       "Polizei lasst Verdachtigen frei", true},
      {"Regierung fuhrt Mautgebuhr ein", "Regierung schafft Mautgebuhr ab",
       true},
      {"Streik: Verdi kundigt Warnstreik an",
       "Streik: Verdi sagt Warnstreik ab", true},
      // "fällt ... aus" is cancelled, not "fällt" (falls): no side against
      // "steigt" (rises), and cancelled against resumed.
      {"Zug nach Berlin fallt aus", "Zug nach Berlin steigt", false},
      {"Konzert fallt aus", "Konzert wird wiederaufgenommen", true},
      // A particle that does not end its clause joins nothing: "ein" is
      // an article here, not the particle of "stellt ... ein" (halts).
      {"Firma stellt ein neues Modell vor",
       "Firma nimmt ein neues Modell wieder auf", false},
      {"Union announces strike at Heathrow", "Union cancels strike at Heathrow",
       true},
      {"Lakers hire coach Mike Brown", "Lakers fire coach Mike Brown", true},
      {"Prime Minister survives no-confidence vote",
       "Prime Minister loses no-confidence vote", true},
      {"Prime Minister survives no-confidence vote",
       "Prime Minister resigns after no-confidence vote", true},
      {"Ministerprasident tritt nach Misstrauensvotum zuruck",
       "Ministerprasident ubersteht Misstrauensvotum", true},
      {"Airline expands flights to Asia", "Airline reduces flights to Asia",
       true},
      {"Union votes for strike action", "Union votes against strike action",
       true},
      {"Bayern draw with Dortmund", "Bayern lose to Dortmund", true},
      {"Bayern draw with Dortmund", "Bayern beat Dortmund", true},
      {"El Betis empata con el Sevilla", "El Betis gana al Sevilla", true},
      {"Bayern beat Dortmund", "Dortmund lose to Bayern", false},
      {"Ceasefire holds in Gaza", "Ceasefire collapses in Gaza", true},
      {"Trump indicted in Georgia election case",
       "Trump acquitted in Georgia election case", true},
      {"Amazon to cut 10,000 jobs", "Amazon to create 10,000 jobs", true},
      {"Bitcoin price surges past $70,000",
       "Bitcoin price crashes past $70,000", true},
      {"UK economy enters recession", "UK economy exits recession", true},
      {"Company posts record profit", "Company posts record loss", true},
      {"Company swings to profit after last year's loss",
       "Company returns to profit", false},
      {"Le Conseil constitutionnel valide la reforme",
       "Le Conseil constitutionnel censure la reforme", true},
      {"El Supremo avala la amnistia", "El Supremo tumba la amnistia", true},
      {"La Corte costituzionale boccia la legge",
       "La Corte costituzionale promuove la legge", true},
      {"Le Senat vote pour la loi immigration",
       "Le Senat vote contre la loi immigration", true},
      {"El Congreso vota a favor de la amnistia",
       "El Congreso vota en contra de la amnistia", true},
      {"Senate votes 52-48 for the bill", "Senate votes for the bill", false},
      {"Union votes on strike action", "Union votes against strike action",
       false},
      {"Chelsea appoint manager Graham Potter",
       "Chelsea sack manager Graham Potter", true},
      {"Le PSG nomme son entraineur", "Le PSG limoge son entraineur", true},
      {"Chelsea sack manager Graham Potter",
       "Chelsea fire manager Graham Potter", false},
      {"Government introduces tuition fees", "Government scraps tuition fees",
       true},
      {"Il governo alza le accise", "Il governo taglia le accise", true},
      {"Wall Street ouvre en hausse", "Wall Street ferme en hausse", true},
      {"La Borsa di Milano apre in rialzo",
       "La Borsa di Milano chiude in rialzo", true},
      {"La policia detiene al sospechoso del ataque",
       "La policia libera al sospechoso del ataque", true},
      {"Policia prende suspeito de homicidio em Lisboa",
       "Policia liberta suspeito de homicidio em Lisboa", true},
      {"Elon Musk compra Twitter", "Elon Musk vende Twitter", true},
      {"Liverpool sign midfielder on loan", "Liverpool sell midfielder on loan",
       true},
      {"Netflix adds 8 million subscribers",
       "Netflix loses 8 million subscribers", true},
      {"Siemens kauft Sparte", "Siemens verkauft Sparte", true},
      {"La policia detiene al sospechoso", "Police arrest the suspect", false},
      {"Le PSG s'impose face a Lyon", "Le PSG s'incline face a Lyon", true},
      {"Le PSG l'emporte face a Lyon", "Le PSG s'incline face a Lyon", true},
      {"Le PSG l'emporte face a Lyon", "Le PSG s'impose face a Lyon", false},
      {"L'UE impose des sanctions", "L'UE s'impose des sanctions", false},
      {"El Barcelona gana al Sevilla", "Barcelona wins against Sevilla", false},
      {"Stocks rise after early fall", "Stocks fall in early trade", false},
      // Killed or hurt, in the six languages.
      {"Man killed in shark attack", "Man injured in shark attack", true},
      {"Three dead after bus crash", "Three hurt after bus crash", true},
      {"Trois morts dans un accident", "Trois blesses dans un accident", true},
      {"Tres muertos en un accidente", "Tres heridos en un accidente", true},
      {"Drei Tote bei Unfall", "Drei Verletzte bei Unfall", true},
      {"Un coche bomba mata a 5 en Kabul", "Un coche bomba hiere a 5 en Kabul",
       true},
      {"Des soldats tuent 3 civils", "Des soldats blessent 3 civils", true},
      {"3 killed, 12 injured in bus crash", "3 killed in bus crash", false},
      // German "die" is the article.
      {"Die Polizei nimmt drei Verdachtige fest",
       "Police arrest three suspects, officer hurt", false},
      {"Netflix shares jump 10% after earnings",
       "Netflix shares surge 10% after earnings", false},
  };
  ExpectConflicts(cases);
  EXPECT_FALSE(Conflict("Dow up 50 points", "Dow rises 50 points"));
  EXPECT_TRUE(Conflict("Dow down 50 points", "Dow rises 50 points"));
  // Across languages too (the cross-language guard reads these entries).
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Police arrest man before the match"),
      FactsOf("Detenido un hombre despues del partido")));
  // The market words of the six languages are on English's axis.
  EXPECT_TRUE(Conflict("Le FTSE 100 en hausse de 0,5%", "FTSE 100 down 0.5%"));
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Tres muertos en un accidente de autobus"),
      FactsOf("Three injured in bus crash")));
}

// Market reports: a price rises or falls ("higher", "lower", "en hausse",
// "a la baja", "höher", "in rialzo") or stays ("flat", "mixed",
// "unchanged"); three facts of one template, in every mode and across
// languages.
TEST(PolarityFactsTest, MarketDirection) {
  const ConflictCase cases[] = {
      {"Tokyo stocks open higher", "Tokyo stocks open lower", true},
      {"Tokyo stocks open higher", "Tokyo stocks open flat", true},
      {"Tokyo stocks open lower", "Tokyo stocks open mixed", true},
      {"Wall Street opens lower", "Wall Street ends mixed", true},
      {"Oil prices rise", "Oil prices unchanged", true},
      {"Chinese shares rise Friday", "Chinese shares close lower Friday", true},
      {"les actions de tokyo ouvrent en hausse",
       "les actions de tokyo ouvrent en baisse", true},
      {"die aktien eroffnen hoher", "die aktien eroffnen tiefer", true},
      {"le azioni aprono in rialzo", "le azioni aprono in ribasso", true},
      // Two-word forms: Portuguese "em alta" / "em queda", Italian "in
      // calo", French "à plat" (each word alone means more than that).
      {"acoes chinesas fecham em alta", "acoes chinesas fecham em queda", true},
      {"le azioni aprono in rialzo", "le azioni aprono in calo", true},
      // The nouns of a report: Spanish "subida" / "caída", German
      // "Anstieg" / "Rückgang".
      {"El Ibex 35 cierra con una subida del 2%",
       "El Ibex 35 cierra con una ca\xc3\xad"
       "da del 2%",
       true},
      {"DAX schliesst mit Anstieg von 1%",
       "DAX schliesst mit R\xc3\xbc"
       "ckgang von 1%",
       true},
      {"les actions chinoises ouvrent a plat",
       "les actions chinoises ouvrent en hausse", true},
      {"le plat du jour", "le plat du jour en hausse", false},
      // "Lower" the verb keeps its own axis.
      {"Bank lowers rates", "Bank raises rates", true},
      {"Fed to lower interest rates", "Fed to raise interest rates", true},
      // Increasing, strengthening and accelerating rise; decreasing,
      // declining, weakening, slowing and easing fall.
      {"Retail sales increase 5% in March", "Retail sales decrease 5% in March",
       true},
      {"Car sales decline 10% in May", "Car sales rise 10% in May", true},
      {"Dollar strengthens against euro", "Dollar weakens against euro", true},
      {"Inflation eases to 3.2%", "Inflation accelerates to 3.2%", true},
      {"UK inflation slows to 6.7%", "UK inflation quickens to 6.7%", true},
      {"L'inflation ralentit en octobre", "L'inflation accelere en octobre",
       true},
      {"Car sales decline 10% in May", "Car sales fall 10% in May", false},
      // Holding is a third value: "lower" is on four axes, and keeps
      // them all ("lower" also falls and moves).
      {"Fed to lower interest rates", "Fed to hold interest rates", true},
      {"Bank of England holds interest rates at 5%",
       "Bank of England raises interest rates to 5%", true},
      {"O Banco Central sobe a taxa Selic",
       "O Banco Central mantem a taxa Selic", true},
      {"Die EZB senkt den Leitzins", "Die EZB belasst den Leitzins", true},
      {"Fed holds rates steady", "Fed keeps rates unchanged", false},
      {"Tokyo stocks open lower", "Tokyo stocks open flat", true},
      // One side, the same side, or both sides in one headline: no
      // conflict.
      {"Tokyo stocks open flat", "Tokyo stocks open mixed", false},
      {"Tokyo stocks open higher", "Tokyo stocks open higher Monday", false},
      {"Tokyo stocks open higher", "Tokyo stocks surge at the open", false},
      {"Tokyo stocks open", "Tokyo stocks open lower", false},
      {"Stocks close higher after early fall", "Stocks close lower", false},
      // After a determiner or "record" a verb form is a noun.
      {"Wall Street opens lower after S&P's record close",
       "Wall Street closes lower", true},
      {"Stocks rally into the close", "Stocks rally", false},
  };
  ExpectConflicts(cases);
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Les actions de Tokyo ouvrent en baisse"),
      FactsOf("Tokyo stocks open higher")));
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Die Tokioter Aktien eroffnen hoher"),
      FactsOf("Las acciones de Tokio abren a la baja")));
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Le azioni della Cina aprono in rialzo"),
      FactsOf("Las acciones chinas abren mezcladas")));
  EXPECT_FALSE(FactsConflictIgnoringEntities(
      FactsOf("Chinese stocks open mixed"),
      FactsOf("Las acciones chinas abren mezcladas")));
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Chinesische Aktien schliessen am Donnerstag tiefer"),
      FactsOf("As acções chinesas fecham em alta na quinta-feira")));
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Les stocks de la Chine s'ouvrent à plat lundi"),
      FactsOf("China-Aktien öffnen am Montag höher")));
}

// The kind of event a headline reports (a quake, a flood, a storm, a fire,
// a disease), in the six languages: another kind is another event, a
// headline naming more kinds than its copy is not.
TEST(PolarityFactsTest, KindsOfEvent) {
  const ConflictCase cases[] = {
      {"China quake death toll rises to 60", "China flu death toll rises to 60",
       true},
      {"Death toll from Peru floods rises to 40",
       "Death toll from Peru quake rises to 40", true},
      {"Thousands evacuated as storm nears Manila",
       "Thousands evacuated as fire nears Manila", true},
      {"Police officer stabbed in London", "Police officer shot in London",
       true},
      {"Polizei nimmt Mann fest, nachdem eine Frau erstochen wurde",
       "Police arrest suspect in shooting", true},
      {"Policia prende homem apos o esfaqueamento de uma mulher",
       "Wayde Sims shooting: Police arrest suspect", true},
      {"Hurricane hits Florida coast", "Storm hits Florida coast", false},
      {"Indonesia quake and tsunami kill hundreds",
       "Indonesia tsunami kills hundreds", false},
      {"Quake kills 5 in Iran", "Iran: 5 killed", false},
  };
  ExpectConflicts(cases);
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Un s\xc3\xa9isme fait 20 morts en Italie"),
      FactsOf("Le inondazioni fanno 20 morti in Italia")));
  EXPECT_FALSE(FactsConflictIgnoringEntities(
      FactsOf("El hurac\xc3\xa1n Rosa amenaza Phoenix con inundaciones"),
      FactsOf("L'uragano Rosa minaccia Phoenix con inondazioni, e la "
              "siccit\xc3\xa0")));
}

// The rounds of a knockout competition are kinds of event: a final, a
// semi-final, a quarter-final, in one word or in several, in the six
// languages; a headline naming two rounds conflicts with neither.
TEST(PolarityFactsTest, RoundsOfACompetition) {
  const ConflictCase cases[] = {
      {"Champions League: Real Madrid reach final",
       "Champions League: Real Madrid reach semi-final", true},
      {"France beat Ireland in quarter-final",
       "France beat Ireland in semi final", true},
      {"Le PSG en quart de finale", "Le PSG en demi-finale", true},
      {"El Madrid, en cuartos de final", "El Madrid, en semifinales", true},
      {"La Juventus agli ottavi di finale", "La Juventus ai quarti di finale",
       true},
      {"Bayern im Halbfinale", "Bayern im Viertelfinale", true},
      {"Real Madrid reach final",
       "Real Madrid reach final after semi-final win", false},
      {"Real Madrid reach final", "Real Madrid reach final | Reuters", false},
      // A typo keeps the round.
      {"Nadal beats Murray in Wimbledon quarter final",
       "Nadal beats Murray in Wimbledon quaretr final", false},
      {"Final warning issued to Thames Water",
       "Thames Water given final warning", false},
  };
  ExpectConflicts(cases);
  EXPECT_TRUE(
      FactsConflictIgnoringEntities(FactsOf("Real Madrid reach semi-final"),
                                    FactsOf("El Real Madrid, en la final")));
}

// Raising or lowering a tax, a rate, a price, in the six languages: the
// Romance and German verbs that also rise or fall carry both axes.
TEST(PolarityFactsTest, RaisedOrLoweredAcrossLanguages) {
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Le gouvernement baisse les taxes sur le carburant"),
      FactsOf("Government raises taxes on fuel")));
  EXPECT_TRUE(
      FactsConflictIgnoringEntities(FactsOf("El Gobierno rebaja los impuestos"),
                                    FactsOf("Il governo aumenta le tasse")));
  EXPECT_TRUE(
      FactsConflictIgnoringEntities(FactsOf("Die Regierung senkt die Steuern"),
                                    FactsOf("O governo aumenta os impostos")));
  EXPECT_FALSE(FactsConflictIgnoringEntities(
      FactsOf("Il governo aumenta le tasse sul carburante"),
      FactsOf("Government raises taxes on fuel")));
  EXPECT_FALSE(
      FactsConflictIgnoringEntities(FactsOf("Les prix du carburant augmentent"),
                                    FactsOf("Fuel prices rise")));
  // "Short" is no cut ("corta" stays out).
  EXPECT_FALSE(FactsConflictIgnoringEntities(
      FactsOf("El Gobierno sube los impuestos tras una corta pausa"),
      FactsOf("El Gobierno sube los impuestos")));
}

// A verdict or a plea: guilty / convicted against acquitted / not guilty,
// in the six languages; "not guilty" is no negated "guilty".
TEST(PolarityFactsTest, CourtVerdicts) {
  const ConflictCase cases[] = {
      {"rivkin found guilty of insider trading",
       "rivkin pleads not guilty to insider trading", true},
      {"Former mayor convicted of fraud", "Former mayor acquitted of fraud",
       true},
      {"Brooks pleads guilty to hacking charges",
       "Brooks pleads not guilty to hacking charges", true},
      // The same side, or none: no conflict.
      {"Edwards acquitted on one count",
       "Edwards found not guilty on one count", false},
      {"Madoff brother to plead guilty", "Madoff brother convicted", false},
      {"Madoff brother to plead guilty", "Madoff brother in court", false},
  };
  ExpectConflicts(cases);
  EXPECT_FALSE(FactsConflictIgnoringEntities(
      FactsOf("JetBlue pilot declared insane, not guilty"),
      FactsOf("JetBlue-Pilot fur verruckt erklart, nicht schuldig")));
  EXPECT_FALSE(FactsConflictIgnoringEntities(
      FactsOf("Brooks pleads not guilty to hacking charges"),
      FactsOf("Brooks se declara inocente de los cargos de pirateria")));
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("I manifestanti della NATO assolti dalle accuse"),
      FactsOf("NATO protesters convicted on terrorism charges")));
  // The Romance participles of "condemn" are the convicted side; the
  // verb is not ("condamne" folds both, and stays out).
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Les manifestants de l'OTAN acquittés de terrorisme"),
      FactsOf("Los manifestantes de la OTAN condenados por terrorismo")));
  EXPECT_TRUE(
      FactsConflictIgnoringEntities(FactsOf("Ex sindaco condannato per frode"),
                                    FactsOf("Ex alcalde absuelto de fraude")));
  EXPECT_FALSE(FactsConflictIgnoringEntities(
      FactsOf("L'ONU condamne l'attaque contre des civils innocents"),
      FactsOf("UN condemns attack on civilians")));
}

// Gold, silver and bronze are three facts (two axes a word), in five
// languages.
TEST(PolarityFactsTest, Medals) {
  const ConflictCase cases[] = {
      {"Bolt wins gold in 100m final", "Bolt wins silver in 100m final", true},
      {"Bolt wins gold in 100m final", "Bolt wins bronze in 100m final", true},
      {"Bolt wins silver in 100m final", "Bolt wins bronze in 100m final",
       true},
      {"bolt gana el oro", "bolt gana la plata", true},
      {"bolt vince l'argento", "bolt vince il bronzo", true},
      {"Bolt wins gold in 100m final", "Bolt wins 100m final", false},
      {"Bolt wins gold in 100m final", "Bolt takes gold in the 100m", false},
      // Two medals take no side between them, and still none is gold.
      {"Bolt wins silver or bronze", "Bolt wins silver", false},
      {"Bolt wins silver or bronze", "Bolt wins gold", true},
  };
  ExpectConflicts(cases);
  EXPECT_FALSE(
      FactsConflictIgnoringEntities(FactsOf("Bolt gana el oro en la final"),
                                    FactsOf("Bolt wins gold in the final")));
  EXPECT_TRUE(
      FactsConflictIgnoringEntities(FactsOf("Bolt gana la plata en la final"),
                                    FactsOf("Bolt gewinnt Gold im Finale")));
}

// Men or women, in six languages; a headline with both takes neither.
TEST(PolarityFactsTest, MenOrWomen) {
  const ConflictCase cases[] = {
      {"England women beat Australia in World Cup semi-final",
       "England men beat Australia in World Cup semi-final", true},
      {"Two men arrested after Leeds robbery",
       "Two women arrested after Leeds robbery", true},
      {"deux femmes arretees apres un braquage",
       "deux hommes arretes apres un braquage", true},
      {"Man charged over death of woman", "Woman found dead, man held", false},
      {"Man charged over death of woman", "Man charged over death", false},
      {"Two men arrested after Leeds robbery", "Two arrested after robbery",
       false},
  };
  ExpectConflicts(cases);
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Dos mujeres detenidas tras un robo"),
      FactsOf("Two men arrested after robbery")));
}

// An agreement reached, or failed.
TEST(PolarityFactsTest, AgreedOrFailed) {
  const ConflictCase cases[] = {
      {"Ceasefire agreed in Gaza", "Ceasefire collapses in Gaza", true},
      {"Syria opposition agrees to talks",
       "Syria opposition threatens to quit talks", true},
      {"EU leaders agree budget deal", "EU leaders fail to agree budget deal",
       false},  // both sides: none
      {"Ceasefire agreed in Gaza", "Gaza ceasefire agreed by both sides",
       false},
  };
  ExpectConflicts(cases);
  EXPECT_TRUE(
      FactsConflictIgnoringEntities(FactsOf("Waffenruhe in Gaza scheitert"),
                                    FactsOf("Ceasefire agreed in Gaza")));
}

// Yesterday, today and tomorrow are three days, like weekdays.
TEST(PolarityFactsTest, YesterdayTodayTomorrow) {
  const ConflictCase cases[] = {
      {"Weather forecast for today", "Weather forecast for tomorrow", true},
      {"Tube strike went ahead yesterday", "Tube strike goes ahead today",
       true},
      {"Strike called off yesterday", "Strike called off tomorrow", true},
      {"la meteo de demain", "la meteo d'aujourd'hui", true},
      {"Weather forecast for today", "Weather forecast for tonight", false},
      {"Weather forecast for today", "Weather forecast", false},
      // "mañana" is also "morning", "morgen" also "Morgen": no day.
      {"el tiempo para hoy", "el tiempo para esta manana", false},
  };
  ExpectConflicts(cases);
  EXPECT_TRUE(FactsConflictIgnoringEntities(FactsOf("Il meteo di domani"),
                                            FactsOf("Weather for today")));
}

// A high and a low, also after "record" or a determiner (no noun marker
// for them), and not the Romance adjectives' singulars.
TEST(PolarityFactsTest, HighsAndLows) {
  const ConflictCase cases[] = {
      {"Oil prices hit six-month high", "Oil prices hit six-month low", true},
      {"Gold hits record high", "Gold hits record low", true},
      {"Yen at a 20-year low against dollar",
       "Yen at a 20-year high against dollar", true},
      {"El petroleo, en maximos de seis meses",
       "El petroleo, en minimos de seis meses", true},
      {"Madrid registra la temperatura mas alta del ano",
       "Madrid registra la temperatura mas baja del ano", true},
      {"Le CAC 40 au plus haut depuis 2008",
       "Le CAC 40 au plus bas depuis 2008", true},
      {"L'euro au plus bas face au dollar",
       "L'euro au plus haut face au dollar", true},
      {"Les temperatures les plus basses de l'hiver",
       "Les temperatures les plus hautes de l'hiver", true},
      {"Le CAC 40 au plus haut depuis 2008",
       "Le CAC 40 au plus haut depuis 2008 - Boursorama", false},
      {"Le gouvernement des Pays-Bas chute",
       "Le gouvernement des Pays-Bas tombe", false},
      {"Gold hits record high", "Gold hits all-time high", false},
      {"Votacao suica sobre o salario minimo mais elevado",
       "Swiss vote on highest minimum wage", false},
  };
  ExpectConflicts(cases);
}

// Morning, afternoon and evening (or night) are three times of day.
TEST(PolarityFactsTest, TimesOfDay) {
  const ConflictCase cases[] = {
      {"Your Monday morning briefing", "Your Monday evening briefing", true},
      {"Explosions heard in Kyiv on Monday morning",
       "Explosions heard in Kyiv on Monday night", true},
      {"Strike on Tuesday afternoon", "Strike on Tuesday morning", true},
      {"Le journal du matin", "Le journal du soir", true},
      {"Your Monday morning briefing", "Your Monday morning briefing - BBC",
       false},
      {"Monday evening briefing", "Monday night briefing", false},
      {"Your Monday morning briefing", "Your Monday briefing", false},
  };
  ExpectConflicts(cases);
}

// Resumed or suspended, in six languages.
TEST(PolarityFactsTest, ResumedOrSuspended) {
  const ConflictCase cases[] = {
      {"Search for missing sailors resumes",
       "Search for missing sailors suspended", true},
      {"Airline resumes flights to Tel Aviv",
       "Airline halts flights to Tel Aviv", true},
      {"Vaccine trial paused after volunteer falls ill",
       "Vaccine trial resumes after volunteer falls ill", true},
      {"Vaccine trial paused after volunteer falls ill",
       "Vaccine trial suspended after volunteer falls ill", false},
      {"Search for missing sailors resumes", "Search for sailors resumes",
       false},
  };
  ExpectConflicts(cases);
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("EE.UU. reanuda la busqueda de marineros britanicos"),
      FactsOf("Gli Stati Uniti sospende le ricerche dei marinai britannici")));
}

// Arriving or leaving, in six languages.
TEST(PolarityFactsTest, ArrivesOrLeaves) {
  const ConflictCase cases[] = {
      {"Obama arrives in Berlin", "Obama leaves Berlin", true},
      {"le president arrive a berlin", "le president quitte berlin", true},
      {"Obama arrives in Berlin", "Obama arrived in Berlin on Monday", false},
      {"Obama left Berlin", "Obama arrives in Berlin", false},  // "left": no
  };
  ExpectConflicts(cases);
  EXPECT_TRUE(FactsConflictIgnoringEntities(FactsOf("Obama llega a Berlin"),
                                            FactsOf("Obama leaves Berlin")));
}

// A ban, a curfew, sanctions: lifted, or kept and imposed.
TEST(PolarityFactsTest, LiftedOrKept) {
  const ConflictCase cases[] = {
      {"FAA lifts ban on US flights to Tel Aviv",
       "FAA continues ban on US flights to Tel Aviv", true},
      {"India bans bulk texts after riots",
       "India lifts ban on bulk texts after riots", true},
      {"Egypt lifts curfew in Cairo", "Egypt extends curfew in Cairo", true},
      {"La greve est maintenue a la SNCF", "La greve est levee a la SNCF",
       true},
      // The same side, or one side only: no conflict.
      {"Tunisia lifts curfew", "Tunisia lifts curfew in capital", false},
      {"FAA lifts ban on flights", "FAA ban on flights", false},
  };
  ExpectConflicts(cases);
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("La FAA levanta la prohibicion de los vuelos"),
      FactsOf("FAA continues ban on flights")));
}

// A verb form holds four axes; one listed on a fifth would lose it without
// a word, so the table must list none.
TEST(PolarityFactsTest, NoVerbFormOnMoreThanFourAxes) {
  const std::vector<std::string_view> over = VerbFormsOverAxes();
  EXPECT_TRUE(over.empty()) << over.size() << " forms, the first \""
                            << (over.empty() ? "" : over.front()) << "\"";
}

// Expectations beaten or met, a figure doubled or halved, a policy kept or
// ended, an event condemned or welcomed.
TEST(PolarityFactsTest, OutcomesAndReactions) {
  const ConflictCase cases[] = {
      {"Apple beats earnings expectations", "Apple meets earnings expectations",
       true},
      {"Ryanair profit doubles", "Ryanair profit halves", true},
      {"Bank of Japan keeps negative rates",
       "Bank of Japan ends negative rates", true},
      {"UN Security Council condemns attack",
       "UN Security Council welcomes attack", true},
      {"La France condamne l'attaque", "La France salue l'accord", true},
      {"Moody's upgrades Italy's credit rating",
       "Moody's downgrades Italy's credit rating", true},
      {"Biden leads Trump in new poll", "Biden trails Trump in new poll", true},
      {"Apple sues Samsung over patents",
       "Apple settles with Samsung over patents", true},
      {"Democrats gain House seats", "Democrats lose House seats", true},
      {"Ukraine captures village near Bakhmut",
       "Ukraine loses village near Bakhmut", true},
      {"Talks between Israel and Hamas resume",
       "Talks between Israel and Hamas stall", true},
      {"Regierung verlangert Mietpreisbremse",
       "Regierung stoppt Mietpreisbremse", true},
      {"La inflacion se modera en mayo", "La inflacion se dispara en mayo",
       true},
      {"Le taux de chomage stable a 7,3%",
       "Le taux de chomage en hausse a 7,3%", true},
      {"IPO priced above range", "IPO priced below range", true},
      {"Train strike on Monday called off", "Train strike on Monday goes ahead",
       true},
      {"Djokovic through to Wimbledon quarter-finals",
       "Djokovic out of Wimbledon quarter-finals", true},
      {"Liverpool promoted to the Premier League",
       "Liverpool relegated from the Premier League", true},
      {"Wildfire contained near Los Angeles",
       "Wildfire spreads near Los Angeles", true},
      {"Boeing 737 Max cleared to fly again", "Boeing 737 Max grounded again",
       true},
      {"Le Conseil constitutionnel valide la loi",
       "Le Conseil constitutionnel rejette la loi", true},
      {"Schools reopen after floods", "Schools shut after floods", true},
      {"Putin accepts invitation to G20", "Putin declines invitation to G20",
       true},
      {"Oil output to be increased by OPEC", "Oil output to be reduced by OPEC",
       true},
      {"Le PSG qualifie pour les demi-finales",
       "Le PSG elimine en demi-finales", true},
      {"La Bolsa de Madrid cierra en verde",
       "La Bolsa de Madrid cierra en rojo", true},
      {"Borsa di Milano chiude in positivo",
       "Borsa di Milano chiude in negativo", true},
      {"Le president accepte la demission du Premier ministre",
       "Le president refuse la demission du Premier ministre", true},
      {"Bundestag beschliesst Heizungsgesetz",
       "Bundestag stoppt Heizungsgesetz", true},
      {"Nouvelle victoire de Nadal a Roland-Garros",
       "Nouvelle defaite de Nadal a Roland-Garros", true},
      // "Victoria" is a name too: both copies keep "loses".
      {"Victoria Azarenka wins in Doha", "Victoria Azarenka loses in Doha",
       true},
      {"Trial shows drug works", "Trial shows drug fails", true},
      {"Rocket launch scrubbed", "Rocket launch successful", true},
      {"Twitter outage resolved", "Twitter outage continues", true},
      {"Supreme Court agrees to hear abortion case",
       "Supreme Court declines to hear abortion case", true},
      {"Consumer confidence improves", "Consumer confidence worsens", true},
      {"Police confirm suspect is in custody",
       "Police deny suspect is in custody", true},
      {"Company hires 500 workers in Texas",
       "Company lays off 500 workers in Texas", true},
      {"Oil tanker seized in Gulf", "Oil tanker released in Gulf", true},
      {"US adds 200,000 jobs in May", "US sheds 200,000 jobs in May", true},
      {"Inflation peaks at 10%", "Inflation bottoms at 10%", true},
      {"China eases Covid restrictions", "China tightens Covid restrictions",
       true},
      {"Le gouvernement durcit les regles",
       "Le gouvernement assouplit les regles", true},
      {"Deutschland lockert Corona-Regeln",
       "Deutschland verscharft Corona-Regeln", true},
      {"Trump allowed on ballot in Colorado",
       "Trump removed from ballot in Colorado", true},
      {"Senate confirms Fed nominee", "Senate rejects Fed nominee", true},
      {"Flooding worsens in Pakistan", "Flooding eases in Pakistan", true},
      {"Flight delayed at Heathrow", "Flight cancelled at Heathrow", true},
      {"Match postponed due to rain", "Match abandoned due to rain", true},
      {"Sciopero dei treni confermato", "Sciopero dei treni revocato", true},
      {"Greve dos metroviarios e suspensa", "Greve dos metroviarios e mantida",
       true},
      {"Missing girl found safe", "Missing girl found dead", true},
      {"Flight delayed at Heathrow", "Flight delayed at Heathrow airport",
       false},
      // Nouns keep their side after "record" or a determiner.
      {"Germany posts record trade surplus",
       "Germany posts record trade deficit", true},
      {"Equity funds see record inflows", "Equity funds see record outflows",
       true},
      {"Apple beats earnings expectations",
       "Apple beats Wall Street expectations", false},
      {"Ryanair profit doubles", "Ryanair profit doubles in first half", false},
  };
  ExpectConflicts(cases);
}

// A plan, a reform, a product launched or withdrawn.
TEST(PolarityFactsTest, LaunchedOrWithdrawn) {
  const ConflictCase cases[] = {
      {"Le gouvernement lance la reforme des retraites",
       "Le gouvernement retire la reforme des retraites", true},
      {"Ford launches electric pickup in Europe",
       "Ford withdraws electric pickup in Europe", true},
      {"El Gobierno lanza el plan de vivienda",
       "El Gobierno retira el plan de vivienda", true},
      {"Die Regierung zieht den Gesetzentwurf zur\xc3\xbc"
       "ck",
       "The government launches the bill", true},
      {"Ford launches electric pickup", "Ford launches new electric pickup",
       false},
  };
  ExpectConflicts(cases);
}

// Laws legalised or banned, signed or vetoed; a cause backed or opposed
// (session 28's template siblings, in every mode).
TEST(PolarityFactsTest, LawsAndPositions) {
  const ConflictCase cases[] = {
      {"Germany legalises cannabis for recreational use",
       "Germany bans cannabis for recreational use", true},
      {"Tailandia legaliza el cannabis", "Tailandia prohibe el cannabis", true},
      {"Governor signs abortion bill into law", "Governor vetoes abortion bill",
       true},
      {"Lula sanciona lei das fake news", "Lula veta lei das fake news", true},
      {"Labour backs Brexit deal", "Labour opposes Brexit deal", true},
      {"La CDU soutient la réforme", "La CDU s'oppose a la réforme", true},
      {"Governor signs abortion bill", "Governor signs new abortion bill",
       false},
      {"Labour backs Brexit deal", "Labour supports Brexit deal", false},
  };
  ExpectConflicts(cases);
}

// Joining or quitting, born or dead, admitted to hospital or discharged,
// asking or receiving, married or divorced, advancing or retreating.
TEST(PolarityFactsTest, LifeEventsAndMoves) {
  const ConflictCase cases[] = {
      {"Sweden joins NATO", "Sweden leaves NATO", true},
      {"Biden enters presidential race", "Biden quits presidential race", true},
      {"Biden abandona la carrera presidencial",
       "Biden enters presidential race", true},
      {"Giant panda gives birth at Berlin zoo",
       "Giant panda dies at Berlin zoo", true},
      {"Pope admitted to hospital", "Pope discharged from hospital", true},
      {"Le pape hospitalisé à Rome", "Pope leaves hospital in Rome", true},
      {"El papa Francisco ingresa en el hospital",
       "El papa Francisco sale del hospital", true},
      {"Ukraine receives first F-16 jets", "Ukraine requests first F-16 jets",
       true},
      {"Couple marries in space", "Couple divorces in space", true},
      {"Russian troops advance near Kharkiv",
       "Russian troops retreat near Kharkiv", true},
      {"Actor born in Paris dies at 90", "Actor dies at 90", false},
      {"Pope admitted to hospital", "Pope hospitalised with bronchitis", false},
      {"Sweden joins NATO", "Sweden formally joins NATO", false},
  };
  ExpectConflicts(cases);
}

// Starting or ending, dying or surviving, conceding, jailed or released,
// new or former, a referendum's "yes" or "no", and the states of a test,
// a ruling or the odds (session 28's second template round).
TEST(PolarityFactsTest, StartsEndsAndStates) {
  const ConflictCase cases[] = {
      {"Ceasefire starts in Gaza", "Ceasefire ends in Gaza", true},
      {"Comienza la huelga de metro", "Termina la huelga de metro", true},
      {"Man dies after being hit by train",
       "Man survives after being hit by train", true},
      {"Trump concedes election", "Trump wins election", true},
      {"Ex-president sentenced to prison", "Ex-president released from prison",
       true},
      {"Twitter's new CEO arrested in Paris",
       "Twitter's former CEO arrested in Paris", true},
      {"The new mayor resigns", "The former mayor resigns", true},
      {"Scotland votes yes to independence",
       "Scotland votes no to independence", true},
      {"Player tests positive for Covid", "Player tests negative for Covid",
       true},
      {"Court rules strike legal", "Court rules strike illegal", true},
      {"Supreme Court rules law constitutional",
       "Supreme Court rules law unconstitutional", true},
      {"Fed rate cut likely in June", "Fed rate cut unlikely in June", true},
      {"Explosion inside US embassy", "Explosion outside US embassy", true},
      {"Arsenal go top of the Premier League",
       "Arsenal go bottom of the Premier League", true},
      {"Nadal plays his first match at Wimbledon",
       "Nadal plays his last match at Wimbledon", true},
      {"Petrol gets cheaper in UK", "Petrol gets more expensive in UK", true},
      {"Il Pil italiano cresce dello 0,5%", "Il Pil italiano cala dello 0,5%",
       true},
      {"Ceasefire starts in Gaza", "Ceasefire begins in Gaza", false},
      {"Scotland votes yes to independence", "Scotland votes for independence",
       false},
      {"Former New York mayor dies", "Former mayor of New York dies", false},
      // "ex-" is "former": a headline with both roles takes neither side.
      {"Ex-minister named new ambassador to China",
       "Former minister named ambassador to China", false},
      {"Twitter's new CEO arrested", "Twitter's ex-CEO arrested", true},
  };
  ExpectConflicts(cases);
}

// Escapes and captures, orders given or lifted, products discontinued,
// titles won ("conquista"), small moves ("edges up / down", "ticks up"),
// and a market closing "con subidas / con pérdidas" (session 28's fourth
// template round).
TEST(PolarityFactsTest, EscapesOrdersAndSmallMoves) {
  const ConflictCase cases[] = {
      {"Prisoner escapes from Paris jail",
       "Prisoner caught after Paris jail escape", true},
      {"Evacuation ordered in Hawaii", "Evacuation order lifted in Hawaii",
       true},
      {"Google launches Stadia", "Google discontinues Stadia", true},
      {"Benfica conquista o título", "Benfica perde o título", true},
      {"Gold edges up in early trade", "Gold edges down in early trade", true},
      {"Treasury yields tick up", "Treasury yields tick down", true},
      {"El Ibex 35 cierra con subidas", "El Ibex 35 cierra con pérdidas", true},
      {"Gold edges up in early trade", "Gold rises in early trade", false},
      {"Treasury yields tick up", "Treasury yields edge up", false},
  };
  ExpectConflicts(cases);
}

// Phrasal verbs read as such, even where the verb alone has sides ("drops
// out" quits, "backs down" retreats), governments falling or surviving a
// vote in the six languages, warning colours, court rulings upheld or
// lifted (session 28's fifth template round).
TEST(PolarityFactsTest, PhrasalVerbsVotesAndColours) {
  const ConflictCase cases[] = {
      {"Biden enters presidential race", "Biden drops out of presidential race",
       true},
      {"Russia pulls out of grain deal", "Russia rejoins grain deal", true},
      {"Iran backs down in nuclear standoff", "Iran steps up nuclear standoff",
       true},
      {"Italy gives up on bridge project",
       "Italy pushes ahead with bridge project", true},
      {"Fire breaks out at London tower block",
       "Fire put out at London tower block", true},
      {"Starbucks CEO steps down", "Starbucks CEO reappointed", true},
      {"Le PDG de Renault démissionne", "Le PDG de Renault reconduit", true},
      {"Le gouvernement survit à la motion de censure",
       "Le gouvernement tombe après la motion de censure", true},
      {"Regierung übersteht Misstrauensvotum",
       "Regierung scheitert an Misstrauensvotum", true},
      {"La Camera approva la fiducia", "La Camera nega la fiducia", true},
      {"El Congreso aprueba la moción", "El Congreso tumba la moción", true},
      {"Heatwave: red alert in Paris", "Heatwave: orange alert in Paris", true},
      {"Storm warning upgraded to red", "Storm warning downgraded to amber",
       true},
      {"Man charged with murder of teenager",
       "Man cleared of murder of teenager", true},
      {"UK to rejoin Horizon science programme",
       "UK to quit Horizon science programme", true},
      {"Gericht bestätigt Urteil gegen Ex-Manager",
       "Gericht hebt Urteil gegen Ex-Manager auf", true},
      {"Tribunal mantém prisão de Bolsonaro",
       "Tribunal revoga prisão de Bolsonaro", true},
      {"Le Conseil d'État suspend l'arrêté",
       "Le Conseil d'État valide l'arrêté", true},
      // The same side, or a verb's form without its particle.
      {"Boeing CEO steps down", "Boeing CEO resigns", false},
      {"Heatwave: amber alert in Paris", "Heatwave: orange alert in Paris",
       false},
      {"Oil drops 2%", "Oil falls 2%", false},
  };
  ExpectConflicts(cases);
}

// Base forms for plural subjects ("numbers grow / shrink", "yields climb /
// retreat", "deliveries beat / miss forecasts"), openings and closings as
// nouns, signings, bans against resumptions, rescues (session 28's sixth
// template round).
TEST(PolarityFactsTest, BaseFormsAndNouns) {
  const ConflictCase cases[] = {
      {"Ryanair passenger numbers grow", "Ryanair passenger numbers shrink",
       true},
      {"Government bond yields climb", "Government bond yields retreat", true},
      {"Tesla deliveries beat forecasts", "Tesla deliveries miss forecasts",
       true},
      {"Consumer moods improve", "Consumer moods worsen", true},
      {"Sciopero generale confermato per venerdì",
       "Sciopero generale sospeso per venerdì", true},
      {"Ouverture d'une enquête sur l'incendie",
       "Clôture de l'enquête sur l'incendie", true},
      {"El Real Madrid ficha a Mbappé", "El Real Madrid vende a Mbappé", true},
      {"India bans wheat exports", "India resumes wheat exports", true},
      {"Boy rescued from well", "Boy dies in well", true},
      {"Passenger numbers grow", "Passenger numbers rise", false},
      {"Boy rescued from well", "Boy saved from well", false},
  };
  ExpectConflicts(cases);
}

// Ruled out against fit or detected, reinstated against suspended,
// kidnapped against freed, states ("safe" / "unsafe", "hawkish" /
// "dovish", "bull" / "bear", "heat" / "cold", kept after "record"), open
// or closed in the six languages, a truce broken, a body found, gains and
// losses as nouns (session 28's tenth template round).
TEST(PolarityFactsTest, StatesRulingsAndRescues) {
  const ConflictCase cases[] = {
      {"Salah ruled out of Liverpool clash with injury",
       "Salah fit for Liverpool clash", true},
      {"Bird flu detected on Norfolk farm",
       "Bird flu ruled out on Norfolk farm", true},
      {"Player suspended over betting breach",
       "Player reinstated after betting breach", true},
      {"Aid worker kidnapped in Mali", "Aid worker freed in Mali", true},
      {"Drinking water safe after chemical spill",
       "Drinking water unsafe after chemical spill", true},
      {"Fed minutes show hawkish tilt", "Fed minutes show dovish tilt", true},
      {"Bitcoin enters bull market", "Bitcoin enters bear market", true},
      {"Record heat in Spain", "Record cold in Spain", true},
      {"Le Louvre ouvert le mardi", "Le Louvre fermé le mardi", true},
      {"Museum am Montag geöffnet", "Museum am Montag geschlossen", true},
      {"Armistice holds in Ukraine", "Armistice broken in Ukraine", true},
      {"Police find body of missing woman", "Police find missing woman alive",
       true},
      {"Stocks extend gains after jobs report",
       "Stocks extend losses after jobs report", true},
      {"Talks succeed in Geneva", "Talks fail in Geneva", true},
      // Across languages: plurals and a strike "annulée" / "goes ahead".
      {"Tormenta en Madrid: vuelos cancelados",
       "Storm in Madrid: flights delayed", true},
      {"Grève des pilotes d'Air France annulée",
       "Air France pilots strike goes ahead", true},
      {"Los precios de la luz bajan un 10%", "Electricity prices rise 10%",
       true},
      {"Salah ruled out of Liverpool clash", "Salah out injured for clash",
       false},
      {"El Prado abierto el lunes", "El Prado abre el lunes", false},
  };
  ExpectConflicts(cases);
}

// Courts, licences, tours, films, banks, cases and elections (session
// 28's twelfth template round).
TEST(PolarityFactsTest, CourtsCasesAndElections) {
  const ConflictCase cases[] = {
      {"Court blocks Trump tariffs", "Court allows Trump tariffs", true},
      {"EU approves ban on combustion engines",
       "EU scraps ban on combustion engines", true},
      {"Tornado warning issued for Oklahoma",
       "Tornado warning cancelled for Oklahoma", true},
      {"Uber licence renewed in London", "Uber licence revoked in London",
       true},
      {"Celebrity couple announce engagement",
       "Celebrity couple announce split", true},
      {"Singer cancels world tour", "Singer extends world tour", true},
      {"Film tops box office", "Film flops at box office", true},
      {"Drug approved for use in EU", "Drug withdrawn from use in EU", true},
      {"Bank collapses amid crisis", "Bank rescued amid crisis", true},
      {"Airline files for bankruptcy", "Airline emerges from bankruptcy", true},
      {"Company profits double", "Company profits halve", true},
      {"El juez archiva la causa", "El juez reabre la causa", true},
      {"Staatsanwaltschaft stellt Ermittlungen ein",
       "Staatsanwaltschaft nimmt Ermittlungen auf", true},
      {"Le procès s'ouvre à Paris", "Le procès s'achève à Paris", true},
      {"Le maire élu dès le premier tour", "Le maire battu dès le premier tour",
       true},
      {"Il partito entra in Parlamento", "Il partito esce dal Parlamento",
       true},
      {"Court blocks Trump tariffs", "Court halts Trump tariffs", false},
      {"Film tops box office", "Film tops US box office again", false},
  };
  ExpectConflicts(cases);
}

// Markets gaining or losing ground across the two axes a headline may use
// ("gains" against "falls", "loses" against "rises"), Romance reflexive
// strengthenings and weakenings, output boosted or curbed, expansion and
// contraction (session 28's thirteenth template round).
TEST(PolarityFactsTest, MarketsGainingOrLosingGround) {
  const ConflictCase cases[] = {
      {"Dollar gains against yen", "Dollar falls against yen", true},
      {"Gold loses ground as dollar firms", "Gold rises as dollar firms", true},
      {"Sterling slips against euro", "Sterling climbs against euro", true},
      {"Le dollar se renforce face à l'euro",
       "Le dollar s'affaiblit face à l'euro", true},
      {"El euro se fortalece frente al dólar",
       "El euro se debilita frente al dólar", true},
      {"L'euro si rafforza sul dollaro", "L'euro si indebolisce sul dollaro",
       true},
      {"O real se valoriza frente ao dólar",
       "O real se desvaloriza frente ao dólar", true},
      {"Der Euro legt gegenüber dem Dollar zu",
       "Der Euro verliert gegenüber dem Dollar", true},
      {"La inflación se acelera", "La inflación se frena", true},
      {"Saudi Arabia boosts oil output", "Saudi Arabia curbs oil output", true},
      {"Euro zone PMI signals expansion", "Euro zone PMI signals contraction",
       true},
      {"Shares rebound in Tokyo", "Shares tumble in Tokyo", true},
      {"Gas prices spike in Europe", "Gas prices plummet in Europe", true},
      {"Rents soar in Berlin", "Rents stagnate in Berlin", true},
      {"Russia expels British diplomats", "Russia welcomes British diplomats",
       true},
      {"Ferry sinks off Indonesia", "Ferry rescued off Indonesia", true},
      {"Dollar gains against yen", "Dollar rises against yen", false},
      {"Gold loses ground", "Gold falls", false},
  };
  ExpectConflicts(cases);
}

// Verdicts with the Romance and German convicting verbs (which also
// condemn: a side no acquitting word meets), a sentence reduced, a race
// retired from, a title missed out on, a return, a cordon set up
// (session 28's fifteenth template round).
TEST(PolarityFactsTest, VerdictsAndSportsOutcomes) {
  const ConflictCase cases[] = {
      {"Le tribunal condamne l'ancien ministre",
       "Le tribunal relaxe l'ancien ministre", true},
      {"Il tribunale assolve l'ex sindaco",
       "Il tribunale condanna l'ex sindaco", true},
      {"Tribunal absolve ex-governador", "Tribunal condena ex-governador",
       true},
      {"Appeal court upholds sentence", "Appeal court reduces sentence", true},
      {"Police lift cordon in Manchester", "Police set up cordon in Manchester",
       true},
      {"Man City win treble", "Man City miss out on treble", true},
      {"Verstappen wins Dutch Grand Prix",
       "Verstappen retires from Dutch Grand Prix", true},
      {"Messi returns to Barcelona", "Messi leaves Barcelona", true},
      // With or without, in the six languages; "with no" is without.
      {"Apple unveils iPhone with USB-C port",
       "Apple unveils iPhone without USB-C port", true},
      {"El Congreso aprueba la ley con enmiendas",
       "El Congreso aprueba la ley sin enmiendas", true},
      {"North Korea welcomes contact with US diplomats",
       "La Corea del Nord: nessun disarmo senza fiducia negli USA", true},
      {"Talks end with no deal", "Talks end without deal", false},
      {"Obama meets Putin", "Obama meets with Putin", false},
      // Condemning is no verdict against a welcome.
      {"L'ONU condamne l'attaque", "UN condemns attack", false},
  };
  ExpectConflicts(cases);
}

// Stages of one story: proposed or agreed, nominated or winning, charged
// or convicted, threatened or started, planned or cancelled, progressing
// or collapsing, recovering or dead (session 28's sixteenth round).
TEST(PolarityFactsTest, StagesOfOneStory) {
  const ConflictCase cases[] = {
      {"Ceasefire proposed in Sudan", "Ceasefire agreed in Sudan", true},
      {"Actress nominated for Oscar", "Actress wins Oscar", true},
      {"Novel shortlisted for Booker Prize", "Novel wins Booker Prize", true},
      {"Man charged with murder of wife", "Man convicted of murder of wife",
       true},
      {"Strike threatened at Heathrow", "Strike begins at Heathrow", true},
      {"pittman threatening freemans reign", "pittman ends freemans reign",
       true},
      {"Strike looms at Heathrow", "Heathrow strike looming", false},
      {"Talks planned for next week", "Talks cancelled for next week", true},
      {"Merger talks collapse", "Merger talks progress", true},
      {"Singer recovering after surgery", "Singer dies after surgery", true},
      {"Ceasefire agreed in Sudan", "Ceasefire deal reached in Sudan", false},
      {"Man charged with murder", "Man accused of murder", false},
  };
  ExpectConflicts(cases);
}

// The period a figure covers: a day, a week, a month, a quarter, a year.
TEST(PolarityFactsTest, Periods) {
  const ConflictCase cases[] = {
      {"Gold heads for weekly gain", "Gold heads for monthly gain", true},
      {"Oil prices hit weekly high", "Oil prices hit monthly high", true},
      {"Apple posts record quarterly profit",
       "Apple posts record annual profit", true},
      {"Man dies a day after surgery", "Man dies a week after surgery", true},
      {"Fed to decide on rates next week", "Fed to decide on rates next month",
       true},
      {"Le CAC 40 signe une hausse hebdomadaire",
       "Le CAC 40 signe une hausse mensuelle", true},
      {"El Ibex cierra con una ganancia semanal",
       "El Ibex cierra con una ganancia mensual", true},
      {"Stocks post weekly gain", "Stocks post gain for the week", false},
      {"Dollar set for best week in a year", "Dollar set for best week", false},
      {"Gold heads for weekly gain", "Gold heads for gain", false},
      {"Gold heads for weekly gain", "L'or vers un gain hebdomadaire", false},
      {"Rates rise for first time in a decade",
       "Rates rise for first time in a year", true},
      {"Unemployment at lowest level in a decade",
       "Unemployment at lowest level in a century", true},
  };
  ExpectConflicts(cases);
}

// Snow or rain, at home or abroad, admitted or discharged.
TEST(PolarityFactsTest, WeatherTravelAndHospitals) {
  const ConflictCase cases[] = {
      {"Heavy snow warning for Scotland", "Heavy rain warning for Scotland",
       true},
      {"Alerta por nieve en Madrid", "Alerta por lluvia en Madrid", true},
      {"Airline cancels domestic flights",
       "Airline cancels international flights", true},
      {"Hospital admissions rise in Wales", "Hospital discharges rise in Wales",
       true},
      // Rain comes with storms: no kind of event of its own.
      {"Hurricane Rosa to bring heavy rain", "Hurricane Rosa hits Mexico",
       false},
      {"Hurricane Rosa to bring heavy rain", "Rosa to bring heavy rain", false},
      {"Storm brings snow and rain to Spain", "Storm brings snow to Spain",
       false},
  };
  ExpectConflicts(cases);
}

// Missing or found, supply or demand, arrested or killed, a plane that
// lands or crashes, a truce violated or holding.
TEST(PolarityFactsTest, MissingSupplyArrestsAndLandings) {
  const ConflictCase cases[] = {
      {"Climber missing on Everest", "Climber rescued on Everest", true},
      {"Hiker missing in Alps", "Hiker found in Alps", true},
      {U8(u8"Niña desaparecida en Málaga").data(),
       U8(u8"Niña encontrada en Málaga").data(), true},
      {"Bambina scomparsa a Milano", "Bambina ritrovata a Milano", true},
      {"Police search for missing woman in Leeds",
       "Police find missing woman in Leeds", true},
      {"Oil output rises in OPEC", "Oil demand rises in OPEC", true},
      {"School shooting suspect arrested", "School shooting suspect killed",
       true},
      {"Plane lands safely after engine failure",
       "Plane crashes after engine failure", true},
      {"Gunman surrenders to police in Ohio standoff",
       "Gunman killed by police in Ohio standoff", true},
      {"Gunman surrenders to police in Ohio standoff",
       "Gunman arrested by police in Ohio standoff", false},
      {"Ceasefire violated in Gaza", "Ceasefire holds in Gaza", true},
      {"Minimum wage rises in Germany", "Minimum wage frozen in Germany", true},
      {"Trade gap narrows", "Trade gap widens", true},
      {"Police find missing woman in Leeds", "Missing woman found in Leeds",
       false},
      {"Gunman kills 3 before being arrested", "Gunman kills 3, is arrested",
       false},
      {"Man arrested after woman killed", "Man arrested over killing", false},
      {"El sospechoso detenido tras el tiroteo",
       "El sospechoso abatido tras el tiroteo", true},
      {"Alpinista desaparecido en los Andes",
       "Alpinista rescatado en los Andes", true},
  };
  ExpectConflicts(cases);
}

// Adults or children, an eruption that starts or ends, jobs added or cut.
TEST(PolarityFactsTest, AgesEruptionsAndHiring) {
  const ConflictCase cases[] = {
      {"Vaccine approved for children", "Vaccine approved for adults", true},
      {U8(u8"Vaccin autorisé pour les enfants").data(),
       U8(u8"Vaccin autorisé pour les adultes").data(), true},
      {"Volcano erupts in Iceland", "Volcano eruption ends in Iceland", true},
      {"Company to cut 1,000 jobs", "Company to add 1,000 jobs", true},
      {"Vaccine approved for children", "Vaccine approved for kids", false},
      {"Company to add 1,000 jobs", "Company adds 1,000 jobs", false},
  };
  ExpectConflicts(cases);
}

// Roles and kin take a man's or a woman's side, as "man" and "woman" do.
TEST(PolarityFactsTest, RolesAndKin) {
  const ConflictCase cases[] = {
      {"Oscar for best actor goes to Smith",
       "Oscar for best actress goes to Smith", true},
      {"Prince to attend coronation", "Princess to attend coronation", true},
      {"Band reunites for final show", "Band splits after final show", true},
      {"Celebrity couple split", "Celebrity couple reconcile", true},
      {"Actor wins Oscar", "Actor snubbed by Oscars", true},
      {"Museum acquires Picasso", "Museum sells Picasso", true},
      {"Google acquires Fitbit", "Google to acquire Fitbit", false},
      {"Mother charged after baby dies", "Father charged after baby dies",
       true},
      {U8(u8"Le roi en visite à Berlin").data(),
       U8(u8"La reine en visite à Berlin").data(), true},
      {"Sohn von Schumacher verletzt", "Tochter von Schumacher verletzt", true},
      {"Which Hogwarts Houses Do These Disney Princes Belong In",
       "Which Hogwarts Houses Do The Disney Princesses Belong In", true},
      {"Father of murdered girl speaks out",
       "Murdered girl's father speaks out", false},
      {"Mother and son die in house fire", "Mother and son killed in fire",
       false},
  };
  ExpectConflicts(cases);
}

// A reform adopted or withdrawn, a draw or a win, in the other languages.
TEST(PolarityFactsTest, ReformsAndResultsInOtherLanguages) {
  const ConflictCase cases[] = {
      {"Le gouvernement adopte la réforme", "Le gouvernement retire la réforme",
       true},
      {"El Gobierno aprueba la reforma", "El Gobierno retira la reforma", true},
      {"Il governo approva la riforma", "Il governo ritira la riforma", true},
      {U8(u8"Regierung beschließt Reform").data(), "Regierung kippt Reform",
       true},
      {"La Juve pareggia con il Milan", "La Juve batte il Milan", true},
      {"Ex ministro indagato per corruzione",
       "Ex ministro prosciolto per corruzione", true},
      {U8(u8"Le pont rouvre à la circulation").data(),
       U8(u8"Le pont fermé à la circulation").data(), true},
      {"La Juve batte il Milan", "Serie A, la Juve batte il Milan 2-1", false},
  };
  ExpectConflicts(cases);
}

// Sports reports: advancing or knocked out, a chance scored or missed, a
// penalty saved or conceded, a title clinched, a player signed or released.
TEST(PolarityFactsTest, SportsOutcomes) {
  const ConflictCase cases[] = {
      {"Djokovic advances to quarter-finals",
       "Djokovic knocked out in quarter-finals", true},
      {"Messi scores penalty", "Messi misses penalty", true},
      {"Bolt breaks world record", "Bolt misses world record", true},
      {"Striker sent off in derby", "Striker scores in derby", true},
      {"Goalkeeper saves penalty", "Goalkeeper concedes penalty", true},
      {"City clinch title", "City miss out on title", true},
      {"Arsenal sign striker", "Arsenal release striker", true},
      {"Messi scores penalty", "Messi scores penalty as Barcelona win", false},
      {"Hamilton crashes out in Monaco", "Hamilton crashes out of Monaco GP",
       false},
      {"Messi marca un penalti", "Messi falla un penalti", true},
      {"Vlahović segna un rigore", "Vlahović sbaglia un rigore", true},
      {U8(u8"Müller verwandelt Elfmeter").data(),
       U8(u8"Müller verschießt Elfmeter").data(), true},
  };
  ExpectConflicts(cases);
}

// Diplomacy and state: recalled or expelled against returning, ratified
// or annulled, deployed or withdrawn, declared or lifted.
TEST(PolarityFactsTest, DiplomacyAndState) {
  const ConflictCase cases[] = {
      {"Ambassador recalled from Moscow", "Ambassador returns to Moscow", true},
      {"Diplomats expelled from Russia", "Diplomats return to Russia", true},
      {"Embassy reopens in Kabul", "Embassy evacuated in Kabul", true},
      {"Treaty ratified by parliament", "Treaty rejected by parliament", true},
      {"Troops deployed to border", "Troops withdrawn from border", true},
      {"Election result confirmed", "Election result annulled", true},
      {"Martial law declared", "Martial law lifted", true},
      {"Martial law declared in Thailand", "Thailand: martial law declared",
       false},
  };
  ExpectConflicts(cases);
}

// "up" / "down" with no amount, after a plural figure; a strike called or
// called off.
TEST(PolarityFactsTest, UpOrDownAfterPluralAndStrikesCalled) {
  const ConflictCase cases[] = {
      {"Car sales up in Europe", "Car sales down in Europe", true},
      {"House prices up in London", "House prices down in London", true},
      {"Shares down after earnings", "Shares rise after earnings", true},
      {"Union calls strike", "Union calls off strike", true},
      {"Car sales down in Europe", "European car sales down in March", false},
      // Not after a singular word, nor before another word.
      {"Plant set up in Ohio", "Plant output falls in Ohio", false},
      {"Company sets up in Ohio", "Company closes down in Ohio", false},
      {"Prices up sharply in London", "Prices down sharply in London", false},
  };
  ExpectConflicts(cases);
}

// Weather and environment: restrictions introduced or lifted, a drought
// declared or ended (declared over ends), defences holding or breached,
// air good or poor.
TEST(PolarityFactsTest, WeatherAndEnvironment) {
  const ConflictCase cases[] = {
      {"Water restrictions introduced in Cornwall",
       "Water restrictions lifted in Cornwall", true},
      {"Drought declared in Kent", "Drought ends in Kent", true},
      {"Flood defences hold in Carlisle", "Flood defences breached in Carlisle",
       true},
      {"Air quality poor in Delhi", "Air quality good in Delhi", true},
      {"Measles outbreak declared", "Measles outbreak declared over", true},
      {"Ebola outbreak declared over", "Ebola outbreak ends", false},
      {"Drought declared in Kent", "Kent: drought declared", false},
  };
  ExpectConflicts(cases);
}

// Legal steps: charges dropped or filed, a lawsuit filed or dismissed, an
// appeal upheld or dismissed, questioned or cleared, an inquest opened or
// concluded, an officer suspended or sacked.
TEST(PolarityFactsTest, LegalSteps) {
  const ConflictCase cases[] = {
      {"Charges dropped against rapper", "Charges filed against rapper", true},
      {"Lawsuit filed against Google", "Lawsuit dismissed against Google",
       true},
      {"Appeal upheld in fraud case", "Appeal dismissed in fraud case", true},
      {"Man questioned over stabbing", "Man cleared over stabbing", true},
      {"Inquest opens into death of teenager",
       "Inquest concludes into death of teenager", true},
      {"Police officer suspended", "Police officer sacked", true},
      {"Il poliziotto sospeso", "Il poliziotto licenziato", true},
      {"Denuncia presentada contra Google", "Denuncia archivada contra Google",
       true},
      // Arrested and charged are one item to STS-B's annotators.
      {"Exam results delayed", "Exam results published", true},
      {"Mission to Mars launched", "Mission to Mars delayed", true},
      {"Patient discharged after transplant", "Patient dies after transplant",
       true},
      {"Smoking ban extended", "Smoking ban scrapped", true},
      {"Scientists confirm discovery", "Scientists retract discovery", true},
      {"SpaceX launch delayed", "SpaceX delays launch", false},
      {"Ride operator charged in N.C. fair accident",
       "N.C. State Fair ride operator arrested after accident", false},
  };
  ExpectConflicts(cases);
}

// A side's words in one language come with the other side's: a headline
// that says both takes neither, in every language it is written in.
TEST(PolarityFactsTest, ArrestAndKillBothSaid) {
  constexpr int kFra = 1, kDeu = 5;
  EXPECT_FALSE(FactsConflict(
      FactsIn(U8(u8"Mutter wegen des Verdachts auf Totschlag verhaftet, "
                 u8"nachdem Hund ihre Tochter getötet"),
              kDeu),
      FactsIn(U8(u8"Une mère est arrêtée pour homicide involontaire après que "
                 u8"son chien a tué sa fille"),
              kFra)));
}

// Cases or deaths, without a number.
TEST(PolarityFactsTest, CasesOrDeaths) {
  const ConflictCase cases[] = {
      {"Covid cases rise in Germany", "Covid deaths rise in Germany", true},
      {"Taiwan reports 6 more SARS deaths", "6 more Taiwanese SARS cases",
       true},
      {U8(u8"Los contagios suben en Madrid").data(),
       U8(u8"Las muertes suben en Madrid").data(), true},
      {"Covid cases and deaths rise in Germany", "Covid cases rise in Germany",
       false},
      {"Covid infections rise in Germany", "Covid cases rise in Germany",
       false},
  };
  ExpectConflicts(cases);
}

// Dying is the killed side in the six languages.
TEST(PolarityFactsTest, DyingIsKilledSide) {
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Un diplomatico palestinese muore a Praga in un'esplosione"),
      FactsOf("Un diplomate palestinien blesse dans une explosion a Prague")));
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Neun Kinder sterben bei Anschlag"),
      FactsOf("Nine children injured in attack")));
  EXPECT_FALSE(
      FactsConflictIgnoringEntities(FactsOf("Un hombre muere en un incendio"),
                                    FactsOf("Man killed in house fire")));
  EXPECT_FALSE(FactsConflictIgnoringEntities(FactsOf("Homem morre em acidente"),
                                             FactsOf("Un homme meurt")));
  EXPECT_TRUE(Conflict("Man perishes in blaze", "Man injured in blaze"));
}

// The points of the compass take sides on WordNet's axes, in every mode
// and across languages; the words that mean something else in another of
// the six languages ("est", "sur", "sul", "este") take none.
TEST(PolarityFactsTest, CompassPoints) {
  const ConflictCase cases[] = {
      {"north korea fires missile into sea",
       "south korea fires missile into sea", true},
      {"storm heads north after landfall", "storm heads south after landfall",
       true},
      {"fighting in eastern ukraine", "fighting in western ukraine", true},
      {"floods in northern italy", "floods in southern italy", true},
      {"west bank clashes leave 3 dead", "east bank clashes leave 3 dead",
       true},
      {"la coree du nord tire un missile", "la coree du sud tire un missile",
       true},
      {"corea del norte dispara un misil", "la coree du sud tire un missile",
       true},
      // One side only, or both sides in one headline: no conflict.
      {"north korea fires missile into sea", "korea fires missile into sea",
       false},
      {"north and south korea hold talks", "south korea holds talks", false},
      {"northern ireland election results", "ireland election results", false},
      // The points between take a side on each axis.
      {"storm warning for the southwest", "storm warning for the southeast",
       true},
      {"quake hits southeastern turkey", "quake hits northeastern turkey",
       true},
      {"lluvias en el noroeste del pais", "lluvias en el noreste del pais",
       true},
      {"maltempo nel nordest", "maltempo nel nordovest", true},
      {"unwetter im sudwesten", "unwetter im nordosten", true},
      {"storm warning for the southwest", "storm warning for the south west",
       false},
      {"rain in northeast england", "rain in north-east england", false},
      {"rain in northeast england", "rain in the north of england", false},
      // Not compass points here.
      {"le president est a paris", "le president ouest a paris", false},
      {"attaque sur la ville", "attaque au nord de la ville", false},
      {"attacco sul confine", "attacco a nord del confine", false},
      {"este ataque en la ciudad", "ataque en el oeste de la ciudad", false},
  };
  ExpectConflicts(cases);
  EXPECT_TRUE(
      FactsConflictIgnoringEntities(FactsOf("corea del norte dispara un misil"),
                                    FactsOf("south korea fires a missile")));
}

// A suspect caught alive or killed, in the present too and in the six
// languages; "Man arrested after woman killed" says both.
TEST(PolarityFactsTest, ArrestedOrKilledInThePresent) {
  const ConflictCase cases[] = {
      {"Police arrest gunman after siege", "Police kill gunman after siege",
       true},
      {"Army captures Islamic State leader", "Army kills Islamic State leader",
       true},
      {"la policia detiene al atacante", "la policia abate al atacante", true},
      {"la polizia arresta il killer", "la polizia uccide il killer", true},
      {"a policia prende o atirador", "a policia mata o atirador", true},
      {"Police arrest suspect in Paris", "Suspect arrested in Paris by police",
       false},
      {"Gunman kills 3 before being arrested",
       "Gunman kills three, is arrested", false},
  };
  ExpectConflicts(cases);
}

// An office's holder against its deputy or a former holder: "vice",
// "deputy", "vize", "former", "ex" before the title or the word before it,
// or joined to it ("vicepresidente", "Vizekanzler"); a typo'd modifier
// still modifies. A headline without the title takes no side.
TEST(PolarityFactsTest, OfficeHolderDeputyOrFormer) {
  const ConflictCase cases[] = {
      {"US President to visit China next week",
       "US Vice President to visit China next week", true},
      {"Party leader resigns after defeat",
       "Party deputy leader resigns after defeat", true},
      {"Foreign minister visits Kyiv", "Deputy foreign minister visits Kyiv",
       true},
      {"el presidente de brasil visita argentina",
       "el vicepresidente de brasil visita argentina", true},
      {"der kanzler reist nach paris", "der vizekanzler reist nach paris",
       true},
      {"le president du senat hospitalise",
       "le vice-president du senat hospitalise", true},
      {"ministro da saude e preso", "ex-ministro da saude e preso", true},
      {"Obama meets French president", "Obama meets French former president",
       true},
      {"Former governor of Illinois indicted",
       "Foremr governor of Illinois indicted", false},
      {"Vice President Harris visits Paris", "Kamala Harris visits Paris",
       false},
      {"Deputy shot, mayor says", "Mayor says deputy shot", false},
      {"Former New York mayor dies", "Former mayor of New York dies", false},
      {"New York mayor visits Paris", "Former New York mayor visits Paris",
       true},
      {"Ex-wife of mayor speaks out", "Mayor speaks out", false},
      {"le maire de lyon hospitalise", "le maire adjoint de lyon hospitalise",
       true},
      {"der kanzler reist nach paris",
       "der stellvertretende kanzler reist nach paris", true},
  };
  ExpectConflicts(cases);
  // Across languages: "antigo" is "former".
  EXPECT_FALSE(FactsConflictIgnoringEntities(
      FactsOf("Ehud Olmert, antigo primeiro-ministro israelita, condenado"),
      FactsOf("Ehud Olmert, former Israeli prime minister, sentenced")));
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Ehud Olmert, primeiro-ministro israelita, condenado"),
      FactsOf("Ehud Olmert, former Israeli prime minister, sentenced")));
}

// An amount's currency (a symbol or code before its number, a word after
// it and its multiplier): two currencies for one amount conflict, across
// languages too; an amount without one, or a cashtag, conflicts with none.
TEST(FactsTest, CurrencyOfAnAmount) {
  const ConflictCase cases[] = {
      {"Apple to invest $5 billion in India",
       "Apple to invest \xE2\x82\xAC"
       "5 billion in India",
       true},
      {"Bitcoin hits $10,000", "Bitcoin hits 10,000 euros", true},
      {"Liverpool sign striker for \xC2\xA3"
       "40m",
       "Liverpool sign striker for 40m euros", true},
      {"Apple to invest $5 billion in India",
       "Apple to invest 5 billion dollars in India", false},
      {"Apple to invest US$5bn in India", "Apple to invest $5bn in India",
       false},
      {"Apple to invest $5 billion in India",
       "Apple to invest 5 billion in India", false},
      {"$AAPL up 5% in early trade", "AAPL up 5% in early trade", false},
  };
  ExpectConflicts(cases);
  EXPECT_TRUE(FactsConflictIgnoringEntities(
      FactsOf("Apple to invest $5 billion in India"),
      FactsOf("Apple va investir 5 milliards d'euros en Inde")));
}

TEST(PolarityFactsTest, OnlyOpposedSidesConflict) {
  const auto facts = [](std::vector<std::uint16_t> entries) {
    Facts f;
    AddPolarityEntries(&entries, &f);
    return f;
  };
  const std::uint16_t open = PolarityEntry("close.open", 1);
  const std::uint16_t close = PolarityEntry("close.open", 0);
  const std::uint16_t low = PolarityEntry("high.low", 1);
  const std::uint16_t high = PolarityEntry("high.low", 0);
  // The side is bit 0 of an axis entry; two entries share a code, which
  // lies between the number facts and the entities.
  EXPECT_EQ(open ^ close, 1);
  EXPECT_NE(open >> 1, low >> 1);
  EXPECT_LT(open, 1u << 15);
  const Facts three = facts({open, low, high});
  ASSERT_EQ(three.codes.size(), 2u);
  for (std::uint32_t c : three.codes) {
    EXPECT_GE(c, 0x40000000u);
    EXPECT_LT(c, 0x80000000u);
  }
  // "Indian stocks open lower" / "Indian stocks close lower".
  EXPECT_TRUE(FactsConflict(facts({open, low}), facts({close, low})));
  EXPECT_TRUE(FactsConflict(facts({low, open}), facts({low, close})));
  // The guard of cross-language pairs too (negated headlines take no side:
  // xlang_test).
  EXPECT_TRUE(FactsConflictIgnoringEntities(facts({open}), facts({close})));
  // Entities are another matter across languages: "Suede" / "Sweden".
  Facts sweden = AllFactsOf("Les discussions avec la Suede commencent");
  Facts suede = AllFactsOf("Talks with Sweden begin");
  ASSERT_TRUE(FactsConflict(sweden, suede));
  EXPECT_FALSE(FactsConflictIgnoringEntities(sweden, suede));
  // "... open lower after record close" takes both sides of the axis, also
  // when the two sides are packed in different codes.
  EXPECT_FALSE(FactsConflict(facts({open, close, low}), facts({close, low})));
  EXPECT_FALSE(FactsConflict(facts({open, high, close}), facts({close})));
  // One side only on one headline, nothing on the other: a dropped word.
  EXPECT_FALSE(FactsConflict(facts({open, low}), facts({low})));
  EXPECT_FALSE(FactsConflict(facts({}), facts({close})));
  EXPECT_TRUE(FactsConflict(facts({open, high}), facts({open, low})));
  EXPECT_FALSE(FactsConflict(facts({open, open, low}), facts({open, low})));
  // With the number facts: one changed number is still a conflict, and a
  // dropped number with agreeing sides is not.
  Facts with_number = AllFactsOf("Stocks open 0.31% higher");
  ASSERT_GT(with_number.codes.size(), 0u);
  std::vector<std::uint16_t> sides = {open, high};
  AddPolarityEntries(&sides, &with_number);
  EXPECT_TRUE(
      std::is_sorted(with_number.codes.begin(), with_number.codes.end()));
  EXPECT_FALSE(FactsConflict(with_number, facts({open, high})));
  EXPECT_TRUE(FactsConflict(with_number, facts({open, low})));
  EXPECT_TRUE(FactsConflictIgnoringEntities(with_number, facts({open, low})));
  EXPECT_FALSE(FactsConflictIgnoringEntities(with_number, facts({open})));
}

TEST(EntityFactsTest, CodesStaySortedOnArbitraryBytes) {
  std::mt19937 rng(5);
  const char alphabet[] = "AaBbZz@#$<>.'- |:()0123456789";
  std::string text;
  Facts facts;
  for (int round = 0; round < 20000; ++round) {
    text.clear();
    const int len = static_cast<int>(rng() % 48);
    for (int k = 0; k < len; ++k) {
      text.push_back(rng() % 16 == 0
                         ? static_cast<char>(rng() % 256)
                         : alphabet[rng() % (sizeof(alphabet) - 1)]);
    }
    facts.clear();
    AddEntityFacts(text, &facts);
    ASSERT_TRUE(std::is_sorted(facts.codes.begin(), facts.codes.end()));
  }
}

// An ASCII text is walked in place, its words scanned from their bytes'
// bits; any other is decoded into code points first, its words scanned by
// counting letters (the reference). The two agree: the same text with its
// spaces as no-break spaces (U+00A0, a space to the entity rule too) takes
// the decoding path and must give the same entities.
TEST(EntityFactsTest, AsciiAndDecodedWalksAgree) {
  std::mt19937 rng(11);
  std::string spaced;
  Facts ascii, decoded;
  // Compares the two walks of `text`; returns 1 when it has entities.
  const auto agree = [&](const std::string& text) {
    spaced.clear();
    for (char c : text) {
      if (c == ' ') {
        spaced += "\xC2\xA0";
      } else {
        spaced.push_back(c);
      }
    }
    if (spaced == text) return 0;  // no space: both would be ASCII
    ascii.clear();
    decoded.clear();
    AddEntityFacts(text, &ascii);
    AddEntityFacts(spaced, &decoded);
    EXPECT_EQ(ascii.codes, decoded.codes) << text;
    return ascii.codes.empty() ? 0 : 1;
  };
  // Letters of both cases, handles, angle tags, elisions ("l'A"),
  // initials ("U.S."), joined names ("AT&T"), separators, parentheses.
  const char alphabet[] = "AaBbEeZzlL@#$<>.'- |:()&,!?\"0123456789     ";
  // Headline-like pieces, glued or spaced: elisions of up to five
  // lower-case letters and past them ("quell'", "quelle'"), initials, joined
  // names, handles, wire tags, scores and source tags.
  const std::string_view pieces[] = {
      "l'",   "dell'", "quell'", "quelle'", "Elysee", "U.S.",   "AT&T", "S&p",
      "&",    "@cnn",  "#Tag",   "$AAPL",   "<DAHL>", "<a b>",  "38",   "-",
      "17",   "|",     "(AFP)",  "(",       ")",      "iPhone", "NASA", "le",
      "Roma", ":",     ".",      ",",       "'",      "x",      "Q3",   "--",
      "!",    "\"",    "2-1",    "d.l'",    "a&b'",   "7l'",    "Sa'"};
  int from_chars = 0, from_pieces = 0;
  std::string text;
  for (int round = 0; round < 20000 && !HasFailure(); ++round) {
    text.clear();
    const int len = static_cast<int>(rng() % 48);
    for (int k = 0; k < len; ++k) {
      text.push_back(alphabet[rng() % (sizeof(alphabet) - 1)]);
    }
    from_chars += agree(text);
    text.clear();
    const int count = static_cast<int>(rng() % 10);
    for (int k = 0; k < count; ++k) {
      text += pieces[rng() % std::size(pieces)];
      if (rng() % 4 != 0) text.push_back(' ');
    }
    from_pieces += agree(text);
  }
  // The comparisons saw entities.
  EXPECT_GT(from_chars, 1000);
  EXPECT_GT(from_pieces, 1000);
}

}  // namespace
}  // namespace tickerdedup::internal
