// MinHash signatures by one-permutation hashing (OPH) with optimal
// densification (Shrivastava, ICML 2017), plus b-bit storage and the b-bit
// similarity estimator (Li & Koenig 2010).
//
//   internal::MinHasher hasher(/*num_hashes=*/64);
//   std::vector<std::uint32_t> sig(64);
//   hasher.Compute(features, sig.data());          // full 32-bit values
//   std::vector<std::uint8_t> packed(64);
//   internal::PackBBit(sig.data(), 64, packed.data());  // 8 bits per value
//   double j = internal::EstimateJaccardBBit(a, b, 64);
//
// OPH: each feature hash h goes to bin hi32(h)*K>>32 and keeps the minimum
// lo32(h) there: one pass over the features, not K. A headline has ~6-15
// features, so with K = 64 most bins are empty; optimal densification fills
// empty bin i from the first non-empty bin on its own pseudo-random probe
// sequence P(i, 0), P(i, 1), ... which keeps the estimator unbiased with
// variance close to K independent permutations.
//
// Kernels: densification dominates for short texts (~55 of 64 bins empty,
// ~9 probes each). The scalar probe walk is the reference; AVX2 and AVX-512
// walk 8 / 16 empty bins per step with gathers; the probe-table kernel
// ("table", the default) turns the walk around: the probe sequences do not
// depend on the set, so a table built once per K holds, for every pair
// (full bin j, empty bin i), the first step at which i's sequence visits j,
// and each empty bin takes the full bin with the smallest step: one byte
// min per (full bin, bin), branch-free and auto-vectorized (see PERF NOTES
// in minhash.cc). TICKERDEDUP_FORCE_KERNEL=scalar|avx2|avx512|table forces
// one (an unavailable one falls back to the default).
#ifndef TICKERDEDUP_SRC_MINHASH_H_
#define TICKERDEDUP_SRC_MINHASH_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace tickerdedup::internal {

// kProbeTable* share one method (the probe table, below) at three vector
// widths: SSE2 (any x86-64), AVX2 and AVX-512BW.
enum class MinHashKernel {
  kScalar,
  kAvx2,
  kAvx512,
  kProbeTable,
  kProbeTableAvx2,
  kProbeTableAvx512,
};
inline constexpr MinHashKernel kLastMinHashKernel =
    MinHashKernel::kProbeTableAvx512;

std::string_view MinHashKernelName(MinHashKernel kernel);
bool MinHashKernelAvailable(MinHashKernel kernel);
// The best available kernel, or the one TICKERDEDUP_FORCE_KERNEL asks for
// (ForcedMinHashKernel).
MinHashKernel DefaultMinHashKernel();
// The kernel that TICKERDEDUP_FORCE_KERNEL=`force` selects: for an
// instruction-set level (scalar, sse2, avx2, avx512), the fastest kernel at
// or below it that this CPU runs; for a kernel's name ("table-avx2"), that
// kernel when this CPU runs it; otherwise `best`.
MinHashKernel ForcedMinHashKernel(std::string_view force, MinHashKernel best);

// Marks an empty bin before densification; real values are clamped below it.
inline constexpr std::uint32_t kEmptyBin = 0xFFFFFFFFu;
inline constexpr int kMaxNumHashes = 1024;

// Probe sequence of optimal densification: the t-th bin empty bin `bin`
// looks at. A murmur3 finalizer over (bin, t): 2-universal enough, and cheap
// in 32-bit SIMD lanes. Shared by every kernel so they agree bit for bit.
inline std::uint32_t DensifyProbe(std::uint32_t bin, std::uint32_t t,
                                  std::uint32_t k) {
  std::uint32_t x = bin * 0x9E3779B1u + (t + 1) * 0x85EBCA77u;
  x ^= x >> 16;
  x *= 0x7FEB352Du;
  x ^= x >> 15;
  x *= 0x846CA68Bu;
  x ^= x >> 16;
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(x) * k) >> 32);
}

namespace minhash_kernels {
// Fills the empty bins of `sig` (from the non-empty ones in `sig`) into
// `out`. `empty` lists the empty bins; at least one bin must be non-empty.
void DensifyScalar(const std::uint32_t* sig, std::uint32_t k,
                   const std::uint32_t* empty, std::size_t num_empty,
                   std::uint32_t* out);
void DensifyAvx2(const std::uint32_t* sig, std::uint32_t k,
                 const std::uint32_t* empty, std::size_t num_empty,
                 std::uint32_t* out);
void DensifyAvx512(const std::uint32_t* sig, std::uint32_t k,
                   const std::uint32_t* empty, std::size_t num_empty,
                   std::uint32_t* out);

// Steps of the probe table: first_step(j, i) < kProbeTableSteps is the first
// t with DensifyProbe(i, t, k) == j; kProbeTableSteps means "not within the
// table" (then the kernel walks on from t = kProbeTableSteps, as the scalar
// reference would). With K = 64 and one full bin that happens for 1.8% of
// the bins; with 2 or more full bins almost never.
inline constexpr int kProbeTableSteps = 255;
// The table for `k`: k * k bytes, entry [j * k + i]; built once per k
// (thread-safe) and kept for the life of the process.
const std::uint8_t* ProbeTable(std::uint32_t k);
// Fills the empty bins among the first n (n <= k) of `sig` into `out`
// using the table; `full` lists every non-empty bin (at least one), since
// any of them may fill a bin below n. Bins of `out` past n are scratch: a
// kernel may write some of them (up to its vector width).
void DensifyProbeTable(const std::uint32_t* sig, std::uint32_t k,
                       const std::uint8_t* table, const std::uint32_t* full,
                       std::size_t num_full, std::uint32_t n,
                       std::uint32_t* out);
// The same, 32 or 64 bins per step, the empty bins filled by gathers; for
// k a multiple of 32 (64) up to 256, else they call DensifyProbeTable.
void DensifyProbeTableAvx2(const std::uint32_t* sig, std::uint32_t k,
                           const std::uint8_t* table, const std::uint32_t* full,
                           std::size_t num_full, std::uint32_t n,
                           std::uint32_t* out);
void DensifyProbeTableAvx512(const std::uint32_t* sig, std::uint32_t k,
                             const std::uint8_t* table,
                             const std::uint32_t* full, std::size_t num_full,
                             std::uint32_t n, std::uint32_t* out);
// Bin i's value when the table does not reach a full bin (best step
// kProbeTableSteps): the reference walk, from step kProbeTableSteps on.
std::uint32_t DensifyProbeBeyondTable(const std::uint32_t* sig, std::uint32_t k,
                                      std::uint32_t i);
}  // namespace minhash_kernels

class MinHasher {
 public:
  // num_hashes in [1, kMaxNumHashes].
  explicit MinHasher(int num_hashes,
                     MinHashKernel kernel = DefaultMinHashKernel());

  int num_hashes() const { return k_; }
  MinHashKernel kernel() const { return kernel_; }

  // Writes the densified signature of the feature set (distinct 64-bit
  // hashes) to sig[0..num_hashes). An empty set gives all kEmptyBin.
  void Compute(std::span<const std::uint64_t> features,
               std::uint32_t* sig) const {
    ComputePrefix(features, num_hashes(), sig);
  }
  // The signature's first `count` values (1 <= count <= num_hashes), equal
  // to Compute's: the bins are still the whole signature's (every bin
  // gets its features, and any full bin may fill an empty one), but only
  // the empty bins below `count` are densified, which is most of the
  // cost. For callers that read a prefix only (the near channel's bands
  // use 28 of 64 values). sig must still hold num_hashes values: past
  // `count` they are scratch.
  void ComputePrefix(std::span<const std::uint64_t> features, int count,
                     std::uint32_t* sig) const;

 private:
  std::uint32_t k_;
  MinHashKernel kernel_;
  const std::uint8_t* table_ = nullptr;  // kProbeTable only
};

// b-bit storage: the low 8 bits of each value.
void PackBBit(const std::uint32_t* sig, int k, std::uint8_t* out);

// Fraction of equal bytes among k.
int CountEqualBytes(const std::uint8_t* a, const std::uint8_t* b, int k);

// Unbiased Jaccard estimate from 8-bit values: two different minima collide
// in 8 bits with probability 1/256, so P(match) = J + (1 - J)/256 and
// J = (m/k - 1/256) / (1 - 1/256), clamped to [0, 1].
double EstimateJaccardBBit(const std::uint8_t* a, const std::uint8_t* b, int k);

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_MINHASH_H_
