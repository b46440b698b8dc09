// The cross-language pivot lexicon: folded content words (and Snowball
// stems) of fra, spa, por, ita and deu mapped to up to five English pivot
// words, best first, plus an acronym equivalence (ONU = UNO = UN) and the
// lemmas of English irregular forms ("women" -> "woman", "said" -> "say",
// from WordNet's exception lists). Built from FreeDict (and WordNet, when
// installed) at build time by tools/build_lexicon.py; the file is never
// committed (GPL / CC-BY-SA data).
//
//   std::string error;
//   auto lexicon = Lexicon::Load(path, &error);
//   if (!lexicon) return Status(error);
//   std::string_view pivots;  // "negotiation bargaining"
//   if (lexicon->Lookup(LexLang::kSpa, "negociaciones", &pivots)) ...
//
// Load maps the file read-only (or reads it whole when it is no regular
// file). The builder writes the lines sorted by (lang, word), so each
// language's rows are one sorted run, found by two-byte buckets and an
// exact-word hash table. Those tables come mapped from the index file the
// build writes beside the lexicon (kIndexSuffix) when it matches, or are
// built at load: a default-mode start (31 MB / 838k rows) takes ~17 ms
// with the index, ~58 ms without, 94 ms when the file was copied into a
// string (bench/RESULTS.md, session 36). Immutable after Load: safe to
// share between threads.
#ifndef TICKERDEDUP_SRC_LEXICON_H_
#define TICKERDEDUP_SRC_LEXICON_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct stat;

namespace tickerdedup::internal {

// kEng rows map an English irregular form to its lemmas (English words are
// their own pivots); kAcronym rows an acronym to its class; kCountry rows
// ("cty") a country's name, as the words of a match key joined by one space
// ("etats unis", "vereinigte staaten", "allemagne"), or an English
// adjective of a country ("egyptian", from WordNet's pertainyms), to its
// ISO 3166-1 alpha-2 code's acronym class ("us"), from Debian's iso-codes.
// Lexicons built
// before kEng existed simply have no such rows.
enum class LexLang : int {
  kFra = 0,
  kSpa,
  kPor,
  kIta,
  kDeu,
  kAcronym,
  kEng,
  kCountry
};
inline constexpr int kNumLexLangs = 8;

// The Snowball English stem of folded `word` (valid until the calling
// thread's next call); `word` itself when the stemmer is missing or the
// word is over 64 bytes. sb_stemmer is not thread-safe: one per thread.
std::string_view EnglishStem(std::string_view word);

// "fra" -> kFra ... "acr" -> kAcronym, "eng" -> kEng, "cty" -> kCountry;
// false for any other code.
bool ParseLexLang(std::string_view code, LexLang* lang);

class Lexicon {
 public:
  // Reads the TSV written by tools/build_lexicon.py. Returns null and sets
  // *error (naming the file and line) when it cannot be read or is malformed.
  static std::unique_ptr<Lexicon> Load(const std::string& path,
                                       std::string* error);
  // Same, from the file's contents (tests, embedded data).
  static std::unique_ptr<Lexicon> FromString(std::string contents,
                                             std::string* error);

  // The index of the lexicon at PATH lives in PATH + kIndexSuffix: its
  // rows' offsets, buckets and exact-word tables as Load builds them, with
  // the TSV's size, modification time (seconds) and a hash of 64 sampled
  // blocks of it. Load maps it instead of indexing
  // the TSV when it is whole and matches the TSV (any doubt: it indexes
  // the TSV as before, so a stale or damaged index costs time, never an
  // answer). The build writes it (tools/lexicon_index.cc).
  static constexpr std::string_view kIndexSuffix = ".idx";
  // Writes PATH + kIndexSuffix for this lexicon, loaded from PATH (by
  // Load, which indexed it). Written to a temporary name and renamed.
  bool WriteIndex(const std::string& path, std::string* error) const;
  // Whether Load took the tables from the index file.
  bool from_index() const { return index_mapped_ != nullptr; }

  // Rows keyed kStemMark + Snowball stem pool the pivots of the headwords
  // with that stem (tools/build_lexicon.py); no folded word contains it.
  static constexpr char kStemMark = '~';
  // Rows keyed kAntonymMark + an English form list its WordNet antonym
  // axes (LookupAntonymAxes).
  static constexpr char kAntonymMark = '!';

  // Space-separated pivots of folded `word`. Tries the exact headword, then
  // a plural's singular headword (LookupSingular), then the row of its
  // Snowball stem ("nueva" -> "~nuev", pooled from "nuevo"),
  // then, for a Portuguese plural in "-oes" / "-aes" (folded "-ões" /
  // "-ães"), its "-ao" singular's row or stem row ("eleicoes" ->
  // "eleicao"), then, for other inflected forms, the first headword that
  // starts with `word` minus 1-2 final letters (at least 4 left) and is at
  // most 3 letters longer than `word` ("convoca" -> "convocar"). Coverage
  // figures: docs/xlang.md. kAcronym and kEng: exact lookup only.
  bool Lookup(LexLang lang, std::string_view word,
              std::string_view* pivots) const;
  // The headword a plural's singular spells, by the language's plural
  // endings ("financements" -> "financement", "nacionais" -> "nacional",
  // "ministri" -> "ministro"); exact lookups only.
  bool LookupSingular(LexLang lang, std::string_view word,
                      std::string_view* pivots) const;
  // Exact lookup only.
  bool LookupExact(LexLang lang, std::string_view word,
                   std::string_view* pivots) const;
  // Whether folded `word` is a headword of one of the five languages, or
  // has the Snowball stem of one (no trimming: language id asks it).
  bool HasWord(LexLang lang, std::string_view word) const;
  // Whether folded `word` is English as the dictionaries know it: the
  // builder writes an "eng" row "~stem" for the Snowball English stem of
  // every pivot (an English translation of some headword) and English row
  // word. Language id's close calls ask it (English "car", "war", "die"
  // are French and German stop words). False with a lexicon without them.
  bool HasEnglishWord(std::string_view word) const;
  // The "eng ~stem" row of an English Snowball stem (EnglishStem): "|",
  // then the verb's WordNet effects, if any ("kill": "| die").
  bool LookupEnglishStem(std::string_view stem, std::string_view* pivots) const;
  // The antonym axes of folded English `form` ("lower": "high.low:1
  // lower.raise:0"): each names the axis's two lemmas in order, then the
  // form's side, 0 for the first lemma (the builder's "eng !form" rows,
  // from WordNet). False when it has none, or the lexicon has no such rows.
  bool LookupAntonymAxes(std::string_view form, std::string_view* axes) const;

  // Canonical member of the acronym class of folded `acronym` ("onu" ->
  // "un"); `acronym` itself when it has none.
  std::string_view CanonicalAcronym(std::string_view acronym) const;

  // Whether some country name starts with the key word `word` (is it, or
  // begins with it and a space): only then is a phrase worth looking up.
  bool MayStartCountry(std::string_view word) const;
  // The acronym class of the country named `phrase` (key words joined by
  // one space), when it names one.
  bool CountryOf(std::string_view phrase, std::string_view* code) const {
    return LookupExact(LexLang::kCountry, phrase, code);
  }

  // Unique per instance (never 0, never reused within 2^64 instances): a
  // thread's memo keyed by it cannot serve one lexicon's answers for
  // another's, even one loaded at the same address.
  std::uint64_t id() const { return id_; }

  std::size_t size(LexLang lang) const {
    return entries_[static_cast<int>(lang)].size();
  }
  // Calls fn(word, pivots) for every row of `lang`, in the table's (byte)
  // order.
  template <typename Fn>
  void ForEachRow(LexLang lang, Fn fn) const {
    for (const Entry& e : entries_[static_cast<int>(lang)]) {
      fn(WordOf(e), PivotsOf(e));
    }
  }

 private:
  // A row: its word and pivots as offsets into data_ (12 bytes instead of
  // two string_views' 32: 16 MB less to fault in at load for 838k rows).
  struct Entry {
    std::uint32_t word_at;
    std::uint32_t pivots_at;
    std::uint16_t pivots_len;
    std::uint8_t word_len;
  };
  std::string_view WordOf(const Entry& e) const {
    return std::string_view(data_.data() + e.word_at, e.word_len);
  }
  std::string_view PivotsOf(const Entry& e) const {
    return std::string_view(data_.data() + e.pivots_at, e.pivots_len);
  }
  Lexicon() = default;
  bool Index(std::string* error);

  // entries_[lang][buckets_[lang][b] .. buckets_[lang][b + 1]) are the
  // entries whose first two bytes are b (a word of one byte uses 0 as its
  // second): lookups binary-search ~1-20 entries instead of ~100k. The
  // binary search over whole languages was 20% of Features() time.
  static constexpr int kBuckets = 1 << 16;
  static int BucketOf(std::string_view word) {
    const auto b0 = static_cast<unsigned char>(word.empty() ? 0 : word[0]);
    const auto b1 = static_cast<unsigned char>(word.size() < 2 ? 0 : word[1]);
    return (b0 << 8) | b1;
  }
  const Entry* Find(LexLang lang, std::string_view word) const;
  // The first entry whose word is `word`, or null: a probe of exact_,
  // which the exact lookups use (Find's binary search read ~10 entries and
  // their words at random in 21 MB: 14% of a default-mode run, perf).
  const Entry* FindExact(LexLang lang, std::string_view word) const;
  // The "eng" row keyed `mark` + `word` (kStemMark, kAntonymMark).
  bool LookupMarkedEnglish(char mark, std::string_view word,
                           std::string_view* value) const;
  // The row of folded `word`'s Snowball stem only (the five languages).
  bool LookupStemRow(LexLang lang, std::string_view word,
                     std::string_view* pivots) const;
  // The exact headword, then its stem's row (HasWord).
  bool LookupWordOrStem(LexLang lang, std::string_view word,
                        std::string_view* pivots) const;

  static std::uint64_t NextId();

  // Maps PATH + kIndexSuffix when it matches the TSV mapped as data_ (its
  // size and modification time in `st`, its sampled bytes) and every
  // offset and index in it is in range; false (nothing changed) otherwise.
  bool MapIndex(const std::string& path, const struct stat& st);

  std::uint64_t id_ = NextId();
  // The file's bytes, which the entries point into: a read-only mapping of
  // the file (Load), or owned_ (FromString, or a file that cannot be
  // mapped).
  std::string_view data_;
  std::string owned_;
  struct Unmap {
    std::size_t size;
    void operator()(const char* p) const;
  };
  std::unique_ptr<const char, Unmap> mapped_{nullptr, Unmap{0}};
  // The index file, when MapIndex took the tables from it.
  std::unique_ptr<const char, Unmap> index_mapped_{nullptr, Unmap{0}};
  // The tables below, as Index builds them (empty when they come from the
  // index file).
  std::array<std::vector<Entry>, kNumLexLangs> entries_owned_;
  std::array<std::vector<std::uint32_t>, kNumLexLangs> buckets_owned_;
  std::array<std::vector<std::uint32_t>, kNumLexLangs> exact_owned_;
  // The tables the lookups read: views of the owned vectors, or of the
  // mapped index file.
  std::array<std::span<const Entry>, kNumLexLangs> entries_;
  std::array<std::span<const std::uint32_t>, kNumLexLangs> buckets_;
  // Per language, an open-addressing table keyed by WordHash, at most half
  // full: 6.1 MB for the 570k entries of the built lexicon. A slot holds
  // entry index + 1 (0: empty) in its low exact_bits_ bits and, above
  // them, a tag from the hash's top bits (14 bits or more: the largest
  // language has 226k entries), so that a probe step reads the entry and
  // its word only when the tags agree. Most lookups are of words the
  // lexicon lacks (phrases tried as country names, stems, marked English
  // rows): each probe step used to cost two more cache misses and a
  // memcmp, and FindExact was 5% of a default-mode run (perf).
  std::array<std::span<const std::uint32_t>, kNumLexLangs> exact_;
  std::array<int, kNumLexLangs> exact_bits_{};
  static std::uint32_t ExactTag(std::uint64_t hash, int bits) {
    return static_cast<std::uint32_t>(hash >> (32 + bits)) << bits;
  }
};

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_LEXICON_H_
