// Stream term weights for near-duplicate verification: how common each
// feature (by its 16-bit fingerprint) is among the headlines seen lately,
// and the inverse-document-frequency score derived from it. A feed repeats
// its templates ("police name ... victim", "Which ... Are You Based On Your
// Zodiac Sign", "stocks open lower"): two headlines that share only such
// common words and differ in their one rare word are two items, although
// their plain overlap passes the near threshold.
//
//   TermWeights w;
//   w.Observe(sketch_a.fps);                    // each headline, in order
//   double s = w.Score(query.fps, stored_fps, 0.25);
#ifndef TICKERDEDUP_SRC_TERM_WEIGHTS_H_
#define TICKERDEDUP_SRC_TERM_WEIGHTS_H_

#include <cstdint>
#include <span>

#include "mapped_memory.h"
#include "prefetch.h"

namespace tickerdedup::internal {

class TermWeights {
 public:
  // Document frequencies are halved every `half_life` observed headlines,
  // so they follow the feed and never overflow.
  explicit TermWeights(std::uint32_t half_life = 1u << 16);

  // Counts one headline: `fps` are its sorted, distinct fingerprints.
  void Observe(std::span<const std::uint16_t> fps);
  // Requests the counts Observe(fps) and Compare(fps, ...) will read: a
  // pipeline issues it some items ahead. The 256 KiB of counts do not stay
  // in the first cache levels, and each headline reads ~10 of them at
  // random. A hint only.
  void Prefetch(std::span<const std::uint16_t> fps) const {
    for (std::uint16_t fp : fps) PrefetchLine(&df_[fp]);
  }

  // Weight of one fingerprint: 1 while few headlines have been seen (the
  // statistics mean nothing yet), tending to its normalized inverse
  // document frequency log((n+1)/(df+1)) / log(n+1), in [0, 1], as the
  // stream grows.
  double Weight(std::uint16_t fp) const;

  // The near score (1 - w) * Jaccard + w * containment of two sorted,
  // distinct fingerprint sets, with every fingerprint counted at its
  // Weight. Equals the unweighted score while all weights are equal.
  double Score(std::span<const std::uint16_t> a,
               std::span<const std::uint16_t> b,
               double containment_weight) const {
    return Compare(a, b, containment_weight).score;
  }

  // Score, plus what the near template guard asks of the same merge.
  struct Overlap {
    double score = 0;
    bool contained = false;    // one set holds the other
    double rarest_shared = 0;  // the largest Weight among shared prints
  };
  Overlap Compare(std::span<const std::uint16_t> a,
                  std::span<const std::uint16_t> b,
                  double containment_weight) const;

  // How far the weights have moved from uniform: n / (n + 1000), 0 on an
  // empty stream; Weight(fp) = (1 - c) + c * idf(fp).
  double Confidence() const;

  double documents() const { return n_; }
  std::size_t MemoryBytes() const { return kFingerprints * sizeof(df_[0]); }

 private:
  static constexpr std::size_t kFingerprints = std::size_t{1} << 16;
  // Indexed by fingerprint. The kernel's zero pages until first counted: an
  // engine that verifies no near candidate (exact mode) never touches them.
  // As a zeroed vector its 256 KiB were 64 page faults at every start, ~11
  // microseconds each on this project's VMs (mapped_memory.h).
  ZeroedArray<std::uint32_t> df_;
  double n_ = 0;  // headlines observed (decayed)
  std::uint32_t half_life_;
  std::uint32_t since_decay_ = 0;
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_TERM_WEIGHTS_H_
