// Tests of the pivot lexicon loader and lookups (src/lexicon.h) on small
// in-memory files, independent of the FreeDict build.
#include "lexicon.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "gtest/gtest.h"

namespace tickerdedup::internal {
namespace {

// Sorted by (lang, word) bytes, as tools/build_lexicon.py writes it; "~"
// rows are Snowball stems (Spanish "nuevo", "nueva" -> "nuev").
constexpr char kSmall[] =
    "# test lexicon\n"
    "acr\tonu\tun\n"
    "acr\tusa\tus\n"
    "cty\tchad\ttd\n"
    "cty\tetats unis\tus\n"
    "cty\tunited kingdom\tgb\n"
    "cty\tunited states\tus\n"
    "eng\twomen\twoman\n"
    "fra\tnegociation\tnegotiation bargaining\n"
    "spa\tconvocar\tconvene summon\n"
    "spa\tnuevo\tnew novel\n"
    "spa\t~nuev\tnew novel\n";

std::unique_ptr<Lexicon> Small() {
  std::string error;
  auto lexicon = Lexicon::FromString(kSmall, &error);
  EXPECT_NE(lexicon, nullptr) << error;
  return lexicon;
}

TEST(LexiconLookupTest, ExactLookup) {
  const auto lexicon = Small();
  ASSERT_NE(lexicon, nullptr);
  std::string_view pivots;
  ASSERT_TRUE(lexicon->LookupExact(LexLang::kFra, "negociation", &pivots));
  EXPECT_EQ(pivots, "negotiation bargaining");
  EXPECT_FALSE(lexicon->LookupExact(LexLang::kSpa, "negociation", &pivots));
  EXPECT_EQ(lexicon->size(LexLang::kSpa), 3u);
}

TEST(LexiconLookupTest, StemRowServesInflectedForms) {
  const auto lexicon = Small();
  ASSERT_NE(lexicon, nullptr);
  std::string_view pivots;
  // No headword "nuevas": its Snowball stem "nuev" has a row.
  ASSERT_TRUE(lexicon->Lookup(LexLang::kSpa, "nuevas", &pivots));
  EXPECT_EQ(pivots, "new novel");
  // Exact lookups never read stem rows.
  EXPECT_FALSE(lexicon->LookupExact(LexLang::kSpa, "nuevas", &pivots));
}

TEST(LexiconLookupTest, TrimmingFallback) {
  const auto lexicon = Small();
  ASSERT_NE(lexicon, nullptr);
  std::string_view pivots;
  // "convoca": Snowball gives "convoc", which has no row; trimming finds
  // "convocar".
  ASSERT_TRUE(lexicon->Lookup(LexLang::kSpa, "convoca", &pivots));
  EXPECT_EQ(pivots, "convene summon");
  EXPECT_FALSE(lexicon->Lookup(LexLang::kSpa, "xyzzyq", &pivots));
  EXPECT_FALSE(lexicon->Lookup(LexLang::kFra, "convoca", &pivots));
}

// Trimming takes off at most two letters: three found mostly other words
// for names ("clinton" -> "clinica"). Portuguese plurals in "-ões" /
// "-ães", folded, ask for their "-ão" singular.
TEST(LexiconLookupTest, TrimmingStopsAtTwoLettersAndPortuguesePlurals) {
  std::string error;
  const auto lexicon = Lexicon::FromString(
      "por\tcapitao\tcaptain\n"
      "por\teleicao\telection choice\n"
      "spa\tclinica\tclinic hospital\n"
      "spa\tconvocar\tconvene summon\n",
      &error);
  ASSERT_NE(lexicon, nullptr) << error;
  std::string_view pivots;
  EXPECT_FALSE(lexicon->Lookup(LexLang::kSpa, "clinton", &pivots));
  ASSERT_TRUE(lexicon->Lookup(LexLang::kSpa, "convocara", &pivots));
  EXPECT_EQ(pivots, "convene summon");
  ASSERT_TRUE(lexicon->Lookup(LexLang::kPor, "eleicoes", &pivots));
  EXPECT_EQ(pivots, "election choice");
  ASSERT_TRUE(lexicon->Lookup(LexLang::kPor, "capitaes", &pivots));
  EXPECT_EQ(pivots, "captain");
  // Portuguese only, and whole words only.
  EXPECT_FALSE(lexicon->Lookup(LexLang::kSpa, "eleicoes", &pivots));
  EXPECT_FALSE(lexicon->LookupExact(LexLang::kPor, "eleicoes", &pivots));
}

// A plural whose stem row pools other words' senses finds its singular's
// own row first ("financements": "financement" lists "funding", the pooled
// "~financ" row does not).
TEST(LexiconLookupTest, PluralsFindTheirSingularBeforeTheStemRow) {
  std::string error;
  const auto lexicon = Lexicon::FromString(
      "fra\tfinancement\tfinancing funding\n"
      "fra\t~financ\tfinance estate farm\n"
      "fra\tjournal\tnewspaper\n"
      "spa\tnacion\tnation\n"
      "spa\tvez\ttime\n"
      "por\tnacional\tnational\n"
      "por\thomem\tman\n"
      "ita\tministro\tminister\n"
      "ita\tpresidente\tpresident\n"
      "ita\tbanca\tbank\n"
      "deu\twahl\telection\n",
      &error);
  ASSERT_NE(lexicon, nullptr) << error;
  const std::pair<LexLang, std::string_view> cases[][2] = {
      {{LexLang::kFra, "financements"}, {LexLang::kFra, "financement"}},
      {{LexLang::kFra, "journaux"}, {LexLang::kFra, "journal"}},
      {{LexLang::kSpa, "naciones"}, {LexLang::kSpa, "nacion"}},
      {{LexLang::kSpa, "veces"}, {LexLang::kSpa, "vez"}},
      {{LexLang::kPor, "nacionais"}, {LexLang::kPor, "nacional"}},
      {{LexLang::kPor, "homens"}, {LexLang::kPor, "homem"}},
      {{LexLang::kIta, "ministri"}, {LexLang::kIta, "ministro"}},
      {{LexLang::kIta, "presidenti"}, {LexLang::kIta, "presidente"}},
      {{LexLang::kIta, "banche"}, {LexLang::kIta, "banca"}},
      {{LexLang::kDeu, "wahlen"}, {LexLang::kDeu, "wahl"}},
  };
  for (const auto& [plural, singular] : cases) {
    std::string_view got, want;
    ASSERT_TRUE(lexicon->LookupExact(singular.first, singular.second, &want));
    ASSERT_TRUE(lexicon->Lookup(plural.first, plural.second, &got))
        << plural.second;
    EXPECT_EQ(got, want) << plural.second;
  }
  // The language's own endings only, and never below three letters.
  std::string_view pivots;
  EXPECT_FALSE(lexicon->LookupSingular(LexLang::kSpa, "journaux", &pivots));
  EXPECT_FALSE(lexicon->LookupSingular(LexLang::kFra, "naciones", &pivots));
  EXPECT_FALSE(lexicon->LookupSingular(LexLang::kEng, "nations", &pivots));
  EXPECT_FALSE(lexicon->LookupSingular(LexLang::kDeu, "wa", &pivots));
}

TEST(LexiconLookupTest, Acronyms) {
  const auto lexicon = Small();
  ASSERT_NE(lexicon, nullptr);
  EXPECT_EQ(lexicon->CanonicalAcronym("onu"), "un");
  EXPECT_EQ(lexicon->CanonicalAcronym("nato"), "nato");
}

// "cty" rows: a country name as key words joined by one space -> its code.
// MayStartCountry says whether a phrase lookup can succeed from a word.
TEST(LexiconLookupTest, CountryNames) {
  const auto lexicon = Small();
  ASSERT_NE(lexicon, nullptr);
  EXPECT_TRUE(lexicon->MayStartCountry("etats"));
  EXPECT_TRUE(lexicon->MayStartCountry("united"));
  EXPECT_TRUE(lexicon->MayStartCountry("chad"));
  EXPECT_FALSE(lexicon->MayStartCountry("etat"));  // a prefix of a word
  EXPECT_FALSE(lexicon->MayStartCountry("unis"));  // not the first word
  EXPECT_FALSE(lexicon->MayStartCountry("cha"));
  EXPECT_FALSE(lexicon->MayStartCountry(""));
  std::string_view code;
  ASSERT_TRUE(lexicon->CountryOf("united states", &code));
  EXPECT_EQ(code, "us");
  ASSERT_TRUE(lexicon->CountryOf("etats unis", &code));
  EXPECT_EQ(code, "us");
  EXPECT_FALSE(lexicon->CountryOf("united", &code));
  EXPECT_FALSE(lexicon->CountryOf("united states of", &code));
  // An alpha-3 code joins its alpha-2 class as an acronym.
  EXPECT_EQ(lexicon->CanonicalAcronym("usa"), "us");
}

// "eng" rows (English irregular form -> WordNet lemmas) are read whole:
// neither stems nor trimming apply, so "womens" or "wome" find nothing.
TEST(LexiconLookupTest, EnglishLemmaRowsAreExactOnly) {
  const auto lexicon = Small();
  ASSERT_NE(lexicon, nullptr);
  LexLang lang;
  ASSERT_TRUE(ParseLexLang("eng", &lang));
  EXPECT_EQ(lang, LexLang::kEng);
  std::string_view lemmas;
  ASSERT_TRUE(lexicon->Lookup(LexLang::kEng, "women", &lemmas));
  EXPECT_EQ(lemmas, "woman");
  EXPECT_FALSE(lexicon->Lookup(LexLang::kEng, "womens", &lemmas));
  EXPECT_FALSE(lexicon->Lookup(LexLang::kEng, "wome", &lemmas));
  EXPECT_EQ(lexicon->size(LexLang::kEng), 1u);
  // A lexicon built without WordNet has no eng rows and loads as before.
  std::string error;
  const auto old = Lexicon::FromString("fra\tmot\tword\n", &error);
  ASSERT_NE(old, nullptr) << error;
  EXPECT_EQ(old->size(LexLang::kEng), 0u);
}

// "eng ~stem" rows are the English vocabulary: any form with that Snowball
// English stem is English, and no word lookup ever reads them.
TEST(LexiconLookupTest, EnglishVocabularyRowsByStem) {
  std::string error;
  const auto lexicon = Lexicon::FromString(
      "eng\t~kill\tkill\neng\twomen\twoman\nfra\ttuer\tkill\n", &error);
  ASSERT_NE(lexicon, nullptr) << error;
  EXPECT_TRUE(lexicon->HasEnglishWord("kill"));
  EXPECT_TRUE(lexicon->HasEnglishWord("kills"));
  EXPECT_TRUE(lexicon->HasEnglishWord("killing"));
  EXPECT_FALSE(lexicon->HasEnglishWord("killer"));  // stem "killer"
  EXPECT_FALSE(lexicon->HasEnglishWord("tuer"));
  EXPECT_FALSE(lexicon->HasEnglishWord(""));
  std::string_view pivots;
  EXPECT_FALSE(lexicon->Lookup(LexLang::kEng, "kill", &pivots));
  // Without such rows (an older lexicon) nothing is English.
  const auto old = Lexicon::FromString("fra\ttuer\tkill\n", &error);
  ASSERT_NE(old, nullptr) << error;
  EXPECT_FALSE(old->HasEnglishWord("kills"));
  // HasEnglishWord's per-thread memo keeps the lexicons apart, both ways,
  // and words past its 16 bytes are looked up each time.
  EXPECT_TRUE(lexicon->HasEnglishWord("kills"));
  EXPECT_FALSE(old->HasEnglishWord("kills"));
  const auto long_words =
      Lexicon::FromString("eng\t~internation\tinternationalization\n", &error);
  ASSERT_NE(long_words, nullptr) << error;
  EXPECT_TRUE(long_words->HasEnglishWord("internationalization"));
  EXPECT_FALSE(lexicon->HasEnglishWord("internationalization"));
}

// HasWord: a headword of the language, or a form with the Snowball stem of
// one (a "~stem" row; rows sorted as the build writes them), and nothing of
// another language. Its per-thread memo
// keeps languages and lexicons apart, both ways, and words past its 16
// bytes are looked up each time.
TEST(LexiconLookupTest, HasWordPerLanguageAndLexicon) {
  std::string error;
  const auto lexicon = Lexicon::FromString(
      "fra\tgouvernement\tgovernment\n"
      "ita\tinternazionalizzazione\tinternationalization\n"
      "spa\t~nuev\tnew\n",
      &error);
  ASSERT_NE(lexicon, nullptr) << error;
  const auto other = Lexicon::FromString("spa\tnuevo\tnew\n", &error);
  ASSERT_NE(other, nullptr) << error;
  for (int round = 0; round < 2; ++round) {  // the second from the memo
    EXPECT_TRUE(lexicon->HasWord(LexLang::kFra, "gouvernement"));
    EXPECT_FALSE(lexicon->HasWord(LexLang::kSpa, "gouvernement"));
    EXPECT_TRUE(lexicon->HasWord(LexLang::kSpa, "nuevas"));
    EXPECT_FALSE(lexicon->HasWord(LexLang::kFra, "nuevas"));
    EXPECT_FALSE(other->HasWord(LexLang::kSpa, "nuevas"));
    EXPECT_TRUE(other->HasWord(LexLang::kSpa, "nuevo"));
    EXPECT_FALSE(lexicon->HasWord(LexLang::kSpa, "nuevo") &&
                 !other->HasWord(LexLang::kSpa, "nuevo"));
    EXPECT_TRUE(lexicon->HasWord(LexLang::kIta, "internazionalizzazione"));
    EXPECT_FALSE(other->HasWord(LexLang::kIta, "internazionalizzazione"));
    EXPECT_FALSE(lexicon->HasWord(LexLang::kFra, ""));
    EXPECT_FALSE(lexicon->HasWord(LexLang::kAcronym, "gouvernement"));
  }
}

// EnglishStem memoizes short words per thread: a memo hit, an evicted
// slot and an unmemoized long word all give the stemmer's answer.
TEST(EnglishStemTest, MemoAnswersAsTheStemmer) {
  EXPECT_EQ(EnglishStem("running"), "run");
  EXPECT_EQ(EnglishStem("elections"), "elect");
  EXPECT_EQ(EnglishStem("internationalizations"), "internation");
  // Many more words than the memo has slots, so that slots are replaced.
  std::vector<std::string> words;
  for (const char* stem : {"run", "elect", "vote", "nation", "price"}) {
    for (const char* suffix : {"", "s", "ing", "ed", "er", "ers", "ly"}) {
      for (int i = 0; i < 600; ++i) {
        words.push_back(std::string(stem) + suffix + std::to_string(i % 97) +
                        (i >= 97 ? std::string(i / 97, 'x') : ""));
      }
    }
  }
  std::vector<std::string> first;
  for (const std::string& w : words) first.emplace_back(EnglishStem(w));
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      ASSERT_EQ(EnglishStem(words[i]), first[i]) << words[i];
    }
  }
  // A fresh thread (an empty memo) agrees.
  std::vector<std::string> fresh;
  std::thread([&] {
    for (const std::string& w : words) fresh.emplace_back(EnglishStem(w));
  }).join();
  EXPECT_EQ(fresh, first);
}

TEST(LexiconLookupTest, MalformedLineIsAnError) {
  std::string error;
  EXPECT_EQ(Lexicon::FromString("fra\tmot\n", &error), nullptr);
  EXPECT_NE(error.find("line 1"), std::string::npos) << error;
  EXPECT_EQ(Lexicon::FromString("xxx\tmot\tword\n", &error), nullptr);
  // Rows keep 8-bit word and 16-bit pivot lengths: longer ones are refused
  // with the line, not cut.
  EXPECT_EQ(
      Lexicon::FromString(
          "fra\tmot\tword\nfra\t" + std::string(256, 'a') + "\tword\n", &error),
      nullptr);
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
  EXPECT_EQ(Lexicon::FromString("fra\tmot\t" + std::string(70000, 'w') + "\n",
                                &error),
            nullptr);
  // At the limits, the row loads and reads back whole.
  const std::string word(255, 'a'), pivots(65535, 'w');
  std::unique_ptr<Lexicon> lex =
      Lexicon::FromString("fra\t" + word + "\t" + pivots + "\n", &error);
  ASSERT_NE(lex, nullptr) << error;
  std::string_view found;
  ASSERT_TRUE(lex->LookupExact(LexLang::kFra, word, &found));
  EXPECT_EQ(found, pivots);
}

// Load maps a regular file and reads anything else (a pipe, an empty
// file) whole: every way gives the lexicon FromString gives, and the
// errors name the file.
TEST(LexiconLoadTest, MappedReadAndMissingFiles) {
  const std::string path = testing::TempDir() + "/lexicon_load_test.tsv";
  const std::string empty = testing::TempDir() + "/lexicon_load_empty.tsv";
  const std::string bad = testing::TempDir() + "/lexicon_load_bad.tsv";
  std::ofstream(path, std::ios::binary) << kSmall;
  std::ofstream(empty, std::ios::binary).flush();
  std::ofstream(bad, std::ios::binary) << "fra\tmot\n";
  const auto same_as_small = [](const Lexicon& lexicon) {
    std::string_view pivots;
    EXPECT_TRUE(lexicon.LookupExact(LexLang::kFra, "negociation", &pivots));
    EXPECT_EQ(pivots, "negotiation bargaining");
    EXPECT_TRUE(lexicon.Lookup(LexLang::kSpa, "nueva", &pivots));
    EXPECT_EQ(pivots, "new novel");
    EXPECT_EQ(lexicon.CanonicalAcronym("onu"), "un");
    for (int l = 0; l < kNumLexLangs; ++l) {
      EXPECT_EQ(lexicon.size(static_cast<LexLang>(l)),
                Small()->size(static_cast<LexLang>(l)));
    }
  };
  std::string error;
  std::unique_ptr<Lexicon> mapped = Lexicon::Load(path, &error);
  ASSERT_NE(mapped, nullptr) << error;
  same_as_small(*mapped);

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const std::string_view small(kSmall);
  ASSERT_EQ(write(fds[1], small.data(), small.size()),
            static_cast<ssize_t>(small.size()));
  close(fds[1]);
  std::unique_ptr<Lexicon> piped =
      Lexicon::Load("/proc/self/fd/" + std::to_string(fds[0]), &error);
  close(fds[0]);
  ASSERT_NE(piped, nullptr) << error;
  same_as_small(*piped);

  std::unique_ptr<Lexicon> none = Lexicon::Load(empty, &error);
  ASSERT_NE(none, nullptr) << error;
  EXPECT_EQ(none->size(LexLang::kFra), 0u);

  EXPECT_EQ(Lexicon::Load(bad, &error), nullptr);
  EXPECT_NE(error.find(bad), std::string::npos) << error;
  EXPECT_NE(error.find("line 1"), std::string::npos) << error;
  EXPECT_EQ(Lexicon::Load(path + ".missing", &error), nullptr);
  EXPECT_NE(error.find("cannot open lexicon"), std::string::npos) << error;
  std::remove(path.c_str());
  std::remove(empty.c_str());
  std::remove(bad.c_str());
}

// An index file (WriteIndex) makes Load map the tables instead of building
// them, with the same answers; an index that no longer matches its TSV
// (another modification time, or the same second and size with other
// bytes) or is damaged (cut short, a bad magic, an entry index out of
// range) is ignored, and the TSV indexed as before.
TEST(LexiconLoadTest, IndexFileIsUsedOnlyWhenItMatches) {
  const std::string path = testing::TempDir() + "/lexicon_index_test.tsv";
  const std::string index = path + std::string(Lexicon::kIndexSuffix);
  std::ofstream(path, std::ios::binary) << kSmall;
  std::remove(index.c_str());
  const auto lookups = [](const Lexicon& lexicon) {
    std::string out;
    std::string_view pivots;
    for (const char* w : {"negociation", "nuevo", "nueva", "convoca", "xyz"}) {
      for (LexLang l : {LexLang::kFra, LexLang::kSpa}) {
        out += lexicon.Lookup(l, w, &pivots) ? std::string(pivots) : "-";
        out += "|";
      }
    }
    out += lexicon.CanonicalAcronym("onu");
    std::string_view code;
    out += lexicon.CountryOf("etats unis", &code) ? std::string(code) : "-";
    out += lexicon.LookupExact(LexLang::kEng, "women", &pivots)
               ? std::string(pivots)
               : "-";
    for (int l = 0; l < kNumLexLangs; ++l) {
      out += '|';
      out += std::to_string(lexicon.size(static_cast<LexLang>(l)));
    }
    return out;
  };
  std::string error;
  std::unique_ptr<Lexicon> plain = Lexicon::Load(path, &error);
  ASSERT_NE(plain, nullptr) << error;
  EXPECT_FALSE(plain->from_index());
  const std::string want = lookups(*plain);
  EXPECT_NE(want.find("negotiation bargaining"), std::string::npos) << want;
  ASSERT_TRUE(plain->WriteIndex(path, &error)) << error;

  std::unique_ptr<Lexicon> indexed = Lexicon::Load(path, &error);
  ASSERT_NE(indexed, nullptr) << error;
  EXPECT_TRUE(indexed->from_index());
  EXPECT_EQ(lookups(*indexed), want);

  // Each damage: the index is read no more, and the answers stay.
  const auto expect_ignored = [&](const char* what) {
    std::unique_ptr<Lexicon> l = Lexicon::Load(path, &error);
    ASSERT_NE(l, nullptr) << what << ": " << error;
    EXPECT_FALSE(l->from_index()) << what;
    EXPECT_EQ(lookups(*l), want) << what;
  };
  std::string bytes;
  {
    std::ifstream in(index, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 64u);
  const auto write_index = [&](const std::string& b) {
    std::ofstream(index, std::ios::binary | std::ios::trunc) << b;
  };
  write_index(bytes.substr(0, bytes.size() - 4));
  expect_ignored("cut short");
  std::string bad = bytes;
  bad[0] ^= 1;
  write_index(bad);
  expect_ignored("bad magic");
  bad = bytes;
  // The last slot of the last exact table: an entry index out of range.
  for (std::size_t k = bad.size() - 4; k < bad.size(); ++k) bad[k] = '\xFF';
  write_index(bad);
  expect_ignored("index out of range");
  write_index(bytes);
  indexed = Lexicon::Load(path, &error);
  ASSERT_NE(indexed, nullptr) << error;
  EXPECT_TRUE(indexed->from_index());
  // The TSV edited in place within the same second, to the same size: the
  // sampled bytes tell.
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  std::string edited(kSmall);
  edited.replace(edited.find("bargaining"), 10, "haggling!!");
  std::ofstream(path, std::ios::binary | std::ios::trunc) << edited;
  const struct timespec same[2] = {{0, UTIME_OMIT}, st.st_mtim};
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), same, 0), 0);
  std::unique_ptr<Lexicon> fresh = Lexicon::Load(path, &error);
  ASSERT_NE(fresh, nullptr) << error;
  EXPECT_FALSE(fresh->from_index());
  std::string_view pivots;
  ASSERT_TRUE(fresh->LookupExact(LexLang::kFra, "negociation", &pivots));
  EXPECT_EQ(pivots, "negotiation haggling!!");
  // The TSV touched (same bytes, another modification time): stale.
  std::ofstream(path, std::ios::binary | std::ios::trunc) << kSmall;
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), same, 0), 0);
  indexed = Lexicon::Load(path, &error);
  ASSERT_NE(indexed, nullptr) << error;
  EXPECT_TRUE(indexed->from_index());
  const struct timespec times[2] = {{0, UTIME_OMIT}, {1000000000, 0}};
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
  expect_ignored("stale");
  std::remove(path.c_str());
  std::remove(index.c_str());
}

// The layout WriteIndex writes (src/lexicon.cc, IndexHeader): a 208-byte
// header, then per language its entries (12 bytes: word offset, pivots
// offset, pivots length, word length), then per language its bucket
// starts, then per language its exact table (32-bit slots: 0 when empty,
// else a tag above exact_bits and the entry's index + 1 below).
struct IndexLayout {
  static constexpr std::size_t kHeader = 208;
  std::uint64_t entries[kNumLexLangs], exact[kNumLexLangs];
  std::uint32_t exact_bits[kNumLexLangs], buckets;  // buckets: per language
  std::uint64_t tsv_size;
  explicit IndexLayout(const std::string& b) {
    std::memcpy(&buckets, b.data() + 20, 4);
    std::memcpy(&tsv_size, b.data() + 24, 8);
    std::memcpy(entries, b.data() + 48, sizeof(entries));
    std::memcpy(exact, b.data() + 112, sizeof(exact));
    std::memcpy(exact_bits, b.data() + 176, sizeof(exact_bits));
  }
  std::size_t Entry(int lang, std::size_t i) const {
    std::size_t at = kHeader;
    for (int l = 0; l < lang; ++l) at += entries[l] * 12;
    return at + i * 12;
  }
  std::size_t Bucket(int lang, std::size_t i) const {
    std::size_t at = Entry(kNumLexLangs, 0);
    return at + (std::size_t{buckets} * lang + i) * 4;
  }
  std::size_t Exact(int lang, std::size_t i) const {
    std::size_t at = Bucket(kNumLexLangs, 0);
    for (int l = 0; l < lang; ++l) at += exact[l] * 4;
    return at + i * 4;
  }
};

std::uint32_t Get32(const std::string& b, std::size_t at) {
  std::uint32_t v;
  std::memcpy(&v, b.data() + at, 4);
  return v;
}

void Put32(std::string* b, std::size_t at, std::uint32_t v) {
  std::memcpy(b->data() + at, &v, 4);
}

// Every offset and index in an index file is checked before a lookup
// follows it: an entry whose word or pivot list ends past the TSV, bucket
// starts that go down, an exact slot naming no entry (0, or past the last),
// or an exact table with no empty slot (a probe for an absent word would
// never stop) each make Load ignore the index and build its tables from
// the TSV, with the same answers.
TEST(LexiconLoadTest, IndexFileChecksEveryOffset) {
  const std::string path = testing::TempDir() + "/lexicon_offsets_test.tsv";
  const std::string index = path + std::string(Lexicon::kIndexSuffix);
  std::ofstream(path, std::ios::binary) << kSmall;
  std::string error;
  std::unique_ptr<Lexicon> plain = Lexicon::Load(path, &error);
  ASSERT_NE(plain, nullptr) << error;
  ASSERT_TRUE(plain->WriteIndex(path, &error)) << error;
  std::string bytes;
  {
    std::ifstream in(index, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const IndexLayout layout(bytes);
  const int fra = static_cast<int>(LexLang::kFra);
  ASSERT_EQ(layout.entries[fra], 1u);
  ASSERT_EQ(layout.Exact(kNumLexLangs, 0), bytes.size());
  // Whether Load maps the index `b`; the French word's pivots into *got.
  std::string got;
  const auto loads_index = [&](const std::string& b) {
    std::ofstream(index, std::ios::binary | std::ios::trunc) << b;
    std::unique_ptr<Lexicon> l = Lexicon::Load(path, &error);
    EXPECT_NE(l, nullptr) << error;
    if (l == nullptr) return false;
    std::string_view pivots;
    EXPECT_TRUE(l->LookupExact(LexLang::kFra, "negociation", &pivots));
    got = pivots;
    // An index that is ignored leaves the TSV's answers.
    if (!l->from_index()) {
      EXPECT_EQ(got, "negotiation bargaining");
    }
    return l->from_index();
  };
  EXPECT_TRUE(loads_index(bytes));
  EXPECT_EQ(got, "negotiation bargaining");

  // The French entry: a pivot list ending at the TSV's last byte is
  // followed (the file's last two bytes), one byte further is not.
  const std::size_t entry = layout.Entry(fra, 0);
  std::string bad = bytes;
  const auto tsv = static_cast<std::uint32_t>(layout.tsv_size);
  const std::uint16_t pivots_len = 2;
  Put32(&bad, entry + 4, tsv - pivots_len);
  std::memcpy(bad.data() + entry + 8, &pivots_len, 2);
  EXPECT_TRUE(loads_index(bad)) << "pivots ending at the TSV's end";
  EXPECT_EQ(got, "l\n");
  Put32(&bad, entry + 4, tsv - pivots_len + 1);
  EXPECT_FALSE(loads_index(bad)) << "pivots ending past the TSV";
  bad = bytes;
  Put32(&bad, entry, 0xFFFFFFF0u);
  EXPECT_FALSE(loads_index(bad)) << "word past the TSV";

  // French bucket starts: 0 ... 1; one start above the next.
  bad = bytes;
  Put32(&bad, layout.Bucket(fra, 1), 1);
  ASSERT_EQ(Get32(bytes, layout.Bucket(fra, 2)), 0u);
  EXPECT_FALSE(loads_index(bad)) << "bucket starts going down";

  // The French exact table: its occupied slot and an empty one.
  std::size_t used = 0, empty = 0;
  int found = 0;
  for (std::size_t i = 0; i < layout.exact[fra]; ++i) {
    if (Get32(bytes, layout.Exact(fra, i)) != 0) {
      used = i;
      found |= 1;
    } else {
      empty = i;
      found |= 2;
    }
  }
  ASSERT_EQ(found, 3);
  const std::uint32_t tag = std::uint32_t{1} << layout.exact_bits[fra];
  const std::uint32_t slot = Get32(bytes, layout.Exact(fra, used));
  bad = bytes;
  Put32(&bad, layout.Exact(fra, empty), tag);  // a tag, entry index 0
  EXPECT_FALSE(loads_index(bad)) << "an occupied slot with no entry";
  bad = bytes;
  Put32(&bad, layout.Exact(fra, used), (slot & ~(tag - 1)) | 2);
  EXPECT_FALSE(loads_index(bad)) << "an entry index past the last";
  bad = bytes;
  for (std::size_t i = 0; i < layout.exact[fra]; ++i) {
    Put32(&bad, layout.Exact(fra, i), slot);
  }
  EXPECT_FALSE(loads_index(bad)) << "no empty slot";
  std::remove(path.c_str());
  std::remove(index.c_str());
}

}  // namespace
}  // namespace tickerdedup::internal
