// Counting shared feature fingerprints against one 32-byte block of 16-bit
// lanes (a SketchIndex slot record): how many of a query's fingerprints
// equal one of the selected lanes. Verification does this for ~13
// candidates per new headline. The sorted merge it replaces takes one
// dependent, mispredicted step per element of either set; the AVX2 kernel
// compares each query fingerprint with all 16 lanes at once.
//
//   alignas(32) std::uint16_t lanes[16] = {...};
//   std::uint32_t mask = 0x0FC0;  // lanes 6..11
//   std::size_t n = CountInLanes(lanes, mask, query, query_size);
//
// The selected lanes must hold distinct values, and so must the query; the
// result is then the size of the intersection, as a merge of the two
// sorted sets counts it. Unselected lanes are ignored whatever they hold.
#ifndef TICKERDEDUP_SRC_FP_COUNT_H_
#define TICKERDEDUP_SRC_FP_COUNT_H_

#include <cstddef>
#include <cstdint>

namespace tickerdedup::internal {

// The plain reference.
std::size_t CountInLanesScalar(const std::uint16_t* lanes, std::uint32_t mask,
                               const std::uint16_t* query, std::size_t n);
// AVX2; `lanes` 32-byte aligned. Call only where HasCountInLanesAvx2().
std::size_t CountInLanesAvx2(const std::uint16_t* lanes, std::uint32_t mask,
                             const std::uint16_t* query, std::size_t n);
bool HasCountInLanesAvx2();
// The fastest kernel this CPU runs (chosen once).
std::size_t CountInLanes(const std::uint16_t* lanes, std::uint32_t mask,
                         const std::uint16_t* query, std::size_t n);

// How many of the `n` 16-bit fingerprints at `fps` (little-endian byte
// pairs, unaligned: an XlangProfile blob's fingerprint area) have their bit
// set in `bitmap` (65,536 bits; fingerprint f is bit f % 64 of word f / 64).
// A fingerprint listed twice counts twice. The cross-language cover bound
// (XlangCoverBound::HitsRule) counts every candidate's fingerprints among
// the query's this way: ~33 candidates per new headline.
std::size_t CountSetBitsScalar(const std::uint8_t* fps, std::size_t n,
                               const std::uint64_t* bitmap);
// AVX2 gathers, eight fingerprints at a time, the last 1-7 as the scalar
// kernel does (a masked gather of a zero-padded copy made the whole kernel
// slower than the scalar one on an AVX2-only AMD EPYC; this form is 4-28%
// faster there, bench/sketch_benchmark BM_CountSetBits). Call only where
// HasCountInLanesAvx2().
std::size_t CountSetBitsAvx2(const std::uint8_t* fps, std::size_t n,
                             const std::uint64_t* bitmap);
// The fastest kernel this CPU runs.
std::size_t CountSetBits(const std::uint8_t* fps, std::size_t n,
                         const std::uint64_t* bitmap);

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_FP_COUNT_H_
