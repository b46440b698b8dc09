// MinHash: every available kernel returns the scalar reference's signature;
// densification and the b-bit estimator behave as documented.
#include "minhash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>
#include <vector>

namespace tickerdedup::internal {
namespace {

std::vector<std::uint64_t> RandomSet(std::mt19937_64& rng, std::size_t n) {
  std::vector<std::uint64_t> v(n);
  for (auto& x : v) x = rng();
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::vector<MinHashKernel> AvailableKernels() {
  std::vector<MinHashKernel> out;
  for (int i = 0; i <= static_cast<int>(kLastMinHashKernel); ++i) {
    const auto k = static_cast<MinHashKernel>(i);
    if (MinHashKernelAvailable(k)) out.push_back(k);
  }
  return out;
}

TEST(MinHash, EveryKernelMatchesScalar) {
  std::mt19937_64 rng(42);
  auto kernels = AvailableKernels();
  for (int k : {1, 2, 7, 16, 17, 32, 64, 96, 100, 128, 192, 256, 1024}) {
    MinHasher reference(k, MinHashKernel::kScalar);
    for (std::size_t n : {0, 1, 2, 3, 5, 8, 13, 31, 64, 200, 1000, 5000}) {
      for (int trial = 0; trial < 5; ++trial) {
        auto set = RandomSet(rng, n);
        std::vector<std::uint32_t> want(k), got(k);
        reference.Compute(set, want.data());
        for (MinHashKernel kernel : kernels) {
          MinHasher hasher(k, kernel);
          ASSERT_EQ(hasher.kernel(), kernel);
          std::fill(got.begin(), got.end(), 0);
          hasher.Compute(set, got.data());
          ASSERT_EQ(got, want)
              << MinHashKernelName(kernel) << " k=" << k << " n=" << n;
        }
      }
    }
  }
}

// ComputePrefix(count) must give Compute's first `count` values, for every
// kernel and every count: the vector kernels stop at their width past
// `count`, and the probe-walk kernels densify only the bins below it, while
// every full bin (below `count` or not) may still fill an empty one.
TEST(MinHash, PrefixMatchesTheFullSignature) {
  std::mt19937_64 rng(11);
  auto kernels = AvailableKernels();
  for (int k : {1, 7, 16, 17, 32, 64, 96, 128, 256}) {
    MinHasher reference(k, MinHashKernel::kScalar);
    for (std::size_t n : {1, 2, 3, 5, 8, 13, 31, 200}) {
      auto set = RandomSet(rng, n);
      std::vector<std::uint32_t> want(k), got(k);
      reference.Compute(set, want.data());
      for (MinHashKernel kernel : kernels) {
        MinHasher hasher(k, kernel);
        for (int count = 1; count <= k; ++count) {
          std::fill(got.begin(), got.end(), 0);
          hasher.ComputePrefix(set, count, got.data());
          ASSERT_TRUE(
              std::equal(want.begin(), want.begin() + count, got.begin()))
              << MinHashKernelName(kernel) << " k=" << k << " n=" << n
              << " count=" << count;
        }
      }
    }
  }
}

TEST(MinHash, DensifiedBinsCopyRealMinima) {
  std::mt19937_64 rng(7);
  MinHasher hasher(64, MinHashKernel::kScalar);
  std::vector<std::uint32_t> sig(64);
  // Empty set: every bin empty, nothing to copy from.
  hasher.Compute({}, sig.data());
  EXPECT_TRUE(std::all_of(sig.begin(), sig.end(),
                          [](std::uint32_t v) { return v == kEmptyBin; }));
  // One element: every bin holds its value.
  std::vector<std::uint64_t> one = {0x123456789ABCDEF0ull};
  hasher.Compute(one, sig.data());
  EXPECT_TRUE(std::all_of(sig.begin(), sig.end(),
                          [](std::uint32_t v) { return v == 0x9ABCDEF0u; }));
  // Six elements: no empty bin, every value is one of the elements'.
  auto set = RandomSet(rng, 6);
  hasher.Compute(set, sig.data());
  for (std::uint32_t v : sig) {
    EXPECT_TRUE(std::any_of(set.begin(), set.end(), [&](std::uint64_t h) {
      return static_cast<std::uint32_t>(h) == v;
    }));
  }
}

TEST(MinHash, BBitEstimateTracksJaccard) {
  // Sets of 10 with 0..10 shared elements; mean estimate over 400 draws
  // within 0.03 of the true Jaccard (standard error ~0.004).
  std::mt19937_64 rng(1);
  MinHasher hasher(64);
  std::vector<std::uint32_t> a32(64), b32(64);
  std::vector<std::uint8_t> a8(64), b8(64);
  for (int shared : {0, 3, 6, 8, 10}) {
    double sum = 0;
    const int draws = 400;
    for (int d = 0; d < draws; ++d) {
      auto common = RandomSet(rng, shared);
      auto a = common, b = common;
      for (int i = shared; i < 10; ++i) a.push_back(rng()), b.push_back(rng());
      hasher.Compute(a, a32.data());
      hasher.Compute(b, b32.data());
      PackBBit(a32.data(), 64, a8.data());
      PackBBit(b32.data(), 64, b8.data());
      sum += EstimateJaccardBBit(a8.data(), b8.data(), 64);
    }
    double truth = shared / (20.0 - shared);
    EXPECT_NEAR(sum / draws, truth, 0.03) << "shared=" << shared;
  }
}

TEST(MinHash, ForcedKernelFallsBackWhenUnavailable) {
  // Whatever the environment, the default kernel is available.
  EXPECT_TRUE(MinHashKernelAvailable(DefaultMinHashKernel()));
  EXPECT_EQ(MinHashKernelName(MinHashKernel::kAvx512), "avx512");
}

// TICKERDEDUP_FORCE_KERNEL=avx2 gives what an AVX2-only CPU runs by
// default (the probe table, 32 bins a step), not the walking AVX2 kernel
// of the same name: an instruction-set level caps the choice. A kernel's
// own name still picks it.
TEST(MinHash, ForcedInstructionSetLevelCapsTheChoice) {
  const MinHashKernel best = MinHashKernel::kProbeTableAvx512;
  EXPECT_EQ(ForcedMinHashKernel("scalar", best), MinHashKernel::kScalar);
  EXPECT_EQ(ForcedMinHashKernel("sse2", best), MinHashKernel::kProbeTable);
  EXPECT_EQ(ForcedMinHashKernel("table", best), MinHashKernel::kProbeTable);
  EXPECT_EQ(ForcedMinHashKernel("no-such-kernel", best), best);
  const bool avx2 = MinHashKernelAvailable(MinHashKernel::kProbeTableAvx2);
  EXPECT_EQ(ForcedMinHashKernel("avx2", best),
            avx2 ? MinHashKernel::kProbeTableAvx2 : MinHashKernel::kProbeTable);
  EXPECT_EQ(ForcedMinHashKernel("table-avx2", best),
            avx2 ? MinHashKernel::kProbeTableAvx2 : best);
  const bool avx512 = MinHashKernelAvailable(MinHashKernel::kProbeTableAvx512);
  EXPECT_EQ(ForcedMinHashKernel("avx512", best),
            avx512 ? MinHashKernel::kProbeTableAvx512
            : avx2 ? MinHashKernel::kProbeTableAvx2
                   : MinHashKernel::kProbeTable);
  // Through the environment, as the CLI reads it.
  setenv("TICKERDEDUP_FORCE_KERNEL", "avx2", 1);
  const MinHashKernel forced = DefaultMinHashKernel();
  unsetenv("TICKERDEDUP_FORCE_KERNEL");
  EXPECT_EQ(forced, ForcedMinHashKernel("avx2", best));
  EXPECT_NE(forced, MinHashKernel::kAvx2);
}

}  // namespace
}  // namespace tickerdedup::internal
