// XlangIndex: the cross-language channel of the sketch stage. For each
// cluster representative in the window it keeps LSH band keys over the
// representative's cross-lingual feature set (xlang.h), its language, and
// its verification profile; it proposes candidates in other languages for a
// new headline, and the engine verifies each with CrossLingual::Verify
// against the stored profile. XlangCoverBound is the cheap test the engine
// runs first.
//
//   XlangIndex index(XlangIndex::Options{});
//   XlangIndex::Sketch s;
//   index.MakeSketch(features, &s);
//   const std::string_view skip[] = {"fra", "und"};
//   index.Candidates(s, skip, &cands);         // band hits, each once
//   auto profile = index.ProfileAt(cands[0].slot);  // bytes for Verify
//   index.Insert(id, s, lang, profile_bytes);  // a new representative
//   index.Erase(id);                           // evicted: its cluster ends
//
// Why not a second SketchIndex: true translations share few features (flat
// Jaccard 0.1-0.4, docs/xlang.md), so bands must be one or two full 32-bit
// minima wide; 8-bit values would make such bands match at random.
#ifndef TICKERDEDUP_SRC_XLANG_INDEX_H_
#define TICKERDEDUP_SRC_XLANG_INDEX_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "lsh.h"
#include "mapped_memory.h"
#include "minhash.h"
#include "page_array.h"
#include "prefetch.h"
#include "xlang.h"

namespace tickerdedup::internal {

class XlangIndex {
 public:
  struct Options {
    // One full 32-bit minimum per band: true translations share few
    // features (flat Jaccard ~0.1-0.2). On NTREX pairs, 24x1 recalls 0.588
    // of all pairs, vs 0.526 for 48x2 and
    // 0.366 for 16x2, with 10x more candidates than 32x2 on a 20k feed.
    LshParams lsh{/*bands=*/24, /*rows=*/1};
    // Slots (and so stored items) stay below this; at most 2^30.
    std::uint32_t max_items = 1u << 20;
    // A band whose bucket holds this many items (at most 65535) proposes
    // none, and stores no more. Measured on the first 100k headlines of a
    // generated feed (tools/gen_feed.py, 5% cross-language variants), xlang
    // recall / speed (before the bucket layout below): 16: 0.55 / 31k
    // headlines/s; 64: 0.81 / 16k/s; 128: 0.85 / 8k/s; 1024: 0.87 / 5k/s.
    // Verifying only the best-voted candidates instead lost recall (0.50 at 16
    // of 128).
    std::size_t max_bucket = 64;
    MinHashKernel kernel = DefaultMinHashKernel();
  };

  struct Sketch {
    std::vector<std::uint32_t> full;  // densified minima (scratch)
    std::vector<std::uint32_t> keys;  // one 32-bit key per band
    bool empty = true;
  };

  // A proposed stored item: its id, and its slot for ProfileAt.
  struct Candidate {
    std::uint64_t id;
    std::uint32_t slot;
  };

  explicit XlangIndex(const Options& options);

  const Options& options() const { return options_; }

  // Thread-safe (const, no shared scratch).
  void MakeSketch(std::span<const std::uint64_t> features, Sketch* out) const;
  // Stored items sharing a band with `s`, each once, leaving out those
  // whose language or group language (Insert) is in `skip_langs`, in an
  // order that depends only on the
  // index's state (not sorted: callers that need an order break ties
  // themselves). A band whose bucket is crowded (max_bucket items)
  // proposes none.
  void Candidates(const Sketch& s, std::span<const std::string_view> skip_langs,
                  std::vector<Candidate>* out) const;
  // The same for every language, ids only, ascending.
  void Candidates(const Sketch& s, std::vector<std::uint64_t>* ids) const;
  // The stored item's language and profile bytes (empty when absent).
  std::string_view LangOf(std::uint64_t id) const;
  std::span<const std::uint8_t> ProfileOf(std::uint64_t id) const;
  // The profile of a slot from Candidates (valid until the next Insert or
  // Erase), and a hint to load it early.
  std::span<const std::uint8_t> ProfileAt(std::uint32_t slot) const;
  void PrefetchProfile(std::uint32_t slot) const {
    PrefetchLine(&arena_[std::size_t{slots_[slot].profile} * 4]);
  }

  // Hints for a pipeline that knows its next queries (as SketchIndex::
  // PrefetchBands): PrefetchCells requests the cell of each band's key;
  // PrefetchBuckets, issued a few items later when those cells have
  // arrived, reads them and requests what they point at (a bucket's chunk,
  // or a lone item's slot). Inserts in between cost a miss, never a
  // result.
  void PrefetchCells(const Sketch& s) const;
  void PrefetchBuckets(const Sketch& s) const;

  // Stores `id` (not already stored); no-op when the sketch is empty.
  // `group_lang`, when given, is a second language the item answers to in
  // Candidates' skip list: the engine's cross-language members carry their
  // representative's. Returns false when nothing was stored: an empty
  // sketch, or a group language with no room left in the 255 language
  // tags (an item without one always gets a tag, the first one when the
  // table is full).
  bool Insert(std::uint64_t id, const Sketch& s, std::string_view lang,
              std::span<const std::uint8_t> profile,
              std::string_view group_lang = {});
  // Forgets `id` at once for every lookup; its bucket entries go at the
  // next sweep (see PERF NOTES).
  void Erase(std::uint64_t id);

  // Erased items whose bucket entries and slots await the sweep (they
  // still count toward max_bucket until then, except that a bucket they
  // would crowd drops them first).
  std::size_t pending_erasures() const { return dead_slots_.size(); }
  // Marker resets and sweeps so far: a reset per 1/kSweepShare of the
  // stored items in inserts, a full sweep per 1/kDeadShare in erasures
  // (see PERF NOTES).
  std::uint64_t sweeps() const { return sweeps_; }
  // Of which full sweeps (every bucket compacted, the erased slots freed).
  std::uint64_t full_sweeps() const { return full_sweeps_; }
  // How many sweeps compacted the bucket pool (CompactPool).
  std::uint64_t pool_compactions() const { return pool_compactions_; }
  std::size_t size() const { return id_table_.size(); }
  std::size_t MemoryBytes() const;

 private:
  // Per slot: the item, its profile (an offset into arena_, in 4-byte
  // units; the blob's own header gives its length) and its language (an
  // index into lang_names_, kDeadLang once erased). 16 bytes; Candidates
  // reads it for the id, so the profile's address is at hand when the
  // engine prefetches it.
  struct SlotInfo {
    std::uint64_t id = 0;
    std::uint32_t profile = 0;  // arena offset / 4
    std::uint8_t lang = 0;
    // The profile's bytes (<= 1 + 40 + 2 * 280), in what was padding:
    // ProfileAt reads every candidate's, and summing its units' feature
    // counts from the blob was 1-2% of the default mode's instructions.
    std::uint16_t profile_size = 0;
  };
  static_assert(sizeof(SlotInfo) == 16);
  static constexpr std::uint8_t kDeadLang = 0xFF;
  // Slots whose per-slot arrays are reserved up front (see the constructor).
  static constexpr std::size_t kReservedSlots = std::size_t{1} << 22;
  // Profile bytes reserved up front (address space only): ~28 per item.
  static constexpr std::size_t kReservedArena = kReservedSlots * 32;
  // A sweep runs once the pending erasures reach 1/kDeadShare of the
  // stored items, and at least kMinSweep; the crowded markers are reset
  // (ResetCrowded) once the inserts since the last reset or sweep reach
  // 1/kSweepShare. Dead entries count toward max_bucket until the sweep,
  // but a bucket they would crowd drops them first (CrowdIfFull), so
  // sweeps only reclaim memory and can be rarer than resets. 1M-headline
  // feed, --window 100000 (738k evictions), xlang recall / run time:
  // eager erasure (per-slot keys) 0.803 / 40.6 s; lazy, sweeping at 1/4 of
  // the stored items 0.779 / 30.7 s; 1/16 0.793 / 31.8 s; 1/32 0.796 /
  // 37.4 s; 1/64 0.799 / 41.6 s (fewer crowded buckets, more candidates;
  // all before the crowded markers and their resets, below: 0.891 now).
  // Session 6, same run (default mode): a full sweep at every reset (1/32)
  // 0.8944 / 28.9 s, 427.8 index bytes per stored item; sweeps at 1/16 of
  // erasures with dead entries dropped from buckets about to crowd 0.8948
  // / 26.6 s, 433.3 bytes; at 1/8 0.8946 / 26.4 s, 437.9 bytes. Resetting
  // the markers only at the (rarer) sweeps cost recall instead: 1/8 0.8860.
  static constexpr std::size_t kMinSweep = 64;
  static constexpr std::size_t kSweepShare = 32;
  static constexpr std::size_t kDeadShare = 16;

  // PERF NOTES. Each band maps a full 32-bit key to its bucket: one 8-byte
  // cell {key, ref} in an open-addressing table (linear probing, backward-
  // shift deletion, no tombstones). A bucket of one item (most of them)
  // holds its slot in `ref`; a larger one points into pool_, where its
  // slots and their language bytes lie contiguously (a chunk). So a query
  // costs one probe per band, a crowded bucket is skipped on its count
  // without being read, and a bucket is read as one contiguous run. The
  // previous layout (BandTable fingerprint entries, each hit confirmed
  // against the slot's stored key) walked ~860 entries per item at 200k
  // headlines, one cache miss each, most of them in crowded buckets that
  // then proposed nothing; inserting walked them again to count.
  //
  // Erasure is lazy: an erased item's slot is marked dead (lookups and
  // Candidates skip it at once) and its bucket entries stay until a sweep
  // compacts every bucket (and the profile arena, when a quarter of it is
  // dead), once the dead reach 1/kDeadShare of the stored items. So no
  // per-slot copy of the 24 band keys is kept to find the buckets again
  // (96 bytes per item), and the slots are reused only after the sweep.
  // Dead entries still count toward max_bucket until then, but a bucket
  // that would crowd drops its dead entries first (CrowdIfFull).
  //
  // A bucket that reaches max_bucket becomes a marker (kCrowdedRef): it
  // proposes nothing, stores no more, and its entries are freed. A sweep
  // drops the markers, so the key starts afresh with the newest items;
  // resets come every 1/kSweepShare of the stored items in inserts (full
  // sweeps every 1/kDeadShare in erasures, above); a reset only resets
  // the markers listed since the last one (ResetCrowded: each becomes an
  // empty bucket, kEmptyBucketRef). Measured (score_feed, xlang mode,
  // default window): 1M feed xlang recall 0.279 -> 0.879, pair precision
  // 0.9777 -> 0.9742, 24.7 -> 30.1 s (34.7 s when every reset was a full
  // sweep); 200k feed 0.757 -> 0.904, 0.9886 -> 0.9872; the NTREX stream
  // unchanged (0.8240 / 0.7003 -> 0.8225 / 0.7008). A cap of 32 with the
  // same sweeps: 1M 0.851 in 30.0 s, but the stream's recall fell to
  // 0.679; 16: 0.781, stream 0.615.
  struct Cell {
    std::uint32_t key;
    std::uint32_t ref;  // kEmptyRef, kCrowdedRef, kEmptyBucketRef, a
                        // slot, or kChunkRef | chunk offset
  };
  static constexpr std::uint32_t kEmptyRef = 0xFFFFFFFFu;
  static constexpr std::uint32_t kChunkRef = 0x80000000u;
  // A bucket that reached max_bucket: no entries kept (see CrowdIfFull).
  static constexpr std::uint32_t kCrowdedRef = 0xFFFFFFFEu;
  // A crowded bucket after ResetCrowded: no entries, proposes nothing.
  static constexpr std::uint32_t kEmptyBucketRef = 0xFFFFFFFDu;
  // A ref to a chunk (not a slot, nor one of the markers above).
  static bool IsChunk(std::uint32_t ref) {
    return (ref & kChunkRef) != 0 && ref < kEmptyBucketRef;
  }
  // Large arrays on huge pages (mapped_memory.h): the band cells, which a
  // growth writes whole, and the per-slot arrays reserved for the window.
  using Cells = HugePageVector<Cell>;
  struct Band {
    Cells cells;  // power-of-two size, or empty
    std::uint32_t used = 0;
    int shift = 64;  // home = hash >> shift
  };
  // Chunk at pool_[o]: count | class << 16; cap = 2 << class; then cap
  // language bytes (rounded up to whole words), then cap slots. Entries are
  // kept sorted by language, so a query skips the run of its own language
  // (85% of bucket entries on the 200k-headline feed) without reading it.
  static constexpr int kChunkClasses = 16;  // up to 2^16 entries
  static std::uint32_t ChunkCap(int cls) { return 2u << cls; }
  static std::uint32_t ChunkLangWords(int cls) {
    return (ChunkCap(cls) + 3) / 4;
  }
  static std::uint32_t ChunkWords(int cls) {
    return 1 + ChunkLangWords(cls) + ChunkCap(cls);
  }

  static std::uint64_t CellHash(std::uint32_t key, int band) {
    // Spread a 32-bit key over 64 bits, differently per band; the home is
    // taken from the top bits.
    std::uint64_t x =
        (static_cast<std::uint64_t>(key) << 32 | key) ^
        (0x9E3779B97F4A7C15ull * static_cast<std::uint64_t>(band + 1));
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 32;
    return x;
  }
  std::size_t Home(const Band& t, std::uint32_t key, int band) const {
    return static_cast<std::size_t>(CellHash(key, band) >> t.shift);
  }
  // Index of the cell holding `key`, or SIZE_MAX.
  std::size_t FindCell(int band, std::uint32_t key) const;
  void AddToBucket(int band, std::uint32_t key, std::uint32_t slot,
                   std::uint8_t lang);
  // Drops the dead slots and the crowded markers from every bucket,
  // compacts the arena when a quarter of it is dead, and frees the slots.
  void Sweep();
  void SweepBand(int band);
  // Moves the live chunks together into a new pool once the free ones
  // hold 1/kPoolSlackShare of it. Sweeps free chunks (crowded buckets
  // reset, dead entries dropped) faster than buckets reuse them: with a 1M
  // window full (2.5M lines of the 10M feed), 10.8 of 40.9 MB were free.
  void CompactPool();
  static constexpr std::size_t kPoolSlackShare = 8;
  void CompactArena();
  // Arena bytes of a profile of `bytes` bytes: profiles start 4-byte
  // aligned (SlotInfo::profile counts 4-byte units).
  static std::size_t ArenaBytes(std::size_t bytes) {
    return (bytes + 3) & ~std::size_t{3};
  }
  static constexpr std::uint32_t kNoSlot = 0xFFFFFFFFu;
  std::uint32_t FindSlot(std::uint64_t id) const;
  void GrowBand(Band& t, int band);
  void CrowdIfFull(Band& t, std::size_t pos, std::uint32_t offset, int band,
                   std::uint32_t key);
  void ResetCrowded();
  // Whether `pending` erasures or inserts since the last sweep call for one.
  bool SweepDue(std::size_t pending, std::size_t share) const {
    return pending >= std::max(kMinSweep, size() / share);
  }
  std::uint32_t AllocChunk(int cls);
  // Copies a chunk's entries into an empty chunk of another class.
  void CopyChunk(std::uint32_t from, std::uint32_t to);
  // Adds an entry to a chunk with room, keeping it sorted by language.
  void InsertSorted(std::uint32_t offset, std::uint32_t slot,
                    std::uint8_t lang);
  void FreeChunk(std::uint32_t offset);
  // Drops the chunk's entries whose slot is dead(slot), in place and in
  // order (by language); returns how many are left.
  template <typename Dead>
  std::uint32_t DropDead(std::uint32_t offset, Dead dead) {
    const std::uint32_t count = pool_[offset] & 0xFFFF;
    std::uint8_t* langs = ChunkLangs(offset);
    std::uint32_t* slots = ChunkSlots(offset);
    std::uint32_t left = 0;
    for (std::uint32_t k = 0; k < count; ++k) {
      if (dead(slots[k])) continue;
      langs[left] = langs[k];
      slots[left] = slots[k];
      ++left;
    }
    pool_[offset] = (pool_[offset] & ~0xFFFFu) | left;
    return left;
  }
  std::uint8_t* ChunkLangs(std::uint32_t offset) {
    return reinterpret_cast<std::uint8_t*>(&pool_[offset + 1]);
  }
  const std::uint8_t* ChunkLangs(std::uint32_t offset) const {
    return reinterpret_cast<const std::uint8_t*>(&pool_[offset + 1]);
  }
  std::uint32_t* ChunkSlots(std::uint32_t offset) {
    return &pool_[offset + 1 + ChunkLangWords(pool_[offset] >> 16)];
  }
  const std::uint32_t* ChunkSlots(std::uint32_t offset) const {
    return &pool_[offset + 1 + ChunkLangWords(pool_[offset] >> 16)];
  }

  Options options_;
  MinHasher hasher_;
  std::vector<Band> bands_;
  PageArray<std::uint32_t> pool_;  // grows in place (page_array.h)
  std::array<std::vector<std::uint32_t>, kChunkClasses> free_chunks_;
  HugePageVector<SlotInfo> slots_;
  HugePageVector<std::uint8_t> arena_;  // profiles, each 4-byte aligned
  std::vector<std::uint32_t> dead_slots_;
  std::size_t inserts_since_sweep_ = 0;
  // The markers made since the last sweep or reset, as (band, key).
  std::vector<std::pair<int, std::uint32_t>> crowded_;
  std::uint64_t sweeps_ = 0;
  std::uint64_t full_sweeps_ = 0;
  std::uint64_t pool_compactions_ = 0;
  std::size_t dead_arena_bytes_ = 0;      // dead profiles' bytes in arena_
  std::vector<std::uint64_t> dead_bits_;  // during Sweep only
  // id -> slot: 4-byte entries (hash fingerprint + slot), each match
  // confirmed against SlotInfo::id; erased ids leave it at once.
  BandTable id_table_;
  std::vector<std::uint32_t> free_slots_;
  // Languages seen (static strings from langid), and the language tags
  // of SlotInfo::lang: each an index into langs_ for the language and one
  // for the group language (kNoGroup without one). Candidates compares
  // strings once per language, not per tag.
  static constexpr std::uint8_t kNoGroup = 0xFF;
  struct LangTag {
    std::uint8_t lang;
    std::uint8_t group;
  };
  std::vector<std::string_view> langs_;
  std::vector<LangTag> tags_;
  mutable std::vector<std::uint32_t> scratch_slots_;
  mutable std::vector<std::uint32_t> scratch_seen_;  // Candidates' dedup set
};

// An upper bound of CrossLingual::Align, computed without decoding and
// sorting both profiles: the units of each side (exact) and, per class, how
// many are covered by the other side's fingerprints (exact today; a bound as
// long as Align covers a unit only when one of its fingerprints is among the
// other side's). Bound also sets Align's flags as Align does (a fact or a
// place changed, a stated fact dropped), so today it equals Align
// (XlangCoverBoundTest.BoundEqualsAlign) and the engine takes it for the
// alignment. Since Decide only gets stricter with fewer covered units,
// Decide(bound) false means Verify false: on the 200k-headline generated
// feed 76% of the other-language candidates share at most one unit and
// stop here.
//
//   XlangCoverBound bound;
//   bound.SetQuery(profile.bytes);
//   if (bound.MayVerify(stored, rule) && CrossLingual::Verify(...)) ...
//
// Not thread-safe (scratch bitmaps); one per engine.
class XlangCoverBound {
 public:
  XlangCoverBound();
  // Binds the new headline's profile (copied).
  void SetQuery(std::span<const std::uint8_t> profile);
  // The bound for (query, stored) in Align's side order; valid is false when
  // either blob is malformed (Align's too).
  XlangAlignment Bound(std::span<const std::uint8_t> stored);
  // False only when CrossLingual::Decide(Align(query, stored), rule) is.
  // When true and `score_bound` is given, sets it to the bound's score
  // min(Coverage(side 0), Coverage(side 1)), at least the score of Align:
  // a candidate whose bound cannot beat the best match so far needs no
  // Align. When true and `alignment` is given, sets it to Bound(stored).
  bool MayVerify(std::span<const std::uint8_t> stored, const XlangRule& rule,
                 double* score_bound = nullptr,
                 XlangAlignment* alignment = nullptr);
  // Plain reference of Bound (decode, linear search), for the agreement
  // test.
  static XlangAlignment BoundReference(std::span<const std::uint8_t> a,
                                       std::span<const std::uint8_t> b);

 private:
  // One bit per 16-bit fingerprint: 8 KiB each, 32 KiB in all.
  using Bitmap = std::array<std::uint64_t, 1024>;
  static bool Test(const Bitmap& m, std::uint16_t fp) {
    return (m[fp >> 6] >> (fp & 63)) & 1;
  }
  static void Set(Bitmap& m, std::uint16_t fp) {
    m[fp >> 6] |= std::uint64_t{1} << (fp & 63);
  }
  static void Clear(Bitmap& m, std::uint16_t fp) { m[fp >> 6] = 0; }
  // Whether a unit (its `count` fingerprints at `fps`, class `cls`) is
  // covered by the other side's fingerprints, as in Align: a fact unit by
  // its first one among the other side's facts, any other unit by any one.
  static bool UnitCovered(const std::uint8_t* fps, int count, int cls,
                          const Bitmap& all, const Bitmap& facts);

  // A looser bound first: the stored side's covered units as in Bound, the
  // query's all taken as covered. It only reads, so a candidate it rejects
  // (most) costs no bitmap writes.
  XlangAlignment StoredSideBound(std::span<const std::uint8_t> stored) const;
  // A looser bound still, before any unit is decoded: false when the
  // number of stored fingerprints among the query's (`hits`) rules a match
  // out. Each covered unit of the stored side has a fingerprint among the
  // query's (a fact unit its first among the query's facts, a subset), and
  // units hold disjoint fingerprint positions, so at most `hits` units are
  // covered, weighing at most `hits` times the heaviest class: fewer than
  // rule.min_covered, or a coverage bound below Decide's bar at `hits`
  // covered units, is no match. A malformed blob may get either answer:
  // the exact bounds reject it anyway.
  bool HitsRule(std::span<const std::uint8_t> stored,
                const XlangRule& rule) const;

  std::vector<std::uint8_t> query_copy_;
  int query_units_[4] = {};  // the query's units per class
  std::span<const std::uint8_t> query_;
  bool query_valid_ = false;
  // The query's fingerprints (all, and those of fact units), and the
  // stored side's, as bitmaps; cleared word by word after use.
  Bitmap query_all_{}, query_facts_{}, stored_all_{}, stored_facts_{};
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_XLANG_INDEX_H_
