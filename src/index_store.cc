// In-memory IndexStore: items in fixed-size chunks of slots with an intrusive
// doubly-linked LRU list threaded through them, and two open-addressed
// (linear probing) tables of slot numbers: one by key, one by id. Freed slots
// are reused and table deletions shift entries back (no tombstones), so the
// steady state allocates nothing and never rehashes.
//
// PERF NOTES (callgrind, `--match exact` on the first 100k lines of the
// generated 200k feed): the previous store (two absl::flat_hash_maps keyed by
// Key128 and id, slots in one std::vector) cost ~320 instructions per item
// and 113-141 bytes per stored item (map slack + the vector's doubling).
// Here a key lookup reads one 8-byte table entry, whose upper half is 32
// bits of the key: a miss (most items of a feed are new) almost never
// touches a slot, and a hit reads one slot. Memory: 48-byte slots allocated
// 1,024 at a time (no doubling slack) plus 12 bytes per table bucket at a
// load factor kept between 0.35 and 0.7: ~65-82 bytes per stored item.
#include "index_store.h"

#include <sys/mman.h>

#include <bit>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace tickerdedup::internal {
namespace {

// A zero-filled array straight from mmap, on transparent huge pages when it
// is large. PERF NOTES: at 1M stored items the tables are 12-24 MB probed
// at random; with 4 KiB pages nearly every probe (and every software
// prefetch, which then waits for the page walk) missed the TLB too: perf
// put 10% of an exact-mode run on the prefetch instructions alone.
template <typename T>
class ZeroedArray {
 public:
  ZeroedArray() = default;
  explicit ZeroedArray(std::size_t n) : bytes_(n * sizeof(T)) {
    void* p = mmap(nullptr, bytes_, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    if (bytes_ >= kHugePageBytes) madvise(p, bytes_, MADV_HUGEPAGE);
#endif
    data_ = static_cast<T*>(p);
  }
  ~ZeroedArray() {
    if (data_ != nullptr) munmap(data_, bytes_);
  }
  ZeroedArray(ZeroedArray&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)),
        bytes_(std::exchange(other.bytes_, 0)) {}
  ZeroedArray& operator=(ZeroedArray&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(bytes_, other.bytes_);
    return *this;
  }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  static constexpr std::size_t kHugePageBytes = 2 << 20;
  T* data_ = nullptr;
  std::size_t bytes_ = 0;
};

class InMemoryIndexStore final : public IndexStore {
 public:
  explicit InMemoryIndexStore(std::size_t capacity_hint) {
    // Start small whatever the window: a 1M window would otherwise fault in
    // tens of MB at start-up for a stream that may hold a few items. The
    // tables double as needed (amortized O(1) per insert).
    std::size_t buckets = kMinBuckets;
    while (buckets < kMaxInitialBuckets &&
           buckets * kMaxLoadNum < capacity_hint * kMaxLoadDen) {
      buckets *= 2;
    }
    AllocateTables(buckets);
  }

  const StoredItem* FindKey(const Key128& key) const override {
    const std::uint32_t tag = Tag(key);
    for (std::size_t i = tag & mask_;; i = (i + 1) & mask_) {
      const std::uint64_t e = by_key_[i];
      if (e == 0) return nullptr;
      if (static_cast<std::uint32_t>(e >> 32) == tag) {
        const Slot& slot = SlotAt(EntrySlot(e));
        if (slot.item.key == key) return &slot.item;
      }
    }
  }

  const StoredItem* FindId(std::uint64_t id) const override {
    const std::size_t b = FindIdBucket(id);
    return b == kNoBucket ? nullptr : &SlotAt(by_id_[b] - 1).item;
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
      if ((num_slots_ & (kChunkSlots - 1)) == 0) {
        chunks_.push_back(std::make_unique<Slot[]>(kChunkSlots));
      }
      s = num_slots_++;
    }
    Slot& slot = SlotAt(s);
    slot.item = item;
    PlaceKey(Tag(item.key), s);
    PlaceId(item.id, s);
    PushFront(s);
    ++size_;
  }

  void Touch(std::uint64_t id, std::int64_t now) override {
    const std::size_t b = FindIdBucket(id);
    if (b == kNoBucket) return;
    const std::uint32_t s = by_id_[b] - 1;
    Slot& slot = SlotAt(s);
    if (now > slot.item.last_seen) slot.item.last_seen = now;
    if (head_ == s) return;  // already the most recent: a common repeat
    Unlink(s);
    PushFront(s);
  }

  void Erase(std::uint64_t id) override {
    const std::size_t b = FindIdBucket(id);
    if (b == kNoBucket) return;
    const std::uint32_t s = by_id_[b] - 1;
    RemoveIdBucket(b);
    RemoveKeyBucket(FindKeyBucket(SlotAt(s).item.key, s));
    Unlink(s);
    SlotAt(s).prev = kFree;
    SlotAt(s).next = free_head_;
    free_head_ = s;
    --size_;
  }

  void Prefetch(const Key128& key, std::uint64_t new_id) const override {
    __builtin_prefetch(&by_key_[Tag(key) & mask_]);
    __builtin_prefetch(&by_id_[IdHome(new_id)]);
  }

  const StoredItem* Oldest() const override {
    return tail_ == kNil ? nullptr : &SlotAt(tail_).item;
  }

  std::size_t size() const override { return size_; }

  std::size_t MemoryBytes() const override {
    return chunks_.size() * kChunkSlots * sizeof(Slot) +
           chunks_.capacity() * sizeof(chunks_[0]) +
           (mask_ + 1) * (sizeof(by_key_[0]) + sizeof(by_id_[0]));
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
  static constexpr std::size_t kMinBuckets = 1024;
  // Up-front tables are capped at 16K buckets (192 KiB): a large window
  // grows on demand, and a short stream does not fault in memory it never
  // uses.
  static constexpr std::size_t kMaxInitialBuckets = 1 << 14;
  // Max load 0.7: a linear-probing miss then reads ~6 entries on average,
  // which sit in one or two cache lines of 8-byte entries.
  static constexpr std::size_t kMaxLoadNum = 7;
  static constexpr std::size_t kMaxLoadDen = 10;

  struct Slot {
    StoredItem item;
    std::uint32_t prev = kNil;
    std::uint32_t next = kNil;
  };

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
  std::size_t IdHome(std::uint64_t id) const {
    return static_cast<std::size_t>((id * 0x9E3779B97F4A7C15ull) >> id_shift_);
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
    for (std::size_t i = IdHome(id);; i = (i + 1) & mask_) {
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

  void PlaceId(std::uint64_t id, std::uint32_t s) {
    std::size_t i = IdHome(id);
    while (by_id_[i] != 0) i = (i + 1) & mask_;
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
    for (std::size_t j = (hole + 1) & mask_; by_id_[j] != 0;
         j = (j + 1) & mask_) {
      const std::size_t home = IdHome(SlotAt(by_id_[j] - 1).item.id);
      if (((j - home) & mask_) >= ((j - hole) & mask_)) {
        by_id_[hole] = by_id_[j];
        hole = j;
      }
    }
    by_id_[hole] = 0;
  }

  // (Re)builds both tables with `buckets` buckets from the live slots.
  // PERF NOTES: it walks the slots in memory order (free ones are marked),
  // not the old table, whose entries point at slots in random order, and
  // prefetches the buckets it is about to fill. On the 1M feed the
  // rehashes place ~1.4M entries for 740k inserts; walking the old table
  // without prefetches, they took more time in cache misses than all the
  // inserts themselves.
  void AllocateTables(std::size_t buckets) {
    by_key_ = ZeroedArray<std::uint64_t>(buckets);
    by_id_ = ZeroedArray<std::uint32_t>(buckets);
    mask_ = buckets - 1;
    id_shift_ = 64 - std::countr_zero(buckets);
    // The buckets of the slots 16 ahead are fetched while these are placed.
    constexpr std::uint32_t kAhead = 16;
    for (std::uint32_t s = 0; s < num_slots_; ++s) {
      if (s + kAhead < num_slots_) {
        const StoredItem& next = SlotAt(s + kAhead).item;
        __builtin_prefetch(&by_key_[Tag(next.key) & mask_], 1);
        __builtin_prefetch(&by_id_[IdHome(next.id)], 1);
      }
      const Slot& slot = SlotAt(s);
      if (slot.prev == kFree) continue;
      PlaceKey(Tag(slot.item.key), s);
      PlaceId(slot.item.id, s);
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

  std::vector<std::unique_ptr<Slot[]>> chunks_;
  std::uint32_t num_slots_ = 0;  // slots ever used (live + free)
  // (tag << 32) | (slot + 1); 0 = empty.
  ZeroedArray<std::uint64_t> by_key_;
  ZeroedArray<std::uint32_t> by_id_;  // slot + 1; 0 = empty
  std::size_t mask_ = 0;
  int id_shift_ = 64;          // 64 - log2(buckets)
  std::uint32_t head_ = kNil;  // most recently seen
  std::uint32_t tail_ = kNil;  // least recently seen
  std::uint32_t free_head_ = kNil;
  std::size_t size_ = 0;
};

}  // namespace

std::unique_ptr<IndexStore> NewInMemoryIndexStore(std::size_t capacity_hint) {
  return std::make_unique<InMemoryIndexStore>(capacity_hint);
}

}  // namespace tickerdedup::internal
