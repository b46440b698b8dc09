// OPH + optimal densification driver, scalar and probe-table kernels, and
// dispatch.
//
// PERF NOTES (K = 64, headline feature sets of 6-10, 2-core Xeon with
// AVX-512, sketch_benchmark BM_Signature):
//   The probe walk (reference) costs ~58 empty bins x ~10 probes, each a
//   murmur finalizer (2 multiplies) plus a load and an unpredictable branch:
//   scalar ~700k signatures/s. AVX2 (580k/s) and AVX-512 (550k/s) gathers
//   lose because each 8/16-lane step waits for its slowest lane (max of
//   geometric probe counts, ~3x the mean) and the 32-bit multiplies are
//   10-cycle vpmulld.
//   The probe-table kernel needs no probing at all: the sequences depend
//   only on (bin, t, K), so a K x K byte table of first-visit steps is
//   built once, and densification is, for each full bin j (~6), one pass of
//   byte minima over the K bins (4 SSE2 vectors at K = 64): ~30 vector ops
//   and no data-dependent branch (the table is 4 KB at K = 64, L1-resident).
//   Measured (sketch_benchmark, 74k list headlines): K = 64 scalar 700k/s,
//   AVX2 554k/s, AVX-512 467k/s, table 5.7M/s (8.1x scalar, 0.18 us per
//   signature); K = 128 scalar 224k/s, table 3.5M/s. Shingling + signature:
//   545k/s -> 2.06M/s. The mixed u8/u16 scalar loop did not vectorize
//   (GCC 12: cmov per byte, 1.2M/s), hence the SSE2 intrinsics for K <= 256.
#include "minhash.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tickerdedup::internal {
namespace {

bool IsProbeTable(MinHashKernel kernel) {
  return kernel == MinHashKernel::kProbeTable ||
         kernel == MinHashKernel::kProbeTableAvx2 ||
         kernel == MinHashKernel::kProbeTableAvx512;
}

}  // namespace

std::string_view MinHashKernelName(MinHashKernel kernel) {
  switch (kernel) {
    case MinHashKernel::kScalar:
      return "scalar";
    case MinHashKernel::kAvx2:
      return "avx2";
    case MinHashKernel::kAvx512:
      return "avx512";
    case MinHashKernel::kProbeTable:
      return "table";
    case MinHashKernel::kProbeTableAvx2:
      return "table-avx2";
    case MinHashKernel::kProbeTableAvx512:
      return "table-avx512";
  }
  return "scalar";
}

bool MinHashKernelAvailable(MinHashKernel kernel) {
  switch (kernel) {
    case MinHashKernel::kScalar:
      return true;
    case MinHashKernel::kAvx2:
      return __builtin_cpu_supports("avx2");
    case MinHashKernel::kAvx512:
      return __builtin_cpu_supports("avx512f");
    case MinHashKernel::kProbeTable:
      return true;
    case MinHashKernel::kProbeTableAvx2:
      return __builtin_cpu_supports("avx2");
    case MinHashKernel::kProbeTableAvx512:
      return __builtin_cpu_supports("avx512f") &&
             __builtin_cpu_supports("avx512bw");
  }
  return false;
}

MinHashKernel DefaultMinHashKernel() {
  // The probe table beats every probe walk (PERF NOTES above), on any CPU.
  // At its widest: 64 bins per step is one AVX-512 register at K = 64.
  MinHashKernel best = MinHashKernel::kProbeTable;
  for (MinHashKernel k :
       {MinHashKernel::kProbeTableAvx2, MinHashKernel::kProbeTableAvx512}) {
    if (MinHashKernelAvailable(k)) best = k;
  }
  if (const char* force = std::getenv("TICKERDEDUP_FORCE_KERNEL")) {
    return ForcedMinHashKernel(force, best);
  }
  return best;
}

MinHashKernel ForcedMinHashKernel(std::string_view force, MinHashKernel best) {
  // An instruction-set level caps the choice, as the splitter's and the
  // key kernels' dispatch read it: the fastest kernel a CPU that stops at
  // that level would run (the probe table at its width), so that
  // TICKERDEDUP_FORCE_KERNEL=avx2 measures what an AVX2-only machine
  // reaches. "avx2" and "avx512" are also the walking kernels' names;
  // those stay reachable by their enum (tests, bench/sketch_benchmark).
  // "scalar" is the scalar reference.
  if (force == "scalar") return MinHashKernel::kScalar;
  constexpr std::pair<std::string_view, MinHashKernel> kLevels[] = {
      {"sse2", MinHashKernel::kProbeTable},
      {"avx2", MinHashKernel::kProbeTableAvx2},
      {"avx512", MinHashKernel::kProbeTableAvx512}};
  for (const auto& [level, widest] : kLevels) {
    if (force != level) continue;
    // kProbeTable, kProbeTableAvx2, kProbeTableAvx512: widening in order.
    for (int i = static_cast<int>(widest);
         i >= static_cast<int>(MinHashKernel::kProbeTable); --i) {
      const auto k = static_cast<MinHashKernel>(i);
      if (MinHashKernelAvailable(k)) return k;
    }
  }
  // Otherwise a kernel's own name ("table-avx2"), when this CPU runs it.
  for (int i = 0; i <= static_cast<int>(kLastMinHashKernel); ++i) {
    const auto k = static_cast<MinHashKernel>(i);
    if (force == MinHashKernelName(k) && MinHashKernelAvailable(k)) return k;
  }
  return best;
}

namespace minhash_kernels {

void DensifyScalar(const std::uint32_t* sig, std::uint32_t k,
                   const std::uint32_t* empty, std::size_t num_empty,
                   std::uint32_t* out) {
  for (std::size_t e = 0; e < num_empty; ++e) {
    std::uint32_t bin = empty[e];
    for (std::uint32_t t = 0;; ++t) {
      std::uint32_t v = sig[DensifyProbe(bin, t, k)];
      if (v != kEmptyBin) {
        out[bin] = v;
        break;
      }
    }
  }
}

const std::uint8_t* ProbeTable(std::uint32_t k) {
  static std::mutex mu;
  static std::map<std::uint32_t, std::unique_ptr<std::uint8_t[]>> tables;
  std::lock_guard<std::mutex> lock(mu);
  std::unique_ptr<std::uint8_t[]>& table = tables[k];
  if (table == nullptr) {
    table = std::make_unique<std::uint8_t[]>(std::size_t{k} * k);
    std::fill(table.get(), table.get() + std::size_t{k} * k,
              static_cast<std::uint8_t>(kProbeTableSteps));
    for (std::uint32_t i = 0; i < k; ++i) {
      for (int t = kProbeTableSteps - 1; t >= 0; --t) {  // first visit wins
        const std::uint32_t j =
            DensifyProbe(i, static_cast<std::uint32_t>(t), k);
        table[std::size_t{j} * k + i] = static_cast<std::uint8_t>(t);
      }
    }
  }
  return table.get();
}

void DensifyProbeTable(const std::uint32_t* sig, std::uint32_t k,
                       const std::uint8_t* table, const std::uint32_t* full,
                       std::size_t num_full, std::uint32_t n,
                       std::uint32_t* out) {
  // best_step[i]: the earliest step at which bin i's probe sequence meets a
  // full bin so far; best_bin[i]: that bin. Full bins themselves end up with
  // some value here but keep their own (sig[i] != kEmptyBin below).
  alignas(64) std::uint8_t best_step[kMaxNumHashes];
  alignas(64) std::uint16_t best_bin[kMaxNumHashes];
  std::memset(best_step, kProbeTableSteps, k);
  std::uint32_t vec_end = 0;
#if defined(__SSE2__)
  if (k <= 256) {
    // 16 bins per step with byte bins (GCC does not vectorize the mixed
    // u8/u16 scalar loop below: measured 1.2M/s scalar-cmov vs 2.xM/s).
    alignas(64) std::uint8_t best_bin8[kMaxNumHashes];
    vec_end = std::min(k & ~15u, (n + 15) & ~15u);
    const __m128i zero = _mm_setzero_si128();
    for (std::uint32_t i = 0; i < vec_end; i += 16) {
      __m128i best = _mm_set1_epi8(static_cast<char>(kProbeTableSteps));
      __m128i bin = zero;
      for (std::size_t f = 0; f < num_full; ++f) {
        const __m128i steps = _mm_loadu_si128(reinterpret_cast<const __m128i*>(
            table + std::size_t{full[f]} * k + i));
        // steps < best (unsigned) <=> best -sat steps != 0.
        const __m128i earlier =
            _mm_andnot_si128(_mm_cmpeq_epi8(_mm_subs_epu8(best, steps), zero),
                             _mm_set1_epi8(-1));
        const __m128i j = _mm_set1_epi8(static_cast<char>(full[f]));
        bin = _mm_or_si128(_mm_and_si128(earlier, j),
                           _mm_andnot_si128(earlier, bin));
        best = _mm_min_epu8(best, steps);
      }
      _mm_store_si128(reinterpret_cast<__m128i*>(best_step + i), best);
      _mm_store_si128(reinterpret_cast<__m128i*>(best_bin8 + i), bin);
    }
    for (std::uint32_t i = 0; i < vec_end; ++i) best_bin[i] = best_bin8[i];
  }
#endif
  for (std::size_t f = 0; f < num_full; ++f) {
    const std::uint16_t j = static_cast<std::uint16_t>(full[f]);
    const std::uint8_t* steps = table + std::size_t{j} * k;
    for (std::uint32_t i = vec_end; i < n; ++i) {
      const bool earlier = steps[i] < best_step[i];
      best_step[i] = earlier ? steps[i] : best_step[i];
      best_bin[i] = earlier ? j : best_bin[i];
    }
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (sig[i] != kEmptyBin) continue;
    if (best_step[i] < kProbeTableSteps) {
      out[i] = sig[best_bin[i]];
      continue;
    }
    out[i] = DensifyProbeBeyondTable(sig, k, i);
  }
}

std::uint32_t DensifyProbeBeyondTable(const std::uint32_t* sig, std::uint32_t k,
                                      std::uint32_t i) {
  // Not met within the table: walk on exactly as the reference does.
  for (std::uint32_t t = kProbeTableSteps;; ++t) {
    const std::uint32_t v = sig[DensifyProbe(i, t, k)];
    if (v != kEmptyBin) return v;
  }
}

}  // namespace minhash_kernels

MinHasher::MinHasher(int num_hashes, MinHashKernel kernel)
    : k_(static_cast<std::uint32_t>(std::clamp(num_hashes, 1, kMaxNumHashes))),
      kernel_(MinHashKernelAvailable(kernel) ? kernel
                                             : MinHashKernel::kScalar) {
  if (IsProbeTable(kernel_)) table_ = minhash_kernels::ProbeTable(k_);
}

void MinHasher::ComputePrefix(std::span<const std::uint64_t> features,
                              int count, std::uint32_t* sig) const {
  const std::uint32_t n =
      static_cast<std::uint32_t>(std::clamp<int>(count, 1, k_));
  std::uint32_t raw[kMaxNumHashes];
  std::fill(raw, raw + k_, kEmptyBin);
  for (std::uint64_t h : features) {
    std::uint32_t bin = static_cast<std::uint32_t>(
        ((h >> 32) * static_cast<std::uint64_t>(k_)) >> 32);
    std::uint32_t v = std::min(static_cast<std::uint32_t>(h), kEmptyBin - 1);
    raw[bin] = std::min(raw[bin], v);
  }
  std::memcpy(sig, raw, n * sizeof(std::uint32_t));
  if (features.empty()) return;
  std::uint32_t empty[kMaxNumHashes];
  std::size_t num_empty = 0;
  if (IsProbeTable(kernel_)) {
    // Every full bin, not only those below n: any of them may be the
    // first an empty bin's probe sequence meets.
    std::uint32_t full[kMaxNumHashes];
    std::size_t num_full = 0;
    for (std::uint32_t i = 0; i < k_; ++i) {
      full[num_full] = i;
      num_full += raw[i] != kEmptyBin;  // branch-free compaction
    }
    if (num_full == k_) return;
    if (kernel_ == MinHashKernel::kProbeTableAvx512) {
      minhash_kernels::DensifyProbeTableAvx512(raw, k_, table_, full, num_full,
                                               n, sig);
    } else if (kernel_ == MinHashKernel::kProbeTableAvx2) {
      minhash_kernels::DensifyProbeTableAvx2(raw, k_, table_, full, num_full, n,
                                             sig);
    } else {
      minhash_kernels::DensifyProbeTable(raw, k_, table_, full, num_full, n,
                                         sig);
    }
    return;
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    empty[num_empty] = i;
    num_empty += raw[i] == kEmptyBin;  // branch-free compaction
  }
  if (num_empty == 0) return;
  switch (kernel_) {
    case MinHashKernel::kProbeTable:  // handled above
    case MinHashKernel::kProbeTableAvx2:
    case MinHashKernel::kProbeTableAvx512:
      break;
    case MinHashKernel::kAvx512:
      minhash_kernels::DensifyAvx512(raw, k_, empty, num_empty, sig);
      break;
    case MinHashKernel::kAvx2:
      minhash_kernels::DensifyAvx2(raw, k_, empty, num_empty, sig);
      break;
    case MinHashKernel::kScalar:
      minhash_kernels::DensifyScalar(raw, k_, empty, num_empty, sig);
      break;
  }
}

void PackBBit(const std::uint32_t* sig, int k, std::uint8_t* out) {
  for (int i = 0; i < k; ++i) out[i] = static_cast<std::uint8_t>(sig[i]);
}

int CountEqualBytes(const std::uint8_t* a, const std::uint8_t* b, int k) {
  int m = 0;
  // Auto-vectorizes (pcmpeqb + psadbw) at -O2/-O3; 64 bytes ~ 10 ns.
  for (int i = 0; i < k; ++i) m += a[i] == b[i];
  return m;
}

double EstimateJaccardBBit(const std::uint8_t* a, const std::uint8_t* b,
                           int k) {
  constexpr double kCollide = 1.0 / 256;
  double m = static_cast<double>(CountEqualBytes(a, b, k)) / k;
  double j = (m - kCollide) / (1 - kCollide);
  return std::clamp(j, 0.0, 1.0);
}

}  // namespace tickerdedup::internal
