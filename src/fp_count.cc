// Shared-fingerprint counting kernels. See fp_count.h.
#include "fp_count.h"

#include <immintrin.h>

#include <bit>
#include <cstdlib>
#include <cstring>

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

std::string_view BitmapHitsKernelName(BitmapHitsKernel kernel) {
  switch (kernel) {
    case BitmapHitsKernel::kScalar:
      return "scalar";
    case BitmapHitsKernel::kAvx2:
      return "avx2";
    case BitmapHitsKernel::kAvx512:
      return "avx512";
  }
  return "scalar";
}

bool BitmapHitsKernelSupported(BitmapHitsKernel kernel) {
  __builtin_cpu_init();
  switch (kernel) {
    case BitmapHitsKernel::kScalar:
      return true;
    case BitmapHitsKernel::kAvx2:
      return __builtin_cpu_supports("avx2") != 0;
    case BitmapHitsKernel::kAvx512:
      return __builtin_cpu_supports("avx512f") != 0;
  }
  return false;
}

std::size_t CountBitmapHitsScalar(const std::uint8_t* fps, std::size_t n,
                                  const std::uint64_t* bitmap) {
  std::size_t hits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t fp = fps[2 * i] | std::uint32_t{fps[2 * i + 1]} << 8;
    hits += (bitmap[fp >> 6] >> (fp & 63)) & 1;
  }
  return hits;
}

// The vector kernels (AVX-512: fp_count_avx512.cc) read the bitmap as
// 32-bit words (little-endian: word f / 32, bit f % 32) and finish a block
// they cannot fill from a zeroed copy of the last fingerprints, its unused
// lanes masked off: a profile's last bytes may end a page.
namespace {

// The hits of the 8 fingerprints at `p` in the lanes `keep` sets, per lane.
__attribute__((target("avx2"))) inline __m256i BitmapBlockAvx2(
    const std::uint8_t* p, const int* words, __m256i keep) {
  const __m256i v = _mm256_cvtepu16_epi32(
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  const __m256i w = _mm256_i32gather_epi32(words, _mm256_srli_epi32(v, 5), 4);
  const __m256i bit = _mm256_and_si256(
      _mm256_srlv_epi32(w, _mm256_and_si256(v, _mm256_set1_epi32(31))),
      _mm256_set1_epi32(1));
  return _mm256_and_si256(bit, keep);
}

}  // namespace

__attribute__((target("avx2"))) std::size_t CountBitmapHitsAvx2(
    const std::uint8_t* fps, std::size_t n, const std::uint64_t* bitmap) {
  const int* words = reinterpret_cast<const int*>(bitmap);
  __m256i acc = _mm256_setzero_si256();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    acc = _mm256_add_epi32(
        acc, BitmapBlockAvx2(fps + 2 * i, words, _mm256_set1_epi32(-1)));
  }
  if (i < n) {
    alignas(16) std::uint8_t tail[16] = {};
    std::memcpy(tail, fps + 2 * i, 2 * (n - i));
    const __m256i keep =
        _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(n - i)),
                           _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    acc = _mm256_add_epi32(acc, BitmapBlockAvx2(tail, words, keep));
  }
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc),
                            _mm256_extracti128_si256(acc, 1));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));
  return static_cast<std::size_t>(_mm_cvtsi128_si32(s));
}

std::size_t CountBitmapHitsWith(BitmapHitsKernel kernel,
                                const std::uint8_t* fps, std::size_t n,
                                const std::uint64_t* bitmap) {
  switch (kernel) {
    case BitmapHitsKernel::kAvx512:
      return CountBitmapHitsAvx512(fps, n, bitmap);
    case BitmapHitsKernel::kAvx2:
      return CountBitmapHitsAvx2(fps, n, bitmap);
    case BitmapHitsKernel::kScalar:
      break;
  }
  return CountBitmapHitsScalar(fps, n, bitmap);
}

BitmapHitsKernel SelectedBitmapHitsKernel() {
  static const BitmapHitsKernel selected = [] {
    BitmapHitsKernel cap = BitmapHitsKernel::kAvx512;
    if (const char* force = std::getenv("TICKERDEDUP_FORCE_KERNEL")) {
      for (BitmapHitsKernel k :
           {BitmapHitsKernel::kScalar, BitmapHitsKernel::kAvx2}) {
        if (std::string_view(force) == BitmapHitsKernelName(k)) cap = k;
      }
    }
    for (BitmapHitsKernel k :
         {BitmapHitsKernel::kAvx512, BitmapHitsKernel::kAvx2}) {
      if (static_cast<int>(k) <= static_cast<int>(cap) &&
          BitmapHitsKernelSupported(k)) {
        return k;
      }
    }
    return BitmapHitsKernel::kScalar;
  }();
  return selected;
}

std::size_t CountBitmapHits(const std::uint8_t* fps, std::size_t n,
                            const std::uint64_t* bitmap) {
  return CountBitmapHitsWith(SelectedBitmapHitsKernel(), fps, n, bitmap);
}

std::size_t CountInLanes(const std::uint16_t* lanes, std::uint32_t mask,
                         const std::uint16_t* query, std::size_t n) {
  return HasCountInLanesAvx2() ? CountInLanesAvx2(lanes, mask, query, n)
                               : CountInLanesScalar(lanes, mask, query, n);
}

}  // namespace tickerdedup::internal
