// LSH parameter derivation and the band slot tables.
#include "lsh.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <random>
#include <set>
#include <vector>

namespace tickerdedup::internal {
namespace {

TEST(LshParams, CandidateProbabilityIsTheSCurve) {
  LshParams p{16, 4};
  EXPECT_DOUBLE_EQ(LshCandidateProbability(0, p), 0);
  EXPECT_DOUBLE_EQ(LshCandidateProbability(1, p), 1);
  EXPECT_NEAR(LshCandidateProbability(0.5, p),
              1 - std::pow(1 - std::pow(0.5, 4), 16), 1e-12);
  // Areas of P(s) = s (b = r = 1): T^2/2 and (1 - T)^2/2.
  EXPECT_NEAR(LshFalsePositiveArea(0.4, {1, 1}), 0.08, 1e-9);
  EXPECT_NEAR(LshFalseNegativeArea(0.4, {1, 1}), 0.18, 1e-9);
}

TEST(LshParams, ChoiceMinimizesWeightedAreasByBruteForce) {
  // The optimized search must agree with a plain search over the pow()-based
  // area functions.
  for (double t : {0.2, 0.44, 0.5, 0.7, 0.9}) {
    for (int k : {16, 64, 128}) {
      for (double fnw : {1.0, 4.0}) {
        LshParams got = ChooseLshParams(t, k, 16, 1.0, fnw, 1);
        double got_cost =
            LshFalsePositiveArea(t, got) + fnw * LshFalseNegativeArea(t, got);
        double best = INFINITY;
        for (int b = 1; b <= 16; ++b) {
          for (int r = 1; b * r <= k; ++r) {
            best = std::min(best, LshFalsePositiveArea(t, {b, r}) +
                                      fnw * LshFalseNegativeArea(t, {b, r}));
          }
        }
        EXPECT_NEAR(got_cost, best, 1e-9) << t << " " << k << " " << fnw;
        EXPECT_LE(got.bands * got.rows, k);
        EXPECT_LE(got.bands, 16);
      }
    }
  }
}

TEST(LshParams, HigherThresholdMovesTheCurveRight) {
  // The S-curve's midpoint (1/b)^(1/r) grows with the threshold.
  double last = 0;
  for (double t : {0.3, 0.5, 0.7, 0.9}) {
    LshParams p = ChooseLshParams(t, 64, 16);
    double mid = std::pow(1.0 / p.bands, 1.0 / p.rows);
    EXPECT_GE(mid, last) << t;
    last = mid;
  }
}

TEST(LshParams, MinRowsAndFalseNegativeWeight) {
  LshParams p = ChooseLshParams(0.44, 64, 16, 1.0, 4.0, 3);
  EXPECT_GE(p.rows, 3);
  // Weighting misses more lowers the curve: more recall at the threshold.
  LshParams even = ChooseLshParams(0.44, 64, 16, 1.0, 1.0, 3);
  EXPECT_GE(LshCandidateProbability(0.44, p),
            LshCandidateProbability(0.44, even));
}

TEST(BandTable, MatchesAReferenceUnderChurn) {
  // Random inserts and removals (with growth and tombstone rebuilds) against
  // a std::map reference: every live (hash, slot) is found, removed ones
  // never come back.
  const std::uint32_t max_items = 500;
  BandTable table;
  table.Init(max_items);
  std::mt19937_64 rng(3);
  std::vector<std::uint64_t> hash_of(max_items);
  std::vector<bool> live(max_items, false);
  auto hash_fn = [&](std::uint32_t slot) { return hash_of[slot]; };
  for (int step = 0; step < 50000; ++step) {
    std::uint32_t slot = rng() % max_items;
    if (live[slot]) {
      ASSERT_TRUE(table.Remove(hash_of[slot], slot));
      ASSERT_FALSE(table.Remove(hash_of[slot], slot));
      live[slot] = false;
    } else {
      // Few distinct hashes so runs of equal keys are exercised.
      hash_of[slot] = (rng() % 64) * 0x9E3779B97F4A7C15ull;
      table.Insert(hash_of[slot], slot, hash_fn);
      live[slot] = true;
    }
    if (step % 997 == 0) {
      std::size_t n_live = 0;
      for (std::uint32_t s = 0; s < max_items; ++s) {
        if (!live[s]) continue;
        ++n_live;
        bool found = false;
        table.ForEachMatch(hash_of[s], [&](std::uint32_t x) {
          found |= x == s;
          // A match is live and shares the fingerprint (here: the hash).
          EXPECT_TRUE(live[x]);
        });
        ASSERT_TRUE(found) << "slot " << s << " step " << step;
      }
      ASSERT_EQ(table.size(), n_live);
    }
  }
  // At most 1/0.6 entries of 4 bytes per item when full, plus rounding.
  EXPECT_LE(table.MemoryBytes(), max_items * 4 / 0.6 + 64);
}

// A table that grew, then lost most of its entries and keeps churning at
// that size, rebuilds smaller: growth's spare capacity (up to 4x) does not
// stay for good. Every live entry is still found.
TEST(BandTable, ShrinksOnceItStopsGrowing) {
  const std::uint32_t max_items = 1 << 16;
  BandTable table;
  table.Init(max_items);
  std::vector<std::uint64_t> hash_of(max_items);
  auto hash_fn = [&](std::uint32_t slot) { return hash_of[slot]; };
  std::mt19937_64 rng(5);
  for (std::uint32_t slot = 0; slot < 20000; ++slot) {
    hash_of[slot] = rng();
    table.Insert(hash_of[slot], slot, hash_fn);
  }
  const std::size_t grown = table.MemoryBytes();
  table.AllowShrink();
  // Down to 2,000 live entries, then remove-one-add-one (a full window).
  std::deque<std::uint32_t> live;
  for (std::uint32_t slot = 0; slot < 20000; ++slot) {
    if (slot < 18000) {
      ASSERT_TRUE(table.Remove(hash_of[slot], slot));
    } else {
      live.push_back(slot);
    }
  }
  std::uint32_t next = 20000;
  for (int step = 0; step < 10000; ++step) {
    const std::uint32_t old = live.front();
    live.pop_front();
    ASSERT_TRUE(table.Remove(hash_of[old], old));
    hash_of[next] = rng();
    table.Insert(hash_of[next], next, hash_fn);
    live.push_back(next++);
  }
  ASSERT_EQ(table.size(), live.size());
  for (std::uint32_t s : live) {
    bool found = false;
    table.ForEachMatch(hash_of[s], [&](std::uint32_t x) { found |= x == s; });
    ASSERT_TRUE(found) << s;
  }
  // 2,000 entries of 4 bytes at a live load of at least 1/4, where growth
  // had left room for 20,000 at 1/5 or more.
  EXPECT_GE(grown, 20000u * 4);
  EXPECT_LE(table.MemoryBytes(), 2000u * 4 * 4);
}

// Whether `slot` is among the table's matches for `hash` (others may share
// its fingerprint: a match is only a candidate).
bool Holds(const BandTable& table, std::uint64_t hash, std::uint32_t slot) {
  bool found = false;
  table.ForEachMatch(hash, [&](std::uint32_t x) { found |= x == slot; });
  return found;
}

// Without AllowShrink a table does not rebuild to shrink (the owner allows
// it once its window is full); a shrinkable table that is not sparse,
// rebuilt for another table's sake (Reset while it needs no rebuild), keeps
// its size; a sparse one shrinks then.
TEST(BandTable, ShrinksOnlyWhenAllowedAndWhenItsOwnChurnSaysSo) {
  const std::uint32_t max_items = 1 << 16;
  std::vector<std::uint64_t> hash_of(max_items);
  std::mt19937_64 rng(7);
  for (auto& h : hash_of) h = rng();
  auto hash_fn = [&](std::uint32_t slot) { return hash_of[slot]; };
  auto fill_and_drain = [&](BandTable* t) {
    t->Init(max_items);
    for (std::uint32_t s = 0; s < 20000; ++s) t->Insert(hash_of[s], s, hash_fn);
    for (std::uint32_t s = 0; s < 18000; ++s) t->Remove(hash_of[s], s);
  };
  BandTable fixed;
  fill_and_drain(&fixed);
  EXPECT_FALSE(fixed.WillRebuild());  // churned and sparse, not allowed

  BandTable table;
  fill_and_drain(&table);
  table.AllowShrink();
  // 18,000 removals against 2,000 live entries: churned, and sparse.
  EXPECT_TRUE(table.WillRebuild());
  const std::size_t before = table.MemoryBytes();
  table.Reset(table.size());
  for (std::uint32_t s = 18000; s < 20000; ++s) table.Add(hash_of[s], s);
  const std::size_t shrunk = table.MemoryBytes();
  EXPECT_LT(shrunk * 4, before);
  EXPECT_LE(shrunk, 2000u * 4 * 2 + 64);  // a live load of 1/2
  // Rebuilt again for another table's sake: same size, nothing lost.
  EXPECT_FALSE(table.WillRebuild());
  table.Reset(table.size());
  for (std::uint32_t s = 18000; s < 20000; ++s) table.Add(hash_of[s], s);
  EXPECT_EQ(table.MemoryBytes(), shrunk);
  EXPECT_EQ(table.size(), 2000u);
  for (std::uint32_t s = 18000; s < 20000; ++s) {
    EXPECT_TRUE(Holds(table, hash_of[s], s)) << s;
  }

  // Just grown (a live load of 0.2, no churn yet): a rebuild for another
  // table's sake shrinks a sparse shrinkable table all the same.
  BandTable grown;
  grown.Init(max_items);
  std::uint32_t n = 0;
  for (std::size_t last = 0;; ++n) {
    grown.Insert(hash_of[n], n, hash_fn);
    if (last != 0 && grown.MemoryBytes() > last) break;
    last = grown.MemoryBytes();
  }
  ++n;
  grown.AllowShrink();
  EXPECT_FALSE(grown.WillRebuild());
  const std::size_t roomy = grown.MemoryBytes();
  grown.Reset(grown.size());
  for (std::uint32_t s = 0; s < n; ++s) grown.Add(hash_of[s], s);
  EXPECT_LT(grown.MemoryBytes() * 2, roomy);
  for (std::uint32_t s = 0; s < n; ++s) {
    EXPECT_TRUE(Holds(grown, hash_of[s], s)) << s;
  }
}

// A crowded key: CountMatches stops at its limit, ReplaceOldest swaps the
// entry of the lowest age for the new slot and leaves the count as it was.
TEST(BandTable, CrowdedKeyKeepsTheNewest) {
  BandTable table;
  table.Init(100);
  const std::uint64_t key = 0x1234567887654321ull;
  const std::uint64_t other = 0x0F0F0F0F0F0F0F0Full;
  std::vector<std::uint64_t> hash_of(100, key);
  hash_of[50] = other;
  auto hash_fn = [&](std::uint32_t slot) { return hash_of[slot]; };
  for (std::uint32_t slot = 0; slot < 8; ++slot) {
    table.Insert(key, slot, hash_fn);
  }
  table.Insert(other, 50, hash_fn);
  EXPECT_EQ(table.CountMatches(key, 100), 8u);
  EXPECT_EQ(table.CountMatches(key, 5), 5u);
  EXPECT_EQ(table.CountMatches(other, 100), 1u);
  // Age = the slot number here: slot 0 is the oldest, then 1.
  auto age = [](std::uint32_t slot) { return std::uint64_t{slot}; };
  table.ReplaceOldest(key, 20, age);
  table.ReplaceOldest(key, 21, age);
  std::vector<std::uint32_t> got;
  table.ForEachMatch(key, [&](std::uint32_t s) { got.push_back(s); });
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::uint32_t>{2, 3, 4, 5, 6, 7, 20, 21}));
  EXPECT_EQ(table.size(), 9u);
  // The other key is untouched, and a replaced entry is gone for good.
  EXPECT_EQ(table.CountMatches(other, 100), 1u);
  EXPECT_FALSE(table.Remove(key, 0));
  EXPECT_TRUE(table.Remove(key, 20));
  // No match: nothing happens.
  table.ReplaceOldest(0x5555555555555555ull, 30, age);
  EXPECT_EQ(table.size(), 8u);
}

}  // namespace
}  // namespace tickerdedup::internal
