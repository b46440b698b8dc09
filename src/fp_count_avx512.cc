// AVX-512F kernel of CountBitmapHits (fp_count.h): 16 fingerprints per
// masked gather. Compiled with a target attribute, not -march; only called
// when cpuid reports AVX-512F. Must count as CountBitmapHitsScalar does
// (tests/sketch_test.cc).
// GCC 12's avx512fintrin.h initializes _mm512_undefined_epi32() from itself,
// which -Wmaybe-uninitialized reports at every inlined intrinsic (GCC bug
// 105593); the warning is about the header, not this code.
#include <immintrin.h>

#include <bit>
#include <cstring>

#include "fp_count.h"

#if defined(__GNUC__) && !defined(__clang__)  // clang has no such warning
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace tickerdedup::internal {
namespace {

// The hits of the 16 fingerprints at `p` in the lanes `keep` sets.
__attribute__((target("avx512f"))) inline int BitmapBlockAvx512(
    const std::uint8_t* p, const int* words, __mmask16 keep) {
  const __m512i v = _mm512_cvtepu16_epi32(
      _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)));
  const __m512i w = _mm512_mask_i32gather_epi32(
      _mm512_setzero_si512(), keep, _mm512_srli_epi32(v, 5), words, 4);
  const __mmask16 set = _mm512_mask_test_epi32_mask(
      keep, _mm512_srlv_epi32(w, _mm512_and_si512(v, _mm512_set1_epi32(31))),
      _mm512_set1_epi32(1));
  return std::popcount(static_cast<unsigned>(set));
}

}  // namespace

// The bitmap as 32-bit words (word f / 32, bit f % 32); a last block of
// fewer than 16 fingerprints is read from a zeroed copy, its unused lanes
// masked off (a profile's last bytes may end a page).
__attribute__((target("avx512f"))) std::size_t CountBitmapHitsAvx512(
    const std::uint8_t* fps, std::size_t n, const std::uint64_t* bitmap) {
  const int* words = reinterpret_cast<const int*>(bitmap);
  std::size_t hits = 0;
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    hits +=
        static_cast<std::size_t>(BitmapBlockAvx512(fps + 2 * i, words, 0xFFFF));
  }
  if (i < n) {
    alignas(32) std::uint8_t tail[32] = {};
    std::memcpy(tail, fps + 2 * i, 2 * (n - i));
    hits += static_cast<std::size_t>(BitmapBlockAvx512(
        tail, words, static_cast<__mmask16>((1u << (n - i)) - 1)));
  }
  return hits;
}

}  // namespace tickerdedup::internal
