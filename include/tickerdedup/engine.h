// Engine: the dedupe stage. Feed it headlines one at a time; it answers
// whether each one is new, or an exact, near or cross-language duplicate of
// an earlier one still in the window.
//
//   tickerdedup::EngineOptions options;        // defaults match the CLI
//   std::string error;
//   auto engine = tickerdedup::Engine::Create(options, &error);
//   if (!engine) Fail(error);
//   tickerdedup::Decision d = engine->Add("Sahara : Trump convoque ...");
//   if (d.verdict == tickerdedup::Verdict::kNew) Publish(...);
//
// Decisions are deterministic: the same items in the same order give the same
// decisions on every run. Memory is bounded by EngineOptions::window.
#ifndef TICKERDEDUP_ENGINE_H_
#define TICKERDEDUP_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tickerdedup {

// How far matching goes; each level includes the ones before it.
enum class MatchLevel { kExact, kNear, kCrossLanguage };

enum class Verdict {
  kNew,            // first of its cluster
  kExact,          // same match key as the representative
  kNear,           // same item after edits, same language
  kCrossLanguage,  // same item in another language
};

// "new", "exact", "near", "xlang".
std::string_view VerdictName(Verdict verdict);
// "exact", "near", "xlang"; false when unknown.
bool ParseMatchLevel(std::string_view name, MatchLevel* level);

struct EngineOptions {
  MatchLevel match = MatchLevel::kCrossLanguage;
  // Distinct items remembered. When full, the item seen least recently is
  // evicted; a duplicate hit counts as a sighting of its cluster.
  std::size_t window = 1'000'000;
  // Items older than this many seconds (by Item::timestamp) are evicted.
  // 0 disables the time window.
  std::int64_t window_seconds = 0;
  // Jaccard-like similarity above which a verified candidate is a near
  // duplicate. Negative means the tuned default.
  double threshold = -1;
  // MinHash signature length. 0 means the tuned default.
  int num_hashes = 0;
  // Cross-language lexicon file; empty means the built-in search path
  // ($TICKERDEDUP_LEXICON, then the installed data file).
  std::string lexicon_path;
  // Threads AddBatch may use (the caller's included) for the per-item work
  // that does not depend on other items: normalization, language id,
  // features, sketches. Decisions are identical for any value.
  int threads = 1;
  // Items the caller expects to add, when it knows (0: unknown). The exact
  // index then starts sized for min(expected_items, window) instead of
  // growing to it by doublings; results are the same either way. The CLI
  // estimates it from the sizes of its input files.
  std::size_t expected_items = 0;
};

struct Item {
  std::string_view text;
  // Seconds since the epoch (any monotone clock works); used by the time
  // window. Callers without timestamps pass arrival time.
  std::int64_t timestamp = 0;
  // A piece of an over-long segment: it gets an id and verdict kNew, and is
  // never matched or stored, so it is never dropped as a duplicate.
  bool cut = false;
};

struct Decision {
  std::uint64_t id = 0;  // 0-based position among the items added
  Verdict verdict = Verdict::kNew;
  std::optional<std::uint64_t> dup_of;  // the representative's id
  std::optional<double> score;          // similarity in [0, 1]; none for kNew
  bool repaired = false;                // the text had invalid UTF-8
  std::string_view lang;  // ISO 639-3 code ("fra"), "und" if unknown
};

struct EngineStats {
  std::uint64_t items = 0;
  std::uint64_t new_items = 0;
  std::uint64_t exact = 0;
  std::uint64_t near = 0;
  std::uint64_t xlang = 0;
  std::uint64_t cut = 0;
  std::uint64_t evicted = 0;
  std::uint64_t candidates_checked = 0;  // verified candidate pairs
  std::size_t stored_items = 0;
  // Memory held by the index and signatures (not texts), in bytes: the sum
  // of the three parts below.
  std::size_t index_bytes = 0;
  std::size_t store_bytes = 0;  // distinct keys, recency, cluster links
  std::size_t near_bytes = 0;   // near channel: sketches, band tables, facts
  std::size_t xlang_bytes = 0;  // cross-language channel: buckets, profiles
  std::size_t representatives = 0;  // cluster representatives in the window
};

class Engine {
 public:
  // Returns null and fills *error when the options are invalid or a data
  // file (the lexicon) cannot be loaded.
  static std::unique_ptr<Engine> Create(const EngineOptions& options,
                                        std::string* error);
  virtual ~Engine() = default;

  virtual Decision Add(const Item& item) = 0;
  Decision Add(std::string_view text) { return Add(Item{text}); }

  // Adds items[0..count) in order and writes one decision per item to
  // decisions[0..count). The result is exactly that of calling Add on each
  // item in turn; with EngineOptions::threads > 1 the independent per-item
  // work runs in parallel first. Batches of a few thousand items amortize
  // the hand-off; a streaming caller can pass whatever it has.
  virtual void AddBatch(const Item* items, std::size_t count,
                        Decision* decisions) = 0;

  virtual EngineStats Stats() const = 0;
  // Human-readable description of the effective settings (for --stats).
  virtual std::string Describe() const = 0;
};

}  // namespace tickerdedup

#endif  // TICKERDEDUP_ENGINE_H_
