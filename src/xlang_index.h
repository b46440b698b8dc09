// XlangIndex: the cross-language channel of the sketch stage. For each
// cluster representative in the window it keeps LSH band keys over the
// representative's cross-lingual feature set (xlang.h), its language, and
// its verification profile; it proposes candidates for a new headline, and
// the engine verifies each with CrossLingual::Verify against the stored
// profile.
//
//   XlangIndex index(XlangIndex::Options{});
//   XlangIndex::Sketch s;
//   index.MakeSketch(features, &s);
//   index.Candidates(s, &ids);                 // band hits, ascending ids
//   auto profile = index.ProfileOf(ids[0]);    // bytes for Verify
//   index.Insert(id, s, lang, profile_bytes);  // a new representative
//   index.Erase(id);                           // evicted: its cluster ends
//
// Why not a second SketchIndex: true translations share few features (flat
// Jaccard 0.1-0.4, docs/xlang.md), so bands must be one or two full 32-bit
// minima wide; 8-bit values would make such bands match at random.
#ifndef TICKERDEDUP_SRC_XLANG_INDEX_H_
#define TICKERDEDUP_SRC_XLANG_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "lsh.h"
#include "minhash.h"

namespace tickerdedup::internal {

class XlangIndex {
 public:
  struct Options {
    // One full 32-bit minimum per band: true translations share few
    // features (flat Jaccard ~0.1-0.2). On NTREX pairs, 24x1 recalls 0.588
    // of all pairs, vs 0.526 for 48x2 and
    // 0.366 for 16x2, with 10x more candidates than 32x2 on a 20k feed.
    LshParams lsh{/*bands=*/24, /*rows=*/1};
    std::uint32_t max_items = 1u << 20;
    // A band whose bucket holds this many items proposes none. Measured on
    // the first 100k headlines of a generated feed (tools/gen_feed.py,
    // 5% cross-language variants), xlang recall / speed: 16: 0.55 / 31k
    // headlines/s; 64: 0.81 / 16k/s; 128: 0.85 / 8k/s; 1024: 0.87 / 5k/s.
    // Verifying only the best-voted candidates instead lost recall (0.50 at
    // 16 of 128) and saved little: walking the buckets is the cost.
    std::size_t max_bucket = 64;
    MinHashKernel kernel = DefaultMinHashKernel();
  };

  struct Sketch {
    std::vector<std::uint32_t> full;  // densified minima (scratch)
    std::vector<std::uint32_t> keys;  // one 32-bit key per band
    bool empty = true;
  };

  explicit XlangIndex(const Options& options);

  const Options& options() const { return options_; }

  // Thread-safe (const, no shared scratch).
  void MakeSketch(std::span<const std::uint64_t> features, Sketch* out) const;
  // Stored ids sharing a band with `s`, each once, ascending.
  void Candidates(const Sketch& s, std::vector<std::uint64_t>* ids) const;
  // The stored item's language and profile bytes (empty when absent).
  std::string_view LangOf(std::uint64_t id) const;
  std::span<const std::uint8_t> ProfileOf(std::uint64_t id) const;

  // Stores `id` (not already stored); no-op when the sketch is empty.
  void Insert(std::uint64_t id, const Sketch& s, std::string_view lang,
              std::span<const std::uint8_t> profile);
  void Erase(std::uint64_t id);

  std::size_t size() const { return slot_of_.size(); }
  std::size_t MemoryBytes() const;

 private:
  // Profiles up to this many bytes live inline (a 10-word headline's is
  // about 45 bytes); longer ones in overflow_.
  static constexpr std::size_t kInlineProfile = 64;

  static std::uint64_t TableHash(std::uint32_t key, int band) {
    // Spread a 32-bit key over 64 bits (home from the top half, fingerprint
    // from the bottom), differently per band.
    std::uint64_t x =
        (static_cast<std::uint64_t>(key) << 32 | key) ^
        (0x9E3779B97F4A7C15ull * static_cast<std::uint64_t>(band + 1));
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 32;
    return x;
  }
  std::uint32_t KeyOf(std::uint32_t slot, int band) const {
    return keys_[static_cast<std::size_t>(slot) * options_.lsh.bands + band];
  }

  Options options_;
  MinHasher hasher_;
  std::vector<BandTable> tables_;
  // Per slot.
  std::vector<std::uint32_t> keys_;  // bands per slot
  std::vector<std::uint64_t> ids_;
  std::vector<std::uint8_t> langs_;  // index into lang_names_
  std::vector<std::uint8_t> profile_sizes_;
  std::vector<std::uint8_t> profiles_;  // kInlineProfile per slot
  absl::flat_hash_map<std::uint32_t, std::vector<std::uint8_t>> overflow_;
  absl::flat_hash_map<std::uint64_t, std::uint32_t> slot_of_;
  std::vector<std::uint32_t> free_slots_;
  std::vector<std::string_view> lang_names_;  // static strings from langid
  mutable std::vector<std::uint32_t> scratch_slots_;
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_XLANG_INDEX_H_
