// Sketch stage speed: shingling and MinHash signatures per kernel, on real
// headline lists read at run time (/work/shared/eval/lists).
//
//   build/sketch_benchmark --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "fp_count.h"
#include "minhash.h"
#include "normalize.h"
#include "shingle.h"
#include "sketch_index.h"

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

// The near features of Keys(), computed once.
const std::vector<std::vector<std::uint64_t>>& KeyFeatures() {
  static const auto* features = [] {
    const auto& keys = Keys();
    auto* f = new std::vector<std::vector<std::uint64_t>>(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      NearFeatures(keys[i], 1, &(*f)[i]);
    }
    return f;
  }();
  return *features;
}

// Whether `kernel` runs on this CPU and the eval lists were found; else the
// benchmark is skipped with the reason.
bool KernelCaseReady(benchmark::State& state, MinHashKernel kernel) {
  if (!MinHashKernelAvailable(kernel)) {
    state.SkipWithError("kernel not available on this CPU");
    return false;
  }
  if (Keys().empty()) {
    state.SkipWithError("eval lists not found");
    return false;
  }
  return true;
}

// Signatures from precomputed features: the MinHash kernel alone.
void BM_Signature(benchmark::State& state) {
  const auto kernel = static_cast<MinHashKernel>(state.range(0));
  const int k = static_cast<int>(state.range(1));
  if (!KernelCaseReady(state, kernel)) return;
  const auto& keys = Keys();
  const auto& features = KeyFeatures();
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

// The first `count` values of a K = 64 signature (ComputePrefix): the near
// channel's bands read 28 (14 bands of 2 rows), so only the empty bins
// among those are densified. count = 64 is Compute.
void BM_SignaturePrefix(benchmark::State& state) {
  const auto kernel = static_cast<MinHashKernel>(state.range(0));
  const int count = static_cast<int>(state.range(1));
  if (!KernelCaseReady(state, kernel)) return;
  const auto& keys = Keys();
  const auto& features = KeyFeatures();
  MinHasher hasher(64, kernel);
  std::vector<std::uint32_t> sig(64);
  for (auto _ : state) {
    for (const auto& f : features) {
      hasher.ComputePrefix(f, count, sig.data());
      benchmark::DoNotOptimize(sig.data());
    }
  }
  state.SetLabel(std::string(MinHashKernelName(kernel)));
  SetRates(state, keys.size(), TotalBytes(keys));
}
BENCHMARK(BM_SignaturePrefix)
    ->ArgsProduct({{static_cast<int>(MinHashKernel::kProbeTable),
                    static_cast<int>(MinHashKernel::kProbeTableAvx2),
                    static_cast<int>(MinHashKernel::kProbeTableAvx512)},
                   {28, 64}})
    ->Unit(benchmark::kMillisecond);

// Shingling + signature per kernel: what the engine pays per new headline.
void BM_ShingleAndSignature(benchmark::State& state) {
  const auto kernel = static_cast<MinHashKernel>(state.range(0));
  if (!KernelCaseReady(state, kernel)) return;
  const auto& keys = Keys();
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

// Verification's shared-fingerprint count (fp_count.h), per kernel, on the
// lists' own fingerprint sets: each headline against another (random) one,
// and every fourth against itself, as a candidate and its record. The
// merge is what ScoreAll used before the lane kernels.
struct FpPair {
  std::vector<std::uint16_t> query;
  alignas(32) std::uint16_t lanes[16] = {};
  std::uint32_t mask = 0;
  std::vector<std::uint16_t> stored;  // the record's sorted fingerprints
};

const std::vector<FpPair>& FpPairs() {
  static const std::vector<FpPair> pairs = [] {
    std::vector<std::vector<std::uint16_t>> sets;
    std::vector<std::uint64_t> f;
    for (const auto& k : Keys()) {
      NearFeatures(k, 1, &f);
      std::vector<std::uint16_t> fps;
      for (std::uint64_t h : f) fps.push_back(static_cast<std::uint16_t>(h));
      std::sort(fps.begin(), fps.end());
      fps.erase(std::unique(fps.begin(), fps.end()), fps.end());
      if (!fps.empty() && fps.size() <= 10) sets.push_back(std::move(fps));
    }
    std::vector<FpPair> out;
    for (std::size_t i = 0; i < sets.size(); ++i) {
      FpPair p;
      p.query = sets[i];
      p.stored = sets[i % 4 == 0 ? i : (i * 7919 + 13) % sets.size()];
      for (std::size_t k = 0; k < p.stored.size(); ++k) {
        p.lanes[6 + k] = p.stored[k];
        p.mask |= 1u << (6 + k);
      }
      out.push_back(std::move(p));
    }
    return out;
  }();
  return pairs;
}

template <int kKernel>
void BM_SharedFingerprints(benchmark::State& state) {
  const auto& pairs = FpPairs();
  if (pairs.empty()) return state.SkipWithError("eval lists not found");
  if (kKernel == 2 && !HasCountInLanesAvx2()) {
    return state.SkipWithError("no AVX2");
  }
  std::size_t total = 0;
  for (auto _ : state) {
    for (const FpPair& p : pairs) {
      if (kKernel == 0) {
        total += SketchIndex::SharedFingerprints(p.query, p.stored);
      } else if (kKernel == 1) {
        total +=
            CountInLanesScalar(p.lanes, p.mask, p.query.data(), p.query.size());
      } else {
        total +=
            CountInLanesAvx2(p.lanes, p.mask, p.query.data(), p.query.size());
      }
    }
    benchmark::DoNotOptimize(total);
  }
  state.counters["pairs/s"] =
      benchmark::Counter(static_cast<double>(pairs.size()) * state.iterations(),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SharedFingerprints<0>)->Name("BM_SharedFingerprints/merge");
BENCHMARK(BM_SharedFingerprints<1>)->Name("BM_SharedFingerprints/lanes_scalar");
BENCHMARK(BM_SharedFingerprints<2>)->Name("BM_SharedFingerprints/lanes_avx2");

// XlangCoverBound::HitsRule's count: a candidate profile's fingerprints
// among the query's (a 65,536-bit bitmap with ~20 set). Profiles of 4-30
// fingerprints (the 200k feed's stored profiles average ~12), a quarter of
// them sharing a few with the query; the blobs packed back to back as in
// the index's arena.
struct BitsCase {
  std::vector<std::uint64_t> bitmap = std::vector<std::uint64_t>(1024);
  std::vector<std::uint8_t> arena;
  std::vector<std::pair<std::size_t, std::size_t>> blobs;  // offset, count
};

const BitsCase& MakeBitsCase() {
  static const BitsCase c = [] {
    BitsCase c;
    std::mt19937 rng(7);
    std::vector<std::uint16_t> query;
    for (int k = 0; k < 20; ++k) {
      query.push_back(static_cast<std::uint16_t>(rng()));
      c.bitmap[query.back() >> 6] |= std::uint64_t{1} << (query.back() & 63);
    }
    for (int b = 0; b < 4096; ++b) {
      const std::size_t n = 4 + rng() % 27;
      c.blobs.push_back({c.arena.size(), n});
      for (std::size_t k = 0; k < n; ++k) {
        const auto fp = (b % 4 == 0 && k < 3)
                            ? query[rng() % query.size()]
                            : static_cast<std::uint16_t>(rng());
        c.arena.push_back(static_cast<std::uint8_t>(fp));
        c.arena.push_back(static_cast<std::uint8_t>(fp >> 8));
      }
      c.arena.push_back(static_cast<std::uint8_t>(n));  // an info byte
    }
    return c;
  }();
  return c;
}

template <int kKernel>
void BM_CountSetBits(benchmark::State& state) {
  if (kKernel == 1 && !HasCountInLanesAvx2()) {
    return state.SkipWithError("no AVX2");
  }
  const BitsCase& c = MakeBitsCase();
  std::size_t total = 0;
  for (auto _ : state) {
    for (const auto& [offset, n] : c.blobs) {
      total += kKernel == 0
                   ? CountSetBitsScalar(&c.arena[offset], n, c.bitmap.data())
                   : CountSetBitsAvx2(&c.arena[offset], n, c.bitmap.data());
    }
    benchmark::DoNotOptimize(total);
  }
  state.counters["profiles/s"] = benchmark::Counter(
      static_cast<double>(c.blobs.size()) * state.iterations(),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CountSetBits<0>)->Name("BM_CountSetBits/scalar");
BENCHMARK(BM_CountSetBits<1>)->Name("BM_CountSetBits/avx2");

}  // namespace
}  // namespace tickerdedup::internal

BENCHMARK_MAIN();
