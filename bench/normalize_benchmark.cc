// Throughput of match-key normalization and fact extraction on real
// headline batches, read at run time:
//   ascii:   /work/shared/eval/lists/abc-2003.txt (21,294 ABC headlines)
//   latin:   NTREX-128 headlines in fra, spa, por, ita, deu (accents)
//   nonascii: every NTREX-128 headline that holds a non-ASCII byte (30
//            languages: Arabic, Cyrillic, CJK, Devanagari, ...)
//   seed:    the headlines of fixtures/ticker-page-fr.txt (always present)
//   feed:    the first 50,000 lines of bench/feeds/feed-200k.lines.txt (the
//            generated feed, 61 bytes a line; tools/gen_feed.py)
// Set TICKERDEDUP_EVAL_DIR to read the eval files from elsewhere; rows whose
// file is missing are skipped. Rows report bytes/s and headlines/s; memcpy
// of the same batch is the speed-of-light row.
//
//   build-*/normalize_benchmark --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "facts.h"
#include "normalize.h"
#include "normalize_kernels.h"

namespace tickerdedup::internal {
namespace {

struct Batch {
  std::vector<std::string> lines;
  std::size_t bytes = 0;
  void Add(std::string_view line) {
    if (line.empty()) return;
    lines.emplace_back(line);
    bytes += line.size();
  }
};

std::string EvalDir() {
  const char* env = std::getenv("TICKERDEDUP_EVAL_DIR");
  return env != nullptr ? env : "/work/shared/eval";
}

bool HasNonAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

const Batch& AsciiBatch() {
  static const Batch* batch = [] {
    auto* b = new Batch;
    std::ifstream in(EvalDir() + "/lists/abc-2003.txt");
    std::string line;
    while (std::getline(in, line)) {
      if (!HasNonAscii(line)) b->Add(line);
    }
    return b;
  }();
  return *batch;
}

// NTREX rows: cluster<TAB>lang<TAB>text.
const Batch& NtrexBatch(bool latin_only) {
  auto load = [](bool latin) {
    auto* b = new Batch;
    std::ifstream in(EvalDir() + "/clusters/ntrex128-headlines.tsv");
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      const std::size_t t1 = line.find('\t');
      const std::size_t t2 = line.find('\t', t1 + 1);
      if (t1 == std::string::npos || t2 == std::string::npos) continue;
      const std::string_view lang(line.data() + t1 + 1, t2 - t1 - 1);
      const std::string_view text(line.data() + t2 + 1, line.size() - t2 - 1);
      if (!HasNonAscii(text)) continue;
      const bool is_latin = lang == "fra" || lang == "spa" || lang == "por" ||
                            lang == "ita" || lang == "deu";
      if (latin && !is_latin) continue;
      b->Add(text);
    }
    return b;
  };
  static const Batch* latin = load(true);
  static const Batch* all = load(false);
  return latin_only ? *latin : *all;
}

const Batch& SeedBatch() {
  static const Batch* batch = [] {
    auto* b = new Batch;
    std::ifstream in(std::string(TICKERDEDUP_SOURCE_DIR) +
                     "/fixtures/ticker-page-fr.txt");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string page = ss.str();
    const std::string nbsp = "\xC2\xA0";
    std::size_t pos = 0;
    while (pos < page.size()) {
      std::size_t end = page.find(nbsp, pos);
      if (end == std::string::npos) end = page.size();
      b->Add(std::string_view(page).substr(pos, end - pos));
      pos = end + nbsp.size();
    }
    return b;
  }();
  return *batch;
}

const Batch& FeedBatch() {
  static const Batch* batch = [] {
    auto* b = new Batch;
    std::ifstream in(std::string(TICKERDEDUP_SOURCE_DIR) +
                     "/bench/feeds/feed-200k.lines.txt");
    std::string line;
    while (b->lines.size() < 50000 && std::getline(in, line)) b->Add(line);
    return b;
  }();
  return *batch;
}

const Batch& BatchFor(int which) {
  switch (which) {
    case 4:
      return FeedBatch();
    case 0:
      return AsciiBatch();
    case 1:
      return NtrexBatch(/*latin_only=*/true);
    case 2:
      return NtrexBatch(/*latin_only=*/false);
    default:
      return SeedBatch();
  }
}

void SetRates(benchmark::State& state, const Batch& batch) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(batch.bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(batch.lines.size()));
  state.counters["headlines/s"] =
      benchmark::Counter(static_cast<double>(batch.lines.size()) *
                             static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

// Runs normalize(line, &key) over every line of `batch` per iteration.
template <typename Normalize>
void RunBatch(benchmark::State& state, const Batch& batch,
              Normalize normalize) {
  if (batch.lines.empty()) {
    state.SkipWithError("input file not present");
    return;
  }
  std::string key;
  for (auto _ : state) {
    for (const std::string& line : batch.lines) {
      benchmark::DoNotOptimize(normalize(line, &key));
      benchmark::DoNotOptimize(key.data());
    }
  }
  SetRates(state, batch);
}

void BM_NormalizeKey(benchmark::State& state) {
  RunBatch(state, BatchFor(static_cast<int>(state.range(0))),
           [](std::string_view line, std::string* key) {
             return NormalizeKey(line, key);
           });
}
BENCHMARK(BM_NormalizeKey)
    ->ArgName("ascii0_latin1_nonascii2_seed3_feed4")
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->Arg(3)
    ->Arg(4);

// The general path on the same ASCII batch: what the fast path saves.
void BM_NormalizeKeyGeneral(benchmark::State& state) {
  RunBatch(state, BatchFor(static_cast<int>(state.range(0))),
           [](std::string_view line, std::string* key) {
             return NormalizeKeyGeneral(line, key);
           });
}
// NormalizeKey with each ASCII fast-path kernel (normalize_kernels.h).
void BM_NormalizeKeyKernel(benchmark::State& state) {
  const auto kernel = static_cast<AsciiKeyKernel>(state.range(0));
  const Batch& batch = BatchFor(static_cast<int>(state.range(1)));
  if (!AsciiKeyKernelSupported(kernel)) {
    state.SkipWithError("kernel not supported on this CPU");
    return;
  }
  RunBatch(state, batch, [kernel](std::string_view line, std::string* key) {
    return NormalizeKeyWithKernel(kernel, line, key);
  });
  state.SetLabel(AsciiKeyKernelName(kernel));
}
BENCHMARK(BM_NormalizeKeyKernel)
    ->ArgNames({"scalar0_sse2_1_avx2_2_avx512_3", "ascii0_latin1_feed4"})
    ->ArgsProduct({{0, 1, 2, 3}, {0, 1, 4}});

BENCHMARK(BM_NormalizeKeyGeneral)->ArgName("ascii0")->Arg(0);

void BM_ExtractFacts(benchmark::State& state) {
  const Batch& batch = BatchFor(static_cast<int>(state.range(0)));
  if (batch.lines.empty()) {
    state.SkipWithError("input file not present");
    return;
  }
  std::vector<std::string> keys;
  std::size_t facts_total = 0;
  Facts facts;
  for (const std::string& line : batch.lines) {
    keys.emplace_back();
    NormalizeKey(line, &keys.back());
    ExtractFacts(keys.back(), &facts);
    facts_total += facts.codes.size();
  }
  for (auto _ : state) {
    for (const std::string& key : keys) {
      ExtractFacts(key, &facts);
      benchmark::DoNotOptimize(facts.codes.data());
    }
  }
  SetRates(state, batch);
  state.counters["facts/headline"] = static_cast<double>(facts_total) /
                                     static_cast<double>(batch.lines.size());
}
BENCHMARK(BM_ExtractFacts)
    ->ArgName("ascii0_latin1_nonascii2_seed3")
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->Arg(3);

// Speed of light: copying the batch's bytes into a reused buffer.
void BM_MemcpySpeedOfLight(benchmark::State& state) {
  const Batch& batch = BatchFor(static_cast<int>(state.range(0)));
  if (batch.lines.empty()) {
    state.SkipWithError("input file not present");
    return;
  }
  std::string buffer(4096, '\0');
  for (auto _ : state) {
    for (const std::string& line : batch.lines) {
      if (line.size() > buffer.size()) buffer.resize(line.size());
      std::memcpy(buffer.data(), line.data(), line.size());
      benchmark::DoNotOptimize(buffer.data());
      benchmark::ClobberMemory();
    }
  }
  SetRates(state, batch);
}
BENCHMARK(BM_MemcpySpeedOfLight)->ArgName("ascii0")->Arg(0);

}  // namespace
}  // namespace tickerdedup::internal

BENCHMARK_MAIN();
