// Closed-class function words (articles, pronouns, prepositions,
// conjunctions, auxiliaries) of the six Latin-script languages the
// cross-language features cover. Used to drop words that carry no content
// and, as evidence, to identify the language of short headlines.
//
//   if (IsStopWord(StopLang::kFra, "les")) continue;
//   uint32_t mask = StopWordMask("der");  // bit kDeu set
//
// Words are folded (lower-case, accents stripped) as in match keys.
#ifndef TICKERDEDUP_SRC_STOPWORDS_H_
#define TICKERDEDUP_SRC_STOPWORDS_H_

#include <cstdint>
#include <string_view>

namespace tickerdedup::internal {

// Bit positions in StopWordMask(); also the index of the per-language lists.
enum class StopLang : int { kEng = 0, kFra, kSpa, kPor, kIta, kDeu };
inline constexpr int kNumStopLangs = 6;

// ISO 639-3 code of a StopLang ("eng", "fra", ...).
std::string_view StopLangCode(StopLang lang);
// Parses an ISO 639-3 code; false when it is not one of the six.
bool ParseStopLang(std::string_view code, StopLang* lang);

// Bit i set when `word` is a stop word of StopLang(i); 0 for content words.
std::uint32_t StopWordMask(std::string_view word);

// StopWordMask, and in *accented the bits of the languages that write this
// stop word with an accent ("deja": French "déjà"; "tres": French "très",
// while Spanish "tres" has none), for language id: an unaccented spelling
// in the text is no evidence for those.
std::uint32_t StopWordAccents(std::string_view word, std::uint32_t* accented);

// Bit i set when `word` is a reporting verb ("says", "affirme", "sagt"),
// an adverb that hedges a quantity ("least", "menos", "mindestens") or a
// German modal's past or subjunctive ("musste", "sollte") of StopLang(i);
// 0 otherwise. Cross-language units leave them out; unlike
// stop words, the near channel and language id keep them.
std::uint32_t ReportingVerbMask(std::string_view word);

// Bit i set when `word` (folded) is a negation word ("not", "ne", "n",
// "nunca", "nicht") of StopLang(i); 0 otherwise. A negated headline takes
// no antonym side (CrossLingual::AddPolarityFacts).
std::uint32_t NegationMask(std::string_view word);

// The masks above from one table lookup (a caller that needs two).
struct WordMasks {
  std::uint32_t stop = 0;       // StopWordMask
  std::uint32_t accented = 0;   // StopWordAccents' *accented
  std::uint32_t reporting = 0;  // ReportingVerbMask
  std::uint32_t negation = 0;   // NegationMask
};
WordMasks LookupWordMasks(std::string_view word);

inline bool IsStopWord(StopLang lang, std::string_view word) {
  return (StopWordMask(word) >> static_cast<int>(lang)) & 1u;
}

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_STOPWORDS_H_
