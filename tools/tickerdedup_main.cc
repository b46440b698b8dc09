// tickerdedup: the command-line front end. Reads tickers (text) or JSON Lines,
// feeds every headline to the Engine and prints each news item once (or one
// JSON verdict per item). Glue only: splitting and matching live in the
// library; this file owns I/O, flags, messages and exit codes.
//
//   tail -f feed.txt | tickerdedup --line-buffered
//   tickerdedup --input jsonl --field headline feed.jsonl > unique.jsonl
//
// The reference for every flag is docs/tickerdedup.1.md; keep --help in step.

#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "simdjson.h"
#include "tickerdedup/tickerdedup.h"

namespace {

using tickerdedup::Decision;
using tickerdedup::Engine;
using tickerdedup::EngineOptions;
using tickerdedup::Item;
using tickerdedup::Segment;
using tickerdedup::Verdict;

// 1 MiB reads: large enough that a syscall costs < 1% of the time spent
// splitting and matching the bytes, small enough to stay in L2/L3.
constexpr std::size_t kReadBufferBytes = 1 << 20;
// The read buffer sits alone in one transparent huge page where the kernel
// has them (madvise): filled a first time by read(2), its 256 small pages
// took 256 page faults, ~5% of an exact-mode run on the 200k-headline feed
// on this project's VMs, where a fault costs microseconds.
constexpr std::size_t kHugePageBytes = 2 << 20;
struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};
std::unique_ptr<char[], FreeDeleter> NewReadBuffer() {
  void* p = nullptr;
  if (posix_memalign(&p, kHugePageBytes, kHugePageBytes) != 0) {
    throw std::bad_alloc();
  }
#ifdef MADV_HUGEPAGE
  madvise(p, kHugePageBytes, MADV_HUGEPAGE);
#endif
  return std::unique_ptr<char[], FreeDeleter>(static_cast<char*>(p));
}
// 64 KiB is one pipe's default capacity on Linux: a full buffer is one write.
constexpr std::size_t kOutputBufferBytes = 64 << 10;
constexpr std::size_t kDefaultMaxRecord = 1 << 20;
// The longest UTF-8 character; a smaller piece could not hold one.
constexpr std::size_t kMinMaxSegment = 4;
constexpr const char* kStdinName = "<stdin>";

// ------------------------------------------------------------ messages

void WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // Nothing sensible left to do with a broken stderr.
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

void Message(std::string_view text) {
  std::string line = "tickerdedup: ";
  line += text;
  line += '\n';
  WriteAll(STDERR_FILENO, line);
}

[[noreturn]] void UsageError(std::string_view text) {
  std::string line = "tickerdedup: ";
  line += text;
  line += "\nTry 'tickerdedup --help' for more information.\n";
  WriteAll(STDERR_FILENO, line);
  std::exit(2);
}

constexpr std::string_view kHelp =
    R"(Usage: tickerdedup [OPTION]... [FILE]...
Print each news item once. Reads headlines from news tickers (text) or from
JSON Lines records and drops exact, near and cross-language duplicates of
items seen before.

With no FILE, or when FILE is -, read standard input. Several FILEs are read
in order as one stream. A FILE that cannot be read is reported and skipped;
the run goes on and exits with status 2.

Input:
  --input FORMAT       text (default) or jsonl
  --split MODE         text: ticker (default) cuts at line breaks, at runs of
                       two or more spaces (U+00A0 included) and at bullets
                       between spaces; lines cuts at line breaks only
  --separator CHARS    text, ticker mode: extra separator characters such as
                       '|'; each one splits only between whitespace
  --max-segment BYTES  text: longest segment (default 4096); a longer one
                       comes out in pieces marked cut, which are never dropped
  --field NAME         jsonl: string field holding the headline (default title)
  --time-field NAME    jsonl: field holding the item time: epoch seconds (a
                       number) or RFC 3339 text (2026-02-21T10:00:00Z);
                       without it, items are stamped with their arrival time
  --max-record BYTES   jsonl: longest line (default 1M); a longer one is
                       rejected without being held in memory
  --rejects FILE       jsonl: write each rejected line, as read, to FILE

Matching:
  --match LEVEL        exact, near or xlang (default xlang); each level also
                       does the ones before it. exact: same text once
                       normalized; near: also small edits, same language;
                       xlang: also the same item in another language
                       (eng, fra, spa, por, ita, deu; needs the lexicon)
  --window N           distinct items remembered (default 1000000); the one
                       seen least recently is forgotten first
  --window-time DUR    also forget items older than DUR: 3600s, 30m, 48h, 2d,
                       1h30m (a bare number is seconds; 0 turns it off)
  --threshold T        near-duplicate similarity, 0 to 1 (default: tuned)
  --hashes K           MinHash signature length (default: tuned)
  --threads N          threads for the per-headline work (default 1); the
                       output is identical, byte for byte, for any N; the
                       decisions stay on one thread, so more than 2 rarely
                       helps
  --lexicon PATH       cross-language lexicon (default: $TICKERDEDUP_LEXICON,
                       then the installed one)

Output:
  --emit MODE          unique (default): each new item once, its bytes
                       unchanged: a text segment per line, or the JSON line as
                       read; annotate: one JSON object per item (below)
  --line-buffered      flush the output after every record (default: flush
                       when the input pauses, and at the end)
  --stats              print a summary on standard error at the end
  --progress           print progress on standard error every second, when
                       it is a terminal
  -h, --help           print this help and exit
  -V, --version        print the version and exit

BYTES take a K, M or G suffix (powers of 1024).

Verdicts: new (first of its cluster), exact (same text once normalized), near
(the same item reworded a little, same language), xlang (the same item in
another language). Headlines that share a template but differ in facts
(numbers, dates, places, actors) are different items.

annotate prints, for every item:
  {"id":N,"text":"...","verdict":"new|exact|near|xlang","dup_of":N|null,
   "score":X|null,"lang":"fra"}
with "lang" when known, "cut":true for pieces of an over-long segment, and
"repaired":true when invalid UTF-8 in the text was replaced by U+FFFD.

JSON Lines: a line that is not a JSON object, or lacks the field, or whose
field is not a string, is rejected: standard error gets FILE:LINE: REASON
(FILE is <stdin> for standard input) and the run goes on. Blank lines are
skipped. CRLF line ends are accepted.

Exit status: 0 when all input was accepted, 1 when some records were
rejected, 2 on a usage or I/O error. A closed output pipe ends the run
quietly with status 0.
)";

// ------------------------------------------------------------ flags

enum class InputFormat { kText, kJsonl };
enum class EmitMode { kUnique, kAnnotate };

struct CliOptions {
  InputFormat input = InputFormat::kText;
  EmitMode emit = EmitMode::kUnique;
  tickerdedup::SplitterOptions splitter;
  EngineOptions engine;
  std::string field = "title";
  std::string time_field;
  std::size_t max_record = kDefaultMaxRecord;
  std::string rejects_path;
  bool line_buffered = false;
  bool stats = false;
  bool progress = false;
  std::vector<std::string> inputs;
};

bool ParseUint(std::string_view text, std::uint64_t* value) {
  if (text.empty()) return false;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

// "4096", "64K", "1M", "2GiB".
bool ParseSize(std::string_view text, std::uint64_t* bytes) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    ++digits;
  }
  std::uint64_t number;
  if (!ParseUint(text.substr(0, digits), &number)) return false;
  std::string_view suffix = text.substr(digits);
  int shift = 0;
  if (!suffix.empty()) {
    switch (suffix[0]) {
      case 'k':
      case 'K':
        shift = 10;
        break;
      case 'm':
      case 'M':
        shift = 20;
        break;
      case 'g':
      case 'G':
        shift = 30;
        break;
      default:
        return false;
    }
    suffix.remove_prefix(1);
    if (suffix != "" && suffix != "B" && suffix != "iB") return false;
  }
  if (shift > 0 && number > (UINT64_MAX >> shift)) return false;
  *bytes = number << shift;
  return true;
}

// "3600", "3600s", "30m", "48h", "2d", "1h30m" -> seconds.
bool ParseDuration(std::string_view text, std::int64_t* seconds) {
  if (text.empty()) return false;
  std::int64_t total = 0;
  while (!text.empty()) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
      ++digits;
    }
    std::uint64_t number;
    if (!ParseUint(text.substr(0, digits), &number)) return false;
    text.remove_prefix(digits);
    std::int64_t unit = 1;
    if (!text.empty()) {
      switch (text[0]) {
        case 's':
          unit = 1;
          break;
        case 'm':
          unit = 60;
          break;
        case 'h':
          unit = 3600;
          break;
        case 'd':
          unit = 86400;
          break;
        default:
          return false;
      }
      text.remove_prefix(1);
    } else if (total != 0) {
      return false;  // "1h30" is ambiguous.
    }
    // 1e12 s is ~31,700 years: anything above is a typo, and it keeps the
    // sum far from overflow.
    if (number > 1'000'000'000'000ull / static_cast<std::uint64_t>(unit)) {
      return false;
    }
    total += static_cast<std::int64_t>(number) * unit;
    if (total > 1'000'000'000'000ll) return false;
  }
  *seconds = total;
  return true;
}

// RFC 3339 ("2026-02-21T10:00:00Z", "2026-02-21T12:00:00.5+02:00"), the same
// without an offset (taken as UTC), or a bare date (midnight UTC).
bool ParseTimestamp(std::string_view text, std::int64_t* seconds) {
  static constexpr const char* kFormats[] = {
      absl::RFC3339_full,
      "%Y-%m-%d%ET%H:%M:%E*S",
      "%Y-%m-%d",
  };
  for (const char* format : kFormats) {
    absl::Time time;
    std::string error;
    if (absl::ParseTime(format, absl::string_view(text.data(), text.size()),
                        &time, &error)) {
      *seconds = absl::ToUnixSeconds(time);
      return true;
    }
  }
  return false;
}

CliOptions ParseArgs(int argc, char** argv) {
  enum Flag {
    kInput = 256,
    kSplit,
    kSeparator,
    kMaxSegment,
    kField,
    kTimeField,
    kWindowTime,
    kMaxRecord,
    kRejects,
    kEmit,
    kMatch,
    kWindow,
    kThreshold,
    kHashes,
    kThreads,
    kLexicon,
    kLineBuffered,
    kStats,
    kProgress,
  };
  static const option kLongOptions[] = {
      {"input", required_argument, nullptr, kInput},
      {"split", required_argument, nullptr, kSplit},
      {"separator", required_argument, nullptr, kSeparator},
      {"max-segment", required_argument, nullptr, kMaxSegment},
      {"field", required_argument, nullptr, kField},
      {"time-field", required_argument, nullptr, kTimeField},
      {"window-time", required_argument, nullptr, kWindowTime},
      {"max-record", required_argument, nullptr, kMaxRecord},
      {"rejects", required_argument, nullptr, kRejects},
      {"emit", required_argument, nullptr, kEmit},
      {"match", required_argument, nullptr, kMatch},
      {"window", required_argument, nullptr, kWindow},
      {"threshold", required_argument, nullptr, kThreshold},
      {"hashes", required_argument, nullptr, kHashes},
      {"threads", required_argument, nullptr, kThreads},
      {"lexicon", required_argument, nullptr, kLexicon},
      {"line-buffered", no_argument, nullptr, kLineBuffered},
      {"stats", no_argument, nullptr, kStats},
      {"progress", no_argument, nullptr, kProgress},
      {"help", no_argument, nullptr, 'h'},
      {"version", no_argument, nullptr, 'V'},
      {nullptr, 0, nullptr, 0},
  };
  CliOptions options;
  // Flags that only make sense for one input format, checked once the
  // format is known (flags may come in any order).
  std::string text_only_flag, jsonl_only_flag;
  opterr = 0;  // Our own messages, without argv[0]'s path in them.
  optind = 1;
  int c;
  while ((c = getopt_long(argc, argv, ":hV", kLongOptions, nullptr)) != -1) {
    std::string_view arg = optarg ? optarg : "";
    std::uint64_t number = 0;
    switch (c) {
      case 'h':
        WriteAll(STDOUT_FILENO, kHelp);
        std::exit(0);
      case 'V':
        WriteAll(STDOUT_FILENO, "tickerdedup " TICKERDEDUP_VERSION_STRING "\n");
        std::exit(0);
      case kInput:
        if (arg == "text") {
          options.input = InputFormat::kText;
        } else if (arg == "jsonl") {
          options.input = InputFormat::kJsonl;
        } else {
          UsageError("--input: expected text or jsonl, got '" +
                     std::string(arg) + "'");
        }
        break;
      case kSplit:
        if (arg == "ticker") {
          options.splitter.mode = tickerdedup::SplitMode::kTicker;
        } else if (arg == "lines") {
          options.splitter.mode = tickerdedup::SplitMode::kLines;
        } else {
          UsageError("--split: expected ticker or lines, got '" +
                     std::string(arg) + "'");
        }
        text_only_flag = "--split";
        break;
      case kSeparator:
        options.splitter.extra_separators = arg;
        text_only_flag = "--separator";
        break;
      case kMaxSegment:
        if (!ParseSize(arg, &number) || number < kMinMaxSegment) {
          UsageError(
              "--max-segment: expected a size of at least 4 bytes, "
              "got '" +
              std::string(arg) + "'");
        }
        options.splitter.max_segment_bytes = number;
        text_only_flag = "--max-segment";
        break;
      case kField:
        options.field = arg;
        jsonl_only_flag = "--field";
        break;
      case kTimeField:
        options.time_field = arg;
        jsonl_only_flag = "--time-field";
        break;
      case kMaxRecord:
        if (!ParseSize(arg, &number) || number == 0 ||
            number > (std::uint64_t{1} << 30)) {
          UsageError("--max-record: expected a size from 1 to 1G, got '" +
                     std::string(arg) + "'");
        }
        options.max_record = number;
        jsonl_only_flag = "--max-record";
        break;
      case kRejects:
        options.rejects_path = arg;
        jsonl_only_flag = "--rejects";
        break;
      case kWindowTime:
        if (!ParseDuration(arg, &options.engine.window_seconds)) {
          UsageError(
              "--window-time: expected a duration such as 48h, 30m, "
              "3600s or 2d, got '" +
              std::string(arg) + "'");
        }
        break;
      case kEmit:
        if (arg == "unique") {
          options.emit = EmitMode::kUnique;
        } else if (arg == "annotate") {
          options.emit = EmitMode::kAnnotate;
        } else {
          UsageError("--emit: expected unique or annotate, got '" +
                     std::string(arg) + "'");
        }
        break;
      case kMatch:
        if (!tickerdedup::ParseMatchLevel(arg, &options.engine.match)) {
          UsageError("--match: expected exact, near or xlang, got '" +
                     std::string(arg) + "'");
        }
        break;
      case kWindow:
        if (!ParseUint(arg, &number) || number == 0) {
          UsageError("--window: expected a positive number of items, got '" +
                     std::string(arg) + "'");
        }
        options.engine.window = number;
        break;
      case kThreshold: {
        double threshold = -1;
        auto [end, ec] =
            std::from_chars(arg.data(), arg.data() + arg.size(), threshold);
        if (arg.empty() || ec != std::errc() ||
            end != arg.data() + arg.size() || !(threshold >= 0) ||
            !(threshold <= 1)) {
          UsageError("--threshold: expected a number from 0 to 1, got '" +
                     std::string(arg) + "'");
        }
        options.engine.threshold = threshold;
        break;
      }
      case kHashes:
        if (!ParseUint(arg, &number) || number == 0 || number > 65536) {
          UsageError("--hashes: expected a positive number, got '" +
                     std::string(arg) + "'");
        }
        options.engine.num_hashes = static_cast<int>(number);
        break;
      case kThreads:
        if (!ParseUint(arg, &number) || number == 0 || number > 256) {
          UsageError("--threads: expected a number from 1 to 256, got '" +
                     std::string(arg) + "'");
        }
        options.engine.threads = static_cast<int>(number);
        break;
      case kLexicon:
        options.engine.lexicon_path = arg;
        break;
      case kLineBuffered:
        options.line_buffered = true;
        break;
      case kStats:
        options.stats = true;
        break;
      case kProgress:
        options.progress = true;
        break;
      case ':':
        UsageError(std::string("option '") + argv[optind - 1] +
                   "' needs an argument");
      default:
        if (optopt != 0 && optopt < 256) {
          UsageError(std::string("unknown option '-") +
                     static_cast<char>(optopt) + "'");
        }
        UsageError(std::string("unknown option '") + argv[optind - 1] + "'");
    }
  }
  for (int i = optind; i < argc; ++i) options.inputs.emplace_back(argv[i]);
  if (options.inputs.empty()) options.inputs.emplace_back("-");

  if (options.input == InputFormat::kText && !jsonl_only_flag.empty()) {
    UsageError(jsonl_only_flag + " needs --input jsonl");
  }
  if (options.input == InputFormat::kJsonl && !text_only_flag.empty()) {
    UsageError(text_only_flag + " applies to --input text only");
  }
  if (!options.splitter.extra_separators.empty() &&
      options.splitter.mode != tickerdedup::SplitMode::kTicker) {
    UsageError("--separator needs --split ticker");
  }
  if (options.field.empty()) UsageError("--field: expected a field name");
  if (!options.time_field.empty() && options.time_field == options.field) {
    UsageError("--time-field and --field name the same field");
  }
  return options;
}

// ------------------------------------------------------------ output

// A write(2) buffer. Errors are sticky and reported by error(); the caller
// decides what a failed write means (EPIPE on stdout is a normal end).
class FdWriter {
 public:
  FdWriter(int fd, std::size_t capacity) : fd_(fd) {
    buffer_.reserve(capacity);
  }
  ~FdWriter() = default;
  FdWriter(const FdWriter&) = delete;
  FdWriter& operator=(const FdWriter&) = delete;

  void Append(std::string_view data) {
    if (buffer_.size() + data.size() > buffer_.capacity()) {
      Flush();
      if (data.size() >= buffer_.capacity()) {
        WriteRaw(data);
        return;
      }
    }
    buffer_.append(data);
  }

  // Append(data) and a newline, with one capacity check: unique mode's
  // per-item write.
  void AppendLine(std::string_view data) {
    if (buffer_.size() + data.size() + 1 > buffer_.capacity()) {
      Append(data);
      Append("\n");
      return;
    }
    buffer_.append(data);
    buffer_.push_back('\n');
  }

  void Flush() {
    if (!buffer_.empty()) WriteRaw(buffer_);
    buffer_.clear();
  }

  bool pending() const { return !buffer_.empty(); }
  int error() const { return error_; }
  int fd() const { return fd_; }

 private:
  void WriteRaw(std::string_view data) {
    while (!data.empty() && error_ == 0) {
      ssize_t n = write(fd_, data.data(), data.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
          // An inherited non-blocking descriptor: wait until it drains.
          pollfd p{fd_, POLLOUT, 0};
          poll(&p, 1, -1);
          continue;
        }
        error_ = errno;
        return;
      }
      data.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  int fd_;
  int error_ = 0;
  std::string buffer_;
};

// Appends `text` as a JSON string literal. Invalid UTF-8 becomes U+FFFD, one
// per maximal ill-formed subpart (Unicode 15, section 3.9, the same policy as
// the WHATWG decoder). Returns true when anything was replaced.
bool AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  const bool valid = simdjson::validate_utf8(text.data(), text.size());
  bool repaired = false;
  out->push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  const auto* run = p;  // Start of bytes copied through unchanged.
  auto flush_run = [&](const unsigned char* upto) {
    out->append(reinterpret_cast<const char*>(run),
                static_cast<std::size_t>(upto - run));
  };
  while (p < end) {
    unsigned char b = *p;
    if (b >= 0x20 && b != '"' && b != '\\' && (b < 0x80 || valid)) {
      ++p;
      continue;
    }
    if (b < 0x80) {
      flush_run(p);
      switch (b) {
        case '"':
          out->append("\\\"");
          break;
        case '\\':
          out->append("\\\\");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        case '\b':
          out->append("\\b");
          break;
        case '\f':
          out->append("\\f");
          break;
        default:
          out->append("\\u00");
          out->push_back(kHex[b >> 4]);
          out->push_back(kHex[b & 15]);
      }
      run = ++p;
      continue;
    }
    // Invalid text only: decode one sequence (Table 3-7 of the standard).
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // Range of the first continuation.
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;  // No UTF-16 surrogates.
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;  // Nothing above U+10FFFF.
    }
    std::size_t good = 1;  // Bytes of a well-formed prefix so far.
    while (need > 0 && good <= need && p + good < end) {
      unsigned char c = p[good];
      if (c < (good == 1 ? lo : 0x80) || c > (good == 1 ? hi : 0xBF)) break;
      ++good;
    }
    if (need > 0 && good == need + 1) {
      p += good;  // A valid character: keep it in the run.
      continue;
    }
    flush_run(p);
    out->append(kReplacement);
    repaired = true;
    p += good;
    run = p;
  }
  flush_run(p);
  out->push_back('"');
  return repaired;
}

void AppendUint(std::uint64_t value, std::string* out) {
  char digits[24];
  auto result = std::to_chars(digits, digits + sizeof(digits), value);
  out->append(digits, result.ptr);
}

// ------------------------------------------------------------ the run

std::string_view JsonErrorReason(simdjson::error_code error) {
  switch (error) {
    case simdjson::UTF8_ERROR:
      return "invalid JSON (invalid UTF-8)";
    case simdjson::UNCLOSED_STRING:
      return "invalid JSON (unclosed string)";
    case simdjson::STRING_ERROR:
      return "invalid JSON (bad string escape)";
    case simdjson::NUMBER_ERROR:
      return "invalid JSON (bad number)";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
      return "invalid JSON (bad literal)";
    case simdjson::DEPTH_ERROR:
      return "invalid JSON (nested too deeply)";
    case simdjson::UNESCAPED_CHARS:
      return "invalid JSON (control character in a string)";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "invalid JSON (unbalanced brackets or trailing content)";
    case simdjson::EMPTY:
      return "invalid JSON (no value)";
    default:
      return "invalid JSON";
  }
}

// The bytes of the inputs when every one is a regular file ("-": standard
// input, by fstat); 0 when any is a pipe, a terminal or unreadable.
std::uint64_t RegularInputBytes(const std::vector<std::string>& inputs) {
  std::uint64_t bytes = 0;
  for (const std::string& name : inputs) {
    struct stat st;
    const int rc =
        name == "-" ? fstat(STDIN_FILENO, &st) : stat(name.c_str(), &st);
    if (rc != 0 || !S_ISREG(st.st_mode)) return 0;
    bytes += static_cast<std::uint64_t>(st.st_size);
  }
  return bytes;
}

class Runner {
 public:
  Runner(const CliOptions& options, Engine* engine, FdWriter* out,
         FdWriter* rejects)
      : options_(options),
        engine_(engine),
        out_(out),
        rejects_(rejects),
        splitter_(options.splitter),
        read_buffer_(NewReadBuffer()) {
    sink_ = [this](const Segment& segment) {
      OnItem(segment.text, segment.text, segment.cut, text_timestamp_);
    };
    // Most records are far shorter than 1 MiB; a bigger --max-record grows
    // the buffer only when a line needs it.
    line_.reserve(std::min(options_.max_record, kDefaultMaxRecord) + 1 +
                  simdjson::SIMDJSON_PADDING);
    show_progress_ = options_.progress && isatty(STDERR_FILENO);
    // Batches always (see OnItem), but --line-buffered answers each record
    // at once.
    batching_ = !options_.line_buffered;
    clock_gettime(CLOCK_MONOTONIC, &start_);
    last_progress_ = start_;
    // Progress shows a share of the total for named files only.
    if (show_progress_ &&
        std::find(options_.inputs.begin(), options_.inputs.end(), "-") ==
            options_.inputs.end()) {
      total_bytes_ = RegularInputBytes(options_.inputs);
    }
  }

  // Reads one input to its end. Returns false when the output failed (the
  // run must stop).
  bool ProcessInput(const std::string& name) {
    const bool is_stdin = name == "-";
    display_name_ = is_stdin ? kStdinName : name;
    int fd = is_stdin ? STDIN_FILENO : open(name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      InputError(errno);
      return true;
    }
    struct stat st;
    // Regular files never block, so they skip the poll() before each read.
    const bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    line_number_ = 0;
    line_.clear();
    overlong_ = false;
    pending_cr_ = false;
    bool ok = true;
    while (true) {
      if (!regular) {
        // The read may block (tail -f): send what we have first, so a
        // streaming consumer is answered now and not at the next burst.
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 0) == 0) FlushOutputs();
      }
      ssize_t n = read(fd, read_buffer_.get(), kReadBufferBytes);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
          pollfd p{fd, POLLIN, 0};
          poll(&p, 1, -1);
          continue;
        }
        InputError(errno);
        break;
      }
      if (n == 0) break;
      bytes_read_ += static_cast<std::uint64_t>(n);
      std::string_view chunk(read_buffer_.get(), static_cast<std::size_t>(n));
      if (options_.input == InputFormat::kText) {
        text_timestamp_ = static_cast<std::int64_t>(time(nullptr));
        splitter_.Feed(chunk, sink_);
        // Pending segments may point into read_buffer_: decide them before
        // the next read overwrites it.
        DrainBatch();
      } else {
        FeedJsonl(chunk);
      }
      if (OutputFailed()) {
        ok = false;
        break;
      }
      MaybeShowProgress();
    }
    // JSON Lines: a file's last line ends at the end of the file, so a
    // record never spans two files and FILE:LINE stays meaningful.
    if (ok && options_.input == InputFormat::kJsonl &&
        (!line_.empty() || overlong_)) {
      EndLine();
    }
    if (!is_stdin) close(fd);
    return ok && !OutputFailed();
  }

  // End of all input: the last text segment, then the final flush.
  void Finish() {
    if (options_.input == InputFormat::kText && !OutputFailed()) {
      splitter_.Finish(sink_);
    }
    FlushOutputs();
    if (progress_shown_) WriteAll(STDERR_FILENO, "\n");
  }

  bool OutputFailed() const {
    return out_->error() != 0 || (rejects_ && rejects_->error() != 0);
  }
  bool io_error() const { return io_error_; }
  std::uint64_t rejects() const { return rejects_count_; }

  void PrintStats() const {
    timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double elapsed = Seconds(start_, now);
    tickerdedup::EngineStats stats = engine_->Stats();
    rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    double rate = elapsed > 0 ? 1 / elapsed : 0;
    char line[512];
    std::string text;
    std::snprintf(line, sizeof(line),
                  "tickerdedup: items %llu: new %llu, exact %llu, near %llu, "
                  "xlang %llu, cut %llu; rejects %llu\n",
                  ULL(stats.items), ULL(stats.new_items), ULL(stats.exact),
                  ULL(stats.near), ULL(stats.xlang), ULL(stats.cut),
                  ULL(rejects_count_));
    text += line;
    std::snprintf(line, sizeof(line),
                  "tickerdedup: read %llu bytes in %.3f s: %.0f items/s, "
                  "%.1f MB/s; peak RSS %.1f MiB\n",
                  ULL(bytes_read_), elapsed, stats.items * rate,
                  bytes_read_ * rate / 1e6, usage.ru_maxrss / 1024.0);
    text += line;
    std::snprintf(line, sizeof(line),
                  "tickerdedup: index %llu bytes, %llu items stored, %llu "
                  "evicted, %llu candidates checked\n",
                  ULL(stats.index_bytes), ULL(stats.stored_items),
                  ULL(stats.evicted), ULL(stats.candidates_checked));
    text += line;
    std::snprintf(
        line, sizeof(line),
        "tickerdedup: index parts: store %llu, near %llu, xlang "
        "%llu bytes; %.1f bytes per stored item; %llu "
        "representatives\n",
        ULL(stats.store_bytes), ULL(stats.near_bytes), ULL(stats.xlang_bytes),
        stats.stored_items == 0
            ? 0.0
            : static_cast<double>(stats.index_bytes) / stats.stored_items,
        ULL(stats.representatives));
    text += line;
    text += "tickerdedup: engine: " + engine_->Describe() + "\n";
    WriteAll(STDERR_FILENO, text);
  }

 private:
  static unsigned long long ULL(std::uint64_t v) { return v; }
  static double Seconds(const timespec& from, const timespec& to) {
    return static_cast<double>(to.tv_sec - from.tv_sec) +
           static_cast<double>(to.tv_nsec - from.tv_nsec) / 1e9;
  }

  void InputError(int error) {
    Message(display_name_ + ": " + std::strerror(error));
    io_error_ = true;
  }

  void FlushOutputs() {
    DrainBatch();
    out_->Flush();
    if (rejects_) rejects_->Flush();
  }

  // One item through the engine. `text` is what is matched (and shown by
  // annotate); `raw` is what unique prints: the segment, or the JSON line.
  //
  // PERF NOTES: items wait in a batch (also with one thread) and the engine
  // decides the batch with AddBatch: with one thread it then prepares keys
  // a few items ahead and prefetches their table probes, which are cache
  // misses once the index outgrows the cache. Segments that lie in
  // read_buffer_ (all but those spanning two reads) are not copied: the
  // batch is drained before the next read overwrites the buffer. Anything
  // else (JSON lines, spanning segments) is copied into arena_, since it
  // does not outlive this call.
  void OnItem(std::string_view text, std::string_view raw, bool cut,
              std::int64_t timestamp) {
    if (!batching_) {
      Emit(engine_->Add(Item{text, timestamp, cut}), text, raw, cut);
      return;
    }
    // `text` is `raw` itself in text mode, and a part of it (the field,
    // when it needed no unescaping) or a separate string in JSONL mode.
    const bool same = text.data() == raw.data() && text.size() == raw.size();
    const Span raw_span = same ? Span{nullptr, kSameAsText, 0} : Keep(raw);
    const Span text_span = Keep(text);
    if (text_span.data == nullptr) {
      arena_texts_.push_back({items_.size(), text_span});
    }
    // The item is what AddBatch takes, built here: an arena text is set
    // when the batch is drained (the arena may move until then).
    items_.push_back(Item{text_span.data != nullptr
                              ? std::string_view(text_span.data, text_span.size)
                              : std::string_view(),
                          timestamp, cut});
    raws_.push_back(raw_span);
    if (items_.size() >= kBatchItems || options_.line_buffered) DrainBatch();
  }

  // Where a pending item's bytes are: in read_buffer_ (pointer) or copied
  // into arena_ (offset: the arena may move while the batch fills).
  struct Span {
    const char* data;  // null: in arena_ at `offset`
    std::size_t offset, size;
  };
  // raws_ entry offset: the raw bytes are the item's text.
  static constexpr std::size_t kSameAsText = ~std::size_t{0};

  Span Keep(std::string_view bytes) {
    // Integer compares: the bytes may lie in another object altogether.
    const auto buffer = reinterpret_cast<std::uintptr_t>(read_buffer_.get());
    const auto data = reinterpret_cast<std::uintptr_t>(bytes.data());
    if (data >= buffer && data + bytes.size() <= buffer + kReadBufferBytes) {
      return Span{bytes.data(), 0, bytes.size()};
    }
    Span span{nullptr, arena_.size(), bytes.size()};
    arena_.append(bytes);
    return span;
  }

  std::string_view View(const Span& span) const {
    return span.data != nullptr
               ? std::string_view(span.data, span.size)
               : std::string_view(arena_).substr(span.offset, span.size);
  }

  void DrainBatch() {
    if (items_.empty()) return;
    for (const auto& [index, span] : arena_texts_) {
      items_[index].text = View(span);
    }
    decisions_.resize(items_.size());
    engine_->AddBatch(items_.data(), items_.size(), decisions_.data());
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const Item& item = items_[i];
      const Span& raw = raws_[i];
      Emit(decisions_[i], item.text,
           raw.offset == kSameAsText ? item.text : View(raw), item.cut);
    }
    items_.clear();
    raws_.clear();
    arena_texts_.clear();
    arena_.clear();
  }

  void Emit(const Decision& decision, std::string_view text,
            std::string_view raw, bool cut) {
    if (options_.emit == EmitMode::kUnique) {
      if (decision.verdict != Verdict::kNew && !cut) return;
      out_->AppendLine(raw);
    } else {
      scratch_.clear();
      scratch_ += "{\"id\":";
      AppendUint(decision.id, &scratch_);
      scratch_ += ",\"text\":";
      bool repaired = AppendJsonString(text, &scratch_);
      scratch_ += ",\"verdict\":\"";
      scratch_ += tickerdedup::VerdictName(decision.verdict);
      scratch_ += "\",\"dup_of\":";
      if (decision.dup_of) {
        AppendUint(*decision.dup_of, &scratch_);
      } else {
        scratch_ += "null";
      }
      scratch_ += ",\"score\":";
      if (decision.score) {
        char number[32];
        std::snprintf(number, sizeof(number), "%.3f", *decision.score);
        scratch_ += number;
      } else {
        scratch_ += "null";
      }
      if (!decision.lang.empty()) {
        scratch_ += ",\"lang\":";
        AppendJsonString(decision.lang, &scratch_);
      }
      if (cut) scratch_ += ",\"cut\":true";
      if (repaired || decision.repaired) scratch_ += ",\"repaired\":true";
      scratch_ += "}\n";
      out_->Append(scratch_);
    }
    if (options_.line_buffered) out_->Flush();
  }

  // ---- JSON Lines

  // PERF NOTES: lines are found with memchr and copied once into line_,
  // which EndLine() follows with SIMDJSON_PADDING spaces, the bytes simdjson
  // may read past the end. Copying a line costs far less than parsing it,
  // and it lets a record span two reads; line_ keeps its capacity, so the
  // copy allocates nothing after the first long line.
  void FeedJsonl(std::string_view chunk) {
    const char* p = chunk.data();
    const char* end = p + chunk.size();
    while (p < end) {
      const char* newline =
          static_cast<const char*>(std::memchr(p, '\n', end - p));
      const char* piece_end = newline ? newline : end;
      std::string_view piece(p, static_cast<std::size_t>(piece_end - p));
      if (overlong_) {
        StreamOverlong(piece, newline != nullptr);
      } else if (line_.size() + piece.size() > options_.max_record + 1) {
        // +1 leaves room for the CR of a CRLF line of exactly max_record.
        overlong_ = true;
        StreamOverlong(line_, false);
        line_.clear();
        StreamOverlong(piece, newline != nullptr);
      } else {
        line_.append(piece);
      }
      if (!newline) break;
      EndLine();
      p = newline + 1;
    }
  }

  // An over-long line goes to --rejects as it arrives, never held whole.
  // A CR at the end of a piece is held back until we know whether it is
  // the CR of the CRLF that ends the line.
  void StreamOverlong(std::string_view piece, bool line_ends) {
    if (!rejects_) return;
    if (pending_cr_ && !(line_ends && piece.empty())) rejects_->Append("\r");
    pending_cr_ = false;
    if (!piece.empty() && piece.back() == '\r') {
      piece.remove_suffix(1);
      pending_cr_ = !line_ends;
    }
    rejects_->Append(piece);
  }

  void EndLine() {
    ++line_number_;
    if (overlong_) {
      overlong_ = false;
      pending_cr_ = false;
      if (rejects_) rejects_->Append("\n");
      RejectMessage(OverlongReason());
      return;
    }
    std::size_t length = line_.size();
    if (length > 0 && line_[length - 1] == '\r') --length;
    std::string_view raw(line_.data(), length);
    if (length > options_.max_record) {
      Reject(raw, OverlongReason());
    } else if (raw.find_first_not_of(" \t\r") == std::string_view::npos) {
      // Blank lines are layout, not records: skipped without a word.
    } else {
      line_.resize(length);
      line_.append(simdjson::SIMDJSON_PADDING, ' ');
      ParseRecord(std::string_view(line_.data(), length));
    }
    line_.clear();
  }

  std::string OverlongReason() const {
    return "record longer than " + std::to_string(options_.max_record) +
           " bytes (--max-record)";
  }

  void RejectMessage(std::string_view reason) {
    ++rejects_count_;
    Message(display_name_ + ":" + std::to_string(line_number_) + ": " +
            std::string(reason));
  }

  void Reject(std::string_view raw, std::string_view reason) {
    RejectMessage(reason);
    if (rejects_) {
      rejects_->Append(raw);
      rejects_->Append("\n");
    }
  }

  // `raw` lies in line_, followed by SIMDJSON_PADDING spaces.
  void ParseRecord(std::string_view raw) {
    namespace od = simdjson::ondemand;
    simdjson::padded_string_view view(raw.data(), raw.size(),
                                      raw.size() + simdjson::SIMDJSON_PADDING);
    od::document doc;
    simdjson::error_code error = parser_.iterate(view).get(doc);
    if (error) return Reject(raw, JsonErrorReason(error));
    od::object object;
    error = doc.get_object().get(object);
    if (error == simdjson::INCORRECT_TYPE) {
      return Reject(raw, "not a JSON object");
    }
    if (error) return Reject(raw, JsonErrorReason(error));

    // Every value is visited, so a record is accepted only when the whole
    // line is valid JSON (On-Demand alone would skip what we do not read).
    std::optional<std::string_view> text;
    bool text_seen = false, text_not_string = false;
    std::optional<std::int64_t> timestamp;
    bool time_seen = false;
    const bool want_time = !options_.time_field.empty();
    for (auto field_result : object) {
      od::field field;
      if ((error = std::move(field_result).get(field))) break;
      std::string_view key;
      if ((error = field.unescaped_key().get(key))) break;
      od::value value = field.value();
      if (!text_seen && key == options_.field) {
        text_seen = true;
        od::json_type type;
        if ((error = value.type().get(type))) break;
        if (type == od::json_type::string) {
          std::string_view s;
          if ((error = value.get_string().get(s))) break;
          text = s;
          continue;
        }
        text_not_string = true;
      } else if (want_time && !time_seen && key == options_.time_field) {
        time_seen = true;
        od::json_type type;
        if ((error = value.type().get(type))) break;
        if (type == od::json_type::number) {
          double seconds;
          if ((error = value.get_double().get(seconds))) break;
          if (std::isfinite(seconds) && std::fabs(seconds) < 1e15) {
            timestamp = static_cast<std::int64_t>(std::floor(seconds));
          }
          continue;
        }
        if (type == od::json_type::string) {
          std::string_view s;
          if ((error = value.get_string().get(s))) break;
          std::int64_t seconds;
          if (ParseTimestamp(s, &seconds)) timestamp = seconds;
          continue;
        }
      }
      if ((error = ValidateValue(value))) break;
    }
    if (error) return Reject(raw, JsonErrorReason(error));
    // Anything but whitespace after the object ("{...} x", "{}{}").
    if (!doc.current_location().error()) {
      return Reject(raw, "invalid JSON (trailing content)");
    }
    if (!text_seen) {
      return Reject(raw, "missing field \"" + options_.field + "\"");
    }
    if (text_not_string) {
      return Reject(raw, "field \"" + options_.field + "\" is not a string");
    }
    std::int64_t item_time;
    if (!want_time) {
      item_time = static_cast<std::int64_t>(time(nullptr));
    } else if (!time_seen) {
      return Reject(raw, "missing time field \"" + options_.time_field + "\"");
    } else if (!timestamp) {
      return Reject(raw, "time field \"" + options_.time_field +
                             "\" is neither epoch seconds nor an RFC 3339 "
                             "timestamp");
    } else {
      item_time = *timestamp;
    }
    OnItem(*text, raw, false, item_time);
  }

  // Walks a value to its end, checking it. Depth is bounded by the parser's
  // max_depth (DEPTH_ERROR), so the recursion is too.
  static simdjson::error_code ValidateValue(simdjson::ondemand::value value) {
    namespace od = simdjson::ondemand;
    od::json_type type;
    simdjson::error_code error = value.type().get(type);
    if (error) return error;
    switch (type) {
      case od::json_type::array: {
        od::array array;
        if ((error = value.get_array().get(array))) return error;
        for (auto element : array) {
          od::value child;
          if ((error = element.get(child))) return error;
          if ((error = ValidateValue(child))) return error;
        }
        return simdjson::SUCCESS;
      }
      case od::json_type::object: {
        od::object object;
        if ((error = value.get_object().get(object))) return error;
        for (auto field_result : object) {
          od::field field;
          if ((error = std::move(field_result).get(field))) return error;
          std::string_view key;
          if ((error = field.unescaped_key().get(key))) return error;
          if ((error = ValidateValue(field.value()))) return error;
        }
        return simdjson::SUCCESS;
      }
      case od::json_type::number: {
        od::number number;
        error = value.get_number().get(number);
        if (error == simdjson::NUMBER_ERROR) {
          // JSON integers have no size limit; simdjson's 64-bit ones do
          // (NUMBER_ERROR), but get_double() still checks the syntax.
          double approximation;
          error = value.get_double().get(approximation);
        }
        return error;
      }
      case od::json_type::string: {
        std::string_view s;
        return value.get_string().get(s);
      }
      case od::json_type::boolean: {
        bool b;
        // A mangled literal ("tru") reads as INCORRECT_TYPE; name it.
        return value.get_bool().get(b) ? simdjson::T_ATOM_ERROR
                                       : simdjson::SUCCESS;
      }
      case od::json_type::null: {
        bool is_null = false;
        if ((error = value.is_null().get(is_null))) return error;
        return is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
      }
    }
    return simdjson::TAPE_ERROR;
  }

  // ---- progress

  void MaybeShowProgress() {
    if (!show_progress_) return;
    timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (Seconds(last_progress_, now) < 1.0) return;
    last_progress_ = now;
    double elapsed = Seconds(start_, now);
    tickerdedup::EngineStats stats = engine_->Stats();
    char line[256];
    char percent[32] = "";
    if (total_bytes_ > 0) {
      std::snprintf(percent, sizeof(percent), " (%.0f%%)",
                    100.0 * bytes_read_ / total_bytes_);
    }
    // \r and erase-to-end-of-line: one line, rewritten in place.
    std::snprintf(line, sizeof(line),
                  "\rtickerdedup: %.1f MB read%s, %llu items, %llu new, "
                  "%llu rejects, %.1f MB/s\x1b[K",
                  bytes_read_ / 1e6, percent, ULL(stats.items),
                  ULL(stats.new_items), ULL(rejects_count_),
                  elapsed > 0 ? bytes_read_ / elapsed / 1e6 : 0.0);
    WriteAll(STDERR_FILENO, line);
    progress_shown_ = true;
  }

  // Batches: 4096 items keep the hand-off to the worker threads (--threads)
  // under 1% of the work and the arena around 1 MB.
  static constexpr std::size_t kBatchItems = 4096;

  const CliOptions& options_;
  Engine* engine_;
  bool batching_ = false;
  std::string arena_;
  // The batch: items (texts in read_buffer_, or in arena_ once drained),
  // their raw bytes, and which texts are in the arena.
  std::vector<Item> items_;
  std::vector<Span> raws_;
  std::vector<std::pair<std::size_t, Span>> arena_texts_;
  std::vector<Decision> decisions_;
  FdWriter* out_;
  FdWriter* rejects_;
  tickerdedup::TickerSplitter splitter_;
  tickerdedup::SegmentSink sink_;
  std::unique_ptr<char[], FreeDeleter> read_buffer_;
  std::int64_t text_timestamp_ = 0;
  std::string display_name_;
  std::string scratch_;
  // JSON Lines state for the current file.
  simdjson::ondemand::parser parser_;
  std::string line_;
  std::uint64_t line_number_ = 0;
  bool overlong_ = false;
  bool pending_cr_ = false;
  // Totals.
  std::uint64_t bytes_read_ = 0;
  std::uint64_t rejects_count_ = 0;
  bool io_error_ = false;
  // Progress.
  bool show_progress_ = false;
  bool progress_shown_ = false;
  std::uint64_t total_bytes_ = 0;
  timespec start_{};
  timespec last_progress_{};
};

}  // namespace

// How many items the inputs may hold, when every one is a regular file
// (stdin included): their bytes over a size per item on the low side, so
// that the count is high rather than low (text headlines are 61-72 bytes
// each in the generated feeds, JSON Lines records ~240 with their other
// fields); the engine caps it at the window. 0 when any input is a pipe or
// a terminal: a stream's length is unknown.
constexpr std::size_t kTextBytesPerItem = 48;
constexpr std::size_t kJsonlBytesPerItem = 160;
std::size_t ExpectedItems(const std::vector<std::string>& inputs,
                          InputFormat format) {
  return static_cast<std::size_t>(
      RegularInputBytes(inputs) /
      (format == InputFormat::kJsonl ? kJsonlBytesPerItem : kTextBytesPerItem));
}

int main(int argc, char** argv) {
  // A reader that goes away (head, a closed socket) is a normal end of the
  // run: we see EPIPE from write() instead of dying from the signal.
  std::signal(SIGPIPE, SIG_IGN);
  CliOptions options = ParseArgs(argc, argv);

  options.engine.expected_items = ExpectedItems(options.inputs, options.input);
  std::string error;
  std::unique_ptr<Engine> engine = Engine::Create(options.engine, &error);
  if (!engine) {
    Message(error);
    return 2;
  }
  FdWriter out(STDOUT_FILENO, kOutputBufferBytes);
  std::unique_ptr<FdWriter> rejects;
  if (!options.rejects_path.empty()) {
    int fd = open(options.rejects_path.c_str(),
                  O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
      Message(options.rejects_path + ": " + std::strerror(errno));
      return 2;
    }
    rejects = std::make_unique<FdWriter>(fd, kOutputBufferBytes);
  }

  Runner runner(options, engine.get(), &out, rejects.get());
  for (const std::string& input : options.inputs) {
    if (!runner.ProcessInput(input)) break;
  }
  runner.Finish();

  if (out.error() == EPIPE) return 0;
  if (out.error() != 0) {
    Message(std::string("standard output: ") + std::strerror(out.error()));
    return 2;
  }
  if (rejects) {
    if (rejects->error() != 0) {
      Message(options.rejects_path + ": " + std::strerror(rejects->error()));
      return 2;
    }
    if (close(rejects->fd()) != 0) {
      Message(options.rejects_path + ": " + std::strerror(errno));
      return 2;
    }
  }
  if (options.stats) runner.PrintStats();
  if (runner.io_error()) return 2;
  return runner.rejects() > 0 ? 1 : 0;
}
