// The fact guard. Headlines that share a template but differ in facts are
// different news: "samedi 21" vs "dimanche 22", "taxe de 10%" vs "15%",
// "Real 2-1" vs "1-2". Facts are pulled from the match key in canonical,
// language-independent form, so "23 et 24 février" and "23 y 24 de febrero"
// carry the same facts, and "4,43" = "4.43", "1.540" = "1,540" = "1 540".
//
//   Facts a, b;
//   ExtractFacts(key_a, &a);
//   ExtractFacts(key_b, &b);
//   if (FactsConflict(a, b)) { /* distinct items */ }
#ifndef TICKERDEDUP_SRC_FACTS_H_
#define TICKERDEDUP_SRC_FACTS_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"

namespace tickerdedup::internal {

// Canonical facts of one headline, as sorted 32-bit fact codes (a small hash
// of kind + canonical value). Kinds: number, percentage, ordered pair (score
// or range: "15-20" is both), weekday, month. Ordinals and years are
// recognized but coded as numbers ("1er mars" = "March 1"); see facts.cc.
struct Facts {
  std::vector<std::uint32_t> codes;  // sorted, may repeat
  void clear() { codes.clear(); }
};

// `key` is a match key from NormalizeKey (lower-case, accents stripped).
// Recognizes digits with , . and thin/normal-space grouping, % and "pour
// cent"/"percent", scores "2-1", ranges "15-20" / "du 15 au 20", ordinals
// (24e, 24eme, 24th, 1st, 24o, 24.), and number words, month and weekday
// names in eng, fra, spa, por, ita, deu.
// `lang`: the headline's language as a StopLang index (stopwords.h), whose
// reading of the number and ordinal words counts (Spanish "dos" is 2,
// French "très" is no Spanish 3: LookupClosedClass(word, lang)); -1 when
// unknown (every language's); 6 or more for a Latin-script language beyond
// the six whose number words, months and weekdays count too
// (ClosedClassLanguage: Dutch "drie", Polish "lutego"), its other words
// read as for -1. Month and weekday names count
// in any language: a headline in one language may be dated in another ("16
// mars : Elite League : ...").
void ExtractFacts(std::string_view key, Facts* out, int lang = -1);

// A time of day starting at key[b] (a digit; key as for ExtractFacts),
// written with a unit or context: English "5pm", "5.30pm", "5:30 p.m.",
// German "17.30 Uhr", day periods such as "5.30 de la tarde", "8 du soir",
// Italian "alle 17.30". Not bare "17:30" or "17h30": those need no reading
// (both parsers take them as two numbers). hour is 0-23, minute -1 when
// not written; end is the key offset after the time and its unit.
struct ClockTime {
  int hour = 0;
  int minute = -1;
  std::size_t end = 0;
};
bool ReadClockTime(std::string_view key, std::size_t b, ClockTime* out);

// The key offset after a percent marker that starts at key[at] (spaces
// skipped): "%", "percent", "pct", "prozent", "pour cent", "per cento", "por
// ciento", ... (the words the fact guard reads as a percentage); 0 when
// none starts there. `key` as for ExtractFacts.
std::size_t PercentMarkerEnd(std::string_view key, std::size_t at);

// True when the two headlines state different facts. Policy: facts conflict
// unless one side's fact multiset is contained in the other's: a headline
// that drops a fact (truncation, a shorter rewrite) still matches, one that
// changes a fact does not. Also when the same actors swap roles
// (RoleOrderConflict).
bool FactsConflict(const Facts& a, const Facts& b);

// True when the two headlines put the same two runs of entity words
// (AddEntityFacts) on either side of the same one to three lower-case
// words, in opposite orders: "Manchester United beat Chelsea in FA Cup
// final" / "Chelsea beat Manchester United in FA Cup final". Words that
// relate both ways ("and", "meets", "vs", "faces", and their French,
// Spanish, Portuguese, Italian and German counterparts; closed class) give
// no order, nor does a comma or clause break between. Part of
// FactsConflict; entity-derived, so never compared across languages.
bool RoleOrderConflict(const Facts& a, const Facts& b);

// True when one headline negates a verb ("not", "won't", "never", "ne",
// "nicht", "non", "nao", "nunca", "jamais") and the other does not, and
// neither is cut short ("..."): "Trump will attend G7 summit" / "Trump will
// not attend G7 summit". Not part of FactsConflict: same-story headlines
// use negations freely ("Stacy Keibler Got Married to Not George
// Clooney" / "Stacy Keibler ... gets married"), so the engine asks it only
// of a candidate that is otherwise the same headline (its score).
bool NegationConflict(const Facts& a, const Facts& b);

// Adds the entity codes (actors, places) of the headline to *facts, so that
// FactsConflict also tells "X visits UK" from "X visits Australia". `text`
// is the ORIGINAL headline: entities are the capitalized words that do not
// start a sentence (the headline's first word counts unless it is a stop
// word), plus @handles, #tags (as their words), $CASHTAGS and <SYMBOLS>,
// folded like keys and cut to 5 code points. Nothing is added from a headline
// in title case or all caps, nor from a trailing source tag ("| Reuters"). Also
// the role-order codes RoleOrderConflict compares, read where capitalized words
// stand on either side of lower-case ones (in title case too: "Chelsea Beat
// Arsenal in Final" has the runs "Chelsea Beat Arsenal" and "Final").
void AddEntityFacts(std::string_view text, Facts* facts);
// Same, and a headline's first word is an actor only when `is_name` calls
// it a name (given the word folded like a key, possessive and periods
// dropped: CrossLingual::IsName, a place or no word of the headline's
// language): "Chinese court upholds ..." and "Court upholds ..." are one
// item, "Peru protesters clash with police" and "Ankara protesters ..."
// are two.
void AddEntityFacts(std::string_view text, Facts* facts,
                    absl::FunctionRef<bool(std::string_view)> is_name);
// Same, and *first_word gets the headline's first word (folded as for
// `is_name`) when `is_name` was asked about it (a capitalized first word,
// no stop word: "Apple", "Police", "Walmart"); else it is cleared. For the
// engine's openings (AddOpeningCode).
void AddEntityFacts(std::string_view text, Facts* facts,
                    absl::FunctionRef<bool(std::string_view)> is_name,
                    std::string* first_word);
// Same, and a word that names a country is linked to the country: where
// the other headline names that country (AddPlaceEntities), by another
// name, the word is no entity it lacks. One country for all its names
// ("UK", "U.K.", "Britain", "British"), where each spelling is another
// entity otherwise: "UK to ban Islamist group" / "Britain to ban Islamist
// group" are one item; "UK ..." / "US ..." and "EU ..." / "Germany ..."
// stay two. `country_feature` gets the word as `is_name` does and returns
// the country's place feature (as in PlaceFact; CrossLingual::
// CountryFeatureOfWord), or 0 for no country.
void AddEntityFacts(
    std::string_view text, Facts* facts,
    absl::FunctionRef<bool(std::string_view)> is_name, std::string* first_word,
    absl::FunctionRef<std::uint64_t(std::string_view)> country_feature);

// Adds a code for the headline's opening: such a first word (its first
// four code points) and the word after it (OpeningWords), kept sorted.
void AddOpeningCode(std::string_view first_word, std::string_view second_word,
                    Facts* facts);
// Whether AddOpeningCode gave `f` a code.
bool HasOpeningCode(const Facts& f);
// True when both headlines have an opening code, with the same second word
// and another first word: another actor opens the same template ("Apple
// shares fall 3%" / "Amazon shares fall 3%", "Delta cancels flights ..." /
// "United cancels flights ..."), where a dictionary word's capital at the
// start of a sentence is no evidence of a name. Not "Chinese court upholds
// ..." / "Court upholds ..." (the second words differ), nor "Iranian
// nuclear talks" / "Iran nuclear talks" (the same first four letters). The
// engine excuses a first word the other headline has elsewhere (swapped
// actors: "Obama meets Merkel" / "Merkel meets Obama") or one typo from one
// of its words ("Suciide car bomber ...").
bool OpeningSubstituted(const Facts& a, const Facts& b);

// A place a headline names (CrossLingual::AddPlaceFacts): its feature
// and its level.
struct PlaceFact {
  enum Level : std::uint8_t { kCountry = 0, kRegion = 1, kCity = 2 };
  std::uint64_t feature;
  Level level;
  // A country the headline does not name, only implies through a region
  // or city in it ("Florida": the US).
  bool implied = false;
};

// Adds `places` to *facts, so that FactsConflict tells "Kimi Raikkonen wins
// 2009 Belgian Grand Prix" from "... Spanish Grand Prix" also where
// capitals mark no entities (title case, all caps, lower case). Places
// conflict as facts do, level by level: when each headline names a country
// (a region, a city) the other does not. Places of two levels never
// conflict: "New Delhi" (a city) is in "Delhi" (a territory), "London" in
// "UK", and the lexicon does not say which place holds which. A country
// the headline names (not `implied`) also excuses the other headline's
// name for it (AddEntityFacts' `country_feature`).
void AddPlaceEntities(std::span<const PlaceFact> places, Facts* facts);

// True when, at one level, each headline names a place (AddPlaceEntities)
// the other does not; part of FactsConflict.
bool PlacesConflict(const Facts& a, const Facts& b);

// True when each headline has a handle (@user, #tag, $CASH, <SYM>:
// AddEntityFacts) the other lacks. Handles are written the same in every
// language, so this holds across languages, where FactsConflict's entity
// rule does not ("SUN ELECTRIC CORP <SE> 1ST QTR JAN 32 NET" / "BEI
// HOLDINGS LTD <BEIH> 1ST QTR JAN 32 NET", read as German and English).
bool HandlesConflict(const Facts& a, const Facts& b);

// The entity code AddEntityFacts gives a word of the match key when it is
// capitalized in the text ("vanuatu" for "Vanuatu"); 0 for a single letter.
std::uint32_t EntityCodeOfWord(std::string_view key_word);

// True when every entity that one side asserts and the other does not
// mention is among that side's `*_words` codes (EntityCodeOfWord): the
// entity conflict comes from those words only (the near channel passes
// words one typo apart: "Vanuatu" / "Vanautu").
bool EntityChangesExplained(const Facts& a, const Facts& b,
                            std::span<const std::uint32_t> a_words,
                            std::span<const std::uint32_t> b_words);

// True when every entity that `x` asserts and `y` does not mention is
// among `excused` (EntityCodeOfWord codes): one side of
// EntityChangesExplained.
bool EntitiesMissingOnlyAmong(const Facts& x, const Facts& y,
                              std::span<const std::uint32_t> excused);

// Whether the two take different antonym sides, or one takes a side the
// other does not: their polarity codes differ (a looser test than
// FactsConflict's, which needs both sides of one axis).
bool SidesDiffer(const Facts& a, const Facts& b);

// FactsConflict over all facts but entities: the numbers, dates and
// weekdays, and the antonym sides. Also the guard of cross-language pairs,
// where the same entity is spelled differently ("Suede" / "Sweden"). A
// headline with a negation word takes no side (CrossLingual::
// AddPolarityFacts), as free translations state one side in words
// ("losing sleep" / "ne trouvent plus le sommeil": "lose" / "find"); they
// still cross an axis now and then ("de um dia para o outro" / "durante la
// noche": day / night).
bool FactsConflictIgnoringEntities(const Facts& a, const Facts& b);

// The antonym entry of the side `side` (0 or 1) a headline takes on the
// axis `axis` ("close.open": the lexicon's "eng !form" rows, from WordNet):
// a 14-bit hash of the axis and the side in bit 0.
// CrossLingual::AddPolarityFacts adds them to a headline's facts with
// AddPolarityEntries, which packs two per fact code. FactsConflict and
// FactsConflictIgnoringEntities veto a pair where one headline takes only
// one side of an axis and the other only the other ("Indian stocks open
// lower" / "Indian stocks close lower"); a headline without the axis, or
// with both sides, does not.
std::uint16_t PolarityEntry(std::string_view axis, int side);
// Adds `entries` (sorted and deduplicated in place) to *facts, two per
// code, and sorts its codes.
void AddPolarityEntries(std::vector<std::uint16_t>* entries, Facts* facts);

// The fact reader's verb forms listed on more axes than one form holds
// (four): the extra axes are silently dropped, so this is empty unless the
// table was written wrong (facts_test checks).
std::vector<std::string_view> VerbFormsOverAxes();

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_FACTS_H_
