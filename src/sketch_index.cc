// SketchIndex: signatures + LSH band tables for one feature channel.
#include "sketch_index.h"

#include <algorithm>

#include "shingle.h"

namespace tickerdedup::internal {

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
  for (BandTable& t : tables_) t.Init(options_.max_items);
}

std::uint64_t SketchIndex::BandHash(const std::uint8_t* sig, int band) const {
  const int r = options_.lsh.rows;
  return SketchHash64(
      std::string_view(reinterpret_cast<const char*>(sig) + band * r, r),
      options_.band_seed + static_cast<std::uint64_t>(band));
}

void SketchIndex::MakeSketch(std::span<const std::uint64_t> features,
                             Sketch* out) const {
  const int k = options_.num_hashes;
  out->full.resize(k);
  out->sig.resize(k);
  out->bands.resize(options_.lsh.bands);
  hasher_.Compute(features, out->full.data());
  // 16-bit fingerprints: two distinct features of a headline pair collide
  // with probability ~64/65536 per pair of ~8-feature sets, far below the
  // score's resolution (1/8).
  out->fps.clear();
  for (std::uint64_t h : features) {
    out->fps.push_back(static_cast<std::uint16_t>(h >> 48));
  }
  std::sort(out->fps.begin(), out->fps.end());
  out->fps.erase(std::unique(out->fps.begin(), out->fps.end()), out->fps.end());
  out->set_size = static_cast<std::uint32_t>(out->fps.size());
  PackBBit(out->full.data(), k, out->sig.data());
  for (int b = 0; b < options_.lsh.bands; ++b) {
    out->bands[b] = BandHash(out->sig.data(), b);
  }
}

void SketchIndex::Candidates(const Sketch& s,
                             std::vector<std::uint64_t>* ids) const {
  ids->clear();
  if (s.set_size == 0 || slot_of_.empty()) return;
  const int nb = options_.lsh.bands;
  for (int b = 0; b < nb; ++b) tables_[b].Prefetch(s.bands[b]);
  scratch_slots_.clear();
  for (int b = 0; b < nb; ++b) {
    tables_[b].ForEachMatch(s.bands[b], [&](std::uint32_t slot) {
      scratch_slots_.push_back(slot);
    });
  }
  std::sort(scratch_slots_.begin(), scratch_slots_.end());
  scratch_slots_.erase(
      std::unique(scratch_slots_.begin(), scratch_slots_.end()),
      scratch_slots_.end());
  for (std::uint32_t slot : scratch_slots_) ids->push_back(ids_[slot]);
  std::sort(ids->begin(), ids->end());
}

double SketchIndex::Score(const Sketch& s, std::uint64_t id) const {
  auto it = slot_of_.find(id);
  if (it == slot_of_.end() || s.set_size == 0) return -1;
  std::uint32_t slot = it->second;
  std::size_t nb = set_sizes_[slot];
  const std::uint16_t* b = &inline_fps_[std::size_t{slot} * kInlineFps];
  if (nb > kInlineFps) {
    scratch_fps_.assign(b, b + kInlineFps);
    const auto& more = more_fps_.at(slot);
    scratch_fps_.insert(scratch_fps_.end(), more.begin(), more.end());
    b = scratch_fps_.data();
  }
  // Sorted merge: exact |A n B| on fingerprints (~10 + 10 compares).
  std::size_t na = s.fps.size(), i = 0, k = 0, inter = 0;
  const std::uint16_t* a = s.fps.data();
  while (i < na && k < nb) {
    if (a[i] < b[k]) {
      ++i;
    } else if (b[k] < a[i]) {
      ++k;
    } else {
      ++inter;
      ++i;
      ++k;
    }
  }
  double j = static_cast<double>(inter) / static_cast<double>(na + nb - inter);
  double containment =
      static_cast<double>(inter) / static_cast<double>(std::min(na, nb));
  double w = options_.containment_weight;
  return (1 - w) * j + w * containment;
}

void SketchIndex::GetFacts(std::uint64_t id, Facts* facts) const {
  facts->clear();
  auto it = slot_of_.find(id);
  if (it == slot_of_.end()) return;
  std::uint32_t slot = it->second;
  std::uint8_t n = fact_counts_[slot];
  if (n <= kInlineFacts) {
    const std::uint32_t* p = &inline_facts_[slot * kInlineFacts];
    facts->codes.assign(p, p + n);
  } else {
    facts->codes = more_facts_.at(slot);
  }
}

void SketchIndex::Insert(std::uint64_t id, const Sketch& s,
                         const Facts& facts) {
  if (s.set_size == 0 || slot_of_.contains(id)) return;
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(ids_.size());
    if (slot >= options_.max_items) return;  // caller exceeded the window
    ids_.push_back(0);
    set_sizes_.push_back(0);
    fact_counts_.push_back(0);
    inline_facts_.resize(inline_facts_.size() + kInlineFacts);
    inline_fps_.resize(inline_fps_.size() + kInlineFps);
    sigs_.resize(sigs_.size() + options_.num_hashes);
  }
  const int k = options_.num_hashes;
  std::copy(s.sig.begin(), s.sig.end(),
            sigs_.begin() + static_cast<std::size_t>(slot) * k);
  ids_[slot] = id;
  std::size_t nfp = std::min<std::size_t>(s.fps.size(), 0xFFFF);
  set_sizes_[slot] = static_cast<std::uint16_t>(nfp);
  std::copy(s.fps.begin(),
            s.fps.begin() + std::min<std::size_t>(nfp, kInlineFps),
            inline_fps_.begin() + std::size_t{slot} * kInlineFps);
  if (nfp > kInlineFps) {
    more_fps_[slot].assign(s.fps.begin() + kInlineFps, s.fps.begin() + nfp);
  }
  std::size_t nf = facts.codes.size();
  if (nf <= kInlineFacts) {
    fact_counts_[slot] = static_cast<std::uint8_t>(nf);
    std::copy(facts.codes.begin(), facts.codes.end(),
              inline_facts_.begin() + slot * kInlineFacts);
  } else {
    fact_counts_[slot] = kInlineFacts + 1;
    more_facts_[slot] = facts.codes;
  }
  slot_of_[id] = slot;
  for (int b = 0; b < options_.lsh.bands; ++b) {
    tables_[b].Insert(s.bands[b], slot, [&](std::uint32_t other) {
      return BandHash(SigOf(other), b);
    });
  }
}

void SketchIndex::Erase(std::uint64_t id) {
  auto it = slot_of_.find(id);
  if (it == slot_of_.end()) return;
  std::uint32_t slot = it->second;
  slot_of_.erase(it);
  // The band keys are recomputed from the stored 8-bit signature (they were
  // made from it), so every entry is removed exactly: no stale entry can
  // point at this slot once it is reused.
  for (int b = 0; b < options_.lsh.bands; ++b) {
    tables_[b].Remove(BandHash(SigOf(slot), b), slot);
  }
  if (fact_counts_[slot] > kInlineFacts) more_facts_.erase(slot);
  if (set_sizes_[slot] > kInlineFps) more_fps_.erase(slot);
  fact_counts_[slot] = 0;
  set_sizes_[slot] = 0;
  free_slots_.push_back(slot);
}

std::size_t SketchIndex::MemoryBytes() const {
  std::size_t bytes = 0;
  for (const BandTable& t : tables_) bytes += t.MemoryBytes();
  bytes += sigs_.capacity() + set_sizes_.capacity() * 2 +
           inline_fps_.capacity() * 2 + ids_.capacity() * 8 +
           fact_counts_.capacity() + inline_facts_.capacity() * 4 +
           free_slots_.capacity() * 4;
  // flat_hash_map: one control byte + the slot per bucket.
  bytes += slot_of_.capacity() *
           (1 + sizeof(std::pair<std::uint64_t, std::uint32_t>));
  bytes += more_facts_.capacity() *
           (1 + sizeof(std::pair<std::uint32_t, std::vector<std::uint32_t>>));
  for (const auto& [slot, codes] : more_facts_) bytes += codes.capacity() * 4;
  bytes += more_fps_.capacity() *
           (1 + sizeof(std::pair<std::uint32_t, std::vector<std::uint16_t>>));
  for (const auto& [slot, fps] : more_fps_) bytes += fps.capacity() * 2;
  return bytes;
}

}  // namespace tickerdedup::internal
