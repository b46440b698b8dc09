// In-memory IndexStore: items in fixed-size chunks of slots with an intrusive
// doubly-linked LRU list threaded through them, and two open-addressed
// (linear probing) tables of slot numbers: one by key, one by id (built on
// first need, see EnsureIdIndex). Freed slots are reused and table deletions
// shift entries back (no tombstones), so the steady state allocates nothing
// and never rehashes. The key table is reserved (address space only) for
// the capacity hint and doubles in place (DoubleKeysInPlace).
//
// PERF NOTES (callgrind, `--match exact` on the first 100k lines of the
// generated 200k feed): the previous store (two absl::flat_hash_maps keyed by
// Key128 and id, slots in one std::vector) cost ~320 instructions per item
// and 113-141 bytes per stored item (map slack + the vector's doubling).
// Here a key lookup reads one 8-byte table entry, whose upper half is 32
// bits of the key: a miss (most items of a feed are new) almost never
// touches a slot, and a hit reads one slot. Memory: 48-byte slots (32 in
// the compact layout: key and id only) in chunks of 1,024, from arenas that
// grow by a quarter (see AddArena), plus 12 bytes per table bucket (8 until
// something asks for an item by id) at a load factor kept between 0.35 and 0.7:
// ~60-94 bytes per stored item.
#include "index_store.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <cstdint>
#include <memory>
#include <mutex>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include "mapped_memory.h"
#include "prefetch.h"

namespace tickerdedup::internal {
namespace {

// kCompact: see NewInMemoryIndexStore's `compact`.
template <bool kCompact>
class InMemoryIndexStore final : public IndexStore {
 public:
  InMemoryIndexStore(std::size_t capacity_hint, std::size_t expected_items)
      : slot_hint_(capacity_hint) {
    // Start small whatever the window: a 1M window would otherwise fault in
    // tens of MB at start-up for a stream that may hold a few items. The
    // tables double as needed (amortized O(1) per insert).
    std::size_t buckets = kMinBuckets;
    while (buckets < kMaxInitialBuckets &&
           buckets * kMaxLoadNum < capacity_hint * kMaxLoadDen) {
      buckets *= 2;
    }
    // The key table is reserved for the whole window, as address space
    // only: it grows in place (see DoubleKeysInPlace).
    key_reserve_hint_ = buckets;
    while (key_reserve_hint_ < kMaxReservedBuckets &&
           key_reserve_hint_ * kMaxLoadNum < capacity_hint * kMaxLoadDen) {
      key_reserve_hint_ *= 2;
    }
    // A caller that knows how many items come (the CLI, from its input
    // files' sizes) gets the table sized for them now: the doublings moved
    // every entry (DoubleKeysInPlace) and prefaulted page ranges one at a
    // time, 11-12% of an exact-mode run on the 1M feed.
    while (buckets < key_reserve_hint_ &&
           buckets * kMaxLoadNum <
               std::min(expected_items, capacity_hint) * kMaxLoadDen) {
      buckets *= 2;
    }
    AllocateTables(buckets);
  }

  std::optional<StoredItem> FindKey(const Key128& key) const override {
    const std::uint32_t tag = Tag(key);
    for (std::size_t i = tag & mask_;; i = (i + 1) & mask_) {
      const std::uint64_t e = by_key_[i];
      if (e == 0) return std::nullopt;
      if (static_cast<std::uint32_t>(e >> 32) == tag) {
        const Slot& slot = SlotAt(EntrySlot(e));
        if (slot.item.key == key) {
          found_slot_.store(EntrySlot(e), std::memory_order_relaxed);
          return ToStoredItem(slot.item);
        }
      }
    }
  }

  std::optional<StoredItem> FindId(std::uint64_t id) const override {
    EnsureIdIndex();
    const std::size_t b = FindIdBucket(id);
    if (b == kNoBucket) return std::nullopt;
    return ToStoredItem(SlotAt(by_id_[b] - 1).item);
  }

  void Insert(const StoredItem& item) override {
    if ((size_ + 1) * kMaxLoadDen > (mask_ + 1) * kMaxLoadNum) {
      AllocateTables((mask_ + 1) * 2);
    }
    std::uint32_t s;
    if (free_head_ != kNil) {
      s = free_head_;
      free_head_ = SlotAt(s).next;
    } else {
      if (num_slots_ == chunks_.size() * kChunkSlots) AddArena();
      s = num_slots_++;
    }
    // (Re)starts the slot's lifetime: a fresh one is raw arena memory.
    new (&SlotAt(s)) Slot{ToSlotItem(item), kNil, kNil};
    PlaceKey(Tag(item.key), s);
    PushFront(s);
    ++size_;
    if (ids_indexed_.load(std::memory_order_relaxed)) {
      // Sized for the window (IdBucketsNeeded): a store filled past its
      // capacity hint rebuilds it larger (the new slot included).
      if (size_ * kMaxLoadDen > id_buckets_ * kMaxLoadNum) {
        BuildIdIndex();
      } else {
        PlaceId(item.id, s);
      }
    }
  }

  void Touch(std::uint64_t id, std::int64_t now) override {
    // A hit is touched right after FindKey found it: its slot is known
    // without the by-id probe, a cache miss at every exact repeat once the
    // table outgrows the cache (5% of an exact-mode run on the 1M feed).
    std::uint32_t s = found_slot_.load(std::memory_order_relaxed);
    if (s >= num_slots_ || SlotAt(s).item.id != id || SlotAt(s).prev == kFree) {
      EnsureIdIndex();
      const std::size_t b = FindIdBucket(id);
      if (b == kNoBucket) return;
      s = by_id_[b] - 1;
    }
    Slot& slot = SlotAt(s);
    if constexpr (!kCompact) {
      if (now > slot.item.last_seen) slot.item.last_seen = now;
    }
    if (head_ == s) return;  // already the most recent: a common repeat
    Unlink(s);
    PushFront(s);
  }

  void Erase(std::uint64_t id) override {
    std::uint32_t s;
    if (tail_ != kNil && SlotAt(tail_).item.id == id) {
      // The oldest, which the window evicts: no id lookup needed.
      s = tail_;
      if (ids_indexed_.load(std::memory_order_relaxed)) {
        RemoveIdBucket(FindIdBucket(id));
      }
    } else {
      EnsureIdIndex();
      const std::size_t b = FindIdBucket(id);
      if (b == kNoBucket) return;
      s = by_id_[b] - 1;
      RemoveIdBucket(b);
    }
    RemoveKeyBucket(FindKeyBucket(SlotAt(s).item.key, s));
    Unlink(s);
    SlotAt(s).prev = kFree;
    SlotAt(s).next = free_head_;
    free_head_ = s;
    --size_;
    PrefetchEvictions();
  }

  void Prefetch(const Key128& key, std::uint64_t new_id) const override {
    PrefetchLine(&by_key_[Tag(key) & mask_]);
    if (ids_indexed_.load(std::memory_order_relaxed)) {
      PrefetchLine(&by_id_[IdHome(new_id)]);
    }
  }

  std::optional<StoredItem> Oldest() const override {
    if (tail_ == kNil) return std::nullopt;
    return ToStoredItem(SlotAt(tail_).item);
  }

  std::size_t size() const override { return size_; }

  std::size_t MemoryBytes() const override {
    return chunks_.size() * kChunkSlots * sizeof(Slot) +
           chunks_.capacity() * sizeof(chunks_[0]) +
           arenas_.capacity() * sizeof(arenas_[0]) +
           (mask_ + 1) * sizeof(by_key_[0]) +
           (ids_indexed_.load(std::memory_order_relaxed)
                ? id_buckets_ * sizeof(by_id_[0])
                : 0);
  }

 private:
  static constexpr std::uint32_t kNil = 0xffffffffu;
  // Slot::prev of a free slot (never a slot number: the engine caps the
  // window below 0xfffffff0 items).
  static constexpr std::uint32_t kFree = 0xfffffffeu;
  static constexpr std::size_t kNoBucket = ~std::size_t{0};
  // 1,024 slots = 48 KiB: small enough that a tiny stream allocates little,
  // large enough that the chunk pointers stay in L1.
  static constexpr std::uint32_t kChunkShift = 10;
  static constexpr std::uint32_t kChunkSlots = 1u << kChunkShift;
  // Chunks come from arenas of up to 128 chunks (6 MiB), each a quarter of
  // what is held so far (so at most ~25% unused slot memory past the first
  // chunks). PERF NOTES: chunks used to be malloc'ed one by one, then
  // value-initialized: on the 1M feed that was ~8,600 page faults (4 KiB
  // pages; 2/3 of the run's faults, with the kernel's page clearing ~10%
  // of an exact-mode run) plus a store loop over every new slot. Arenas
  // come zeroed from mmap, on huge pages once they are 2 MiB or more (see
  // ZeroedArray), and a slot is constructed when first used. They are
  // prefaulted, like the tables: one call per arena instead of a fault per
  // page cut 6% off an exact-mode run on the 200k feed and 4% on the 1M
  // feed (CPU time, median of 11), for up to a quarter of the slot memory
  // mapped before it is used (peak RSS on the 1M feed 66 -> 70 MiB, what
  // it was before arenas).
  static constexpr std::size_t kMaxArenaChunks = 128;
  static constexpr int kEvictAhead = 16;
  static constexpr std::size_t kMinBuckets = 1024;
  // The key table's reservation is capped at 1 GiB of address space; a
  // window that needs more rebuilds the table beyond it.
  static constexpr std::size_t kMaxReservedBuckets = std::size_t{1} << 27;
  static constexpr std::size_t kHugeTableBytes = 2 << 20;
  // Up-front tables are capped at 16K buckets (192 KiB): a large window
  // grows on demand, and a short stream does not fault in memory it never
  // uses.
  static constexpr std::size_t kMaxInitialBuckets = 1 << 14;
  // Max load 0.7: a linear-probing miss then reads ~6 entries on average,
  // which sit in one or two cache lines of 8-byte entries.
  static constexpr std::size_t kMaxLoadNum = 7;
  static constexpr std::size_t kMaxLoadDen = 10;

  // What a slot keeps of its item: all of it, or (compact) the key and
  // the id, the rest being implied (rep_id = id, last_seen unused).
  struct CompactItem {
    Key128 key;
    std::uint64_t id = 0;
  };
  using SlotItem = std::conditional_t<kCompact, CompactItem, StoredItem>;
  struct Slot {
    SlotItem item;
    std::uint32_t prev = kNil;
    std::uint32_t next = kNil;
  };
  static_assert(!kCompact || sizeof(Slot) == 32, "two slots a cache line");

  static SlotItem ToSlotItem(const StoredItem& item) {
    if constexpr (kCompact) {
      assert(item.rep_id == item.id);
      return CompactItem{item.key, item.id};
    } else {
      return item;
    }
  }
  static StoredItem ToStoredItem(const SlotItem& item) {
    if constexpr (kCompact) {
      return StoredItem{item.key, item.id, item.id, 0};
    } else {
      return item;
    }
  }

  // The key is already a high-quality hash: its top 32 bits are the home
  // bucket (low bits) and the tag stored in the entry. While the table has
  // at most 2^32 buckets the home bucket is recoverable from the tag, so
  // deletions shift entries without reading their slots.
  static std::uint32_t Tag(const Key128& key) {
    return static_cast<std::uint32_t>(key.hi >> 32);
  }
  static std::uint32_t EntrySlot(std::uint64_t e) {
    return static_cast<std::uint32_t>(e) - 1;
  }
  // Ids are consecutive: Fibonacci hashing (the top bits of id * 2^64/phi)
  // spreads them evenly over the table; identity would build long runs
  // that linear probing handles badly.
  // The id table has id_buckets_ buckets, any number (not a power of two):
  // a home by multiply-shift of the id's hash, probing wraps at the end.
  std::size_t IdHome(std::uint64_t id) const {
    const unsigned __int128 h = id * 0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>((h * id_buckets_) >> 64);
  }
  std::size_t NextIdBucket(std::size_t i) const {
    return i + 1 == id_buckets_ ? 0 : i + 1;
  }
  // Probe distance from bucket `from` forward to bucket `to`.
  std::size_t IdDistance(std::size_t from, std::size_t to) const {
    return to >= from ? to - from : to + id_buckets_ - from;
  }
  std::size_t KeyHome(std::uint64_t e) const {
    if (mask_ <= 0xffffffffu)
      return static_cast<std::uint32_t>(e >> 32) & mask_;
    return static_cast<std::size_t>(SlotAt(EntrySlot(e)).item.key.hi >> 32) &
           mask_;
  }

  Slot& SlotAt(std::uint32_t s) {
    return chunks_[s >> kChunkShift][s & (kChunkSlots - 1)];
  }
  const Slot& SlotAt(std::uint32_t s) const {
    return chunks_[s >> kChunkShift][s & (kChunkSlots - 1)];
  }

  std::size_t FindIdBucket(std::uint64_t id) const {
    for (std::size_t i = IdHome(id);; i = NextIdBucket(i)) {
      const std::uint32_t e = by_id_[i];
      if (e == 0) return kNoBucket;
      if (SlotAt(e - 1).item.id == id) return i;
    }
  }

  // The bucket of slot `s`, whose key is `key` (present by contract).
  std::size_t FindKeyBucket(const Key128& key, std::uint32_t s) const {
    for (std::size_t i = Tag(key) & mask_;; i = (i + 1) & mask_) {
      if (EntrySlot(by_key_[i]) == s) return i;
    }
  }

  void PlaceKey(std::uint32_t tag, std::uint32_t s) {
    std::size_t i = tag & mask_;
    while (by_key_[i] != 0) i = (i + 1) & mask_;
    by_key_[i] = (std::uint64_t{tag} << 32) | (s + 1);
  }

  void PlaceId(std::uint64_t id, std::uint32_t s) const {
    std::size_t i = IdHome(id);
    while (by_id_[i] != 0) i = NextIdBucket(i);
    by_id_[i] = s + 1;
  }

  // Linear-probing deletion (Knuth 6.4, Algorithm R): later entries of the
  // run move back into the hole unless their home lies cyclically in
  // (hole, entry].
  void RemoveKeyBucket(std::size_t hole) {
    for (std::size_t j = (hole + 1) & mask_; by_key_[j] != 0;
         j = (j + 1) & mask_) {
      const std::size_t home = KeyHome(by_key_[j]);
      if (((j - home) & mask_) >= ((j - hole) & mask_)) {
        by_key_[hole] = by_key_[j];
        hole = j;
      }
    }
    by_key_[hole] = 0;
  }

  void RemoveIdBucket(std::size_t hole) {
    for (std::size_t j = NextIdBucket(hole); by_id_[j] != 0;
         j = NextIdBucket(j)) {
      const std::size_t home = IdHome(SlotAt(by_id_[j] - 1).item.id);
      if (IdDistance(home, j) >= IdDistance(hole, j)) {
        by_id_[hole] = by_id_[j];
        hole = j;
      }
    }
    by_id_[hole] = 0;
  }

  // (Re)builds the tables with `buckets` buckets from the live items.
  // PERF NOTES: on the 1M feed the rehashes place ~1.4M entries of each
  // table for 740k inserts. The key table doubles in place within its
  // reservation (DoubleKeysInPlace); otherwise it is rebuilt from the old
  // one, in bucket order: an entry's tag gives its new home, which for old
  // bucket i lies near i or i + old size, so reads and writes are
  // sequential streams. It used to walk the slots (as BuildIdIndex does)
  // for both tables: the rehash loop was then 70% of Insert, 8% of the
  // whole exact-mode run, in cache misses on the new tables.
  void AllocateTables(std::size_t buckets) {
    const std::size_t old_buckets = key_reserved_ == 0 ? 0 : mask_ + 1;
    const bool tags_give_homes = buckets - 1 <= 0xffffffffu;  // see Tag
    const bool huge = buckets * sizeof(by_key_[0]) >= kHugeTableBytes;
    if (buckets <= key_reserved_ && buckets == 2 * old_buckets &&
        tags_give_homes) {
      if (huge) by_key_.AdviseHuge();  // once the table is big enough
      // Prefaulted: hashing spreads the entries over every page at once.
      by_key_.Prefault(old_buckets, buckets);
      mask_ = buckets - 1;
      DoubleKeysInPlace(old_buckets);
      if (ids_indexed_.load(std::memory_order_relaxed)) BuildIdIndex();
      return;
    }
    ZeroedArray<std::uint64_t> old_keys = std::move(by_key_);
    key_reserved_ = std::max(buckets, key_reserve_hint_);
    try {
      by_key_ = ZeroedArray<std::uint64_t>(key_reserved_, /*prefault=*/false,
                                           /*advise_huge=*/huge);
    } catch (const std::bad_alloc&) {  // no room to reserve: just the table
      key_reserved_ = buckets;
      by_key_ = ZeroedArray<std::uint64_t>(buckets, /*prefault=*/false,
                                           /*advise_huge=*/huge);
    }
    by_key_.Prefault(0, buckets);
    mask_ = buckets - 1;
    if (tags_give_homes) {
      const std::size_t copy = size_ == 0 ? 0 : old_buckets;
      for (std::size_t i = 0; i < copy; ++i) {
        if (old_keys[i] != 0) PlaceKeyEntry(old_keys[i]);
      }
    } else {
      for (std::uint32_t s = 0; s < num_slots_; ++s) {
        const Slot& slot = SlotAt(s);
        if (slot.prev != kFree) PlaceKey(Tag(slot.item.key), s);
      }
    }
    if (ids_indexed_.load(std::memory_order_relaxed)) BuildIdIndex();
  }

  // Doubles the key table from `old_buckets` buckets, whose entries are in
  // [0, old_buckets), to mask_ + 1 (the new half is zero). An entry whose
  // home was h goes home to h or h + old_buckets. The entries are taken
  // out and placed again in bucket order, which keeps every probe run
  // whole: an entry placed from bucket i only crosses buckets already
  // placed (below i, or in the new half) and stops at i at the latest, the
  // bucket it just left; none of them is emptied later. Except the first
  // run, which may be the end of a run wrapped around from the last
  // buckets: it is set aside and placed last, into a consistent table.
  // PERF NOTES: rebuilding into a new table (the copy loop above) moves
  // every entry to fresh memory and holds both tables. On the 1M feed
  // (exact mode, ~130 ms) the doublings took 10.4 ms in place against 12.0
  // ms by copy, and peak RSS fell from 70 to 62 MiB.
  void DoubleKeysInPlace(std::size_t old_buckets) {
    std::uint64_t* t = &by_key_[0];
    std::size_t w = 0;
    while (t[w] != 0) ++w;  // the load is below 1: there is an empty one
    key_scratch_.assign(t, t + w);
    std::fill(t, t + w, std::uint64_t{0});
    for (std::size_t i = w + 1; i < old_buckets; ++i) {
      const std::uint64_t e = t[i];
      if (e == 0) continue;
      t[i] = 0;
      PlaceKeyEntry(e);
    }
    for (std::uint64_t e : key_scratch_) PlaceKeyEntry(e);
  }

  void PlaceKeyEntry(std::uint64_t e) {
    std::size_t j = static_cast<std::uint32_t>(e >> 32) & mask_;
    while (by_key_[j] != 0) j = (j + 1) & mask_;
    by_key_[j] = e;
  }

  // The id table is built the first time an item is asked for by id:
  // exact-only matching never does (Touch finds FindKey's hit without it,
  // and Erase the oldest item), and then skips its upkeep: a random write
  // per insert and a rebuild at each doubling, which took as long as the
  // key table's rebuilds (~15% of an exact-mode run on the 1M feed between
  // them), and 4 bytes per bucket. Const, and safe while other threads
  // call const methods: the first caller builds under a lock.
  void EnsureIdIndex() const {
    if (ids_indexed_.load(std::memory_order_acquire)) return;
    std::lock_guard<std::mutex> lock(id_index_mu_);
    if (ids_indexed_.load(std::memory_order_relaxed)) return;
    BuildIdIndex();
    ids_indexed_.store(true, std::memory_order_release);
  }

  // Builds the id table from the live slots. PERF NOTES: it walks the
  // slots in memory order (free ones are marked), not the old table, whose
  // entries point at slots in random order, and prefetches the buckets it
  // is about to fill; walking the old table without prefetches took more
  // time in cache misses than all the inserts.
  void BuildIdIndex() const {
    id_buckets_ = IdBucketsNeeded();
    by_id_ = ZeroedArray<std::uint32_t>(id_buckets_, /*prefault=*/true);
    // The buckets of the slots 16 ahead are fetched while these are placed.
    constexpr std::uint32_t kAhead = 16;
    for (std::uint32_t s = 0; s < num_slots_; ++s) {
      if (s + kAhead < num_slots_) {
        PrefetchLine(&by_id_[IdHome(SlotAt(s + kAhead).item.id)]);
      }
      const Slot& slot = SlotAt(s);
      if (slot.prev != kFree) PlaceId(slot.item.id, s);
    }
  }

  // The id table's size: at most the key table's, and no more than the
  // window (the capacity hint, +1: the engine inserts, then evicts) needs
  // at the max load, whatever the key table's power of two. At a full 1M
  // window the key table has 2^21 buckets (load 0.48) and the id table
  // 1.43M (load 0.7): 2.7 bytes less per stored item.
  // A store filled past its hint gets the key table's size, which grows
  // by doubling (so refills past the hint rebuild rarely).
  std::size_t IdBucketsNeeded() const {
    if (size_ > slot_hint_ + 1) return mask_ + 1;
    const std::size_t for_window =
        (slot_hint_ + 1) * kMaxLoadDen / kMaxLoadNum + 1;
    return std::min(mask_ + 1, std::max(kMinBuckets, for_window));
  }

  void AddArena() {
    std::size_t n =
        std::clamp<std::size_t>(chunks_.size() / 4, 1, kMaxArenaChunks);
    // Not past the window's slots (+1: the engine inserts, then evicts):
    // the last arena of a 1M window held 106 spare chunks, 5 MB.
    const std::size_t window_chunks =
        (slot_hint_ + 1 + kChunkSlots - 1) / kChunkSlots;
    if (chunks_.size() < window_chunks) {
      n = std::min(n, window_chunks - chunks_.size());
    }
    arenas_.emplace_back(n * kChunkSlots, /*prefault=*/true);
    Slot* base = &arenas_.back()[0];
    for (std::size_t i = 0; i < n; ++i) {
      chunks_.push_back(base + i * kChunkSlots);
    }
  }

  // A full window evicts the least recently seen item at every insert, and
  // finding its key's bucket is a random read of the key table, after a
  // read of its slot, cold since it was stored. The items next in line are
  // the tail's predecessors: a cursor (ahead_) kEvictAhead items from the
  // tail steps back one item per eviction; each step requests the cursor's
  // next slot and the key-table bucket of the slot it leaves, so both are
  // in cache when their item is evicted. Touch and Erase drop a cursor
  // whose slot they move; it is found again by walking from the tail.
  // PERF NOTES: once the window is full, Erase was 31% of an exact-mode run
  // (first 3M lines of the 10M feed, 1M window), in those two cache misses.
  void PrefetchEvictions() {
    std::uint32_t s = ahead_;
    if (s == kNil) {
      s = tail_;
      for (int k = 0; k < kEvictAhead && s != kNil; ++k) s = SlotAt(s).prev;
      if (s == kNil) return;
    }
    const Slot& slot = SlotAt(s);
    // The bucket's line and the next: the deletion shifts the rest of its
    // probe run back.
    const std::size_t home = Tag(slot.item.key) & mask_;
    PrefetchLine(&by_key_[home]);
    PrefetchLine(&by_key_[(home + 8) & mask_]);
    ahead_ = slot.prev;
    if (ahead_ != kNil) {
      PrefetchLine(&SlotAt(ahead_));
      // Most often the slot after it comes next (freed slots are reused
      // in eviction order): a second step of lead when that holds.
      if (ahead_ + 1 < num_slots_) PrefetchLine(&SlotAt(ahead_ + 1));
    }
  }

  void PushFront(std::uint32_t s) {
    Slot& slot = SlotAt(s);
    slot.prev = kNil;
    slot.next = head_;
    if (head_ != kNil) SlotAt(head_).prev = s;
    head_ = s;
    if (tail_ == kNil) tail_ = s;
  }

  void Unlink(std::uint32_t s) {
    if (s == ahead_) ahead_ = kNil;
    Slot& slot = SlotAt(s);
    if (slot.prev != kNil) {
      SlotAt(slot.prev).next = slot.next;
    } else {
      head_ = slot.next;
    }
    if (slot.next != kNil) {
      SlotAt(slot.next).prev = slot.prev;
    } else {
      tail_ = slot.prev;
    }
    slot.prev = slot.next = kNil;
  }

  std::vector<ZeroedArray<Slot>> arenas_;
  std::vector<Slot*> chunks_;    // kChunkSlots slots each, in the arenas
  std::uint32_t num_slots_ = 0;  // slots ever used (live + free)
  std::size_t slot_hint_ = 0;    // the capacity hint: the window
  // (tag << 32) | (slot + 1); 0 = empty.
  ZeroedArray<std::uint64_t> by_key_;
  std::size_t key_reserved_ = 0;  // buckets by_key_ has room for
  std::size_t key_reserve_hint_ = 0;
  std::vector<std::uint64_t> key_scratch_;  // DoubleKeysInPlace's first run
  // slot + 1; 0 = empty. Mutable: built by EnsureIdIndex on first need.
  mutable ZeroedArray<std::uint32_t> by_id_;
  mutable std::atomic<bool> ids_indexed_{false};
  mutable std::mutex id_index_mu_;
  std::size_t mask_ = 0;
  mutable std::size_t id_buckets_ = 0;  // by_id_'s buckets (BuildIdIndex)
  std::uint32_t head_ = kNil;           // most recently seen
  std::uint32_t tail_ = kNil;           // least recently seen
  std::uint32_t free_head_ = kNil;
  std::uint32_t ahead_ = kNil;  // see PrefetchEvictions
  std::size_t size_ = 0;
  // The slot of FindKey's last hit (Touch's shortcut; any slot number, or
  // kNil: Touch checks it). Atomic because FindKey is const and may run on
  // several threads at once; relaxed is enough for a hint.
  mutable std::atomic<std::uint32_t> found_slot_{kNil};
};

}  // namespace

std::unique_ptr<IndexStore> NewInMemoryIndexStore(std::size_t capacity_hint,
                                                  std::size_t expected_items,
                                                  bool compact) {
  if (compact) {
    return std::make_unique<InMemoryIndexStore<true>>(capacity_hint,
                                                      expected_items);
  }
  return std::make_unique<InMemoryIndexStore<false>>(capacity_hint,
                                                     expected_items);
}

}  // namespace tickerdedup::internal
