// TickerSplitter: a byte-level state machine over the input stream, plus
// SIMD scanners that skip the bytes which cannot change its state.
//
// Model (kTicker): a line is a sequence of tokens (maximal runs of
// non-whitespace characters) and gaps (runs of whitespace). A segment ends at
// a line break, at a gap of two or more whitespace characters, or at a token
// made only of separator characters (bullets, extra_separators), which is
// dropped. Because every interior gap of a segment is a single whitespace
// character kept verbatim, a segment is always one contiguous slice
// [seg_start, content_end) of the input stream; positions are absolute stream
// offsets so that slices may straddle chunks. Only the open segment's bytes
// are copied (into `held`) when a chunk ends; everything else is emitted as a
// view into the caller's chunk.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#define TICKERDEDUP_SPLITTER_X86 1
#endif

#include "splitter_kernels.h"
#include "tickerdedup/splitter.h"

namespace tickerdedup {
namespace internal {
namespace {

// Unicode White_Space (PropList.txt) except LF, which is the line break.
// U+0085, U+2028 and U+2029 are deliberately plain whitespace: the issue
// defines line breaks as LF and CRLF only, and Segment::line counts LFs.
bool IsSpaceCodePoint(std::uint32_t cp) {
  switch (cp) {
    case 0x09:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

// Ticker bullets. None of them occurs as a word of a real headline; a
// character that does (such as '|' or '-') must be named by the user.
constexpr std::uint32_t kBullets[] = {
    0x00B7,  // · MIDDLE DOT
    0x2022,  // • BULLET
    0x2023,  // ‣ TRIANGULAR BULLET
    0x2043,  // ⁃ HYPHEN BULLET
    0x2219,  // ∙ BULLET OPERATOR
    0x22C5,  // ⋅ DOT OPERATOR
    0x25A0,  // ■
    0x25A1,  // □
    0x25AA,  // ▪
    0x25AB,  // ▫
    0x25B6,  // ▶
    0x25B8,  // ▸
    0x25BA,  // ►
    0x25C0,  // ◀
    0x25C4,  // ◄
    0x25C6,  // ◆
    0x25C7,  // ◇
    0x25C8,  // ◈
    0x25C9,  // ◉
    0x25CB,  // ○
    0x25CF,  // ●
    0x25E6,  // ◦ WHITE BULLET
    0x2605,  // ★
    0x2606,  // ☆
    0x2666,  // ♦
    0x2726,  // ✦
    0x2756,  // ❖
    0x2B24,  // ⬤
    0x30FB,  // ・ KATAKANA MIDDLE DOT
};

constexpr std::uint32_t kWhitespaceAbove7F[] = {
    0x85,   0xA0,   0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
    0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
    0x2028, 0x2029, 0x202F, 0x205F, 0x3000};

std::uint8_t LeadByte(std::uint32_t cp) {
  if (cp < 0x80) return static_cast<std::uint8_t>(cp);
  if (cp < 0x800) return static_cast<std::uint8_t>(0xC0 | (cp >> 6));
  if (cp < 0x10000) return static_cast<std::uint8_t>(0xE0 | (cp >> 12));
  return static_cast<std::uint8_t>(0xF0 | (cp >> 18));
}

bool IsContinuation(std::uint8_t b) { return (b & 0xC0) == 0x80; }

enum class CharKind : std::uint8_t {
  kToken,      // Part of a word; `len` bytes.
  kSeparator,  // Bullet or extra separator (kTicker only).
  kSpace,      // Whitespace other than LF.
  kLineBreak,  // LF.
  kNeedMore,   // A valid prefix of a multi-byte character ran out of input.
};

struct CharMatch {
  CharKind kind;
  std::uint8_t len;
};

// Separator code points: a bitmap over the BMP (8 KiB, one probe instead of
// a binary search per non-ASCII character) plus a list for the rest.
class SeparatorSet {
 public:
  SeparatorSet() = default;
  explicit SeparatorSet(const std::vector<std::uint32_t>& cps) {
    for (std::uint32_t cp : cps) {
      if (cp < 0x10000) {
        if (bmp_.empty()) bmp_.assign(0x10000 / 64, 0);
        bmp_[cp >> 6] |= std::uint64_t{1} << (cp & 63);
      } else {
        astral_.push_back(cp);
      }
    }
  }
  bool Contains(std::uint32_t cp) const {
    if (cp < 0x10000) {
      return !bmp_.empty() && ((bmp_[cp >> 6] >> (cp & 63)) & 1) != 0;
    }
    return std::find(astral_.begin(), astral_.end(), cp) != astral_.end();
  }

 private:
  std::vector<std::uint64_t> bmp_;
  std::vector<std::uint32_t> astral_;
};

inline CharMatch ClassifyCodePoint(std::uint32_t cp, std::uint8_t len,
                                   const SeparatorSet* separators) {
  if (IsSpaceCodePoint(cp)) return {CharKind::kSpace, len};
  if (separators != nullptr && separators->Contains(cp)) {
    return {CharKind::kSeparator, len};
  }
  return {CharKind::kToken, len};
}

// Decodes the character at p[0] (avail >= 1 bytes). Invalid, overlong or
// surrogate sequences are a one-byte token: they pass through untouched and
// the bytes after them are examined on their own, as a UTF-8 decoder resyncs.
// `separators` == nullptr means "no separators" (kLines, trimming).
inline CharMatch ClassifyChar(const std::uint8_t* p, std::size_t avail,
                              bool eof, const SeparatorSet* separators) {
  const std::uint8_t c = p[0];
  if (c < 0x80) {
    if (c == '\n') return {CharKind::kLineBreak, 1};
    return ClassifyCodePoint(c, 1, separators);
  }
  if (c < 0xC2 || c > 0xF4) return {CharKind::kToken, 1};
  const std::uint8_t len = c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : 2);
  if (avail < len) {
    // Undecided only while every byte seen so far continues the sequence.
    for (std::size_t k = 1; k < avail; ++k) {
      if (!IsContinuation(p[k])) return {CharKind::kToken, 1};
    }
    return eof ? CharMatch{CharKind::kToken, 1}
               : CharMatch{CharKind::kNeedMore, 0};
  }
  if (!IsContinuation(p[1])) return {CharKind::kToken, 1};
  if (len == 2) {
    return ClassifyCodePoint(((c & 0x1Fu) << 6) | (p[1] & 0x3Fu), 2,
                             separators);
  }
  if (!IsContinuation(p[2])) return {CharKind::kToken, 1};
  if (len == 3) {
    const std::uint32_t cp =
        ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return {CharKind::kToken, 1};
    }
    return ClassifyCodePoint(cp, 3, separators);
  }
  if (!IsContinuation(p[3])) return {CharKind::kToken, 1};
  const std::uint32_t cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) |
                           ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
  if (cp < 0x10000 || cp > 0x10FFFF) return {CharKind::kToken, 1};
  return ClassifyCodePoint(cp, 4, separators);
}

// Trims Unicode whitespace from both ends of `text`.
std::string_view TrimSpaces(std::string_view text) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  // Printable ASCII (0x21-0x7E) at both ends, as nearly every headline has:
  // nothing to trim, no character to classify (two ClassifyChar calls were
  // 4% of an exact-mode run's instructions on the 3.2M-line feed).
  const auto printable = [](std::uint8_t c) { return c - 0x21u < 0x5Eu; };
  if (!text.empty() && printable(p[0]) && printable(p[text.size() - 1])) {
    return text;
  }
  std::size_t b = 0;
  std::size_t e = text.size();
  while (b < e) {
    CharMatch m = ClassifyChar(p + b, e - b, /*eof=*/true, nullptr);
    if (m.kind != CharKind::kSpace) break;
    b += m.len;
  }
  while (e > b) {
    // Whitespace characters are 1-3 bytes and start with a non-continuation
    // byte, so the last character can be found from its lead byte.
    std::size_t k = 1;
    while (k <= 3 && k <= e - b && IsContinuation(p[e - k])) ++k;
    if (k > 3 || k > e - b) break;
    CharMatch m = ClassifyChar(p + e - k, k, /*eof=*/true, nullptr);
    if (m.kind != CharKind::kSpace || m.len != k) break;
    e -= k;
  }
  return text.substr(b, e - b);
}

// ------------------------------------------------------------- scanners

// The bytes a scanner stops at. A byte is "flagged" when it may start a
// character that changes the state machine: a control byte (LF, CR, tab, ...),
// an ASCII extra separator, or the lead byte of a non-ASCII whitespace or
// separator character (C2, E1, E2, E3 for the built-in sets; not C3, so
// French accents do not stop the scan). A space stops the scan only when
// the next byte is a space or flagged: " x" inside a headline is handled
// exactly like two token bytes (see TokenBytes).
struct ScanTables {
  static constexpr int kMaxCompareBytes = 16;
  bool flagged[256] = {};
  // Flagged bytes >= 0x20, compared one by one by the SIMD kernels; padded
  // with 0x00 (a control byte, already flagged) to a multiple of 4.
  std::uint8_t compare_bytes[kMaxCompareBytes] = {};
  int num_compare_bytes = 0;
  bool simd_ok = true;  // False when more than kMaxCompareBytes are needed.
};

// Interesting-byte mask of the 64 bytes at block[0..64); block[64] must be
// readable (it decides whether a space in the last lane stops the scan).
using BlockMaskFn = std::uint64_t (*)(const std::uint8_t*, const ScanTables&);

// Scalar reference: the first offset >= i that is interesting, or n.
std::size_t ScanScalar(const std::uint8_t* d, std::size_t i, std::size_t n,
                       const ScanTables& t) {
  for (; i < n; ++i) {
    const std::uint8_t c = d[i];
    if (t.flagged[c]) return i;
    if (c == ' ' && (i + 1 == n || d[i + 1] == ' ' || t.flagged[d[i + 1]])) {
      return i;
    }
  }
  return n;
}

#ifdef TICKERDEDUP_SPLITTER_X86

// Joins the 64-bit "flagged" and "space" masks of a block with the byte
// after it: a space stops the scan when the next byte is a space or flagged.
inline std::uint64_t InterestingMask(std::uint64_t flagged, std::uint64_t space,
                                     std::uint8_t next, const ScanTables& t) {
  const std::uint64_t next_stops =
      ((flagged | space) >> 1) |
      (static_cast<std::uint64_t>(t.flagged[next] || next == ' ') << 63);
  return flagged | (space & next_stops);
}

template <int kCompares>
std::uint64_t BlockMaskSse2(const std::uint8_t* block, const ScanTables& t) {
  const __m128i k1f = _mm_set1_epi8(0x1F);
  const __m128i kspace = _mm_set1_epi8(' ');
  std::uint64_t flagged = 0;
  std::uint64_t space = 0;
  for (int part = 0; part < 4; ++part) {
    const __m128i v =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * part));
    __m128i m = _mm_cmpeq_epi8(_mm_min_epu8(v, k1f), v);  // v <= 0x1F
    for (int k = 0; k < kCompares; ++k) {
      m = _mm_or_si128(
          m, _mm_cmpeq_epi8(
                 v, _mm_set1_epi8(static_cast<char>(t.compare_bytes[k]))));
    }
    flagged |= static_cast<std::uint64_t>(
                   static_cast<std::uint16_t>(_mm_movemask_epi8(m)))
               << (16 * part);
    space |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(
                 _mm_movemask_epi8(_mm_cmpeq_epi8(v, kspace))))
             << (16 * part);
  }
  return InterestingMask(flagged, space, block[64], t);
}

template <int kCompares>
__attribute__((target("avx2"))) std::uint64_t BlockMaskAvx2(
    const std::uint8_t* block, const ScanTables& t) {
  const __m256i k1f = _mm256_set1_epi8(0x1F);
  const __m256i kspace = _mm256_set1_epi8(' ');
  const __m256i lo =
      _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block));
  const __m256i hi =
      _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block + 32));
  __m256i mlo = _mm256_cmpeq_epi8(_mm256_min_epu8(lo, k1f), lo);
  __m256i mhi = _mm256_cmpeq_epi8(_mm256_min_epu8(hi, k1f), hi);
  for (int k = 0; k < kCompares; ++k) {
    const __m256i c = _mm256_set1_epi8(static_cast<char>(t.compare_bytes[k]));
    mlo = _mm256_or_si256(mlo, _mm256_cmpeq_epi8(lo, c));
    mhi = _mm256_or_si256(mhi, _mm256_cmpeq_epi8(hi, c));
  }
  const std::uint64_t flagged =
      static_cast<std::uint32_t>(_mm256_movemask_epi8(mlo)) |
      (static_cast<std::uint64_t>(
           static_cast<std::uint32_t>(_mm256_movemask_epi8(mhi)))
       << 32);
  const std::uint64_t space =
      static_cast<std::uint32_t>(
          _mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, kspace))) |
      (static_cast<std::uint64_t>(static_cast<std::uint32_t>(
           _mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, kspace))))
       << 32);
  return InterestingMask(flagged, space, block[64], t);
}

template <template <int> class Wrap>
BlockMaskFn PickCompares(int compares) {
  switch (compares) {
    case 0:
      return Wrap<0>::fn;
    case 4:
      return Wrap<4>::fn;
    case 8:
      return Wrap<8>::fn;
    case 12:
      return Wrap<12>::fn;
    default:
      return Wrap<16>::fn;
  }
}
template <int N>
struct Sse2Fn {
  static constexpr BlockMaskFn fn = &BlockMaskSse2<N>;
};
template <int N>
struct Avx2Fn {
  static constexpr BlockMaskFn fn = &BlockMaskAvx2<N>;
};

#endif  // TICKERDEDUP_SPLITTER_X86

BlockMaskFn BlockMaskFor(SplitKernel kernel, const ScanTables& t) {
#ifdef TICKERDEDUP_SPLITTER_X86
  if (t.simd_ok && SplitKernelSupported(kernel)) {
    if (kernel == SplitKernel::kAvx2) {
      return PickCompares<Avx2Fn>(t.num_compare_bytes);
    }
    if (kernel == SplitKernel::kSse2) {
      return PickCompares<Sse2Fn>(t.num_compare_bytes);
    }
  }
#else
  (void)kernel;
  (void)t;
#endif
  return nullptr;  // Scalar.
}

// Finds interesting bytes in one chunk. The SIMD kernels compute a 64-bit
// mask per block once and answer every later query inside that block from
// the mask, so a stop every ~25 bytes does not reload and recompare the
// block; the mask is a pure function of the bytes, so the answers are the
// scalar reference's.
//
// PERF NOTES (AMD EPYC, 2 shared cores, g++ 12 -O3; 16 MB tickers fed in
// 64 KiB chunks; bench/splitter_benchmark.cc):
//  - Data flow per 64-byte block: one unsigned "<= 0x1F" test (min+cmpeq),
//    one cmpeq per compare byte (4 for the built-in sets: C2 E1 E2 E3), one
//    cmpeq for ' ', movemask to two 64-bit words; the "space followed by a
//    space or flagged byte" rule is one shift, so block[64] is the only
//    scalar lookup.
//  - The seed ticker stops the scan every ~25 bytes (NBSP runs every ~80
//    bytes, « » and ’ in between). Rescanning the block from each stop
//    (first version) gave avx2 1.76 GB/s, sse2 1.62 GB/s. Caching the block
//    mask, trimming only cut pieces (uncut segments start and end on token
//    bytes) and deciding NBSP without the general decoder brought the seed
//    ticker to avx2 2.70, sse2 2.30, scalar 1.05 GB/s (CPU time, median of
//    3); memchr over the same buffer runs at ~57 GB/s (hot L3). Short
//    headlines cost more per byte: abc-2003 (39 bytes each) avx2 1.70 GB/s,
//    about 38 M segments/s, so the per-segment state machine and sink call,
//    not the scan, set the pace.
//  - Not flagging C3 (the lead byte of é, à, ç...) keeps French text on the
//    fast path; flagging every byte >= 0x80 would stop at every accent.
//  - The last < 65 bytes of a chunk go to the scalar loop: no read past the
//    end, no padding contract with the caller.
class Scanner {
 public:
  Scanner(BlockMaskFn block_mask, const ScanTables* tables)
      : block_mask_(block_mask), tables_(tables) {}

  void StartChunk() { base_ = kNoBlock; }

  // First interesting offset >= i in d[0..n), or n.
  std::size_t Next(const std::uint8_t* d, std::size_t i, std::size_t n) {
    if (block_mask_ == nullptr) return ScanScalar(d, i, n, *tables_);
    while (true) {
      if (i >= base_ && i - base_ < 64) {  // Inside the cached block.
        const std::uint64_t m = mask_ >> (i - base_);
        if (m != 0) return i + static_cast<std::size_t>(__builtin_ctzll(m));
        i = base_ + 64;
      }
      if (i >= n || n - i <= 64) return ScanScalar(d, i, n, *tables_);
      base_ = i;
      mask_ = block_mask_(d + i, *tables_);
    }
  }

 private:
  static constexpr std::size_t kNoBlock = ~std::size_t{0};
  BlockMaskFn block_mask_;
  const ScanTables* tables_;
  std::size_t base_ = kNoBlock;
  std::uint64_t mask_ = 0;
};

// Separator code points (sorted) for `options`; empty in kLines mode.
std::vector<std::uint32_t> SeparatorCodePoints(const SplitterOptions& options) {
  std::vector<std::uint32_t> seps;
  if (options.mode != SplitMode::kTicker) return seps;
  seps.assign(std::begin(kBullets), std::end(kBullets));
  const auto* p =
      reinterpret_cast<const std::uint8_t*>(options.extra_separators.data());
  const std::size_t n = options.extra_separators.size();
  for (std::size_t i = 0; i < n;) {
    CharMatch m = ClassifyChar(p + i, n - i, /*eof=*/true, nullptr);
    // Whitespace already splits; LF, controls and invalid bytes are not
    // meaningful separators, so they are ignored rather than reported.
    if (m.kind == CharKind::kToken &&
        (m.len > 1 || (p[i] >= 0x21 && p[i] < 0x80))) {
      std::uint32_t cp = p[i];
      if (m.len > 1) {
        cp = p[i] & (0x7Fu >> m.len);
        for (std::uint8_t k = 1; k < m.len; ++k)
          cp = (cp << 6) | (p[i + k] & 0x3F);
      }
      seps.push_back(cp);
    }
    i += m.len;
  }
  std::sort(seps.begin(), seps.end());
  seps.erase(std::unique(seps.begin(), seps.end()), seps.end());
  return seps;
}

ScanTables BuildScanTables(const std::vector<std::uint32_t>& seps) {
  ScanTables t;
  for (int b = 0; b < 0x20; ++b) t.flagged[b] = true;
  for (std::uint32_t cp : kWhitespaceAbove7F) t.flagged[LeadByte(cp)] = true;
  for (std::uint32_t cp : seps) t.flagged[LeadByte(cp)] = true;
  int count = 0;
  for (int b = 0x21; b < 256; ++b) {
    if (!t.flagged[b]) continue;
    if (count == ScanTables::kMaxCompareBytes) {
      t.simd_ok = false;
      break;
    }
    t.compare_bytes[count++] = static_cast<std::uint8_t>(b);
  }
  t.num_compare_bytes = (count + 3) / 4 * 4;
  return t;
}

}  // namespace

const char* SplitKernelName(SplitKernel kernel) {
  switch (kernel) {
    case SplitKernel::kScalar:
      return "scalar";
    case SplitKernel::kSse2:
      return "sse2";
    case SplitKernel::kAvx2:
      return "avx2";
  }
  return "scalar";
}

bool SplitKernelSupported(SplitKernel kernel) {
  switch (kernel) {
    case SplitKernel::kScalar:
      return true;
#ifdef TICKERDEDUP_SPLITTER_X86
    case SplitKernel::kSse2:
      return true;  // Baseline of x86-64.
    case SplitKernel::kAvx2:
      return __builtin_cpu_supports("avx2");
#else
    default:
      return false;
#endif
  }
  return false;
}

std::vector<SplitKernel> SupportedSplitKernels() {
  std::vector<SplitKernel> kernels;
  for (SplitKernel k :
       {SplitKernel::kScalar, SplitKernel::kSse2, SplitKernel::kAvx2}) {
    if (SplitKernelSupported(k)) kernels.push_back(k);
  }
  return kernels;
}

SplitKernel SelectSplitKernel() {
  SplitKernel want = SplitKernel::kAvx2;
  if (const char* env = std::getenv("TICKERDEDUP_FORCE_KERNEL")) {
    const std::string_view name(env);
    if (name == "scalar") want = SplitKernel::kScalar;
    if (name == "sse2") want = SplitKernel::kSse2;
  }
  for (SplitKernel k : {want, SplitKernel::kSse2, SplitKernel::kScalar}) {
    if (static_cast<int>(k) <= static_cast<int>(want) &&
        SplitKernelSupported(k)) {
      return k;
    }
  }
  return SplitKernel::kScalar;
}

std::vector<std::size_t> InterestingOffsets(SplitKernel kernel,
                                            std::string_view data,
                                            const SplitterOptions& options) {
  const ScanTables tables = BuildScanTables(SeparatorCodePoints(options));
  Scanner scanner(BlockMaskFor(kernel, tables), &tables);
  const auto* d = reinterpret_cast<const std::uint8_t*>(data.data());
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < data.size(); ++i) {
    i = scanner.Next(d, i, data.size());
    if (i < data.size()) offsets.push_back(i);
  }
  return offsets;
}

}  // namespace internal

using internal::CharKind;
using internal::CharMatch;

struct TickerSplitter::State {
  // Bytes a whitespace run may add beyond max_segment_bytes in kLines mode
  // before the content so far is emitted as a cut piece; in kTicker mode a
  // gap never holds more than one character (3 bytes).
  static constexpr std::size_t kGapSlack = 8;

  explicit State(const SplitterOptions& options)
      : mode(options.mode),
        // A piece must hold at least one whole character (<= 4 bytes).
        max_bytes(std::max<std::size_t>(options.max_segment_bytes, 4)),
        separator_cps(internal::SeparatorCodePoints(options)),
        separators(separator_cps),
        tables(internal::BuildScanTables(separator_cps)),
        scanner(internal::BlockMaskFor(internal::SelectSplitKernel(), tables),
                &tables) {
    held.reserve(std::min<std::size_t>(max_bytes, 1 << 20) + 64);
  }

  CharMatch Classify(const std::uint8_t* p, std::size_t avail, bool eof) const {
    return internal::ClassifyChar(
        p, avail, eof, separator_cps.empty() ? nullptr : &separators);
  }

  std::uint8_t ByteAt(std::uint64_t x) const {
    return x >= chunk_abs ? chunk[x - chunk_abs] : held[x - held_abs];
  }

  // Bytes [a, b) of the stream as one contiguous view. Bytes before the
  // current chunk live in `held`; if the slice straddles the chunk start,
  // the chunk part is appended to `held` (at most max_bytes + slack).
  std::string_view View(std::uint64_t a, std::uint64_t b) {
    if (a >= chunk_abs) {
      return {reinterpret_cast<const char*>(chunk) + (a - chunk_abs), b - a};
    }
    const std::uint64_t held_end = held_abs + held.size();
    if (b > held_end) {
      held.append(reinterpret_cast<const char*>(chunk) + (held_end - chunk_abs),
                  b - held_end);
    }
    return {held.data() + (a - held_abs), b - a};
  }

  // Drops held bytes no longer reachable from the open segment.
  void ReleaseHeld() {
    if (held.empty()) return;
    const std::uint64_t keep =
        seg_open ? seg_start : std::numeric_limits<std::uint64_t>::max();
    if (keep >= chunk_abs) {
      held.clear();
      held_abs = chunk_abs;
    } else if (keep > held_abs) {
      held.erase(0, keep - held_abs);
      held_abs = keep;
    }
  }

  void Emit(std::uint64_t a, std::uint64_t b, bool cut) {
    if (b <= a) return;
    std::string_view text = View(a, b);
    // An uncut segment starts and ends with token bytes; only pieces (and
    // the rest of a segment after a piece) can have whitespace at an edge.
    if (cut) text = internal::TrimSpaces(text);
    if (text.empty() || !*sink) return;
    (*sink)(Segment{text, cut, seg_line});
  }

  // Ends the open segment (line break, whitespace run, separator token).
  void Boundary() {
    if (seg_open) {
      Emit(seg_start, content_end, seg_cut);
      seg_open = false;
      ReleaseHeld();
    }
    seg_cut = false;
  }

  // Emits the first piece of an over-long segment. `a` starts the token run
  // being added; `bytewise` means the run is made of one-byte steps (any
  // byte of it may be the first to overflow), otherwise it is one character.
  void Cut(std::uint64_t a, bool bytewise) {
    const std::uint64_t limit = seg_start + max_bytes;
    const std::uint64_t first_over = bytewise ? std::max(a, limit) : a;
    const std::uint64_t hi = std::min(first_over, limit);
    const std::uint64_t lo = hi >= seg_start + 4 ? hi - 3 : seg_start + 1;
    // Prefer a UTF-8 character boundary within the last 3 bytes; invalid
    // input without one is cut at `hi` anyway so memory stays bounded.
    std::uint64_t p = hi;
    for (std::uint64_t x = hi; x >= lo; --x) {
      if (!internal::IsContinuation(ByteAt(x))) {
        p = x;
        break;
      }
      if (x == lo) break;
    }
    Emit(seg_start, p, /*cut=*/true);
    seg_cut = true;
    seg_start = p;
    content_end = std::max(content_end, p);
    ReleaseHeld();
  }

  // Adds token bytes [a, b): one separator character (sep), or non-separator
  // bytes. Feeding a non-separator run at once or byte by byte gives the
  // same result, which is what lets the scanners skip over runs.
  void TokenBytes(std::uint64_t a, std::uint64_t b, bool sep, bool bytewise) {
    if (!in_token) {
      in_token = true;
      token_all_sep = sep;
      if (!seg_open) {
        seg_open = true;
        seg_start = a;
        content_end = a;
        seg_line = line;
      }
    } else if (!sep) {
      token_all_sep = false;
    }
    while (b - seg_start > max_bytes) Cut(a, bytewise);
    if (!token_all_sep) content_end = b;
  }

  void Space(std::uint64_t b) {
    if (in_token) {
      in_token = false;
      gap_spaces = 0;
      if (token_all_sep) Boundary();  // A separator token ends the segment.
    }
    ++gap_spaces;
    if (mode == SplitMode::kTicker) {
      if (gap_spaces >= 2) Boundary();
    } else if (seg_open && b - seg_start > max_bytes + kGapSlack) {
      // kLines keeps whitespace runs inside segments; a run this long would
      // grow memory, so the content so far goes out as a cut piece.
      Emit(seg_start, content_end, /*cut=*/true);
      seg_open = false;
      seg_cut = true;
      ReleaseHeld();
    }
  }

  void LineBreak() {
    in_token = false;
    Boundary();
    gap_spaces = 0;
    ++line;
  }

  void Dispatch(CharMatch m, std::uint64_t a) {
    switch (m.kind) {
      case CharKind::kLineBreak:
        LineBreak();
        break;
      case CharKind::kSpace:
        Space(a + m.len);
        break;
      case CharKind::kSeparator:
        TokenBytes(a, a + m.len, /*sep=*/true, /*bytewise=*/false);
        break;
      case CharKind::kToken:
      case CharKind::kNeedMore:
        TokenBytes(a, a + m.len, /*sep=*/false, /*bytewise=*/true);
        break;
    }
  }

  // Handles the character at d[i]; returns the offset after it.
  std::size_t Step(const std::uint8_t* d, std::size_t i, std::size_t n) {
    const std::uint8_t c = d[i];
    const std::uint64_t a = chunk_abs + i;
    if (!tables.flagged[c]) {
      if (c == ' ') {
        Space(a + 1);
        return i + 1;
      }
      // A token byte and the run the scanner skips after it go in one
      // TokenBytes call (the same as byte by byte, see there): the first
      // byte of every headline used to cost a call of its own.
      const std::size_t j = scanner.Next(d, i + 1, n);
      TokenBytes(a, chunk_abs + j, /*sep=*/false, /*bytewise=*/true);
      return j;
    }
    // LF ends every line of a lines-format feed: no decoding needed.
    if (c == '\n') {
      LineBreak();
      return i + 1;
    }
    // NBSP glues most tickers (4 per headline on the seed page): decided
    // here without the general decoder.
    if (c == 0xC2 && n - i >= 2 && d[i + 1] == 0xA0) {
      Space(a + 2);
      return i + 2;
    }
    const CharMatch m = Classify(d + i, n - i, /*eof=*/false);
    if (m.kind == CharKind::kNeedMore) {
      // Decided by the next Feed (or Finish); the bytes stay in `held`.
      carry_abs = a;
      carry_len = n - i;
      return n;
    }
    Dispatch(m, a);
    return i + m.len;
  }

  // Decides the character left incomplete at the end of the previous chunk.
  // Returns how many bytes of the current chunk it consumed.
  std::size_t ResolveCarry(bool eof) {
    std::uint8_t tmp[8];
    const std::size_t carried = carry_len;
    for (std::size_t k = 0; k < carried; ++k) tmp[k] = ByteAt(carry_abs + k);
    const std::size_t take = std::min<std::size_t>(chunk_n, 4 - carried);
    if (take > 0) std::memcpy(tmp + carried, chunk, take);
    const CharMatch m = Classify(tmp, carried + take, eof);
    if (m.kind == CharKind::kNeedMore) {
      carry_len += take;  // take == chunk_n here: the chunk is all prefix.
      return take;
    }
    const std::uint64_t at = carry_abs;
    carry_len = 0;
    Dispatch(m, at);
    // Bytes of a rejected prefix are continuation bytes: plain token bytes.
    if (m.len < carried) {
      TokenBytes(at + m.len, at + carried, /*sep=*/false, /*bytewise=*/true);
      return 0;
    }
    return m.len - carried;
  }

  void Feed(std::string_view text, const SegmentSink& out) {
    sink = &out;
    chunk = reinterpret_cast<const std::uint8_t*>(text.data());
    chunk_n = text.size();
    const std::uint8_t* d = chunk;
    const std::size_t n = chunk_n;
    std::size_t i = 0;
    scanner.StartChunk();
    if (carry_len > 0) i = ResolveCarry(/*eof=*/false);
    // Hot loop (see PERF NOTES above class Scanner): inside a word the
    // scanner skips to the next interesting byte; everything else is one
    // character per Step.
    while (i < n) {
      if (mode == SplitMode::kLines && AtLineStart()) {
        i = WholeLines(d, i, n);
        if (i == n) break;
      }
      if (in_token && !token_all_sep) {
        const std::size_t j = scanner.Next(d, i, n);
        if (j != i) {
          TokenBytes(chunk_abs + i, chunk_abs + j, false, true);
          i = j;
          if (i == n) break;
        }
      }
      i = Step(d, i, n);
    }
    KeepTail();
  }

  // Nothing of the current line seen yet (kLines): the state LineBreak
  // leaves, or a fresh splitter's.
  bool AtLineStart() const {
    return !seg_open && !in_token && !seg_cut && carry_len == 0 &&
           gap_spaces == 0;
  }

  // kLines, from a line start: emits every line that ends in d[i, n) and
  // needs no cut piece, and returns where the state machine takes over (a
  // longer line, or the last, unfinished one), or n.
  //
  // PERF NOTES: in kLines whitespace inside a line is kept verbatim, so the
  // segment of a line no longer than max_bytes is the line with Unicode
  // whitespace trimmed at both ends (what the state machine finds one
  // token and gap at a time). memchr finds the LF. On the generated 1M feed
  // (61-byte lines; perf, `--split lines --match exact`) the splitter went
  // from 9-10% of the CLI run (Feed with two Steps and a scan a line, the
  // AVX2 block masks) to 6-7% (memchr 3.5-4%, most of it the first touch
  // of the bytes, TrimSpaces 1.5%, Feed 1.5%), 5% less time overall.
  std::size_t WholeLines(const std::uint8_t* d, std::size_t i, std::size_t n) {
    const bool has_sink = static_cast<bool>(*sink);
    while (i < n) {
      const auto* lf =
          static_cast<const std::uint8_t*>(std::memchr(d + i, '\n', n - i));
      if (lf == nullptr) return i;
      const auto e = static_cast<std::size_t>(lf - d);
      if (e - i > max_bytes) return i;
      const std::string_view text =
          internal::TrimSpaces({reinterpret_cast<const char*>(d) + i, e - i});
      if (!text.empty() && has_sink) (*sink)(Segment{text, false, line});
      ++line;
      i = e + 1;
    }
    return i;
  }

  // Copies what the next chunk still needs (open segment, carried prefix)
  // into `held`; the caller's chunk is not referenced after Feed returns.
  void KeepTail() {
    const std::uint64_t end = chunk_abs + chunk_n;
    std::uint64_t keep = std::numeric_limits<std::uint64_t>::max();
    if (seg_open) keep = seg_start;
    if (carry_len > 0) keep = std::min(keep, carry_abs);
    const char* c = reinterpret_cast<const char*>(chunk);
    if (keep >= end) {
      held.clear();
      held_abs = end;
    } else if (keep >= chunk_abs) {
      held.assign(c + (keep - chunk_abs), end - keep);
      held_abs = keep;
    } else {
      held.erase(0, keep - held_abs);
      held_abs = keep;
      const std::uint64_t held_end = held_abs + held.size();
      if (held_end < end)
        held.append(c + (held_end - chunk_abs), end - held_end);
    }
    chunk_abs = end;
    chunk = nullptr;
    chunk_n = 0;
  }

  void Finish(const SegmentSink& out) {
    sink = &out;
    chunk = nullptr;
    chunk_n = 0;
    if (carry_len > 0) ResolveCarry(/*eof=*/true);
    in_token = false;
    Boundary();
    Reset();
  }

  void Reset() {
    chunk_abs = 0;
    held.clear();
    held_abs = 0;
    seg_open = seg_cut = in_token = token_all_sep = false;
    seg_start = content_end = 0;
    seg_line = line = 1;
    gap_spaces = 0;
    carry_len = 0;
    carry_abs = 0;
  }

  const SplitMode mode;
  const std::size_t max_bytes;
  const std::vector<std::uint32_t> separator_cps;  // Empty in kLines.
  const internal::SeparatorSet separators;
  const internal::ScanTables tables;
  internal::Scanner scanner;

  const SegmentSink* sink = nullptr;
  const std::uint8_t* chunk = nullptr;  // Current chunk, during Feed only.
  std::size_t chunk_n = 0;
  std::uint64_t chunk_abs = 0;  // Stream offset of chunk[0] (or of the end).
  std::string held;             // Stream bytes [held_abs, held_abs + size).
  std::uint64_t held_abs = 0;

  bool seg_open = false;  // A token of the current segment has been seen.
  bool seg_cut = false;   // The current segment already emitted a piece.
  std::uint64_t seg_start = 0;
  std::uint64_t content_end = 0;  // End of the last non-separator token byte.
  std::uint64_t seg_line = 1;
  bool in_token = false;
  bool token_all_sep = false;  // The current token is separators only.
  int gap_spaces = 0;          // Whitespace characters since the last token.
  std::uint64_t line = 1;
  std::size_t carry_len = 0;  // Undecided multi-byte prefix at chunk end.
  std::uint64_t carry_abs = 0;
};

TickerSplitter::TickerSplitter(const SplitterOptions& options)
    : state_(new State(options)) {}

TickerSplitter::~TickerSplitter() { delete state_; }

void TickerSplitter::Feed(std::string_view chunk, const SegmentSink& sink) {
  state_->Feed(chunk, sink);
}

void TickerSplitter::Finish(const SegmentSink& sink) { state_->Finish(sink); }

std::size_t TickerSplitter::buffered_bytes() const {
  return state_->held.size();
}

}  // namespace tickerdedup
