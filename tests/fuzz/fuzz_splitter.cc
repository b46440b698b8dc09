// Fuzz target for TickerSplitter: the segments must not depend on how the
// input is chunked nor on the scan kernel, stay within max_segment_bytes,
// keep buffered_bytes() bounded, and (kLines) keep every non-space byte.
// Traps on any violation. Input: 2 option bytes, then the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "splitter_kernels.h"
#include "tickerdedup/splitter.h"

namespace {

using tickerdedup::Segment;
using tickerdedup::SplitMode;
using tickerdedup::SplitterOptions;
using tickerdedup::TickerSplitter;

struct Out {
  std::string text;
  bool cut;
  std::uint64_t line;
  bool operator==(const Out& o) const {
    return text == o.text && cut == o.cut && line == o.line;
  }
};

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

// Splits `input` in chunks whose sizes come from `seed` (seed 0: whole).
std::vector<Out> Run(const SplitterOptions& options, std::string_view input,
                     std::uint64_t seed) {
  TickerSplitter splitter(options);
  std::vector<Out> out;
  const std::size_t max_bytes =
      options.max_segment_bytes < 4 ? 4 : options.max_segment_bytes;
  tickerdedup::SegmentSink sink = [&](const Segment& s) {
    Check(!s.text.empty() && s.text.size() <= max_bytes);
    out.push_back({std::string(s.text), s.cut, s.line});
  };
  std::size_t i = 0;
  while (i < input.size()) {
    std::size_t len = input.size() - i;
    if (seed != 0) {
      seed ^= seed << 13;
      seed ^= seed >> 7;
      seed ^= seed << 17;
      len = std::min<std::size_t>(len, seed % 67);  // 0-byte chunks too.
    }
    splitter.Feed(input.substr(i, len), sink);
    Check(splitter.buffered_bytes() <= max_bytes + 16);
    i += len;
  }
  splitter.Finish(sink);
  Check(splitter.buffered_bytes() == 0);
  return out;
}

// Drops LF and the exact UTF-8 encodings of the whitespace code points.
std::string WithoutSpaces(std::string_view s) {
  std::string out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = p[i];
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() &&
        (p[i + 1] == 0x85 || p[i + 1] == 0xA0)) {
      i += 2;
      continue;
    }
    if (i + 2 < s.size()) {
      const std::uint32_t v = (c << 16) | (p[i + 1] << 8) | p[i + 2];
      if (v == 0xE19A80 || (v >= 0xE28080 && v <= 0xE2808A) || v == 0xE280A8 ||
          v == 0xE280A9 || v == 0xE280AF || v == 0xE2819F || v == 0xE38080) {
        i += 3;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
    ++i;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  SplitterOptions options;
  std::uint64_t seed = 0x9E3779B97F4A7C15ull ^ size;
  if (size >= 2) {
    static const std::size_t kMax[] = {4, 5, 7, 16, 61, 4096, 3, 0};
    static const char* const kExtras[] = {"", "|", "|-\xF0\x9F\x94\xB4",
                                          "\xC3\xA9:"};
    options.mode = (data[0] & 1) ? SplitMode::kLines : SplitMode::kTicker;
    options.max_segment_bytes = kMax[(data[0] >> 1) & 7];
    options.extra_separators = kExtras[(data[0] >> 4) & 3];
    seed ^= static_cast<std::uint64_t>(data[1]) << 32 | 1;
    data += 2;
    size -= 2;
  }
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const std::vector<Out> whole = Run(options, input, 0);
  Check(Run(options, input, seed) == whole);
  Check(Run(options, input, seed * 31 + 7) == whole);

  for (auto kernel : tickerdedup::internal::SupportedSplitKernels()) {
    setenv("TICKERDEDUP_FORCE_KERNEL",
           tickerdedup::internal::SplitKernelName(kernel), 1);
    Check(Run(options, input, 0) == whole);
    Check(Run(options, input, seed + 1) == whole);
  }
  unsetenv("TICKERDEDUP_FORCE_KERNEL");

  if (options.mode == SplitMode::kLines) {
    std::string kept;
    for (const Out& o : whole) kept += WithoutSpaces(o.text);
    Check(kept == WithoutSpaces(input));
  }
  return 0;
}
