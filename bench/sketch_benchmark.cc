// Sketch stage speed: shingling and MinHash signatures per kernel, on real
// headline lists read at run time (/work/shared/eval/lists).
//
//   build/sketch_benchmark --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

#include "minhash.h"
#include "normalize.h"
#include "shingle.h"

namespace tickerdedup::internal {
namespace {

const char* kLists[] = {"/work/shared/eval/lists/abc-2003.txt",
                        "/work/shared/eval/lists/clickbait-and-news.txt",
                        "/work/shared/eval/lists/reuters-21578-titles.txt"};

// Normalized keys of every list line (~74k headlines, ~60 bytes each).
const std::vector<std::string>& Keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const char* path : kLists) {
      std::ifstream in(path);
      for (std::string line; std::getline(in, line);) {
        std::string key;
        NormalizeKey(line, &key);
        out.push_back(std::move(key));
      }
    }
    return out;
  }();
  return keys;
}

std::size_t TotalBytes(const std::vector<std::string>& keys) {
  std::size_t n = 0;
  for (const auto& k : keys) n += k.size();
  return n;
}

void SetRates(benchmark::State& state, std::size_t items, std::size_t bytes) {
  state.counters["items/s"] =
      benchmark::Counter(static_cast<double>(items) * state.iterations(),
                         benchmark::Counter::kIsRate);
  state.counters["bytes/s"] =
      benchmark::Counter(static_cast<double>(bytes) * state.iterations(),
                         benchmark::Counter::kIsRate);
}

void BM_NearFeatures(benchmark::State& state) {
  const auto& keys = Keys();
  if (keys.empty()) return state.SkipWithError("eval lists not found");
  std::vector<std::uint64_t> f;
  for (auto _ : state) {
    for (const auto& k : keys) {
      NearFeatures(k, 1, &f);
      benchmark::DoNotOptimize(f.data());
    }
  }
  SetRates(state, keys.size(), TotalBytes(keys));
}
BENCHMARK(BM_NearFeatures)->Unit(benchmark::kMillisecond);

// Signatures from precomputed features: the MinHash kernel alone.
void BM_Signature(benchmark::State& state) {
  const auto kernel = static_cast<MinHashKernel>(state.range(0));
  const int k = static_cast<int>(state.range(1));
  if (!MinHashKernelAvailable(kernel)) {
    return state.SkipWithError("kernel not available on this CPU");
  }
  const auto& keys = Keys();
  if (keys.empty()) return state.SkipWithError("eval lists not found");
  std::vector<std::vector<std::uint64_t>> features(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    NearFeatures(keys[i], 1, &features[i]);
  }
  MinHasher hasher(k, kernel);
  std::vector<std::uint32_t> sig(k);
  std::vector<std::uint8_t> packed(k);
  for (auto _ : state) {
    for (const auto& f : features) {
      hasher.Compute(f, sig.data());
      PackBBit(sig.data(), k, packed.data());
      benchmark::DoNotOptimize(packed.data());
    }
  }
  state.SetLabel(std::string(MinHashKernelName(kernel)));
  SetRates(state, keys.size(), TotalBytes(keys));
}
BENCHMARK(BM_Signature)
    ->ArgsProduct({{static_cast<int>(MinHashKernel::kScalar),
                    static_cast<int>(MinHashKernel::kAvx2),
                    static_cast<int>(MinHashKernel::kAvx512),
                    static_cast<int>(MinHashKernel::kProbeTable),
                    static_cast<int>(MinHashKernel::kProbeTableAvx2),
                    static_cast<int>(MinHashKernel::kProbeTableAvx512)},
                   {64, 128}})
    ->Unit(benchmark::kMillisecond);

// Shingling + signature per kernel: what the engine pays per new headline.
void BM_ShingleAndSignature(benchmark::State& state) {
  const auto kernel = static_cast<MinHashKernel>(state.range(0));
  if (!MinHashKernelAvailable(kernel)) {
    return state.SkipWithError("kernel not available on this CPU");
  }
  const auto& keys = Keys();
  if (keys.empty()) return state.SkipWithError("eval lists not found");
  MinHasher hasher(64, kernel);
  std::vector<std::uint64_t> f;
  std::vector<std::uint32_t> sig(64);
  for (auto _ : state) {
    for (const auto& k : keys) {
      NearFeatures(k, 1, &f);
      hasher.Compute(f, sig.data());
      benchmark::DoNotOptimize(sig.data());
    }
  }
  state.SetLabel(std::string(MinHashKernelName(kernel)));
  SetRates(state, keys.size(), TotalBytes(keys));
}
BENCHMARK(BM_ShingleAndSignature)
    ->DenseRange(0, static_cast<int>(kLastMinHashKernel))
    ->Unit(benchmark::kMillisecond);

// Speed of light: one XXH3 pass over the same keys.
void BM_HashOnlySpeedOfLight(benchmark::State& state) {
  const auto& keys = Keys();
  for (auto _ : state) {
    std::uint64_t acc = 0;
    for (const auto& k : keys) acc ^= SketchHash64(k, 1);
    benchmark::DoNotOptimize(acc);
  }
  SetRates(state, keys.size(), TotalBytes(keys));
}
BENCHMARK(BM_HashOnlySpeedOfLight)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tickerdedup::internal

BENCHMARK_MAIN();
