// Cross-language features: the same headline in fra, spa, por, ita, deu and
// eng yields overlapping 64-bit feature sets, so MinHash/LSH can find
// translations and Score() can verify them.
//
//   std::string error;
//   auto xl = CrossLingual::Load(lexicon_path, &error);   // null on error
//   std::string_view lang = xl->DetectLanguage(text);     // "fra"
//   std::vector<std::uint64_t> fa, fb;
//   xl->Features(key_a, text_a, lang_a, &fa);             // key: NormalizeKey
//   xl->Features(key_b, text_b, lang_b, &fb);
//   if (lang_a != lang_b && CrossLingual::Score(fa, fb) >=
//                               CrossLingual::kThreshold) { /* xlang dup */ }
//
// Features per content word of the match key (stop words of the headline's
// language dropped): the word's first 5 code points; the same prefix of each
// English pivot translation from the lexicon (so "negociaciones" and
// "négociations" meet at "negot"); numbers, months, weekdays and number words
// as canonical tokens ("février" = "febrero" = "Feb" = month 2); entity
// anchors (capitalized words not at sentence start, acronyms mapped through
// the lexicon's acronym classes: ONU = UN) as an extra feature each, so names
// weigh double. docs/xlang.md has the measurements behind each choice.
//
// Thread-safety: a loaded CrossLingual is immutable; Features, Score and
// DetectLanguage may be called from any number of threads at once.
#ifndef TICKERDEDUP_SRC_XLANG_H_
#define TICKERDEDUP_SRC_XLANG_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"

namespace tickerdedup::internal {

class CrossLingual {
 public:
  // Score at or above which two headlines in different languages are one
  // item. At 0.26, 2.0% of the STS-B cross-language negatives (same story,
  // same actors) and 0-0.8% of the NTREX ones pass; 0.05 would suffice for
  // NTREX's unrelated negatives but merges 46% of STS-B's (docs/xlang.md).
  static constexpr double kThreshold = 0.26;

  // Loads the lexicon (tools/build_lexicon.py output). Null + *error when it
  // cannot be loaded.
  static std::unique_ptr<CrossLingual> Load(const std::string& lexicon_path,
                                            std::string* error);
  // Uses an already loaded lexicon (tests; never null).
  static std::unique_ptr<CrossLingual> FromLexicon(
      std::unique_ptr<Lexicon> lexicon);

  // ISO 639-3 code of the original headline (see langid.h).
  std::string_view DetectLanguage(std::string_view original_text) const;

  // Writes the sorted, distinct feature hashes of one headline to *out
  // (replacing its contents). `key` is NormalizeKey(original_text); `lang`
  // is its language (DetectLanguage); a language outside the six still gets
  // surface, number and entity features.
  void Features(std::string_view key, std::string_view original_text,
                std::string_view lang, std::vector<std::uint64_t>* out) const;

  // Similarity of two feature sets in [0, 1]: Jaccard, or 0 when their fact
  // features conflict (each side has a number/month/weekday the other
  // lacks). Jaccard beat containment on every deu pair (docs/xlang.md).
  static double Score(const std::vector<std::uint64_t>& a,
                      const std::vector<std::uint64_t>& b);

  // True for fact features (numbers, months, weekdays); the engine may use
  // them for its own fact guard.
  static bool IsFact(std::uint64_t feature);

  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  explicit CrossLingual(std::unique_ptr<Lexicon> lexicon)
      : lexicon_(std::move(lexicon)) {}
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_XLANG_H_
