// In-memory IndexStore: slots in one vector, an intrusive doubly-linked LRU
// list threaded through them, and two flat hash maps (key -> slot, id ->
// slot). Freed slots are reused, so steady state allocates nothing.
#include "index_store.h"

#include <vector>

#include "absl/container/flat_hash_map.h"

namespace tickerdedup::internal {
namespace {

struct Key128Hash {
  // The key is already a high-quality hash.
  std::size_t operator()(const Key128& k) const { return k.lo ^ (k.hi << 1); }
};

class InMemoryIndexStore final : public IndexStore {
 public:
  explicit InMemoryIndexStore(std::size_t capacity_hint) {
    // Pre-size for the window up to a point; beyond that, grow on demand so
    // a huge --window does not reserve memory the stream never uses.
    std::size_t reserve = capacity_hint < (1u << 16) ? capacity_hint : (1u << 16);
    slots_.reserve(reserve);
    by_key_.reserve(reserve);
    by_id_.reserve(reserve);
  }

  const StoredItem* FindKey(const Key128& key) const override {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : &slots_[it->second].item;
  }

  const StoredItem* FindId(std::uint64_t id) const override {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &slots_[it->second].item;
  }

  void Insert(const StoredItem& item) override {
    std::uint32_t s;
    if (free_head_ != kNil) {
      s = free_head_;
      free_head_ = slots_[s].next;
    } else {
      s = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back();
    }
    slots_[s].item = item;
    by_key_[item.key] = s;
    by_id_[item.id] = s;
    PushFront(s);
    ++size_;
  }

  void Touch(std::uint64_t id, std::int64_t now) override {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return;
    std::uint32_t s = it->second;
    if (now > slots_[s].item.last_seen) slots_[s].item.last_seen = now;
    Unlink(s);
    PushFront(s);
  }

  void Erase(std::uint64_t id) override {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return;
    std::uint32_t s = it->second;
    by_id_.erase(it);
    by_key_.erase(slots_[s].item.key);
    Unlink(s);
    slots_[s].next = free_head_;
    free_head_ = s;
    --size_;
  }

  const StoredItem* Oldest() const override {
    return tail_ == kNil ? nullptr : &slots_[tail_].item;
  }

  std::size_t size() const override { return size_; }

  std::size_t MemoryBytes() const override {
    // flat_hash_map: one control byte plus one slot per bucket.
    return slots_.capacity() * sizeof(Slot) +
           by_key_.capacity() * (sizeof(std::pair<Key128, std::uint32_t>) + 1) +
           by_id_.capacity() * (sizeof(std::pair<std::uint64_t, std::uint32_t>) + 1);
  }

 private:
  static constexpr std::uint32_t kNil = 0xffffffffu;
  struct Slot {
    StoredItem item;
    std::uint32_t prev = kNil;
    std::uint32_t next = kNil;
  };

  void PushFront(std::uint32_t s) {
    slots_[s].prev = kNil;
    slots_[s].next = head_;
    if (head_ != kNil) slots_[head_].prev = s;
    head_ = s;
    if (tail_ == kNil) tail_ = s;
  }

  void Unlink(std::uint32_t s) {
    Slot& slot = slots_[s];
    if (slot.prev != kNil) slots_[slot.prev].next = slot.next; else head_ = slot.next;
    if (slot.next != kNil) slots_[slot.next].prev = slot.prev; else tail_ = slot.prev;
    slot.prev = slot.next = kNil;
  }

  std::vector<Slot> slots_;
  absl::flat_hash_map<Key128, std::uint32_t, Key128Hash> by_key_;
  absl::flat_hash_map<std::uint64_t, std::uint32_t> by_id_;
  std::uint32_t head_ = kNil;
  std::uint32_t tail_ = kNil;
  std::uint32_t free_head_ = kNil;
  std::size_t size_ = 0;
};

}  // namespace

std::unique_ptr<IndexStore> NewInMemoryIndexStore(std::size_t capacity_hint) {
  return std::make_unique<InMemoryIndexStore>(capacity_hint);
}

}  // namespace tickerdedup::internal
