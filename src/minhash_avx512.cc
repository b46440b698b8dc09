// AVX-512F densification kernel (16 empty bins per step, masked gathers and
// a scatter). Compiled with a target attribute, not -march; only called when
// cpuid reports AVX-512F. Must match DensifyScalar bit for bit
// (tests/minhash_test.cc).
// GCC 12's avx512fintrin.h initializes _mm512_undefined_epi32() from itself,
// which -Wmaybe-uninitialized reports at every inlined intrinsic (GCC bug
// 105593); the warning is about the header, not this code.
#include <immintrin.h>

#include <algorithm>
#include <bit>

#include "minhash.h"

#if defined(__GNUC__) && !defined(__clang__)  // clang has no such warning
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace tickerdedup::internal::minhash_kernels {

__attribute__((target("avx512f"))) void DensifyAvx512(
    const std::uint32_t* sig, std::uint32_t k, const std::uint32_t* empty,
    std::size_t num_empty, std::uint32_t* out) {
  const __m512i c1 = _mm512_set1_epi32(static_cast<int>(0x9E3779B1u));
  const __m512i c2 = _mm512_set1_epi32(static_cast<int>(0x85EBCA77u));
  const __m512i m1 = _mm512_set1_epi32(0x7FEB352D);
  const __m512i m2 = _mm512_set1_epi32(static_cast<int>(0x846CA68Bu));
  const __m512i vk = _mm512_set1_epi32(static_cast<int>(k));
  const __m512i vempty = _mm512_set1_epi32(-1);
  const __m512i one = _mm512_set1_epi32(1);
  for (std::size_t e = 0; e < num_empty; e += 16) {
    std::size_t n = std::min<std::size_t>(16, num_empty - e);
    const __mmask16 lanes = static_cast<__mmask16>((1u << n) - 1);
    __m512i bins = _mm512_maskz_loadu_epi32(lanes, empty + e);
    __m512i base = _mm512_mullo_epi32(bins, c1);
    __m512i t1 = one;
    __m512i result = _mm512_setzero_si512();
    __mmask16 active = lanes;
    while (active) {
      __m512i x = _mm512_add_epi32(base, _mm512_mullo_epi32(t1, c2));
      x = _mm512_xor_si512(x, _mm512_srli_epi32(x, 16));
      x = _mm512_mullo_epi32(x, m1);
      x = _mm512_xor_si512(x, _mm512_srli_epi32(x, 15));
      x = _mm512_mullo_epi32(x, m2);
      x = _mm512_xor_si512(x, _mm512_srli_epi32(x, 16));
      __m512i even = _mm512_srli_epi64(_mm512_mul_epu32(x, vk), 32);
      __m512i odd = _mm512_mul_epu32(_mm512_srli_epi64(x, 32), vk);
      __m512i j = _mm512_mask_blend_epi32(0xAAAA, even, odd);
      __m512i v = _mm512_mask_i32gather_epi32(vempty, active, j, sig, 4);
      __mmask16 found = _mm512_mask_cmpneq_epu32_mask(active, v, vempty);
      result = _mm512_mask_mov_epi32(result, found, v);
      active = static_cast<__mmask16>(active & ~found);
      t1 = _mm512_add_epi32(t1, one);
    }
    _mm512_mask_i32scatter_epi32(out, lanes, bins, result, 4);
  }
}

// 64 bins per step: each full bin's row of the probe table is one load,
// and the bins it reaches first are one compare mask (AVX-512BW).
__attribute__((target("avx512f,avx512bw"))) void DensifyProbeTableAvx512(
    const std::uint32_t* sig, std::uint32_t k, const std::uint8_t* table,
    const std::uint32_t* full, std::size_t num_full, std::uint32_t n,
    std::uint32_t* out) {
  if (k % 64 != 0 || k > 256) {
    DensifyProbeTable(sig, k, table, full, num_full, n, out);
    return;
  }
  const __m512i none = _mm512_set1_epi32(static_cast<int>(kEmptyBin));
  const __m512i beyond = _mm512_set1_epi32(kProbeTableSteps);
  const int* base = reinterpret_cast<const int*>(sig);
  // Bins [0, n), 64 at a time (k is a multiple of 64), 16 per gather.
  for (std::uint32_t i = 0; i < n; i += 64) {
    __m512i best = _mm512_set1_epi8(static_cast<char>(kProbeTableSteps));
    __m512i bin = _mm512_setzero_si512();
    for (std::size_t f = 0; f < num_full; ++f) {
      const __m512i steps =
          _mm512_loadu_si512(table + std::size_t{full[f]} * k + i);
      // Strictly earlier: the first full bin in `full` order wins a tie,
      // as in DensifyProbeTable (only "not within the table" ties).
      const __mmask64 earlier = _mm512_cmplt_epu8_mask(steps, best);
      bin = _mm512_mask_set1_epi8(bin, earlier, static_cast<char>(full[f]));
      best = _mm512_min_epu8(best, steps);
    }
    alignas(64) std::uint8_t best_step[64];
    alignas(64) std::uint8_t best_bin[64];
    _mm512_store_si512(best_step, best);
    _mm512_store_si512(best_bin, bin);
    for (std::uint32_t g = 0; g < 64 && i + g < n; g += 16) {
      const __m512i cur = _mm512_loadu_si512(sig + i + g);
      const __m512i step = _mm512_cvtepu8_epi32(
          _mm_load_si128(reinterpret_cast<const __m128i*>(best_step + g)));
      const __m512i from = _mm512_cvtepu8_epi32(
          _mm_load_si128(reinterpret_cast<const __m128i*>(best_bin + g)));
      const __mmask16 empty = _mm512_cmpeq_epi32_mask(cur, none);
      const __mmask16 met = _mm512_cmplt_epi32_mask(step, beyond);
      const __m512i v =
          _mm512_mask_i32gather_epi32(cur, empty & met, from, base, 4);
      _mm512_storeu_si512(out + i + g, v);
      for (unsigned rest = empty & ~met; rest != 0; rest &= rest - 1) {
        const std::uint32_t b = i + g + std::countr_zero(rest);
        out[b] = DensifyProbeBeyondTable(sig, k, b);
      }
    }
  }
}

}  // namespace tickerdedup::internal::minhash_kernels
