// LSH parameter choice and band tables. See lsh.h.
#include "lsh.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <mutex>
#include <tuple>

namespace tickerdedup::internal {
namespace {

constexpr int kSimpsonSteps = 200;  // even; error << differences between (b, r)

template <typename F>
double Simpson(F f, double a, double b) {
  if (b <= a) return 0;
  double h = (b - a) / kSimpsonSteps;
  double sum = f(a) + f(b);
  for (int i = 1; i < kSimpsonSteps; ++i) {
    sum += f(a + i * h) * ((i & 1) ? 4 : 2);
  }
  return sum * h / 3;
}

}  // namespace

double LshCandidateProbability(double s, LshParams params) {
  return 1 - std::pow(1 - std::pow(s, params.rows), params.bands);
}

double LshFalsePositiveArea(double threshold, LshParams params) {
  return Simpson([&](double s) { return LshCandidateProbability(s, params); },
                 0, threshold);
}

double LshFalseNegativeArea(double threshold, LshParams params) {
  return Simpson(
      [&](double s) { return 1 - LshCandidateProbability(s, params); },
      threshold, 1);
}

LshParams ChooseLshParams(double threshold, int num_hashes, int max_bands,
                          double fp_weight, double fn_weight, int min_rows) {
  threshold = std::clamp(threshold, 0.01, 0.99);
  num_hashes = std::max(num_hashes, 1);
  max_bands = std::clamp(max_bands, 1, num_hashes);
  // Engines are created often (td_eval makes one per pair): memoize.
  static std::mutex mu;
  min_rows = std::clamp(min_rows, 1, num_hashes);
  static std::map<std::tuple<double, int, int, double, double, int>, LshParams>
      cache;
  auto cache_key = std::make_tuple(threshold, num_hashes, max_bands, fp_weight,
                                   fn_weight, min_rows);
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find(cache_key);
    if (it != cache.end()) return it->second;
  }
  // Same Simpson rule as the *Area functions, with s^r and (1 - s^r)^b
  // built by repeated multiplication instead of pow() per point.
  constexpr int n = kSimpsonSteps;
  std::vector<double> s_fp(n + 1), s_fn(n + 1), w(n + 1);
  for (int i = 0; i <= n; ++i) {
    s_fp[i] = threshold * i / n;
    s_fn[i] = threshold + (1 - threshold) * i / n;
    w[i] = (i == 0 || i == n) ? 1 : ((i & 1) ? 4 : 2);
  }
  const double h_fp = threshold / n / 3, h_fn = (1 - threshold) / n / 3;
  std::vector<double> x_fp(n + 1, 1.0), x_fn(n + 1, 1.0);  // s^r
  std::vector<double> y_fp(n + 1), y_fn(n + 1);            // (1 - s^r)^b
  LshParams best{1, num_hashes};
  double best_cost = INFINITY;
  for (int r = 1; r <= num_hashes; ++r) {
    bool eligible = r >= min_rows;
    for (int i = 0; i <= n; ++i) {
      x_fp[i] *= s_fp[i];
      x_fn[i] *= s_fn[i];
      y_fp[i] = 1;
      y_fn[i] = 1;
    }
    for (int b = 1; eligible && b <= max_bands && b * r <= num_hashes; ++b) {
      double fp = 0, fn = 0;
      for (int i = 0; i <= n; ++i) {
        y_fp[i] *= 1 - x_fp[i];
        y_fn[i] *= 1 - x_fn[i];
        fp += w[i] * (1 - y_fp[i]);  // P(s) left of the threshold
        fn += w[i] * y_fn[i];        // 1 - P(s) right of it
      }
      double cost = fp_weight * fp * h_fp + fn_weight * fn * h_fn;
      // Strict improvement, then fewer bands on near-ties.
      if (cost < best_cost - 1e-12 ||
          (cost < best_cost + 1e-12 && b < best.bands)) {
        best_cost = std::min(cost, best_cost);
        best = LshParams{b, r};
      }
    }
  }
  std::lock_guard<std::mutex> lock(mu);
  cache.emplace(cache_key, best);
  return best;
}

void BandTable::Init(std::uint32_t max_items) {
  max_items = std::clamp<std::uint32_t>(max_items, 1, kMaxItems);
  // slot <= max_items - 1 < 2^slot_bits - 1, so no entry is all ones.
  slot_bits_ = static_cast<std::uint32_t>(std::bit_width(max_items));
  slot_mask_ = (1u << slot_bits_) - 1;
  fp_mask_ = 0xFFFFFFFFu >> slot_bits_;  // slot_bits_ <= 31
  max_capacity_ = static_cast<std::size_t>(max_items / kMaxLiveLoad) + 2;
  entries_.clear();
  entries_.shrink_to_fit();
  live_ = used_ = changes_ = grow_at_ = 0;
}

void BandTable::Allocate(std::size_t capacity) {
  entries_.assign(capacity, kEmpty);
  used_ = live_ = changes_ = 0;
  grow_at_ = static_cast<std::size_t>(capacity * kRebuildLoad);
  if (grow_at_ >= capacity) grow_at_ = capacity - 1;  // keep one empty
}

void BandTable::Reset(std::size_t live) {
  std::size_t capacity;
  std::size_t changes = 0;
  if (shrinkable_ && !WillRebuild() && !Sparse()) {
    // Rebuilt because another table of its owner had to, and not sparse:
    // it keeps its size and its count of changes (a count reset at every
    // other table's rebuild would never reach its live count).
    capacity =
        std::max(entries_.size(),
                 static_cast<std::size_t>((live + 1) / kRebuildLoad) + 2);
    changes = changes_;
  } else {
    // A sparse shrinkable table shrinks with the table that forced the
    // rebuild, whatever its own count: the owner re-adds every entry
    // anyway, and one rebuild per table would recompute every stored
    // signature up to 14 times (near mode at a full 1M window took 24%
    // longer that way).
    capacity = RebuildCapacity(live, shrinkable_ && (Churned() || Sparse()));
  }
  Entries().swap(entries_);  // free before allocating
  Allocate(capacity);
  changes_ = changes;
}

void BandTable::InsertNoGrow(std::uint64_t hash, std::uint32_t slot) {
  const std::uint32_t entry = Entry(hash, slot);
  std::size_t cap = entries_.size();
  for (std::size_t i = Home(hash);; i = (i + 1 == cap) ? 0 : i + 1) {
    std::uint32_t e = entries_[i];
    if (e == kEmpty || e == kTomb) {
      if (e == kEmpty) ++used_;
      entries_[i] = entry;
      ++live_;
      return;
    }
  }
}

bool BandTable::Remove(std::uint64_t hash, std::uint32_t slot) {
  if (entries_.empty()) return false;
  const std::uint32_t entry = Entry(hash, slot);
  std::size_t cap = entries_.size();
  for (std::size_t i = Home(hash);; i = (i + 1 == cap) ? 0 : i + 1) {
    std::uint32_t e = entries_[i];
    if (e == kEmpty) return false;
    if (e == entry) {
      --live_;
      ++changes_;
      if (entries_[i + 1 == cap ? 0 : i + 1] != kEmpty) {
        entries_[i] = kTomb;
        return true;
      }
      // The run ends here: no probe needs this entry, nor the tombstones
      // right before it, to go on, so they become empty and the table
      // rebuilds later (a full window fills its tables with tombstones,
      // and each rebuild recomputes every stored signature).
      entries_[i] = kEmpty;
      --used_;
      for (std::size_t j = i == 0 ? cap - 1 : i - 1; entries_[j] == kTomb;
           j = j == 0 ? cap - 1 : j - 1) {
        entries_[j] = kEmpty;
        --used_;
      }
      return true;
    }
  }
}

}  // namespace tickerdedup::internal
