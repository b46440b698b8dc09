// SketchIndex: one feature channel of the sketch stage. It stores, for each
// cluster representative in the window, 16-bit fingerprints of its features
// (verification; its MinHash signature, whose full 32-bit minima make the
// LSH band keys, is recomputed from them when needed) and its fact codes; it
// proposes and scores candidates for a new item. The engine owns the
// policy (which channel, verdict, window); a second channel (cross-language
// features) is another SketchIndex with its own features, threshold and
// LSH parameters.
//
//   SketchIndex::Options o;  o.num_hashes = 64;  o.threshold = 0.55;
//   SketchIndex index(o);
//   SketchIndex::Sketch s;
//   index.MakeSketch(features, &s);
//   index.Candidates(s, &ids);              // band hits, deduplicated
//   double score = index.Score(s, ids[0]);  // verify against the rep
//   index.Insert(id, s, facts);             // a new representative
//   index.Erase(id);                        // evicted: its cluster ends
#ifndef TICKERDEDUP_SRC_SKETCH_INDEX_H_
#define TICKERDEDUP_SRC_SKETCH_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "facts.h"
#include "lsh.h"
#include "mapped_memory.h"
#include "minhash.h"

namespace tickerdedup::internal {

class SketchIndex {
 public:
  struct Options {
    int num_hashes = 64;
    double threshold = 0.5;
    LshParams lsh;                       // bands * rows <= num_hashes
    std::uint32_t max_items = 1u << 20;  // the window (+1: insert then evict)
    MinHashKernel kernel = DefaultMinHashKernel();
    std::uint64_t band_seed = 0x7D1C4E5A9B3F2861ull;
    // Score = (1 - w) * Jaccard + w * containment, where containment =
    // |A n B| / min(|A|, |B|), both computed exactly on the 16-bit feature
    // fingerprints. Truncations and added source tags keep containment
    // high; measured w = 0.25 (docs/near.md).
    double containment_weight = 0.25;
  };

  // A candidate with its score, cached in the Sketch by Candidates (see
  // Score).
  struct ScoredCandidate {
    std::uint64_t id = 0;
    double score = 0;
  };

  // The sketch of one item, computed once and used to query and to insert.
  // Each item (each thread) needs its own Sketch. MakeSketch may run on
  // several threads at once, also while another thread queries or changes
  // the index; the queries (Candidates, Score) share the index's scratch and
  // run on one thread at a time.
  struct Sketch {
    std::vector<std::uint32_t> full;  // densified 32-bit values (scratch)
    std::vector<std::uint64_t> minhash_set;  // the fps spread to 64 bits
    std::vector<std::uint64_t> bands;        // band hashes
    std::vector<std::uint16_t> fps;  // sorted distinct feature fingerprints
    std::uint32_t set_size = 0;      // fps.size(); 0 never matches
    std::uint64_t generation = 0;    // bumped by MakeSketch (query cache)
  };

  explicit SketchIndex(const Options& options);

  const Options& options() const { return options_; }

  void MakeSketch(std::span<const std::uint64_t> features, Sketch* out) const;
  // Ids of stored items sharing at least one band with `s`, each once, in
  // ascending id order (determinism). Issues every band's first probe as a
  // prefetch before walking any of them: the walks are independent DRAM
  // misses, so they overlap instead of queueing (~200 ns each cold).
  // Also scores every candidate, into the index's query cache.
  void Candidates(const Sketch& s, std::vector<std::uint64_t>* ids) const;
  // Requests the first bucket of each of `s`'s bands: a caller that knows
  // its next queries (a pipeline) issues them some items ahead. A hint
  // only: inserts and rebuilds in between cost a miss, never a result.
  void PrefetchBands(const Sketch& s) const {
    if (s.set_size == 0) return;
    for (int b = 0; b < options_.lsh.bands; ++b) {
      tables_[b].Prefetch(s.bands[b]);
    }
  }
  // Requests what Insert(id, ...) probes first (the id table's bucket): a
  // pipeline that knows the ids of its next items issues it ahead, as
  // PrefetchBands.
  void PrefetchInsert(std::uint64_t id) const {
    id_table_.Prefetch(IdHash(id));
  }
  // Similarity score of `s` against stored item `id` (see Options); -1 when
  // `id` is not stored. O(1) for the ids of the last Candidates(s) call.
  double Score(const Sketch& s, std::uint64_t id) const;
  // The stored item's fact codes (into *facts).
  void GetFacts(std::uint64_t id, Facts* facts) const;
  // The stored item's sorted feature fingerprints (into *fps).
  void GetFingerprints(std::uint64_t id, std::vector<std::uint16_t>* fps) const;
  // How many fingerprints two sorted, distinct fingerprint sets share (the
  // merge Score counts with).
  static std::size_t SharedFingerprints(std::span<const std::uint16_t> a,
                                        std::span<const std::uint16_t> b);

  // Stores `id` (not already stored). `s.set_size` must be > 0.
  void Insert(std::uint64_t id, const Sketch& s, const Facts& facts);

  // Runs body(begin, end) over chunks of [0, n), `grain` items each, on
  // the threads it has, and returns when all are done (the shape of
  // WorkerPool::ParallelFor).
  using ParallelFor = std::function<void(
      std::size_t n, std::size_t grain,
      const std::function<void(std::size_t, std::size_t)>& body)>;
  // Where the band-table rebuilds that Insert needs (growth, tombstones)
  // recompute the stored signatures: on `runner`'s threads, or on the
  // calling thread (null, the default). The tables grow at the same
  // points either way, so every query sees the same entries: a table's
  // size decides which entries a probe run passes, and so which chance
  // fingerprint matches it proposes. `runner` must outlive its use.
  void SetRebuildRunner(const ParallelFor* runner) { rebuild_runner_ = runner; }
  // Removes `id` and all its band entries; no-op when absent.
  void Erase(std::uint64_t id);
  bool Contains(std::uint64_t id) const { return FindSlot(id) != kNoSlot; }

  std::size_t size() const { return id_table_.size(); }
  // Bytes held: band tables, per-slot data, side maps, id table.
  std::size_t MemoryBytes() const;

 private:
  static constexpr int kInlineFacts = 3;
  // fact_count of a slot whose facts are all in the arena (see
  // inline_facts_); below it, fact_count is the number of facts.
  static constexpr std::uint8_t kManyFacts = 255;
  static constexpr std::size_t kMaxCountedFacts = kManyFacts - 1;
  // Arena words of a slot with `fact_count` facts (> kInlineFacts) and
  // inline words `p`.
  static std::size_t ArenaFacts(std::uint8_t fact_count,
                                const std::uint32_t* p) {
    return fact_count == kManyFacts ? p[1] : fact_count - 2u;
  }
  // Slots whose per-slot arrays are reserved up front (constructor).
  static constexpr std::size_t kReservedSlots = std::size_t{1} << 22;
  // Candidates scored per query at most (see ScoreAll). 128 -> 32 on the
  // 200k-headline generated feed, near mode: 1.80 -> 1.55 s user, near
  // recall 0.9732 -> 0.9729; every ../shared/eval figure the same within
  // 0.0002. 32 -> 16 / 8 with 4 entries per band key (session 5, 1M feed,
  // near mode): 8.2 / 7.9 / 7.7 s user, near recall 0.9692 / 0.9697 /
  // 0.9698, pair precision 0.9792 / 0.9817 / 0.9831: the best-voted
  // candidates are the edits, the rest template siblings. 16 on the 200k
  // feed: near recall 0.9700 either way, UCI 0.9457 -> 0.9455.
  static constexpr std::size_t kMaxScored = 16;
  // Entries per band key at most. A template family ("<date>: <headline>"
  // siblings, wire templates) puts hundreds of items under one band key,
  // and every query and insert with that key walked them all. Past this
  // many, a new item's entry replaces the oldest one: edits of a headline
  // follow it closely. 1M-headline generated feed, near mode (with
  // kMaxScored 32): 21.6 -> 12.7 s user, near recall 0.9694 -> 0.9694,
  // pair precision 0.9782 -> 0.9788. Skipping the new entry instead lost
  // recall (0.9654). Only representatives are indexed, so the entries of
  // one key are distinct items (template siblings, not edits of one
  // headline); 16 -> 8 / 4 / 2 (session 5, same feed, near mode, ticker
  // input, score_feed): 11.1 / 9.9 / 7.8 / 6.3 s user, near recall 0.9694
  // / 0.9693 / 0.9692 / 0.9688, pair precision 0.9788 / 0.9792 / 0.9792 /
  // 0.9805. At 4, default mode: 29.9 -> 27.7 s, near recall 0.9660 ->
  // 0.9658, xlang recall 0.8795 -> 0.8798; every ../shared/eval figure
  // within 0.001 (UCI 0.9449 -> 0.9457). Session 10, with 14 bands of 2
  // rows (a 2-minimum key is shared by more siblings than a 3-row one),
  // 4 -> 2: 200k feed, near mode 0.86 -> 0.81 s (alternating runs), near
  // recall 0.9870 -> 0.9866, pair precision 0.9946 -> 0.9951; 1M feed,
  // default mode: pair precision 0.9836 -> 0.9844, near recall 0.9800 ->
  // 0.9801, fresh items merged 0.44% -> 0.41%, and the tables hold fewer
  // entries, so they grow less: 290.9 -> 242.8 index bytes per stored
  // headline (a full window keeps its tables at the window's size: 291.7).
  // UCI 0.9427 -> 0.9439, NTREX stream precision 0.8233 -> 0.8252.
  static constexpr std::size_t kMaxPerBandKey = 2;
  // 96.8% of headlines in /work/shared/eval/lists have <= 10 features
  // (median 6); the rest keep their other fingerprints in more_fps_.
  // 10 (not 12) keeps the stage under 256 bytes per headline at 1M stored.
  static constexpr int kInlineFps = 10;
  // What verification reads for a candidate, in one 32-byte record (half a
  // cache line, never split): one DRAM miss per candidate instead of four
  // (id map, id, size, fingerprints in separate arrays).
  struct alignas(32) SlotRecord {
    std::uint64_t id = 0;
    std::uint16_t set_size = 0;  // 0: free slot
    std::uint8_t fact_count = 0;
    std::uint8_t unused = 0;
    std::uint16_t fps[kInlineFps] = {};
  };
  static_assert(sizeof(SlotRecord) == 32);
  // The 16-bit lane of a record where its fingerprints start (ScoreAll
  // reads a record as one block of 16 lanes).
  static constexpr int kFpsLane = 6;

  static constexpr std::uint32_t kNoSlot = 0xFFFFFFFFu;
  std::uint64_t BandHash(const std::uint32_t* full, int band) const;
  static std::uint64_t IdHash(std::uint64_t id);
  std::uint32_t FindSlot(std::uint64_t id) const;
  // The MinHash set of a fingerprint set: each fingerprint spread back to
  // 64 bits. Signatures are made from the stored fingerprints, not from the
  // features, so the index can recompute a stored item's signature (band
  // keys on removal and table growth) instead of keeping it: 64 bytes per
  // item less.
  static void SpreadFingerprints(std::span<const std::uint16_t> fps,
                                 std::vector<std::uint64_t>* out);
  // The stored item's fingerprints (inline + side map) into *fps.
  void FingerprintsAt(std::uint32_t slot,
                      std::vector<std::uint16_t>* fps) const;
  // Scratch of SigOf: one per thread.
  struct SigScratch {
    std::vector<std::uint16_t> fps;
    std::vector<std::uint64_t> minhash_set;
    std::vector<std::uint32_t> full;
  };
  // The stored item's signature (full 32-bit values), recomputed into
  // *scratch (thread-safe while nothing changes the index).
  const std::uint32_t* SigOf(std::uint32_t slot, SigScratch* scratch) const;
  // Rebuilds every band table at once (growth, or tombstones): each stored
  // signature is recomputed once, reading the records sequentially, in
  // blocks of slots: their band keys first (by slot range, on
  // rebuild_runner_'s threads when set), then each table's entries (by
  // table), in slot order. (Table by table over all slots, the signatures
  // had to be cached: 64 bytes per item of transient memory, read at
  // random, 11% of a near-mode run on the 200k-headline feed.)
  void RebuildTables();
  // Fills query_ (all candidates, ascending id) for the current state.
  void ScoreAll(const Sketch& s) const;
  double ScoreSlot(const Sketch& s, std::uint32_t slot) const;
  double ScoreOf(std::size_t na, std::size_t nb, std::size_t inter) const;

  Options options_;
  MinHasher hasher_;
  std::vector<BandTable> tables_;
  // Per slot.
  // Scratch of SigOf for Erase.
  SigScratch erase_sig_;
  const ParallelFor* rebuild_runner_ = nullptr;
  // Erase's band hashes: every bucket is requested before any is walked
  // (they are random reads in tables much larger than the cache).
  std::vector<std::uint64_t> erase_hashes_;
  // The per-slot arrays and the facts arena are reserved large and filled
  // as the window fills: on huge pages (mapped_memory.h).
  HugePageVector<SlotRecord> records_;
  absl::flat_hash_map<std::uint32_t, std::vector<std::uint16_t>> more_fps_;
  // kInlineFacts per slot. A headline with more facts (a quarter of the
  // generated feed's, with their dates; more with the antonym facts) has
  // fact_count = its count (up to kMaxCountedFacts), the arena offset in
  // its first inline word and its first two codes in the others, and the
  // rest in facts_arena_; with more facts than that, fact_count is
  // kManyFacts and the inline words hold the offset and the count of the
  // whole list in the arena. The arena is compacted once half of it
  // belongs to erased slots. (A map of vectors took ~76 bytes per such
  // headline, 13.3 MB on the 1M feed. The whole list in the arena, with
  // the offset and count inline, took 8 bytes more per such headline: 9.9
  // -> ~5 bytes per stored item for the antonym facts at a full window.)
  HugePageVector<std::uint32_t> inline_facts_;
  HugePageVector<std::uint32_t> facts_arena_;
  std::size_t dead_facts_ = 0;  // arena words of erased slots
  void CompactFactsArena();
  // id -> slot: slots keyed by a hash of the id, checked against
  // records_[slot].id. 4 bytes per entry at <= 0.7 load, ~5.7 bytes per
  // stored item; an absl::flat_hash_map<uint64, uint32> took ~34 at 1M.
  BandTable id_table_;
  std::vector<std::uint32_t> free_slots_;
  // Bumped by every Insert / Erase: invalidates query_.
  std::uint64_t epoch_ = 1;
  // Whether an item was ever erased: the band tables may then shrink
  // (BandTable::AllowShrink).
  bool evicting_ = false;
  // The last query's scratch and results: every candidate scored in one
  // prefetched batch, ascending id, so that Score(sketch, id) afterwards is
  // a lookup instead of a hash-map probe and two DRAM misses per candidate.
  // Valid for `sketch` while the index is unchanged (epoch). One per index,
  // not per Sketch: with thousands of items prepared ahead (--threads), a
  // per-Sketch cache held 54 MB on the 200k-headline feed.
  struct PendingScore {     // a candidate whose set continues in more_fps_
    std::uint32_t pos = 0;  // index in `scored`
    std::uint32_t slot = 0;
    std::uint32_t i = 0;  // query fingerprints merged so far
    std::uint32_t inter = 0;
    const std::vector<std::uint16_t>* more = nullptr;
  };
  struct QueryCache {
    std::vector<std::uint32_t> probe_slots;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> probe_votes;
    std::vector<std::uint32_t> probe_table;  // slot -> index in probe_votes
    std::vector<PendingScore> pending;
    std::vector<ScoredCandidate> scored;
    const Sketch* sketch = nullptr;
    std::uint64_t generation = 0;  // sketch->generation when scored
    std::uint64_t epoch = 0;
    std::size_t cursor = 0;
  };
  mutable QueryCache query_;
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_SKETCH_INDEX_H_
