// WordHash: the hash of the word tables (stop words, closed classes): XXH3
// over the word's bytes, inlined. absl's default string hash compiled to a
// call of libstdc++'s std::_Hash_bytes here (Debian's Abseil), 2.8% of a
// near-mode run for lookups of words of a few bytes.
#ifndef TICKERDEDUP_SRC_WORD_HASH_H_
#define TICKERDEDUP_SRC_WORD_HASH_H_

#include <absl/container/flat_hash_map.h>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace tickerdedup::internal {

struct WordHash {
  std::size_t operator()(std::string_view word) const {
    return static_cast<std::size_t>(XXH3_64bits(word.data(), word.size()));
  }
};

// A 16,384-bit (2 KB) filter in front of a small word table, keyed on the
// word's length and its first, second and last bytes: a few instructions
// reject most content words before the table's XXH3 and probe (about 80
// instructions a lookup). No false negatives: MayContain is true for every
// word added.
class WordFilter {
 public:
  void Add(std::string_view word) {
    const std::uint32_t k = Key(word);
    bits_[k >> 6] |= std::uint64_t{1} << (k & 63);
  }
  // Inlined, as FilteredWordMap::Find is (GCC outlined Key from the fact
  // reader's side-word walk once facts.cc grew: near mode +0.5%).
  [[gnu::always_inline]] bool MayContain(std::string_view word) const {
    const std::uint32_t k = Key(word);
    return (bits_[k >> 6] >> (k & 63)) & 1u;
  }

 private:
  static constexpr int kBits = 14;
  [[gnu::always_inline]] static std::uint32_t Key(std::string_view word) {
    if (word.empty()) return 0;
    const auto b = [&](std::size_t i) {
      return static_cast<std::uint32_t>(static_cast<unsigned char>(word[i]));
    };
    const std::uint32_t packed =
        (static_cast<std::uint32_t>(word.size()) & 0xFFu) | b(0) << 8 |
        b(word.size() > 1) << 16 | b(word.size() - 1) << 24;
    return (packed * 0x9E3779B1u) >> (32 - kBits);
  }
  std::uint64_t bits_[(1u << kBits) / 64] = {};
};

// A small word table behind a WordFilter (the stop words, the closed
// classes, the fact reader's words): most words a lookup sees are in no
// table, and the filter turns them away before the hash. The words are
// views: their bytes must outlive the table (string literals).
template <typename V>
class FilteredWordMap {
 public:
  void Reserve(std::size_t n) { map_.reserve(n); }
  // The value of `word`, value-initialized when it is new.
  V& operator[](std::string_view word) {
    filter_.Add(word);
    return map_[word];
  }
  // Adds `word` with `value` unless it is in already.
  void Insert(std::string_view word, const V& value) {
    filter_.Add(word);
    map_.try_emplace(word, value);
  }
  // Inlined: the fact reader looks up every word of every headline, and
  // GCC outlined it once the verb table had two callers (near mode +1.4%
  // instructions, callgrind).
  [[gnu::always_inline]] const V* Find(std::string_view word) const {
    if (!filter_.MayContain(word)) return nullptr;
    const auto it = map_.find(word);
    return it == map_.end() ? nullptr : &it->second;
  }
  V* Find(std::string_view word) {
    return const_cast<V*>(std::as_const(*this).Find(word));
  }

 private:
  absl::flat_hash_map<std::string_view, V, WordHash> map_;
  WordFilter filter_;
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_WORD_HASH_H_
