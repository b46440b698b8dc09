// XXH3 seeds of the cross-language feature families (src/xlang.cc).
//
// A feature is XXH3(bytes, family seed). XXH3 mixes the seed into short
// inputs linearly before its final avalanche (1-3 bytes: the input's bytes
// XORed with the secret plus the seed; 4-16 bytes likewise), so two seeds
// that differ in one byte make one family's short inputs collide with
// another's whose bytes differ by the same XOR. The seeds once differed in
// one byte ("xlangW01", "xlangA01"): the word feature of "un" was the
// acronym feature of "cn", so "UN" and "China" covered each other across
// languages, and number 22 was magnitude 12. Each seed is now its name run
// through splitmix64 (splitmix.h), so any two differ in about half their
// bits (XlangSeedsTest.NoFamiliesCollideOnShortInputs checks every 1-3
// character word and number).
#ifndef TICKERDEDUP_SRC_XLANG_SEEDS_H_
#define TICKERDEDUP_SRC_XLANG_SEEDS_H_

#include <cstdint>

#include "splitmix.h"

namespace tickerdedup::internal {

// Surface words and pivot translations share one family so that an English
// word meets its translations.
inline constexpr std::uint64_t kWordSeed = SplitMix64(0x786c616e67573031ULL);
inline constexpr std::uint64_t kNumberSeed = SplitMix64(0x786c616e674e3031ULL);
inline constexpr std::uint64_t kMonthSeed = SplitMix64(0x786c616e674d3031ULL);
inline constexpr std::uint64_t kWeekdaySeed = SplitMix64(0x786c616e67443031ULL);
// A percentage's number.
inline constexpr std::uint64_t kPercentSeed = SplitMix64(0x786c616e67503031ULL);
// An amount's order of magnitude (digits before the point).
inline constexpr std::uint64_t kMagnitudeSeed =
    SplitMix64(0x786c616e674f3031ULL);
inline constexpr std::uint64_t kEntitySeed = SplitMix64(0x786c616e67453031ULL);
inline constexpr std::uint64_t kAcronymSeed = SplitMix64(0x786c616e67413031ULL);

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_XLANG_SEEDS_H_
