// The Engine: normalization -> exact key -> (sketch stage) -> verdict.
//
// Per item: build the match key (normalize.h), hash it to 128 bits with XXH3,
// look the key up in the IndexStore. A hit on a live cluster is kExact. A
// miss goes to the sketch stage (near and cross-language matching, when the
// match level asks for it), and otherwise the item starts a new cluster.
// The window is enforced after every insert: least recently seen first, then
// anything older than window_seconds.
#include "tickerdedup/engine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "facts.h"
#include "index_store.h"
#include "normalize.h"
#include "shingle.h"
#include "sketch_index.h"

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

// Near-duplicate defaults, chosen on /work/shared/eval (docs/near.md).
// 64 8-bit values: 64 bytes of signature per stored headline; the score's
// standard error at s = 0.6 is ~0.06, and K = 128 bought < 1 point of
// recall there.
constexpr int kDefaultNumHashes = 64;
constexpr double kDefaultNearThreshold = 0.57;
// Band tables cost ~6.7 bytes per stored item each; 16 keeps the sketch
// stage under 256 bytes per headline.
constexpr int kMaxNearBands = 16;
// Every candidate is verified, so a missed candidate (lost duplicate) costs
// more than an extra one (one fingerprint compare): weight false negatives
// 4x. Rows >= 3: a band is then a 24-bit key (8-bit values), ~1 random
// candidate per query at 1M stored over 16 bands.
constexpr double kNearLshFnWeight = 4.0;
constexpr int kNearLshMinRows = 3;
// The near channel's feature hashes and the cross-language channel's must
// not share a seed (different features, same hash space).
constexpr std::uint64_t kNearFeatureSeed = 0x4E454152ull;  // "NEAR"
// Near matching needs slot ids that fit the band tables' 32-bit entries.
constexpr std::size_t kMaxNearWindow = internal::BandTable::kMaxItems - 1;

internal::SketchIndex::Options NearOptions(const EngineOptions& options) {
  internal::SketchIndex::Options o;
  o.num_hashes =
      options.num_hashes > 0 ? options.num_hashes : kDefaultNumHashes;
  o.threshold =
      options.threshold >= 0 ? options.threshold : kDefaultNearThreshold;
  // The score mixes Jaccard with containment (weight w), so an item can
  // pass at Jaccard as low as (T - w) / (1 - w) (containment 1): that is
  // the similarity the bands must catch.
  double w = o.containment_weight;
  double lsh_threshold = std::max(0.0, (o.threshold - w) / (1 - w));
  o.lsh = internal::ChooseLshParams(lsh_threshold, o.num_hashes, kMaxNearBands,
                                    /*fp_weight=*/1.0, kNearLshFnWeight,
                                    kNearLshMinRows);
  o.max_items = static_cast<std::uint32_t>(
      std::min(options.window + 1, kMaxNearWindow + 1));
  return o;
}

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
      : options_(options),
        store_(internal::NewInMemoryIndexStore(options.window)) {
    if (options_.match != MatchLevel::kExact) {
      near_ = std::make_unique<internal::SketchIndex>(NearOptions(options_));
    }
  }

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

    // Sketch stage. Each channel proposes candidates by LSH band hits; a
    // candidate is always a cluster representative (only representatives
    // are indexed), so verification compares against the representative and
    // never chains through members. The cross-language channel plugs in
    // after this one with its own features, threshold and verification.
    if (near_ != nullptr) {
      internal::NearFeatures(key_, kNearFeatureSeed, &features_);
      near_->MakeSketch(features_, &near_sketch_);
      internal::ExtractFacts(key_, &facts_);
      if (MatchNear(&d)) {
        store_->Touch(*d.dup_of, item.timestamp);
        ++stats_.near;
        return d;
      }
    }

    store_->Insert(StoredItem{key, d.id, d.id, item.timestamp});
    if (near_ != nullptr) near_->Insert(d.id, near_sketch_, facts_);
    ++stats_.new_items;
    while (store_->size() > options_.window) Evict();
    return d;
  }

  EngineStats Stats() const override {
    EngineStats s = stats_;
    s.stored_items = store_->size();
    s.index_bytes = store_->MemoryBytes();
    if (near_ != nullptr) s.index_bytes += near_->MemoryBytes();
    return s;
  }

  std::string Describe() const override {
    char buf[512];
    int n = std::snprintf(buf, sizeof buf,
                          "match=%s window=%zu window_seconds=%lld",
                          MatchLevelName(options_.match), options_.window,
                          static_cast<long long>(options_.window_seconds));
    if (near_ != nullptr && n > 0 && static_cast<std::size_t>(n) < sizeof buf) {
      const internal::SketchIndex::Options& o = near_->options();
      std::snprintf(
          buf + n, sizeof buf - n,
          " near: threshold=%.3g num_hashes=%d bits=8 bands=%d rows=%d"
          " kernel=%s",
          o.threshold, o.num_hashes, o.lsh.bands, o.lsh.rows,
          std::string(internal::MinHashKernelName(o.kernel)).c_str());
    }
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

  // The best verified near candidate for the current item (features_,
  // near_sketch_, facts_) into *d; false when none passes. Highest score
  // wins, ties go to the oldest representative, so output is deterministic.
  bool MatchNear(Decision* d) {
    if (near_sketch_.set_size == 0) return false;
    near_->Candidates(near_sketch_, &candidates_);
    stats_.candidates_checked += candidates_.size();
    const double threshold = near_->options().threshold;
    double best_score = -1;
    std::uint64_t best_id = 0;
    for (std::uint64_t id : candidates_) {
      double score = near_->Score(near_sketch_, id);
      if (score < threshold || score <= best_score) continue;
      // The fact guard vetoes: same template, different facts.
      near_->GetFacts(id, &rep_facts_);
      if (internal::FactsConflict(facts_, rep_facts_)) continue;
      best_score = score;
      best_id = id;
    }
    if (best_score < 0) return false;
    d->verdict = Verdict::kNear;
    d->dup_of = best_id;
    d->score = std::min(best_score, 1.0);
    return true;
  }

  void Evict() {
    const StoredItem* oldest = store_->Oldest();
    // A representative leaving the window ends its cluster: its sketch and
    // band entries go with it.
    if (near_ != nullptr) near_->Erase(oldest->id);
    store_->Erase(oldest->id);
    ++stats_.evicted;
  }

  EngineOptions options_;
  std::unique_ptr<IndexStore> store_;
  std::uint64_t next_id_ = 0;
  std::string key_;  // reused: no allocation per item in steady state
  std::unique_ptr<internal::SketchIndex> near_;  // null for --match exact
  // Per-item scratch, reused.
  std::vector<std::uint64_t> features_;
  internal::SketchIndex::Sketch near_sketch_;
  internal::Facts facts_;
  internal::Facts rep_facts_;
  std::vector<std::uint64_t> candidates_;
  EngineStats stats_;
};

}  // namespace

std::unique_ptr<Engine> Engine::Create(const EngineOptions& options,
                                       std::string* error) {
  if (options.window == 0 || options.window > kMaxWindow) {
    if (error)
      *error = "window must be between 1 and " + std::to_string(kMaxWindow);
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
  if (options.match != MatchLevel::kExact && options.window > kMaxNearWindow) {
    if (error) {
      *error = "near matching supports a window of at most " +
               std::to_string(kMaxNearWindow);
    }
    return nullptr;
  }
  return std::make_unique<EngineImpl>(options);
}

}  // namespace tickerdedup
