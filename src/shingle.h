// Feature sets ("shingles") of short texts for MinHash. A headline is about
// ten words, so generic shingles (word 5-grams, char 24-grams) leave almost
// nothing to compare; docs/near.md has the measured comparison behind the
// choice made here.
//
//   std::vector<std::uint64_t> features;
//   tickerdedup::internal::NearFeatures(key, kNearSeed, &features);
//   // features: sorted, distinct 64-bit XXH3 hashes
#ifndef TICKERDEDUP_SRC_SHINGLE_H_
#define TICKERDEDUP_SRC_SHINGLE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tickerdedup::internal {

// Same-language near-duplicate features of a match key (NormalizeKey output):
// one feature per word, the word truncated to its first kNearPrefix code
// points ("negotiations" -> "negot"), words shorter than kNearMinWord code
// points dropped unless they hold a digit; an ampersand between two ASCII
// letters or digits joins them into one word ("at&t", "s&p"). Runs of CJK /
// kana / hangul code points have no spaces, so they give code-point bigrams
// instead.
// Measured on /work/shared/eval (docs/near.md): prefix-5 words beat word
// unigrams, word bigrams and char 3/4/5-grams on STS-B paraphrase recall at
// equal hard-negative flag rate, and keep near-edit recall above 0.99.
inline constexpr int kNearPrefix = 5;
inline constexpr int kNearMinWord = 3;

// Writes the sorted, de-duplicated XXH3-64 hashes (seeded with `seed`) of
// the features of `key` to *out (replacing its contents).
void NearFeatures(std::string_view key, std::uint64_t seed,
                  std::vector<std::uint64_t>* out);

// The first two words of `key` (runs of word characters; one-letter runs
// after the first, such as a possessive's "s", skipped) and the fingerprint of
// the first as NearTypoMatches reads fingerprints (the top 16 bits of its
// NearFeatures hash; -1 when the first gives no feature: CJK, or shorter than
// kNearMinWord); false when `key` has fewer than two words.
bool OpeningWords(std::string_view key, std::uint64_t seed,
                  std::string_view* first, std::string_view* second,
                  int* first_fingerprint);

// Typo links for near verification. For each word of `key` whose feature
// fingerprint (the top 16 bits of its NearFeatures hash) is in `own_fps` but
// not in `other_fps`, looks for a one-edit variant of the word (a code point
// deleted, two adjacent ones swapped, a letter a-z inserted, within the
// first kNearPrefix + 1 code points) whose
// fingerprint is among `other_fps` only, and writes the pair (own, other):
// "histr" (Histry) and "histo" (History) are one word. Both spans sorted.
// About 170 variants per unmatched word, each a 1-in-65536 chance of a
// false link: callers try it on few candidates.
// With `words`, also each link's two words: the own word of the key, and
// the other side's word as far as the variant spells it (its first
// kNearPrefix code points).
void NearTypoMatches(
    std::string_view key, std::uint64_t seed,
    std::span<const std::uint16_t> own_fps,
    std::span<const std::uint16_t> other_fps,
    std::vector<std::pair<std::uint16_t, std::uint16_t>>* out,
    std::vector<std::pair<std::string, std::string>>* words = nullptr);

// Fingerprints (as in NearTypoMatches) of the features that only the
// label or the source tag of a copy cut short ("...") gives: a leading
// one-word label ("BREAKING:", "VIDEO:") and a trailing tag of 1-3 words
// after the last spaced separator (" | ", " - ", " -- ", en or em dash) or
// in a final "(...)" ("... | Reuters", "... - The Guardian", "... (AFP)"),
// neither with a digit (not "30 January:", not "Ayr 38 - 17 Melrose").
// Sorted; empty when the key is not cut or has neither. The template guard
// (engine.cc) lets such a copy match its original.
void CutTagFingerprints(std::string_view key, std::uint64_t seed,
                        std::vector<std::uint16_t>* out);

// Generic helpers, used by the measurement tools and other channels.
// Word unigrams of `key` (alphanumeric runs), hashed.
void WordFeatures(std::string_view key, std::uint64_t seed,
                  std::vector<std::uint64_t>* out);
// Character n-grams (in code points) of `key` with runs of non-alphanumeric
// bytes collapsed to one space and a space added at both ends, hashed.
void CharNgramFeatures(std::string_view key, int n, std::uint64_t seed,
                       std::vector<std::uint64_t>* out);

// 64-bit XXH3 of `bytes` with `seed` (the project's one inlined XXH3 for
// sketch code).
std::uint64_t SketchHash64(std::string_view bytes, std::uint64_t seed);

// Whether a code point belongs to a word, as the tokenizers here read
// keys: ASCII letters and digits, and any letter, mark or number of
// Unicode (not punctuation, symbols or separators: "¿", "«", "€", "·").
bool IsWordCodePoint(std::int32_t cp);

// The tokenizers' class of one byte, from a 256-entry table: kAsciiWord for
// an ASCII letter or digit (IsWordCodePoint), kAsciiDigit as well for a
// digit, 0 otherwise (every byte from 0x80 on).
inline constexpr std::uint8_t kAsciiWord = 1;
inline constexpr std::uint8_t kAsciiDigit = 2;
std::uint8_t AsciiByteClass(unsigned char byte);

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_SHINGLE_H_
