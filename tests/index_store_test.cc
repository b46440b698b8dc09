// IndexStore tests: the in-memory store against a plain reference model
// (std::map + std::list LRU) under random inserts, touches, erases and
// evictions, with keys crafted to collide in the open-addressed table.
#include "index_store.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <list>
#include <map>
#include <optional>
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

// A compact store reports last_seen 0 (it keeps none).
void ExpectSame(const std::optional<StoredItem>& got, const StoredItem* want,
                bool compact = false) {
  ASSERT_EQ(got.has_value(), want != nullptr);
  if (!got) return;
  EXPECT_EQ(got->key, want->key);
  EXPECT_EQ(got->id, want->id);
  EXPECT_EQ(got->rep_id, want->rep_id);
  EXPECT_EQ(got->last_seen, compact ? 0 : want->last_seen);
}

// Keys from a small pool of high halves, so that many keys share a tag and
// a home bucket (the table must still tell them apart by the full key).
// With `wrapping`, a tag's low k bits (k from 10 to 16) are ones but for
// the last 3: its home is among the last 8 buckets of any table of up to
// 2^k buckets, so the runs there wrap around to the first buckets; when
// such a table doubles (in place: see DoubleKeysInPlace), the next bit
// sends some of them to the lower half, some to the upper one.
Key128 MakeKey(std::mt19937_64& rng, bool colliding, bool wrapping = false) {
  if (wrapping) {
    const unsigned k = 10 + static_cast<unsigned>(rng() % 7);
    const std::uint64_t tag =
        ((rng() & 0xffffffffu) | ((1u << k) - 1)) ^ (rng() % 8);
    return Key128{rng(), tag << 32 | (rng() & 0xffffffffu)};
  }
  Key128 k;
  k.lo = rng();
  k.hi = colliding ? (rng() % 8) << 32 | (rng() & 0xffffffffu) : rng();
  if (colliding && rng() % 2) k.hi = (rng() % 4) << 32;  // same tag, too
  return k;
}

// Drives both stores with the same random operations; `window` bounds the
// size as the engine does (evicting the oldest), so the tables both grow and
// run in steady state with deletions. The first `exact_only_ops` operations
// only insert, evict the oldest and touch what FindKey found, as exact-only
// matching does: the store builds its id table only when the other
// operations start, after growth and churn. `compact`: the compact store,
// every item its own representative.
void RunRandom(std::uint64_t seed, std::size_t window, std::size_t ops,
               bool colliding, std::size_t capacity_hint,
               std::size_t exact_only_ops = 0, bool wrapping = false,
               std::size_t expected_items = 0, bool compact = false) {
  std::mt19937_64 rng(seed);
  auto store = NewInMemoryIndexStore(capacity_hint, expected_items, compact);
  ReferenceStore ref;
  std::vector<Key128> keys;  // every key ever inserted, to probe again
  std::uint64_t next_id = 0;
  std::int64_t now = 0;
  for (std::size_t op = 0; op < ops; ++op) {
    now += static_cast<std::int64_t>(rng() % 3);
    const unsigned what = rng() % (op < exact_only_ops ? 8 : 10);
    if (what < 5 || keys.empty()) {
      Key128 key = MakeKey(rng, colliding, wrapping);
      if (ref.FindKey(key) != nullptr) continue;  // keys are unique
      std::uint64_t id = next_id++;
      std::uint64_t rep = id;
      // Some members point at a live representative.
      if (rng() % 4 == 0 && ref.size() > 0 && !compact) {
        rep = ref.Oldest()->id;
      }
      StoredItem item{key, id, rep, now};
      store->Insert(item);
      ref.Insert(item);
      keys.push_back(key);
      while (ref.size() > window) {
        ExpectSame(store->Oldest(), ref.Oldest(), compact);
        std::uint64_t oldest = ref.Oldest()->id;
        store->Erase(oldest);
        ref.Erase(oldest);
      }
    } else if (what < 8) {
      const Key128& key = keys[rng() % keys.size()];
      const StoredItem* want = ref.FindKey(key);
      ExpectSame(store->FindKey(key), want, compact);
      if (want != nullptr) {
        std::uint64_t id = want->id;
        store->Touch(id, now);
        ref.Touch(id, now);
      }
    } else if (what < 9) {
      std::uint64_t id = next_id == 0 ? 0 : rng() % (next_id + 2);
      ExpectSame(store->FindId(id), ref.FindId(id), compact);
      store->Erase(id);  // also of absent ids: a no-op
      ref.Erase(id);
    } else {
      std::uint64_t id = next_id == 0 ? 0 : rng() % (next_id + 2);
      ExpectSame(store->FindId(id), ref.FindId(id), compact);
      store->Touch(id, now - 5);  // an older time leaves last_seen alone
      ref.Touch(id, now - 5);
    }
    ASSERT_EQ(store->size(), ref.size()) << "op " << op;
    if (::testing::Test::HasFailure()) return;
  }
  // The LRU order, by draining from the oldest end.
  std::vector<std::uint64_t> order = ref.Order();
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    ASSERT_TRUE(store->Oldest().has_value());
    EXPECT_EQ(store->Oldest()->id, *it);
    store->Erase(*it);
  }
  EXPECT_FALSE(store->Oldest().has_value());
  EXPECT_EQ(store->size(), 0u);
  // Every key is gone.
  for (const Key128& key : keys) ASSERT_FALSE(store->FindKey(key).has_value());
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

TEST(InMemoryIndexStore, AgreesWithReferenceOnRunsWrappingAround) {
  // Runs from the last buckets wrap around to the first through every
  // doubling (1,024 buckets up to 32K), in place (a large capacity hint
  // reserves the key table) and by copy (a small one).
  RunRandom(9, /*window=*/1 << 20, 40000, /*colliding=*/false, 1 << 20,
            /*exact_only_ops=*/0, /*wrapping=*/true);
  RunRandom(10, /*window=*/1 << 20, 40000, /*colliding=*/false, 16,
            /*exact_only_ops=*/0, /*wrapping=*/true);
  RunRandom(11, /*window=*/1 << 20, 30000, /*colliding=*/true, 1 << 20);
}

// A store told how many items come starts with its key table sized for
// them (EngineOptions::expected_items): the same answers, whether the
// estimate is right, too small (it doubles from there) or too large.
TEST(InMemoryIndexStore, AgreesWithReferenceWhenPresized) {
  RunRandom(12, /*window=*/1 << 20, 40000, /*colliding=*/false, 1 << 20,
            /*exact_only_ops=*/0, /*wrapping=*/false,
            /*expected_items=*/20000);
  RunRandom(13, /*window=*/1 << 20, 40000, /*colliding=*/false, 1 << 20,
            /*exact_only_ops=*/0, /*wrapping=*/true,
            /*expected_items=*/3000);
  RunRandom(14, /*window=*/5000, 40000, /*colliding=*/true, 5000,
            /*exact_only_ops=*/0, /*wrapping=*/false,
            /*expected_items=*/5000);
  auto small = NewInMemoryIndexStore(1 << 20);
  auto presized = NewInMemoryIndexStore(1 << 20, 1 << 18);
  EXPECT_GT(presized->MemoryBytes(), small->MemoryBytes() + (1 << 20));
}

// The case the in-place doubling sets the first run aside for: an entry
// that wrapped around to bucket 0 (its home, the last bucket but one, and
// the last were taken) and stays in the lower half, while the two entries
// it probed past move up. Placed before them, it would land past the hole
// they leave.
TEST(InMemoryIndexStore, DoublingInPlaceKeepsWrappedRunsWhole) {
  // A large hint reserves the key table; it starts at 16K buckets.
  auto store = NewInMemoryIndexStore(1 << 20);
  constexpr std::uint64_t kBuckets = 1 << 14;
  const auto key = [](std::uint64_t tag, std::uint64_t salt) {
    return Key128{salt, tag << 32};
  };
  // Homes (16K buckets -> 32K): f and g kBuckets-2 and -1 -> upper half;
  // e kBuckets-2 -> stays.
  const Key128 f = key(2 * kBuckets - 2, 1), g = key(2 * kBuckets - 1, 2),
               e = key(kBuckets - 2, 3);
  std::uint64_t id = 0;
  for (const Key128& k : {f, g, e}) {
    store->Insert(StoredItem{k, id, id, 0});
    ++id;
  }
  // Fillers with homes 10..12,000 push the table past 0.7 load: it
  // doubles.
  std::mt19937_64 rng(12);
  std::vector<Key128> fillers;
  while (id < kBuckets * 3 / 4) {
    fillers.push_back(key(10 + rng() % 11991, 100 + id));
    store->Insert(StoredItem{fillers.back(), id, id, 0});
    ++id;
  }
  for (const Key128& k : {f, g, e}) {
    const std::optional<StoredItem> hit = store->FindKey(k);
    ASSERT_TRUE(hit.has_value()) << k.lo;
    EXPECT_EQ(hit->key, k);
  }
  for (const Key128& k : fillers) ASSERT_TRUE(store->FindKey(k).has_value());
}

// The id table is sized for the window (the capacity hint) at the max
// load, not for the key table's power of two: 3,000 items need 4,288
// buckets, where the key table has 8,192.
TEST(InMemoryIndexStore, IdTableIsSizedForTheWindow) {
  auto store = NewInMemoryIndexStore(3000, 3000);
  std::mt19937_64 rng(21);
  for (std::uint64_t id = 0; id < 3000; ++id) {
    store->Insert(StoredItem{MakeKey(rng, false, false), id, id, 0});
  }
  const std::size_t without_ids = store->MemoryBytes();
  ASSERT_TRUE(store->FindId(1234).has_value());  // builds the id table
  const std::size_t id_bytes = store->MemoryBytes() - without_ids;
  EXPECT_EQ(id_bytes, (3001 * 10 / 7 + 1) * sizeof(std::uint32_t));
  // Past the hint it grows with the key table, and still finds everything.
  for (std::uint64_t id = 3000; id < 9000; ++id) {
    store->Insert(StoredItem{MakeKey(rng, false, false), id, id, 0});
  }
  for (std::uint64_t id = 0; id < 9000; id += 7) {
    ASSERT_TRUE(store->FindId(id).has_value()) << id;
  }
  EXPECT_FALSE(store->FindId(9000).has_value());
}

TEST(InMemoryIndexStore, BuildsIdTableLate) {
  RunRandom(7, /*window=*/1 << 20, 60000, /*colliding=*/false, 16,
            /*exact_only_ops=*/40000);
  RunRandom(8, /*window=*/2000, 60000, /*colliding=*/true, 2000,
            /*exact_only_ops=*/30000);
}

// Touch finds FindKey's hit without the id table; an erased or reused slot
// must not be taken for the id it used to hold.
TEST(InMemoryIndexStore, TouchAfterEraseIsANoOp) {
  auto store = NewInMemoryIndexStore(16);
  const Key128 a{1, 2}, b{3, 4}, c{5, 6};
  store->Insert(StoredItem{a, 10, 10, 100});
  store->Insert(StoredItem{b, 11, 11, 100});
  ASSERT_TRUE(store->FindKey(a).has_value());
  store->Erase(10);
  store->Touch(10, 200);  // gone: nothing moves
  EXPECT_EQ(store->size(), 1u);
  ASSERT_TRUE(store->Oldest().has_value());
  EXPECT_EQ(store->Oldest()->id, 11u);
  EXPECT_EQ(store->Oldest()->last_seen, 100);
  // The freed slot is reused by a new item; the old id still misses.
  ASSERT_TRUE(store->FindKey(b).has_value());
  store->Erase(11);
  store->Insert(StoredItem{c, 12, 12, 300});
  store->Touch(11, 400);
  EXPECT_FALSE(store->FindId(11).has_value());
  ASSERT_TRUE(store->FindId(12).has_value());
  EXPECT_EQ(store->FindId(12)->last_seen, 300);
  EXPECT_EQ(store->size(), 1u);
}

TEST(InMemoryIndexStore, TinyWindow) {
  RunRandom(5, /*window=*/1, 5000, /*colliding=*/false, 1);
}

TEST(InMemoryIndexStore, ReusesSlotsAndReportsMemory) {
  auto store = NewInMemoryIndexStore(20000);
  EXPECT_FALSE(store->Oldest().has_value());
  std::mt19937_64 rng(6);
  for (std::uint64_t id = 0; id < 100000; ++id) {
    store->Insert(StoredItem{Key128{rng(), rng()}, id, id, 0});
    if (store->size() > 20000) store->Erase(store->Oldest()->id);
  }
  EXPECT_EQ(store->size(), 20000u);
  // 48-byte slots plus 12 bytes per bucket at load <= 0.7: far below the
  // 113-141 bytes of the two-hash-map store this replaced.
  const std::size_t bytes = store->MemoryBytes();
  EXPECT_LT(bytes / store->size(), 100u) << bytes;
  EXPECT_GE(bytes / store->size(), 48u) << bytes;
  // No slot arena past the window's: 20,001 slots in 1,024-slot chunks,
  // and the key table's 32,768 buckets of 8 bytes (nothing was looked up
  // by id, so there is no id index), plus the chunk and arena lists.
  // Arenas growing by a quarter of the chunks held 22 chunks, not 20.
  EXPECT_LE(bytes, (20000 + 1 + 1023) / 1024 * 1024 * 48 + 32768 * 8 + 1024)
      << bytes;
  // Freed slots are reused: the memory stays put under churn.
  for (std::uint64_t id = 100000; id < 200000; ++id) {
    store->Insert(StoredItem{Key128{rng(), rng()}, id, id, 0});
    store->Erase(store->Oldest()->id);
  }
  EXPECT_EQ(store->MemoryBytes(), bytes);
}

// The compact store (exact-only matching without a time window) gives the
// reference's answers for items that are their own representatives, with
// last_seen 0, while growing, in steady state, on colliding and wrapping
// keys and presized; and its slots take 32 bytes, not 48.
TEST(InMemoryIndexStore, CompactAgreesWithReference) {
  RunRandom(21, /*window=*/1 << 20, 60000, /*colliding=*/false, 1 << 20,
            /*exact_only_ops=*/0, /*wrapping=*/false, /*expected_items=*/0,
            /*compact=*/true);
  RunRandom(22, /*window=*/3000, 60000, /*colliding=*/false, 3000,
            /*exact_only_ops=*/20000, /*wrapping=*/false,
            /*expected_items=*/0, /*compact=*/true);
  RunRandom(23, /*window=*/500, 30000, /*colliding=*/true, 500,
            /*exact_only_ops=*/0, /*wrapping=*/false, /*expected_items=*/0,
            /*compact=*/true);
  RunRandom(24, /*window=*/1 << 20, 40000, /*colliding=*/false, 16,
            /*exact_only_ops=*/0, /*wrapping=*/true,
            /*expected_items=*/3000, /*compact=*/true);
  RunRandom(25, /*window=*/1, 5000, /*colliding=*/false, 1,
            /*exact_only_ops=*/0, /*wrapping=*/false, /*expected_items=*/0,
            /*compact=*/true);
  auto full = NewInMemoryIndexStore(20000);
  auto compact = NewInMemoryIndexStore(20000, 0, /*compact=*/true);
  std::mt19937_64 rng(26);
  for (std::uint64_t id = 0; id < 20000; ++id) {
    const StoredItem item{Key128{rng(), rng()}, id, id, 7};
    full->Insert(item);
    compact->Insert(item);
  }
  // The same key table; the slots 16 bytes smaller each.
  EXPECT_GE(full->MemoryBytes() - compact->MemoryBytes(), 20000u * 16)
      << full->MemoryBytes() << " " << compact->MemoryBytes();
  EXPECT_EQ(compact->Oldest()->last_seen, 0);
  EXPECT_EQ(full->Oldest()->last_seen, 7);
}

}  // namespace
}  // namespace tickerdedup::internal
