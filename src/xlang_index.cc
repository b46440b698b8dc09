#include "xlang_index.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <utility>

#include "absl/hash/hash.h"
#include "fp_count.h"
#include "prefetch.h"

namespace tickerdedup::internal {

namespace {

constexpr std::size_t kNoCell = std::numeric_limits<std::size_t>::max();
// Band tables grow (double) past this load: linear probing stays at ~1.5
// cells per hit and ~3 per miss, in one or two cache lines.
constexpr double kMaxCellLoad = 0.7;
constexpr std::uint32_t kInitialCells = 64;

}  // namespace

XlangIndex::XlangIndex(const Options& options)
    : options_(options),
      hasher_(options.lsh.bands * options.lsh.rows, options.kernel) {
  // Chunk counts are 16-bit.
  options_.max_bucket = std::min<std::size_t>(options_.max_bucket, 0xFFFF);
  bands_.resize(options_.lsh.bands);
  // The per-slot arrays are reserved for the window up front: address
  // space only (large blocks are mmap'd, and a page becomes resident when
  // first written), so they never copy themselves while growing, and a
  // growth never holds the old and the new block at once. Capped so that a
  // huge --window does not ask for address space it may not get.
  const std::size_t slots =
      std::min<std::size_t>(options_.max_items, kReservedSlots);
  slots_.reserve(slots);
  // Slots run past max_items by the erasures pending a sweep.
  id_table_.Init(static_cast<std::uint32_t>(std::min<std::size_t>(
      BandTable::kMaxItems, std::size_t{options_.max_items} +
                                options_.max_items / kDeadShare + kMinSweep)));
  arena_.reserve(std::min<std::size_t>(options_.max_items, kReservedSlots) *
                 (kReservedArena / kReservedSlots));
}

void XlangIndex::MakeSketch(std::span<const std::uint64_t> features,
                            Sketch* out) const {
  const int bands = options_.lsh.bands;
  const int rows = options_.lsh.rows;
  out->empty = features.empty();
  out->keys.resize(bands);
  if (out->empty) return;
  out->full.resize(static_cast<std::size_t>(bands) * rows);
  hasher_.Compute(features, out->full.data());
  for (int b = 0; b < bands; ++b) {
    const std::uint32_t* v = &out->full[static_cast<std::size_t>(b) * rows];
    if (rows == 1) {
      out->keys[b] = v[0];
    } else {
      std::uint64_t h = 0;
      for (int r = 0; r < rows; ++r) h = absl::HashOf(h, v[r]);
      out->keys[b] = static_cast<std::uint32_t>(h ^ (h >> 32));
    }
  }
}

std::size_t XlangIndex::FindCell(int band, std::uint32_t key) const {
  const Band& t = bands_[band];
  if (t.cells.empty()) return kNoCell;
  const std::size_t mask = t.cells.size() - 1;
  for (std::size_t i = Home(t, key, band);; i = (i + 1) & mask) {
    const Cell& c = t.cells[i];
    if (c.ref == kEmptyRef) return kNoCell;
    if (c.key == key) return i;
  }
}

void XlangIndex::PrefetchCells(const Sketch& s) const {
  if (s.empty) return;
  for (int b = 0; b < options_.lsh.bands; ++b) {
    const Band& t = bands_[b];
    if (!t.cells.empty()) PrefetchLine(&t.cells[Home(t, s.keys[b], b)]);
  }
}

void XlangIndex::PrefetchBuckets(const Sketch& s) const {
  if (s.empty) return;
  for (int b = 0; b < options_.lsh.bands; ++b) {
    const std::size_t pos = FindCell(b, s.keys[b]);
    if (pos == kNoCell) continue;
    const std::uint32_t ref = bands_[b].cells[pos].ref;
    if (ref == kCrowdedRef || ref == kEmptyBucketRef) continue;
    if (ref & kChunkRef) {
      PrefetchLine(&pool_[ref & ~kChunkRef]);
    } else {
      PrefetchLine(&slots_[ref]);
    }
  }
}

void XlangIndex::Candidates(const Sketch& s,
                            std::span<const std::string_view> skip_langs,
                            std::vector<Candidate>* out) const {
  out->clear();
  if (s.empty || id_table_.size() == 0) return;
  const int bands = options_.lsh.bands;
  bool skip_lang[256] = {};  // by index into langs_; kNoGroup stays false
  for (std::string_view lang : skip_langs) {
    for (std::size_t i = 0; i < langs_.size(); ++i) {
      if (langs_[i] == lang) skip_lang[i] = true;
    }
  }
  bool skip[256] = {};
  skip[kDeadLang] = true;
  for (std::size_t t = 0; t < tags_.size(); ++t) {
    skip[t] = skip_lang[tags_[t].lang] || skip_lang[tags_[t].group];
  }
  scratch_slots_.clear();
  // A bucket of several items: its entries of the languages not skipped.
  auto scan_chunk = [&](std::uint32_t offset) {
    // A chunk holds fewer than max_bucket entries: a crowded bucket (a
    // frequent feature that happened to be this band's minimum: weak
    // evidence, and verifying it all would cost more than the rest
    // together) is a marker, skipped before any chunk is read.
    const std::uint32_t count = pool_[offset] & 0xFFFF;
    const std::uint8_t* langs = ChunkLangs(offset);
    const std::uint32_t* slots = ChunkSlots(offset);
    // Runs of one language: a skipped run's slots are never read. Entries
    // are sorted by language (InsertSorted), so a skipped run, often most
    // of the chunk (the query's own language), ends by binary search
    // (callgrind, 200k feed, default mode: the byte-by-byte walk was 463M of
    // 21.87G instructions; with the search the run took 134M fewer).
    for (std::uint32_t k = 0; k < count;) {
      const std::uint8_t lang = langs[k];
      std::uint32_t e;
      if (skip[lang]) {
        e = static_cast<std::uint32_t>(
            std::upper_bound(langs + k + 1, langs + count, lang) - langs);
      } else {
        e = k + 1;
        while (e < count && langs[e] == lang) ++e;
        scratch_slots_.insert(scratch_slots_.end(), slots + k, slots + e);
      }
      k = e;
    }
  };
  // Passes of up to kGroup bands, each issuing its loads before using
  // them: the cells' homes, then the chunks of the buckets found.
  constexpr int kGroup = 32;
  for (int first = 0; first < bands; first += kGroup) {
    const int last = std::min(bands, first + kGroup);
    std::size_t homes[kGroup];
    for (int b = first; b < last; ++b) {
      const Band& t = bands_[b];
      if (t.cells.empty()) continue;
      homes[b - first] = Home(t, s.keys[b], b);
      PrefetchLine(&t.cells[homes[b - first]]);
    }
    std::uint32_t chunks[kGroup];
    int num_chunks = 0;
    for (int b = first; b < last; ++b) {
      const Band& t = bands_[b];
      if (t.cells.empty()) continue;
      const std::size_t mask = t.cells.size() - 1;
      for (std::size_t i = homes[b - first];; i = (i + 1) & mask) {
        const Cell& c = t.cells[i];
        if (c.ref == kEmptyRef) break;
        if (c.key != s.keys[b]) continue;
        if (c.ref == kCrowdedRef || c.ref == kEmptyBucketRef) break;
        if (c.ref & kChunkRef) {
          const std::uint32_t offset = c.ref & ~kChunkRef;
          PrefetchLine(&pool_[offset]);
          chunks[num_chunks++] = offset;
        } else if (options_.max_bucket > 1 && !skip[slots_[c.ref].lang]) {
          scratch_slots_.push_back(c.ref);
        }
        break;
      }
    }
    for (int r = 0; r < num_chunks; ++r) scan_chunk(chunks[r]);
  }
  // Each slot once (the list holds a slot once per band it shares): a
  // small open-addressing set in the cache instead of sorting the list,
  // which was 2.5% of a default-mode run.
  const std::size_t n = scratch_slots_.size();
  int bits = 6;
  while ((std::size_t{1} << bits) < 2 * n) ++bits;
  const std::size_t cap = std::size_t{1} << bits;
  scratch_seen_.assign(cap, kNoSlot);
  std::size_t unique = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t slot = scratch_slots_[i];
    std::size_t h =
        static_cast<std::uint32_t>(slot * 0x9E3779B1u) >> (32 - bits);
    while (scratch_seen_[h] != slot) {
      if (scratch_seen_[h] == kNoSlot) {
        scratch_seen_[h] = slot;
        scratch_slots_[unique++] = slot;
        break;
      }
      h = (h + 1) & (cap - 1);
    }
  }
  scratch_slots_.resize(unique);
  out->reserve(scratch_slots_.size());
  // Every SlotInfo is requested before any is read: they are random DRAM
  // reads (16 MiB at 1M slots), and reading them one by one left 22% of
  // this function's time on the first one's language test (perf, 1M feed).
  for (std::uint32_t slot : scratch_slots_) PrefetchLine(&slots_[slot]);
  for (std::uint32_t slot : scratch_slots_) {
    // A chunk's copy of the language is the one inserted: dead slots are
    // told by their SlotInfo.
    const SlotInfo& info = slots_[slot];
    if (info.lang != kDeadLang) out->push_back(Candidate{info.id, slot});
  }
}

void XlangIndex::Candidates(const Sketch& s,
                            std::vector<std::uint64_t>* ids) const {
  std::vector<Candidate> all;
  Candidates(s, {}, &all);
  ids->clear();
  for (const Candidate& c : all) ids->push_back(c.id);
  std::sort(ids->begin(), ids->end());
}

std::uint32_t XlangIndex::FindSlot(std::uint64_t id) const {
  std::uint32_t found = kNoSlot;
  id_table_.ForEachMatch(SplitMix64(id), [&](std::uint32_t slot) {
    if (slots_[slot].lang != kDeadLang && slots_[slot].id == id) found = slot;
  });
  return found;
}

std::string_view XlangIndex::LangOf(std::uint64_t id) const {
  const std::uint32_t slot = FindSlot(id);
  if (slot == kNoSlot) return {};
  return langs_[tags_[slots_[slot].lang].lang];
}

std::span<const std::uint8_t> XlangIndex::ProfileOf(std::uint64_t id) const {
  const std::uint32_t slot = FindSlot(id);
  if (slot == kNoSlot) return {};
  return ProfileAt(slot);
}

std::span<const std::uint8_t> XlangIndex::ProfileAt(std::uint32_t slot) const {
  const SlotInfo& info = slots_[slot];
  return {&arena_[std::size_t{info.profile} * 4], info.profile_size};
}

std::uint32_t XlangIndex::AllocChunk(int cls) {
  std::uint32_t offset;
  if (!free_chunks_[cls].empty()) {
    offset = free_chunks_[cls].back();
    free_chunks_[cls].pop_back();
  } else {
    offset = static_cast<std::uint32_t>(pool_.size());
    pool_.resize(pool_.size() + ChunkWords(cls));
  }
  pool_[offset] = static_cast<std::uint32_t>(cls) << 16;
  return offset;
}

void XlangIndex::FreeChunk(std::uint32_t offset) {
  free_chunks_[pool_[offset] >> 16].push_back(offset);
}

void XlangIndex::GrowBand(Band& t, int band) {
  Cells old;
  old.swap(t.cells);
  const std::size_t cap = old.empty() ? kInitialCells : old.size() * 2;
  t.cells.assign(cap, Cell{0, kEmptyRef});
  t.shift = 64 - std::countr_zero(cap);
  const std::size_t mask = cap - 1;
  for (const Cell& c : old) {
    if (c.ref == kEmptyRef) continue;
    std::size_t i = Home(t, c.key, band);
    while (t.cells[i].ref != kEmptyRef) i = (i + 1) & mask;
    t.cells[i] = c;
  }
}

void XlangIndex::AddToBucket(int band, std::uint32_t key, std::uint32_t slot,
                             std::uint8_t lang) {
  Band& t = bands_[band];
  const std::size_t pos = FindCell(band, key);
  if (pos == kNoCell) {
    // A crowded key proposes nothing (Candidates), so it is not stored
    // past max_bucket either: that also keeps chunks bounded.
    if (options_.max_bucket == 0) return;
    if (t.used + 1 > kMaxCellLoad * static_cast<double>(t.cells.size())) {
      GrowBand(t, band);
    }
    const std::size_t mask = t.cells.size() - 1;
    std::size_t i = Home(t, key, band);
    while (t.cells[i].ref != kEmptyRef) i = (i + 1) & mask;
    t.cells[i] = Cell{key, slot};
    ++t.used;
    return;
  }
  Cell& c = t.cells[pos];
  if (c.ref == kEmptyBucketRef) {  // a crowded key after its reset
    c.ref = slot;
    return;
  }
  if (!(c.ref & kChunkRef)) {
    if (options_.max_bucket <= 1) return;
    const std::uint32_t other = c.ref;
    const std::uint32_t offset = AllocChunk(0);
    pool_[offset] |= 1;
    ChunkLangs(offset)[0] = slots_[other].lang;
    ChunkSlots(offset)[0] = other;
    t.cells[pos].ref = kChunkRef | offset;
    InsertSorted(offset, slot, lang);
    CrowdIfFull(t, pos, offset, band, key);
    return;
  }
  if (c.ref == kCrowdedRef) return;
  std::uint32_t offset = c.ref & ~kChunkRef;
  const std::uint32_t count = pool_[offset] & 0xFFFF;
  const int cls = static_cast<int>(pool_[offset] >> 16);
  if (count == ChunkCap(cls)) {
    const std::uint32_t bigger = AllocChunk(cls + 1);  // may move pool_
    CopyChunk(offset, bigger);
    FreeChunk(offset);
    offset = bigger;
    t.cells[pos].ref = kChunkRef | offset;
  }
  InsertSorted(offset, slot, lang);
  CrowdIfFull(t, pos, offset, band, key);
}

void XlangIndex::CrowdIfFull(Band& t, std::size_t pos, std::uint32_t offset,
                             int band, std::uint32_t key) {
  // A full bucket proposes nothing and stores no more: its entries are
  // dropped for a marker (13 MB of the 1M feed's pool were such buckets).
  if ((pool_[offset] & 0xFFFF) < options_.max_bucket) return;
  // Unless erased items that await the sweep fill it: they go now (their
  // slots are reused only after the sweep), and the bucket stays open.
  if (!dead_slots_.empty()) {
    const std::uint32_t* slots = ChunkSlots(offset);
    for (std::uint32_t k = 0; k < (pool_[offset] & 0xFFFF); ++k) {
      PrefetchLine(&slots_[slots[k]]);
    }
    const std::uint32_t left = DropDead(offset, [&](std::uint32_t slot) {
      return slots_[slot].lang == kDeadLang;
    });
    if (left < options_.max_bucket) return;
  }
  FreeChunk(offset);
  t.cells[pos].ref = kCrowdedRef;
  crowded_.push_back({band, key});
}

void XlangIndex::ResetCrowded() {
  // What Sweep does to the markers, without walking every bucket: each
  // marker becomes an empty bucket, which the next insert under its key
  // fills as a new one would (the cell stays until a sweep drops it).
  for (const auto& [band, key] : crowded_) {
    const std::size_t pos = FindCell(band, key);
    if (pos != kNoCell && bands_[band].cells[pos].ref == kCrowdedRef) {
      bands_[band].cells[pos].ref = kEmptyBucketRef;
    }
  }
  crowded_.clear();
  inserts_since_sweep_ = 0;
  ++sweeps_;
  // Crowded buckets freed their chunks (CrowdIfFull): without erasures,
  // compacting here took the channel from 85.0 to 75.5 MB on the 1M feed.
  CompactPool();
}

void XlangIndex::CopyChunk(std::uint32_t from, std::uint32_t to) {
  const std::uint32_t count = pool_[from] & 0xFFFF;
  std::memcpy(ChunkLangs(to), ChunkLangs(from), count);
  std::memcpy(ChunkSlots(to), ChunkSlots(from), count * sizeof(std::uint32_t));
  pool_[to] = (pool_[to] & ~0xFFFFu) | count;
}

void XlangIndex::InsertSorted(std::uint32_t offset, std::uint32_t slot,
                              std::uint8_t lang) {
  const std::uint32_t count = pool_[offset] & 0xFFFF;
  std::uint8_t* langs = ChunkLangs(offset);
  std::uint32_t* slots = ChunkSlots(offset);
  std::uint32_t k = count;
  while (k > 0 && langs[k - 1] > lang) {
    langs[k] = langs[k - 1];
    slots[k] = slots[k - 1];
    --k;
  }
  langs[k] = lang;
  slots[k] = slot;
  pool_[offset] += 1;
}

bool XlangIndex::Insert(std::uint64_t id, const Sketch& s,
                        std::string_view lang,
                        std::span<const std::uint8_t> profile,
                        std::string_view group_lang) {
  if (s.empty) return false;
  // The tag (lang, group_lang), new when there is room (255 of each).
  auto lang_index = [&](std::string_view l) -> std::size_t {
    std::size_t i = 0;
    while (i < langs_.size() && langs_[i] != l) ++i;
    if (i == langs_.size() && langs_.size() < kNoGroup) langs_.push_back(l);
    return i;
  };
  const std::size_t li = lang_index(lang);
  const std::size_t gi = group_lang.empty() ? kNoGroup : lang_index(group_lang);
  std::size_t tag = 0;
  while (tag < tags_.size() &&
         (tags_[tag].lang != li || tags_[tag].group != gi)) {
    ++tag;
  }
  if (tag == tags_.size()) {
    const bool known = li < kNoGroup && (group_lang.empty() || gi < kNoGroup);
    if (tags_.size() < kDeadLang && known) {
      tags_.push_back(
          {static_cast<std::uint8_t>(li), static_cast<std::uint8_t>(gi)});
    } else if (!group_lang.empty()) {
      return false;
    } else {
      tag = 0;
    }
  }
  if (!XlangProfile::IsValid(profile)) {
    // Stored profiles must parse (ProfileAt reads the header): an invalid
    // one is stored as a valid empty profile, which aligns with nothing.
    static constexpr std::uint8_t kEmptyProfile[] = {0};
    profile = kEmptyProfile;
  }
  const std::size_t at = arena_.size();
  if (at / 4 > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("tickerdedup: cross-language profile arena full");
  }
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  arena_.resize(at + ArenaBytes(profile.size()));
  std::memcpy(&arena_[at], profile.data(), profile.size());
  SlotInfo& info = slots_[slot];
  info.id = id;
  info.profile = static_cast<std::uint32_t>(at / 4);
  info.profile_size = static_cast<std::uint16_t>(profile.size());
  id_table_.Insert(SplitMix64(id), slot, [&](std::uint32_t other) {
    return SplitMix64(slots_[other].id);
  });
  info.lang = static_cast<std::uint8_t>(tag);
  PrefetchCells(s);
  for (int b = 0; b < options_.lsh.bands; ++b) {
    AddToBucket(b, s.keys[b], slot, info.lang);
  }
  // Sweeps also come with inserts, not only erasures: a sweep resets the
  // crowded buckets, and a bucket that crowded early would otherwise keep
  // its key from proposing anything for the rest of the stream (1M feed,
  // no evictions: xlang recall 0.28, 0.88 with these sweeps).
  if (SweepDue(++inserts_since_sweep_, kSweepShare)) {
    // Only the markers need resetting: the full sweep walks every bucket
    // (16% of a 200k-feed run); it runs when the erasures call for it.
    ResetCrowded();
  }
  return true;
}

void XlangIndex::Erase(std::uint64_t id) {
  const std::uint32_t slot = FindSlot(id);
  if (slot == kNoSlot) return;
  id_table_.Remove(SplitMix64(id), slot);
  SlotInfo& info = slots_[slot];
  info.lang = kDeadLang;
  dead_arena_bytes_ += ArenaBytes(info.profile_size);
  dead_slots_.push_back(slot);
  if (SweepDue(dead_slots_.size(), kDeadShare)) {
    Sweep();
  }
}

void XlangIndex::Sweep() {
  inserts_since_sweep_ = 0;
  ++sweeps_;
  ++full_sweeps_;
  crowded_.clear();  // SweepBand drops the markers
  // The dead as a bitmap: the buckets hold ~7 entries per item, and a
  // bit per slot stays in cache where the 16-byte SlotInfo would not.
  dead_bits_.assign((slots_.size() + 63) / 64, 0);
  for (std::uint32_t slot : dead_slots_) {
    dead_bits_[slot >> 6] |= std::uint64_t{1} << (slot & 63);
  }
  for (int b = 0; b < options_.lsh.bands; ++b) SweepBand(b);
  std::vector<std::uint64_t>().swap(dead_bits_);
  CompactPool();
  // Dead profiles stay in the arena until they are a quarter of it.
  if (dead_arena_bytes_ * 4 >= arena_.size()) CompactArena();
  free_slots_.insert(free_slots_.end(), dead_slots_.begin(), dead_slots_.end());
  dead_slots_.clear();
}

void XlangIndex::SweepBand(int band) {
  Band& t = bands_[band];
  if (t.cells.empty()) return;
  auto dead = [&](std::uint32_t slot) {
    return (dead_bits_[slot >> 6] >> (slot & 63)) & 1;
  };
  // The surviving cells, then the table rebuilt from them (same size):
  // removing cells in place would move later cells of their runs.
  Cells keep;
  keep.reserve(t.used);
  for (const Cell& c : t.cells) {
    // A crowded marker goes too: the key starts afresh, since which of its
    // items are still stored is not known.
    if (c.ref >= kEmptyBucketRef) continue;  // empty, or a marker
    if (!IsChunk(c.ref)) {
      if (!dead(c.ref)) keep.push_back(c);
      continue;
    }
    std::uint32_t offset = c.ref & ~kChunkRef;
    const std::uint32_t left = DropDead(offset, dead);
    if (left == 0) {
      FreeChunk(offset);
      continue;
    }
    if (left == 1) {
      keep.push_back(Cell{c.key, ChunkSlots(offset)[0]});
      FreeChunk(offset);
      continue;
    }
    int cls = static_cast<int>(pool_[offset] >> 16);
    int fit = cls;
    while (fit > 0 && left <= ChunkCap(fit - 1)) --fit;
    if (fit != cls && left <= ChunkCap(cls) / 4) {
      const std::uint32_t smaller = AllocChunk(fit);  // may move pool_
      CopyChunk(offset, smaller);
      FreeChunk(offset);
      offset = smaller;
    }
    keep.push_back(Cell{c.key, kChunkRef | offset});
  }
  std::fill(t.cells.begin(), t.cells.end(), Cell{0, kEmptyRef});
  const std::size_t mask = t.cells.size() - 1;
  for (const Cell& c : keep) {
    std::size_t i = Home(t, c.key, band);
    while (t.cells[i].ref != kEmptyRef) i = (i + 1) & mask;
    t.cells[i] = c;
  }
  t.used = static_cast<std::uint32_t>(keep.size());
}

void XlangIndex::CompactPool() {
  std::size_t free_words = 0;
  for (int cls = 0; cls < kChunkClasses; ++cls) {
    free_words += free_chunks_[cls].size() * ChunkWords(cls);
  }
  if (free_words * kPoolSlackShare < pool_.size()) return;
  // The live chunks slide down in pool order, in place (a second pool
  // would double the pool's memory for a moment).
  std::vector<std::pair<std::uint32_t, Cell*>> live;  // offset, its cell
  for (Band& t : bands_) {
    for (Cell& c : t.cells) {
      if (!IsChunk(c.ref)) continue;
      live.emplace_back(c.ref & ~kChunkRef, &c);
    }
  }
  std::sort(live.begin(), live.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::uint32_t to = 0;
  for (const auto& [from, cell] : live) {
    const std::uint32_t words = ChunkWords(pool_[from] >> 16);
    if (to != from) {
      std::memmove(&pool_[to], &pool_[from], words * sizeof(std::uint32_t));
    }
    cell->ref = kChunkRef | to;
    to += words;
  }
  pool_.resize(to);
  ++pool_compactions_;
  for (auto& list : free_chunks_) std::vector<std::uint32_t>().swap(list);
  // The pages past the live chunks go back to the system; the pool grows
  // into them again (fresh zero pages) as buckets grow.
  pool_.ReleaseTail();
}

void XlangIndex::CompactArena() {
  // Live profiles slide down in arena order; dead slots' offsets are left
  // stale (the slots are free now and get a new profile on reuse).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> live;  // offset, slot
  live.reserve(size());
  for (std::uint32_t slot = 0; slot < slots_.size(); ++slot) {
    if (slots_[slot].lang != kDeadLang) {
      live.emplace_back(slots_[slot].profile, slot);
    }
  }
  std::sort(live.begin(), live.end());
  std::size_t to = 0;
  for (const auto& [offset, slot] : live) {
    const std::size_t from = std::size_t{offset} * 4;
    const std::size_t n = ArenaBytes(slots_[slot].profile_size);
    if (from != to) std::memmove(&arena_[to], &arena_[from], n);
    slots_[slot].profile = static_cast<std::uint32_t>(to / 4);
    to += n;
  }
  arena_.resize(to);
  dead_arena_bytes_ = 0;
}

std::size_t XlangIndex::MemoryBytes() const {
  std::size_t bytes = 0;
  for (const Band& t : bands_) bytes += t.cells.capacity() * sizeof(Cell);
  bytes += pool_.size() * sizeof(std::uint32_t);  // written part (resident)
  for (const auto& list : free_chunks_) {
    bytes += list.capacity() * sizeof(std::uint32_t);
  }
  // Sizes, not capacities, for the per-slot arrays and the arena: only
  // their written part is resident (they are reserved up front, and a
  // vector's unused capacity is never touched).
  bytes += slots_.size() * sizeof(SlotInfo) + arena_.size() +
           (free_slots_.capacity() + dead_slots_.capacity()) *
               sizeof(std::uint32_t) +
           id_table_.MemoryBytes() + crowded_.capacity() * sizeof(crowded_[0]);
  return bytes;
}

// ---------------------------------------------------------------------------
// XlangCoverBound

namespace {

// The profile layout of xlang.h: bytes[0] = units n; bytes[1..n] = per unit
// feature count (bits 0-2) and class (bits 3-4); then the 16-bit
// fingerprints, little-endian, grouped by unit.
std::uint16_t FpAt(const std::uint8_t* p) {
  return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

}  // namespace

XlangCoverBound::XlangCoverBound() = default;

// Inline: StoredSideBound calls it for every unit of every candidate, and
// as a call it cost 3% of the default mode's instructions.
inline bool XlangCoverBound::UnitCovered(const std::uint8_t* fps, int count,
                                         int cls, const Bitmap& all,
                                         const Bitmap& facts) {
  if (cls == XlangProfile::kFact) return Test(facts, FpAt(fps));
  bool covered = false;
  for (int k = 0; k < count; ++k) covered |= Test(all, FpAt(fps + 2 * k));
  return covered;
}

void XlangCoverBound::SetQuery(std::span<const std::uint8_t> profile) {
  if (query_valid_) {
    const std::uint8_t* p = query_.data() + 1 + query_[0];
    const std::uint8_t* end = query_.data() + query_.size();
    for (; p < end; p += 2) {
      Clear(query_all_, FpAt(p));
      Clear(query_facts_, FpAt(p));
    }
  }
  // A copy: the caller's buffer is reused for the next headline, and the
  // bits set now are cleared from it then.
  query_copy_.assign(profile.begin(), profile.end());
  query_ = query_copy_;
  query_valid_ = XlangProfile::IsValid(profile);
  std::fill(std::begin(query_units_), std::end(query_units_), 0);
  if (!query_valid_) return;
  const int n = profile[0];
  const std::uint8_t* info = profile.data() + 1;
  const std::uint8_t* p = info + n;
  for (int u = 0; u < n; ++u) {
    const int count = info[u] & 7;
    ++query_units_[XlangProfile::ClassOf(info[u])];
    const bool fact = XlangProfile::ClassOf(info[u]) == XlangProfile::kFact;
    for (int k = 0; k < count; ++k, p += 2) {
      Set(query_all_, FpAt(p));
      if (fact) Set(query_facts_, FpAt(p));
    }
  }
}

XlangAlignment XlangCoverBound::Bound(std::span<const std::uint8_t> stored) {
  XlangAlignment out;
  if (!query_valid_ || stored.empty()) return out;
  // Stored side (1): a unit is covered when one of its fingerprints is
  // among the query's (a fact unit: its first one among the query's
  // facts), as in Align. The blob is checked on the way (XlangProfile::
  // IsValid's rules), so a malformed one is never read past its end.
  const std::size_t n = stored[0];
  const std::uint8_t* info = stored.data() + 1;
  const std::uint8_t* const fps_begin = info + n;
  const std::uint8_t* const end = stored.data() + stored.size();
  bool valid = n <= static_cast<std::size_t>(XlangProfile::kMaxUnits) &&
               stored.size() >= 1 + n;
  // Align's flags too (CoverSide): an uncovered place unit per side, an
  // uncovered stated fact on either, and each side's fact fingerprints.
  bool place[2] = {false, false};
  bool stated = false;
  int fact_fps[2] = {0, 0};
  const std::uint8_t* p = fps_begin;
  for (std::size_t u = 0; valid && u < n; ++u) {
    const int count = XlangProfile::CountOf(info[u]);
    const int cls = XlangProfile::ClassOf(info[u]);
    if (!XlangProfile::InfoValid(info[u]) || end - p < 2 * count) {
      valid = false;
      break;
    }
    const bool covered = UnitCovered(p, count, cls, query_all_, query_facts_);
    for (int k = 0; k < count; ++k) {
      Set(stored_all_, FpAt(p + 2 * k));
      if (cls == XlangProfile::kFact) Set(stored_facts_, FpAt(p + 2 * k));
    }
    if (!covered && XlangProfile::IsOptional(info[u])) {  // as Align
      p += 2 * count;
      continue;
    }
    ++out.units[1][cls];
    out.covered[1][cls] += covered;
    if (cls == XlangProfile::kFact) fact_fps[1] += count;
    if (!covered) {
      place[1] |= XlangProfile::IsPlace(info[u]);
      stated |= XlangProfile::IsStated(info[u]);
    }
    p += 2 * count;
  }
  valid = valid && p == end;
  if (valid) {
    // Query side (0), against the stored fingerprints just set.
    const std::size_t qn = query_[0];
    const std::uint8_t* qinfo = query_.data() + 1;
    const std::uint8_t* q = qinfo + qn;
    for (std::size_t u = 0; u < qn; ++u) {
      const int count = XlangProfile::CountOf(qinfo[u]);
      const int cls = XlangProfile::ClassOf(qinfo[u]);
      const bool covered =
          UnitCovered(q, count, cls, stored_all_, stored_facts_);
      if (!covered && XlangProfile::IsOptional(qinfo[u])) {
        q += 2 * count;
        continue;
      }
      ++out.units[0][cls];
      out.covered[0][cls] += covered;
      if (cls == XlangProfile::kFact) fact_fps[0] += count;
      if (!covered) {
        place[0] |= XlangProfile::IsPlace(qinfo[u]);
        stated |= XlangProfile::IsStated(qinfo[u]);
      }
      q += 2 * count;
    }
    out.valid = true;
    out.place_conflict = place[0] && place[1];
    out.fact_added = stated;
    out.fact_conflict = out.covered[0][XlangProfile::kFact] < fact_fps[0] &&
                        out.covered[1][XlangProfile::kFact] < fact_fps[1];
  } else {
    out = XlangAlignment();
  }
  for (const std::uint8_t* c = fps_begin; c < p; c += 2) {
    Clear(stored_all_, FpAt(c));
    Clear(stored_facts_, FpAt(c));
  }
  return out;
}

XlangAlignment XlangCoverBound::StoredSideBound(
    std::span<const std::uint8_t> stored) const {
  XlangAlignment out;
  if (!query_valid_ || stored.empty()) return out;
  const std::size_t n = stored[0];
  if (n > static_cast<std::size_t>(XlangProfile::kMaxUnits) ||
      stored.size() < 1 + n) {
    return out;
  }
  const std::uint8_t* info = stored.data() + 1;
  const std::uint8_t* p = info + n;
  const std::uint8_t* const end = stored.data() + stored.size();
  // Counts per class packed in bytes of one register (n <= kMaxUnits <
  // 256): incrementing out's arrays at a class read from the blob chained
  // every unit through a store and a reload (perf: half of this function).
  std::uint64_t units = 0, covered = 0;
  for (std::size_t u = 0; u < n; ++u) {
    const int count = XlangProfile::CountOf(info[u]);
    const int cls = XlangProfile::ClassOf(info[u]);
    if (!XlangProfile::InfoValid(info[u]) || end - p < 2 * count) {
      return XlangAlignment();
    }
    const std::uint64_t hit =
        UnitCovered(p, count, cls, query_all_, query_facts_);
    // An uncovered label word is left out (Align); covered, it counts.
    const std::uint64_t counted =
        hit | static_cast<std::uint64_t>(!XlangProfile::IsOptional(info[u]));
    units += counted << (8 * cls);
    covered += hit << (8 * cls);
    p += 2 * count;
  }
  if (p != end) return XlangAlignment();
  for (int c = 0; c < 4; ++c) {
    out.units[1][c] = static_cast<int>((units >> (8 * c)) & 0xFF);
    out.covered[1][c] = static_cast<int>((covered >> (8 * c)) & 0xFF);
    out.units[0][c] = query_units_[c];
    out.covered[0][c] = query_units_[c];
  }
  out.valid = true;
  return out;
}

bool XlangCoverBound::HitsRule(std::span<const std::uint8_t> stored,
                               const XlangRule& rule) const {
  if (stored.empty() || stored.size() < 1 + std::size_t{stored[0]}) {
    return true;  // malformed: StoredSideBound tells
  }
  const std::size_t n = stored[0];
  const std::uint8_t* p = stored.data() + 1 + n;
  const std::uint8_t* const end = stored.data() + stored.size();
  // The stored fingerprints among the query's (fp_count.h: AVX2 gathers,
  // eight at a time, where the CPU has them; the scalar loop took ~10
  // instructions a fingerprint).
  const int hits = static_cast<int>(CountSetBits(
      p, static_cast<std::size_t>(end - p) / 2, query_all_.data()));
  if (hits < rule.min_covered) return false;
  // The stored side's weight, and at most `hits` units covered, each of at
  // most the heaviest class's weight.
  double total = 0, heaviest = 0;
  for (int c = 0; c < 4; ++c) heaviest = std::max(heaviest, rule.weight[c]);
  for (std::size_t u = 0; u < n; ++u) {
    // Not an opening label's word: it may be left out (Align), and the
    // bound must hold then too.
    if (XlangProfile::IsOptional(stored[1 + u])) continue;
    total += rule.weight[XlangProfile::ClassOf(stored[1 + u])];
  }
  if (total <= 0) return true;
  // Decide's bar only falls as covered units grow (coverage_per_unit >= 0,
  // as every cover bound assumes), so `hits` units give the lowest it can
  // be. The margin keeps rounding on the passing side.
  const double coverage = std::min(1.0, hits * heaviest / total);
  const double bar = std::max(
      rule.coverage_floor, rule.coverage_base - rule.coverage_per_unit * hits);
  return coverage + 1e-9 >= bar;
}

bool XlangCoverBound::MayVerify(std::span<const std::uint8_t> stored,
                                const XlangRule& rule, double* score_bound,
                                XlangAlignment* alignment) {
  if (query_valid_ && !HitsRule(stored, rule)) return false;
  if (!CrossLingual::Decide(StoredSideBound(stored), rule)) return false;
  const XlangAlignment bound = Bound(stored);
  if (!CrossLingual::Decide(bound, rule)) return false;
  if (score_bound != nullptr) {
    *score_bound = std::min(CrossLingual::Coverage(bound, 0, rule),
                            CrossLingual::Coverage(bound, 1, rule));
  }
  if (alignment != nullptr) *alignment = bound;
  return true;
}

XlangAlignment XlangCoverBound::BoundReference(
    std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  XlangAlignment out;
  if (!XlangProfile::IsValid(a) || !XlangProfile::IsValid(b)) return out;
  out.valid = true;
  struct Unit {
    int cls;
    bool optional;
    std::vector<std::uint16_t> fps;
  };
  auto decode = [](std::span<const std::uint8_t> blob) {
    std::vector<Unit> units(blob[0]);
    std::size_t pos = 1 + blob[0];
    for (std::size_t u = 0; u < units.size(); ++u) {
      units[u].cls = XlangProfile::ClassOf(blob[1 + u]);
      units[u].optional = XlangProfile::IsOptional(blob[1 + u]);
      for (int k = 0; k < (blob[1 + u] & 7); ++k, pos += 2) {
        units[u].fps.push_back(FpAt(&blob[pos]));
      }
    }
    return units;
  };
  const std::vector<Unit> units[2] = {decode(a), decode(b)};
  for (int side = 0; side < 2; ++side) {
    const std::vector<Unit>& other = units[1 - side];
    for (const Unit& unit : units[side]) {
      bool covered = false;
      for (const Unit& o : other) {
        if (unit.cls == XlangProfile::kFact) {
          covered |=
              o.cls == XlangProfile::kFact &&
              std::find(o.fps.begin(), o.fps.end(), unit.fps[0]) != o.fps.end();
        } else {
          for (std::uint16_t fp : unit.fps) {
            covered |= std::find(o.fps.begin(), o.fps.end(), fp) != o.fps.end();
          }
        }
      }
      if (!covered && unit.optional) continue;
      ++out.units[side][unit.cls];
      out.covered[side][unit.cls] += covered;
    }
  }
  return out;
}

}  // namespace tickerdedup::internal
