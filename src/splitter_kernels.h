// Byte scanners behind TickerSplitter, exposed for tests and benchmarks.
// Every kernel must return exactly what the scalar reference returns; the
// splitter picks one per instance (TICKERDEDUP_FORCE_KERNEL overrides):
//
//   for (auto k : tickerdedup::internal::SupportedSplitKernels()) {
//     setenv("TICKERDEDUP_FORCE_KERNEL", SplitKernelName(k), 1);
//     tickerdedup::TickerSplitter splitter({});  // now scans with `k`
//   }
#ifndef TICKERDEDUP_SRC_SPLITTER_KERNELS_H_
#define TICKERDEDUP_SRC_SPLITTER_KERNELS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "tickerdedup/splitter.h"

namespace tickerdedup::internal {

enum class SplitKernel { kScalar, kSse2, kAvx2 };

// "scalar", "sse2", "avx2": the values TICKERDEDUP_FORCE_KERNEL accepts.
const char* SplitKernelName(SplitKernel kernel);
bool SplitKernelSupported(SplitKernel kernel);
// Supported kernels, scalar first.
std::vector<SplitKernel> SupportedSplitKernels();
// The kernel a TickerSplitter constructed now would use:
// TICKERDEDUP_FORCE_KERNEL if set (falling back to the fastest supported
// kernel not above the one asked for), else the fastest supported one.
SplitKernel SelectSplitKernel();

// Offsets of every byte `kernel` stops at in `data` (the bytes that may
// change the splitter's state), under the separator set of `options`. Lets
// tests compare the kernels directly, without the state machine around them.
std::vector<std::size_t> InterestingOffsets(SplitKernel kernel,
                                            std::string_view data,
                                            const SplitterOptions& options);

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_SPLITTER_KERNELS_H_
