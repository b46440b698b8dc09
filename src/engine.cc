// The Engine: normalization -> exact key -> (sketch stage) -> verdict.
//
// Per item: build the match key (normalize.h), hash it to 128 bits with XXH3,
// look the key up in the IndexStore. A hit on a live cluster is kExact. A
// miss goes to the sketch stage (near and cross-language matching, when the
// match level asks for it), and otherwise the item starts a new cluster.
// The window is enforced after every insert: least recently seen first, then
// anything older than window_seconds.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "index_store.h"
#include "normalize.h"
#include "tickerdedup/engine.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace tickerdedup {

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kNew:
      return "new";
    case Verdict::kExact:
      return "exact";
    case Verdict::kNear:
      return "near";
    case Verdict::kCrossLanguage:
      return "xlang";
  }
  return "new";
}

bool ParseMatchLevel(std::string_view name, MatchLevel* level) {
  if (name == "exact") {
    *level = MatchLevel::kExact;
  } else if (name == "near") {
    *level = MatchLevel::kNear;
  } else if (name == "xlang") {
    *level = MatchLevel::kCrossLanguage;
  } else {
    return false;
  }
  return true;
}

namespace {

using internal::IndexStore;
using internal::Key128;
using internal::StoredItem;

constexpr std::size_t kMaxWindow = 0xfffffff0u;  // slots are 32-bit

const char* MatchLevelName(MatchLevel level) {
  switch (level) {
    case MatchLevel::kExact:
      return "exact";
    case MatchLevel::kNear:
      return "near";
    case MatchLevel::kCrossLanguage:
      return "xlang";
  }
  return "?";
}

class EngineImpl final : public Engine {
 public:
  explicit EngineImpl(const EngineOptions& options)
      : options_(options), store_(internal::NewInMemoryIndexStore(options.window)) {}

  Decision Add(const Item& item) override {
    Decision d;
    d.id = next_id_++;
    ++stats_.items;
    if (item.cut) {
      // Pieces of an over-long segment are never matched or stored: they are
      // fragments, and dropping one would lose data.
      d.repaired = internal::NormalizeKey(item.text, &key_);
      ++stats_.cut;
      ++stats_.new_items;
      return d;
    }
    d.repaired = internal::NormalizeKey(item.text, &key_);
    EvictExpired(item.timestamp);
    XXH128_hash_t h = XXH3_128bits(key_.data(), key_.size());
    Key128 key{h.low64, h.high64};

    if (const StoredItem* hit = store_->FindKey(key)) {
      std::uint64_t hit_id = hit->id;
      std::uint64_t rep_id = hit->rep_id;
      if (store_->FindId(rep_id) != nullptr) {
        store_->Touch(hit_id, item.timestamp);
        if (rep_id != hit_id) store_->Touch(rep_id, item.timestamp);
        d.verdict = Verdict::kExact;
        d.dup_of = rep_id;
        d.score = 1.0;
        ++stats_.exact;
        return d;
      }
      // Its cluster ended when the representative was evicted: the key
      // starts afresh.
      store_->Erase(hit_id);
    }

    // Sketch stage slot: near and cross-language matching plug in here.

    store_->Insert(StoredItem{key, d.id, d.id, item.timestamp});
    ++stats_.new_items;
    while (store_->size() > options_.window) Evict();
    return d;
  }

  EngineStats Stats() const override {
    EngineStats s = stats_;
    s.stored_items = store_->size();
    s.index_bytes = store_->MemoryBytes();
    return s;
  }

  std::string Describe() const override {
    char buf[256];
    std::snprintf(buf, sizeof buf, "match=%s window=%zu window_seconds=%lld",
                  MatchLevelName(options_.match), options_.window,
                  static_cast<long long>(options_.window_seconds));
    return buf;
  }

 private:
  // Ends every cluster not seen within window_seconds before `now`.
  void EvictExpired(std::int64_t now) {
    if (options_.window_seconds > 0) {
      while (const StoredItem* oldest = store_->Oldest()) {
        if (oldest->last_seen >= now - options_.window_seconds) break;
        Evict();
      }
    }
  }

  void Evict() {
    const StoredItem* oldest = store_->Oldest();
    store_->Erase(oldest->id);
    ++stats_.evicted;
  }

  EngineOptions options_;
  std::unique_ptr<IndexStore> store_;
  std::uint64_t next_id_ = 0;
  std::string key_;  // reused: no allocation per item in steady state
  EngineStats stats_;
};

}  // namespace

std::unique_ptr<Engine> Engine::Create(const EngineOptions& options,
                                       std::string* error) {
  if (options.window == 0 || options.window > kMaxWindow) {
    if (error) *error = "window must be between 1 and " + std::to_string(kMaxWindow);
    return nullptr;
  }
  if (options.window_seconds < 0) {
    if (error) *error = "window_seconds must not be negative";
    return nullptr;
  }
  if (options.threshold > 1.0 || std::isnan(options.threshold)) {
    if (error) *error = "threshold must be in [0, 1]";
    return nullptr;
  }
  if (options.num_hashes < 0 || options.num_hashes > 1024) {
    if (error) *error = "num_hashes must be between 1 and 1024";
    return nullptr;
  }
  return std::make_unique<EngineImpl>(options);
}

}  // namespace tickerdedup
