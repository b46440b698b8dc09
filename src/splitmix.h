// splitmix64's output function (Steele, Lea and Flood 2014), the mixer that
// several tables and the cross-language feature seeds share.
#ifndef TICKERDEDUP_SRC_SPLITMIX_H_
#define TICKERDEDUP_SRC_SPLITMIX_H_

#include <cstdint>

namespace tickerdedup::internal {

// A bijection that spreads a low-entropy 64-bit value (consecutive ids,
// 16-bit fingerprints, seeds that differ in one byte) over all 64 bits.
constexpr std::uint64_t SplitMix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_SPLITMIX_H_
