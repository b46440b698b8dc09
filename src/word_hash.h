// WordHash: the hash of the word tables (stop words, closed classes): XXH3
// over the word's bytes, inlined. absl's default string hash compiled to a
// call of libstdc++'s std::_Hash_bytes here (Debian's Abseil), 2.8% of a
// near-mode run for lookups of words of a few bytes.
#ifndef TICKERDEDUP_SRC_WORD_HASH_H_
#define TICKERDEDUP_SRC_WORD_HASH_H_

#include <cstddef>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace tickerdedup::internal {

struct WordHash {
  std::size_t operator()(std::string_view word) const {
    return static_cast<std::size_t>(XXH3_64bits(word.data(), word.size()));
  }
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_WORD_HASH_H_
