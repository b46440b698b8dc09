#include "term_weights.h"

#include <algorithm>
#include <cmath>

namespace tickerdedup::internal {
namespace {

// Weights move from uniform to IDF as the stream grows: halfway at 1,000
// headlines, when document frequencies start to mean something.
constexpr double kConfidenceDocs = 1000;

}  // namespace

TermWeights::TermWeights(std::uint32_t half_life)
    : df_(kFingerprints), half_life_(std::max(half_life, 2u)) {}

void TermWeights::Observe(std::span<const std::uint16_t> fps) {
  for (std::uint16_t fp : fps) ++df_[fp];
  n_ += 1;
  if (++since_decay_ >= half_life_) {
    since_decay_ = 0;
    for (std::size_t fp = 0; fp < kFingerprints; ++fp) df_[fp] >>= 1;
    n_ /= 2;
  }
}

double TermWeights::Confidence() const {
  return n_ < 1 ? 0 : n_ / (n_ + kConfidenceDocs);
}

double TermWeights::Weight(std::uint16_t fp) const {
  if (n_ < 1) return 1;
  double alpha = Confidence();
  double idf = std::log((n_ + 1) / (df_[fp] + 1.0)) / std::log(n_ + 1);
  idf = std::clamp(idf, 0.0, 1.0);
  return (1 - alpha) + alpha * idf;
}

TermWeights::Overlap TermWeights::Compare(std::span<const std::uint16_t> a,
                                          std::span<const std::uint16_t> b,
                                          double containment_weight) const {
  Overlap out;
  double wa = 0, wb = 0, shared = 0;
  std::size_t i = 0, k = 0, common = 0;
  while (i < a.size() || k < b.size()) {
    if (k == b.size() || (i < a.size() && a[i] < b[k])) {
      wa += Weight(a[i++]);
    } else if (i == a.size() || b[k] < a[i]) {
      wb += Weight(b[k++]);
    } else {
      double w = Weight(a[i]);
      wa += w;
      wb += w;
      shared += w;
      out.rarest_shared = std::max(out.rarest_shared, w);
      ++common;
      ++i;
      ++k;
    }
  }
  out.contained = common == std::min(a.size(), b.size());
  if (shared <= 0) return out;
  double jaccard = shared / (wa + wb - shared);
  double containment = shared / std::min(wa, wb);
  out.score =
      (1 - containment_weight) * jaccard + containment_weight * containment;
  return out;
}

}  // namespace tickerdedup::internal
