// IndexStore tests: the in-memory store against a plain reference model
// (std::map + std::list LRU) under random inserts, touches, erases and
// evictions, with keys crafted to collide in the open-addressed table.
#include "index_store.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <list>
#include <map>
#include <random>
#include <utility>
#include <vector>

namespace tickerdedup::internal {
namespace {

// The obviously-correct store: what the in-memory one must agree with.
class ReferenceStore {
 public:
  const StoredItem* FindKey(const Key128& key) const {
    auto it = by_key_.find({key.lo, key.hi});
    return it == by_key_.end() ? nullptr : &*it->second;
  }
  const StoredItem* FindId(std::uint64_t id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &*it->second;
  }
  void Insert(const StoredItem& item) {
    lru_.push_front(item);
    by_key_[{item.key.lo, item.key.hi}] = lru_.begin();
    by_id_[item.id] = lru_.begin();
  }
  void Touch(std::uint64_t id, std::int64_t now) {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return;
    if (now > it->second->last_seen) it->second->last_seen = now;
    lru_.splice(lru_.begin(), lru_, it->second);
  }
  void Erase(std::uint64_t id) {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return;
    by_key_.erase({it->second->key.lo, it->second->key.hi});
    lru_.erase(it->second);
    by_id_.erase(it);
  }
  const StoredItem* Oldest() const {
    return lru_.empty() ? nullptr : &lru_.back();
  }
  std::size_t size() const { return lru_.size(); }
  // Ids from most to least recently seen.
  std::vector<std::uint64_t> Order() const {
    std::vector<std::uint64_t> ids;
    for (const StoredItem& item : lru_) ids.push_back(item.id);
    return ids;
  }

 private:
  std::list<StoredItem> lru_;
  std::map<std::pair<std::uint64_t, std::uint64_t>,
           std::list<StoredItem>::iterator>
      by_key_;
  std::map<std::uint64_t, std::list<StoredItem>::iterator> by_id_;
};

void ExpectSame(const StoredItem* got, const StoredItem* want) {
  ASSERT_EQ(got == nullptr, want == nullptr);
  if (got == nullptr) return;
  EXPECT_EQ(got->key, want->key);
  EXPECT_EQ(got->id, want->id);
  EXPECT_EQ(got->rep_id, want->rep_id);
  EXPECT_EQ(got->last_seen, want->last_seen);
}

// Keys from a small pool of high halves, so that many keys share a tag and
// a home bucket (the table must still tell them apart by the full key).
Key128 MakeKey(std::mt19937_64& rng, bool colliding) {
  Key128 k;
  k.lo = rng();
  k.hi = colliding ? (rng() % 8) << 32 | (rng() & 0xffffffffu) : rng();
  if (colliding && rng() % 2) k.hi = (rng() % 4) << 32;  // same tag, too
  return k;
}

// Drives both stores with the same random operations; `window` bounds the
// size as the engine does (evicting the oldest), so the tables both grow and
// run in steady state with deletions.
void RunRandom(std::uint64_t seed, std::size_t window, std::size_t ops,
               bool colliding, std::size_t capacity_hint) {
  std::mt19937_64 rng(seed);
  auto store = NewInMemoryIndexStore(capacity_hint);
  ReferenceStore ref;
  std::vector<Key128> keys;  // every key ever inserted, to probe again
  std::uint64_t next_id = 0;
  std::int64_t now = 0;
  for (std::size_t op = 0; op < ops; ++op) {
    now += static_cast<std::int64_t>(rng() % 3);
    const unsigned what = rng() % 10;
    if (what < 5 || keys.empty()) {
      Key128 key = MakeKey(rng, colliding);
      if (ref.FindKey(key) != nullptr) continue;  // keys are unique
      std::uint64_t id = next_id++;
      std::uint64_t rep = id;
      // Some members point at a live representative.
      if (rng() % 4 == 0 && ref.size() > 0) rep = ref.Oldest()->id;
      StoredItem item{key, id, rep, now};
      store->Insert(item);
      ref.Insert(item);
      keys.push_back(key);
      while (ref.size() > window) {
        ExpectSame(store->Oldest(), ref.Oldest());
        std::uint64_t oldest = ref.Oldest()->id;
        store->Erase(oldest);
        ref.Erase(oldest);
      }
    } else if (what < 8) {
      const Key128& key = keys[rng() % keys.size()];
      const StoredItem* want = ref.FindKey(key);
      ExpectSame(store->FindKey(key), want);
      if (want != nullptr) {
        std::uint64_t id = want->id;
        store->Touch(id, now);
        ref.Touch(id, now);
      }
    } else if (what < 9) {
      std::uint64_t id = next_id == 0 ? 0 : rng() % (next_id + 2);
      ExpectSame(store->FindId(id), ref.FindId(id));
      store->Erase(id);  // also of absent ids: a no-op
      ref.Erase(id);
    } else {
      std::uint64_t id = next_id == 0 ? 0 : rng() % (next_id + 2);
      ExpectSame(store->FindId(id), ref.FindId(id));
      store->Touch(id, now - 5);  // an older time leaves last_seen alone
      ref.Touch(id, now - 5);
    }
    ASSERT_EQ(store->size(), ref.size()) << "op " << op;
    if (::testing::Test::HasFailure()) return;
  }
  // The LRU order, by draining from the oldest end.
  std::vector<std::uint64_t> order = ref.Order();
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    ASSERT_NE(store->Oldest(), nullptr);
    EXPECT_EQ(store->Oldest()->id, *it);
    store->Erase(*it);
  }
  EXPECT_EQ(store->Oldest(), nullptr);
  EXPECT_EQ(store->size(), 0u);
  // Every key is gone.
  for (const Key128& key : keys) ASSERT_EQ(store->FindKey(key), nullptr);
}

TEST(InMemoryIndexStore, AgreesWithReferenceWhileGrowing) {
  RunRandom(1, /*window=*/1 << 20, 60000, /*colliding=*/false, 1 << 20);
}

TEST(InMemoryIndexStore, AgreesWithReferenceInSteadyState) {
  RunRandom(2, /*window=*/3000, 60000, /*colliding=*/false, 3000);
}

TEST(InMemoryIndexStore, AgreesWithReferenceOnCollidingKeys) {
  RunRandom(3, /*window=*/1 << 20, 30000, /*colliding=*/true, 16);
  RunRandom(4, /*window=*/500, 30000, /*colliding=*/true, 500);
}

TEST(InMemoryIndexStore, TinyWindow) {
  RunRandom(5, /*window=*/1, 5000, /*colliding=*/false, 1);
}

TEST(InMemoryIndexStore, ReusesSlotsAndReportsMemory) {
  auto store = NewInMemoryIndexStore(10000);
  EXPECT_EQ(store->Oldest(), nullptr);
  std::mt19937_64 rng(6);
  for (std::uint64_t id = 0; id < 100000; ++id) {
    store->Insert(StoredItem{Key128{rng(), rng()}, id, id, 0});
    if (store->size() > 10000) store->Erase(store->Oldest()->id);
  }
  EXPECT_EQ(store->size(), 10000u);
  // 48-byte slots plus 12 bytes per bucket at load <= 0.7: far below the
  // 113-141 bytes of the two-hash-map store this replaced.
  const std::size_t bytes = store->MemoryBytes();
  EXPECT_LT(bytes / store->size(), 100u) << bytes;
  EXPECT_GE(bytes / store->size(), 48u) << bytes;
  // Freed slots are reused: the memory stays put under churn.
  for (std::uint64_t id = 100000; id < 200000; ++id) {
    store->Insert(StoredItem{Key128{rng(), rng()}, id, id, 0});
    store->Erase(store->Oldest()->id);
  }
  EXPECT_EQ(store->MemoryBytes(), bytes);
}

}  // namespace
}  // namespace tickerdedup::internal
