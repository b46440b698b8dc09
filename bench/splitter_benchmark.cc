// Throughput of TickerSplitter per scan kernel on ~16 MB realistic tickers,
// beside a memchr speed-of-light row over the same buffer.
//
//   build/splitter_benchmark --benchmark_counters_tabular=true
//
// Inputs: the seed page's ticker line repeated (French, NBSP runs), and, if
// /work/shared/eval/lists/abc-2003.txt exists (or TICKERDEDUP_BENCH_LIST
// names a list), its headlines joined by runs of four NBSPs.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "splitter_kernels.h"
#include "tickerdedup/splitter.h"

namespace {

constexpr std::size_t kTargetBytes = 16 << 20;
constexpr std::size_t kChunkBytes = 64 << 10;  // A typical read() size.

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

std::string RepeatTo(const std::string& unit, std::size_t bytes) {
  std::string out;
  if (unit.empty()) return out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

const std::string& SeedTicker() {
  static const std::string text = [] {
    const std::string page =
        ReadFile(TICKERDEDUP_SOURCE_DIR "/fixtures/ticker-page-fr.txt");
    return RepeatTo(page.substr(0, page.find('\n') + 1), kTargetBytes);
  }();
  return text;
}

// Eval headline list joined into one NBSP-glued ticker line per 100
// headlines (empty when the list is absent).
const std::string& ListTicker() {
  static const std::string text = [] {
    const char* env = std::getenv("TICKERDEDUP_BENCH_LIST");
    const std::string list =
        ReadFile(env ? env : "/work/shared/eval/lists/abc-2003.txt");
    std::string joined;
    std::size_t start = 0;
    int count = 0;
    while (start < list.size()) {
      std::size_t end = list.find('\n', start);
      if (end == std::string::npos) end = list.size();
      joined.append(list, start, end - start);
      joined +=
          (++count % 100 == 0) ? "\n" : "\xC2\xA0\xC2\xA0\xC2\xA0\xC2\xA0";
      start = end + 1;
    }
    return RepeatTo(joined, kTargetBytes);
  }();
  return text;
}

const std::string& Input(int id) {
  return id == 0 ? SeedTicker() : ListTicker();
}

void SplitBenchmark(benchmark::State& state, const std::string& input,
                    tickerdedup::internal::SplitKernel kernel,
                    tickerdedup::SplitMode mode) {
  if (input.empty()) {
    state.SkipWithError("input list not found");
    return;
  }
  if (!tickerdedup::internal::SplitKernelSupported(kernel)) {
    state.SkipWithError("kernel not supported on this CPU");
    return;
  }
  setenv("TICKERDEDUP_FORCE_KERNEL",
         tickerdedup::internal::SplitKernelName(kernel), 1);
  tickerdedup::SplitterOptions options;
  options.mode = mode;
  tickerdedup::TickerSplitter splitter(options);
  unsetenv("TICKERDEDUP_FORCE_KERNEL");
  std::size_t segments = 0;
  std::size_t segment_bytes = 0;
  tickerdedup::SegmentSink sink = [&](const tickerdedup::Segment& s) {
    ++segments;
    segment_bytes += s.text.size();
  };
  for (auto _ : state) {
    for (std::size_t i = 0; i < input.size(); i += kChunkBytes) {
      splitter.Feed(std::string_view(input).substr(i, kChunkBytes), sink);
    }
    splitter.Finish(sink);
    benchmark::DoNotOptimize(segment_bytes);
  }
  const auto iterations = static_cast<std::int64_t>(state.iterations());
  state.SetBytesProcessed(iterations * static_cast<std::int64_t>(input.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(segments));
  state.counters["segments"] =
      static_cast<double>(segments) / static_cast<double>(iterations);
  state.counters["avg_seg_bytes"] =
      static_cast<double>(segment_bytes) / static_cast<double>(segments);
}

void BM_Split(benchmark::State& state) {
  const auto kernel =
      static_cast<tickerdedup::internal::SplitKernel>(state.range(0));
  const std::string& input = Input(static_cast<int>(state.range(1)));
  state.SetLabel(std::string(tickerdedup::internal::SplitKernelName(kernel)) +
                 (state.range(1) == 0 ? "/seed-ticker" : "/abc-list-ticker"));
  SplitBenchmark(state, input, kernel, tickerdedup::SplitMode::kTicker);
}
BENCHMARK(BM_Split)
    ->ArgsProduct({{0, 1, 2}, {0, 1}})
    ->ArgNames({"kernel", "input"})
    ->Unit(benchmark::kMillisecond);

void BM_SplitLines(benchmark::State& state) {
  const auto kernel =
      static_cast<tickerdedup::internal::SplitKernel>(state.range(0));
  state.SetLabel(std::string(tickerdedup::internal::SplitKernelName(kernel)) +
                 "/seed-ticker/kLines");
  SplitBenchmark(state, SeedTicker(), kernel, tickerdedup::SplitMode::kLines);
}
BENCHMARK(BM_SplitLines)
    ->DenseRange(0, 2)
    ->ArgName("kernel")
    ->Unit(benchmark::kMillisecond);

// Speed of light: memchr for LF over the same buffer (what a line reader
// that looks at nothing else costs).
void BM_MemchrSpeedOfLight(benchmark::State& state) {
  const std::string& input = Input(static_cast<int>(state.range(0)));
  if (input.empty()) {
    state.SkipWithError("input list not found");
    return;
  }
  state.SetLabel(state.range(0) == 0 ? "seed-ticker" : "abc-list-ticker");
  std::size_t lines = 0;
  for (auto _ : state) {
    const char* p = input.data();
    const char* end = p + input.size();
    while (const void* hit = std::memchr(p, '\n', end - p)) {
      ++lines;
      p = static_cast<const char*>(hit) + 1;
    }
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(lines));
}
BENCHMARK(BM_MemchrSpeedOfLight)
    ->DenseRange(0, 1)
    ->ArgName("input")
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
