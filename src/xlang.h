// Cross-language matching: the same headline in fra, spa, por, ita, deu and
// eng yields (1) overlapping 64-bit feature sets, so MinHash/LSH can propose
// translations as candidates, and (2) a compact per-word profile, so
// Verify() can decide whether a candidate is the same item.
//
//   std::string error;
//   auto xl = CrossLingual::Load(lexicon_path, &error);   // null on error
//   std::string_view lang = xl->DetectLanguage(text);     // "fra"
//   std::vector<std::uint64_t> features;                  // for MinHash
//   XlangProfile profile;                                 // to store
//   xl->Analyze(key, text, lang, &features, &profile);    // key: NormalizeKey
//   ...
//   if (lang != stored_lang &&
//       CrossLingual::Verify(profile.bytes, stored_profile_bytes)) { ... }
//
// Each content word of the match key (stop words of the headline's language
// dropped) is a *unit* with up to 7 features: its first 5 code points; the
// same prefix of each English pivot translation from the lexicon
// ("negociaciones" and "negotiations" meet at "negot"); or, for numbers,
// months, weekdays and number words, one canonical fact token ("février" =
// "febrero" = "Feb" = month 2); acronyms add their class (ONU = UN); a
// German compound the lexicon lacks borrows its parts' pivots. A unit
// of one headline is *covered* when any of its features is among the other
// headline's features. Verify() asks that enough of each side be covered
// (fewer covered units need a larger share) and that no fact changed.
// docs/xlang.md has the measurements behind each constant.
//
// Thread-safety: a loaded CrossLingual is immutable; every method may be
// called from any number of threads at once (the English stemmer is one per
// thread).
#ifndef TICKERDEDUP_SRC_XLANG_H_
#define TICKERDEDUP_SRC_XLANG_H_

#include <absl/container/flat_hash_set.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "facts.h"
#include "lexicon.h"

namespace tickerdedup::internal {

// The verification record of one headline: a flat, self-contained byte blob
// the engine may copy anywhere (arena, file) and hand back to Verify() as a
// span. Size: 1 + units + 2 * features bytes; 22 bytes on average over the
// eval headlines, 30 on STS-B, 42 for the seed's 14-word French headline.
//
// Layout: bytes[0] = number of units n (<= kMaxUnits); bytes[1..n] = one
// byte per unit: feature count (bits 0-2, 1..7) and class (bits 3-4, see
// UnitClass); then the units' 16-bit feature fingerprints, little-endian,
// grouped by unit in unit order.
struct XlangProfile {
  static constexpr int kMaxUnits = 40;
  enum UnitClass : std::uint8_t {
    kWord = 0,    // content word with lexicon pivots, or an English word
    kOov = 1,     // content word the lexicon lacks (its surface prefix only)
    kEntity = 2,  // name: capitalized not at sentence start, or an acronym
    kFact = 3,    // number, month, weekday (one canonical feature)
  };
  // A unit's info byte: feature count in bits 0-2, UnitClass in bits 3-4,
  // and bit 5 set when the unit names a place: a country by name or
  // adjective ("Bolivia", "Estados Unidos", "égyptien"); codes ("US") are
  // not places, since two capitals name a country by accident.
  static constexpr std::uint8_t kPlaceBit = 0x20;
  // Bit 6, on a kFact unit only: the fact is written in digits ("24",
  // "0.88pc", "17:30"), not in words ("two", "mars").
  static constexpr std::uint8_t kStatedBit = 0x40;
  // Bit 7, never on a fact: a word of an opening newsroom label
  // ("BREAKING:", "EN DIRECT -": NewsLabelBytes), which a translation may
  // keep ("Watch:" / "Regarder :") or an outlet may add to one copy only;
  // or a word that a translation often has no unit for (IsOptionalWord in
  // xlang.cc: Romance modals, which English writes with stop words, light
  // verbs, English "another"). It counts when the other side covers it and
  // is left out when not (CrossLingual::Align).
  static constexpr std::uint8_t kOptionalBit = 0x80;
  static int CountOf(std::uint8_t info) { return info & 7; }
  static int ClassOf(std::uint8_t info) { return (info >> 3) & 3; }
  static bool IsPlace(std::uint8_t info) { return (info & kPlaceBit) != 0; }
  static bool IsStated(std::uint8_t info) { return (info & kStatedBit) != 0; }
  static bool IsOptional(std::uint8_t info) {
    return (info & kOptionalBit) != 0;
  }
  // At least one feature, and bits 6 and 7 only on a fact and a non-fact.
  static bool InfoValid(std::uint8_t info) {
    return CountOf(info) != 0 && (!IsStated(info) || ClassOf(info) == kFact) &&
           (!IsOptional(info) || ClassOf(info) != kFact);
  }
  std::vector<std::uint8_t> bytes;

  // True when `blob` is a well-formed profile (Verify() treats a malformed
  // one as matching nothing).
  static bool IsValid(std::span<const std::uint8_t> blob);
};

// How two profiles align; Verify() decides from it, the probe sweeps rules
// over it.
struct XlangAlignment {
  // Per side (0: a, 1: b) and UnitClass: units, and units covered.
  int units[2][4] = {};
  int covered[2][4] = {};
  // Each side has a fact the other lacks ("23 février" vs "9 marzo").
  bool fact_conflict = false;
  // Some side has a fact written in digits (XlangProfile::kStatedBit) that
  // the other lacks: "Suicide bomber kills 24 in Peshawar, Pakistan" /
  // "Suicida bombardeiro mata polícia no Paquistão".
  bool fact_added = false;
  // Each side names a place the other does not ("Vice President of
  // Bolivia to visit China" / "O vice-presidente da Micronésia visita a
  // China"): other places, another item.
  bool place_conflict = false;
  bool valid = false;  // both blobs well formed

  bool operator==(const XlangAlignment&) const = default;
};

// A decision rule over an XlangAlignment; the defaults are the shipped rule.
// With k = the smaller number of covered units of the two sides and c = the
// smaller weighted coverage, two headlines in different languages are one
// item when no fact and no place changed (XlangAlignment), k >= min_covered
// and
//   c >= max(coverage_floor, coverage_base - coverage_per_unit * k):
// k = 2 needs 0.85, 3 0.71, 4 0.575, 5 0.44, 6 0.30, 7+ 0.25. Each covered
// unit is evidence, so long loose translations pass at low coverage while
// two headlines sharing their actors and topic (2-4 units) must share
// nearly everything. Measured on NTREX + STS-B + 200k random pairs
// (tools/xlang_probe, docs/xlang.md): with the agreement-ranked lexicon,
// base 1.125 / per unit 0.1375 keeps STS-B xneg <= 2% (1.10 / 0.15, the
// rule of the first lexicon, lets 2.9% through).
struct XlangRule {
  // Weight of a unit of each class (UnitClass order) in a side's coverage.
  // OOV words count half: the lexicon misses 20-33% of content words, so an
  // uncovered OOV word is weak evidence of a different item. Names x2
  // raised STS-B xneg to 2.5%; facts are already guarded.
  double weight[4] = {1.0, 0.5, 1.0, 1.0};
  double coverage_base = 1.125;
  // At least 0: XlangCoverBound's bounds rely on the bar falling as
  // covered units grow.
  double coverage_per_unit = 0.1375;
  // Below 0.25 NTREX xneg (random article pairs) start to pass.
  double coverage_floor = 0.25;
  // Two short texts sharing one word never match (a single covered unit
  // would otherwise give coverage 1.0).
  int min_covered = 2;
  // A number one side writes in digits and the other lacks (fact_added)
  // vetoes the pair.
  bool added_fact_vetoes = true;
};

class CrossLingual {
 public:
  // Loads the lexicon (tools/build_lexicon.py output). Null + *error when it
  // cannot be loaded.
  static std::unique_ptr<CrossLingual> Load(const std::string& lexicon_path,
                                            std::string* error);
  // Uses an already loaded lexicon (tests; never null).
  static std::unique_ptr<CrossLingual> FromLexicon(
      std::unique_ptr<Lexicon> lexicon);

  // ISO 639-3 code of the original headline (see langid.h), with this
  // lexicon's dictionaries settling close calls among its five languages.
  std::string_view DetectLanguage(std::string_view original_text) const;
  // Same, and whether the answer is a guess (see langid.h).
  std::string_view DetectLanguage(std::string_view original_text,
                                  bool* weak) const;

  // One pass over a headline: `key` is NormalizeKey(original_text), `lang`
  // its language (DetectLanguage; a language outside the six still gets
  // surface, number and entity features). Writes the sorted, distinct
  // 64-bit feature hashes (the MinHash set: every unit's features, plus one
  // extra feature per name so names weigh double) to *features and the
  // verification record to *profile; either may be null.
  // `label_key_bytes`: the length of the key of an opening newsroom label
  // (NewsLabelBytes' bytes of the text, normalized), whose words become
  // optional units (XlangProfile::kOptionalBit) and whose numbers no facts.
  void Analyze(std::string_view key, std::string_view original_text,
               std::string_view lang, std::vector<std::uint64_t>* features,
               XlangProfile* profile, std::size_t label_key_bytes = 0) const;
  // Adds to *facts (keeping its codes sorted) the antonym facts of `key`
  // (a match key) in language `lang` (PolarityEntry, facts.h): the axes and
  // sides of its content words, English ones as written, the other five
  // languages' through their first pivot ("ouvrent" -> "open"). Nothing for
  // other languages, nor with a lexicon without antonym rows.
  void AddPolarityFacts(std::string_view key, std::string_view lang,
                        Facts* facts) const;
  // The words of the country names of several words that AddPlaceFacts
  // found ("royaume", "uni"), each with its country's place feature (as
  // CountryFeatureOfWord's), for AddEntityFacts' `country_feature`: the
  // capitalized words of "Le Royaume-Uni" and "La Grande-Bretagne" name one
  // country, as "UK" and "Britain" do.
  struct CountryPhraseWords {
    static constexpr int kMax = 8;
    std::pair<std::string_view, std::uint64_t> words[kMax];  // into the key
    int n = 0;
    // The country of `word` (folded, possessive and periods dropped), or 0:
    // one of the words, or words joined by hyphens ("royaume-uni") that
    // all name one country.
    std::uint64_t FeatureOf(std::string_view word) const;
  };
  // Adds to *facts (AddPlaceEntities) the places `key` (a match key) names
  // in language `lang`: the names of countries, regions and cities of the
  // lexicon ("cty" rows: "Belgium", "Grande-Bretagne", "belgian") and the
  // words whose first pivot names a country ("belga", "belgischen"), as
  // Analyze finds them; for other or unknown languages, the names and
  // adjectives only.
  // With `phrase_words`, also the words of its countries' names of several
  // words (CountryPhraseWords).
  void AddPlaceFacts(std::string_view key, std::string_view lang, Facts* facts,
                     CountryPhraseWords* phrase_words = nullptr) const;
  // Adds to *facts (AddPlaceEntities) the countries that acronyms in
  // capitals name in `text` (a headline as written): "US Stocks Open
  // Lower" names the United States as "Japan Stocks ..." names Japan, which
  // a match key cannot tell from the pronoun "us". An acronym is a word of
  // 2-6 ASCII capitals, periods between them allowed ("U.S."), in a
  // headline not in capitals throughout; it names a country when the
  // lexicon's acronym rows make it one (country_acronyms_). Roman numerals
  // ("Henry VI") name none.
  void AddAcronymPlaces(std::string_view text, Facts* facts) const;
  // The country code ("gb") of folded `word` when it names a country by
  // itself: a one-word country name or adjective ("britain", "british")
  // or a country's acronym ("uk"; country_acronyms_); empty otherwise. Two
  // openings that name one country ("UK To Ban ..." / "Britain To Ban
  // ...") are one template's, not two actors'.
  std::string_view CountryOfWord(std::string_view word) const;
  // The place feature of that country (AddPlaceFacts' and
  // AddAcronymPlaces' for it), or 0: one entity for all the names of a
  // country (AddEntityFacts' country_feature).
  std::uint64_t CountryFeatureOfWord(std::string_view word) const;
  // Whether `key` (a match key: "kenya", "le maroc", "south africa") is
  // only the name of a place that AddPlaceFacts finds, stop words aside: a
  // headline's "... - Kenya" is its content, not an outlet's tag ("...
  // - France 24", "... - Washington Post" have other words).
  bool IsPlaceName(std::string_view key, std::string_view lang) const;
  // Whether folded `word` of a headline in language `lang` is a name for
  // the fact guard (AddEntityFacts' is_name): a place of the lexicon
  // ("peru", "ankara"), or a word of 3 letters or more, no stop word,
  // number, month or weekday, that neither the English vocabulary
  // (Lexicon::HasEnglishWord, comparatives and superlatives included) nor,
  // for the five other languages, that language's dictionary knows
  // ("vettel", "westpac"; a hyphenated word when none of its parts is a
  // word). False for other languages, and with a lexicon built without the
  // English vocabulary.
  bool IsName(std::string_view lang, std::string_view word) const;
  void Features(std::string_view key, std::string_view original_text,
                std::string_view lang, std::vector<std::uint64_t>* out) const {
    Analyze(key, original_text, lang, out, nullptr);
  }
  void Profile(std::string_view key, std::string_view original_text,
               std::string_view lang, XlangProfile* out) const {
    Analyze(key, original_text, lang, nullptr, out);
  }

  // Unit-level alignment of two profiles (symmetric up to swapping sides).
  static XlangAlignment Align(std::span<const std::uint8_t> a,
                              std::span<const std::uint8_t> b);
  // Weighted coverage of side `side` (0 or 1) under `rule`; 0 when empty.
  static double Coverage(const XlangAlignment& alignment, int side,
                         const XlangRule& rule);
  // min(coverage a, coverage b), or 0 on a fact conflict, a number one side
  // lacks (XlangRule::added_fact_vetoes) or a bad blob.
  static double AlignScore(std::span<const std::uint8_t> a,
                           std::span<const std::uint8_t> b,
                           const XlangRule& rule = XlangRule());
  // The shipped decision (see XlangRule). Apply only when the two headlines'
  // languages differ: same-language pairs are the near-duplicate channel's
  // (docs/xlang.md).
  static bool Decide(const XlangAlignment& alignment,
                     const XlangRule& rule = XlangRule());
  static bool Verify(std::span<const std::uint8_t> a,
                     std::span<const std::uint8_t> b,
                     const XlangRule& rule = XlangRule()) {
    return Decide(Align(a, b), rule);
  }

  // Jaccard of two flat feature sets, or 0 when their fact features
  // conflict: what MinHash estimates, reported by the probe at candidate
  // level (the engine's LSH parameters come from it).
  static double Score(const std::vector<std::uint64_t>& a,
                      const std::vector<std::uint64_t>& b);

  // True for fact features (numbers, months, weekdays) of the flat set; the
  // engine may use them for its own fact guard.
  static bool IsFact(std::uint64_t feature);

  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  explicit CrossLingual(std::unique_ptr<Lexicon> lexicon);

  // What one word of a match key contributes: nothing (a stop word of the
  // headline's language, or a single letter), a fact (a month, weekday or
  // number word: `own` is its feature), or a content unit: its own 5-prefix
  // feature, its pivots' features (or, for English, its stem's and, for an
  // irregular form, its lemmas': "said" -> "say") in the order Analyze adds
  // them, and whether it is out of the lexicon. A pure function of (this
  // lexicon, language, word), memoized per thread (WordInfoOf).
  static constexpr int kMaxWordPivots = 5;
  // The 8-byte fields first: WordInfoOf's memo keeps whole WordInfos in
  // 128-byte slots.
  struct WordInfo {
    enum Kind : std::uint8_t { kContent = 0, kSkip = 1, kFact = 2 };
    std::uint64_t f[kMaxWordPivots];
    std::uint64_t own = 0;
    // The country feature of a word that names one by itself through its
    // stem or first pivot ("egyptians", "égyptienne" -> "egyptian"), or 0.
    std::uint64_t place = 0;
    // For a region ("us-fl"), the feature of the country it lies in ("us"),
    // or 0.
    std::uint64_t place_country = 0;
    std::uint8_t n = 0;
    std::uint8_t kind = kSkip;
    bool oov = false;
    bool country = false;  // a country name may start here (Lexicon)
    // An optional unit's word (IsOptionalWord: "pourrait", "take",
    // "another").
    bool optional = false;
    PlaceFact::Level place_level = PlaceFact::kCountry;  // of `place`
    // f[k] for k >= n_flat are for verification only (not in the flat
    // MinHash set).
    std::uint8_t n_flat = kMaxWordPivots;
  };
  // HasEnglishWord, or a comparative or superlative of an English word.
  bool IsEnglishWordOrForm(std::string_view word) const;
  // `lang`: a LexLang (fra..deu), kEnglishLang or kOtherLang (stop words of
  // any of the six languages).
  static constexpr int kEnglishLang = kNumLexLangs;
  static constexpr int kOtherLang = kNumLexLangs + 1;
  WordInfo WordInfoOf(int lang, std::string_view word) const;
  // The WordInfoOf language for the place readers (AddPlaceFacts,
  // IsPlaceName): a lexicon language, else English stop words for the
  // sixth, else any.
  static int PlaceMemoLang(std::string_view lang);
  // When the key words from `start` (the first one ends at `end`) name a
  // country, sets *phrase_end past the name and *feature to its feature.
  // *level (may be null) is the place's PlaceFact::Level.
  // *country (may be null) is, for a region, its country's feature (else
  // left as it is).
  void MatchCountry(std::string_view key, std::size_t start, std::size_t end,
                    std::size_t* phrase_end, std::uint64_t* feature,
                    PlaceFact::Level* level = nullptr,
                    std::uint64_t* country = nullptr) const;
  // The feature of the acronym class of folded `acronym` ("onu" and "un"
  // share one); a country's names and adjectives carry its code's ("us").
  std::uint64_t AcronymFeature(std::string_view acronym) const;
  // For a region's code ("us-fl"), the feature of its country ("us"); 0
  // for any other place code.
  std::uint64_t RegionCountryFeature(std::string_view code) const;
  void ComputeWord(int lang, std::string_view word, WordInfo* out) const;

  std::unique_ptr<Lexicon> lexicon_;
  // Unique per instance (never reused within 2^32 instances), so a thread's
  // memo cannot serve one lexicon's entries to another.
  std::uint32_t id_;
  // The lexicon has the English vocabulary's stem rows (IsName).
  bool has_vocabulary_ = false;
  // Hashes (SketchHash64) of the phrases that some longer country name
  // continues with a space ("united", "united states", "united states
  // of"): MatchCountry extends a phrase only while it is one. A hash that
  // collides only costs a lookup; every true prefix is here.
  absl::flat_hash_set<std::uint64_t> country_prefixes_;
  // Folded acronyms of countries (AddAcronymPlaces): every "acr" row's
  // acronym whose class is a country ("usa", "uk", "eeuu", the ISO alpha-3
  // codes), and a country's own code ("us", "gb") when a dictionary spells
  // it another way than by its alpha-3 code ("eeuu", "uk"): an ISO alpha-2
  // code alone is often another acronym ("LA", "AI", "TV", "PM").
  absl::flat_hash_set<std::string> country_acronyms_;
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_XLANG_H_
