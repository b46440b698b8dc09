// Lexicon loading: one mapping, then either the index file's tables mapped
// (MapIndex) or one pass over the lines, no per-entry allocation beyond the
// index vectors (16 bytes per entry).
#include "lexicon.h"

#include <fcntl.h>
#include <libstemmer.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "mapped_memory.h"
#include "prefetch.h"
#include "word_hash.h"

namespace tickerdedup::internal {
namespace {

constexpr std::array<std::string_view, kNumLexLangs> kLexCodes = {
    "fra", "spa", "por", "ita", "deu", "acr", "eng", "cty"};

// Snowball algorithm names of the five languages (LexLang order). The
// builder stems headwords with the same library (ctypes), so the stems agree.
constexpr std::array<const char*, 5> kStemmerNames = {
    "french", "spanish", "portuguese", "italian", "german"};

// EnglishStem's memo: words of up to kStemMemoBytes bytes, in
// kStemMemoSlots slots of 2 * kStemMemoBytes + 2 bytes (2.1 MiB per thread
// that stems, touched as used). Language id asks for the stem of every
// word of an English headline (EnglishVocabulary): with 2^13 slots the
// 200k feed's 757k stems cost 619M instructions, with 2^16 242M (peak RSS
// +1.9 MiB).
constexpr std::size_t kStemMemoBytes = 16;
constexpr std::size_t kStemMemoSlots = std::size_t{1} << 16;
// A per-thread memo of yes/no answers about short words (HasEnglishWord,
// HasWord): direct-mapped, keyed by a lexicon's id, a tag (the language
// asked) and the word; 2^15 slots of 32 bytes (1 MiB per thread that asks,
// touched as used). Longer words are answered each time.
class WordAnswerMemo {
 public:
  template <typename Answer>
  bool Get(std::uint64_t lexicon, std::uint8_t tag, std::string_view word,
           Answer answer) {
    if (word.size() > kStemMemoBytes) return answer();
    if (slots_.empty()) slots_ = ZeroedArray<Slot>(kSlots);
    Slot& slot =
        slots_[(WordHash()(word) + tag * 0x9E3779B97F4A7C15ull) & (kSlots - 1)];
    if (slot.lexicon == lexicon && slot.tag == tag && slot.len == word.size() &&
        std::memcmp(slot.word, word.data(), word.size()) == 0) {
      return slot.has;
    }
    const bool has = answer();
    slot.lexicon = lexicon;
    slot.len = static_cast<std::uint8_t>(word.size());
    slot.tag = tag;
    slot.has = has;
    std::memcpy(slot.word, word.data(), word.size());
    return has;
  }

 private:
  static constexpr std::size_t kSlots = std::size_t{1} << 15;
  struct Slot {
    std::uint64_t lexicon = 0;  // Lexicon::id(); 0: empty
    std::uint8_t len = 0;
    std::uint8_t tag = 0;
    bool has = false;
    char word[kStemMemoBytes];
  };
  // The kernel's zero pages until written (an all-zero slot is empty): a
  // short run faults in the few pages it uses, not all 256 at once (~3 ms
  // of a default-mode start on this project's VMs; mapped_memory.h).
  ZeroedArray<Slot> slots_;
};

// Writes Lexicon::kStemMark + the Snowball stem of folded `word` into buf
// and returns it; empty when no stemmer is available. sb_stemmer is not
// thread-safe: one set per thread.
std::string_view StemKey(LexLang lang, std::string_view word, char* buf,
                         std::size_t cap) {
  struct Stemmers {
    std::array<sb_stemmer*, 5> s{};
    Stemmers() {
      for (std::size_t i = 0; i < s.size(); ++i) {
        s[i] = sb_stemmer_new(kStemmerNames[i], "UTF_8");
      }
    }
    ~Stemmers() {
      for (sb_stemmer* st : s) {
        if (st != nullptr) sb_stemmer_delete(st);
      }
    }
  };
  thread_local Stemmers stemmers;
  const int l = static_cast<int>(lang);
  if (l >= 5 || stemmers.s[l] == nullptr || word.size() > 64 || cap < 1) {
    return {};
  }
  // A hyphenated compound is stemmed part by part, joined by hyphens
  // ("chauves-souris" and "chauve-souris" meet), as the lexicon builder
  // keys its rows (tools/build_lexicon.py, Stemmers.stem).
  buf[0] = Lexicon::kStemMark;
  std::size_t n = 1;
  for (std::size_t at = 0; at <= word.size();) {
    const std::size_t hyphen = std::min(word.find('-', at), word.size());
    const std::string_view part = word.substr(at, hyphen - at);
    const sb_symbol* out = sb_stemmer_stem(
        stemmers.s[l], reinterpret_cast<const sb_symbol*>(part.data()),
        static_cast<int>(part.size()));
    if (out == nullptr) return {};
    const auto len = static_cast<std::size_t>(sb_stemmer_length(stemmers.s[l]));
    if (n + len + (hyphen < word.size()) > cap) return {};
    std::memcpy(buf + n, out, len);
    n += len;
    if (hyphen < word.size()) buf[n++] = '-';
    at = hyphen + 1;
  }
  return std::string_view(buf, n);
}

}  // namespace

std::string_view EnglishStem(std::string_view word) {
  struct Stemmer {
    sb_stemmer* s = sb_stemmer_new("english", "UTF_8");
    ~Stemmer() {
      if (s != nullptr) sb_stemmer_delete(s);
    }
  };
  thread_local Stemmer stemmer;
  // An empty word stems to itself, and is no memo key (an empty slot).
  if (stemmer.s == nullptr || word.empty() || word.size() > 64) return word;
  // A per-thread memo of short words' stems (direct-mapped: a new word
  // replaces the slot's old one). The same English words come back as
  // pivots of many foreign words and as words of many headlines, and a
  // Snowball stem costs ~2k instructions (5% of the default mode's).
  struct Slot {
    std::uint8_t word_len = 0;  // 0: empty
    std::uint8_t stem_len = 0;
    char word[kStemMemoBytes];
    char stem[kStemMemoBytes];
  };
  // 2.2 MiB per thread, the kernel's zero pages until written (an all-zero
  // slot is empty), on huge pages from the first 2 MiB boundary
  // (mapped_memory.h).
  thread_local ZeroedArray<Slot> memo(kStemMemoSlots);
  Slot* slot = nullptr;
  if (word.size() <= kStemMemoBytes) {
    slot = &memo[WordHash()(word) & (kStemMemoSlots - 1)];
    if (slot->word_len == word.size() &&
        std::memcmp(slot->word, word.data(), word.size()) == 0) {
      return std::string_view(slot->stem, slot->stem_len);
    }
  }
  const sb_symbol* out = sb_stemmer_stem(
      stemmer.s, reinterpret_cast<const sb_symbol*>(word.data()),
      static_cast<int>(word.size()));
  if (out == nullptr) return word;
  const std::string_view stem(
      reinterpret_cast<const char*>(out),
      static_cast<std::size_t>(sb_stemmer_length(stemmer.s)));
  if (slot == nullptr || stem.size() > kStemMemoBytes) return stem;
  slot->word_len = static_cast<std::uint8_t>(word.size());
  slot->stem_len = static_cast<std::uint8_t>(stem.size());
  std::memcpy(slot->word, word.data(), word.size());
  std::memcpy(slot->stem, stem.data(), stem.size());
  return std::string_view(slot->stem, slot->stem_len);
}

std::uint64_t Lexicon::NextId() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

// The codes packed into integers: Index parses one per lexicon line (570k
// lines), and eight string_view compares of a 3-byte code (each a memcmp
// call) were two thirds of the lexicon's load time.
constexpr std::uint32_t PackLexCode(std::string_view code) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(code[0])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(code[1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(code[2])) << 16;
}

constexpr std::array<std::uint32_t, kNumLexLangs> kPackedLexCodes = [] {
  std::array<std::uint32_t, kNumLexLangs> packed{};
  for (int i = 0; i < kNumLexLangs; ++i) {
    packed[i] = PackLexCode(kLexCodes[i]);
  }
  return packed;
}();

bool ParseLexLang(std::string_view code, LexLang* lang) {
  static_assert(std::all_of(kLexCodes.begin(), kLexCodes.end(),
                            [](std::string_view c) { return c.size() == 3; }));
  if (code.size() != 3) return false;
  const std::uint32_t packed = PackLexCode(code);
  for (int i = 0; i < kNumLexLangs; ++i) {
    if (kPackedLexCodes[i] == packed) {
      *lang = static_cast<LexLang>(i);
      return true;
    }
  }
  return false;
}

void Lexicon::Unmap::operator()(const char* p) const {
  munmap(const_cast<char*>(p), size);
}

std::unique_ptr<Lexicon> Lexicon::Load(const std::string& path,
                                       std::string* error) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot open lexicon '" + path + "'";
    return nullptr;
  }
  std::unique_ptr<Lexicon> lexicon(new Lexicon);
  // A regular file is mapped, not read: reading copied its 31 MB into a
  // zero-filled string, half of a default-mode start's 90 ms (system
  // time). An installed lexicon is not rewritten while a process reads it
  // (a package upgrade replaces the file, and the mapping keeps the old
  // one). With a matching index file (MapIndex) only the pages lookups
  // touch are read; without one, Index reads them all, so the file is
  // mapped again with its pages at once (MAP_POPULATE).
  struct stat st;
  bool failed = fstat(fd, &st) != 0;
  if (!failed && S_ISREG(st.st_mode) && st.st_size > 0 &&
      static_cast<std::uint64_t>(st.st_size) <= 0xFFFFFFFFu) {
    const auto size = static_cast<std::size_t>(st.st_size);
    for (const int flags : {MAP_PRIVATE, MAP_PRIVATE | MAP_POPULATE}) {
      void* p = mmap(nullptr, size, PROT_READ, flags, fd, 0);
      if (p == MAP_FAILED) break;
      lexicon->mapped_ = std::unique_ptr<const char, Unmap>(
          static_cast<const char*>(p), Unmap{size});
      lexicon->data_ = std::string_view(lexicon->mapped_.get(), size);
      if (flags == MAP_PRIVATE && !lexicon->MapIndex(path, st)) continue;
      break;
    }
  }
  if (!failed && lexicon->mapped_ == nullptr) {
    // Not mappable (a pipe, an empty or huge file): read it whole.
    char buffer[1 << 16];
    for (;;) {
      const ssize_t n = read(fd, buffer, sizeof(buffer));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        failed = n < 0;
        break;
      }
      lexicon->owned_.append(buffer, static_cast<std::size_t>(n));
    }
    lexicon->data_ = lexicon->owned_;
  }
  close(fd);
  if (failed) {
    *error = "cannot read lexicon '" + path + "'";
    return nullptr;
  }
  if (!lexicon->from_index() && !lexicon->Index(error)) {
    *error = "lexicon '" + path + "': " + *error;
    return nullptr;
  }
  return lexicon;
}

namespace {

// The index file (Lexicon::kIndexSuffix): this header, then each
// language's entries (Entry as laid out in memory, padding zeroed), then
// each language's kBuckets + 1 bucket starts, then each language's exact
// table; native byte order (the file is built and read on one machine).
struct IndexHeader {
  char magic[8];
  std::uint32_t version;
  std::uint32_t entry_size;
  std::uint32_t num_langs;
  std::uint32_t buckets;
  std::uint64_t tsv_size;
  std::int64_t tsv_mtime_sec;
  std::uint64_t tsv_sample_hash;  // SampleHash of the TSV
  std::uint64_t entries[kNumLexLangs];
  std::uint64_t exact[kNumLexLangs];
  std::uint32_t exact_bits[kNumLexLangs];
};
constexpr char kIndexMagic[8] = {'T', 'D', 'L', 'X', 'I', 'D', 'X', '\n'};
constexpr std::uint32_t kIndexVersion = 1;

// XXH3 of 64 blocks of 4 KiB spread over `data`, its first and last among
// them (256 KiB read, however large the file): with the size and the
// modification time's seconds (installs and packages keep no finer time),
// what tells an index from one of another version of its TSV without
// reading all 31 MB.
std::uint64_t SampleHash(std::string_view data) {
  constexpr std::size_t kBlocks = 64, kBlock = 4096;
  const std::size_t block = std::min(kBlock, data.size());
  std::uint64_t hash = data.size();
  for (std::size_t i = 0; i < kBlocks; ++i) {
    const std::size_t at = (data.size() - block) / (kBlocks - 1) * i;
    hash = XXH3_64bits_withSeed(data.data() + at, block, hash);
  }
  return hash;
}

}  // namespace

bool Lexicon::MapIndex(const std::string& path, const struct stat& st) {
  static_assert(sizeof(Entry) == 12 && alignof(Entry) == 4);
  static_assert(sizeof(IndexHeader) % 8 == 0);
  const std::string index_path = path + std::string(kIndexSuffix);
  const int fd = open(index_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat ist;
  void* p = MAP_FAILED;
  std::size_t size = 0;
  if (fstat(fd, &ist) == 0 && S_ISREG(ist.st_mode) &&
      static_cast<std::uint64_t>(ist.st_size) >= sizeof(IndexHeader)) {
    size = static_cast<std::size_t>(ist.st_size);
    p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  close(fd);
  if (p == MAP_FAILED) return false;
  std::unique_ptr<const char, Unmap> mapped(static_cast<const char*>(p),
                                            Unmap{size});
  IndexHeader h;
  std::memcpy(&h, mapped.get(), sizeof(h));
  const auto tsv_size = static_cast<std::uint64_t>(st.st_size);
  if (std::memcmp(h.magic, kIndexMagic, sizeof(kIndexMagic)) != 0 ||
      h.version != kIndexVersion || h.entry_size != sizeof(Entry) ||
      h.num_langs != kNumLexLangs || h.buckets != kBuckets + 1 ||
      h.tsv_size != tsv_size || h.tsv_mtime_sec != st.st_mtim.tv_sec ||
      h.tsv_sample_hash != SampleHash(data_)) {
    return false;
  }
  // Sizes first (each count bounded by the file, so no sum overflows),
  // then every offset and index the lookups follow.
  std::uint64_t want = sizeof(IndexHeader);
  for (int l = 0; l < kNumLexLangs; ++l) {
    if (h.entries[l] > size / sizeof(Entry) || h.exact[l] > size / 4 ||
        h.exact[l] < 2 || !std::has_single_bit(h.exact[l]) ||
        h.exact_bits[l] !=
            static_cast<std::uint32_t>(std::bit_width(h.entries[l])) ||
        h.exact_bits[l] > 31) {
      return false;
    }
    want += h.entries[l] * sizeof(Entry) + (kBuckets + 1) * 4 + h.exact[l] * 4;
  }
  if (want != size) return false;
  const char* at = mapped.get() + sizeof(IndexHeader);
  std::array<std::span<const Entry>, kNumLexLangs> entries;
  std::array<std::span<const std::uint32_t>, kNumLexLangs> buckets, exact;
  // PERF NOTES: the checks read the whole index (20 MB) at every start of
  // the default mode: 68% of a one-headline run's instructions with an
  // early return per element. Each loop now folds its verdict without a
  // branch: the exact tables' and the bucket starts' loops vectorize (SSE2,
  // 4 slots a step), the entries' keeps a running maximum. A one-headline
  // run: 52.4M -> 39.1M instructions, ~9 ms less (bench/RESULTS.md,
  // session 48).
  for (int l = 0; l < kNumLexLangs; ++l) {
    entries[l] = {reinterpret_cast<const Entry*>(at), h.entries[l]};
    at += h.entries[l] * sizeof(Entry);
    std::uint64_t end = 0;  // the furthest byte a word or pivot list ends at
    for (const Entry& e : entries[l]) {
      end = std::max(end, std::uint64_t{e.word_at} + e.word_len);
      end = std::max(end, std::uint64_t{e.pivots_at} + e.pivots_len);
    }
    if (end > tsv_size) return false;
  }
  for (int l = 0; l < kNumLexLangs; ++l) {
    buckets[l] = {reinterpret_cast<const std::uint32_t*>(at), kBuckets + 1};
    at += (kBuckets + 1) * 4;
    if (buckets[l][0] != 0 || buckets[l][kBuckets] != h.entries[l]) {
      return false;
    }
    const std::uint32_t* starts = buckets[l].data();
    std::uint32_t descends = 0;
    for (int b = 0; b < kBuckets; ++b) descends |= starts[b] > starts[b + 1];
    if (descends != 0) return false;
  }
  for (int l = 0; l < kNumLexLangs; ++l) {
    exact[l] = {reinterpret_cast<const std::uint32_t*>(at), h.exact[l]};
    at += h.exact[l] * 4;
    // Every probe run ends at an empty slot, and every index is an entry:
    // an occupied slot's index, less one, is below the entry count (an
    // index of 0 wraps around and fails too).
    const std::uint32_t index_mask = (std::uint32_t{1} << h.exact_bits[l]) - 1;
    // Below 2^31: exact_bits, its bit width, is at most 31 (above).
    const auto num_entries = static_cast<std::uint32_t>(h.entries[l]);
    std::uint32_t empty = 0, bad = 0;
    for (std::uint32_t v : exact[l]) {
      const std::uint32_t i = v & index_mask;
      empty |= v == 0;
      bad |= (v != 0) & (i - 1 >= num_entries);
    }
    if (bad != 0 || empty == 0) return false;
  }
  for (int l = 0; l < kNumLexLangs; ++l) {
    entries_[l] = entries[l];
    buckets_[l] = buckets[l];
    exact_[l] = exact[l];
    exact_bits_[l] = static_cast<int>(h.exact_bits[l]);
  }
  index_mapped_ = std::move(mapped);
  return true;
}

bool Lexicon::WriteIndex(const std::string& path, std::string* error) const {
  struct stat st;
  if (stat(path.c_str(), &st) != 0 ||
      static_cast<std::uint64_t>(st.st_size) != data_.size()) {
    *error =
        "lexicon '" + path + "' is not the file this lexicon was read from";
    return false;
  }
  IndexHeader h{};
  std::memcpy(h.magic, kIndexMagic, sizeof(kIndexMagic));
  h.version = kIndexVersion;
  h.entry_size = sizeof(Entry);
  h.num_langs = kNumLexLangs;
  h.buckets = kBuckets + 1;
  h.tsv_size = data_.size();
  h.tsv_mtime_sec = st.st_mtim.tv_sec;
  h.tsv_sample_hash = SampleHash(data_);
  for (int l = 0; l < kNumLexLangs; ++l) {
    h.entries[l] = entries_[l].size();
    h.exact[l] = exact_[l].size();
    h.exact_bits[l] = static_cast<std::uint32_t>(exact_bits_[l]);
  }
  std::string out(reinterpret_cast<const char*>(&h), sizeof(h));
  for (int l = 0; l < kNumLexLangs; ++l) {
    for (const Entry& e : entries_[l]) {
      // Field by field: the struct's padding byte is written as zero, so
      // the file depends only on the lexicon.
      char row[sizeof(Entry)] = {};
      std::memcpy(row + offsetof(Entry, word_at), &e.word_at, 4);
      std::memcpy(row + offsetof(Entry, pivots_at), &e.pivots_at, 4);
      std::memcpy(row + offsetof(Entry, pivots_len), &e.pivots_len, 2);
      std::memcpy(row + offsetof(Entry, word_len), &e.word_len, 1);
      out.append(row, sizeof(row));
    }
  }
  for (int l = 0; l < kNumLexLangs; ++l) {
    out.append(reinterpret_cast<const char*>(buckets_[l].data()),
               buckets_[l].size() * 4);
  }
  for (int l = 0; l < kNumLexLangs; ++l) {
    out.append(reinterpret_cast<const char*>(exact_[l].data()),
               exact_[l].size() * 4);
  }
  const std::string index_path = path + std::string(kIndexSuffix);
  const std::string tmp = index_path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  bool ok =
      f != nullptr && std::fwrite(out.data(), 1, out.size(), f) == out.size();
  if (f != nullptr) ok = std::fclose(f) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), index_path.c_str()) != 0) {
    std::remove(tmp.c_str());
    *error = "cannot write lexicon index '" + index_path + "'";
    return false;
  }
  return true;
}

std::unique_ptr<Lexicon> Lexicon::FromString(std::string contents,
                                             std::string* error) {
  std::unique_ptr<Lexicon> lexicon(new Lexicon);
  lexicon->owned_ = std::move(contents);
  lexicon->data_ = lexicon->owned_;
  if (!lexicon->Index(error)) return nullptr;
  return lexicon;
}

bool Lexicon::Index(std::string* error) {
  const std::string_view data(data_);
  if (data.size() > 0xFFFFFFFFu) {  // Entry's 32-bit offsets
    *error = "over 4 GiB";
    return false;
  }
  std::size_t pos = 0;
  int line_no = 0;
  while (pos < data.size()) {
    std::size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 =
        t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    LexLang lang;
    if (t2 == std::string_view::npos || t1 == 0 || t2 == t1 + 1 ||
        t2 + 1 >= line.size() || !ParseLexLang(line.substr(0, t1), &lang)) {
      *error = "malformed line " + std::to_string(line_no) +
               " (want lang<TAB>word<TAB>pivots, lang one of fra spa por ita "
               "deu acr eng cty)";
      return false;
    }
    const std::size_t word_len = t2 - t1 - 1;
    const std::size_t pivots_len = line.size() - t2 - 1;
    if (word_len > 0xFF || pivots_len > 0xFFFF) {
      *error = "line " + std::to_string(line_no) +
               ": word over 255 bytes or pivots over 65535";
      return false;
    }
    const auto at = static_cast<std::size_t>(line.data() - data.data());
    entries_owned_[static_cast<int>(lang)].push_back(
        {static_cast<std::uint32_t>(at + t1 + 1),
         static_cast<std::uint32_t>(at + t2 + 1),
         static_cast<std::uint16_t>(pivots_len),
         static_cast<std::uint8_t>(word_len)});
  }
  for (int l = 0; l < kNumLexLangs; ++l) {
    auto& entries = entries_owned_[l];
    // The builder writes sorted files; sort anyway when someone did not.
    const auto by_word = [this](const Entry& a, const Entry& b) {
      return WordOf(a) < WordOf(b);
    };
    if (!std::is_sorted(entries.begin(), entries.end(), by_word)) {
      std::stable_sort(entries.begin(), entries.end(), by_word);
    }
    // Sorted by bytes, so each two-byte bucket is one contiguous range.
    auto& buckets = buckets_owned_[l];
    buckets.assign(kBuckets + 1, 0);
    for (const Entry& e : entries) ++buckets[BucketOf(WordOf(e)) + 1];
    for (int b = 0; b < kBuckets; ++b) buckets[b + 1] += buckets[b];
    // Equal words sort next to each other and keep the first (as Find's
    // lower bound would).
    auto& exact = exact_owned_[l];
    std::size_t capacity = 16;
    while (capacity < 2 * entries.size()) capacity *= 2;
    exact.assign(capacity, 0);
    const std::size_t mask = capacity - 1;
    // Index bits for entries.size() + 1 values; the rest is the tag (at
    // least 1 bit while a language has fewer than 2^31 entries).
    const int bits = std::bit_width(entries.size());
    if (bits > 31) {
      *error = "over 2^31 entries in one language";
      return false;
    }
    exact_bits_[l] = bits;
    // Each word's home slot is requested kAhead entries before it is
    // written: the slots are random in a table of up to 2 MB, and waiting
    // for each was 40% of Index (perf, 20 starts).
    constexpr std::size_t kAhead = 16;
    std::uint64_t hashes[kAhead];
    const auto hash_of = [&](std::size_t i) {
      const std::uint64_t hash = WordHash()(WordOf(entries[i]));
      hashes[i % kAhead] = hash;
      PrefetchLine(&exact[hash & mask]);
    };
    for (std::size_t i = 0; i < kAhead && i < entries.size(); ++i) hash_of(i);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::uint64_t hash = hashes[i % kAhead];
      if (i + kAhead < entries.size()) hash_of(i + kAhead);
      if (i > 0 && WordOf(entries[i]) == WordOf(entries[i - 1])) continue;
      std::size_t h = hash & mask;
      while (exact[h] != 0) h = (h + 1) & mask;
      exact[h] = ExactTag(hash, bits) | static_cast<std::uint32_t>(i + 1);
    }
    entries_[l] = entries;
    buckets_[l] = buckets;
    exact_[l] = exact;
  }
  return true;
}

const Lexicon::Entry* Lexicon::FindExact(LexLang lang,
                                         std::string_view word) const {
  const auto& exact = exact_[static_cast<int>(lang)];
  if (exact.empty()) return nullptr;
  const auto& entries = entries_[static_cast<int>(lang)];
  const std::size_t mask = exact.size() - 1;
  const int bits = exact_bits_[static_cast<int>(lang)];
  const std::uint32_t index_mask = (std::uint32_t{1} << bits) - 1;
  const std::uint64_t hash = WordHash()(word);
  const std::uint32_t tag = ExactTag(hash, bits);
  for (std::size_t h = hash & mask; exact[h] != 0; h = (h + 1) & mask) {
    if ((exact[h] & ~index_mask) != tag) continue;
    const Entry& e = entries[(exact[h] & index_mask) - 1];
    if (WordOf(e) == word) return &e;
  }
  return nullptr;
}

bool Lexicon::LookupMarkedEnglish(char mark, std::string_view word,
                                  std::string_view* value) const {
  char buf[80];
  if (word.empty() || word.size() + 1 > sizeof(buf)) return false;
  buf[0] = mark;
  std::memcpy(buf + 1, word.data(), word.size());
  return LookupExact(LexLang::kEng, std::string_view(buf, word.size() + 1),
                     value);
}

bool Lexicon::LookupEnglishStem(std::string_view stem,
                                std::string_view* pivots) const {
  return LookupMarkedEnglish(kStemMark, stem, pivots);
}

bool Lexicon::LookupAntonymAxes(std::string_view form,
                                std::string_view* axes) const {
  return LookupMarkedEnglish(kAntonymMark, form, axes);
}

bool Lexicon::HasEnglishWord(std::string_view word) const {
  // Memoized (WordAnswerMemo): language id asks for every word of an
  // English headline (EnglishVocabulary), 750k times on the 200k feed, and
  // a stem (EnglishStem's memo) plus a lookup in the exact table cost ~530
  // instructions a word.
  if (word.empty()) return false;
  thread_local WordAnswerMemo memo;
  return memo.Get(id_, /*tag=*/0, word, [&] {
    std::string_view unused;
    return LookupEnglishStem(EnglishStem(word), &unused);
  });
}

const Lexicon::Entry* Lexicon::Find(LexLang lang, std::string_view word) const {
  const auto& entries = entries_[static_cast<int>(lang)];
  const auto& buckets = buckets_[static_cast<int>(lang)];
  if (buckets.empty()) return nullptr;
  const int b = BucketOf(word);
  const auto first = entries.begin() + buckets[b];
  const auto last = entries.begin() + buckets[b + 1];
  const auto it = std::lower_bound(
      first, last, word,
      [this](const Entry& e, std::string_view w) { return WordOf(e) < w; });
  // Past the bucket, the next entry cannot start with `word` either.
  return it == last ? nullptr : &*it;
}

bool Lexicon::LookupExact(LexLang lang, std::string_view word,
                          std::string_view* pivots) const {
  const Entry* e = FindExact(lang, word);
  if (e == nullptr) return false;
  *pivots = PivotsOf(*e);
  return true;
}

bool Lexicon::LookupStemRow(LexLang lang, std::string_view word,
                            std::string_view* pivots) const {
  // Stems (and Lookup's trimming) are for the five languages' inflections;
  // English forms and acronyms are listed whole.
  if (lang >= LexLang::kAcronym) return false;
  char buf[80];
  const std::string_view stem_key = StemKey(lang, word, buf, sizeof(buf));
  return !stem_key.empty() && LookupExact(lang, stem_key, pivots);
}

bool Lexicon::LookupWordOrStem(LexLang lang, std::string_view word,
                               std::string_view* pivots) const {
  return LookupExact(lang, word, pivots) || LookupStemRow(lang, word, pivots);
}

bool Lexicon::LookupSingular(LexLang lang, std::string_view word,
                             std::string_view* pivots) const {
  // (plural ending, singular ending) per language, tried in order. Folded
  // words: "-ões" is "-oes". Italian "-i" and "-e" name several singulars
  // ("ministri" / "ministro", "presidenti" / "presidente").
  struct Rule {
    std::string_view plural, singular;
  };
  static constexpr Rule kFra[] = {{"aux", "al"}, {"s", ""}, {"x", ""}};
  static constexpr Rule kSpa[] = {{"ces", "z"}, {"s", ""}, {"es", ""}};
  static constexpr Rule kPor[] = {
      {"oes", "ao"}, {"aes", "ao"}, {"ns", "m"}, {"is", "l"}, {"s", ""}};
  static constexpr Rule kIta[] = {{"chi", "co"}, {"ghi", "go"}, {"che", "ca"},
                                  {"ghe", "ga"}, {"i", "o"},    {"i", "e"},
                                  {"e", "a"}};
  static constexpr Rule kDeu[] = {{"en", ""}, {"n", ""}, {"e", ""}, {"s", ""}};
  // Indexed by LexLang: kFra to kDeu.
  static constexpr std::span<const Rule> kRules[] = {kFra, kSpa, kPor, kIta,
                                                     kDeu};
  if (lang >= LexLang::kAcronym) return false;
  const std::span<const Rule> rules = kRules[static_cast<int>(lang)];
  char buf[80];
  if (word.size() >= sizeof(buf)) return false;
  for (const Rule& r : rules) {
    if (!word.ends_with(r.plural)) continue;
    const std::size_t stem = word.size() - r.plural.size();
    if (stem + r.singular.size() < 3) continue;
    std::memcpy(buf, word.data(), stem);
    std::memcpy(buf + stem, r.singular.data(), r.singular.size());
    if (LookupExact(lang, std::string_view(buf, stem + r.singular.size()),
                    pivots)) {
      return true;
    }
  }
  return false;
}

bool Lexicon::Lookup(LexLang lang, std::string_view word,
                     std::string_view* pivots) const {
  if (LookupExact(lang, word, pivots)) return true;
  if (lang >= LexLang::kAcronym) return false;
  // A plural's singular headword before the stem row: the stem row pools
  // the senses of every word of that stem and keeps the commonest
  // ("financements" -> "~financ": finance, estate, farm, ... but not
  // "funding", which "financement" lists).
  if (LookupSingular(lang, word, pivots)) return true;
  if (LookupStemRow(lang, word, pivots)) return true;
  // Portuguese "-ão" nouns make their plural in "-ões" / "-ães"
  // ("eleição" / "eleições"). Folded, "eleicoes" no longer stems as the
  // Snowball stemmer expects, so the singular's stem row is asked for (its
  // headword LookupSingular has tried).
  if (lang == LexLang::kPor && word.size() >= 6 &&
      (word.ends_with("oes") || word.ends_with("aes"))) {
    char buf[80];
    if (word.size() < sizeof(buf)) {
      std::memcpy(buf, word.data(), word.size() - 3);
      std::memcpy(buf + word.size() - 3, "ao", 2);
      if (LookupStemRow(lang, std::string_view(buf, word.size() - 1), pivots)) {
        return true;
      }
    }
  }
  // Trimming more than two letters found mostly other words ("clinton" ->
  // "clinica", "snowden" -> "snowboard").
  for (std::size_t trim = 1; trim <= 2 && word.size() >= trim + 4; ++trim) {
    const std::string_view prefix = word.substr(0, word.size() - trim);
    const Entry* e = Find(lang, prefix);
    if (e != nullptr && WordOf(*e).starts_with(prefix) &&
        WordOf(*e).size() <= word.size() + 3) {
      *pivots = PivotsOf(*e);
      return true;
    }
  }
  return false;
}

bool Lexicon::HasWord(LexLang lang, std::string_view word) const {
  if (lang >= LexLang::kAcronym || word.empty()) return false;
  // Memoized (WordAnswerMemo), per language: a headline of a language
  // outside the six asks the five vocabularies for every word (langid's
  // NoneMostlyInDictionary), and each answer stems the word (~1,100
  // instructions).
  thread_local WordAnswerMemo memo;
  return memo.Get(id_, static_cast<std::uint8_t>(lang), word, [&] {
    std::string_view unused;
    return LookupWordOrStem(lang, word, &unused);
  });
}

bool Lexicon::MayStartCountry(std::string_view word) const {
  if (word.empty()) return false;
  // Sorted by bytes, a phrase "word ..." follows "word" and precedes any
  // longer word that starts with it (' ' sorts before letters and digits).
  const Entry* e = Find(LexLang::kCountry, word);
  if (e == nullptr) return false;
  const std::string_view found = WordOf(*e);
  return found.starts_with(word) &&
         (found.size() == word.size() || found[word.size()] == ' ');
}

std::string_view Lexicon::CanonicalAcronym(std::string_view acronym) const {
  std::string_view canonical;
  if (LookupExact(LexLang::kAcronym, acronym, &canonical)) {
    const std::size_t space = canonical.find(' ');
    return canonical.substr(0, space);
  }
  return acronym;
}

}  // namespace tickerdedup::internal
