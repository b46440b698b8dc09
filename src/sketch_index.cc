// SketchIndex: fingerprints + LSH band tables for one feature channel.
//
// PERF NOTES (2-core Xeon, AVX-512; /tmp 1M-line generated feed, 732k
// stored, ~170 candidates per query at the end: the feed's bases come back
// with other facts, and Reuters "<CORP> 3RD QTR NET" titles share templates,
// so most candidates are genuine band hits that the score or the fact guard
// rejects):
//   Before: Score() was 50% of a near-mode run (perf): per candidate a
//   id-map hash probe (DRAM miss), ids_[slot], set_sizes_[slot] and
//   inline_fps_[slot] (three more misses), plus a copy of the fingerprints
//   into scratch for sets over 10 features (memmove 8.6%).
//   Now: Candidates dedupes band hits by slot, prefetches every candidate's
//   32-byte SlotRecord (id, size, 10 fingerprints) so the misses overlap,
//   and scores them all in one pass with a branch-free merge that reads the
//   side-map tail in place; Score(s, id) then reads the sketch's cache.
#include "sketch_index.h"

#include <algorithm>
#include <bit>
#include <cstddef>

#include "fp_count.h"
#include "prefetch.h"
#include "shingle.h"

namespace tickerdedup::internal {
namespace {

// |A n B| of two ascending, duplicate-free arrays, continuing from a[*i]
// (the caller may merge B in segments: every element of a later segment is
// greater than every element of an earlier one). Branch-free step: the
// comparisons of fingerprint merges are unpredictable (~50% mispredicted as
// if/else).
inline std::size_t MergeCount(const std::uint16_t* a, std::size_t na,
                              std::size_t* i, const std::uint16_t* b,
                              std::size_t nb) {
  std::size_t ia = *i, k = 0, inter = 0;
  while (ia < na && k < nb) {
    const std::uint16_t x = a[ia], y = b[k];
    inter += x == y;
    ia += x <= y;
    k += y <= x;
  }
  *i = ia;
  return inter;
}

}  // namespace

std::size_t SketchIndex::SharedFingerprints(std::span<const std::uint16_t> a,
                                            std::span<const std::uint16_t> b) {
  std::size_t i = 0;
  return MergeCount(a.data(), a.size(), &i, b.data(), b.size());
}

SketchIndex::SketchIndex(const Options& options)
    : options_(options), hasher_(options.num_hashes, options.kernel) {
  options_.num_hashes = hasher_.num_hashes();
  if (options_.lsh.bands <= 0 || options_.lsh.rows <= 0 ||
      options_.lsh.bands * options_.lsh.rows > options_.num_hashes) {
    options_.lsh = ChooseLshParams(options_.threshold, options_.num_hashes,
                                   /*max_bands=*/16);
  }
  options_.max_items =
      std::clamp<std::uint32_t>(options_.max_items, 1, BandTable::kMaxItems);
  tables_.resize(options_.lsh.bands);
  erase_hashes_.resize(options_.lsh.bands);
  for (BandTable& t : tables_) t.Init(options_.max_items);
  id_table_.Init(options_.max_items);
  // Reserved for the window: address space only, resident when written
  // (see XlangIndex's constructor).
  const std::size_t slots =
      std::min<std::size_t>(options_.max_items, kReservedSlots);
  records_.reserve(slots);
  inline_facts_.reserve(slots * kInlineFacts);
}

std::uint64_t SketchIndex::BandHash(const std::uint32_t* full, int band) const {
  const int r = options_.lsh.rows;
  const std::uint32_t* p = full + band * r;
  const std::uint64_t seed =
      options_.band_seed +
      0x9E3779B97F4A7C15ull * static_cast<std::uint64_t>(band + 1);
  if (r > 2) {
    return SketchHash64(
        std::string_view(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(r) * sizeof(std::uint32_t)),
        seed);
  }
  // A band of one or two 32-bit values is one 64-bit word: splitmix64's
  // finalizer over (word ^ per-band seed) is a bijection, so equal keys and
  // only equal keys share a hash; cheaper than XXH3, and the tables rehash
  // every stored item's band keys at each growth.
  std::uint64_t v = p[0];
  if (r == 2) v |= std::uint64_t{p[1]} << 32;
  std::uint64_t z = v ^ seed;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void SketchIndex::SpreadFingerprints(std::span<const std::uint16_t> fps,
                                     std::vector<std::uint64_t>* out) {
  out->clear();
  // The kernels take well-mixed 64-bit hashes.
  for (std::uint16_t fp : fps) out->push_back(SplitMix64(fp));
}

void SketchIndex::MakeSketch(std::span<const std::uint64_t> features,
                             Sketch* out) const {
  const int k = options_.num_hashes;
  ++out->generation;
  out->full.resize(k);
  out->bands.resize(options_.lsh.bands);
  // 16-bit fingerprints: two distinct features of a headline pair collide
  // with probability ~64/65536 per pair of ~8-feature sets, far below the
  // score's resolution (1/8). The top 16 bits of an ascending sequence are
  // ascending, so sorted features need no sort here (NearFeatures sorts).
  out->fps.clear();
  for (std::uint64_t h : features) {
    out->fps.push_back(static_cast<std::uint16_t>(h >> 48));
  }
  if (!std::is_sorted(out->fps.begin(), out->fps.end())) {
    std::sort(out->fps.begin(), out->fps.end());
  }
  out->fps.erase(std::unique(out->fps.begin(), out->fps.end()), out->fps.end());
  out->set_size = static_cast<std::uint32_t>(
      std::min<std::size_t>(out->fps.size(), 0xFFFF));
  out->fps.resize(out->set_size);
  SpreadFingerprints(out->fps, &out->minhash_set);
  // The bands read the first bands * rows values only (28 of 64 at the
  // defaults); the rest of `full` is scratch.
  hasher_.ComputePrefix(out->minhash_set,
                        options_.lsh.bands * options_.lsh.rows,
                        out->full.data());
  for (int b = 0; b < options_.lsh.bands; ++b) {
    out->bands[b] = BandHash(out->full.data(), b);
  }
}

void SketchIndex::FingerprintsAt(std::uint32_t slot,
                                 std::vector<std::uint16_t>* fps) const {
  const SlotRecord& rec = records_[slot];
  fps->assign(rec.fps,
              rec.fps + std::min<std::size_t>(rec.set_size, kInlineFps));
  if (rec.set_size > kInlineFps) {
    const std::vector<std::uint16_t>& more = more_fps_.at(slot);
    fps->insert(fps->end(), more.begin(), more.end());
  }
}

const std::uint32_t* SketchIndex::SigOf(std::uint32_t slot,
                                        SigScratch* scratch) const {
  FingerprintsAt(slot, &scratch->fps);
  scratch->full.resize(options_.num_hashes);
  SpreadFingerprints(scratch->fps, &scratch->minhash_set);
  hasher_.ComputePrefix(scratch->minhash_set,
                        options_.lsh.bands * options_.lsh.rows,
                        scratch->full.data());
  return scratch->full.data();
}

void SketchIndex::RebuildTables() {
  const int nb = options_.lsh.bands;
  const std::size_t nbs = static_cast<std::size_t>(nb);
  const std::size_t n = records_.size();
  const std::size_t words = (n + 63) / 64;
  const ParallelFor serial =
      [](std::size_t count, std::size_t,
         const std::function<void(std::size_t, std::size_t)>& body) {
        if (count > 0) body(0, count);
      };
  const ParallelFor& run =
      rebuild_runner_ != nullptr ? *rebuild_runner_ : serial;
  // Which slots each table holds (a crowded key may have replaced some),
  // and the new, empty tables: table by table, on the runner's threads
  // (their pages are new: a fault each, several microseconds on a VM).
  std::vector<std::uint64_t> present(words * nbs);
  run(nbs, 1, [&](std::size_t b_begin, std::size_t b_end) {
    for (std::size_t b = b_begin; b < b_end; ++b) {
      std::uint64_t* bits = &present[words * b];
      std::size_t live = 0;
      tables_[b].ForEachSlot([&](std::uint32_t slot) {
        bits[slot >> 6] |= std::uint64_t{1} << (slot & 63);
        ++live;
      });
      tables_[b].Reset(live);
    }
  });
  const auto holds = [&](std::size_t b, std::size_t slot) {
    return (present[words * b + (slot >> 6)] >> (slot & 63) & 1) != 0;
  };
  // Blocks of slots: the band keys of one block (1 MiB at 16 bands) are
  // computed, then written table by table; each table's writes land at
  // random in a table much larger than the cache, so each is requested
  // kAhead entries before it is made.
  constexpr std::size_t kBlock = 8192;
  static_assert(kBlock % 64 == 0, "a block starts on a word of bits");
  constexpr std::size_t kAhead = 8;
  std::vector<std::uint64_t> keys(std::min(n, kBlock) * nbs);
  for (std::size_t first = 0; first < n; first += kBlock) {
    const std::size_t count = std::min(kBlock, n - first);
    run(count, 512, [&](std::size_t begin, std::size_t end) {
      SigScratch scratch;
      for (std::size_t i = begin; i < end; ++i) {
        const std::size_t slot = first + i;
        if (records_[slot].set_size == 0) continue;
        const std::uint32_t* sig = nullptr;
        for (int b = 0; b < nb; ++b) {
          if (!holds(b, slot)) continue;
          if (sig == nullptr) {
            sig = SigOf(static_cast<std::uint32_t>(slot), &scratch);
          }
          keys[i * nbs + b] = BandHash(sig, b);
        }
      }
    });
    // The block's slots that each table holds, from its bits (a block
    // starts on a word; bits past the last slot are clear), in slot order.
    run(nbs, 1, [&](std::size_t b_begin, std::size_t b_end) {
      for (std::size_t b = b_begin; b < b_end; ++b) {
        BandTable& table = tables_[b];
        const std::uint64_t* bits = &present[words * b];
        std::size_t ring[kAhead];
        std::size_t queued = 0;
        const auto add = [&](std::size_t i) {
          table.Add(keys[i * nbs + b], static_cast<std::uint32_t>(first + i));
        };
        for (std::size_t w = first / 64; w < (first + count + 63) / 64; ++w) {
          for (std::uint64_t m = bits[w]; m != 0; m &= m - 1) {
            const std::size_t i =
                w * 64 + static_cast<std::size_t>(std::countr_zero(m)) - first;
            table.Prefetch(keys[i * nbs + b]);
            if (queued >= kAhead) add(ring[queued % kAhead]);
            ring[queued++ % kAhead] = i;
          }
        }
        for (std::size_t q = queued > kAhead ? queued - kAhead : 0; q < queued;
             ++q) {
          add(ring[q % kAhead]);
        }
      }
    });
  }
}

double SketchIndex::ScoreOf(std::size_t na, std::size_t nb,
                            std::size_t inter) const {
  // Same arithmetic, in the same order, as always: the engine compares the
  // result with the threshold and breaks ties on it.
  double j = static_cast<double>(inter) / static_cast<double>(na + nb - inter);
  double containment =
      static_cast<double>(inter) / static_cast<double>(std::min(na, nb));
  double w = options_.containment_weight;
  return (1 - w) * j + w * containment;
}

double SketchIndex::ScoreSlot(const Sketch& s, std::uint32_t slot) const {
  const SlotRecord& rec = records_[slot];
  const std::size_t nb = rec.set_size;
  const std::size_t na = s.fps.size();
  std::size_t i = 0;
  std::size_t inter = MergeCount(s.fps.data(), na, &i, rec.fps,
                                 std::min<std::size_t>(nb, kInlineFps));
  if (nb > kInlineFps && i < na) {
    const std::vector<std::uint16_t>& more = more_fps_.at(slot);
    inter += MergeCount(s.fps.data(), na, &i, more.data(), more.size());
  }
  return ScoreOf(na, nb, inter);
}

void SketchIndex::ScoreAll(const Sketch& s) const {
  QueryCache& q = query_;
  q.scored.clear();
  q.pending.clear();
  q.cursor = 0;
  q.sketch = &s;
  q.generation = s.generation;
  q.epoch = epoch_;
  if (s.set_size == 0 || id_table_.size() == 0) return;
  const int nb = options_.lsh.bands;
  PrefetchBands(s);
  std::vector<std::uint32_t>& slots = q.probe_slots;
  slots.clear();
  for (int b = 0; b < nb; ++b) {
    tables_[b].ForEachMatch(s.bands[b],
                            [&](std::uint32_t slot) { slots.push_back(slot); });
  }
  if (slots.empty()) return;
  // Distinct slots and their band hits, in a small open-addressing table
  // (sorting the ~23 hits of a query, with a mispredicted branch per
  // comparison, took as long as the band walks once those were
  // prefetched). Many band hits: a template family (the feed's "<date>:
  // <headline>" siblings, wire templates). A near duplicate shares most
  // bands with its representative (J = 0.8: ~8 of 16), a sibling one or
  // two, so only the kMaxScored candidates with the most band hits are
  // scored (ties: higher slot first, which is the newer item until the
  // window fills and slots are reused; edits of a headline follow it
  // closely). The order of `slots` is free: the scores are sorted by id.
  auto& votes = q.probe_votes;
  votes.clear();
  int bits = 6;
  while ((std::size_t{1} << bits) < 2 * slots.size()) ++bits;
  std::vector<std::uint32_t>& where = q.probe_table;
  where.assign(std::size_t{1} << bits, kNoSlot);
  const std::size_t mask = (std::size_t{1} << bits) - 1;
  for (std::uint32_t slot : slots) {
    std::size_t h = (slot * 0x9E3779B1u) >> (32 - bits);
    while (where[h] != kNoSlot && votes[where[h]].second != slot) {
      h = (h + 1) & mask;
    }
    if (where[h] == kNoSlot) {
      where[h] = static_cast<std::uint32_t>(votes.size());
      votes.push_back({1, slot});
    } else {
      ++votes[where[h]].first;
    }
  }
  if (votes.size() > kMaxScored) {
    std::nth_element(votes.begin(), votes.begin() + kMaxScored, votes.end(),
                     [](const auto& x, const auto& y) {
                       return x.first != y.first ? x.first > y.first
                                                 : x.second > y.second;
                     });
    // Insert replaces the oldest entry of a crowded band key, reading the
    // records of those it holds: the ones not scored are requested now.
    for (std::size_t k = kMaxScored; k < votes.size(); ++k) {
      PrefetchLine(&records_[votes[k].second]);
    }
    votes.resize(kMaxScored);
  }
  slots.clear();
  for (const auto& v : votes) slots.push_back(v.second);
  // Pass 1: every record is requested before any is read, so ~170
  // independent misses overlap instead of queueing. Pass 2 merges the
  // inline fingerprints and requests the side-map entries of the sets that
  // continue there (17% of stored items on the feed have > 10 features);
  // pass 3 finds them and requests their arrays; pass 4 finishes.
  for (std::uint32_t slot : slots) PrefetchLine(&records_[slot]);
  const std::uint16_t* a = s.fps.data();
  const std::size_t na = s.fps.size();
  q.scored.resize(slots.size());
  static_assert(offsetof(SlotRecord, fps) == 2 * kFpsLane &&
                kFpsLane + kInlineFps <= 16 && alignof(SlotRecord) == 32);
  const bool lanes_kernel = HasCountInLanesAvx2();
  for (std::size_t pos = 0; pos < slots.size(); ++pos) {
    const std::uint32_t slot = slots[pos];
    const SlotRecord& rec = records_[slot];
    if (lanes_kernel && rec.set_size <= kInlineFps) {
      // The whole record is one 16-lane block, its fingerprints lanes
      // kFpsLane.. (fp_count.h): the count a merge would make, without
      // its dependent, mispredicted steps.
      const std::uint32_t mask = ((1u << rec.set_size) - 1) << kFpsLane;
      q.scored[pos].id = rec.id;
      q.scored[pos].score =
          ScoreOf(na, rec.set_size,
                  CountInLanesAvx2(reinterpret_cast<const std::uint16_t*>(&rec),
                                   mask, a, na));
      continue;
    }
    std::size_t i = 0;
    const std::size_t inter = MergeCount(
        a, na, &i, rec.fps, std::min<std::size_t>(rec.set_size, kInlineFps));
    q.scored[pos].id = rec.id;
    if (rec.set_size > kInlineFps && i < na) {
      more_fps_.prefetch(slot);
      q.pending.push_back(PendingScore{
          static_cast<std::uint32_t>(pos), slot, static_cast<std::uint32_t>(i),
          static_cast<std::uint32_t>(inter), nullptr});
    } else {
      q.scored[pos].score = ScoreOf(na, rec.set_size, inter);
    }
  }
  for (PendingScore& p : q.pending) {
    p.more = &more_fps_.at(p.slot);
    PrefetchLine(p.more->data());
  }
  for (const PendingScore& p : q.pending) {
    std::size_t i = p.i;
    const std::size_t inter =
        p.inter + MergeCount(a, na, &i, p.more->data(), p.more->size());
    q.scored[p.pos].score = ScoreOf(na, records_[p.slot].set_size, inter);
  }
  // The engine reads the facts (and finds the slot by id again) of every
  // candidate that reaches the threshold: request both now.
  for (std::size_t pos = 0; pos < slots.size(); ++pos) {
    if (q.scored[pos].score < options_.threshold) continue;
    id_table_.Prefetch(IdHash(q.scored[pos].id));
    PrefetchLine(&inline_facts_[std::size_t{slots[pos]} * kInlineFacts]);
  }
  std::sort(q.scored.begin(), q.scored.end(),
            [](const ScoredCandidate& x, const ScoredCandidate& y) {
              return x.id < y.id;
            });
}

void SketchIndex::Candidates(const Sketch& s,
                             std::vector<std::uint64_t>* ids) const {
  ScoreAll(s);
  ids->clear();
  ids->reserve(query_.scored.size());
  for (const ScoredCandidate& c : query_.scored) ids->push_back(c.id);
}

double SketchIndex::Score(const Sketch& s, std::uint64_t id) const {
  if (s.set_size == 0) return -1;
  QueryCache& q = query_;
  if (q.sketch == &s && q.generation == s.generation && q.epoch == epoch_) {
    // The engine asks in the order Candidates returned: try the cursor
    // first, then binary search.
    const std::vector<ScoredCandidate>& v = q.scored;
    std::size_t c = q.cursor;
    if (c < v.size() && v[c].id == id) {
      q.cursor = c + 1;
      return v[c].score;
    }
    auto it = std::lower_bound(v.begin(), v.end(), id,
                               [](const ScoredCandidate& x,
                                  std::uint64_t want) { return x.id < want; });
    if (it != v.end() && it->id == id) {
      q.cursor = static_cast<std::size_t>(it - v.begin()) + 1;
      return it->score;
    }
  }
  std::uint32_t slot = FindSlot(id);
  if (slot == kNoSlot) return -1;
  return ScoreSlot(s, slot);
}

std::uint64_t SketchIndex::IdHash(std::uint64_t id) {
  // Ids are consecutive, and the table takes its home position from the
  // high half and its fingerprint from the low one.
  return SplitMix64(id);
}

std::uint32_t SketchIndex::FindSlot(std::uint64_t id) const {
  std::uint32_t found = kNoSlot;
  id_table_.ForEachMatch(IdHash(id), [&](std::uint32_t slot) {
    if (records_[slot].set_size != 0 && records_[slot].id == id) found = slot;
  });
  return found;
}

void SketchIndex::GetFacts(std::uint64_t id, Facts* facts) const {
  facts->clear();
  std::uint32_t slot = FindSlot(id);
  if (slot == kNoSlot) return;
  const std::uint8_t n = records_[slot].fact_count;
  const std::uint32_t* p = &inline_facts_[std::size_t{slot} * kInlineFacts];
  if (n <= kInlineFacts) {
    facts->codes.assign(p, p + n);
  } else if (n == kManyFacts) {  // p holds the arena offset and count
    facts->codes.assign(facts_arena_.begin() + p[0],
                        facts_arena_.begin() + p[0] + p[1]);
  } else {  // the offset, the first two codes; the rest in the arena
    facts->codes.assign(p + 1, p + 3);
    facts->codes.insert(facts->codes.end(), facts_arena_.begin() + p[0],
                        facts_arena_.begin() + p[0] + (n - 2));
  }
}

void SketchIndex::GetFingerprints(std::uint64_t id,
                                  std::vector<std::uint16_t>* fps) const {
  fps->clear();
  std::uint32_t slot = FindSlot(id);
  if (slot != kNoSlot) FingerprintsAt(slot, fps);
}

void SketchIndex::Insert(std::uint64_t id, const Sketch& s,
                         const Facts& facts) {
  if (s.set_size == 0 || Contains(id)) return;
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(records_.size());
    if (slot >= options_.max_items) return;  // caller exceeded the window
    records_.emplace_back();
    inline_facts_.resize(inline_facts_.size() + kInlineFacts);
  }
  ++epoch_;
  SlotRecord& rec = records_[slot];
  rec = SlotRecord{};
  rec.id = id;
  std::size_t nfp = s.set_size;
  rec.set_size = static_cast<std::uint16_t>(nfp);
  std::copy(s.fps.begin(),
            s.fps.begin() + std::min<std::size_t>(nfp, kInlineFps), rec.fps);
  if (nfp > kInlineFps) {
    more_fps_[slot].assign(s.fps.begin() + kInlineFps, s.fps.begin() + nfp);
  }
  std::size_t nf = facts.codes.size();
  if (nf <= kInlineFacts) {
    rec.fact_count = static_cast<std::uint8_t>(nf);
    std::copy(facts.codes.begin(), facts.codes.end(),
              inline_facts_.begin() + std::size_t{slot} * kInlineFacts);
  } else {
    std::uint32_t* p = &inline_facts_[std::size_t{slot} * kInlineFacts];
    p[0] = static_cast<std::uint32_t>(facts_arena_.size());
    if (nf <= kMaxCountedFacts) {
      rec.fact_count = static_cast<std::uint8_t>(nf);
      p[1] = facts.codes[0];
      p[2] = facts.codes[1];
      facts_arena_.insert(facts_arena_.end(), facts.codes.begin() + 2,
                          facts.codes.end());
    } else {
      rec.fact_count = kManyFacts;
      p[1] = static_cast<std::uint32_t>(nf);
      facts_arena_.insert(facts_arena_.end(), facts.codes.begin(),
                          facts.codes.end());
    }
  }
  id_table_.Insert(IdHash(id), slot, [&](std::uint32_t other) {
    return IdHash(records_[other].id);
  });
  // Every table rebuilds on the same Insert (RebuildTables): the tables'
  // counts differ once crowded keys replace entries.
  bool rebuild = false;
  for (const BandTable& t : tables_) rebuild |= t.WillRebuild();
  if (rebuild) RebuildTables();
  // A crowded key (a template family) keeps its newest entries.
  for (int b = 0; b < options_.lsh.bands; ++b) {
    tables_[b].AddBounded(
        s.bands[b], slot, kMaxPerBandKey,
        [&](std::uint32_t other) { return records_[other].id; });
  }
}

void SketchIndex::Erase(std::uint64_t id) {
  std::uint32_t slot = FindSlot(id);
  if (slot == kNoSlot) return;
  ++epoch_;
  if (!evicting_) {
    // The window is full (or timed): a table's size is its steady state.
    evicting_ = true;
    for (BandTable& t : tables_) t.AllowShrink();
  }
  id_table_.Remove(IdHash(id), slot);
  // The band keys are recomputed from the stored fingerprints (they were
  // made from them), so every entry is removed exactly: no stale entry can
  // point at this slot once it is reused.
  const std::uint32_t* sig = SigOf(slot, &erase_sig_);
  const int nb = options_.lsh.bands;
  std::uint64_t* hashes = erase_hashes_.data();
  for (int b = 0; b < nb; ++b) {
    hashes[b] = BandHash(sig, b);
    tables_[b].Prefetch(hashes[b]);
  }
  for (int b = 0; b < nb; ++b) tables_[b].Remove(hashes[b], slot);
  SlotRecord& rec = records_[slot];
  if (rec.fact_count > kInlineFacts) {
    dead_facts_ += ArenaFacts(rec.fact_count,
                              &inline_facts_[std::size_t{slot} * kInlineFacts]);
    if (dead_facts_ * 2 > facts_arena_.size()) {
      rec.fact_count = 0;  // not live: left out of the compaction
      CompactFactsArena();
    }
  }
  if (rec.set_size > kInlineFps) more_fps_.erase(slot);
  rec.fact_count = 0;
  rec.set_size = 0;
  free_slots_.push_back(slot);
}

void SketchIndex::CompactFactsArena() {
  HugePageVector<std::uint32_t> arena;
  arena.reserve(facts_arena_.size() - dead_facts_);
  for (std::size_t slot = 0; slot < records_.size(); ++slot) {
    if (records_[slot].set_size == 0 ||
        records_[slot].fact_count <= kInlineFacts) {
      continue;
    }
    std::uint32_t* p = &inline_facts_[slot * kInlineFacts];
    const std::uint32_t from = p[0];
    p[0] = static_cast<std::uint32_t>(arena.size());
    arena.insert(
        arena.end(), facts_arena_.begin() + from,
        facts_arena_.begin() + from + ArenaFacts(records_[slot].fact_count, p));
  }
  facts_arena_.swap(arena);
  dead_facts_ = 0;
}

std::size_t SketchIndex::MemoryBytes() const {
  std::size_t bytes = 0;
  for (const BandTable& t : tables_) bytes += t.MemoryBytes();
  // Sizes for the per-slot arrays: only their written part is resident.
  bytes += records_.size() * sizeof(SlotRecord) + inline_facts_.size() * 4 +
           free_slots_.capacity() * 4;
  bytes += id_table_.MemoryBytes();
  bytes += facts_arena_.size() * sizeof(std::uint32_t);  // written part
  // flat_hash_map: one control byte + the slot per bucket.
  bytes += more_fps_.capacity() *
           (1 + sizeof(std::pair<std::uint32_t, std::vector<std::uint16_t>>));
  for (const auto& [slot, fps] : more_fps_) bytes += fps.capacity() * 2;
  return bytes;
}

}  // namespace tickerdedup::internal
