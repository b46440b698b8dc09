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
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "closed_class.h"
#include "facts.h"
#include "index_store.h"
#include "langid.h"
#include "mapped_memory.h"
#include "normalize.h"
#include "prefetch.h"
#include "shingle.h"
#include "sketch_index.h"
#include "stopwords.h"
#include "term_weights.h"
#include "worker_pool.h"
#include "xlang.h"
#include "xlang_index.h"

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
// 64 minima (recomputed from the stored fingerprints when needed, never
// stored); the score's standard error at s = 0.6 is ~0.06, and K = 128
// bought < 1 point of recall there.
constexpr int kDefaultNumHashes = 64;
// 0.54 with stop words left out of the features (shingle.cc), the entity
// guard asserting the headline's first word (facts.h) and signatures made
// from the stored fingerprints: STS-B paraphrase 0.670, hardneg 0.043,
// generated near 0.985 / hardneg 0.000 (docs/near.md section 8).
constexpr double kDefaultNearThreshold = 0.54;
// The template guard (PassesTemplateGuard) asks the IDF-weighted score to
// reach the threshold times this factor once the feed's statistics are
// confident. Swept 1.0-1.35 with IDF powers 0.5-3 (docs/near.md): 1.15 with
// power 1 took the cross-language stream's pair precision from 0.625 to
// 0.80 and the 200k generated feed's false merges from 0.77% to 0.25% of
// fresh items, near recall unchanged (0.973); 1.35: 0.83, 0.13%, 0.965.
// 1.3 since cut copies pass by containment (GuardAccepts; docs/near.md
// section 7b): stream precision 0.827 -> 0.843, same stream recall, 200k
// feed near recall 0.9734 -> 0.9728, false merges 0.38% -> 0.33%.
constexpr double kTemplateGuardFactor = 1.3;  // 1.15 at threshold 0.56
// A feature whose TermWeights weight is at least this (at full confidence:
// in fewer than ~sqrt(n) of n headlines) says what a headline is about.
constexpr double kInformativeWeight = 0.5;
// Features of the shorter headline at most for ShortSubstitution's veto.
// Measured (td_eval, CLI defaults): template fixture negatives let through
// 68 -> 41 of 875, its copies 302 -> 300 of 306; STS-B paraphrase recall
// 0.7253 -> 0.7213 (hardneg 0.0323 either way); generated near recall
// 0.9955 -> 0.9954. 4: fixture 0.8886 precision, but STS-B paraphrase
// 0.6858 (docs/near.md section 22).
constexpr std::size_t kMaxSubstitutionFeatures = 3;
// Typo searches of the template guard per item (see MatchNear).
constexpr int kTypoSearchesPerItem = 4;
// Typo'd words a copy whose entities conflict may have (see
// PassesTemplateGuardWithTypos).
constexpr std::size_t kMaxEntityTypos = 2;
// Band tables cost ~5.7 bytes per window item each (lsh.h); 16 keep the
// near-mode index under 256 bytes per headline.
constexpr int kMaxNearBands = 16;
// Every candidate is verified, so a missed candidate (lost duplicate) costs
// more than an extra one (one fingerprint compare): weight false negatives
// 4x. At the default threshold this gives 14 bands of 2 rows. Band keys
// are made of the full 32-bit minima (SketchIndex::BandHash), so 2 rows
// are a 64-bit key. Rows >= 2: a single minimum would make every shared
// feature a candidate at low thresholds.
// PERF NOTES (session 10): rows >= 3 (16 x 3) were forced while keys were
// made of the 8-bit values (2 rows would be a 16-bit key). With the
// containment weight a pair passes at Jaccard 0.39, where 16 x 3 proposed
// a candidate 62% of the time, 14 x 2 90%. 1M feed, default mode: near
// recall 0.9774 -> 0.9800, pair precision 0.9819 -> 0.9836, fresh items
// merged 0.49% -> 0.44%, 303.5 -> 290.9 index bytes per stored headline
// (two band tables fewer); 2.3x the candidates: near mode 15-20% and the
// default mode 7-8% slower on the 200k feed (docs/near.md).
constexpr double kNearLshFnWeight = 4.0;
constexpr int kNearLshMinRows = 2;
// The cross-language index's group tag (XlangIndex::Insert's group_lang) of
// the items whose language DetectLanguage guessed (its weak): a guessed
// headline skips them (MatchXlang). Capitals-only Reuters titles ("PERRY
// DRUG STORES INC <PDS> 1ST QTR JAN 31 NET" and "PAY'N-SAVE <PAYN> 1ST QTR
// JAN 31 NET", guessed English and French from their endings) met there,
// where names do not veto.
constexpr std::string_view kGuessedLanguage = "~guessed";

// A headline matched through a cross-language member covers at least this
// much of the representative too (EngineImpl::MatchXlang).
constexpr double kMemberRepCoverage = 0.3;
// No cluster: a member whose cluster ended.
constexpr std::uint64_t kNoCluster = ~std::uint64_t{0};
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

// Everything the engine computes for one item without looking at other
// items. Filled by Prepare (any thread), consumed by Commit (in order).
struct PreparedItem {
  std::string_view text;  // the caller's bytes, valid during Add/AddBatch
  std::string key;
  // A newsroom label that opens the text ("UPDATE 2-", "BREAKING: "): its
  // bytes, and the key of the text after it, which the near channel and
  // the fact guard read instead (see ContentKey).
  std::size_t label_bytes = 0;
  std::string label_key;
  // Where a trailing source tag starts ("- BBC News": SourceTagStart), or
  // text.size(); the content key leaves it out too.
  std::size_t tag_start = 0;
  Key128 hash;
  bool repaired = false;
  bool sketched = false;   // the sketch stage fields below are filled
  bool xsketched = false;  // and the cross-language ones
  std::vector<std::uint64_t> features;
  internal::SketchIndex::Sketch near_sketch;
  internal::Facts facts;
  // Fingerprints of the label and source tag of a cut copy
  // (CutTagFingerprints); empty for most items.
  std::vector<std::uint16_t> tag_fps;
  // Cross-language channel (match level xlang).
  std::string_view lang;
  // The key of the text without its trailing source tag when it opens with
  // a label (else the content key is it), and scratch for the label's key
  // (PrepareXlang).
  std::string untagged_key;
  // The language is a guess (DetectLanguage's weak): the item never meets
  // another guessed one across languages (kGuessedLanguage), and in
  // capitals only it stays out of the cross-language channel, like "und"
  // ones (PrepareXlang).
  bool lang_weak = false;
  // The first word the default mode's name test read (AddEntityFacts), and
  // its feature fingerprint when an opening code joined `facts`
  // (internal::AddOpeningCode).
  std::string first_word;
  int opening_fp = -1;
  std::vector<std::uint64_t> xfeatures;
  internal::XlangIndex::Sketch xsketch;
  internal::XlangProfile profile;
};

class EngineImpl final : public Engine {
 public:
  EngineImpl(const EngineOptions& options,
             std::shared_ptr<const internal::CrossLingual> xl)
      : options_(options),
        // Exact-only matching without a time window stores every key as
        // its own representative and never reads last_seen: the compact
        // slots (index_store.h).
        store_(internal::NewInMemoryIndexStore(
            options.window, options.expected_items,
            /*compact=*/options.match == MatchLevel::kExact &&
                options.window_seconds <= 0)),
        xl_(std::move(xl)) {
    if (options_.match != MatchLevel::kExact) {
      near_ = std::make_unique<internal::SketchIndex>(NearOptions(options_));
    }
    if (xl_ != nullptr) {
      internal::XlangIndex::Options xo;
      xo.max_items = near_->options().max_items;
      xlang_ = std::make_unique<internal::XlangIndex>(xo);
    }
    // Exact mode has only the key to prepare (~100 ns): handing it to
    // another core cost more than it saved (200k-headline feed, 2 threads:
    // 0.79x of one thread), so it stays on one thread.
    if (options_.threads > 1 && near_ != nullptr) {
      pool_ = std::make_unique<internal::WorkerPool>(options_.threads);
      helped_for_ =
          [this](std::size_t n, std::size_t grain,
                 const std::function<void(std::size_t, std::size_t)>& body) {
            help_.ParallelFor(n, grain, body);
          };
      recent_keys_ = internal::ZeroedArray<std::uint32_t>(kRecentKeySlots);
    }
  }

  Decision Add(const Item& item) override {
    // One item at a time: the sketch stage runs only when the exact stage
    // misses (about 1 in 7 items on a typical feed is an exact repeat).
    PrepareKey(item, &single_);
    return Commit(item, &single_);
  }

  void AddBatch(const Item* items, std::size_t count,
                Decision* decisions) override {
    if (pool_ == nullptr || count < 2 * kBatchGrain) {
      AddAhead(items, count, decisions);
      return;
    }
    if (batch_.size() < count) batch_.resize(count);
    // A pipeline: the workers prepare chunks of kBatchGrain items in order
    // (normalize, sketch, cross-language analysis) while this thread
    // commits the prepared ones in order, so the sequential part overlaps
    // the parallel one instead of waiting for it. When the chunk it needs
    // is not ready, this thread prepares the next unclaimed chunk itself.
    //
    // PERF NOTES: the parallel stage skips the sketch of an item whose key
    // it saw recently (RecentKeyHint): an exact repeat needs none. On a
    // feed of 13 concatenated copies of the eval lists (92% exact repeats)
    // sketching every item made 2 threads 3.3x slower than 1. The hint
    // never changes a decision: the commit sketches lazily whatever it
    // finds unsketched. (It used to probe the store, which is only safe
    // while nothing commits.)
    const std::size_t chunks = (count + kBatchGrain - 1) / kBatchGrain;
    if (chunk_ready_.size() < chunks) {
      chunk_ready_ = std::vector<std::atomic<bool>>(chunks);
    }
    for (std::size_t c = 0; c < chunks; ++c) {
      chunk_ready_[c].store(false, std::memory_order_relaxed);
    }
    std::atomic<std::size_t> next_chunk{0};
    // Claims and prepares the next chunk; false when none is left.
    auto prepare_next = [&]() {
      const std::size_t c = next_chunk.fetch_add(1, std::memory_order_relaxed);
      if (c >= chunks) return false;
      const std::size_t end = std::min(count, (c + 1) * kBatchGrain);
      // The keys first, each one's hint slot requested as it is known,
      // then the sketches: the hint's 4 MiB table is a cache miss per item
      // (it was 3.5% of a 2-thread near run, perf, the 200k feed, most of
      // it the worker waiting on that load).
      for (std::size_t i = c * kBatchGrain; i < end; ++i) {
        PrepareKey(items[i], &batch_[i]);
        if (!items[i].cut) PrefetchRecentKey(batch_[i].hash);
      }
      for (std::size_t i = c * kBatchGrain; i < end; ++i) {
        if (!items[i].cut && !RecentKeyHint(batch_[i].hash)) {
          PrepareSketch(&batch_[i]);
        }
      }
      chunk_ready_[c].store(true, std::memory_order_release);
      return true;
    };
    // A band-table rebuild that a commit needs (near index growth) is
    // posted on help_: the workers join it between their chunks, and once
    // the batch is prepared, until it is committed. (Run by the committing
    // thread alone, the three rebuilds of the 200k feed in near mode held
    // it ~130 ms while the worker, done preparing, waited: ~18% of a
    // 2-thread run.) The tables grow at the same points as with one thread.
    std::atomic<bool> committed{false};
    const std::function<void()> worker = [&] {
      while (prepare_next()) help_.Help();
      while (!committed.load(std::memory_order_acquire)) {
        if (!help_.Help()) std::this_thread::yield();
      }
    };
    // For this batch only: withdrawn however it ends.
    struct RunnerScope {
      internal::SketchIndex* index;
      ~RunnerScope() { index->SetRebuildRunner(nullptr); }
    } runner_scope{near_.get()};
    near_->SetRebuildRunner(&helped_for_);
    const std::function<void()> committer = [&] {
      // Set however the loop ends (an exception included): the workers
      // wait for it.
      struct Done {
        std::atomic<bool>* flag;
        ~Done() { flag->store(true, std::memory_order_release); }
      } done{&committed};
      for (std::size_t c = 0; c < chunks; ++c) {
        while (!chunk_ready_[c].load(std::memory_order_acquire)) {
          if (!prepare_next()) std::this_thread::yield();
        }
        const std::size_t end = std::min(count, (c + 1) * kBatchGrain);
        const std::uint64_t first_id = next_id_ - c * kBatchGrain;
        for (std::size_t i = c * kBatchGrain; i < end; ++i) {
          // The store probe of a prepared item a few places ahead (as in
          // AddAhead).
          const std::size_t j = i + kPrepareAhead;
          if (j < end && !items[j].cut) {
            store_->Prefetch(batch_[j].hash, first_id + j);
            // A worker prepared most items, so their data sits in the
            // other core's cache. Three steps ahead, none of which waits
            // on a load: the PreparedItem's own lines (16 items ahead),
            // the heap data they point at (8), the band buckets of its
            // sketch (4: ScoreAll's probes, the commit stage's largest
            // cost). Reading the sketch's band hashes to prefetch the
            // buckets without the first two steps made 2 threads slower:
            // the reads waited on the other core. Near mode, 1M feed, 2
            // threads, 12 alternating pairs: faster in 10, mean -4%.
            PrefetchPrepared(batch_[j]);
          }
          if (j + kPrepareAhead < end) {
            PrefetchStruct(&batch_[j + kPrepareAhead]);
          }
          const std::size_t k = i + kPrepareAhead / 2;
          if (k < end && !items[k].cut && batch_[k].sketched) {
            near_->PrefetchBands(batch_[k].near_sketch);
            near_->PrefetchInsert(first_id + k);
            term_weights_.Prefetch(batch_[k].near_sketch.fps);
            if (xlang_ != nullptr) xlang_->PrefetchCells(batch_[k].xsketch);
          }
          // The cross-language buckets, once their cells have arrived.
          const std::size_t x = i + kPrepareAhead / 4;
          if (xlang_ != nullptr && x < end && !items[x].cut &&
              batch_[x].sketched) {
            xlang_->PrefetchBuckets(batch_[x].xsketch);
          }
          decisions[i] = Commit(items[i], &batch_[i]);
        }
      }
    };
    pool_->RunConcurrently(worker, committer);
  }

  EngineStats Stats() const override {
    EngineStats s = stats_;
    s.stored_items = store_->size();
    s.store_bytes = store_->MemoryBytes();
    if (near_ != nullptr) {
      s.near_bytes = near_->MemoryBytes() + term_weights_.MemoryBytes();
      s.representatives = near_->size() - near_members_;
    } else {
      s.representatives = s.stored_items;  // exact mode: every key is one
    }
    if (xlang_ != nullptr) {
      // The member maps: a slot per capacity entry, and a control byte.
      s.xlang_bytes = xlang_->MemoryBytes() +
                      (xlang_members_.capacity() + member_langs_.capacity()) *
                          (2 * sizeof(std::uint64_t) + 1);
    }
    s.index_bytes = s.store_bytes + s.near_bytes + s.xlang_bytes;
    return s;
  }

  std::string Describe() const override {
    char buf[512];
    int n = std::snprintf(
        buf, sizeof buf, "match=%s window=%zu window_seconds=%lld threads=%d",
        MatchLevelName(options_.match), options_.window,
        static_cast<long long>(options_.window_seconds), options_.threads);
    if (near_ != nullptr && n > 0 && static_cast<std::size_t>(n) < sizeof buf) {
      const internal::SketchIndex::Options& o = near_->options();
      std::snprintf(
          buf + n, sizeof buf - n,
          " near: threshold=%.3g num_hashes=%d fingerprint_bits=%zu bands=%d"
          " rows=%d kernel=%s",
          o.threshold, o.num_hashes,
          8 * sizeof(internal::SketchIndex::Sketch{}.fps[0]), o.lsh.bands,
          o.lsh.rows,
          std::string(internal::MinHashKernelName(o.kernel)).c_str());
    }
    std::string out = buf;
    if (xlang_ != nullptr) {
      const internal::XlangIndex::Options& xo = xlang_->options();
      std::snprintf(buf, sizeof buf, " xlang: bands=%d rows=%d", xo.lsh.bands,
                    xo.lsh.rows);
      out += buf;
    }
    return out;
  }

 private:
  static constexpr std::size_t kBatchGrain = 64;
  // The near score from which a flipped negation vetoes (MatchNear). 0.80
  // since session 34 (0.85 before): "Rocket reaches orbit" / "Rocket fails
  // to reach orbit", "Witness testifies in trial" / "Witness refuses to
  // testify in trial" score 0.812; 0.75 lost a UCI merge of one story.
  static constexpr double kNegationScore = 0.80;
  static constexpr std::size_t kRecentKeySlots = std::size_t{1} << 20;
  // Keys prepared ahead of the commit in AddAhead. PERF NOTES: the exact
  // stage's table probes are cache misses once the store outgrows the
  // cache (~30% of an exact-mode run on the 1M feed, perf); with the
  // probes of the next 8 items in flight they overlap. 8 covers the
  // ~100 ns of a miss at the ~20 ns an exact-mode item takes.
  static constexpr std::size_t kPrepareAhead = 8;

  // One thread: the items are decided one by one as by Add, but each key
  // is prepared (normalized, hashed) kPrepareAhead items before its commit
  // and the store is told to prefetch what the commit will probe.
  void AddAhead(const Item* items, std::size_t count, Decision* decisions) {
    if (ahead_.size() < kPrepareAhead) ahead_.resize(kPrepareAhead);
    const std::uint64_t first_id = next_id_;
    auto prepare = [&](std::size_t j) {
      PreparedItem* p = &ahead_[j % kPrepareAhead];
      PrepareKey(items[j], p);
      if (!items[j].cut) store_->Prefetch(p->hash, first_id + j);
    };
    // Halfway there, once its store probe has arrived: an item whose key
    // is not stored gets its sketch, and the band buckets that the commit
    // will walk are requested (ScoreAll's largest cost). A key that an item
    // in between stores, or evicts, costs a wasted sketch or a lazy one,
    // never another decision.
    auto sketch = [&](std::size_t j) {
      PreparedItem* p = &ahead_[j % kPrepareAhead];
      if (near_ == nullptr || items[j].cut) return;
      if (store_->FindKey(p->hash).has_value()) return;
      PrepareSketch(p);
      near_->PrefetchBands(p->near_sketch);
      near_->PrefetchInsert(first_id + j);
      term_weights_.Prefetch(p->near_sketch.fps);
    };
    constexpr std::size_t kSketchAhead = kPrepareAhead / 2;
    const std::size_t primed = std::min(count, kPrepareAhead);
    for (std::size_t j = 0; j < primed; ++j) prepare(j);
    for (std::size_t j = 0; j < std::min(count, kSketchAhead); ++j) sketch(j);
    for (std::size_t i = 0; i < count; ++i) {
      if (i + kSketchAhead < count) sketch(i + kSketchAhead);
      decisions[i] = Commit(items[i], &ahead_[i % kPrepareAhead]);
      if (i + kPrepareAhead < count) prepare(i + kPrepareAhead);
    }
  }

  // The lines of a PreparedItem (a worker wrote them).
  static void PrefetchStruct(const PreparedItem* p) {
    const char* b = reinterpret_cast<const char*>(p);
    for (std::size_t off = 0; off < sizeof(PreparedItem); off += 64) {
      internal::PrefetchLine(b + off);
    }
  }
  // The heap data Commit reads of a prepared item (its struct should be in
  // this core's cache by now: PrefetchStruct).
  static void PrefetchPrepared(const PreparedItem& p) {
    internal::PrefetchLine(p.key.data());
    if (!p.sketched) return;
    internal::PrefetchLine(p.near_sketch.fps.data());
    const std::vector<std::uint64_t>& bands = p.near_sketch.bands;
    for (std::size_t b = 0; b < bands.size(); b += 8) {
      internal::PrefetchLine(bands.data() + b);
    }
    internal::PrefetchLine(p.facts.codes.data());
  }

  // Whether a key was probably prepared before (thread-safe): a direct-
  // mapped table of key tags that the preparing threads fill as they go,
  // with relaxed atomics. Only a hint for skipping work: a race, a
  // collision or an overwritten slot costs a sketch on the commit thread or
  // a wasted one, never a different decision. 2^20 slots (4 MiB, mapped
  // with the pool, on two huge pages that fault in when first touched, not
  // at start-up) remember roughly the last million distinct keys.
  bool RecentKeyHint(const Key128& hash) const {
    std::atomic_ref<std::uint32_t> slot(RecentKeySlot(hash));
    const std::uint32_t tag = static_cast<std::uint32_t>(hash.hi >> 32) | 1;
    if (slot.load(std::memory_order_relaxed) == tag) return true;
    slot.store(tag, std::memory_order_relaxed);
    return false;
  }
  void PrefetchRecentKey(const Key128& hash) const {
    internal::PrefetchLine(&RecentKeySlot(hash));
  }
  std::uint32_t& RecentKeySlot(const Key128& hash) const {
    return recent_keys_[hash.lo & (kRecentKeySlots - 1)];
  }

  // Thread-safe: reads only immutable engine state.
  void PrepareKey(const Item& item, PreparedItem* p) const {
    p->sketched = false;
    p->label_bytes = 0;  // PrepareSketch finds the label and the tag
    p->tag_start = item.text.size();
    if (item.cut) {
      // Pieces of an over-long segment are never matched: only the UTF-8
      // check is needed (for Decision::repaired), and the language that
      // annotate reports for every item in xlang mode. (It used to be left
      // over from the item prepared before in the same PreparedItem: the
      // previous one for Add, another batch's for AddBatch.)
      p->repaired = !internal::IsValidUtf8(item.text);
      p->lang = xl_ != nullptr ? xl_->DetectLanguage(item.text, &p->lang_weak)
                               : std::string_view();
      return;
    }
    p->text = item.text;
    p->repaired = internal::NormalizeKey(item.text, &p->key);
    XXH128_hash_t h = XXH3_128bits(p->key.data(), p->key.size());
    p->hash = Key128{h.low64, h.high64};
    // Every item gets its language in xlang mode (annotate reports it),
    // also the exact repeats.
    p->lang = xl_ != nullptr ? xl_->DetectLanguage(item.text, &p->lang_weak)
                             : std::string_view();
  }

  // What the near channel and the fact guard read: the key and the text
  // without an opening newsroom label. Copies of a headline gain and lose
  // "UPDATE 2-" or "BREAKING: " as they do a trailing "| Reuters"; read in,
  // the label's words diluted a short headline's similarity, its number
  // counted as a fact, and its capitals as an entity that the original
  // lacks. The match key keeps it (the exact stage is about bytes), and so
  // does the cross-language analysis (PrepareXlang).
  static std::string_view ContentKey(const PreparedItem& p) {
    return p.label_bytes > 0 || p.tag_start < p.text.size()
               ? std::string_view(p.label_key)
               : std::string_view(p.key);
  }
  static std::string_view ContentText(const PreparedItem& p) {
    return p.text.substr(p.label_bytes, p.tag_start - p.label_bytes);
  }

  // Thread-safe: MakeSketch and the feature extractors keep no shared state.
  void PrepareSketch(PreparedItem* p) const {
    if (near_ == nullptr || p->sketched) return;
    p->label_bytes = internal::NewsLabelBytes(p->text);
    p->tag_start = internal::SourceTagStart(p->text);
    if (p->tag_start <= p->label_bytes) p->tag_start = p->text.size();
    // "... - Kenya" names the item's place, no outlet: content, which the
    // place guard reads ("Drought hits farmers - Kenya" / "... - South
    // Africa" are two items). Near mode has no lexicon to tell.
    if (p->tag_start < p->text.size() && xl_ != nullptr) {
      internal::NormalizeKey(p->text.substr(p->tag_start), &p->label_key);
      if (xl_->IsPlaceName(p->label_key, p->lang)) {
        p->tag_start = p->text.size();
      }
    }
    if (p->label_bytes > 0 || p->tag_start < p->text.size()) {
      internal::NormalizeKey(ContentText(*p), &p->label_key);
    }
    const std::string_view key = ContentKey(*p);
    internal::NearFeatures(key, kNearFeatureSeed, &p->features);
    near_->MakeSketch(p->features, &p->near_sketch);
    internal::CutTagFingerprints(key, kNearFeatureSeed, &p->tag_fps);
    // The number words of the headline's language, when it is known (not
    // a guess: an English wire title in capitals read as Portuguese would
    // lose its "TWO"); beyond the six, those of a Latin-script language
    // that ICU gives (Dutch "drie", Polish "lutego"), read in its
    // headlines only.
    internal::StopLang stop_lang;
    const bool six = internal::ParseStopLang(p->lang, &stop_lang);
    internal::ExtractFacts(key, &p->facts,
                           p->lang_weak ? -1
                           : six        ? static_cast<int>(stop_lang)
                                 : internal::ClosedClassLanguage(p->lang));
    // Places first: the words of a country's name of several words
    // ("Royaume-Uni") name the country to the entities below too.
    internal::CrossLingual::CountryPhraseWords country_words;
    if (xl_ != nullptr) {
      xl_->AddPlaceFacts(key, p->lang, &p->facts, &country_words);
    }
    if (xl_ != nullptr && six) {
      // The headline's first word is an actor only when it is a name: a
      // place, or no word of the headline's language (IsName). Of another
      // or unknown language, when it is no stop word, as in near mode.
      internal::AddEntityFacts(
          ContentText(*p), &p->facts,
          [this, p](std::string_view word) {
            return xl_->IsName(p->lang, word);
          },
          &p->first_word,
          [this, &country_words](std::string_view word) {
            const std::uint64_t f = xl_->CountryFeatureOfWord(word);
            return f != 0 ? f : country_words.FeatureOf(word);
          });
      // The opening's first word and the word after it, for another first
      // word on the same template (internal::OpeningSubstituted).
      std::string_view first, second;
      // A two-letter first word counts as an acronym only ("BP profits
      // jump ..." / "Shell profits jump ..."), not as a prefix ("Ex-first
      // lady ..." / "Former first lady ...").
      const std::string_view text = ContentText(*p);
      if (!p->first_word.empty() &&
          internal::OpeningWords(key, kNearFeatureSeed, &first, &second,
                                 &p->opening_fp) &&
          first == p->first_word &&
          (first.size() > 2 ||
           (text.size() >= 2 &&
            std::isupper(static_cast<unsigned char>(text[0])) &&
            std::isupper(static_cast<unsigned char>(text[1]))))) {
        const std::string_view country = xl_->CountryOfWord(first);
        internal::AddOpeningCode(country.empty() ? first : country, second,
                                 &p->facts);
      }
    } else {
      internal::AddEntityFacts(ContentText(*p), &p->facts);
    }
    // Antonym facts ("open" / "close") and acronyms' places ("US" / "UK")
    // need the lexicon: xlang mode only.
    if (xl_ != nullptr) {
      xl_->AddPolarityFacts(key, p->lang, &p->facts);
      xl_->AddAcronymPlaces(ContentText(*p), &p->facts);
    }
    p->xsketched = false;
    // With a pool the cross-language analysis runs here, in parallel;
    // alone, Commit runs it only for items the near channel did not match
    // (the others never reach the xlang index).
    if (pool_ != nullptr) PrepareXlang(p);
    p->sketched = true;
  }

  // Thread-safe, like PrepareSketch (after it).
  void PrepareXlang(PreparedItem* p) const {
    if (xl_ == nullptr || p->xsketched) return;
    // An item of unknown language never matches across languages: it is
    // not analyzed, and an empty sketch keeps it out of the index and out
    // of MatchXlang. Nor is
    // a guessed one in capitals only: wire titles ("3COM CORP <COMS> 3RD
    // QTR FEB 28 NET"), whose guesses met confident English ones there.
    if (p->lang == "und" ||
        (p->lang_weak && !internal::HasAsciiLowerCase(p->text))) {
      p->xfeatures.clear();
      p->profile.bytes.clear();
      xlang_->MakeSketch(p->xfeatures, &p->xsketch);
      p->xsketched = true;
      return;
    }
    // The whole text: a translation keeps its label ("Watch:" /
    // "Regarder :", a covered unit; without them NTREX lost 3 pairs). Not
    // a trailing source tag ("- BBC News", "| EL PAÍS", "- France 24"):
    // the outlet is no part of the item, and its words and numbers read as
    // content that a translation lacks.
    // An opening label's words are optional units (XlangProfile::
    // kOptionalBit): a translation may keep the label, another outlet's
    // copy may not have it.
    std::size_t label_key_bytes = 0;
    if (p->label_bytes > 0) {
      internal::NormalizeKey(p->text.substr(0, p->label_bytes),
                             &p->untagged_key);
      label_key_bytes = p->untagged_key.size();
    }
    const std::size_t tag = p->tag_start;
    if (tag < p->text.size()) {
      // Without a label, the content key (PrepareSketch) is this key.
      const std::string_view untagged = p->text.substr(0, tag);
      if (p->label_bytes > 0) {
        internal::NormalizeKey(untagged, &p->untagged_key);
      }
      xl_->Analyze(p->label_bytes > 0 ? std::string_view(p->untagged_key)
                                      : ContentKey(*p),
                   untagged, p->lang, &p->xfeatures, &p->profile,
                   label_key_bytes);
    } else {
      xl_->Analyze(p->key, p->text, p->lang, &p->xfeatures, &p->profile,
                   label_key_bytes);
    }
    // Numbers, months and weekdays are the commonest features ("2026",
    // "March") and the fact guard checks them anyway: left in, they made
    // 4x more candidates on a 20k-headline feed for no recall on NTREX.
    std::erase_if(p->xfeatures, [](std::uint64_t f) {
      return internal::CrossLingual::IsFact(f);
    });
    xlang_->MakeSketch(p->xfeatures, &p->xsketch);
    p->xsketched = true;
  }

  // The sequential part: window, lookups, verdict, insert.
  Decision Commit(const Item& item, PreparedItem* p) {
    Decision d;
    d.id = next_id_++;
    d.repaired = p->repaired;
    d.lang = p->lang;
    ++stats_.items;
    if (item.cut) {
      // Never matched or stored: dropping a fragment would lose data.
      ++stats_.cut;
      ++stats_.new_items;
      return d;
    }
    EvictExpired(item.timestamp);

    if (const std::optional<StoredItem> hit = store_->FindKey(p->hash)) {
      std::uint64_t hit_id = hit->id;
      std::uint64_t rep_id = hit->rep_id;
      // A representative's own key needs no second lookup: it is live.
      if (rep_id == hit_id || store_->FindId(rep_id).has_value()) {
        store_->Touch(hit_id, item.timestamp);
        if (rep_id != hit_id) store_->Touch(rep_id, item.timestamp);  // last
        d.verdict = Verdict::kExact;
        d.dup_of = rep_id;
        d.score = 1.0;
        ++stats_.exact;
        return d;
      }
      // Its cluster ended when the representative was evicted: the key
      // starts afresh (and leaves the xlang index if it was a member
      // there; the store evicts representatives last, so this is for a
      // store that does not).
      store_->Erase(hit_id);
      ForgetXlangMember(hit_id);
    }

    // Sketch stage. Each channel proposes candidates by LSH band hits. A
    // near candidate is a cluster representative, so near verification
    // never chains through members, with one exception: a cluster's first
    // cross-language member of each language is in both indexes
    // (IndexXlangMember), and a headline reached through it must still fit
    // the representative. The near channel tries such members last (the
    // member pass below).
    if (near_ != nullptr) {
      PrepareSketch(p);
      const bool matched = MatchNear(*p, &d, /*members=*/false);
      term_weights_.Observe(p->near_sketch.fps);
      if (matched) {
        // Cognates can pass the near rule across languages ("CNP
        // reorganisation: the Executive approves the bill" vs "Reorganisation
        // du CNP : l'Executif approuve..."): then the verdict says so.
        // Such a member is a way into its cluster as much as one the
        // cross-language channel found (IndexXlangMember).
        JoinCluster(*p, d, item.timestamp);
        if (CrossesLanguages(*p, *d.dup_of)) {
          d.verdict = Verdict::kCrossLanguage;
          ++stats_.xlang;
          PrepareXlang(p);
          IndexXlangMember(*p, d);
        } else {
          ++stats_.near;
        }
        return d;
      }
    }
    if (xlang_ != nullptr) PrepareXlang(p);
    if (xlang_ != nullptr && MatchXlang(*p, &d)) {
      ++stats_.xlang;
      JoinCluster(*p, d, item.timestamp);
      IndexXlangMember(*p, d);
      return d;
    }
    // Last, a copy of a cross-language member (a typo, a cut): a near
    // duplicate of the translation, in its language, that
    // neither channel found through the representative (IndexXlangMember).
    // Only for what would otherwise be new, so no other decision changes.
    if (member_candidates_ && MatchNear(*p, &d, /*members=*/true)) {
      store_->Touch(matched_member_, item.timestamp);  // then the cluster
      JoinCluster(*p, d, item.timestamp);
      if (CrossesLanguages(*p, *d.dup_of)) {
        d.verdict = Verdict::kCrossLanguage;
        ++stats_.xlang;
      } else {
        ++stats_.near;
      }
      return d;
    }

    store_->Insert(StoredItem{p->hash, d.id, d.id, item.timestamp});
    if (near_ != nullptr) near_->Insert(d.id, p->near_sketch, p->facts);
    if (xlang_ != nullptr) {
      xlang_->Insert(d.id, p->xsketch, p->lang, p->profile.bytes,
                     p->lang_weak ? kGuessedLanguage : std::string_view());
    }
    ++stats_.new_items;
    while (store_->size() > options_.window) Evict();
    return d;
  }

  // A near or cross-language member: a sighting of its cluster, and its own
  // key is remembered (pointing at the representative) so that a verbatim
  // repeat of the member is an exact duplicate of the cluster.
  // The representative is touched last, so it outlives its members.
  void JoinCluster(const PreparedItem& p, const Decision& d, std::int64_t now) {
    store_->Insert(StoredItem{p.hash, d.id, *d.dup_of, now});
    store_->Touch(*d.dup_of, now);
    while (store_->size() > options_.window) Evict();
  }

  // A cross-language member becomes one more way into its cluster: its
  // profile is indexed like a representative's, so that a later headline in
  // a third language can match the translation nearest to it ("Le fils
  // aîné de Sarah Palin arrêté pour violence conjugale" misses the English
  // title but reaches its cluster through the Spanish member). Only the
  // first member of each language is indexed, so a cluster offers at most
  // one profile per language.
  //
  // Measured (td_eval, CLI defaults): the NTREX stream's recall 0.7279 ->
  // 0.8011 (every language pair 0.67-0.78 -> 0.74-0.85), its precision
  // 0.8441 -> 0.8211 (about half of the new wrong pairs join NTREX
  // translations to STS-B distractors reporting the same event); the 200k
  // generated feed's xlang recall 0.9174 -> 0.9349, pair precision 0.9894
  // -> 0.9898; 8% more instructions there (more candidates). docs/xlang.md
  // has the variants tried.
  void IndexXlangMember(const PreparedItem& p, const Decision& d) {
    // A member of guessed language is not indexed: its group tag is the
    // representative's language, and it would lose kGuessedLanguage's.
    if (p.xsketch.empty || p.lang_weak) return;
    // With a tiny window, JoinCluster's evictions may have taken either.
    if (!store_->FindId(d.id).has_value() ||
        !store_->FindId(*d.dup_of).has_value())
      return;
    std::uint64_t& langs = member_langs_[*d.dup_of];
    const std::uint64_t bit = LangBit(p.lang);
    if ((langs & bit) != 0) return;
    // Tagged with the representative's language too: a headline in that
    // language never sees the member (same-language matching is the near
    // channel's business).
    if (xlang_->Insert(d.id, p.xsketch, p.lang, p.profile.bytes,
                       xlang_->LangOf(*d.dup_of))) {
      langs |= bit;
      xlang_members_[d.id] = *d.dup_of;
      // And into the near index: a copy of the translation (a typo, a cut)
      // is a near duplicate of it, in its language, where the
      // cross-language channel, which sees only the representative's
      // language, finds a typo'd word in no dictionary. MatchNear reports
      // the representative (MemberRep).
      near_->Insert(d.id, p.near_sketch, p.facts);
      near_members_ += near_->Contains(d.id);
    }
  }

  // A bit per language code for member_langs_ (two codes may share one:
  // then the second language's member is not indexed).
  static std::uint64_t LangBit(std::string_view lang) {
    std::uint32_t h = 0;
    for (char c : lang) h = h * 31 + static_cast<unsigned char>(c);
    return std::uint64_t{1} << (h % 64);
  }

  // Ends every cluster not seen within window_seconds before `now`.
  void EvictExpired(std::int64_t now) {
    if (options_.window_seconds > 0) {
      while (const std::optional<StoredItem> oldest = store_->Oldest()) {
        if (oldest->last_seen >= now - options_.window_seconds) break;
        Evict();
      }
    }
  }

  // The best verified near candidate for `p` into *d; false when none
  // passes. Highest score wins, ties go to the oldest representative, so
  // output is deterministic.
  //
  // `members` false: among representatives (reading the candidates, and
  // noting in member_candidates_ whether a cross-language member scored
  // the threshold); true: among those members, for the same item.
  bool MatchNear(const PreparedItem& p, Decision* d, bool members) {
    if (!members) member_candidates_ = false;
    if (p.near_sketch.set_size == 0) return false;
    const double threshold = near_->options().threshold;
    if (!members) {
      near_->Candidates(p.near_sketch, &candidates_);
      stats_.candidates_checked += candidates_.size();
    }
    double best_score = -1;
    std::uint64_t best_id = 0;
    guard_failed_.clear();
    entity_failed_.clear();
    word_codes_of_ = nullptr;
    for (std::uint64_t id : candidates_) {
      const bool member =
          !xlang_members_.empty() && xlang_members_.contains(id);
      if (member != members) {
        if (member && !member_candidates_) {
          member_candidates_ = near_->Score(p.near_sketch, id) >= threshold;
        }
        continue;
      }
      double score = near_->Score(p.near_sketch, id);
      if (score < threshold || score <= best_score) continue;
      if (member && !MemberFitsCluster(p, id)) continue;
      // The fact guard vetoes: same template, different facts.
      near_->GetFacts(id, &rep_facts_);
      // A negation flipped in an otherwise identical headline ("will
      // attend" / "will not attend"); between looser rewrites of a story
      // a negation is style ("... Married to Not George Clooney").
      if (score >= kNegationScore &&
          internal::NegationConflict(p.facts, rep_facts_)) {
        continue;
      }
      if (internal::FactsConflict(p.facts, rep_facts_)) {
        // A typo in a name makes another entity ("Vanuatu" / "Vanautu"):
        // such a candidate gets a typo search below, which passes it only
        // when the typos are all that changed. Not another known place
        // ("Iran" / "Iraq"), nor actors in swapped roles.
        const bool entities_only =
            !internal::FactsConflictIgnoringEntities(p.facts, rep_facts_) &&
            !internal::PlacesConflict(p.facts, rep_facts_) &&
            !internal::RoleOrderConflict(p.facts, rep_facts_);
        if (!entities_only || !EntityLackIsAWord(p, id)) {
          if (entities_only) entity_failed_.push_back({score, id});
          continue;
        }
        // Such a copy adds words; a negation or a side among them is
        // another story at any score ("Evacuated Bristol families return
        // home" / "Families evacuated in Bristol ... not allowed to return
        // home", "Leader of al-Qaeda in Iraq arrested" / "US denies arrest
        // of ... al-Qaeda in Iraq leader").
        if (internal::NegationConflict(p.facts, rep_facts_) ||
            internal::SidesDiffer(p.facts, rep_facts_)) {
          continue;
        }
      }
      // Another first word opening the same template ("Apple" / "Amazon
      // shares fall 3%").
      if (internal::OpeningSubstituted(p.facts, rep_facts_) &&
          !FirstWordExcused(p, id)) {
        continue;
      }
      if (!PassesTemplateGuard(p, id, threshold) || ShortSubstitution(p, id)) {
        guard_failed_.push_back({score, id});
        continue;
      }
      best_score = score;
      best_id = id;
    }
    // A typo makes a rare word, so the template guard may have vetoed a
    // typo'd duplicate. Each typo search risks a false link through 16-bit
    // fingerprints (~170 variants at 1/65536 each), so only the few best
    // vetoed candidates that could still win get one: highest score first,
    // then the newest (edits of a headline follow it closely).
    std::sort(guard_failed_.begin(), guard_failed_.end(), BestThenNewest);
    int searches = 0;
    for (const auto& [score, id] : guard_failed_) {
      if (score <= best_score || searches++ == kTypoSearchesPerItem) break;
      if (PassesTemplateGuardWithTypos(p, id, threshold)) {
        best_score = score;
        best_id = id;
        break;
      }
    }
    std::sort(entity_failed_.begin(), entity_failed_.end(), BestThenNewest);
    for (const auto& [score, id] : entity_failed_) {
      if (score <= best_score || searches++ >= kTypoSearchesPerItem) break;
      if (PassesTemplateGuardWithTypos(p, id, threshold,
                                       /*only_typos=*/true)) {
        best_score = score;
        best_id = id;
        break;
      }
    }
    if (best_score < 0) return false;
    d->verdict = Verdict::kNear;
    d->dup_of = best_id;
    d->score = std::min(best_score, 1.0);
    if (members) {
      matched_member_ = best_id;
      MemberRep(&best_id);  // live: MemberFitsCluster
      d->dup_of = best_id;
    }
    return true;
  }

  // Whether p may join the cluster of near candidate `id`, a cross-language
  // member: in the member's language, and the cluster is live and its
  // representative fits p (as in MatchXlang).
  bool MemberFitsCluster(const PreparedItem& p, std::uint64_t id) {
    const std::uint64_t member = id;
    if (!MemberRep(&id) || id == kNoCluster) return false;
    // Only a copy in the member's own language: cognates across languages
    // are the cross-language channel's to weigh.
    if (p.lang_weak || IsOtherLanguage(p.lang, xlang_->LangOf(member))) {
      return false;
    }
    // Confirmed against the representative too, as in MatchXlang
    // (p.profile: MatchNear's member pass runs after PrepareXlang).
    if (!FitsRepresentative(p, id)) return false;
    near_->GetFacts(id, &rep_facts_);
    return !internal::FactsConflictIgnoringEntities(p.facts, rep_facts_);
  }

  // Whether the entity conflict of p and the representative `id` (in
  // rep_facts_) is a headline-initial word read as a name, in a copy that
  // only adds words: one side's features are all the other's, and what one
  // side asserts alone is a word the other has in lower case. Without a
  // vocabulary (near mode) "Soldier killed in Mali attack" asserts
  // "Soldier", which "French soldier killed in Mali attack" has as a word,
  // and asserts "French" itself: each lacked one of the other's entities.
  // The representative's are checked against p's words, p's first word
  // against the representative's features.
  bool EntityLackIsAWord(const PreparedItem& p, std::uint64_t id) {
    near_->GetFingerprints(id, &rep_fps_);
    const std::vector<std::uint16_t>& q = p.near_sketch.fps;
    if (internal::SketchIndex::SharedFingerprints(q, rep_fps_) !=
        std::min(q.size(), rep_fps_.size())) {
      return false;
    }
    // p's word codes, once per item (MatchNear clears word_codes_of_).
    const std::string_view key = ContentKey(p);
    if (word_codes_of_ != &p) {
      word_codes_of_ = &p;
      word_codes_.clear();
      for (std::size_t at = 0; at < key.size();) {
        const std::size_t end = std::min(key.find(' ', at), key.size());
        if (end > at) {
          word_codes_.push_back(
              internal::EntityCodeOfWord(key.substr(at, end - at)));
        }
        at = end + 1;
      }
    }
    if (internal::EntitiesMissingOnlyAmong(rep_facts_, p.facts, word_codes_)) {
      return true;
    }
    // p's own first word (OpeningWords: near mode reads no opening code).
    std::string_view first, second;
    int fp = -1;
    if (!internal::OpeningWords(key, kNearFeatureSeed, &first, &second, &fp) ||
        fp < 0 ||
        !std::binary_search(rep_fps_.begin(), rep_fps_.end(),
                            static_cast<std::uint16_t>(fp))) {
      return false;
    }
    const std::uint32_t first_code[] = {internal::EntityCodeOfWord(first)};
    return internal::EntitiesMissingOnlyAmong(p.facts, rep_facts_, first_code);
  }

  // Order of the vetoed candidates (score, id) that get a typo search:
  // highest score first, then the newest.
  static bool BestThenNewest(const std::pair<double, std::uint64_t>& a,
                             const std::pair<double, std::uint64_t>& b) {
    return a.first != b.first ? a.first > b.first : a.second > b.second;
  }

  // Whether p's first word is a word of the representative `id` too, as
  // when two actors swap places ("Obama meets Merkel" / "Merkel meets
  // Obama": RoleOrderConflict's business), or one typo from one ("Suciide" /
  // "Suicide"; NearTypoMatches).
  bool FirstWordExcused(const PreparedItem& p, std::uint64_t id) {
    if (p.opening_fp < 0) return false;
    near_->GetFingerprints(id, &rep_fps_);
    const auto fp = static_cast<std::uint16_t>(p.opening_fp);
    if (std::binary_search(rep_fps_.begin(), rep_fps_.end(), fp)) return true;
    // The first word alone, as the only word of its side: a variant that p
    // has elsewhere still links ("Proetsters ... protests" / "Protesters
    // ...").
    const std::uint16_t own[] = {fp};
    internal::NearTypoMatches(p.first_word, kNearFeatureSeed, own, rep_fps_,
                              &typo_links_);
    return !typo_links_.empty();
  }

  // Whether p and the representative `id` (its fingerprints in rep_fps_,
  // as PassesTemplateGuard leaves them) are a short headline with one of
  // its words replaced: the shorter holds at most kMaxSubstitutionFeatures
  // features and each side has one the other lacks ("Train derails in
  // India" / "Train collides in India", "Killer released on / denied
  // parole"). With so few words each carries the story, so another one is
  // another event; a word dropped or added (a cut, a tag) is still a copy,
  // and a typo ("Trian") still links through the typo search, where such a
  // candidate goes. Not between two languages: there the near channel
  // meets cognates ("dimette" / "demitir"), which are no substitution.
  bool ShortSubstitution(const PreparedItem& p, std::uint64_t id) const {
    const std::size_t nq = p.near_sketch.fps.size();
    const std::size_t nr = rep_fps_.size();
    if (std::min(nq, nr) > kMaxSubstitutionFeatures) return false;
    const std::size_t shared =
        internal::SketchIndex::SharedFingerprints(p.near_sketch.fps, rep_fps_);
    if (shared == nq || shared == nr) return false;
    return !CrossesLanguages(p, id);
  }

  // Whether a near match of p to the representative `id` joins two
  // languages: both read (not guessed) and different. The verdict then
  // says so (Commit), and ShortSubstitution leaves cognates alone.
  bool CrossesLanguages(const PreparedItem& p, std::uint64_t id) const {
    return xlang_ != nullptr && !p.lang_weak &&
           IsOtherLanguage(p.lang, xlang_->LangOf(id));
  }

  // The template guard: the score again with every feature weighted by how
  // rare it is in the feed (TermWeights), so that two headlines sharing only
  // a template's common words ("police name drowning victim" / "police name
  // rail victim") are two items.
  bool PassesTemplateGuard(const PreparedItem& p, std::uint64_t id,
                           double threshold) {
    near_->GetFingerprints(id, &rep_fps_);
    return GuardAccepts(p, threshold);
  }

  // The same after linking the words one typo apart ("Histry" / "History").
  // With `only_typos` (the candidate's entities conflict), only when the
  // two are then the same words and every entity one side asserts and the
  // other lacks is one of the linked words: the typos are all that
  // changed, so no actor did.
  bool PassesTemplateGuardWithTypos(const PreparedItem& p, std::uint64_t id,
                                    double threshold, bool only_typos = false) {
    near_->GetFingerprints(id, &rep_fps_);
    const std::vector<std::uint16_t>& q = p.near_sketch.fps;
    if (only_typos) {
      // One fingerprint per typo'd word, at most kMaxEntityTypos of them:
      // most template siblings differ in more, and need no search.
      if (q.size() != rep_fps_.size()) return false;
      const std::size_t differ =
          q.size() - internal::SketchIndex::SharedFingerprints(q, rep_fps_);
      if (differ > kMaxEntityTypos) return false;
    }
    internal::NearTypoMatches(ContentKey(p), kNearFeatureSeed, q, rep_fps_,
                              &typo_links_,
                              only_typos ? &typo_words_ : nullptr);
    if (typo_links_.empty()) return false;
    for (auto [own, other] : typo_links_) {
      std::replace(rep_fps_.begin(), rep_fps_.end(), other, own);
    }
    std::sort(rep_fps_.begin(), rep_fps_.end());
    rep_fps_.erase(std::unique(rep_fps_.begin(), rep_fps_.end()),
                   rep_fps_.end());
    if (only_typos) {
      if (rep_fps_ != q) return false;
      own_codes_.clear();
      other_codes_.clear();
      for (const auto& [own, other] : typo_words_) {
        own_codes_.push_back(internal::EntityCodeOfWord(own));
        other_codes_.push_back(internal::EntityCodeOfWord(other));
      }
      near_->GetFacts(id, &rep_facts_);
      if (!internal::EntityChangesExplained(p.facts, rep_facts_, own_codes_,
                                            other_codes_)) {
        return false;
      }
    }
    return GuardAccepts(p, threshold);
  }

  // The guard's test of p against the representative's fingerprints in
  // rep_fps_.
  bool GuardAccepts(const PreparedItem& p, double threshold) {
    const double cw = near_->options().containment_weight;
    const internal::TermWeights::Overlap o =
        term_weights_.Compare(p.near_sketch.fps, rep_fps_, cw);
    // Like the fact guard, it vetoes changes, not drops: a headline that
    // only adds words (a source tag) or loses some (truncation) passes, as
    // long as what the two share is more than common words ("police name
    // victim" must not absorb every "police name ... victim"), and the
    // smaller set is at least half the larger ("How To Tell Time" is in
    // "Tell Us About A Time You Literally ...": no cut keeps so little)
    // and holds two features: one word says nothing of a copy ("What Carb
    // Are You" is {carb}, and so not in "Which Carb Is Your Soulmate").
    const std::size_t small =
        std::min(p.near_sketch.fps.size(), rep_fps_.size());
    const std::size_t large =
        std::max(p.near_sketch.fps.size(), rep_fps_.size());
    if (o.contained && o.rarest_shared >= kInformativeWeight &&
        2 * small >= large && small >= 2) {
      return true;
    }
    if (o.score >= GuardBar(threshold)) return true;
    // A copy cut short and then labelled or tagged ("BREAKING: Ex-Apple
    // Executive Is Named Chief... | Reuters"): it holds no more than its
    // original once the label's and the tag's words are set aside.
    if (p.tag_fps.empty()) return false;
    reduced_fps_.clear();
    std::set_difference(p.near_sketch.fps.begin(), p.near_sketch.fps.end(),
                        p.tag_fps.begin(), p.tag_fps.end(),
                        std::back_inserter(reduced_fps_));
    const internal::TermWeights::Overlap r =
        term_weights_.Compare(reduced_fps_, rep_fps_, cw);
    return r.contained && r.rarest_shared >= kInformativeWeight &&
           reduced_fps_.size() <= rep_fps_.size();
  }

  // The guard's bar: the threshold while the feed's statistics mean
  // nothing yet, rising to kTemplateGuardFactor times it as they become
  // confident.
  double GuardBar(double threshold) const {
    return threshold *
           (1 + (kTemplateGuardFactor - 1) * term_weights_.Confidence());
  }

  // Both languages known and different.
  static bool IsOtherLanguage(std::string_view a, std::string_view b) {
    return !a.empty() && !b.empty() && a != "und" && b != "und" && a != b;
  }

  // The best verified cross-language candidate: a representative in
  // another language whose profile aligns with this one (CrossLingual::
  // Verify) and whose facts agree. Same-language candidates are the near
  // channel's business: one threshold cannot serve both (docs/xlang.md).
  bool MatchXlang(const PreparedItem& p, Decision* d) {
    // An item of language "und" has no sketch, and is in no index
    // (PrepareXlang).
    if (p.xsketch.empty) return false;
    // Two guessed languages are no evidence of two languages: a guessed
    // headline only meets items whose language was read.
    const std::string_view skip_langs[] = {p.lang, kGuessedLanguage};
    xlang_->Candidates(p.xsketch,
                       std::span<const std::string_view>(skip_langs)
                           .first(p.lang_weak ? 2 : 1),
                       &xcandidates_);
    if (xcandidates_.empty()) return false;
    stats_.candidates_checked += xcandidates_.size();
    // Most candidates share at most one unit with the headline (76% on the
    // 200k-headline generated feed): the cover bound drops them exactly,
    // without decoding and sorting both profiles as Align does.
    xcover_.SetQuery(p.profile.bytes);
    constexpr std::size_t kPrefetchAhead = 4;
    for (std::size_t i = 0; i < kPrefetchAhead && i < xcandidates_.size();
         ++i) {
      xlang_->PrefetchProfile(xcandidates_[i].slot);
    }
    // Pass 1: the cover bound of every candidate (exact today: Align's
    // alignment, so its score too), and its cluster.
    xpassing_.clear();
    for (std::size_t i = 0; i < xcandidates_.size(); ++i) {
      if (i + kPrefetchAhead < xcandidates_.size()) {
        xlang_->PrefetchProfile(xcandidates_[i + kPrefetchAhead].slot);
      }
      double bound = 0;
      internal::XlangAlignment alignment;
      if (!xcover_.MayVerify(xlang_->ProfileAt(xcandidates_[i].slot), rule_,
                             &bound, &alignment)) {
        continue;
      }
      // A member stands for its representative (IndexXlangMember).
      std::uint64_t id = xcandidates_[i].id;
      const bool via_member = !xlang_members_.empty() && MemberRep(&id);
      if (id == kNoCluster) continue;
      xpassing_.push_back(
          {bound, id, xcandidates_[i].slot, via_member, alignment});
    }
    // Pass 2, best bound first: the best score wins, ties go to the oldest
    // representative. A candidate whose bound cannot beat the best so far
    // ends the search, so most headlines align one profile, not every
    // candidate that passed the bound (a cluster with members offers
    // several). The same decisions as aligning them all.
    std::sort(xpassing_.begin(), xpassing_.end(),
              [](const XlangPassing& x, const XlangPassing& y) {
                return x.bound != y.bound ? x.bound > y.bound : x.id < y.id;
              });
    double best_score = -1;
    std::uint64_t best_id = 0;
    for (const XlangPassing& c : xpassing_) {
      if (c.bound < best_score || (c.bound == best_score && c.id > best_id)) {
        break;
      }
      const std::uint64_t id = c.id;
      // The cover bound's alignment is Align's (XlangCoverBound::Bound,
      // flags included; XlangCoverBoundTest.BoundEqualsAlign): aligning
      // again was 2% of the default mode's instructions.
      const internal::XlangAlignment& a = c.alignment;
      if (!internal::CrossLingual::Decide(a, rule_)) continue;
      double score = std::min(internal::CrossLingual::Coverage(a, 0, rule_),
                              internal::CrossLingual::Coverage(a, 1, rule_));
      // (The score is the bound itself today: this only guards the order.)
      if (score < best_score || (score == best_score && id > best_id)) {
        continue;
      }
      // Reached through a member, the headline must still fit the
      // representative: no fact or place of either changed, and some
      // coverage. Without this, the NTREX stream's precision was 0.8161
      // (0.8179 without the coverage; 0.8211 with it at 0.2 or 0.3, the
      // same recall; 0.8267 at 0.4 but recall 0.8011 -> 0.7886).
      if (c.via_member && !FitsRepresentative(p, id)) continue;
      near_->GetFacts(id, &rep_facts_);
      // Names may be spelled otherwise in another language; tickers and
      // handles are not.
      if (internal::FactsConflictIgnoringEntities(p.facts, rep_facts_) ||
          internal::HandlesConflict(p.facts, rep_facts_)) {
        continue;
      }
      best_score = score;
      best_id = id;
    }
    if (best_score < 0) return false;
    d->verdict = Verdict::kCrossLanguage;
    d->dup_of = best_id;
    d->score = std::min(best_score, 1.0);
    return true;
  }

  // Whether a headline reached through a member of representative `rep`
  // fits the representative too: no fact or place of either changed, and
  // some coverage (kMemberRepCoverage).
  bool FitsRepresentative(const PreparedItem& p, std::uint64_t rep) const {
    const internal::XlangAlignment r =
        internal::CrossLingual::Align(p.profile.bytes, xlang_->ProfileOf(rep));
    return !r.fact_conflict && !r.place_conflict &&
           std::min(internal::CrossLingual::Coverage(r, 0, rule_),
                    internal::CrossLingual::Coverage(r, 1, rule_)) >=
               kMemberRepCoverage;
  }

  // When *id is an indexed cross-language member: sets it to the member's
  // representative and returns true, or sets kNoCluster when the cluster
  // has ended.
  bool MemberRep(std::uint64_t* id) const {
    auto it = xlang_members_.find(*id);
    if (it == xlang_members_.end()) return false;
    *id = it->second;
    if (!store_->FindId(*id).has_value()) *id = kNoCluster;
    return true;
  }

  // Erases `id` from the xlang index when it is an indexed member there.
  void ForgetXlangMember(std::uint64_t id) {
    if (!xlang_members_.empty() && xlang_members_.erase(id)) {
      xlang_->Erase(id);
      if (near_->Contains(id)) {
        near_->Erase(id);
        --near_members_;
      }
    }
  }

  void Evict() {
    const std::optional<StoredItem> oldest = store_->Oldest();
    // A representative leaving the window ends its cluster: its sketch and
    // band entries go with it. The few members in the indexes are known
    // from xlang_members_, so a member's key needs no id lookup in either
    // channel (a random read each).
    if (oldest->rep_id == oldest->id) {
      if (near_ != nullptr) near_->Erase(oldest->id);
      if (xlang_ != nullptr) xlang_->Erase(oldest->id);
      if (!member_langs_.empty()) member_langs_.erase(oldest->id);
    } else {
      ForgetXlangMember(oldest->id);
    }
    store_->Erase(oldest->id);
    ++stats_.evicted;
  }

  EngineOptions options_;
  std::unique_ptr<IndexStore> store_;
  std::unique_ptr<internal::SketchIndex> near_;  // null for --match exact
  std::unique_ptr<internal::WorkerPool> pool_;   // null for one thread
  // Rebuilds during a threaded batch: posted on help_ for the workers.
  internal::HelpBoard help_;
  internal::SketchIndex::ParallelFor helped_for_;
  std::shared_ptr<const internal::CrossLingual> xl_;  // null below xlang
  std::unique_ptr<internal::XlangIndex> xlang_;       // null below xlang
  internal::XlangRule rule_;
  std::uint64_t next_id_ = 0;
  // Scratch, reused: no allocation per item in steady state.
  PreparedItem single_;
  std::vector<PreparedItem> batch_;
  std::vector<std::atomic<bool>> chunk_ready_;  // AddBatch's pipeline
  // RecentKeyHint's table; mutable: a hint cache shared by the preparers.
  // Read and written through std::atomic_ref only.
  mutable internal::ZeroedArray<std::uint32_t> recent_keys_;
  std::vector<PreparedItem> ahead_;  // AddAhead's ring
  internal::Facts rep_facts_;
  std::vector<std::uint16_t> rep_fps_;
  std::vector<std::uint16_t> reduced_fps_;  // GuardAccepts
  std::vector<std::pair<std::uint16_t, std::uint16_t>> typo_links_;
  std::vector<std::pair<double, std::uint64_t>> guard_failed_;  // MatchNear
  // Candidates whose entities conflict (MatchNear), and the typo search's
  // words and their entity codes (PassesTemplateGuardWithTypos).
  std::vector<std::pair<double, std::uint64_t>> entity_failed_;
  std::vector<std::pair<std::string, std::string>> typo_words_;
  std::vector<std::uint32_t> own_codes_, other_codes_;
  std::vector<std::uint32_t> word_codes_;        // EntityLackIsAWord
  const PreparedItem* word_codes_of_ = nullptr;  // whose word_codes_ are
  // Document frequencies of near features over the sketched items, in
  // commit order (so --threads gives the same decisions).
  internal::TermWeights term_weights_;
  std::vector<std::uint64_t> candidates_;
  // Whether MatchNear's first pass met a cross-language member at the
  // threshold, and the member its second pass matched.
  bool member_candidates_ = false;
  std::uint64_t matched_member_ = kNoCluster;
  // Cross-language members in the near index (IndexXlangMember).
  std::size_t near_members_ = 0;
  std::vector<internal::XlangIndex::Candidate> xcandidates_;
  // MatchXlang's candidates that passed the cover bound.
  struct XlangPassing {
    double bound;
    std::uint64_t id;  // the representative's
    std::uint32_t slot;
    bool via_member;
    internal::XlangAlignment alignment;  // with the candidate's own profile
  };
  std::vector<XlangPassing> xpassing_;
  internal::XlangCoverBound xcover_;
  EngineStats stats_;
  // Cross-language members in the xlang index (IndexXlangMember): member
  // id -> representative id, and representative id -> LangBit of the
  // languages indexed. Bounded by the window: evicting a member or a
  // representative erases its entry.
  absl::flat_hash_map<std::uint64_t, std::uint64_t> xlang_members_;
  absl::flat_hash_map<std::uint64_t, std::uint64_t> member_langs_;
};

// The lexicon: --lexicon, else $TICKERDEDUP_LEXICON, else the installed data
// file, else the one generated in the build tree (running from a checkout).
// A loaded lexicon is immutable, so engines of one process share it while
// any of them holds it: loading takes 15-35 ms and ~40 MB, which an embedder
// creating one engine per feed (or td_eval, one per labelled pair) would
// otherwise pay every time.
std::shared_ptr<const internal::CrossLingual> LoadLexicon(
    const EngineOptions& options, std::string* error) {
  std::string path = options.lexicon_path;
  if (path.empty()) {
    const char* env = std::getenv("TICKERDEDUP_LEXICON");
    if (env != nullptr && *env != '\0') path = env;
  }
  if (path.empty()) {
    for (const char* candidate :
         {TICKERDEDUP_DEFAULT_LEXICON, TICKERDEDUP_BUILD_LEXICON}) {
      if (std::ifstream(candidate).good()) {
        path = candidate;
        break;
      }
    }
  }
  if (path.empty()) {
    if (error) {
      *error = std::string("cross-language lexicon not found (looked in ") +
               TICKERDEDUP_DEFAULT_LEXICON + " and " +
               TICKERDEDUP_BUILD_LEXICON +
               "); pass --lexicon PATH, set TICKERDEDUP_LEXICON, or use "
               "--match near";
    }
    return nullptr;
  }
  static std::mutex mu;
  static auto* loaded =
      new std::map<std::string, std::weak_ptr<const internal::CrossLingual>>();
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = loaded->find(path); it != loaded->end()) {
    if (auto shared = it->second.lock()) return shared;
  }
  std::string load_error;
  std::shared_ptr<const internal::CrossLingual> xl =
      internal::CrossLingual::Load(path, &load_error);
  if (xl == nullptr) {
    if (error) *error = "lexicon " + path + ": " + load_error;
    return nullptr;
  }
  (*loaded)[path] = xl;
  return xl;
}

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
  if (options.threads < 1 || options.threads > 256) {
    if (error) *error = "threads must be between 1 and 256";
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
  std::shared_ptr<const internal::CrossLingual> xl;
  if (options.match == MatchLevel::kCrossLanguage) {
    xl = LoadLexicon(options, error);
    if (xl == nullptr) return nullptr;
  }
  return std::make_unique<EngineImpl>(options, std::move(xl));
}

}  // namespace tickerdedup
