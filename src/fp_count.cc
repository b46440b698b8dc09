// Shared-fingerprint counting kernels. See fp_count.h.
#include "fp_count.h"

#include <immintrin.h>

#include <bit>

namespace tickerdedup::internal {

std::size_t CountInLanesScalar(const std::uint16_t* lanes, std::uint32_t mask,
                               const std::uint16_t* query, std::size_t n) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (int k = 0; k < 16; ++k) {
      if (((mask >> k) & 1) != 0 && lanes[k] == query[i]) {
        ++count;
        break;
      }
    }
  }
  return count;
}

__attribute__((target("avx2,popcnt"))) std::size_t CountInLanesAvx2(
    const std::uint16_t* lanes, std::uint32_t mask, const std::uint16_t* query,
    std::size_t n) {
  const __m256i block =
      _mm256_load_si256(reinterpret_cast<const __m256i*>(lanes));
  // movemask gives two bits per 16-bit lane: spread the lane mask the same
  // way, and halve the final count.
  std::uint32_t x = mask & 0xFFFFu;  // bit k -> bits 2k and 2k + 1
  x = (x | (x << 8)) & 0x00FF00FFu;
  x = (x | (x << 4)) & 0x0F0F0F0Fu;
  x = (x | (x << 2)) & 0x33333333u;
  x = (x | (x << 1)) & 0x55555555u;
  const std::uint32_t byte_mask = x | (x << 1);
  std::size_t bits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const __m256i q = _mm256_set1_epi16(static_cast<short>(query[i]));
    const auto eq = static_cast<std::uint32_t>(
        _mm256_movemask_epi8(_mm256_cmpeq_epi16(block, q)));
    bits += static_cast<std::size_t>(std::popcount(eq & byte_mask));
  }
  return bits / 2;
}

bool HasCountInLanesAvx2() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0 &&
           __builtin_cpu_supports("popcnt") != 0;
  }();
  return has;
}

std::size_t CountInLanes(const std::uint16_t* lanes, std::uint32_t mask,
                         const std::uint16_t* query, std::size_t n) {
  return HasCountInLanesAvx2() ? CountInLanesAvx2(lanes, mask, query, n)
                               : CountInLanesScalar(lanes, mask, query, n);
}

namespace {

std::uint16_t FingerprintAt(const std::uint8_t* p) {
  return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

}  // namespace

std::size_t CountSetBitsScalar(const std::uint8_t* fps, std::size_t n,
                               const std::uint64_t* bitmap) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint16_t fp = FingerprintAt(fps + 2 * i);
    count += (bitmap[fp >> 6] >> (fp & 63)) & 1;
  }
  return count;
}

__attribute__((target("avx2"))) std::size_t CountSetBitsAvx2(
    const std::uint8_t* fps, std::size_t n, const std::uint64_t* bitmap) {
  // The bitmap read as 32-bit words (x86 is little-endian): fingerprint f
  // is bit f % 32 of word f / 32.
  const int* words = reinterpret_cast<const int*>(bitmap);
  const __m256i low5 = _mm256_set1_epi32(31);
  const __m256i one = _mm256_set1_epi32(1);
  __m256i sum = _mm256_setzero_si256();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256i f = _mm256_cvtepu16_epi32(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(fps + 2 * i)));
    const __m256i w =
        _mm256_i32gather_epi32(words, _mm256_srli_epi32(f, 5), /*scale=*/4);
    sum = _mm256_add_epi32(
        sum,
        _mm256_and_si256(_mm256_srlv_epi32(w, _mm256_and_si256(f, low5)), one));
  }
  const std::size_t rest = CountSetBitsScalar(fps + 2 * i, n - i, bitmap);
  __m128i s4 = _mm_add_epi32(_mm256_castsi256_si128(sum),
                             _mm256_extracti128_si256(sum, 1));
  s4 = _mm_add_epi32(s4, _mm_unpackhi_epi64(s4, s4));
  s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 1));
  return rest + static_cast<std::size_t>(_mm_cvtsi128_si32(s4));
}

std::size_t CountSetBits(const std::uint8_t* fps, std::size_t n,
                         const std::uint64_t* bitmap) {
  return HasCountInLanesAvx2() ? CountSetBitsAvx2(fps, n, bitmap)
                               : CountSetBitsScalar(fps, n, bitmap);
}

}  // namespace tickerdedup::internal
