// Fuzz target for the whole engine: the input's lines are headlines, fed
// to an engine with a small window (so eviction, sweeps and slot reuse run
// within a few hundred items) at every match level. Checks:
//   * ids are positions, every dup_of names an earlier item, and the
//     verdict agrees with dup_of and score (score in [0, 1]);
//   * AddBatch gives exactly the decisions of Add, item by item, also with
//     two threads;
//   * the counters add up.
// The xlang level needs the lexicon (the engine's search path: the build
// tree's when run from a checkout); without it that level is skipped.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tickerdedup/engine.h"

namespace {

using tickerdedup::Decision;
using tickerdedup::Engine;
using tickerdedup::EngineOptions;
using tickerdedup::Item;
using tickerdedup::MatchLevel;
using tickerdedup::Verdict;

std::unique_ptr<Engine> Make(MatchLevel match, int threads) {
  // Engines share a loaded lexicon while one of them holds it: this one
  // keeps it loaded across inputs (a load per input made ~3 runs/s).
  static const std::unique_ptr<Engine> keeper = [] {
    std::string error;
    return Engine::Create(EngineOptions{}, &error);
  }();
  EngineOptions options;
  options.match = match;
  options.window = 48;
  options.threads = threads;
  std::string error;
  return Engine::Create(options, &error);
}

bool Same(const Decision& a, const Decision& b) {
  return a.id == b.id && a.verdict == b.verdict && a.dup_of == b.dup_of &&
         a.score == b.score && a.repaired == b.repaired && a.lang == b.lang;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<Item> items;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= input.size(); ++i) {
    if (i == input.size() || input[i] == '\n') {
      Item item{input.substr(start, i - start)};
      item.timestamp = static_cast<std::int64_t>(items.size());
      // A line starting with a tab stands for a piece of a cut segment.
      item.cut = !item.text.empty() && item.text.front() == '\t';
      items.push_back(item);
      start = i + 1;
    }
  }
  for (MatchLevel match :
       {MatchLevel::kExact, MatchLevel::kNear, MatchLevel::kCrossLanguage}) {
    std::unique_ptr<Engine> one = Make(match, 1);
    if (one == nullptr) continue;  // no lexicon for xlang
    std::vector<Decision> expected;
    for (const Item& item : items) expected.push_back(one->Add(item));
    std::uint64_t counted[4] = {};
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const Decision& d = expected[i];
      if (d.id != i) __builtin_trap();
      ++counted[static_cast<int>(d.verdict)];
      if (d.verdict == Verdict::kNew) {
        if (d.dup_of.has_value() || d.score.has_value()) __builtin_trap();
        continue;
      }
      if (!d.dup_of.has_value() || *d.dup_of >= d.id) __builtin_trap();
      if (!d.score.has_value() || !(*d.score >= 0 && *d.score <= 1)) {
        __builtin_trap();
      }
      if (items[i].cut) __builtin_trap();  // pieces are never dropped
      if (match == MatchLevel::kExact && d.verdict != Verdict::kExact) {
        __builtin_trap();
      }
    }
    const tickerdedup::EngineStats stats = one->Stats();
    if (stats.items != items.size() || stats.new_items != counted[0] ||
        stats.exact != counted[1] || stats.near != counted[2] ||
        stats.xlang != counted[3] || stats.stored_items > 48) {
      __builtin_trap();
    }
    for (int threads : {1, 2}) {
      std::unique_ptr<Engine> batched = Make(match, threads);
      std::vector<Decision> got(items.size());
      // Uneven batches: the hand-off between calls is exercised too.
      std::size_t done = 0, step = 1;
      while (done < items.size()) {
        const std::size_t n = std::min(step, items.size() - done);
        batched->AddBatch(items.data() + done, n, got.data() + done);
        done += n;
        step = step * 3 + 1;
      }
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (!Same(got[i], expected[i])) __builtin_trap();
      }
    }
  }
  return 0;
}
