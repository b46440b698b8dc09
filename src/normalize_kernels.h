// The pure-ASCII kernels behind NormalizeKey's fast path, exposed for tests
// and benchmarks. Every kernel must give exactly the scalar reference's key
// (and so the general path's); NormalizeKey uses the fastest one the CPU
// supports, chosen at first use (TICKERDEDUP_FORCE_KERNEL caps the choice):
//
//   for (auto k : tickerdedup::internal::SupportedAsciiKeyKernels()) {
//     std::string key;
//     NormalizeKeyWithKernel(k, "Some  Headline", &key);  // "some headline"
//   }
#ifndef TICKERDEDUP_SRC_NORMALIZE_KERNELS_H_
#define TICKERDEDUP_SRC_NORMALIZE_KERNELS_H_

#include <string>
#include <string_view>
#include <vector>

namespace tickerdedup::internal {

enum class AsciiKeyKernel { kScalar, kSse2, kAvx2, kAvx512 };

// "scalar", "sse2", "avx2", "avx512": the values TICKERDEDUP_FORCE_KERNEL
// accepts (avx512 needs AVX-512 BW and VBMI2).
const char* AsciiKeyKernelName(AsciiKeyKernel kernel);
bool AsciiKeyKernelSupported(AsciiKeyKernel kernel);
// Supported kernels, scalar first.
std::vector<AsciiKeyKernel> SupportedAsciiKeyKernels();
// The kernel NormalizeKey uses: TICKERDEDUP_FORCE_KERNEL when it names one
// (falling back to the fastest supported kernel not above it), else the
// fastest supported one. Read once, at the first call.
AsciiKeyKernel SelectedAsciiKeyKernel();

// NormalizeKey with its ASCII fast path run by `kernel` (which must be
// supported): the same key and return value whatever the kernel.
bool NormalizeKeyWithKernel(AsciiKeyKernel kernel, std::string_view text,
                            std::string* key);

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_NORMALIZE_KERNELS_H_
