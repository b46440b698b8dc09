// AVX2 densification kernel (8 empty bins per step). Compiled with a target
// attribute, not -march, so the library runs on any x86-64; it is only
// called when cpuid reports AVX2. Must match DensifyScalar bit for bit
// (tests/minhash_test.cc).
#include <immintrin.h>

#include <algorithm>
#include <bit>

#include "minhash.h"

namespace tickerdedup::internal::minhash_kernels {

__attribute__((target("avx2"))) void DensifyAvx2(const std::uint32_t* sig,
                                                 std::uint32_t k,
                                                 const std::uint32_t* empty,
                                                 std::size_t num_empty,
                                                 std::uint32_t* out) {
  const __m256i c1 = _mm256_set1_epi32(static_cast<int>(0x9E3779B1u));
  const __m256i c2 = _mm256_set1_epi32(static_cast<int>(0x85EBCA77u));
  const __m256i m1 = _mm256_set1_epi32(0x7FEB352D);
  const __m256i m2 = _mm256_set1_epi32(static_cast<int>(0x846CA68Bu));
  const __m256i vk = _mm256_set1_epi32(static_cast<int>(k));
  const __m256i vempty = _mm256_set1_epi32(-1);
  const __m256i one = _mm256_set1_epi32(1);
  const int* base_ptr = reinterpret_cast<const int*>(sig);
  for (std::size_t e = 0; e < num_empty; e += 8) {
    std::size_t n = std::min<std::size_t>(8, num_empty - e);
    alignas(32) std::uint32_t bins_arr[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    alignas(32) std::int32_t lane_on[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    for (std::size_t l = 0; l < n; ++l) {
      bins_arr[l] = empty[e + l];
      lane_on[l] = -1;
    }
    __m256i bins =
        _mm256_load_si256(reinterpret_cast<const __m256i*>(bins_arr));
    __m256i active =
        _mm256_load_si256(reinterpret_cast<const __m256i*>(lane_on));
    __m256i base = _mm256_mullo_epi32(bins, c1);
    __m256i t1 = one;
    __m256i result = _mm256_setzero_si256();
    while (!_mm256_testz_si256(active, active)) {
      __m256i x = _mm256_add_epi32(base, _mm256_mullo_epi32(t1, c2));
      x = _mm256_xor_si256(x, _mm256_srli_epi32(x, 16));
      x = _mm256_mullo_epi32(x, m1);
      x = _mm256_xor_si256(x, _mm256_srli_epi32(x, 15));
      x = _mm256_mullo_epi32(x, m2);
      x = _mm256_xor_si256(x, _mm256_srli_epi32(x, 16));
      // (x * k) >> 32 per 32-bit lane: even lanes via mul_epu32 on the low
      // dwords, odd lanes on the dwords shifted down.
      __m256i even = _mm256_srli_epi64(_mm256_mul_epu32(x, vk), 32);
      __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), vk);
      __m256i j = _mm256_blend_epi32(even, odd, 0xAA);
      __m256i v = _mm256_mask_i32gather_epi32(vempty, base_ptr, j, active, 4);
      __m256i found =
          _mm256_andnot_si256(_mm256_cmpeq_epi32(v, vempty), active);
      result = _mm256_blendv_epi8(result, v, found);
      active = _mm256_andnot_si256(found, active);
      t1 = _mm256_add_epi32(t1, one);
    }
    alignas(32) std::uint32_t res[8];
    _mm256_store_si256(reinterpret_cast<__m256i*>(res), result);
    for (std::size_t l = 0; l < n; ++l) out[bins_arr[l]] = res[l];
  }
}

// 32 bins per step; AVX2 has no unsigned byte compare, so "earlier" is
// min(steps, best) != best.
__attribute__((target("avx2"))) void DensifyProbeTableAvx2(
    const std::uint32_t* sig, std::uint32_t k, const std::uint8_t* table,
    const std::uint32_t* full, std::size_t num_full, std::uint32_t n,
    std::uint32_t* out) {
  if (k % 32 != 0 || k > 256) {
    DensifyProbeTable(sig, k, table, full, num_full, n, out);
    return;
  }
  const __m256i none = _mm256_set1_epi32(static_cast<int>(kEmptyBin));
  const __m256i beyond = _mm256_set1_epi32(kProbeTableSteps);
  const int* base = reinterpret_cast<const int*>(sig);
  // Bins [0, n) rounded up to 32: k is a multiple of 32.
  for (std::uint32_t i = 0; i < n; i += 32) {
    __m256i best = _mm256_set1_epi8(static_cast<char>(kProbeTableSteps));
    __m256i bin = _mm256_setzero_si256();
    for (std::size_t f = 0; f < num_full; ++f) {
      const __m256i steps = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(
          table + std::size_t{full[f]} * k + i));
      const __m256i lower = _mm256_min_epu8(best, steps);
      // All ones where steps < best (strictly: ties keep the earlier bin).
      const __m256i same = _mm256_cmpeq_epi8(lower, best);
      bin = _mm256_blendv_epi8(_mm256_set1_epi8(static_cast<char>(full[f])),
                               bin, same);
      best = lower;
    }
    alignas(32) std::uint8_t best_step[32];
    alignas(32) std::uint8_t best_bin[32];
    _mm256_store_si256(reinterpret_cast<__m256i*>(best_step), best);
    _mm256_store_si256(reinterpret_cast<__m256i*>(best_bin), bin);
    for (std::uint32_t g = 0; g < 32; g += 8) {
      const __m256i cur =
          _mm256_loadu_si256(reinterpret_cast<const __m256i*>(sig + i + g));
      const __m256i step = _mm256_cvtepu8_epi32(
          _mm_loadl_epi64(reinterpret_cast<const __m128i*>(best_step + g)));
      const __m256i from = _mm256_cvtepu8_epi32(
          _mm_loadl_epi64(reinterpret_cast<const __m128i*>(best_bin + g)));
      const __m256i empty = _mm256_cmpeq_epi32(cur, none);
      const __m256i met = _mm256_cmpgt_epi32(beyond, step);
      const __m256i v = _mm256_mask_i32gather_epi32(
          cur, base, from, _mm256_and_si256(empty, met), 4);
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + i + g), v);
      unsigned rest = static_cast<unsigned>(_mm256_movemask_ps(
          _mm256_castsi256_ps(_mm256_andnot_si256(met, empty))));
      for (; rest != 0; rest &= rest - 1) {
        const std::uint32_t b = i + g + std::countr_zero(rest);
        out[b] = DensifyProbeBeyondTable(sig, k, b);
      }
    }
  }
}

}  // namespace tickerdedup::internal::minhash_kernels
