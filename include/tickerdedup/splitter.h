// TickerSplitter: cuts a byte stream into headline segments.
//
// News tickers glue headlines together with runs of spaces (often U+00A0
// NO-BREAK SPACE) or bullets. The splitter takes input in chunks of any size
// and calls the sink for every finished segment, trimmed, never empty:
//
//   tickerdedup::TickerSplitter splitter({});
//   auto sink = [](const tickerdedup::Segment& s) { Use(s.text, s.cut); };
//   while (Read(chunk)) splitter.Feed(chunk, sink);
//   splitter.Finish(sink);
//
// The result never depends on how the input was chunked. Memory stays bounded
// by SplitterOptions::max_segment_bytes: a longer segment comes out in pieces
// marked `cut`.
#ifndef TICKERDEDUP_SPLITTER_H_
#define TICKERDEDUP_SPLITTER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace tickerdedup {

enum class SplitMode {
  // Line breaks, runs of two or more whitespace characters (Unicode
  // included), and ticker bullets standing between whitespace.
  kTicker,
  // Line breaks only (LF, CRLF).
  kLines,
};

struct SplitterOptions {
  SplitMode mode = SplitMode::kTicker;
  // A segment longer than this is emitted in pieces of at most this many
  // bytes (cut at a UTF-8 character boundary), each marked `cut`.
  std::size_t max_segment_bytes = 4096;
  // Extra separator characters (UTF-8), e.g. "|". Each one splits only when
  // it stands between whitespace, like the built-in bullets. kTicker only.
  std::string extra_separators;
};

struct Segment {
  std::string_view text;  // Trimmed, non-empty; valid until the sink returns.
  bool cut = false;       // A piece of an over-long segment.
  // 1-based line of the input where the segment starts (LF counted).
  std::uint64_t line = 0;
};

using SegmentSink = std::function<void(const Segment&)>;

class TickerSplitter {
 public:
  explicit TickerSplitter(const SplitterOptions& options);
  ~TickerSplitter();
  TickerSplitter(const TickerSplitter&) = delete;
  TickerSplitter& operator=(const TickerSplitter&) = delete;

  // Consumes `chunk` and calls `sink` for every segment it completes.
  void Feed(std::string_view chunk, const SegmentSink& sink);
  // Flushes the last segment at end of input. The splitter can be reused.
  void Finish(const SegmentSink& sink);

  // Bytes held waiting for the rest of a segment (bounded by options).
  std::size_t buffered_bytes() const;

 private:
  struct State;
  State* state_;
};

}  // namespace tickerdedup

#endif  // TICKERDEDUP_SPLITTER_H_
