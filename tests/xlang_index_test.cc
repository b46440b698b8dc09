// Tests of the cross-language index: its bucket layout against a plain
// model of the same rules (random inserts and erasures, crowded buckets,
// language filters), and XlangCoverBound against its plain reference and
// against CrossLingual::Align / Verify on real headlines.
#include "xlang_index.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "normalize.h"
#include "xlang.h"

namespace tickerdedup::internal {
namespace {

// The plain model: per (band, key) the ids stored, in insertion order; a
// bucket that reaches max_bucket ids drops its erased ones, and is crowded
// if it still holds max_bucket: it proposes none and stores no more.
// Erasure is lazy, as in XlangIndex: an erased id is never proposed again,
// but its entries stay (and count toward max_bucket) until Sweep; Sweep and
// ResetCrowded reset crowded buckets to empty.
class ReferenceIndex {
 public:
  ReferenceIndex(int bands, std::size_t max_bucket)
      : bands_(bands), max_bucket_(max_bucket) {}

  void Insert(std::uint64_t id, const std::vector<std::uint32_t>& keys,
              std::string_view lang, std::string_view group_lang = {}) {
    keys_[id] = keys;
    langs_[id] = std::string(lang);
    groups_[id] = std::string(group_lang);
    for (int b = 0; b < bands_; ++b) {
      std::vector<std::uint64_t>& bucket = buckets_[{b, keys[b]}];
      if (crowded_.count({b, keys[b]})) continue;
      if (bucket.size() < max_bucket_) bucket.push_back(id);
      if (max_bucket_ >= 2 && bucket.size() >= max_bucket_) {
        std::erase_if(bucket,
                      [&](std::uint64_t old) { return dead_.count(old); });
      }
      if (max_bucket_ >= 2 && bucket.size() >= max_bucket_) {
        crowded_.insert({b, keys[b]});
        bucket.clear();
      }
    }
  }
  void Erase(std::uint64_t id) {
    if (keys_.erase(id) == 0) return;
    langs_.erase(id);
    groups_.erase(id);
    dead_.insert(id);
  }
  void ResetCrowded() { crowded_.clear(); }
  void Sweep() {
    for (auto& [band_key, bucket] : buckets_) {
      std::erase_if(bucket, [&](std::uint64_t id) { return dead_.count(id); });
    }
    crowded_.clear();
    dead_.clear();
  }
  std::vector<std::uint64_t> Candidates(
      const std::vector<std::uint32_t>& keys,
      const std::set<std::string>& skip) const {
    std::set<std::uint64_t> out;
    for (int b = 0; b < bands_; ++b) {
      auto it = buckets_.find({b, keys[b]});
      if (it == buckets_.end() || it->second.size() >= max_bucket_ ||
          crowded_.count({b, keys[b]})) {
        continue;
      }
      for (std::uint64_t id : it->second) {
        // An item answers to its language and to its group language.
        if (!dead_.count(id) && !skip.count(langs_.at(id)) &&
            !skip.count(groups_.at(id))) {
          out.insert(id);
        }
      }
    }
    return {out.begin(), out.end()};
  }
  const std::map<std::uint64_t, std::string>& langs() const { return langs_; }

 private:
  int bands_;
  std::size_t max_bucket_;
  std::map<std::pair<int, std::uint32_t>, std::vector<std::uint64_t>> buckets_;
  std::map<std::uint64_t, std::vector<std::uint32_t>> keys_;
  std::map<std::uint64_t, std::string> langs_;
  std::map<std::uint64_t, std::string> groups_;  // "" when none
  std::set<std::uint64_t> dead_;
  std::set<std::pair<int, std::uint32_t>> crowded_;
};

XlangIndex::Sketch SketchOf(const std::vector<std::uint32_t>& keys) {
  XlangIndex::Sketch s;
  s.keys = keys;
  s.empty = false;
  return s;
}

// A profile blob that encodes `id` so the test can tell profiles apart;
// some are long enough to leave the inline record.
// 1 to 37 units of 1 to 7 features each (classes word, OOV and name), so
// that reading a stored profile back (ProfileAt, which sums the units'
// feature counts eight info bytes at a time) meets every count and length.
std::vector<std::uint8_t> ProfileFor(std::uint64_t id) {
  const int units = static_cast<int>(id % 37) + 1;
  std::vector<std::uint8_t> blob = {static_cast<std::uint8_t>(units)};
  std::vector<int> counts;
  for (int u = 0; u < units; ++u) {
    const int count = static_cast<int>((id + u) % 7) + 1;
    const int cls = static_cast<int>((id + u) / 7 % 3);
    counts.push_back(count);
    blob.push_back(static_cast<std::uint8_t>(count | cls << 3));
  }
  for (int u = 0; u < units; ++u) {
    for (int k = 0; k < counts[u]; ++k) {
      blob.push_back(static_cast<std::uint8_t>(id + u + k));
      blob.push_back(static_cast<std::uint8_t>(id >> 8));
    }
  }
  return blob;
}

std::vector<std::uint64_t> Ids(
    const std::vector<XlangIndex::Candidate>& cands) {
  std::vector<std::uint64_t> ids;
  for (const XlangIndex::Candidate& c : cands) ids.push_back(c.id);
  std::sort(ids.begin(), ids.end());  // Candidates' order is unspecified
  return ids;
}

void RunAgainstModel(std::size_t max_bucket, std::uint32_t key_alphabet,
                     int steps, std::uint32_t seed, int bands = 6) {
  XlangIndex::Options options;
  options.lsh = LshParams{bands, 1};
  options.max_bucket = max_bucket;
  XlangIndex index(options);
  ReferenceIndex model(bands, max_bucket);
  const std::string_view langs[] = {"eng", "fra", "spa", "und", "deu"};
  std::mt19937 rng(seed);
  // Skewed keys: a few frequent ones fill (and crowd) their buckets.
  auto random_key = [&] {
    std::uint32_t r = rng() % key_alphabet;
    return (rng() % 4 == 0) ? r % 3 : r;
  };
  auto random_keys = [&] {
    std::vector<std::uint32_t> keys(bands);
    for (std::uint32_t& k : keys) k = random_key();
    return keys;
  };
  std::vector<std::uint64_t> live;
  std::uint64_t next_id = 0;
  int sweeps = 0;
  std::uint64_t seen_sweeps = 0;
  std::uint64_t seen_full_sweeps = 0;
  for (int step = 0; step < steps; ++step) {
    const bool erase = !live.empty() && rng() % 3 == 0;
    if (erase) {
      // Oldest first mostly, as the engine evicts, sometimes any.
      const std::size_t at = rng() % 2 ? 0 : rng() % live.size();
      index.Erase(live[at]);
      model.Erase(live[at]);
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(at));
    } else {
      const std::uint64_t id = next_id++;
      const std::vector<std::uint32_t> keys = random_keys();
      const std::string_view lang = langs[rng() % 5];
      // A quarter carry a group language (the engine's cross-language
      // members carry their representative's).
      const std::string_view group =
          rng() % 4 == 0 ? langs[rng() % 5] : std::string_view();
      const std::vector<std::uint8_t> profile = ProfileFor(id);
      ASSERT_TRUE(index.Insert(id, SketchOf(keys), lang, profile, group));
      model.Insert(id, keys, lang, group);
      live.push_back(id);
    }
    // The index resets its markers after 1/32 of its items in inserts,
    // and sweeps after 1/16 in erasures.
    if (index.sweeps() != seen_sweeps) {
      seen_sweeps = index.sweeps();
      if (index.full_sweeps() != seen_full_sweeps) {
        seen_full_sweeps = index.full_sweeps();
        model.Sweep();
        ++sweeps;
      } else {
        model.ResetCrowded();
      }
    }
    ASSERT_EQ(index.size(), live.size());
    if (step % 7 != 0) continue;
    const std::vector<std::uint32_t> query = random_keys();
    std::vector<std::uint64_t> ids;
    index.Candidates(SketchOf(query), &ids);
    ASSERT_EQ(ids, model.Candidates(query, {})) << "step " << step;
    const std::string_view own = langs[rng() % 3];
    const std::string_view skip[] = {own, "und"};
    std::vector<XlangIndex::Candidate> cands;
    index.Candidates(SketchOf(query), skip, &cands);
    ASSERT_EQ(Ids(cands), model.Candidates(query, {std::string(own), "und"}))
        << "step " << step;
    for (const XlangIndex::Candidate& c : cands) {
      const std::vector<std::uint8_t> want = ProfileFor(c.id);
      const std::span<const std::uint8_t> got = index.ProfileAt(c.slot);
      ASSERT_TRUE(std::equal(got.begin(), got.end(), want.begin(), want.end()));
      ASSERT_EQ(index.LangOf(c.id), model.langs().at(c.id));
    }
  }
  EXPECT_GT(index.MemoryBytes(), 0u);
  // Enough erasures to sweep (kMinSweep is 1024) in the longer runs.
  if (steps >= 4000) {
    EXPECT_GT(sweeps, 0);
  }
  // ... and enough freed chunks to compact the pool (CompactPool) more
  // than once, so the model checks candidates across compactions.
  if (steps >= 2000) {
    EXPECT_GT(index.pool_compactions(), 1u);
  }
}

TEST(XlangIndexTest, MatchesPlainModelWithCrowdedBuckets) {
  RunAgainstModel(/*max_bucket=*/4, /*key_alphabet=*/40, 4000, 1);
}

TEST(XlangIndexTest, MatchesPlainModelAtShippedBucketCap) {
  RunAgainstModel(/*max_bucket=*/64, /*key_alphabet=*/400, 20000, 2);
}

TEST(XlangIndexTest, MatchesPlainModelWithDegenerateCaps) {
  RunAgainstModel(/*max_bucket=*/1, /*key_alphabet=*/30, 2000, 3);
  RunAgainstModel(/*max_bucket=*/0, /*key_alphabet=*/30, 500, 4);
  RunAgainstModel(/*max_bucket=*/2, /*key_alphabet=*/30, 3000, 5);
}

TEST(XlangIndexTest, MoreBandsThanOneProbeGroup) {
  RunAgainstModel(/*max_bucket=*/8, /*key_alphabet=*/200, 3000, 7,
                  /*bands=*/70);
}

TEST(XlangIndexTest, ManyDistinctKeysGrowTheTables) {
  RunAgainstModel(/*max_bucket=*/64, /*key_alphabet=*/1u << 30, 6000, 6);
}

TEST(XlangIndexTest, EmptySketchIsNotStoredAndProposesNothing) {
  XlangIndex index(XlangIndex::Options{});
  XlangIndex::Sketch empty;
  index.MakeSketch({}, &empty);
  EXPECT_TRUE(empty.empty);
  EXPECT_FALSE(index.Insert(7, empty, "eng", ProfileFor(7)));
  EXPECT_EQ(index.size(), 0u);
  std::vector<std::uint64_t> ids;
  index.Candidates(empty, &ids);
  EXPECT_TRUE(ids.empty());
  EXPECT_TRUE(index.ProfileOf(7).empty());
  EXPECT_EQ(index.LangOf(7), "");
}

// 255 language tags: past them an item without a group language still is
// stored (under the first tag), one with a group language is not, since
// it would answer to the wrong languages.
TEST(XlangIndexTest, FullLanguageTableRefusesGroupedItems) {
  XlangIndex index(XlangIndex::Options{});
  std::vector<std::string> names;
  for (int i = 0; i < 300; ++i) {
    names.emplace_back("l");
    names.back() += std::to_string(i);
  }
  const XlangIndex::Sketch sketch = SketchOf(std::vector<std::uint32_t>(
      static_cast<std::size_t>(index.options().lsh.bands), 5));
  ASSERT_TRUE(index.Insert(0, sketch, names[0], ProfileFor(0), names[1]));
  for (std::uint64_t i = 1; i < 300; ++i) {
    EXPECT_TRUE(index.Insert(i, sketch, names[i], ProfileFor(i))) << i;
  }
  EXPECT_EQ(index.size(), 300u);
  EXPECT_EQ(index.LangOf(0), "l0");
  EXPECT_EQ(index.LangOf(254), "l254");  // the 255th language tag
  EXPECT_FALSE(index.Insert(300, sketch, names[2], ProfileFor(300), names[3]));
  EXPECT_EQ(index.size(), 300u);
  EXPECT_EQ(index.LangOf(300), "");
  // A known tag still takes grouped items.
  EXPECT_TRUE(index.Insert(301, sketch, names[0], ProfileFor(301), names[1]));
  EXPECT_EQ(index.LangOf(301), "l0");
}

TEST(XlangIndexTest, SameFeaturesMeetInEveryBand) {
  XlangIndex index(XlangIndex::Options{});
  const std::vector<std::uint64_t> features = {11, 22, 33, 44, 55};
  XlangIndex::Sketch a, b;
  index.MakeSketch(features, &a);
  index.MakeSketch(features, &b);
  EXPECT_EQ(a.keys, b.keys);
  index.Insert(1, a, "fra", ProfileFor(1));
  const std::string_view skip[] = {"spa", "und"};
  std::vector<XlangIndex::Candidate> cands;
  index.Candidates(b, skip, &cands);
  ASSERT_EQ(cands.size(), 1u);
  EXPECT_EQ(cands[0].id, 1u);
  const std::string_view own[] = {"fra"};
  index.Candidates(b, own, &cands);
  EXPECT_TRUE(cands.empty());
  index.Erase(1);
  index.Candidates(b, skip, &cands);
  EXPECT_TRUE(cands.empty());
}

// --- XlangCoverBound -------------------------------------------------------

// A random well-formed profile over a small fingerprint alphabet, so that
// pairs share fingerprints.
// With `flags`, some units name a place, some facts are stated, and a fact
// may hold two fingerprints (Analyze writes one; the blob format allows
// more). With `optional`, some units that are no facts are an opening
// label's (XlangProfile::kOptionalBit: left out when uncovered).
std::vector<std::uint8_t> RandomProfile(std::mt19937& rng, int alphabet,
                                        bool flags = false,
                                        bool optional = false) {
  const int units = static_cast<int>(rng() % 12);
  std::vector<std::uint8_t> blob = {static_cast<std::uint8_t>(units)};
  std::vector<int> counts;
  for (int u = 0; u < units; ++u) {
    const int cls = static_cast<int>(rng() % 4);
    const bool fact = cls == XlangProfile::kFact;
    const int count = fact ? (flags && rng() % 4 == 0 ? 2 : 1)
                           : 1 + static_cast<int>(rng() % 7);
    counts.push_back(count);
    std::uint8_t info = static_cast<std::uint8_t>(count | cls << 3);
    if (flags && rng() % 4 == 0) info |= XlangProfile::kPlaceBit;
    if (flags && fact && rng() % 2 == 0) info |= XlangProfile::kStatedBit;
    if (optional && !fact && rng() % 3 == 0) {
      info |= XlangProfile::kOptionalBit;
    }
    blob.push_back(info);
  }
  for (int count : counts) {
    for (int k = 0; k < count; ++k) {
      const auto fp =
          static_cast<std::uint16_t>(rng() % alphabet * 2654435761u);
      blob.push_back(static_cast<std::uint8_t>(fp));
      blob.push_back(static_cast<std::uint8_t>(fp >> 8));
    }
  }
  return blob;
}

void ExpectSameAlignment(const XlangAlignment& a, const XlangAlignment& b) {
  EXPECT_EQ(a.valid, b.valid);
  for (int side = 0; side < 2; ++side) {
    for (int c = 0; c < 4; ++c) {
      EXPECT_EQ(a.units[side][c], b.units[side][c]);
      EXPECT_EQ(a.covered[side][c], b.covered[side][c]);
    }
  }
}

// Bound >= Align: the same units, at least as many covered.
void ExpectBoundsAlign(const XlangAlignment& bound,
                       const XlangAlignment& align) {
  ASSERT_EQ(bound.valid, align.valid);
  for (int side = 0; side < 2; ++side) {
    for (int c = 0; c < 4; ++c) {
      EXPECT_EQ(bound.units[side][c], align.units[side][c]);
      EXPECT_GE(bound.covered[side][c], align.covered[side][c]);
    }
  }
}

TEST(XlangCoverBoundTest, FastBoundAgreesWithReferenceAndAlign) {
  std::mt19937 rng(11);
  XlangCoverBound bound;
  const XlangRule rule;
  for (int q = 0; q < 300; ++q) {
    const bool optional = q % 2 == 1;  // label units on odd rounds
    const std::vector<std::uint8_t> query =
        RandomProfile(rng, 40, false, optional);
    bound.SetQuery(query);
    for (int s = 0; s < 30; ++s) {
      const std::vector<std::uint8_t> stored =
          RandomProfile(rng, 40, false, optional);
      const XlangAlignment fast = bound.Bound(stored);
      ExpectSameAlignment(fast, XlangCoverBound::BoundReference(query, stored));
      const XlangAlignment align = CrossLingual::Align(query, stored);
      ExpectBoundsAlign(fast, align);
      if (CrossLingual::Decide(align, rule)) {
        EXPECT_TRUE(bound.MayVerify(stored, rule));
      }
    }
  }
}

// Align (a filter before its scan, CoverSide) against the plain decode and
// linear search of BoundReference, which Align equals today: a unit is
// covered when one of its fingerprints is among the other side's (a fact
// unit: its first among the other's facts). Random profiles whose
// fingerprints come from a small range share many; wide ones few.
TEST(XlangCoverBoundTest, AlignAgreesWithTheReference) {
  std::mt19937 rng(17);
  int covered = 0;
  for (int q = 0; q < 2000; ++q) {
    const int alphabet = q % 2 == 0 ? 40 : 4000;
    const bool optional = q % 4 >= 2;
    const std::vector<std::uint8_t> a =
        RandomProfile(rng, alphabet, false, optional);
    const std::vector<std::uint8_t> b =
        RandomProfile(rng, alphabet, false, optional);
    const XlangAlignment align = CrossLingual::Align(a, b);
    ExpectSameAlignment(align, XlangCoverBound::BoundReference(a, b));
    for (int c = 0; c < 4; ++c) covered += align.covered[0][c];
  }
  EXPECT_GT(covered, 1000);
}

// Bound equals Align, flags included (a fact or place changed, a stated
// fact dropped): the engine takes it for the alignment. Random profiles
// with places, stated facts and two-fingerprint facts; narrow and wide
// fingerprint ranges.
TEST(XlangCoverBoundTest, BoundEqualsAlign) {
  std::mt19937 rng(23);
  XlangCoverBound bound;
  int conflicts = 0, places = 0, added = 0;
  for (int q = 0; q < 1000; ++q) {
    const int alphabet = q % 2 == 0 ? 12 : 4000;
    const bool optional = q % 4 >= 2;
    const std::vector<std::uint8_t> query =
        RandomProfile(rng, alphabet, true, optional);
    bound.SetQuery(query);
    for (int s = 0; s < 10; ++s) {
      const std::vector<std::uint8_t> stored =
          RandomProfile(rng, alphabet, true, optional);
      const XlangAlignment align = CrossLingual::Align(query, stored);
      ASSERT_EQ(bound.Bound(stored), align) << q << " " << s;
      conflicts += align.fact_conflict;
      places += align.place_conflict;
      added += align.fact_added;
    }
  }
  // Every flag was exercised both ways.
  EXPECT_GT(conflicts, 100);
  EXPECT_GT(places, 100);
  EXPECT_GT(added, 100);
  EXPECT_LT(added, 9000);
}

// MayVerify's first test (the stored fingerprints among the query's, before
// any unit is decoded) drops only candidates the exact bound drops too,
// under the shipped rule and under rules that move each of its terms.
TEST(XlangCoverBoundTest, HitCountRejectsOnlyWhatTheBoundRejects) {
  std::vector<XlangRule> rules(6);
  rules[1].min_covered = 0;
  rules[2].min_covered = 3;
  rules[3].weight[XlangProfile::kOov] = 2.0;  // the heaviest is no word
  rules[4].coverage_floor = 0.6;
  rules[5].coverage_base = 0.5;
  rules[5].coverage_per_unit = 0.01;
  std::mt19937 rng(13);
  XlangCoverBound bound;
  int accepted = 0, dropped = 0;
  for (int q = 0; q < 300; ++q) {
    const bool optional = q % 2 == 1;
    const std::vector<std::uint8_t> query =
        RandomProfile(rng, 30, false, optional);
    bound.SetQuery(query);
    for (int s = 0; s < 30; ++s) {
      const std::vector<std::uint8_t> stored =
          RandomProfile(rng, 30, false, optional);
      const XlangAlignment exact = bound.Bound(stored);
      for (const XlangRule& rule : rules) {
        const bool may = bound.MayVerify(stored, rule);
        EXPECT_EQ(may, CrossLingual::Decide(exact, rule));
        accepted += may;
        dropped += !may;
      }
    }
  }
  // Both outcomes occur.
  EXPECT_GT(accepted, 1000);
  EXPECT_GT(dropped, 1000);
}

TEST(XlangCoverBoundTest, MalformedBlobsAreInvalidNotRead) {
  std::mt19937 rng(12);
  XlangCoverBound bound;
  const XlangRule rule;
  const std::vector<std::uint8_t> query = RandomProfile(rng, 40);
  bound.SetQuery(query);
  for (int i = 0; i < 2000; ++i) {
    std::vector<std::uint8_t> blob = RandomProfile(rng, 40);
    switch (i % 4) {
      case 0:  // truncated
        if (!blob.empty()) blob.pop_back();
        break;
      case 1:  // one byte too many
        blob.push_back(0);
        break;
      case 2:  // random bytes
        for (std::uint8_t& b : blob) b = static_cast<std::uint8_t>(rng());
        break;
      case 3:  // a unit with no features
        if (blob.size() > 1 && blob[0] > 0) blob[1] &= ~7;
        break;
    }
    const XlangAlignment fast = bound.Bound(blob);
    EXPECT_EQ(fast.valid, XlangProfile::IsValid(blob));
    ExpectSameAlignment(fast, XlangCoverBound::BoundReference(query, blob));
    if (!fast.valid) {
      EXPECT_FALSE(bound.MayVerify(blob, rule));
    }
  }
  // Nothing leaks into the next query: a fresh bound agrees.
  const std::vector<std::uint8_t> stored = RandomProfile(rng, 40);
  XlangCoverBound fresh;
  fresh.SetQuery(query);
  ExpectSameAlignment(bound.Bound(stored), fresh.Bound(stored));
  bound.SetQuery({});
  EXPECT_FALSE(bound.Bound(stored).valid);
}

std::string LexiconPath() {
  const char* env = std::getenv("TICKERDEDUP_LEXICON");
  return env != nullptr ? env : TICKERDEDUP_BINARY_DIR "/lexicon.tsv";
}

// Real profiles: every pair of NTREX headlines (the same sentences in many
// languages, so true translations and unrelated pairs both occur). The
// bound never rejects a pair Verify accepts.
TEST(XlangCoverBoundTest, NeverRejectsAVerifiedPairOfRealHeadlines) {
  std::string error;
  std::unique_ptr<CrossLingual> xl = CrossLingual::Load(LexiconPath(), &error);
  ASSERT_NE(xl, nullptr) << error;
  std::ifstream in(TICKERDEDUP_SOURCE_DIR
                   "/fixtures/ntrex128-headlines-langid.tsv");
  ASSERT_TRUE(in.good());
  std::vector<std::vector<std::uint8_t>> profiles;
  std::string line, key;
  std::getline(in, line);  // header
  while (std::getline(in, line) && profiles.size() < 600) {
    const std::size_t tab = line.rfind('\t');
    if (tab == std::string::npos) continue;
    const std::string_view text(line.data() + tab + 1, line.size() - tab - 1);
    NormalizeKey(text, &key);
    XlangProfile profile;
    xl->Profile(key, text, xl->DetectLanguage(text), &profile);
    profiles.push_back(profile.bytes);
  }
  ASSERT_GT(profiles.size(), 500u);
  const XlangRule rule;
  XlangCoverBound bound;
  int verified = 0, dropped = 0;
  for (const std::vector<std::uint8_t>& query : profiles) {
    bound.SetQuery(query);
    for (const std::vector<std::uint8_t>& stored : profiles) {
      const XlangAlignment align = CrossLingual::Align(query, stored);
      ASSERT_EQ(bound.Bound(stored), align);
      const bool may = bound.MayVerify(stored, rule);
      if (CrossLingual::Decide(align, rule)) {
        ++verified;
        ASSERT_TRUE(may);
      }
      dropped += !may;
    }
  }
  // The data has both kinds, and the bound does drop most pairs.
  EXPECT_GT(verified, 600);
  EXPECT_GT(dropped, static_cast<int>(profiles.size() * profiles.size() / 2));
}

}  // namespace
}  // namespace tickerdedup::internal
