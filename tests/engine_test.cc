// Engine tests: exact matching, cluster representatives, window eviction.
#include "tickerdedup/engine.h"

#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <map>
#include <random>
#include <span>
#include <string>
#include <tuple>
#include <vector>

namespace tickerdedup {
namespace {

std::unique_ptr<Engine> MakeEngine(EngineOptions options) {
  std::string error;
  auto engine = Engine::Create(options, &error);
  EXPECT_NE(engine, nullptr) << error;
  return engine;
}

EngineOptions ExactOptions() {
  EngineOptions o;
  o.match = MatchLevel::kExact;
  return o;
}

TEST(EngineExact, FirstIsNewRepeatIsExact) {
  auto engine = MakeEngine(ExactOptions());
  Decision a = engine->Add("Alpha one");
  Decision b = engine->Add("Beta two");
  Decision c = engine->Add("Alpha one");
  EXPECT_EQ(a.id, 0u);
  EXPECT_EQ(a.verdict, Verdict::kNew);
  EXPECT_FALSE(a.dup_of.has_value());
  EXPECT_FALSE(a.score.has_value());
  EXPECT_EQ(b.id, 1u);
  EXPECT_EQ(b.verdict, Verdict::kNew);
  EXPECT_EQ(c.id, 2u);
  EXPECT_EQ(c.verdict, Verdict::kExact);
  ASSERT_TRUE(c.dup_of.has_value());
  EXPECT_EQ(*c.dup_of, 0u);
  EXPECT_DOUBLE_EQ(c.score.value_or(-1), 1.0);
  EngineStats s = engine->Stats();
  EXPECT_EQ(s.items, 3u);
  EXPECT_EQ(s.new_items, 2u);
  EXPECT_EQ(s.exact, 1u);
  EXPECT_EQ(s.stored_items, 2u);
}

TEST(EngineExact, MatchesAfterNormalization) {
  auto engine = MakeEngine(ExactOptions());
  engine->Add("Sahara : Trump convoque un nouveau round");
  Decision d = engine->Add("SAHARA :  TRUMP   convoque un nouveau round");
  EXPECT_EQ(d.verdict, Verdict::kExact);
  Decision e = engine->Add("S\xc3\xa1hara : Trump convoque un nouveau round");
  EXPECT_EQ(e.verdict, Verdict::kExact);
  Decision f = engine->Add("Tom &amp; Jerry");
  Decision g = engine->Add("Tom & Jerry");
  EXPECT_EQ(f.verdict, Verdict::kNew);
  EXPECT_EQ(g.verdict, Verdict::kExact);
  EXPECT_EQ(*g.dup_of, f.id);
}

TEST(EngineExact, CutPiecesAreNeverDuplicates) {
  auto engine = MakeEngine(ExactOptions());
  Item piece{"xxxxxxxx", 0, /*cut=*/true};
  EXPECT_EQ(engine->Add(piece).verdict, Verdict::kNew);
  EXPECT_EQ(engine->Add(piece).verdict, Verdict::kNew);
  EXPECT_EQ(engine->Add("xxxxxxxx").verdict, Verdict::kNew);
  EXPECT_EQ(engine->Stats().cut, 2u);
}

TEST(EngineExact, WindowEvictsLeastRecentlySeen) {
  EngineOptions o = ExactOptions();
  o.window = 2;
  auto engine = MakeEngine(o);
  engine->Add("a");                                      // id 0
  engine->Add("b");                                      // id 1
  EXPECT_EQ(engine->Add("a").verdict, Verdict::kExact);  // sighting of a
  engine->Add("c");                                      // evicts b, not a
  EXPECT_EQ(engine->Add("a").verdict, Verdict::kExact);
  Decision b = engine->Add("b");
  EXPECT_EQ(b.verdict, Verdict::kNew);  // b was evicted: new cluster
  EXPECT_EQ(engine->Stats().stored_items, 2u);
  EXPECT_GE(engine->Stats().evicted, 2u);
  // b came back as a new representative; its repeat points to the new id.
  Decision b2 = engine->Add("b");
  EXPECT_EQ(b2.verdict, Verdict::kExact);
  EXPECT_EQ(*b2.dup_of, b.id);
}

TEST(EngineExact, TimeWindowEvictsOldItems) {
  EngineOptions o = ExactOptions();
  o.window_seconds = 3600;
  auto engine = MakeEngine(o);
  engine->Add(Item{"story", 1000});
  EXPECT_EQ(engine->Add(Item{"story", 2000}).verdict, Verdict::kExact);
  // Last sighting at 2000; 2000 + 3600 is still inside the window.
  EXPECT_EQ(engine->Add(Item{"story", 5600}).verdict, Verdict::kExact);
  // More than an hour after the last sighting: the cluster has ended.
  EXPECT_EQ(engine->Add(Item{"story", 9201}).verdict, Verdict::kNew);
}

TEST(EngineExact, BoundedMemoryOverLongStream) {
  EngineOptions o = ExactOptions();
  o.window = 1000;
  auto engine = MakeEngine(o);
  for (int i = 0; i < 100000; ++i)
    engine->Add("headline number " + std::to_string(i));
  EngineStats s = engine->Stats();
  EXPECT_EQ(s.stored_items, 1000u);
  EXPECT_EQ(s.evicted, 99000u);
  EXPECT_LT(s.index_bytes, 1000u * 1024u);
  // Exact mode: the store is the whole index, every key its own cluster.
  EXPECT_EQ(s.index_bytes, s.store_bytes);
  EXPECT_EQ(s.near_bytes + s.xlang_bytes, 0u);
  EXPECT_EQ(s.representatives, 1000u);
}

TEST(EngineOptionsTest, RejectsInvalidOptions) {
  std::string error;
  EngineOptions o;
  o.window = 0;
  EXPECT_EQ(Engine::Create(o, &error), nullptr);
  EXPECT_FALSE(error.empty());
  o = EngineOptions{};
  o.threshold = 1.5;
  EXPECT_EQ(Engine::Create(o, &error), nullptr);
  o = EngineOptions{};
  o.window_seconds = -1;
  EXPECT_EQ(Engine::Create(o, &error), nullptr);
}

TEST(EngineNames, VerdictAndMatchLevel) {
  EXPECT_EQ(VerdictName(Verdict::kNew), "new");
  EXPECT_EQ(VerdictName(Verdict::kExact), "exact");
  EXPECT_EQ(VerdictName(Verdict::kNear), "near");
  EXPECT_EQ(VerdictName(Verdict::kCrossLanguage), "xlang");
  MatchLevel level;
  EXPECT_TRUE(ParseMatchLevel("near", &level));
  EXPECT_EQ(level, MatchLevel::kNear);
  EXPECT_FALSE(ParseMatchLevel("fuzzy", &level));
}

// ---------------------------------------------------------------- near

EngineOptions NearOptions() {
  EngineOptions o;
  o.match = MatchLevel::kNear;
  return o;
}

TEST(EngineNear, SeedWeekdayAndDateChangeIsDistinct) {
  auto engine = MakeEngine(NearOptions());
  engine->Add("Le temps qu'il fera ce samedi 21 f\xC3\xA9vrier 2026");
  Decision d =
      engine->Add("Le temps qu'il fera ce dimanche 22 f\xC3\xA9vrier 2026");
  EXPECT_EQ(d.verdict, Verdict::kNew);
}

TEST(EngineNear, SeedPercentageChangeIsDistinct) {
  auto engine = MakeEngine(NearOptions());
  engine->Add("Le gouvernement annonce une taxe de 10% sur les sodas");
  Decision d =
      engine->Add("Le gouvernement annonce une taxe de 15% sur les sodas");
  EXPECT_EQ(d.verdict, Verdict::kNew);
}

// Chinese, Japanese and Korean headlines dedupe within their language,
// and a weekday change is another item there too ("周五" / "周六": Friday
// / Saturday inside one token of the key).
TEST(EngineNear, CjkWeekdayChangeIsDistinct) {
  auto engine = MakeEngine(NearOptions());
  const Decision fri = engine->Add(
      "\xE4\xB8\xAD\xE5\x9B\xBD\xE8\x82\xA1\xE5\xB8\x82"    // 中国股市
      "\xE5\x91\xA8\xE4\xBA\x94\xE6\x94\xB6\xE9\xAB\x98");  // 周五收高
  const Decision sat = engine->Add(
      "\xE4\xB8\xAD\xE5\x9B\xBD\xE8\x82\xA1\xE5\xB8\x82"
      "\xE5\x91\xA8\xE5\x85\xAD\xE6\x94\xB6\xE9\xAB\x98");  // 周六收高
  EXPECT_EQ(sat.verdict, Verdict::kNew);
  const Decision tagged = engine->Add(
      "\xE4\xB8\xAD\xE5\x9B\xBD\xE8\x82\xA1\xE5\xB8\x82"
      "\xE5\x91\xA8\xE4\xBA\x94\xE6\x94\xB6\xE9\xAB\x98"
      " - \xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE");  // - 新华社
  EXPECT_EQ(tagged.verdict, Verdict::kNear);
  ASSERT_TRUE(tagged.dup_of.has_value());
  EXPECT_EQ(*tagged.dup_of, fri.id);
  // Korean: "서울 증시 금요일에 상승" / "... 토요일에 ..." (Friday / Saturday).
  engine->Add(
      "\xEC\x84\x9C\xEC\x9A\xB8 \xEC\xA6\x9D\xEC\x8B\x9C "
      "\xEA\xB8\x88\xEC\x9A\x94\xEC\x9D\xBC\xEC\x97\x90 "
      "\xEC\x83\x81\xEC\x8A\xB9");
  const Decision kor_sat = engine->Add(
      "\xEC\x84\x9C\xEC\x9A\xB8 \xEC\xA6\x9D\xEC\x8B\x9C "
      "\xED\x86\xA0\xEC\x9A\x94\xEC\x9D\xBC\xEC\x97\x90 "
      "\xEC\x83\x81\xEC\x8A\xB9");
  EXPECT_EQ(kor_sat.verdict, Verdict::kNew);
}

// Adds `first`, then `changed` (one fact changed: it must be a new item),
// then `copy` (`first` told otherwise): it must be a `copy_verdict`
// duplicate of `first`.
void ExpectFactChangeApartAndCopyJoined(const std::string& first,
                                        const std::string& changed,
                                        const std::string& copy,
                                        Verdict copy_verdict) {
  auto engine = MakeEngine(NearOptions());
  const Decision original = engine->Add(first);
  EXPECT_EQ(engine->Add(changed).verdict, Verdict::kNew) << changed;
  const Decision again = engine->Add(copy);
  EXPECT_EQ(again.verdict, copy_verdict) << copy;
  ASSERT_TRUE(again.dup_of.has_value()) << copy;
  EXPECT_EQ(*again.dup_of, original.id) << copy;
}

// Chinese numerals inside a token: "四川地震造成三人死亡" / "...五人死亡"
// (three / five dead) stay apart; "...3人死亡" is the same count.
TEST(EngineNear, CjkNumeralCountChangeIsDistinct) {
  const std::string quake =
      "\xE5\x9B\x9B\xE5\xB7\x9D\xE5\x9C\xB0\xE9\x9C\x87\xE9\x80\xA0"
      "\xE6\x88\x90";  // 四川地震造成
  const std::string dead = "\xE4\xBA\xBA\xE6\xAD\xBB\xE4\xBA\xA1";  // 人死亡
  ExpectFactChangeApartAndCopyJoined(quake + "\xE4\xB8\x89" + dead,  // 三
                                     quake + "\xE4\xBA\x94" + dead,  // 五
                                     quake + "3" + dead, Verdict::kNear);
}

// A count spelled out in another script is a fact too: Russian "три" /
// "пять" (three / five dead in a fire in Moscow) stay apart, and a source
// tag is still a near duplicate.
TEST(EngineNear, SpelledOutCountChangeInCyrillicIsDistinct) {
  const std::string fire =
      "\xD0\x92 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5 "
      "\xD0\xBF\xD1\x80\xD0\xB8 \xD0\xBF\xD0\xBE\xD0\xB6\xD0\xB0"
      "\xD1\x80\xD0\xB5 \xD0\xBF\xD0\xBE\xD0\xB3\xD0\xB8\xD0\xB1"
      "\xD0\xBB\xD0\xB8 ";  // "В Москве при пожаре погибли "
  const std::string three =
      "\xD1\x82\xD1\x80\xD0\xB8 \xD1\x87\xD0\xB5\xD0\xBB"
      "\xD0\xBE\xD0\xB2\xD0\xB5\xD0\xBA\xD0\xB0";  // три человека
  const std::string five =
      "\xD0\xBF\xD1\x8F\xD1\x82\xD1\x8C \xD1\x87\xD0\xB5"
      "\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xB5\xD0\xBA";  // пять человек
  ExpectFactChangeApartAndCopyJoined(fire + three, fire + five,
                                     fire + three + " - TASS", Verdict::kNear);
}

// Digits of other scripts are digits: "مقتل ٣ أشخاص" / "مقتل ٥ أشخاص"
// (Arabic-Indic three / five killed) stay apart, and the same headline
// with ASCII digits is an exact copy.
TEST(EngineNear, ArabicIndicDigitsAreNumbers) {
  const std::string killed = "\xD9\x85\xD9\x82\xD8\xAA\xD9\x84 ";  // مقتل
  const std::string people =
      " \xD8\xA3\xD8\xB4\xD8\xAE\xD8\xA7\xD8\xB5 \xD9\x81\xD9\x8A "
      "\xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF";  // أشخاص في بغداد
  ExpectFactChangeApartAndCopyJoined(killed + "\xD9\xA3" + people,  // ٣
                                     killed + "\xD9\xA5" + people,  // ٥
                                     killed + "3" + people, Verdict::kExact);
}

// A month of another script is a fact beside its date: "21 февраля" /
// "21 марта" (Russian February / March) stay apart.
TEST(EngineNear, MonthOfAnotherScriptIsAFact) {
  const std::string vote =
      "\xD0\x92\xD1\x8B\xD0\xB1\xD0\xBE\xD1\x80\xD1\x8B \xD0\xB2 "
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5 21 ";
  const std::string february =
      "\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F";
  const std::string march = "\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0";
  ExpectFactChangeApartAndCopyJoined(vote + february, vote + march,
                                     vote + february + " - TASS",
                                     Verdict::kNear);
}

TEST(EngineNear, SeedSourceTagIsNear) {
  auto engine = MakeEngine(NearOptions());
  const std::string base =
      "R\xC3\xA9organisation du CNP : l'Ex\xC3\xA9"
      "cutif approuve le projet de loi";
  Decision a = engine->Add(base);
  Decision b = engine->Add(base + " - Le360");
  EXPECT_EQ(b.verdict, Verdict::kNear);
  ASSERT_TRUE(b.dup_of.has_value());
  EXPECT_EQ(*b.dup_of, a.id);
  ASSERT_TRUE(b.score.has_value());
  // The tag is no content (SourceTagStart): the near features are the
  // original's, so the score is 1 (6 of 7 features shared when "le360"
  // was one: 0.75 * 6/7 + 0.25). The match key keeps it: not exact.
  EXPECT_EQ(*b.score, 1.0);
  // The exact repeat stays exact with score 1.
  Decision c = engine->Add(base);
  EXPECT_EQ(c.verdict, Verdict::kExact);
  EXPECT_EQ(*c.score, 1.0);
}

// An outlet's name at the end is no content, digits included: copies of a
// headline that aggregators tag "- France 24" and "- Channel 4 News" are
// one item (the numbers were facts: 24 against 4), and a fact of the
// headline still tells two items apart.
TEST(EngineNear, TrailingSourceTagsAreNoContent) {
  auto engine = MakeEngine(NearOptions());
  const std::string_view kStorm = "Four killed as storm hits the coast";
  std::optional<std::uint64_t> first;
  for (std::string_view tag : {" - France 24", " - Channel 4 News", " (AP)"}) {
    const Decision d = engine->Add(std::string(kStorm) + std::string(tag));
    if (!first) {
      first = d.id;
      continue;
    }
    EXPECT_EQ(d.verdict, Verdict::kNear) << tag;
    EXPECT_EQ(d.dup_of, first) << tag;
  }
  EXPECT_EQ(
      engine->Add("Five killed as storm hits the coast - BBC News").verdict,
      Verdict::kNew);
}

// Pseudo-words "aqz", "bqz", ...: distinct rare fillers for synthetic feeds.
std::string Filler(int i) {
  std::string w;
  for (int k = i; k > 0 || w.empty(); k /= 26)
    w += static_cast<char>('a' + k % 26);
  return w + "qz";
}

TEST(EngineNear, TemplateGuardSeparatesTemplateSiblingsInAFeed) {
  // On a fresh engine nothing is known about the feed: "council approves
  // harbour plan" / "... parking plan" share 3 of 5 features (score 0.64)
  // and merge, as plain MinHash tools do.
  {
    auto engine = MakeEngine(NearOptions());
    engine->Add("council approves harbour plan");
    EXPECT_EQ(engine->Add("council approves parking plan").verdict,
              Verdict::kNear);
  }
  // In a feed that repeats the template with other fillers, the shared
  // words are common and the fillers rare: the two are distinct items. A
  // typo of a rare word, an added source tag and a truncation still match.
  // (With one distinctive word only, a typo'd copy is one of 1,500 equally
  // similar siblings for the LSH stage, which scores the 128 with the most
  // band hits: the headline here has two.)
  auto engine = MakeEngine(NearOptions());
  for (int i = 0; i < 1500; ++i) {
    engine->Add("council approves " + Filler(i) + " plan");
    engine->Add(Filler(i + 5000) + " wins " + Filler(i + 9000) + " award");
  }
  Decision a = engine->Add("council approves harbour expansion plan");
  EXPECT_EQ(a.verdict, Verdict::kNew);
  EXPECT_EQ(engine->Add("council approves parking plan").verdict,
            Verdict::kNew);
  Decision typo = engine->Add("council approves harbuor expansion plan");
  EXPECT_EQ(typo.verdict, Verdict::kNear);
  EXPECT_EQ(typo.dup_of, a.id);
  Decision tagged =
      engine->Add("council approves harbour expansion plan | Reuters");
  EXPECT_EQ(tagged.verdict, Verdict::kNear);
  EXPECT_EQ(tagged.dup_of, a.id);
  Decision truncated = engine->Add("council approves harbour expansion...");
  EXPECT_EQ(truncated.verdict, Verdict::kNear);
  EXPECT_EQ(truncated.dup_of, a.id);
}

// A copy may lose words (a cut, a dropped tag), but one content word says
// nothing of a copy: in a feed, "What Carb Are You" ({carb}: "what", "are",
// "you" are stop words) is not in "Which Carb Is Your Soulmate", while a
// two-word headline held in a three-word one still is.
TEST(EngineNear, OneWordIsNotContainedInALongerHeadline) {
  auto engine = MakeEngine(NearOptions());
  for (int i = 0; i < 1500; ++i) {
    engine->Add("council approves " + Filler(i) + " plan");
    engine->Add(Filler(i + 5000) + " wins " + Filler(i + 9000) + " award");
  }
  ASSERT_EQ(engine->Add("What Carb Are You").verdict, Verdict::kNew);
  EXPECT_EQ(engine->Add("Which Carb Is Your Soulmate").verdict, Verdict::kNew);
  Decision quake = engine->Add("Quake rattles Lisbon harbour");
  ASSERT_EQ(quake.verdict, Verdict::kNew);
  Decision shorter = engine->Add("Quake rattles Lisbon");
  EXPECT_EQ(shorter.verdict, Verdict::kNear);
  EXPECT_EQ(shorter.dup_of, quake.id);
}

TEST(EngineNear, CutCopiesMatchWithLabelsTagsAndTypos) {
  auto engine = MakeEngine(NearOptions());
  for (int i = 0; i < 1500; ++i) {
    engine->Add("council approves " + Filler(i) + " plan");
    engine->Add(Filler(i + 5000) + " wins " + Filler(i + 9000) + " award");
  }
  Decision a = engine->Add(
      "council approves harbour expansion plan for eastern docks despite "
      "protest");
  ASSERT_EQ(a.verdict, Verdict::kNew);
  // Cut short, then labelled and tagged by an aggregator: neither feature
  // set holds the other until the label's and the tag's words are set
  // aside.
  Decision relayed = engine->Add(
      "BREAKING: council approves harbour expansion plan for eastern "
      "docks... | Reuters");
  EXPECT_EQ(relayed.verdict, Verdict::kNear);
  EXPECT_EQ(relayed.dup_of, a.id);
  // A typo and a cut: the typo is linked, then the copy is contained.
  Decision cut_typo = engine->Add(
      "council approves harbour expnasion plan for eastern docks despite...");
  EXPECT_EQ(cut_typo.verdict, Verdict::kNear);
  EXPECT_EQ(cut_typo.dup_of, a.id);
  // A subtitle after a dash is no tag when nothing was cut: another item.
  Decision other = engine->Add(
      "council approves harbour expansion plan for eastern docks - residents "
      "furious");
  EXPECT_EQ(other.verdict, Verdict::kNew);
}

// An opening newsroom label ("UPDATE 2-", "BREAKING: ") is boilerplate
// that copies gain and lose: its words do not dilute a short headline, its
// number is no fact, and its capitals are no entity that the original
// lacks (a lower-cased copy keeps no entity of its own to match).
TEST(EngineNear, OpeningNewsroomLabelsAreBoilerplate) {
  auto engine = MakeEngine(NearOptions());
  const std::pair<const char*, const char*> kCopies[] = {
      {"Zenit rocket explodes on launch pad",
       "UPDATE 2-zenit rocket explodes on launch pad"},
      {"Egyptian politician ElBaradei says ousted President Mubarak must "
       "stand trial",
       "BREAKING: egyptian politician elbaradei says ousted president "
       "mubarak must stand trial"},
      {"Are You Netflix Or Are You Chill",
       "VIDEO. Are You Netflix Or Are You Chill"}};
  for (const auto& [original, labelled] : kCopies) {
    const Decision a = engine->Add(original);
    const Decision b = engine->Add(labelled);
    EXPECT_EQ(b.verdict, Verdict::kNear) << labelled;  // the key keeps it
    EXPECT_EQ(b.dup_of, a.id) << labelled;
  }
}

// A typo in a name ("Vanautu") changes its entity code; the copy is near
// when the typos are all that changed, and an actor swapped along with a
// typo elsewhere stays distinct.
TEST(EngineNear, TypoInANameIsNoOtherActor) {
  auto engine = MakeEngine(NearOptions());
  const Decision a =
      engine->Add("Prime Minister of Vanuatu loses seat over paperwork error");
  const Decision b =
      engine->Add("Prime Minister of Vanautu loses seat over paperwork error");
  EXPECT_EQ(b.verdict, Verdict::kNear);
  EXPECT_EQ(b.dup_of, a.id);
  engine->Add("Obamma meets Xi in Moscow on Monday");
  EXPECT_EQ(engine->Add("Obama meets Li in Moscow on Monday").verdict,
            Verdict::kNew);
}

// The same actors in swapped roles are another item (RoleOrderConflict);
// a relation that holds both ways ("meets") is the same item, and so is a
// typo'd name in its role.
TEST(EngineNear, SwappedRolesAreAnotherItem) {
  auto engine = MakeEngine(NearOptions());
  engine->Add("Manchester United beat Chelsea in FA Cup final");
  EXPECT_EQ(
      engine->Add("Chelsea beat Manchester United in FA Cup final").verdict,
      Verdict::kNew);
  engine->Add("Google sues Germany over privacy rules");
  EXPECT_EQ(engine->Add("Germany sues Google over privacy rules").verdict,
            Verdict::kNew);
  engine->Add("Real Madrid 2-1 Barcelona");
  EXPECT_EQ(engine->Add("Barcelona 2-1 Real Madrid").verdict, Verdict::kNew);
  const Decision a = engine->Add("Obama meets Putin in Geneva");
  const Decision b = engine->Add("Putin meets Obama in Geneva");
  EXPECT_EQ(b.verdict, Verdict::kNear);
  EXPECT_EQ(b.dup_of, a.id);
}

// A negation flipped in an otherwise identical headline is another item;
// in a looser rewrite of the story it is style, and a typo'd "never" is
// still "never".
TEST(EngineNear, FlippedNegationIsAnotherItem) {
  auto engine = MakeEngine(NearOptions());
  engine->Add("Trump will attend G7 summit in Canada");
  EXPECT_EQ(engine->Add("Trump will not attend G7 summit in Canada").verdict,
            Verdict::kNew);
  const Decision a =
      engine->Add("17 Reasons We'll Never Be Able To Forget Blockbuster");
  const Decision b =
      engine->Add("17 Reasons We'll Neevr Be Able To Forget Blockbuster");
  EXPECT_EQ(b.verdict, Verdict::kNear);
  EXPECT_EQ(b.dup_of, a.id);
}

// Short headlines with a typo and a tag: a pair that the score passes at
// Jaccard ~0.4-0.6 (containment helps) must also be an LSH candidate. With
// 16 bands of 3 rows (8-bit keys) these found no candidate; 14 x 2 on full
// 32-bit minima does (docs/near.md).
TEST(EngineNear, ShortCopiesFindTheirOriginal) {
  auto engine = MakeEngine(NearOptions());
  const std::pair<const char*, const char*> kCopies[] = {
      {"vic artists takes out sculpture award",
       "vic artsits takes out sculpture award - Reuters"},
      {"NYSE TO HOLD PRESS CONFERENCE", "NYSE TO HOLD PRESS CONFREENCE (AFP)"},
      {"warm up win for sorenstam", "warm up win for soresntam"}};
  for (const auto& [original, copy] : kCopies) {
    const Decision a = engine->Add(original);
    const Decision b = engine->Add(copy);
    EXPECT_EQ(b.verdict, Verdict::kNear) << copy;
    EXPECT_EQ(b.dup_of, a.id) << copy;
  }
  EXPECT_NE(engine->Describe().find("bands=14 rows=2"), std::string::npos)
      << engine->Describe();
}

using HeadlinePair = std::pair<const char*, const char*>;

// Each pair in a fresh near-mode engine: the second is a near copy of the
// first.
void ExpectNearCopies(std::span<const HeadlinePair> pairs) {
  for (const auto& [a, b] : pairs) {
    auto engine = MakeEngine(NearOptions());
    const Decision first = engine->Add(a);
    const Decision copy = engine->Add(b);
    EXPECT_EQ(copy.verdict, Verdict::kNear) << a << " / " << b;
    EXPECT_EQ(copy.dup_of, first.id) << a << " / " << b;
  }
}

// Each pair in a fresh near-mode engine: the second is a new item.
void ExpectOtherStories(std::span<const HeadlinePair> pairs) {
  for (const auto& [a, b] : pairs) {
    auto engine = MakeEngine(NearOptions());
    engine->Add(a);
    EXPECT_EQ(engine->Add(b).verdict, Verdict::kNew) << a << " / " << b;
  }
}

// A short headline with one word replaced is another event, also in a
// fresh engine, before the template guard's statistics mean anything; a
// typo, a tag or a dropped word still makes a copy.
TEST(EngineNear, ShortSubstitutionsAreOtherEvents) {
  const HeadlinePair kSiblings[] = {
      {"Train derails in India", "Train collides in India"},
      {"Killer released on parole", "Killer denied parole"},
      {"Hostages freed in Mali", "Hostages killed in Mali"},
      {"La demande de p\xc3\xa9trole augmente",
       "La production de p\xc3\xa9trole augmente"}};
  ExpectOtherStories(kSiblings);
  const HeadlinePair kCopies[] = {
      {"Journalist jailed in Iran", "Journalist jailled in Iran"},
      {"Ceasefire holds in Gaza", "Ceasefire hold in Gaza"},
      {"Dam bursts in Libya", "Dam bursts in eastern Libya"},
      {"Coach sacked by Chelsea", "Coach sacked by Chelsea (AFP)"},
      {"Train derails in India", "Train derails"}};
  ExpectNearCopies(kCopies);
}

// Near mode has no vocabulary, so a headline's capitalized first word reads
// as a name: "Teacher stabbed in Lyon school" asserted "Teacher", "French
// teacher stabbed in Lyon school" asserted "French", and each lacked one of
// the other's entities. A copy that only adds words, whose lone entity is a
// word of the other side, is a copy in either order; unless the added words
// negate it or take a side.
TEST(EngineNear, HeadlineInitialWordIsNoName) {
  const HeadlinePair kCopies[] = {
      {"Teacher stabbed in Lyon school",
       "French teacher stabbed in Lyon school"},
      {"Veteran firefighter injured in Leeds blaze",
       "Firefighter injured in Leeds blaze"},
      {"Ferry sinks off Greek island", "Tourist ferry sinks off Greek island"},
  };
  ExpectNearCopies(kCopies);
  const HeadlinePair kOthers[] = {
      {"Villagers evacuated in Cumbria not allowed to return home",
       "Evacuated villagers return home"},
      {"Leader of rebel group arrested",
       "Army denies arrest of rebel group leader"},
      {"French teacher stabbed in Lyon school",
       "British teacher stabbed in Lyon school"},
  };
  ExpectOtherStories(kOthers);
}

TEST(EngineNear, ExactLevelDoesNotMatchNear) {
  auto engine = MakeEngine(ExactOptions());
  engine->Add("storm hits the coast of florida overnight");
  EXPECT_EQ(
      engine->Add("storm hits the coast of florida overnight (AP)").verdict,
      Verdict::kNew);
}

TEST(EngineNear, VerifiesAgainstRepresentativeNotChains) {
  auto engine = MakeEngine(NearOptions());
  // B is near A (6 of 10 features shared); C is near B but not near A
  // (4 of 12): C must not join A's cluster through B.
  Decision a =
      engine->Add("alpha bravo charlie delta echoes foxtrot golfer hotel");
  Decision b =
      engine->Add("alpha bravo charlie delta echoes foxtrot xray yankee");
  EXPECT_EQ(b.verdict, Verdict::kNear);
  EXPECT_EQ(*b.dup_of, a.id);
  Decision c = engine->Add("alpha bravo charlie delta zulu quebec xray yankee");
  EXPECT_EQ(c.verdict, Verdict::kNew);
}

TEST(EngineNear, WindowEvictionEndsTheCluster) {
  EngineOptions o = NearOptions();
  o.window = 2;
  auto engine = MakeEngine(o);
  Decision a = engine->Add("storm hits the coast of florida overnight");
  engine->Add("markets rally after central bank decision");
  // A near hit is a sighting of A's cluster.
  EXPECT_EQ(
      engine->Add("storm hits the coast of florida overnight - AP").verdict,
      Verdict::kNear);
  engine->Add("parliament approves new budget for schools");  // evicts markets
  Decision again =
      engine->Add("Storm hits the coast of Florida overnight (AFP)");
  EXPECT_EQ(again.verdict, Verdict::kNear);
  EXPECT_EQ(*again.dup_of, a.id);
  engine->Add("football club wins the national championship");
  engine->Add("scientists discover new species in amazon forest");  // evicts A
  Decision after =
      engine->Add("storm hits the coast of florida overnight - Reuters");
  EXPECT_EQ(after.verdict, Verdict::kNew);
  EXPECT_EQ(engine->Stats().stored_items, 2u);
}

TEST(EngineNear, TimeWindowEndsTheCluster) {
  EngineOptions o = NearOptions();
  o.window_seconds = 3600;
  auto engine = MakeEngine(o);
  engine->Add(Item{"storm hits the coast of florida overnight", 1000});
  EXPECT_EQ(
      engine->Add(Item{"storm hits the coast of florida overnight - AP", 4000})
          .verdict,
      Verdict::kNear);
  EXPECT_EQ(
      engine->Add(Item{"storm hits the coast of florida overnight - AFP", 7600})
          .verdict,
      Verdict::kNear);  // last sighting at 4000, 4000 + 3600 = 7600
  EXPECT_EQ(
      engine
          ->Add(Item{"storm hits the coast of florida overnight - DPA", 11201})
          .verdict,
      Verdict::kNew);
}

// A synthetic stream: base headlines of 8 random words, and variants of
// recent bases (one word dropped, a source tag added).
std::vector<std::pair<std::string, int>> SyntheticStream(int n, unsigned seed) {
  std::mt19937 rng(seed);
  auto word = [&]() {
    std::string w;
    for (int i = 0; i < 6; ++i)
      w.push_back(static_cast<char>('a' + rng() % 26));
    return w;
  };
  std::vector<std::vector<std::string>> bases;
  std::vector<std::pair<std::string, int>> out;  // text, base index or -1
  for (int i = 0; i < n; ++i) {
    if (!bases.empty() && rng() % 3 == 0) {
      int k =
          static_cast<int>(rng() % std::min<std::size_t>(bases.size(), 200));
      int bi = static_cast<int>(bases.size()) - 1 - k;
      std::string text;
      for (std::size_t j = 1; j < bases[bi].size(); ++j)
        text += bases[bi][j] + " ";
      text += "- Source";
      out.emplace_back(text, bi);
    } else {
      std::vector<std::string> b;
      std::string text;
      for (int j = 0; j < 8; ++j) {
        b.push_back(word());
        text += b.back() + " ";
      }
      out.emplace_back(text, -1);
      bases.push_back(std::move(b));
    }
  }
  return out;
}

TEST(EngineNear, DeterministicDecisions) {
  auto stream = SyntheticStream(3000, 5);
  auto run = [&]() {
    EngineOptions o = NearOptions();
    o.window = 100;
    auto engine = MakeEngine(o);
    std::vector<std::tuple<int, std::uint64_t, double>> out;
    for (auto& [text, base] : stream) {
      Decision d = engine->Add(text);
      out.emplace_back(static_cast<int>(d.verdict), d.dup_of.value_or(~0ull),
                       d.score.value_or(-1));
    }
    return out;
  };
  EXPECT_EQ(run(), run());
}

TEST(EngineNear, EvictedRepresentativesNeverResurrectOrMisPoint) {
  auto stream = SyntheticStream(20000, 9);
  EngineOptions o = NearOptions();
  o.window = 50;
  auto engine = MakeEngine(o);
  std::vector<std::uint64_t> base_id;  // base index -> id
  // text -> the cluster it last joined (its own id when it was new).
  std::map<std::string, std::uint64_t> cluster_of;
  int near = 0;
  for (auto& [text, base] : stream) {
    Decision d = engine->Add(text);
    if (d.verdict == Verdict::kExact) {
      // A verbatim repeat: of a representative, or of a member, whose key
      // points at its representative.
      ASSERT_EQ(*d.dup_of, cluster_of.at(text));
      continue;
    }
    cluster_of[text] = d.dup_of.value_or(d.id);
    if (base < 0) {
      ASSERT_EQ(d.verdict, Verdict::kNew);
      base_id.push_back(d.id);
      continue;
    }
    if (d.verdict != Verdict::kNew) {
      // Only ever the variant's own base: a stale band entry would point at
      // a reused slot (another base).
      ASSERT_EQ(d.verdict, Verdict::kNear);
      ASSERT_EQ(*d.dup_of, base_id[base]);
      ++near;
    }
    ASSERT_LE(engine->Stats().stored_items, 50u);
  }
  EXPECT_GT(near, 100);
  EXPECT_GT(engine->Stats().evicted, 10000u);
}

TEST(EngineNear, MemoryPerStoredHeadlineIsBounded) {
  EngineOptions o = NearOptions();
  o.window = 20000;
  auto engine = MakeEngine(o);
  auto stream = SyntheticStream(30000, 11);
  for (auto& [text, base] : stream) engine->Add(text);
  EngineStats s = engine->Stats();
  // Store + sketch stage, with growth slack at this size (tables sized for
  // 2.5x the live count after a rebuild); the full-window figure is
  // measured in bench/index_benchmark.cc (docs/near.md).
  EXPECT_LT(static_cast<double>(s.index_bytes) / s.stored_items, 600.0);
  // The parts add up; near members are stored keys, not representatives.
  EXPECT_EQ(s.index_bytes, s.store_bytes + s.near_bytes + s.xlang_bytes);
  EXPECT_GT(s.store_bytes, 0u);
  EXPECT_GT(s.near_bytes, 0u);
  EXPECT_EQ(s.xlang_bytes, 0u);
  EXPECT_GT(s.representatives, 0u);
  EXPECT_LT(s.representatives, s.stored_items);
}

}  // namespace
}  // namespace tickerdedup

namespace tickerdedup {
namespace {

// Feeds `items` to `engine` in uneven batches, as a streaming caller
// would: `step` items first, then step * growth + 1, and so on.
std::vector<Decision> AddInBatches(Engine& engine,
                                   const std::vector<Item>& items,
                                   std::size_t step, std::size_t growth) {
  std::vector<Decision> got(items.size());
  std::size_t pos = 0;
  while (pos < items.size()) {
    std::size_t n = std::min(step, items.size() - pos);
    engine.AddBatch(items.data() + pos, n, got.data() + pos);
    pos += n;
    step = step * growth + 1;
  }
  return got;
}

// AddBatch over a thread pool must decide exactly as Add, item by item.
TEST(EngineBatch, ThreadsGiveIdenticalDecisions) {
  auto stream = SyntheticStream(6000, 5);
  std::vector<Item> items;
  for (auto& [text, base] : stream) items.push_back(Item{text, 0, false});
  // A cut piece in the middle must keep its place and verdict.
  items.insert(items.begin() + 1000, Item{"fragment", 0, true});

  for (MatchLevel level : {MatchLevel::kExact, MatchLevel::kNear}) {
    EngineOptions o;
    o.match = level;
    o.window = 700;  // evictions happen inside batches
    auto serial = MakeEngine(o);
    std::vector<Decision> expected;
    for (const Item& item : items) expected.push_back(serial->Add(item));

    for (int threads : {1, 2, 4}) {
      o.threads = threads;
      auto engine = MakeEngine(o);
      const std::vector<Decision> got = AddInBatches(*engine, items, 1, 3);
      for (std::size_t i = 0; i < items.size(); ++i) {
        ASSERT_EQ(got[i].id, expected[i].id) << i;
        ASSERT_EQ(got[i].verdict, expected[i].verdict)
            << i << " threads=" << threads;
        ASSERT_EQ(got[i].dup_of, expected[i].dup_of) << i;
        ASSERT_EQ(got[i].score, expected[i].score) << i;
      }
      EXPECT_EQ(engine->Stats().near, serial->Stats().near);
    }
  }
}

}  // namespace
}  // namespace tickerdedup

namespace tickerdedup {
namespace {

// The seed's cross-language cases through the whole engine (CTest points
// TICKERDEDUP_LEXICON at the lexicon generated in the build tree).
class EngineXlang : public ::testing::Test {
 protected:
  void SetUp() override {
    EngineOptions o;  // the CLI's defaults: match xlang
    std::string error;
    engine_ = Engine::Create(o, &error);
    ASSERT_NE(engine_, nullptr) << error;
  }
  // Adds `first`, then each of `others` (each must stay a new item), then
  // `translation`: whether that joins `first` as a cross-language variant.
  ::testing::AssertionResult JoinsAcrossLanguages(
      const char* first, std::initializer_list<const char*> others,
      const char* translation) {
    const Decision rep = engine_->Add(first);
    for (const char* other : others) {
      const Decision d = engine_->Add(other);
      if (d.verdict != Verdict::kNew) {
        return ::testing::AssertionFailure() << "not a new item: " << other;
      }
    }
    const Decision d = engine_->Add(translation);
    if (d.verdict != Verdict::kCrossLanguage || d.dup_of != rep.id) {
      return ::testing::AssertionFailure()
             << "verdict " << static_cast<int>(d.verdict) << " for "
             << translation;
    }
    return ::testing::AssertionSuccess();
  }
  // Adds both headlines of each pair: each must be a new item.
  void ExpectApart(
      std::initializer_list<std::pair<const char*, const char*>> pairs) {
    for (const auto& [first, second] : pairs) {
      EXPECT_EQ(engine_->Add(first).verdict, Verdict::kNew) << first;
      EXPECT_EQ(engine_->Add(second).verdict, Verdict::kNew) << second;
    }
  }
  // Adds `rep`, then `copy`: a near copy of it.
  void ExpectNearCopy(const char* rep, const char* copy) {
    const Decision r = engine_->Add(rep);
    const Decision c = engine_->Add(copy);
    EXPECT_EQ(c.verdict, Verdict::kNear) << copy;
    EXPECT_EQ(c.dup_of, r.id) << copy;
  }
  std::unique_ptr<Engine> engine_;
};

constexpr const char* kSaharaFr =
    "Sahara : Trump convoque un nouveau round de n\xc3\xa9gociations les 23 "
    "et 24 f\xc3\xa9vrier";
constexpr const char* kSaharaEs =
    "S\xc3\xa1hara: Trump convoca una nueva ronda de negociaciones el 23 y 24 "
    "de febrero";

TEST_F(EngineXlang, SeedPairIsOneItem) {
  Decision fr = engine_->Add(kSaharaFr);
  Decision es = engine_->Add(kSaharaEs);
  EXPECT_EQ(fr.verdict, Verdict::kNew);
  EXPECT_EQ(fr.lang, "fra");
  EXPECT_EQ(es.verdict, Verdict::kCrossLanguage);
  EXPECT_EQ(es.lang, "spa");
  ASSERT_TRUE(es.dup_of.has_value());
  EXPECT_EQ(*es.dup_of, fr.id);
  ASSERT_TRUE(es.score.has_value());
  EXPECT_GT(*es.score, 0.0);
  EXPECT_LE(*es.score, 1.0);
  EXPECT_EQ(engine_->Stats().xlang, 1u);
}

// A count spelled out in a Latin-script language beyond the six is a fact
// in that language's headlines (ICU's spelled-out words, by language id):
// Swedish "fyra" / "sex" (four / six arrested), Turkish "dört" / "altı",
// Dutch "twintig" / "dertig miljoen" (20 / 30 million) stay apart, and a
// source tag is still a near copy.
TEST_F(EngineXlang, SpelledOutCountsBeyondTheSixAreFacts) {
  ExpectApart({{"Attack i Midsomer Norton: fyra gripna f\xc3\xb6r "
                "mordf\xc3\xb6rs\xc3\xb6k",
                "Attack i Midsomer Norton: sex gripna f\xc3\xb6r "
                "mordf\xc3\xb6rs\xc3\xb6k"},
               {"Midsomer Norton sald\xc4\xb1r\xc4\xb1s\xc4\xb1: d\xc3\xb6rt "
                "ki\xc5\x9fi cinayete te\xc5\x9f"
                "ebb\xc3\xbcsten "
                "tutukland\xc4\xb1",
                "Midsomer Norton sald\xc4\xb1r\xc4\xb1s\xc4\xb1: alt\xc4\xb1 "
                "ki\xc5\x9fi cinayete te\xc5\x9f"
                "ebb\xc3\xbcsten "
                "tutukland\xc4\xb1"},
               {"Meer dan twintig miljoen mensen keken naar de hoorzitting",
                "Meer dan dertig miljoen mensen keken naar de hoorzitting"}});
  const Decision tagged = engine_->Add(
      "Meer dan twintig miljoen mensen keken naar de hoorzitting - NOS");
  EXPECT_EQ(tagged.verdict, Verdict::kNear);
  EXPECT_EQ(tagged.lang, "nld");
}

// The same in headlines with no word of the six languages, whose language
// only CLD2 names (reliable): Dutch "zes" / "vier" (six / four guards
// hurt), Indonesian "Enam" / "Tujuh" (six / seven officers) stay apart.
TEST_F(EngineXlang, CountsBeyondTheSixWithoutTheSixLanguagesWords) {
  constexpr char kDutch[] =
      "Gevangenis van Long Lartin: zes cipiers verwond bij ordeverstoring";
  ExpectApart(
      {{kDutch,
        "Gevangenis van Long Lartin: vier cipiers verwond bij ordeverstoring"},
       {"Penjara Long Lartin: Enam orang petugas cedera dalam huru-hara",
        "Penjara Long Lartin: Tujuh orang petugas cedera dalam huru-hara"}});
  const Decision tagged = engine_->Add(std::string(kDutch) + " - NOS");
  EXPECT_EQ(tagged.verdict, Verdict::kNear);
  EXPECT_EQ(tagged.lang, "nld");
}

TEST_F(EngineXlang, DifferentActorsStayApart) {
  engine_->Add(
      "Sahara : La Su\xc3\xa8"
      "de justifie son appui au plan marocain "
      "d'autonomie");
  Decision en = engine_->Add(
      "EU backs Morocco's autonomy plan for Western Sahara aligning with UN "
      "resolution");
  EXPECT_EQ(en.verdict, Verdict::kNew);
}

TEST_F(EngineXlang, DatesVetoAcrossLanguages) {
  engine_->Add(kSaharaFr);
  Decision es = engine_->Add(
      "S\xc3\xa1hara: Trump convoca una nueva ronda de negociaciones los 9 y "
      "10 de marzo");
  EXPECT_EQ(es.verdict, Verdict::kNew);
}

// Capitals-only company results (Reuters-21578 titles, as in the generated
// feeds): no stop word, no accent, so their languages are guesses from
// endings ("deu", "por"), and a guess is no second language. They met in
// the cross-language channel on their shared "3RD QTR FEB 28 NET", where
// names do not veto (Decision::lang still reports the guess).
TEST_F(EngineXlang, GuessedLanguagesDoNotMeetAcrossLanguages) {
  const std::pair<const char*, const char*> pairs[] = {
      {"BEI HOLDINGS LTD <BEIH> 1ST QTR JAN 31 NET",
       "<TRIZEC CORP LTD> 1ST QTR JAN 31 NET"},
      {"WEBCOR ELECTRONICS INC <WER> 3RD QTR DEC 31",
       "PEGASUS GOLD INC <PGULF> 3RD QTR DEC 31 NET"},
      {"3COM CORP <COMS> 3RD QTR FEB 28 NET",
       "ORACLE CORP <ORCL> 3RD QTR FEB 28 NET"},
  };
  for (const auto& [first, second] : pairs) {
    Decision a = engine_->Add(first);
    Decision b = engine_->Add(second);
    EXPECT_EQ(a.verdict, Verdict::kNew) << first;
    EXPECT_EQ(b.verdict, Verdict::kNew) << second;
    EXPECT_NE(a.lang, b.lang) << first << " / " << second;  // the premise
  }
  EXPECT_EQ(engine_->Stats().xlang, 0u);
}

// In capitals or title case the words give no entities, but the lexicon
// still reads a first word as a name (no word of the language): another
// name before the same template is another actor's story. A word there
// ("Apple") opens no template of its own; the same name does not veto.
TEST_F(EngineXlang, NamesOpeningCapitalsOrTitleCaseAreActors) {
  constexpr char kTelefonica[] = "TELEFONICA UNIT SELLS 200 MLN EURO BOND";
  constexpr char kSiemens[] = "SIEMENS UNIT SELLS 200 MLN EURO BOND";
  ExpectApart({{kTelefonica, kSiemens},
               {"Merkel Welcomes Macron to Berlin",
                "Scholz Welcomes Macron to Berlin"}});
  // The premise: near mode, with no lexicon to tell names, merges them.
  EngineOptions o;
  o.match = MatchLevel::kNear;
  std::string error;
  auto near = Engine::Create(o, &error);
  ASSERT_NE(near, nullptr) << error;
  near->Add(kTelefonica);
  EXPECT_EQ(near->Add(kSiemens).verdict, Verdict::kNear);
  // Copies with the same first name still match.
  ExpectNearCopy("VOLKSWAGEN UNIT SELLS 300 MLN EURO BOND",
                 "VOLKSWAGEN UNIT SELLS 300 MLN EURO BOND | Reuters");
}

// In title case only acronyms mark actors (EntityFactsTest.AcronymsIn
// TitleCaseAreActors); a country's acronym names a place as its name does
// (CrossLingual::AddAcronymPlaces), and an opening that names the country
// reads as the country ("UK" and "Britain" open one template).
TEST_F(EngineXlang, AcronymsOfCountriesInTitleCase) {
  ExpectApart({{"US Stocks Open Lower On Weak China Data",
                "Japan Stocks Open Lower On Weak China Data"},
               {"UK To Ban Islamist Group Over Attacks",
                "France To Ban Islamist Group Over Attacks"},
               {"EU Fines Google Over Android Apps",
                "US Fines Google Over Android Apps"}});
  ExpectNearCopy("UK Bans Plastic Straws From Next April",
                 "Britain Bans Plastic Straws From Next April");
}

// In sentence case too, a country's names are one actor where both
// headlines name the country (the lexicon's country rows and acronyms):
// "UK" / "Britain" / "U.K.", "Spanish" / "Spain", "Royaume-Uni" /
// "Grande-Bretagne". Other countries, and a country against another actor,
// stay apart.
TEST_F(EngineXlang, CountryNamesAreOneActor) {
  const std::vector<std::vector<const char*>> clusters = {
      {"UK to ban Islamist group after London knife attack",
       "Britain to ban Islamist group after London knife attack",
       "U.K. to ban Islamist group after London knife attack"},
      {"Spanish train driver questioned by judge after crash",
       "Spain train driver questioned by judge after crash"},
      {"Le Royaume-Uni suspend ses exportations d'armes vers le Soudan",
       "La Grande-Bretagne suspend ses exportations d'armes vers le Soudan"},
  };
  for (const std::vector<const char*>& cluster : clusters) {
    const Decision rep = engine_->Add(cluster[0]);
    for (std::size_t k = 1; k < cluster.size(); ++k) {
      const Decision d = engine_->Add(cluster[k]);
      EXPECT_EQ(d.verdict, Verdict::kNear) << cluster[k];
      EXPECT_EQ(d.dup_of, rep.id) << cluster[k];
    }
  }
  for (const char* other :
       {"US to ban Islamist group after London knife attack",
        "France to ban Islamist group after London knife attack",
        "EU approves new aid package for Ukraine",
        "Germany approves new aid package for Ukraine",
        "La France suspend ses exportations d'armes vers le Soudan"}) {
    EXPECT_EQ(engine_->Add(other).verdict, Verdict::kNew) << other;
  }
}

// One NTREX-128 article (fixtures/ntrex128-headlines-langid.tsv, CC BY-SA
// 4.0) whose English and Spanish titles do not align directly: "skills",
// "essential" and "global" meet nothing in "competencias ... fundamentales
// para los ciudadanos del mundo" (coverage 0.43 / 0.38), while the French
// title meets both (0.7 and more). (Until session 41 this was the "Breast
// pump advert" article, whose English and French titles met only through
// the Spanish one; they pass the rule directly, and had stayed apart only
// because the old feature seeds' MinHash never made them candidates.)
constexpr const char* kEdwardEn =
    "John Edward: Languages skills essential for global citizens";
constexpr const char* kEdwardFr =
    "John Edward : les comp\xc3\xa9tences en langues sont essentielles aux "
    "citoyens du monde";
constexpr const char* kEdwardEs =
    "John Edward: las competencias ling\xc3\xbc\xc3\xadsticas son "
    "fundamentales para los ciudadanos del mundo";

// The verdict of `second` right after `first` in a fresh engine at the
// defaults (the premise of the member tests: the two alone do not meet).
Verdict VerdictAfterAlone(const char* first, const char* second) {
  EngineOptions o;
  std::string error;
  auto alone = Engine::Create(o, &error);
  EXPECT_NE(alone, nullptr) << error;
  if (alone == nullptr) return Verdict::kNew;
  alone->Add(first);
  return alone->Add(second).verdict;
}

TEST_F(EngineXlang, ThirdLanguageJoinsThroughAMember) {
  // The premise: English then Spanish alone are two items.
  ASSERT_EQ(VerdictAfterAlone(kEdwardEn, kEdwardEs), Verdict::kNew);
  Decision en = engine_->Add(kEdwardEn);
  Decision fr = engine_->Add(kEdwardFr);
  ASSERT_EQ(fr.verdict, Verdict::kCrossLanguage);
  ASSERT_EQ(fr.dup_of, en.id);
  // The French member is indexed: the Spanish title reaches the cluster
  // through it, and is reported against the representative.
  Decision es = engine_->Add(kEdwardEs);
  EXPECT_EQ(es.verdict, Verdict::kCrossLanguage);
  EXPECT_EQ(es.dup_of, en.id);
  EXPECT_EQ(engine_->Stats().xlang, 2u);
}

// The lexicon's antonym axes (WordNet) tell a market's open from its close,
// which near mode (no lexicon) cannot.
TEST_F(EngineXlang, AntonymsAreDifferentItems) {
  constexpr const char* kOpen = "Indian stocks open lower";
  constexpr const char* kClose = "Indian stocks close lower";
  constexpr const char* kDefeat =
      "Prime Minister resigns after election defeat";
  constexpr const char* kVictory =
      "Prime Minister resigns after election victory";
  {
    // Near mode knows the closed class of news verbs ("open" / "close",
    // "acquitted" / "convicted"), not the lexicon's WordNet antonyms.
    EngineOptions o;
    o.match = MatchLevel::kNear;
    std::string error;
    auto near = Engine::Create(o, &error);
    ASSERT_NE(near, nullptr) << error;
    near->Add(kOpen);
    EXPECT_EQ(near->Add(kClose).verdict, Verdict::kNew);
    near->Add("NATO protesters acquitted of terrorism charges");
    EXPECT_EQ(
        near->Add("NATO protesters convicted of terrorism charges").verdict,
        Verdict::kNew);
    near->Add(kDefeat);
    ASSERT_EQ(near->Add(kVictory).verdict, Verdict::kNear);  // the premise
  }
  const Decision open = engine_->Add(kOpen);
  EXPECT_EQ(engine_->Add(kClose).verdict, Verdict::kNew);
  // An edit that keeps the side still matches; one that adds the other
  // side too ("after record close") takes no side against the original.
  Decision again = engine_->Add("Indian stocks open lower on Monday");
  EXPECT_EQ(again.verdict, Verdict::kNear);
  EXPECT_EQ(again.dup_of, open.id);
  EXPECT_EQ(engine_->Add(kDefeat).verdict, Verdict::kNew);
  EXPECT_EQ(engine_->Add(kVictory).verdict, Verdict::kNew);
  // "up" and "down" before an amount are "rise" and "fall".
  const Decision up = engine_->Add("Dow Jones up 120 points at the open");
  EXPECT_EQ(engine_->Add("Dow Jones falls 120 points at the open").verdict,
            Verdict::kNew);
  const Decision rises = engine_->Add("Dow Jones rises 120 points at the open");
  EXPECT_EQ(rises.verdict, Verdict::kNear);
  EXPECT_EQ(rises.dup_of, up.id);
}

// Across languages the sides count too: a translation that keeps the side
// is one item, one that takes the other side is another. (STS-B's
// cross-language negatives have "Les stocks indiens ouvrent a la baisse" /
// "Indische Aktien schliessen tiefer".)
TEST_F(EngineXlang, AntonymsAcrossLanguages) {
  EXPECT_TRUE(
      JoinsAcrossLanguages("Les stocks indiens ouvrent \xc3\xa0 la baisse",
                           {"Indische Aktien schliessen tiefer"},
                           "Indische Aktien \xc3\xb6"
                           "ffnen tiefer"));
}

// "arr\u00eat\u00e9" read as the noun "decree" only, and the French title
// of this NTREX article missed its English one; the lexicon now keeps the
// verb's "arrest" too (XlangTest.HomographVerbFormsKeepTheVerbsPivots).
TEST_F(EngineXlang, ParticipleThatIsANounMatchesTheVerb) {
  EXPECT_TRUE(JoinsAcrossLanguages(
      "Sarah Palin's Eldest Son Arrested on Domestic Violence Charges", {},
      "Le fils a\xc3\xaen\xc3\xa9 de Sarah Palin arr\xc3\xaat\xc3\xa9 "
      "pour violence conjugale"));
}

// Cognates one letter apart across languages ("dimette" / "demitir") are
// no short substitution (EngineNear.ShortSubstitutionsAreOtherEvents):
// the near channel still joins the translation.
TEST_F(EngineXlang, ShortCognatesStillJoinAcrossLanguages) {
  EXPECT_TRUE(JoinsAcrossLanguages("Il presidente di Ryanair si dimette", {},
                                   "Presidente da Ryanair para se demitir"));
}

// A copy of a cross-language member (a typo here: "refroma") is a near
// duplicate of the member, in its language: it joins the cluster, reported
// against the representative, where the cross-language channel found the
// typo'd word in no dictionary.
constexpr const char* kPensionsEs =
    "El Gobierno aprueba la reforma de las pensiones";
constexpr const char* kPensionsPt =
    "Governo aprova reforma da Previd\xc3\xaancia";
constexpr const char* kPensionsPtTypo =
    "Governo aprova refroma da Previd\xc3\xaancia";

TEST_F(EngineXlang, CopyOfAMemberJoinsThroughIt) {
  // The premise: the copy alone misses the Spanish title.
  ASSERT_EQ(VerdictAfterAlone(kPensionsEs, kPensionsPtTypo), Verdict::kNew);
  const Decision es = engine_->Add(kPensionsEs);
  const Decision pt = engine_->Add(kPensionsPt);
  ASSERT_EQ(pt.verdict, Verdict::kCrossLanguage);
  ASSERT_EQ(pt.dup_of, es.id);
  const EngineStats before = engine_->Stats();
  EXPECT_EQ(before.representatives, 1u);  // the member is none
  const Decision copy = engine_->Add(kPensionsPtTypo);
  EXPECT_EQ(copy.verdict, Verdict::kCrossLanguage);
  EXPECT_EQ(copy.dup_of, es.id);
  EXPECT_EQ(engine_->Stats().new_items, before.new_items);
}

// Translations tagged by their outlets, as aggregators list them: the tags'
// words and numbers ("G1", "France 24") are no content to cover.
TEST_F(EngineXlang, TrailingSourceTagsAreNoContent) {
  const Decision es =
      engine_->Add(std::string(kPensionsEs) + " | EL PA\xc3\x8dS");
  for (const std::string& tagged :
       {std::string(kPensionsPt) + " - G1",
        std::string("Government approves pension reform - Channel 4 News"),
        std::string("Le gouvernement approuve la r\xc3\xa9"
                    "forme des retraites - France 24")}) {
    const Decision d = engine_->Add(tagged);
    EXPECT_EQ(d.verdict, Verdict::kCrossLanguage) << tagged;
    EXPECT_EQ(d.dup_of, es.id) << tagged;
  }
}

// The same with every headline tagged by an outlet of its language, as
// aggregators list them: the fixture's six languages (NTREX-128, CC BY-SA
// 4.0) join as many translations with tags as without: 546 and 547 of the
// 123 articles' 615 translations (397 tagged while tags were content).
TEST(EngineXlangTags, TagsCostNoTranslations) {
  std::ifstream in(std::string(TICKERDEDUP_SOURCE_DIR) +
                   "/fixtures/ntrex128-headlines-langid.tsv");
  ASSERT_TRUE(in.good());
  const std::map<std::string, std::vector<std::string>> kTags = {
      {"eng", {" - BBC News", " - Channel 4 News", " (AP)"}},
      {"fra", {" - France 24", " | Le Figaro", " - franceinfo"}},
      {"spa", {" - EL PA\xc3\x8dS", " - 20minutos.es", " (EFE)"}},
      {"por",
       {" - G1", " | Folha de S.Paulo",
        " - P\xc3\xba"
        "blico"}},
      {"ita", {" - Corriere della Sera", " - Sky TG24", " | ANSA"}},
      {"deu", {" - tagesschau.de", " - n-tv", " (dpa)"}}};
  std::vector<std::string> plain, tagged;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const std::size_t a = line.find('\t'), b = line.rfind('\t');
    const auto tags = kTags.find(line.substr(a + 1, b - a - 1));
    if (tags == kTags.end()) continue;
    plain.push_back(line.substr(b + 1));
    tagged.push_back(plain.back() + tags->second[plain.size() % 3]);
  }
  ASSERT_EQ(plain.size(), 6u * 123);
  const auto joined = [](const std::vector<std::string>& texts) {
    auto engine = MakeEngine(EngineOptions{});
    for (const std::string& t : texts) engine->Add(t);
    return engine->Stats().xlang;
  };
  const std::size_t untagged = joined(plain);
  ASSERT_GT(untagged, 500u);
  EXPECT_GE(joined(tagged) * 100, untagged * 97);
}

// An opening label that one outlet adds ("EN DIRECT - ", "EILMELDUNG: ")
// is no content a translation must cover, and one that a translation keeps
// ("Watch:" / "Regarder :") still counts (XlangProfile::kOptionalBit).
TEST_F(EngineXlang, OneSidedLabelsAreNoContent) {
  const Decision en = engine_->Add("Government approves pension reform");
  const Decision fr = engine_->Add(
      "EN DIRECT - Le gouvernement approuve la r\xc3\xa9"
      "forme des retraites");
  EXPECT_EQ(fr.verdict, Verdict::kCrossLanguage);
  EXPECT_EQ(fr.dup_of, en.id);
  EXPECT_TRUE(JoinsAcrossLanguages(
      "Watch: Liverpool's Daniel Sturridge dips deep equalizer vs. Chelsea", {},
      "Regarder : L\xe2\x80\x99"
      "attaquant du Liverpool Daniel Sturridge parvient \xc3\xa0 "
      "l\xe2\x80\x99\xc3\xa9galisation contre Chelsea"));
}

// But a place alone at the end is the item's: the place guard reads it.
TEST_F(EngineXlang, PlaceAfterADashIsContent) {
  EXPECT_EQ(engine_->Add("Drought hits farmers hard - South Africa").verdict,
            Verdict::kNew);
  EXPECT_EQ(engine_->Add("Drought hits farmers hard - Kenya").verdict,
            Verdict::kNew);
}

// With a window of 2: `rep`, its cross-language member `member`, then an
// unrelated headline, which evicts the least recently seen item, the member
// (joining touched its representative). Returns `later`'s verdict then.
Verdict VerdictAfterMemberEvicted(const char* rep, const char* member,
                                  const char* later) {
  EngineOptions o;
  o.window = 2;
  std::string error;
  auto engine = Engine::Create(o, &error);
  EXPECT_NE(engine, nullptr) << error;
  if (engine == nullptr) return Verdict::kExact;
  const Decision r = engine->Add(rep);
  EXPECT_EQ(engine->Add(member).dup_of, r.id);
  EXPECT_EQ(engine->Add("Volcano spews ash on Mexico City").verdict,
            Verdict::kNew);
  EXPECT_EQ(engine->Stats().evicted, 1u);
  return engine->Add(later).verdict;
}

// An evicted member is no way into its cluster any more.
TEST(EngineXlangMembers, EvictedMemberLeavesTheIndex) {
  EXPECT_EQ(VerdictAfterMemberEvicted(kEdwardEn, kEdwardFr, kEdwardEs),
            Verdict::kNew);
}

// Nor for its copies: it leaves the near index too.
TEST(EngineXlangMembers, EvictedMemberHasNoCopies) {
  EXPECT_EQ(
      VerdictAfterMemberEvicted(kPensionsEs, kPensionsPt, kPensionsPtTypo),
      Verdict::kNew);
}

// The pipelined AddBatch (workers prepare ahead while the caller commits)
// decides every item as Add does, in xlang mode too, where the workers also
// run the cross-language analysis: NTREX headlines in 30 languages (the
// fixture), each shown twice (exact repeats exercise the prepare stage's
// repeat hint), with a window small enough to evict inside batches.
TEST(EngineXlangBatch, ThreadsGiveIdenticalDecisions) {
  std::ifstream in(std::string(TICKERDEDUP_SOURCE_DIR) +
                   "/fixtures/ntrex128-headlines-langid.tsv");
  ASSERT_TRUE(in.good());
  std::vector<std::string> texts;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    texts.push_back(line.substr(line.rfind('\t') + 1));
  }
  ASSERT_GT(texts.size(), 1000u);
  std::vector<Item> items;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    items.push_back(Item{texts[i], 0, false});
    if (i % 3 == 0) items.push_back(Item{texts[i / 2], 0, false});
  }
  EngineOptions o;  // match xlang
  o.window = 900;
  std::string error;
  auto serial = Engine::Create(o, &error);
  ASSERT_NE(serial, nullptr) << error;
  std::vector<Decision> expected;
  for (const Item& item : items) expected.push_back(serial->Add(item));
  ASSERT_GT(serial->Stats().xlang, 10u);
  ASSERT_GT(serial->Stats().exact, 100u);
  for (int threads : {2, 3}) {
    o.threads = threads;
    auto engine = Engine::Create(o, &error);
    ASSERT_NE(engine, nullptr) << error;
    const std::vector<Decision> got = AddInBatches(*engine, items, 5, 2);
    for (std::size_t i = 0; i < items.size(); ++i) {
      ASSERT_EQ(got[i].verdict, expected[i].verdict)
          << i << " threads=" << threads;
      ASSERT_EQ(got[i].dup_of, expected[i].dup_of) << i;
      ASSERT_EQ(got[i].score, expected[i].score) << i;
      ASSERT_EQ(got[i].lang, expected[i].lang) << i;
    }
  }
}

TEST(EngineXlangOptions, MissingLexiconIsAnError) {
  EngineOptions o;
  o.lexicon_path = "/nonexistent/lexicon.tsv";
  std::string error;
  EXPECT_EQ(Engine::Create(o, &error), nullptr);
  EXPECT_NE(error.find("/nonexistent/lexicon.tsv"), std::string::npos) << error;
  o.match = MatchLevel::kNear;  // near needs no lexicon
  EXPECT_NE(Engine::Create(o, &error), nullptr);
}

}  // namespace
}  // namespace tickerdedup
