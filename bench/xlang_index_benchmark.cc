// Cross-language channel speed on real headlines: the engine's per-item
// query (XlangIndex::Candidates in other languages, XlangCoverBound, then
// CrossLingual::Align on the survivors) against the same query verified by
// Align alone, and steady-state insert + erase. Counters give candidates
// and verified pairs per query beside the rates.
//
//   build/xlang_index_benchmark --benchmark_counters_tabular=true
//   XLANG_BENCH_FEED=bench/feeds/feed-200k.lines.txt
//   build/xlang_index_benchmark
//
// Headlines: $XLANG_BENCH_FEED (one a line; the generated feeds mix six
// languages), else bench/feeds/feed-200k.lines.txt when present, else the
// eval lists (English only: few other-language candidates). Lexicon:
// $TICKERDEDUP_LEXICON.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "normalize.h"
#include "xlang.h"
#include "xlang_index.h"

namespace tickerdedup::internal {
namespace {

constexpr std::size_t kMaxLines = 200'000;

struct Analyzed {
  std::string lang;
  std::vector<std::uint64_t> features;
  std::vector<std::uint8_t> profile;
};

std::vector<std::string> ReadLines() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("XLANG_BENCH_FEED")) paths.push_back(env);
  paths.push_back(TICKERDEDUP_SOURCE_DIR "/bench/feeds/feed-200k.lines.txt");
  for (const std::string& path : paths) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; out.size() < kMaxLines && std::getline(in, line);) {
      out.push_back(line);
    }
    if (!out.empty()) return out;
  }
  std::vector<std::string> out;
  for (const char* path : {"/work/shared/eval/lists/abc-2003.txt",
                           "/work/shared/eval/lists/clickbait-and-news.txt"}) {
    std::ifstream in(path);
    for (std::string line; out.size() < kMaxLines && std::getline(in, line);) {
      out.push_back(line);
    }
  }
  return out;
}

// Analyzed once per process, as the engine would (facts left out of the
// LSH features).
const std::vector<Analyzed>* Items() {
  static const std::vector<Analyzed>* items = [] {
    auto* out = new std::vector<Analyzed>();
    const char* lexicon = std::getenv("TICKERDEDUP_LEXICON");
    std::string error;
    std::unique_ptr<CrossLingual> xl =
        CrossLingual::Load(lexicon != nullptr ? lexicon : "", &error);
    if (xl == nullptr) return out;
    std::string key;
    for (const std::string& line : ReadLines()) {
      NormalizeKey(line, &key);
      Analyzed a;
      a.lang = std::string(xl->DetectLanguage(line));
      XlangProfile profile;
      xl->Analyze(key, line, a.lang, &a.features, &profile);
      std::erase_if(a.features,
                    [](std::uint64_t f) { return CrossLingual::IsFact(f); });
      a.profile = std::move(profile.bytes);
      out->push_back(std::move(a));
    }
    return out;
  }();
  return items;
}

// The index holding every item but the last kQueries, which are queried.
constexpr std::size_t kQueries = 4096;

struct Filled {
  std::unique_ptr<XlangIndex> index;
  std::vector<XlangIndex::Sketch> sketches;
};

const Filled* Fill() {
  static const Filled* filled = [] {
    auto* f = new Filled();
    f->index = std::make_unique<XlangIndex>(XlangIndex::Options{});
    const std::vector<Analyzed>& items = *Items();
    f->sketches.resize(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      f->index->MakeSketch(items[i].features, &f->sketches[i]);
      if (i + kQueries < items.size()) {
        f->index->Insert(i, f->sketches[i], items[i].lang, items[i].profile);
      }
    }
    return f;
  }();
  return filled;
}

// with_bound = false: every other-language candidate goes to Align.
void Query(benchmark::State& state, bool with_bound) {
  const std::vector<Analyzed>& items = *Items();
  if (items.size() <= kQueries) {
    state.SkipWithError("no headlines or no lexicon ($TICKERDEDUP_LEXICON)");
    return;
  }
  const Filled& f = *Fill();
  const XlangRule rule;
  XlangCoverBound bound;
  std::vector<XlangIndex::Candidate> cands;
  std::size_t q = items.size() - kQueries, queries = 0, candidates = 0,
              verified = 0;
  for (auto _ : state) {
    const Analyzed& item = items[q];
    const std::string_view skip[] = {item.lang, "und"};
    f.index->Candidates(f.sketches[q], skip, &cands);
    if (with_bound) bound.SetQuery(item.profile);
    for (const XlangIndex::Candidate& c : cands) {
      const std::span<const std::uint8_t> stored = f.index->ProfileAt(c.slot);
      if (with_bound && !bound.MayVerify(stored, rule)) continue;
      verified += CrossLingual::Verify(item.profile, stored, rule);
    }
    candidates += cands.size();
    ++queries;
    if (++q == items.size()) q = items.size() - kQueries;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(queries));
  state.counters["candidates/query"] =
      static_cast<double>(candidates) / static_cast<double>(queries);
  state.counters["verified/query"] =
      static_cast<double>(verified) / static_cast<double>(queries);
  state.counters["stored"] = static_cast<double>(f.index->size());
}

void BM_XlangQueryWithBound(benchmark::State& state) { Query(state, true); }
BENCHMARK(BM_XlangQueryWithBound);

void BM_XlangQueryAlignOnly(benchmark::State& state) { Query(state, false); }
BENCHMARK(BM_XlangQueryAlignOnly);

// Candidates alone, every item of the feed in turn as the query: the
// queries walk the whole index (tens of MB), so band cells, chunks and slot
// records come from DRAM as in the engine, not from a cache warmed by a
// few thousand repeated queries.
void BM_XlangCandidatesCold(benchmark::State& state) {
  const std::vector<Analyzed>& items = *Items();
  if (items.size() <= kQueries) {
    state.SkipWithError("no headlines or no lexicon ($TICKERDEDUP_LEXICON)");
    return;
  }
  const Filled& f = *Fill();
  std::vector<XlangIndex::Candidate> cands;
  std::size_t q = 0, candidates = 0;
  for (auto _ : state) {
    const Analyzed& item = items[q];
    const std::string_view skip[] = {item.lang, "und"};
    f.index->Candidates(f.sketches[q], skip, &cands);
    candidates += cands.size();
    // A stride through the feed, so that neighbours share no cache lines.
    q = (q + 7919) % items.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["candidates/query"] =
      static_cast<double>(candidates) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_XlangCandidatesCold);

// Steady state of a full window: insert one item, erase the oldest.
void BM_XlangInsertErase(benchmark::State& state) {
  const std::vector<Analyzed>& items = *Items();
  if (items.size() <= kQueries) {
    state.SkipWithError("no headlines or no lexicon ($TICKERDEDUP_LEXICON)");
    return;
  }
  XlangIndex index(XlangIndex::Options{});
  std::vector<XlangIndex::Sketch> sketches(items.size());
  const std::size_t window = items.size() / 2;
  for (std::size_t i = 0; i < items.size(); ++i) {
    index.MakeSketch(items[i].features, &sketches[i]);
  }
  for (std::size_t i = 0; i < window; ++i) {
    index.Insert(i, sketches[i], items[i].lang, items[i].profile);
  }
  std::uint64_t next = window, oldest = 0;
  for (auto _ : state) {
    const std::size_t i = next % items.size();
    index.Insert(next++, sketches[i], items[i].lang, items[i].profile);
    index.Erase(oldest++);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["bytes/stored"] = static_cast<double>(index.MemoryBytes()) /
                                   static_cast<double>(index.size());
}
BENCHMARK(BM_XlangInsertErase);

}  // namespace
}  // namespace tickerdedup::internal

BENCHMARK_MAIN();
