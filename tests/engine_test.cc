// Engine tests: exact matching, cluster representatives, window eviction.
#include "tickerdedup/engine.h"

#include <gtest/gtest.h>

#include <string>

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
  engine->Add("a");                                    // id 0
  engine->Add("b");                                    // id 1
  EXPECT_EQ(engine->Add("a").verdict, Verdict::kExact);  // sighting of a
  engine->Add("c");                                    // evicts b, not a
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
  for (int i = 0; i < 100000; ++i) engine->Add("headline number " + std::to_string(i));
  EngineStats s = engine->Stats();
  EXPECT_EQ(s.stored_items, 1000u);
  EXPECT_EQ(s.evicted, 99000u);
  EXPECT_LT(s.index_bytes, 1000u * 1024u);
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

}  // namespace
}  // namespace tickerdedup
