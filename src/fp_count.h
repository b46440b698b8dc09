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
#include <string_view>

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

// Bitmap hits: how many of `n` 16-bit fingerprints, stored little-endian
// at `fps` (any alignment), have their bit set in `bitmap` (65,536 bits,
// bit f of word f / 64). XlangCoverBound::HitsRule asks it of every
// cross-language candidate's stored profile against the query's
// fingerprints.
//
//   std::array<std::uint64_t, 1024> bitmap{};  // bits of the query
//   std::size_t hits = CountBitmapHits(blob + offset, count, bitmap.data());
enum class BitmapHitsKernel { kScalar, kAvx2, kAvx512 };
std::string_view BitmapHitsKernelName(BitmapHitsKernel kernel);
// Whether this CPU runs `kernel` (AVX2; AVX-512: F).
bool BitmapHitsKernelSupported(BitmapHitsKernel kernel);
// The plain reference.
std::size_t CountBitmapHitsScalar(const std::uint8_t* fps, std::size_t n,
                                  const std::uint64_t* bitmap);
// Gathers of 8 or 16 bitmap words. Call only where supported.
std::size_t CountBitmapHitsAvx2(const std::uint8_t* fps, std::size_t n,
                                const std::uint64_t* bitmap);
std::size_t CountBitmapHitsAvx512(const std::uint8_t* fps, std::size_t n,
                                  const std::uint64_t* bitmap);
std::size_t CountBitmapHitsWith(BitmapHitsKernel kernel,
                                const std::uint8_t* fps, std::size_t n,
                                const std::uint64_t* bitmap);
// The widest kernel this CPU runs, chosen once; TICKERDEDUP_FORCE_KERNEL
// set to "scalar" or "avx2" caps it, as for the other kernels.
BitmapHitsKernel SelectedBitmapHitsKernel();
std::size_t CountBitmapHits(const std::uint8_t* fps, std::size_t n,
                            const std::uint64_t* bitmap);

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_FP_COUNT_H_
