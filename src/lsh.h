// LSH banding for MinHash signatures: choosing (bands, rows) for a
// similarity threshold, and the compact per-band slot tables that hold the
// band keys of stored items.
//
//   LshParams p = ChooseLshParams(/*threshold=*/0.55, /*num_hashes=*/64,
//                                 /*max_bands=*/16);
//   BandTable table;
//   table.Init(/*max_items=*/1 << 20);
//   table.Insert(band_hash, slot, hash_of_slot);
//   table.ForEachMatch(band_hash, [](std::uint32_t slot) { ... });
//
// Parameter choice. With b bands of r rows, two items of Jaccard similarity
// s share at least one band with probability P(s) = 1 - (1 - s^r)^b (the
// S-curve). For a threshold T we pick the (b, r), b*r <= K, b <= max_bands,
// that minimizes
//     fp_weight * Integral_0^T P(s) ds  +  fn_weight * Integral_T^1 (1 - P(s))
//     ds
// (the false-positive area left of T plus the false-negative area right of
// it; Simpson's rule, 200 steps). Every candidate is verified afterwards, so
// a false positive only costs time while a false negative loses a duplicate:
// the engine weights false negatives higher (docs/near.md has the table).
#ifndef TICKERDEDUP_SRC_LSH_H_
#define TICKERDEDUP_SRC_LSH_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "mapped_memory.h"
#include "prefetch.h"
#include "splitmix.h"

namespace tickerdedup::internal {

struct LshParams {
  int bands = 0;
  int rows = 0;
};

// 1 - (1 - s^rows)^bands.
double LshCandidateProbability(double s, LshParams params);
// The weighted false-positive and false-negative areas of `params` at
// `threshold` (see above).
double LshFalsePositiveArea(double threshold, LshParams params);
double LshFalseNegativeArea(double threshold, LshParams params);
// The (bands, rows) minimizing the weighted areas; ties go to fewer bands
// (less memory, fewer probes). threshold is clamped to [0.01, 0.99].
// rows >= min_rows: a caller whose band keys are narrow values needs
// several per band (with 8-bit values, r = 2 would give ~16 random
// candidates per band at 1M stored items); a single row makes every shared
// feature a candidate.
LshParams ChooseLshParams(double threshold, int num_hashes, int max_bands,
                          double fp_weight = 1.0, double fn_weight = 1.0,
                          int min_rows = 1);

// One band's table: open addressing with linear probing over 32-bit entries
// (fingerprint << slot_bits | slot). No per-band hash map and no key
// storage: 4 bytes per entry. A full window fills the table to 70% with live
// entries (5.7 bytes per window item per band); tombstones may take it to
// 80% before a rebuild, so at steady state a rebuild happens once every
// 0.1 * capacity removals at the worst, when every window item is in the
// table. Measured: at 60% (6.7 bytes) the default mode with a full 1M
// window took 329 bytes per stored item, at 70% 312 at the same speed; an
// absl::flat_hash_map per band took ~1,080 B/headline over 8 bands at 10M
// stored. Positions come from the high 32 bits of the band hash,
// fingerprints from the low bits, so a probe run compares fingerprints in one
// or two cache lines; a fingerprint match is only a candidate (the caller
// verifies the signature). Removal marks a tombstone; tombstones are dropped
// when the table is rebuilt (growth, or too many tombstones). Rebuilding needs
// each live slot's band hash again, which the caller recomputes from its stored
// signature (HashOf). Growth leaves a live load of 0.2; once the owner allows
// it (a full window), a table that has stopped growing and sits below 0.25
// rebuilds at 0.5 (AllowShrink): in a stream whose template families crowd
// their band keys, the near tables held 4x their live entries for good. A
// removal that ends a probe run leaves empty slots, not tombstones.
class BandTable {
 public:
  // Slots are < max_items; max_items <= kMaxItems.
  static constexpr std::uint32_t kMaxItems = 1u << 30;
  void Init(std::uint32_t max_items);

  // HashOf: std::uint64_t(std::uint32_t slot), the band hash of a live slot.
  template <typename HashOf>
  void Insert(std::uint64_t hash, std::uint32_t slot, HashOf hash_of) {
    if (WillRebuild()) Rebuild(hash_of);
    InsertNoGrow(hash, slot);
    ++changes_;
  }
  // Among the entries matching `hash`, replaces the one whose slot has the
  // smallest age_of(slot) (the oldest) with `slot`; no-op when none
  // matches. Bounds a crowded key's chain: see SketchIndex::Insert.
  template <typename AgeOf>
  void ReplaceOldest(std::uint64_t hash, std::uint32_t slot, AgeOf age_of) {
    if (entries_.empty()) return;
    const std::uint32_t fp = Fingerprint(hash);
    const std::size_t cap = entries_.size();
    std::size_t oldest = cap;
    std::uint64_t oldest_age = 0;
    for (std::size_t i = Home(hash);; i = (i + 1 == cap) ? 0 : i + 1) {
      const std::uint32_t e = entries_[i];
      if (e == kEmpty) break;
      if (e == kTomb || (e >> slot_bits_) != fp) continue;
      const std::uint64_t age = age_of(e & slot_mask_);
      if (oldest == cap || age < oldest_age) {
        oldest = i;
        oldest_age = age;
      }
    }
    if (oldest == cap) return;
    entries_[oldest] = Entry(hash, slot);
  }
  // Adds (hash, slot) without growing (see WillRebuild), unless
  // `max_matches` entries already match `hash`: then ReplaceOldest. One
  // walk of the chain finds both the count and the free place.
  template <typename AgeOf>
  void AddBounded(std::uint64_t hash, std::uint32_t slot,
                  std::size_t max_matches, AgeOf age_of) {
    const std::uint32_t fp = Fingerprint(hash);
    const std::size_t cap = entries_.size();
    std::size_t free = cap, matches = 0;
    for (std::size_t i = Home(hash);; i = (i + 1 == cap) ? 0 : i + 1) {
      const std::uint32_t e = entries_[i];
      if (e == kEmpty || e == kTomb) {
        if (free == cap) free = i;
        if (e == kEmpty) break;
      } else if ((e >> slot_bits_) == fp) {
        ++matches;
      }
    }
    ++changes_;
    if (matches >= max_matches) {
      ReplaceOldest(hash, slot, age_of);
      return;
    }
    if (entries_[free] == kEmpty) ++used_;
    entries_[free] = Entry(hash, slot);
    ++live_;
  }
  // Whether the next Insert rebuilds the table (growth, or tombstones).
  // A table that has taken as many adds and removals as it holds entries
  // since its last rebuild without growing (a template family's entries
  // replacing each other, a full window's churn) and sits below
  // kShrinkLoad rebuilds smaller (kSteadyLoad): growth leaves up to 4x
  // spare capacity, which a table that stopped growing kept for good.
  bool WillRebuild() const {
    return used_ + 1 > grow_at_ || (shrinkable_ && Churned() && Sparse());
  }
  // Lets the table shrink (above). The owner allows it once its window
  // is full (evictions): while a stream fills the window, growth's spare
  // room puts the next growth rebuild off and keeps probe runs short
  // (shrinking as the window filled made near mode 6-7% slower on the
  // 200k feed).
  void AllowShrink() { shrinkable_ = true; }
  // A rebuild driven by the caller, for several tables at once (see
  // SketchIndex::RebuildTables): ForEachSlot lists the live entries' slots;
  // Reset empties the table, sized as a rebuild for `live` entries (a
  // shrinkable table that needed no rebuild keeps its size and its count
  // of changes, unless it is sparse: then it shrinks); Add inserts without
  // growing (the caller re-adds every live entry).
  template <typename Fn>
  void ForEachSlot(Fn fn) const {
    for (std::uint32_t e : entries_) {
      if (e != kEmpty && e != kTomb) fn(e & slot_mask_);
    }
  }
  void Reset(std::size_t live);
  void Add(std::uint64_t hash, std::uint32_t slot) { InsertNoGrow(hash, slot); }
  // How many entries match `hash` (as ForEachMatch would call fn), counting
  // up to `limit` at most.
  std::size_t CountMatches(std::uint64_t hash, std::size_t limit) const {
    if (entries_.empty() || limit == 0) return 0;
    std::uint32_t fp = Fingerprint(hash);
    std::size_t cap = entries_.size(), n = 0;
    for (std::size_t i = Home(hash);; i = (i + 1 == cap) ? 0 : i + 1) {
      std::uint32_t e = entries_[i];
      if (e == kEmpty) return n;
      if (e != kTomb && (e >> slot_bits_) == fp && ++n == limit) return n;
    }
  }
  // Removes the entry (hash, slot); false when absent.
  bool Remove(std::uint64_t hash, std::uint32_t slot);

  void Prefetch(std::uint64_t hash) const {
    if (entries_.empty()) return;
    const std::size_t home = Home(hash);
    PrefetchLine(&entries_[home]);
    // A walk reads ~8.4 entries (live load 0.7, tombstones up to 0.8) and
    // crosses into the next line a third of the time (1M feed, near mode).
    if (home + 8 < entries_.size()) PrefetchLine(&entries_[home + 8]);
  }
  // Calls fn(slot) for every entry whose fingerprint matches `hash`.
  template <typename Fn>
  void ForEachMatch(std::uint64_t hash, Fn fn) const {
    if (entries_.empty()) return;
    std::uint32_t fp = Fingerprint(hash);
    std::size_t cap = entries_.size();
    for (std::size_t i = Home(hash);; i = (i + 1 == cap) ? 0 : i + 1) {
      std::uint32_t e = entries_[i];
      if (e == kEmpty) return;
      if (e != kTomb && (e >> slot_bits_) == fp) fn(e & slot_mask_);
    }
  }

  std::size_t size() const { return live_; }
  std::size_t MemoryBytes() const {
    return entries_.capacity() * sizeof(std::uint32_t);
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  static constexpr std::uint32_t kTomb = 0xFFFFFFFEu;
  static constexpr double kMaxLiveLoad = 0.7;  // sizes the final table
  static constexpr double kRebuildLoad = 0.8;  // live + tombstones
  // Growth is 4x (live load 0.8 -> 0.2), capped at the window's final size.
  // Each growth recomputes every stored signature (the caller's HashOf), so
  // 2x growth rebuilt ~2 items per item stored: 17% of near mode's
  // instructions on the 200k feed, all of it in the sequential commit
  // stage. 4x rebuilds ~1.3 per item; the tables reach the final size
  // (max_items / kMaxLiveLoad) sooner, which a full window holds anyway.
  static constexpr double kAfterGrowLoad = 0.2;  // live load after growth
  // A table allowed to shrink that has churned (Churned) is rebuilt for a
  // live load of kSteadyLoad, and rebuilds for it once below kShrinkLoad.
  // Full 1M window (first 2.5M lines of the 10M feed, default mode): the
  // 14 near tables took 50.6 MB at 0.2 for ~197k live entries each, 26.5
  // MB at 0.4, 21.2 MB at 0.5, the same decisions; 0.25 leaves room for
  // the live count to drift before the next shrink.
  static constexpr double kSteadyLoad = 0.5;
  static constexpr double kShrinkLoad = 0.25;
  // As many adds and removals since the last rebuild as live entries.
  bool Churned() const { return changes_ >= live_ && changes_ > 0; }
  bool Sparse() const {
    return static_cast<double>(live_) <
           kShrinkLoad * static_cast<double>(entries_.size());
  }

  std::size_t Home(std::uint64_t hash) const {
    return static_cast<std::size_t>(((hash >> 32) * entries_.size()) >> 32);
  }
  std::uint32_t Fingerprint(std::uint64_t hash) const {
    // A fingerprint equal to all ones would make kEmpty/kTomb entries
    // possible; slots never reach slot_mask_, so (fp, slot) != markers.
    return static_cast<std::uint32_t>(hash) & fp_mask_;
  }
  // The stored entry; slot_bits_ <= 31 (kMaxItems), so a fingerprint bit
  // is always left.
  std::uint32_t Entry(std::uint64_t hash, std::uint32_t slot) const {
    return (Fingerprint(hash) << slot_bits_) | slot;
  }
  void InsertNoGrow(std::uint64_t hash, std::uint32_t slot);
  template <typename HashOf>
  void Rebuild(HashOf hash_of) {
    Entries old;
    old.swap(entries_);
    Allocate(RebuildCapacity(live_, shrinkable_ && (Churned() || Sparse())));
    for (std::uint32_t e : old) {
      if (e == kEmpty || e == kTomb) continue;
      std::uint32_t slot = e & slot_mask_;
      InsertNoGrow(hash_of(slot), slot);
    }
  }
  void Allocate(std::size_t capacity);
  // The capacity of a rebuilt table holding `live` entries (+1 to insert).
  // At the steady load (a full window's table) or after growth.
  std::size_t RebuildCapacity(std::size_t live, bool steady) const {
    const double load = steady ? kSteadyLoad : kAfterGrowLoad;
    std::size_t want = std::max<std::size_t>(16, (live + 1) / load + 1);
    std::size_t cap = std::min(want, max_capacity_);
    return std::max(cap,
                    static_cast<std::size_t>((live + 1) / kRebuildLoad) + 2);
  }

  // On huge pages once 2 MiB or more: a rebuild writes a whole new table
  // (see mapped_memory.h).
  using Entries = HugePageVector<std::uint32_t>;
  Entries entries_;
  std::uint32_t slot_bits_ = 0;
  std::uint32_t slot_mask_ = 0;
  std::uint32_t fp_mask_ = 0;
  std::size_t max_capacity_ = 0;
  std::size_t live_ = 0;
  std::size_t used_ = 0;  // live + tombstones
  // Adds and removals since the last rebuild (the rebuild's own re-adds
  // not counted).
  std::size_t changes_ = 0;
  bool shrinkable_ = false;
  std::size_t grow_at_ = 0;
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_LSH_H_
