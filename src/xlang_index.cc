#include "xlang_index.h"

#include <algorithm>
#include <cstring>

#include "absl/hash/hash.h"

namespace tickerdedup::internal {

XlangIndex::XlangIndex(const Options& options)
    : options_(options),
      hasher_(options.lsh.bands * options.lsh.rows, options.kernel) {
  tables_.resize(options_.lsh.bands);
  for (BandTable& t : tables_) t.Init(options_.max_items);
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

void XlangIndex::Candidates(const Sketch& s,
                            std::vector<std::uint64_t>* ids) const {
  ids->clear();
  if (s.empty || slot_of_.empty()) return;
  const int bands = options_.lsh.bands;
  for (int b = 0; b < bands; ++b) tables_[b].Prefetch(TableHash(s.keys[b], b));
  scratch_slots_.clear();
  for (int b = 0; b < bands; ++b) {
    const std::size_t before = scratch_slots_.size();
    tables_[b].ForEachMatch(TableHash(s.keys[b], b), [&](std::uint32_t slot) {
      // The table matches on a fingerprint; confirm the full key.
      if (KeyOf(slot, b) == s.keys[b]) scratch_slots_.push_back(slot);
    });
    // A crowded bucket is a frequent feature ("new", "year", a common
    // pivot) that happened to be this band's minimum: weak evidence, and
    // verifying its whole bucket would cost more than the rest together.
    if (scratch_slots_.size() - before >= options_.max_bucket) {
      scratch_slots_.resize(before);
    }
  }
  std::sort(scratch_slots_.begin(), scratch_slots_.end());
  scratch_slots_.erase(
      std::unique(scratch_slots_.begin(), scratch_slots_.end()),
      scratch_slots_.end());
  for (std::uint32_t slot : scratch_slots_) ids->push_back(ids_[slot]);
  std::sort(ids->begin(), ids->end());
}

std::string_view XlangIndex::LangOf(std::uint64_t id) const {
  auto it = slot_of_.find(id);
  if (it == slot_of_.end()) return {};
  return lang_names_[langs_[it->second]];
}

std::span<const std::uint8_t> XlangIndex::ProfileOf(std::uint64_t id) const {
  auto it = slot_of_.find(id);
  if (it == slot_of_.end()) return {};
  std::uint32_t slot = it->second;
  if (profile_sizes_[slot] == 0xFF) {
    const std::vector<std::uint8_t>& v = overflow_.at(slot);
    return {v.data(), v.size()};
  }
  return {&profiles_[static_cast<std::size_t>(slot) * kInlineProfile],
          profile_sizes_[slot]};
}

void XlangIndex::Insert(std::uint64_t id, const Sketch& s,
                        std::string_view lang,
                        std::span<const std::uint8_t> profile) {
  if (s.empty) return;
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(ids_.size());
    ids_.push_back(0);
    langs_.push_back(0);
    profile_sizes_.push_back(0);
    profiles_.resize(profiles_.size() + kInlineProfile);
    keys_.resize(keys_.size() + options_.lsh.bands);
  }
  ids_[slot] = id;
  slot_of_[id] = slot;
  auto lang_it = std::find(lang_names_.begin(), lang_names_.end(), lang);
  if (lang_it == lang_names_.end() && lang_names_.size() < 255) {
    lang_names_.push_back(lang);
    lang_it = lang_names_.end() - 1;
  }
  langs_[slot] = lang_it == lang_names_.end()
                     ? 0
                     : static_cast<std::uint8_t>(lang_it - lang_names_.begin());
  if (profile.size() <= kInlineProfile) {
    profile_sizes_[slot] = static_cast<std::uint8_t>(profile.size());
    if (!profile.empty()) {
      std::memcpy(&profiles_[static_cast<std::size_t>(slot) * kInlineProfile],
                  profile.data(), profile.size());
    }
  } else {
    profile_sizes_[slot] = 0xFF;
    overflow_[slot].assign(profile.begin(), profile.end());
  }
  const int bands = options_.lsh.bands;
  for (int b = 0; b < bands; ++b) {
    keys_[static_cast<std::size_t>(slot) * bands + b] = s.keys[b];
    // A crowded key proposes nothing (Candidates), so it is not stored
    // past max_bucket either: that also keeps its probe chain short. On a
    // 200k-headline feed, storing every entry made xlang mode 3x slower.
    const std::uint64_t hash = TableHash(s.keys[b], b);
    std::size_t same = 0;
    tables_[b].ForEachMatch(hash, [&](std::uint32_t other) {
      if (KeyOf(other, b) == s.keys[b]) ++same;
    });
    if (same >= options_.max_bucket) continue;
    tables_[b].Insert(hash, slot, [&](std::uint32_t other) {
      return TableHash(KeyOf(other, b), b);
    });
  }
}

void XlangIndex::Erase(std::uint64_t id) {
  auto it = slot_of_.find(id);
  if (it == slot_of_.end()) return;
  std::uint32_t slot = it->second;
  slot_of_.erase(it);
  const int bands = options_.lsh.bands;
  for (int b = 0; b < bands; ++b) {
    tables_[b].Remove(TableHash(KeyOf(slot, b), b), slot);
  }
  if (profile_sizes_[slot] == 0xFF) overflow_.erase(slot);
  profile_sizes_[slot] = 0;
  free_slots_.push_back(slot);
}

std::size_t XlangIndex::MemoryBytes() const {
  std::size_t bytes = 0;
  for (const BandTable& t : tables_) bytes += t.MemoryBytes();
  bytes += keys_.capacity() * sizeof(std::uint32_t) +
           ids_.capacity() * sizeof(std::uint64_t) + langs_.capacity() +
           profile_sizes_.capacity() + profiles_.capacity() +
           free_slots_.capacity() * sizeof(std::uint32_t) +
           slot_of_.capacity() *
               (sizeof(std::pair<std::uint64_t, std::uint32_t>) + 1);
  for (const auto& [slot, v] : overflow_) bytes += v.capacity() + 32;
  return bytes;
}

}  // namespace tickerdedup::internal
