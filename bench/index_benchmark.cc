// Index speed and memory at 1M stored headlines: LSH queries (band probes +
// verification), steady-state insert + evict, bytes per stored headline, and
// the whole engine in near mode on the real lists.
//
//   build/index_benchmark --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "lsh.h"
#include "normalize.h"
#include "shingle.h"
#include "sketch_index.h"
#include "tickerdedup/engine.h"

namespace tickerdedup::internal {
namespace {

constexpr std::uint32_t kStored = 1'000'000;

const std::vector<std::string>& Lines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    for (const char* path :
         {"/work/shared/eval/lists/abc-2003.txt",
          "/work/shared/eval/lists/clickbait-and-news.txt",
          "/work/shared/eval/lists/reuters-21578-titles.txt"}) {
      std::ifstream in(path);
      for (std::string line; std::getline(in, line);) out.push_back(line);
    }
    return out;
  }();
  return lines;
}

SketchIndex::Options DefaultOptions() {
  // The engine's defaults (src/engine.cc): K = 64, T = 0.54, LSH tuned for
  // Jaccard (0.54 - 0.25) / 0.75 with false negatives weighted 4x, r >= 3.
  SketchIndex::Options o;
  o.num_hashes = 64;
  o.threshold = 0.54;
  o.lsh = ChooseLshParams((0.54 - 0.25) / 0.75, 64, 16, 1.0, 4.0, 3);
  o.max_items = kStored + 1;
  return o;
}

// Random feature sets of headline size (6-10 features; median is 6 on the
// lists), so the 1M stored items spread like distinct headlines.
void RandomFeatures(std::mt19937_64& rng, std::vector<std::uint64_t>* f) {
  f->clear();
  int n = 6 + static_cast<int>(rng() % 5);
  for (int i = 0; i < n; ++i) f->push_back(rng());
  std::sort(f->begin(), f->end());
}

struct Filled {
  std::unique_ptr<SketchIndex> index;
  std::vector<SketchIndex::Sketch> queries;  // from the real lists
};

Filled& FilledIndex() {
  static Filled filled = [] {
    Filled f;
    f.index = std::make_unique<SketchIndex>(DefaultOptions());
    std::mt19937_64 rng(1);
    std::vector<std::uint64_t> features;
    SketchIndex::Sketch s;
    Facts none;
    for (std::uint32_t i = 0; i < kStored; ++i) {
      RandomFeatures(rng, &features);
      f.index->MakeSketch(features, &s);
      f.index->Insert(i, s, none);
    }
    std::string key;
    for (const std::string& line : Lines()) {
      NormalizeKey(line, &key);
      NearFeatures(key, 1, &features);
      f.queries.emplace_back();
      f.index->MakeSketch(features, &f.queries.back());
    }
    return f;
  }();
  return filled;
}

void BM_QueryAt1M(benchmark::State& state) {
  Filled& f = FilledIndex();
  if (f.queries.empty()) return state.SkipWithError("eval lists not found");
  std::vector<std::uint64_t> ids;
  std::size_t candidates = 0;
  for (auto _ : state) {
    for (const auto& q : f.queries) {
      f.index->Candidates(q, &ids);
      candidates += ids.size();
      for (std::uint64_t id : ids)
        benchmark::DoNotOptimize(f.index->Score(q, id));
    }
  }
  double items = static_cast<double>(f.queries.size()) * state.iterations();
  state.counters["items/s"] =
      benchmark::Counter(items, benchmark::Counter::kIsRate);
  state.counters["cand/query"] = candidates / items;
  state.counters["bytes/item"] =
      static_cast<double>(f.index->MemoryBytes()) / f.index->size();
  state.counters["bands"] = f.index->options().lsh.bands;
  state.counters["rows"] = f.index->options().lsh.rows;
}
BENCHMARK(BM_QueryAt1M)->Unit(benchmark::kMillisecond);

// Steady state of a full window: insert a new item, evict the oldest.
void BM_InsertEvictAt1M(benchmark::State& state) {
  Filled& f = FilledIndex();
  std::mt19937_64 rng(2);
  std::vector<std::uint64_t> features;
  SketchIndex::Sketch s;
  Facts none;
  std::uint64_t next = kStored, oldest = 0;
  for (auto _ : state) {
    state.PauseTiming();
    RandomFeatures(rng, &features);
    f.index->MakeSketch(features, &s);
    state.ResumeTiming();
    f.index->Insert(next++, s, none);
    f.index->Erase(oldest++);
  }
  state.counters["items/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["bytes/item"] =
      static_cast<double>(f.index->MemoryBytes()) / f.index->size();
}
BENCHMARK(BM_InsertEvictAt1M)->Iterations(200000);

// The whole engine, --match near defaults, one pass over the lists
// (~74k headlines: mostly new, some repeats and near repeats).
void BM_EngineNearLists(benchmark::State& state) {
  const auto& lines = Lines();
  if (lines.empty()) return state.SkipWithError("eval lists not found");
  std::size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size();
  EngineOptions o;
  o.match = state.range(0) ? MatchLevel::kNear : MatchLevel::kExact;
  EngineStats stats;
  for (auto _ : state) {
    std::string error;
    auto engine = Engine::Create(o, &error);
    for (const auto& l : lines) benchmark::DoNotOptimize(engine->Add(l));
    stats = engine->Stats();
  }
  state.SetLabel(state.range(0) ? "near" : "exact");
  state.counters["items/s"] =
      benchmark::Counter(static_cast<double>(lines.size()) * state.iterations(),
                         benchmark::Counter::kIsRate);
  state.counters["bytes/s"] =
      benchmark::Counter(static_cast<double>(bytes) * state.iterations(),
                         benchmark::Counter::kIsRate);
  state.counters["near"] = static_cast<double>(stats.near);
  state.counters["bytes/item"] =
      static_cast<double>(stats.index_bytes) / stats.stored_items;
}
BENCHMARK(BM_EngineNearLists)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tickerdedup::internal

BENCHMARK_MAIN();
