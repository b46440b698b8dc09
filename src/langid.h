// Language identification of one headline, as an ISO 639-3 code. CLD2 alone
// is weak on short headlines, so its top-3 guess is combined with the script
// of the letters (Arabic, Cyrillic, Han, Hangul, Kana, Greek, ...) and with
// stop-word evidence for the six Latin-script languages the cross-language
// features cover (eng, fra, spa, por, ita, deu).
//
//   std::string_view lang = tickerdedup::internal::DetectLanguage(
//       "Trump convoca una nueva ronda de negociaciones");  // "spa"
//
// Thread-safe (CLD2 keeps no mutable state). Never fails: "und" when unknown.
#ifndef TICKERDEDUP_SRC_LANGID_H_
#define TICKERDEDUP_SRC_LANGID_H_

#include <string_view>

namespace tickerdedup::internal {

class Lexicon;

// `text` is the original headline (UTF-8; invalid bytes are tolerated). The
// result points to static storage: "fra", "spa", "eng", "arb", "rus", "zho",
// "jpn", "kor", ... or "und".
std::string_view DetectLanguage(std::string_view text);

// Same, when the caller already has the match key of `text` (NormalizeKey:
// lower-case, accents stripped), which saves one folding pass.
std::string_view DetectLanguage(std::string_view text, std::string_view key);

// Same, and whether the answer is a guess: `*weak` is set when a Latin-script
// text was decided by word endings and CLD2 alone, with no stop word, no
// distinctive letter (ñ, ã, ß...), no English possessive and no Portuguese
// clitic ("PERRY DRUG STORES INC <PDS> 1ST QTR JAN 31 NET" read as
// Portuguese). The cross-language channel does not act on a weak answer.
std::string_view DetectLanguage(std::string_view text, bool* weak);

// Same, and with `lexicon` (may be null) close calls among the six go to
// the language whose dictionary has more of the headline's content words
// ("Un cerdo asesino ataca a un ganadero chino": Spanish, not French; for
// English the dictionaries' English side, Lexicon::HasEnglishWord).
std::string_view DetectLanguage(std::string_view text, bool* weak,
                                const Lexicon* lexicon);

// What DetectLanguage(text) computes, the slow way: always folds with
// utf8proc and always asks CLD2, with no memo. DetectLanguage must agree
// with it on every text (tests/xlang_test.cc); it is for tests.
std::string_view DetectLanguageReference(std::string_view text);
std::string_view DetectLanguageReference(std::string_view text, bool* weak,
                                         const Lexicon* lexicon = nullptr);

// The text DetectLanguage reads words from: `text` under utf8proc's NFKC,
// case folding and mark stripping (utf8proc_map with UTF8PROC_STABLE,
// COMPOSE, COMPAT, CASEFOLD and STRIPMARK), computed word by word between
// ASCII spaces, ASCII words by lower-casing and the others through a
// per-thread memo. The same bytes as utf8proc_map of the whole text, which
// composes nothing across a space (tests/xlang_test.cc); false, with *out
// unspecified, when utf8proc rejects the text (invalid UTF-8).
bool FoldForLanguageId(std::string_view text, std::string* out);
// The same, as one utf8proc_map call over the whole text: the reference
// (DetectLanguageReference, tests).
bool FoldForLanguageIdReference(std::string_view text, std::string* out);

// Whether `text` has an ASCII lower-case letter: a wire title in capitals
// has none, title case has.
bool HasAsciiLowerCase(std::string_view text);

// Maps a CLD2 language code ("fr", "zh-Hant", "iw") to ISO 639-3 ("fra",
// "zho", "heb"); "und" when unknown.
std::string_view Iso6393FromCld2Code(std::string_view code);

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_LANGID_H_
