// Near-duplicate features (shingle.h) and the SketchIndex channel.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "fp_count.h"
#include "shingle.h"
#include "sketch_index.h"

namespace tickerdedup::internal {
namespace {

std::vector<std::uint64_t> Features(std::string_view key) {
  std::vector<std::uint64_t> f;
  NearFeatures(key, 1, &f);
  return f;
}

TEST(NearFeatures, PrefixWordsDropShortWordsKeepNumbers) {
  // "negotiations" and "negotiating" share the prefix "negot"; "of", "a"
  // are dropped; "10" is kept.
  EXPECT_EQ(Features("negotiations of a 10 day"),
            Features("negotiating 10 day"));
  EXPECT_EQ(Features("a of to").size(), 0u);
  // Stop words are left out ("the"), unless there is nothing else.
  EXPECT_EQ(Features("the cat sat").size(), 2u);
  EXPECT_EQ(Features("the and with").size(), 3u);
  // Punctuation separates words and is not a feature.
  EXPECT_EQ(Features("cnp : l'executif"), Features("cnp l executif"));
}

// An ampersand between letters joins them: "AT&T", "S&P", "H&M" are words,
// where their one- and two-letter parts gave no feature and the name
// vanished. Spaced ("Johnson & Johnson") or at a word's edge it separates.
// The tokenizers' byte table agrees with the code-point predicate on every
// byte: word bytes are ASCII letters and digits only (a byte from 0x80 on
// is part of a multi-byte code point, read by IsWordCodePoint).
TEST(NearFeatures, AsciiByteClassesAgreeWithIsWordCodePoint) {
  for (int b = 0; b < 256; ++b) {
    const std::uint8_t c = AsciiByteClass(static_cast<unsigned char>(b));
    EXPECT_EQ((c & kAsciiWord) != 0, b < 0x80 && IsWordCodePoint(b)) << b;
    EXPECT_EQ((c & kAsciiDigit) != 0, b >= '0' && b <= '9') << b;
  }
  // A digit glued inside a word still marks it (has_digit keeps numbers
  // whole): "covid19" and "covid 19" differ in their features.
  std::vector<std::uint64_t> glued, apart;
  NearFeatures("covid19 cases rise", 1, &glued);
  NearFeatures("covid 19 cases rise", 1, &apart);
  EXPECT_NE(glued, apart);
}

TEST(NearFeatures, AmpersandJoinsLetters) {
  EXPECT_EQ(Features("at&t raises prices").size(), 3u);
  EXPECT_NE(Features("at&t raises prices"), Features("raises prices"));
  EXPECT_NE(Features("h&m profit falls"), Features("m&s profit falls"));
  EXPECT_EQ(Features("at & t raises prices"), Features("raises prices"));
  EXPECT_EQ(Features("johnson & johnson"), Features("johnson johnson"));
  EXPECT_EQ(Features("rock& roll"), Features("rock roll"));
  // Within a word that has multi-byte code points too.
  EXPECT_EQ(Features("caf\xc3\xa9&co").size(), 1u);
}

// The tokenizer reads ASCII runs without per-code-point offsets and switches
// to offsets at a token's first multi-byte code point: a word's feature is
// the hash of its first five code points wherever that switch happens.
TEST(NearFeatures, PrefixesCountCodePointsInMixedWords) {
  auto hash = [](std::string_view prefix) { return SketchHash64(prefix, 1); };
  // "caf\u00e9s": the multi-byte code point inside the prefix.
  EXPECT_EQ(Features("caf\xC3\xA9s"),
            std::vector<std::uint64_t>{hash("caf\xC3\xA9s")});
  // "\u00e9t\u00e9s2026": multi-byte first, ASCII run after it; 5 code
  // points are 7 bytes, and the digit keeps a short word too.
  EXPECT_EQ(Features("\xC3\xA9t\xC3\xA9s2026"),
            std::vector<std::uint64_t>{hash("\xC3\xA9t\xC3\xA9s2")});
  // "negoci\u00e9": the multi-byte code point past the prefix.
  EXPECT_EQ(Features("negoci\xC3\xA9"),
            std::vector<std::uint64_t>{hash("negoc")});
  // Two code points of two bytes each: under 3 code points, dropped.
  EXPECT_TRUE(Features("\xC3\xA9\xC3\xA9").empty());
  // An invalid byte separates words like a space.
  EXPECT_EQ(Features("alpha\xFF"
                     "bravo"),
            Features("alpha bravo"));
}

TEST(NearFeatures, CjkRunsGiveBigrams) {
  // Four CJK code points, no spaces: three bigrams.
  EXPECT_EQ(Features("\xE4\xB8\xAD\xE5\x9B\xBD\xE7\xBB\x8F\xE6\xB5\x8E").size(),
            3u);
}

TEST(NearFeatures, OtherShinglesForMeasurement) {
  std::vector<std::uint64_t> f;
  WordFeatures("a b a", 1, &f);
  EXPECT_EQ(f.size(), 2u);
  CharNgramFeatures("abcd", 3, 1, &f);  // " abcd " -> 4 trigrams
  EXPECT_EQ(f.size(), 4u);
}

// Six random lower-case letters.
std::string RandomWord(std::mt19937* rng) {
  std::string w;
  for (int i = 0; i < 6; ++i) {
    w.push_back(static_cast<char>('a' + (*rng)() % 26));
  }
  return w;
}

SketchIndex::Options SmallOptions() {
  SketchIndex::Options o;
  o.num_hashes = 64;
  o.threshold = 0.57;
  o.lsh = ChooseLshParams(0.44, 64, 16, 1, 4, 3);
  o.max_items = 100;
  return o;
}

// A template family crowding the band keys: each key keeps its newest
// entries, so the newest copies stay findable and a query walks a bounded
// list; the evicted entries' items are still stored and scored on demand.
TEST(SketchIndex, CrowdedBandKeysKeepTheNewest) {
  SketchIndex::Options o = SmallOptions();
  o.max_items = 1000;
  SketchIndex index(o);
  SketchIndex::Sketch s;
  index.MakeSketch(Features("weather forecast for the weekend"), &s);
  Facts none;
  for (std::uint64_t id = 0; id < 200; ++id) index.Insert(id, s, none);
  std::vector<std::uint64_t> ids;
  index.Candidates(s, &ids);
  ASSERT_FALSE(ids.empty());
  EXPECT_LE(ids.size(), 32u);
  // Every band key is the same, so the candidates are the newest items.
  for (std::uint64_t id : ids) EXPECT_GE(id, 200u - 32u) << id;
  EXPECT_EQ(ids.back(), 199u);
  EXPECT_EQ(index.Score(s, 0), 1.0);  // still stored
  index.Erase(0);                     // its entries were replaced: no-op
  index.Erase(199);
  index.Candidates(s, &ids);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.back(), 198u);
  EXPECT_EQ(index.size(), 198u);
}

// Churn through growth, tombstone rebuilds, crowded keys and slot reuse:
// a live item with its own features is always found by its own sketch, and
// an erased id never comes back.
TEST(SketchIndex, ChurnKeepsLiveItemsFindable) {
  SketchIndex::Options o = SmallOptions();
  o.max_items = 400;
  SketchIndex index(o);
  std::mt19937 rng(7);
  auto word = [&] { return RandomWord(&rng); };
  std::map<std::uint64_t, SketchIndex::Sketch> live;
  std::set<std::uint64_t> unique_items;  // not in a template family
  Facts none;
  std::vector<std::uint64_t> ids;
  for (std::uint64_t id = 0; id < 3000; ++id) {
    if (live.size() >= 350 || (!live.empty() && rng() % 4 == 0)) {
      auto it = live.begin();
      std::advance(it, rng() % live.size());
      index.Erase(it->first);
      unique_items.erase(it->first);
      live.erase(it);
    }
    // One in three is a sibling of a crowded template (one changed word).
    const bool sibling = rng() % 3 == 0;
    std::string text = sibling ? "storm warning issued for the coast " + word()
                               : word() + " " + word() + " " + word() + " " +
                                     word() + " " + word();
    SketchIndex::Sketch& s = live[id];
    index.MakeSketch(Features(text), &s);
    index.Insert(id, s, none);
    if (!sibling) unique_items.insert(id);
  }
  ASSERT_EQ(index.size(), live.size());
  for (const auto& [id, s] : live) {
    index.Candidates(s, &ids);
    for (std::uint64_t got : ids) ASSERT_TRUE(live.count(got)) << got;
    if (unique_items.count(id)) {
      EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
      EXPECT_EQ(index.Score(s, id), 1.0);
    }
  }
}

TEST(SketchIndex, FindsScoresAndForgets) {
  SketchIndex index(SmallOptions());
  SketchIndex::Sketch a, b, c;
  index.MakeSketch(Features("morocco signs fisheries deal with european union"),
                   &a);
  index.MakeSketch(
      Features("morocco signs fisheries deal with european union afp"), &b);
  index.MakeSketch(Features("storm hits coast of florida overnight"), &c);
  Facts none;
  index.Insert(10, a, none);
  std::vector<std::uint64_t> ids;
  index.Candidates(b, &ids);
  ASSERT_EQ(ids, std::vector<std::uint64_t>{10});
  // 6 of 7 features shared ("with" is a stop word): J = 6/7, containment 1.
  EXPECT_NEAR(index.Score(b, 10), 0.75 * 6 / 7 + 0.25, 1e-9);
  index.Candidates(c, &ids);
  EXPECT_TRUE(ids.empty());
  index.Erase(10);
  index.Candidates(b, &ids);
  EXPECT_TRUE(ids.empty());
  EXPECT_EQ(index.Score(b, 10), -1);
  // The freed slot is reused by another item; the old id stays gone.
  index.Insert(11, c, none);
  index.Candidates(b, &ids);
  EXPECT_TRUE(ids.empty());
  index.Candidates(c, &ids);
  EXPECT_EQ(ids, std::vector<std::uint64_t>{11});
}

TEST(SketchIndex, KeepsFactCodes) {
  SketchIndex index(SmallOptions());
  SketchIndex::Sketch s;
  index.MakeSketch(Features("one two three"), &s);
  Facts few, many, got;
  few.codes = {1, 2};
  many.codes = {1, 2, 3, 4, 5};
  index.Insert(1, s, few);
  index.Insert(2, s, many);
  index.GetFacts(1, &got);
  EXPECT_EQ(got.codes, few.codes);
  index.GetFacts(2, &got);
  EXPECT_EQ(got.codes, many.codes);
}

// Headlines with more facts than fit inline keep them in an arena that is
// compacted as erased ones pile up: the survivors' facts stay exact through
// erasures, compactions and slot reuse. Sizes: inline (0-3), counted in the
// record with two codes inline (4-254), and all in the arena (255, 300).
TEST(SketchIndex, FactsSurviveErasureAndCompaction) {
  SketchIndex index(SmallOptions());
  SketchIndex::Sketch s;
  index.MakeSketch(Features("one two three"), &s);
  auto facts_of = [](std::uint64_t id) {
    Facts f;
    constexpr std::size_t kSizes[] = {0, 1, 2, 3, 4, 5, 6, 254, 255, 300};
    const std::size_t n = kSizes[id % std::size(kSizes)];
    for (std::size_t k = 0; k < n; ++k) {
      f.codes.push_back(static_cast<std::uint32_t>(id * 10 + k));
    }
    return f;
  };
  // A window of 60 (the options hold 100), plus every fifth item erased
  // early, so holes open everywhere in the arena.
  std::vector<std::uint64_t> live;
  for (std::uint64_t id = 1; id <= 400; ++id) {
    index.Insert(id, s, facts_of(id));
    live.push_back(id);
    if (id % 5 == 0) {
      index.Erase(live[live.size() / 2]);
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(live.size() / 2));
    }
    while (live.size() > 60) {
      index.Erase(live.front());
      live.erase(live.begin());
    }
  }
  ASSERT_FALSE(live.empty());
  Facts got;
  for (std::uint64_t id : live) {
    index.GetFacts(id, &got);
    EXPECT_EQ(got.codes, facts_of(id).codes) << "id " << id;
  }
  index.GetFacts(1, &got);  // erased
  EXPECT_TRUE(got.codes.empty());
}

// The lane-count kernels (fp_count.h) against each other and against the
// sorted merge they replace in ScoreAll, on random records: distinct
// sorted fingerprints in the selected lanes, garbage in the others (a
// record's id and sizes), queries of 0-40 distinct sorted fingerprints
// drawn from a small range so that they often meet.
// The set-bit counting kernels (XlangCoverBound::HitsRule) against a
// std::set: every length 0-40 (the AVX2 kernel's masked tail included),
// fingerprints from a narrow range (many hits, repeats) or all 16 bits, at
// odd byte offsets (profile blobs are unaligned).
TEST(CountSetBits, KernelsAgreeWithASet) {
  std::mt19937 rng(20261201);
  std::vector<std::uint64_t> bitmap(1024);
  int tested_avx2 = 0;
  for (int round = 0; round < 20000; ++round) {
    std::fill(bitmap.begin(), bitmap.end(), 0);
    const std::uint32_t range = (round % 3 == 0) ? 65536 : 96;
    std::set<std::uint16_t> members;
    const std::size_t want = rng() % 60;
    while (members.size() < want && members.size() < range) {
      members.insert(static_cast<std::uint16_t>(rng() % range));
    }
    for (std::uint16_t m : members)
      bitmap[m >> 6] |= std::uint64_t{1} << (m & 63);
    const std::size_t n = rng() % 41;
    const std::size_t offset = rng() % 2;
    std::vector<std::uint8_t> bytes(offset + 2 * n);
    std::size_t expected = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const auto fp = static_cast<std::uint16_t>(rng() % range);
      bytes[offset + 2 * i] = static_cast<std::uint8_t>(fp);
      bytes[offset + 2 * i + 1] = static_cast<std::uint8_t>(fp >> 8);
      expected += members.count(fp);
    }
    const std::uint8_t* fps = bytes.data() + offset;
    ASSERT_EQ(CountSetBitsScalar(fps, n, bitmap.data()), expected) << round;
    ASSERT_EQ(CountSetBits(fps, n, bitmap.data()), expected) << round;
    if (HasCountInLanesAvx2()) {
      ASSERT_EQ(CountSetBitsAvx2(fps, n, bitmap.data()), expected) << round;
      ++tested_avx2;
    }
  }
  if (!HasCountInLanesAvx2()) GTEST_SKIP() << "no AVX2: scalar kernel only";
  EXPECT_EQ(tested_avx2, 20000);
}

TEST(CountInLanes, KernelsAgreeWithTheMerge) {
  std::mt19937 rng(20261129);
  int tested_avx2 = 0;
  for (int round = 0; round < 20000; ++round) {
    alignas(32) std::uint16_t lanes[16];
    for (std::uint16_t& v : lanes) v = static_cast<std::uint16_t>(rng());
    const int first = static_cast<int>(rng() % 7);  // 0..6
    const int count = static_cast<int>(rng() % (17 - first));
    const std::uint16_t range = (round % 3 == 0) ? 65535 : 64;
    std::set<std::uint16_t> stored;
    while (static_cast<int>(stored.size()) < count && stored.size() < range) {
      stored.insert(static_cast<std::uint16_t>(rng() % range));
    }
    std::uint32_t mask = 0;
    int k = first;
    for (std::uint16_t v : stored) {
      lanes[k] = v;
      mask |= 1u << k;
      ++k;
    }
    std::set<std::uint16_t> query_set;
    const std::size_t want = rng() % 41;
    while (query_set.size() < want && query_set.size() < range) {
      query_set.insert(static_cast<std::uint16_t>(rng() % range));
    }
    const std::vector<std::uint16_t> query(query_set.begin(), query_set.end());
    const std::vector<std::uint16_t> stored_sorted(stored.begin(),
                                                   stored.end());
    const std::size_t merge =
        SketchIndex::SharedFingerprints(query, stored_sorted);
    ASSERT_EQ(CountInLanesScalar(lanes, mask, query.data(), query.size()),
              merge)
        << "round " << round;
    ASSERT_EQ(CountInLanes(lanes, mask, query.data(), query.size()), merge)
        << "round " << round;
    if (HasCountInLanesAvx2()) {
      ASSERT_EQ(CountInLanesAvx2(lanes, mask, query.data(), query.size()),
                merge)
          << "round " << round;
      ++tested_avx2;
    }
  }
  if (!HasCountInLanesAvx2()) GTEST_SKIP() << "no AVX2: scalar kernel only";
  EXPECT_EQ(tested_avx2, 20000);
}

// With a rebuild runner, the band-table rebuilds recompute the stored
// signatures on the runner's threads; the tables grow at the same points
// and to the same sizes as without one, so every query gets the very same
// candidates (chance fingerprint matches in a probe run included).
TEST(SketchIndex, RebuildsOnTheRunnersThreads) {
  SketchIndex::Options o = SmallOptions();
  o.max_items = 20000;
  std::atomic<int> runs{0};
  const SketchIndex::ParallelFor two_threads =
      [&](std::size_t n, std::size_t grain,
          const std::function<void(std::size_t, std::size_t)>& body) {
        ++runs;
        std::atomic<std::size_t> next{0};
        auto chunks = [&] {
          for (;;) {
            const std::size_t begin = next.fetch_add(grain);
            if (begin >= n) return;
            body(begin, std::min(n, begin + grain));
          }
        };
        std::thread other(chunks);
        chunks();
        other.join();
      };
  SketchIndex alone(o), helped(o);
  helped.SetRebuildRunner(&two_threads);
  std::mt19937 rng(5);
  auto word = [&] { return RandomWord(&rng); };
  std::vector<SketchIndex::Sketch> sketches(12000);
  std::string last;
  Facts none;
  for (std::size_t i = 0; i < sketches.size(); ++i) {
    // One in four is a sibling of a crowded template; one in four an edit
    // of the item before it (one word of five replaced), which shares a
    // few of its bands only.
    std::string text;
    if (i % 4 == 0) {
      text = "storm warning issued for " + word();
    } else if (i % 4 == 2) {
      text = last.substr(0, last.rfind(' ') + 1) + word();
    } else {
      text = word() + " " + word() + " " + word() + " " + word() + " " + word();
    }
    last = text;
    alone.MakeSketch(Features(text), &sketches[i]);
    alone.Insert(i, sketches[i], none);
    helped.Insert(i, sketches[i], none);
    // A window's churn: tombstones, and rebuilds for them.
    if (i >= 9000 && i % 3 == 0) {
      alone.Erase(i - 9000);
      helped.Erase(i - 9000);
    }
  }
  EXPECT_GT(runs, 0);  // grown several times
  // Every live item that shares a band key with a query is among its
  // candidates (rebuilds lose no entry), whatever else a probe run passes.
  // Only keys that no more than SketchIndex::kMaxPerBandKey (2) items ever
  // had: a crowded key keeps its newest entries.
  std::map<std::pair<int, std::uint64_t>, std::vector<std::uint64_t>> by_key;
  for (std::size_t j = 0; j < sketches.size(); ++j) {
    for (int band = 0; band < o.lsh.bands; ++band) {
      by_key[{band, sketches[j].bands[band]}].push_back(j);
    }
  }
  const auto erased = [](std::uint64_t j) { return j < 3000 && j % 3 == 0; };
  std::vector<std::uint64_t> a, b;
  int edits_found = 0, checked = 0;
  for (std::size_t i = 0; i < sketches.size(); ++i) {
    alone.Candidates(sketches[i], &a);
    helped.Candidates(sketches[i], &b);
    ASSERT_EQ(a, b) << i;
    // A query with more candidates keeps those with the most band hits
    // (SketchIndex::kMaxScored, 16).
    if (b.size() >= 16) continue;
    for (int band = 0; band < o.lsh.bands; ++band) {
      const std::vector<std::uint64_t>& sharing =
          by_key[{band, sketches[i].bands[band]}];
      if (sharing.size() > 2) continue;
      for (std::uint64_t j : sharing) {
        if (erased(j)) continue;
        ASSERT_TRUE(std::binary_search(b.begin(), b.end(), j)) << i << " " << j;
        ++checked;
      }
    }
    if (i % 4 == 2) {
      edits_found += std::count(b.begin(), b.end(), i - 1);
    }
  }
  EXPECT_GT(edits_found, 1500);  // of 3000: most edits meet their original
  EXPECT_GT(checked, 100000);
}

}  // namespace
}  // namespace tickerdedup::internal
