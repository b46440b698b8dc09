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

}  // namespace tickerdedup::internal
