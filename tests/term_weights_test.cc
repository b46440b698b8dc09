// TermWeights (stream IDF weights for the near template guard),
// NearTypoMatches (one-edit links between the words of two headlines) and
// CutTagFingerprints (the label and source tag of a copy cut short) and
// OpeningWords (a headline's first two words).
#include "term_weights.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "shingle.h"

namespace tickerdedup::internal {
namespace {

constexpr std::uint64_t kSeed = 0x4E454152ull;

std::vector<std::uint16_t> Fps(std::string_view key) {
  std::vector<std::uint64_t> features;
  NearFeatures(key, kSeed, &features);
  std::vector<std::uint16_t> fps;
  for (std::uint64_t f : features) fps.push_back(f >> 48);
  std::sort(fps.begin(), fps.end());
  fps.erase(std::unique(fps.begin(), fps.end()), fps.end());
  return fps;
}

// The engine's unweighted near score, for comparison.
double PlainScore(const std::vector<std::uint16_t>& a,
                  const std::vector<std::uint16_t>& b, double w) {
  std::vector<std::uint16_t> inter;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(),
                        std::back_inserter(inter));
  double n = inter.size();
  double j = n / (a.size() + b.size() - n);
  double c = n / std::min(a.size(), b.size());
  return (1 - w) * j + w * c;
}

TEST(TermWeights, UniformOnAnEmptyStream) {
  TermWeights tw;
  EXPECT_EQ(tw.Confidence(), 0);
  auto a = Fps("council approves harbour plan");
  auto b = Fps("council approves parking plan");
  EXPECT_EQ(tw.Weight(a[0]), 1.0);
  EXPECT_DOUBLE_EQ(tw.Score(a, b, 0.25), PlainScore(a, b, 0.25));
  EXPECT_DOUBLE_EQ(tw.Score(a, a, 0.25), 1.0);
  EXPECT_EQ(tw.Score(a, Fps("weather outlook sunny"), 0.25), 0.0);
}

TEST(TermWeights, CommonWordsWeighLessThanRareOnes) {
  TermWeights tw;
  // A feed that repeats one template with a different rare word each time.
  for (int i = 0; i < 5000; ++i) {
    std::string filler;
    for (int k = i; k > 0 || filler.empty(); k /= 26) filler += 'a' + k % 26;
    tw.Observe(Fps("council approves " + filler + "x plan"));
  }
  EXPECT_GT(tw.Confidence(), 0.8);
  auto harbour = Fps("harbour");
  auto council = Fps("council");
  EXPECT_GT(tw.Weight(harbour[0]), 0.9);
  EXPECT_LT(tw.Weight(council[0]), 0.35);
  // Sharing only the template's words now scores well below the plain
  // score; sharing the rare word keeps the score high.
  auto a = Fps("council approves harbour plan");
  auto b = Fps("council approves parking plan");
  EXPECT_LT(tw.Score(a, b, 0.25), 0.5 * PlainScore(a, b, 0.25));
  auto c = Fps("harbour plan approved");
  EXPECT_GT(tw.Score(a, c, 0.25), PlainScore(a, c, 0.25));
}

TEST(TermWeights, DecayHalvesCounts) {
  TermWeights tw(/*half_life=*/100);
  auto a = Fps("alpha bravo");
  for (int i = 0; i < 99; ++i) tw.Observe(a);
  EXPECT_DOUBLE_EQ(tw.documents(), 99);
  tw.Observe(a);
  EXPECT_DOUBLE_EQ(tw.documents(), 50);
  // Every document had the words: the weight stays at its floor.
  EXPECT_NEAR(tw.Weight(a[0]), 1 - tw.Confidence(), 1e-9);
}

// Links found between `query` (whose words are checked) and `other`.
std::vector<std::pair<std::uint16_t, std::uint16_t>> Links(
    std::string_view query, std::string_view other) {
  auto own = Fps(query);
  auto oth = Fps(other);
  std::vector<std::pair<std::uint16_t, std::uint16_t>> links;
  NearTypoMatches(query, kSeed, own, oth, &links);
  return links;
}

TEST(NearTypoMatches, LinksOneEditTypos) {
  // Swap, doubled letter, dropped letter, added letter; either side may
  // hold the typo.
  EXPECT_EQ(Links("rebel strnoghold seized", "rebel stronghold seized").size(),
            1u);
  EXPECT_EQ(Links("greeat looking dogs", "great looking dogs").size(), 1u);
  EXPECT_EQ(Links("great looking dogs", "greeat looking dogs").size(), 1u);
  EXPECT_EQ(Links("study histry", "study history").size(), 1u);
  EXPECT_EQ(Links("old firm clsh", "old firm clash").size(), 1u);
  EXPECT_EQ(Links("old firm clash", "old firm clsh").size(), 1u);
  EXPECT_EQ(Links("raiders pip tigres", "raiders pip tigers").size(), 1u);
  auto links = Links("study histry", "study history");
  EXPECT_EQ(links[0].first, Fps("histry")[0]);
  EXPECT_EQ(links[0].second, Fps("history")[0]);
}

TEST(NearTypoMatches, DifferentWordsAreNotLinked) {
  EXPECT_TRUE(
      Links("police name drowning victim", "police name rail victim").empty());
  EXPECT_TRUE(
      Links("council approves harbour plan", "council approves parking plan")
          .empty());
  // Shared words and numbers are never linked.
  EXPECT_TRUE(Links("stocks open lower", "stocks open lower").empty());
  EXPECT_TRUE(Links("taxe de 10", "taxe de 15").empty());
}

// The opening's two words, the one-letter runs of a possessive skipped,
// and the first word's fingerprint as the headline's features give it.
TEST(OpeningWords, FirstTwoWordsAndTheFirstOnesFingerprint) {
  std::string_view first, second;
  int fp = 0;
  ASSERT_TRUE(
      OpeningWords("apple's shares fall 3%", kSeed, &first, &second, &fp));
  EXPECT_EQ(first, "apple");
  EXPECT_EQ(second, "shares");
  EXPECT_EQ(fp, Fps("apple")[0]);
  // Too short a first word for a feature: no fingerprint.
  ASSERT_TRUE(OpeningWords("bp profits jump", kSeed, &first, &second, &fp));
  EXPECT_EQ(first, "bp");
  EXPECT_EQ(fp, -1);
  EXPECT_FALSE(OpeningWords("apple", kSeed, &first, &second, &fp));
  // The first word is the first run, however short.
  ASSERT_TRUE(OpeningWords("5 super simple diys", kSeed, &first, &second, &fp));
  EXPECT_EQ(first, "5");
  EXPECT_EQ(second, "super");
}

std::vector<std::uint16_t> CutTags(std::string_view key) {
  std::vector<std::uint16_t> out;
  CutTagFingerprints(key, kSeed, &out);
  return out;
}

// The union of two fingerprint sets, sorted.
std::vector<std::uint16_t> Union(std::vector<std::uint16_t> a,
                                 const std::vector<std::uint16_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  return a;
}

TEST(CutTagFingerprints, LabelAndTagOfACutCopy) {
  EXPECT_EQ(CutTags("council approves harbour... | reuters"), Fps("reuters"));
  EXPECT_EQ(CutTags("council approves harbour... - the guardian"),
            Fps("guardian"));
  EXPECT_EQ(CutTags("council approves harbour... (afp)"), Fps("afp"));
  EXPECT_EQ(CutTags("breaking: council approves harbour..."), Fps("breaking"));
  EXPECT_EQ(CutTags("breaking: council approves harbour... | reuters"),
            Union(Fps("breaking"), Fps("reuters")));
  // The last separator's tag only; a word also in the headline stays.
  EXPECT_EQ(CutTags("reuters poll finds... | reuters"), Fps(""));
}

TEST(CutTagFingerprints, NothingWithoutACutOrATag) {
  // Not cut: a dash starts a subtitle as often as a tag.
  EXPECT_TRUE(CutTags("storm hits coast - roads closed").empty());
  EXPECT_TRUE(CutTags("council approves harbour plan | reuters").empty());
  EXPECT_TRUE(CutTags("council approves harbour...").empty());
  // Digits are facts, not tags; a tag has at most three words.
  EXPECT_TRUE(CutTags("ayr 38 - 17 melrose...").empty());
  EXPECT_TRUE(CutTags("30 january: council approves...").empty());
  EXPECT_TRUE(CutTags("council approves... - one two three four").empty());
  EXPECT_TRUE(CutTags("").empty());
  EXPECT_TRUE(CutTags("...").empty());
  EXPECT_TRUE(CutTags(") (").empty());
}

}  // namespace
}  // namespace tickerdedup::internal
