// Tests for TickerSplitter: separators, modes, trimming, streaming
// invariance, cut pieces, byte preservation and kernel agreement.
#include "tickerdedup/splitter.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "splitter_kernels.h"

namespace tickerdedup {
namespace {

// Non-ASCII test text as \x escapes (UTF-8).
constexpr char kNbsp[] = "\xC2\xA0";
constexpr char kBullet[] = "\xE2\x80\xA2";         // U+2022
constexpr char kIdeoSpace[] = "\xE3\x80\x80";      // U+3000
constexpr char kEmSpace[] = "\xE2\x80\x83";        // U+2003
constexpr char kRedCircle[] = "\xF0\x9F\x94\xB4";  // U+1F534, 4 bytes
// Bytes a splitter may hold beyond max_segment_bytes (gap slack + carry).
constexpr std::size_t kBufferSlack = 16;

struct Piece {
  std::string text;
  bool cut;
  std::uint64_t line;
  bool operator==(const Piece& o) const {
    return text == o.text && cut == o.cut && line == o.line;
  }
};

void PrintTo(const Piece& p, std::ostream* os) {
  *os << "{\"" << p.text << "\", cut=" << p.cut << ", line=" << p.line << "}";
}

// Feeds `input` in chunks of `chunk` bytes (0 = whole) and collects the
// segments; also checks buffered_bytes() after every Feed.
std::vector<Piece> Split(std::string_view input, const SplitterOptions& options,
                         std::size_t chunk = 0) {
  TickerSplitter splitter(options);
  std::vector<Piece> out;
  SegmentSink sink = [&](const Segment& s) {
    out.push_back({std::string(s.text), s.cut, s.line});
  };
  if (chunk == 0) chunk = input.size() + 1;
  for (std::size_t i = 0; i < input.size(); i += chunk) {
    splitter.Feed(input.substr(i, chunk), sink);
    EXPECT_LE(
        splitter.buffered_bytes(),
        std::max<std::size_t>(options.max_segment_bytes, 4) + kBufferSlack);
  }
  splitter.Finish(sink);
  EXPECT_EQ(splitter.buffered_bytes(), 0u);
  return out;
}

std::vector<std::string> Texts(const std::vector<Piece>& pieces) {
  std::vector<std::string> texts;
  for (const Piece& p : pieces) texts.push_back(p.text);
  return texts;
}

std::vector<std::string> SplitTexts(std::string_view input,
                                    const SplitterOptions& options = {}) {
  return Texts(Split(input, options));
}

SplitterOptions LinesMode() {
  SplitterOptions o;
  o.mode = SplitMode::kLines;
  return o;
}

std::string ReadSeed() {
  std::ifstream in(TICKERDEDUP_SOURCE_DIR "/fixtures/ticker-page-fr.txt",
                   std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

using Strings = std::vector<std::string>;

TEST(SplitterTest, EmptyAndBlankInput) {
  EXPECT_TRUE(SplitTexts("").empty());
  EXPECT_TRUE(SplitTexts("   \n\r\n\t " + std::string(kNbsp) + "\n").empty());
  EXPECT_TRUE(SplitTexts("", LinesMode()).empty());
  EXPECT_TRUE(SplitTexts("\n\n  \n", LinesMode()).empty());
}

TEST(SplitterTest, NoTrailingNewline) {
  EXPECT_EQ(SplitTexts("alpha\nbeta"), (Strings{"alpha", "beta"}));
  EXPECT_EQ(SplitTexts("alpha\nbeta", LinesMode()), (Strings{"alpha", "beta"}));
  EXPECT_EQ(SplitTexts("solo"), (Strings{"solo"}));
}

TEST(SplitterTest, RunsOfTwoOrMoreWhitespaceSplit) {
  const std::string n = kNbsp;
  EXPECT_EQ(SplitTexts("One story" + n + n + n + n + "Two story"),
            (Strings{"One story", "Two story"}));
  EXPECT_EQ(SplitTexts("One" + n + n + "Two"), (Strings{"One", "Two"}));
  EXPECT_EQ(SplitTexts("One  Two"), (Strings{"One", "Two"}));
  EXPECT_EQ(SplitTexts("One\t Two"), (Strings{"One", "Two"}));
  EXPECT_EQ(SplitTexts("One" + n + " Two"), (Strings{"One", "Two"}));
  EXPECT_EQ(SplitTexts(std::string("One") + kIdeoSpace + kIdeoSpace + "Two"),
            (Strings{"One", "Two"}));
  EXPECT_EQ(SplitTexts(std::string("One") + kEmSpace + kEmSpace + "Two"),
            (Strings{"One", "Two"}));
}

TEST(SplitterTest, SingleWhitespaceIsNotASeparator) {
  for (std::string ws :
       {std::string(" "), std::string("\t"), std::string(kNbsp),
        std::string(kIdeoSpace), std::string(kEmSpace), std::string("\r")}) {
    const std::string text = "Trump" + ws + "convoque";
    EXPECT_EQ(SplitTexts(text), (Strings{text})) << "separator: " << ws;
  }
}

// Every Unicode "Separator, space" (Zs) character, doubled, splits: the
// splitter's own table must not miss what utf8proc knows.
TEST(SplitterTest, EveryUnicodeSpaceSeparatorSplitsWhenDoubled) {
  int checked = 0;
  for (utf8proc_int32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (utf8proc_category(cp) != UTF8PROC_CATEGORY_ZS) continue;
    utf8proc_uint8_t buf[4];
    const auto len = utf8proc_encode_char(cp, buf);
    const std::string ch(reinterpret_cast<const char*>(buf), len);
    EXPECT_EQ(SplitTexts("left" + ch + ch + "right"),
              (Strings{"left", "right"}))
        << "U+" << std::hex << cp;
    EXPECT_EQ(SplitTexts("left" + ch + "right"),
              (Strings{"left" + ch + "right"}))
        << "U+" << std::hex << cp;
    ++checked;
  }
  EXPECT_GE(checked, 17);
}

TEST(SplitterTest, LineBreaks) {
  EXPECT_EQ(SplitTexts("a b\nc d\r\ne f\r\n"), (Strings{"a b", "c d", "e f"}));
  // A lone CR is whitespace: alone it does not split, next to a space it does.
  EXPECT_EQ(SplitTexts("a\rb"), (Strings{"a\rb"}));
  EXPECT_EQ(SplitTexts("a\r b"), (Strings{"a", "b"}));
  EXPECT_EQ(SplitTexts("a\r\n\r\nb", LinesMode()), (Strings{"a", "b"}));
}

TEST(SplitterTest, LineNumbers) {
  const auto pieces = Split("first  second\n\nthird\r\n  fourth", {});
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[0].line, 1u);
  EXPECT_EQ(pieces[1].line, 1u);
  EXPECT_EQ(pieces[2].line, 3u);
  EXPECT_EQ(pieces[3].line, 4u);
  EXPECT_EQ(pieces[3].text, "fourth");
}

TEST(SplitterTest, BulletsBetweenWhitespaceSplit) {
  const char* kBullets[] = {
      "\xE2\x80\xA2",  // •
      "\xE2\x97\x86",  // ◆
      "\xE2\x96\xA0",  // ■
      "\xE2\x96\xAA",  // ▪
      "\xE2\x97\x8F",  // ●
      "\xE2\x97\x87",  // ◇
      "\xE2\x96\xA1",  // □
      "\xE2\x97\x8B",  // ○
      "\xE2\x96\xB6",  // ▶
      "\xE2\x96\xBA",  // ►
      "\xE2\x98\x85",  // ★
      "\xC2\xB7",      // ·
  };
  for (const char* b : kBullets) {
    const std::string bullet = b;
    EXPECT_EQ(SplitTexts("First news " + bullet + " Second news"),
              (Strings{"First news", "Second news"}))
        << bullet;
    // At a segment start or end.
    EXPECT_EQ(SplitTexts(bullet + " First news " + bullet),
              (Strings{"First news"}))
        << bullet;
    EXPECT_EQ(
        SplitTexts("First" + std::string(kNbsp) + bullet + kNbsp + "Second"),
        (Strings{"First", "Second"}))
        << bullet;
    // Glued to a word it is text.
    EXPECT_EQ(SplitTexts(bullet + "Breaking news"),
              (Strings{bullet + "Breaking news"}))
        << bullet;
    EXPECT_EQ(SplitTexts("a" + bullet + "b c"),
              (Strings{"a" + bullet + "b c"}));
  }
  // A token made only of bullets is a separator too.
  EXPECT_EQ(SplitTexts(std::string("a ") + kBullet + kBullet + " b"),
            (Strings{"a", "b"}));
  // kLines mode: bullets are text.
  EXPECT_EQ(SplitTexts(std::string("a ") + kBullet + " b", LinesMode()),
            (Strings{std::string("a ") + kBullet + " b"}));
}

TEST(SplitterTest, ExtraSeparatorsOnlyWhenNamed) {
  const std::string headline = "Oil prices rise | Reuters";
  EXPECT_EQ(SplitTexts(headline), (Strings{headline}));
  SplitterOptions pipe;
  pipe.extra_separators = "|";
  EXPECT_EQ(SplitTexts(headline, pipe),
            (Strings{"Oil prices rise", "Reuters"}));
  EXPECT_EQ(SplitTexts("a|b c", pipe), (Strings{"a|b c"}));
  EXPECT_EQ(SplitTexts("| a |", pipe), (Strings{"a"}));

  SplitterOptions emoji;
  emoji.extra_separators = std::string(kRedCircle) + "-";
  const std::string ticker =
      std::string("one ") + kRedCircle + " two - three" + kRedCircle + " x";
  EXPECT_EQ(SplitTexts(ticker, emoji),
            (Strings{"one", "two", std::string("three") + kRedCircle + " x"}));
  for (std::size_t chunk = 1; chunk < ticker.size(); ++chunk) {
    EXPECT_EQ(Split(ticker, emoji, chunk), Split(ticker, emoji)) << chunk;
  }
  // kLines ignores extra separators.
  SplitterOptions lines = LinesMode();
  lines.extra_separators = "|";
  EXPECT_EQ(SplitTexts(headline, lines), (Strings{headline}));
}

TEST(SplitterTest, LinesModeKeepsInnerWhitespaceAndTrims) {
  const std::string text = std::string(kIdeoSpace) + " Two  words" + kNbsp +
                           kNbsp + "here\t\r\n\n" + kNbsp + "next" + kEmSpace;
  EXPECT_EQ(
      SplitTexts(text, LinesMode()),
      (Strings{std::string("Two  words") + kNbsp + kNbsp + "here", "next"}));
}

// Trimming skips the character classes when both ends are printable ASCII;
// every other end still goes through them, one end at a time.
TEST(SplitterTest, LinesModeTrimsEachEndOnItsOwn) {
  const std::string text = std::string("!a b~\n") + "a b \n" + " a b\n" +
                           "a b\t\r\n" + kNbsp + "a b\n" + "a b" + kEmSpace +
                           "\n" + "\x7F" + "a\x7F\n" + "\xC3\xA9t\xC3\xA9\n" +
                           "x\n";
  EXPECT_EQ(SplitTexts(text, LinesMode()),
            (Strings{"!a b~", "a b", "a b", "a b", "a b", "a b",
                     "\x7F" + std::string("a\x7F"), "\xC3\xA9t\xC3\xA9", "x"}));
}

TEST(SplitterTest, TickerModeTrims) {
  EXPECT_EQ(SplitTexts(std::string(kEmSpace) + "x y" + kNbsp + "\t\n"),
            (Strings{"x y"}));
}

TEST(SplitterTest, SeedPageFirstLineYieldsItsHeadlines) {
  const std::string seed = ReadSeed();
  ASSERT_FALSE(seed.empty());
  const std::string first_line = seed.substr(0, seed.find('\n') + 1);
  const auto pieces = Split(first_line, {});
  ASSERT_EQ(pieces.size(), 48u);
  for (const Piece& p : pieces) {
    EXPECT_FALSE(p.cut);
    EXPECT_EQ(p.line, 1u);
  }
  EXPECT_EQ(pieces.front().text,
            "Sahara : La Su\xC3\xA8"
            "de justifie son appui au plan marocain d'autonomie");
  EXPECT_EQ(pieces.back().text,
            "LIFA 2026. Abidjan, capitale de la cr\xC3\xA9"
            "ation f\xC3\xA9minine");
  EXPECT_EQ(pieces[18].text,
            "Sahara : Trump convoque un nouveau round de n\xC3\xA9gociations "
            "les 23 et 24 f\xC3\xA9vrier");
  EXPECT_EQ(pieces[19].text,
            "S\xC3\xA1hara: Trump convoca una nueva ronda de negociaciones el "
            "23 y 24 de febrero");
  EXPECT_EQ(pieces[20].text,
            "EU backs Morocco's autonomy plan for Western Sahara aligning with "
            "UN resolution");
  EXPECT_EQ(pieces[3].text,
            "Sal\xC3\xA9 : Le Roi lance l'op\xC3\xA9ration \xC2\xAB Ramadan "
            "1447\xC2\xBB au profit de 4,3 millions de personnes");
  // The whole page: the rest are prose lines, one segment per line.
  const auto all = Split(seed, {});
  EXPECT_EQ(std::vector<Piece>(all.begin(), all.begin() + 48), pieces);
  EXPECT_EQ(all[48].line, 9u);
  EXPECT_EQ(all[48].text, "Merci d'avoir signal\xC3\xA9!");
}

TEST(SplitterTest, ChunkInvarianceOnSeedPage) {
  const std::string seed = ReadSeed();
  ASSERT_FALSE(seed.empty());
  SplitterOptions small_cuts;
  small_cuts.max_segment_bytes = 61;  // Forces cut pieces on most segments.
  SplitterOptions pipes;
  pipes.extra_separators = "|:";
  for (const SplitterOptions& options :
       {SplitterOptions{}, LinesMode(), small_cuts, pipes}) {
    const auto whole = Split(seed, options);
    ASSERT_FALSE(whole.empty());
    for (std::size_t chunk = 1; chunk <= 4096; ++chunk) {
      ASSERT_EQ(Split(seed, options, chunk), whole) << "chunk " << chunk;
    }
  }
}

TEST(SplitterTest, LongSegmentComesOutInBoundedCutPieces) {
  std::string line;
  std::mt19937 rng(7);
  while (line.size() < 100 * 1024) line.push_back('a' + rng() % 26);
  const std::string input = line + "\nafter\n";
  for (std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{977},
                            std::size_t{4096}, std::size_t{65536}}) {
    const auto pieces = Split(input, {}, chunk);  // Split checks buffering.
    ASSERT_GE(pieces.size(), 2u);
    std::string joined;
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) {
      EXPECT_TRUE(pieces[i].cut);
      EXPECT_LE(pieces[i].text.size(), 4096u);
      EXPECT_EQ(pieces[i].line, 1u);
      joined += pieces[i].text;
    }
    EXPECT_EQ(joined, line);
    EXPECT_EQ(pieces.back(), (Piece{"after", false, 2}));
  }
}

TEST(SplitterTest, CutsAtUtf8Boundaries) {
  std::string line;
  for (int i = 0; i < 5000; ++i) line += "\xC3\xA9";  // é
  SplitterOptions options;
  options.max_segment_bytes = 1001;  // Odd: a byte cut would split an é.
  const auto pieces = Split(line, options);
  std::string joined;
  for (const Piece& p : pieces) {
    EXPECT_TRUE(p.cut);
    EXPECT_LE(p.text.size(), 1001u);
    EXPECT_EQ(p.text.size() % 2, 0u);
    EXPECT_EQ(static_cast<unsigned char>(p.text[0]), 0xC3);
    joined += p.text;
  }
  EXPECT_EQ(joined, line);
}

TEST(SplitterTest, InvalidInputIsCutAnywayAndKept) {
  const std::string junk(20000, '\x80');  // Continuation bytes only.
  SplitterOptions options;
  options.max_segment_bytes = 512;
  for (std::size_t chunk : {std::size_t{0}, std::size_t{3}, std::size_t{511}}) {
    const auto pieces = Split(junk, options, chunk);
    std::string joined;
    for (const Piece& p : pieces) {
      EXPECT_LE(p.text.size(), 512u);
      EXPECT_TRUE(p.cut);
      joined += p.text;
    }
    EXPECT_EQ(joined, junk);
  }
}

TEST(SplitterTest, LinesModeLongWhitespaceRunStaysBounded) {
  SplitterOptions options = LinesMode();
  options.max_segment_bytes = 64;
  const std::string input = "head" + std::string(10000, ' ') + "tail\n";
  const auto pieces = Split(input, options, 100);
  EXPECT_EQ(pieces, (std::vector<Piece>{{"head", true, 1}, {"tail", true, 1}}));
}

TEST(SplitterTest, InvalidUtf8AndNulBytesPassThrough) {
  const std::string odd =
      std::string("ab\0cd", 5) + "\xFF\xFE x\xC2 y\xE2\x80 z\xC0\xA0";
  EXPECT_EQ(SplitTexts(odd), (Strings{odd}));
  EXPECT_EQ(SplitTexts(odd, LinesMode()), (Strings{odd}));
  // A truncated NBSP at the very end is a byte, not whitespace.
  EXPECT_EQ(SplitTexts("end\xC2"), (Strings{"end\xC2"}));
  EXPECT_EQ(SplitTexts("end\xE2\x80"), (Strings{"end\xE2\x80"}));
  for (std::size_t chunk = 1; chunk <= odd.size(); ++chunk) {
    EXPECT_EQ(Split(odd + "  " + odd, {}, chunk), Split(odd + "  " + odd, {}));
  }
}

TEST(SplitterTest, SplitterIsReusableAfterFinish) {
  TickerSplitter splitter({});
  std::vector<std::string> out;
  SegmentSink sink = [&](const Segment& s) { out.emplace_back(s.text); };
  splitter.Feed("one  tw", sink);
  splitter.Finish(sink);
  splitter.Feed("three", sink);
  splitter.Finish(sink);
  EXPECT_EQ(out, (Strings{"one", "tw", "three"}));
}

// ------------------------------------------------------------ kernels

class ScopedKernel {
 public:
  explicit ScopedKernel(internal::SplitKernel kernel) {
    setenv("TICKERDEDUP_FORCE_KERNEL", internal::SplitKernelName(kernel), 1);
  }
  ~ScopedKernel() { unsetenv("TICKERDEDUP_FORCE_KERNEL"); }
};

// Random text rich in the bytes the scanners must notice.
std::string RandomTickerText(std::mt19937& rng, std::size_t pieces) {
  static const char* const kAtoms[] = {"a",
                                       "bc",
                                       "Word",
                                       " ",
                                       " ",
                                       "  ",
                                       "\n",
                                       "\r\n",
                                       "\r",
                                       "\t",
                                       "\xC2\xA0",
                                       "\xC2",
                                       "\xA0",
                                       "\xE2\x80",
                                       "\xE2\x80\xA2",
                                       "\xE3\x80\x80",
                                       "\xC3\xA9",
                                       "|",
                                       "-",
                                       "\xF0\x9F\x94\xB4",
                                       "\xF0\x9F",
                                       "" /* NUL, see below */,
                                       "\xFF",
                                       "\x80",
                                       "\xE2\x80\x99",
                                       "\xC2\xAB",
                                       "\x0B"};
  std::string out;
  for (std::size_t i = 0; i < pieces; ++i) {
    const std::size_t k = rng() % std::size(kAtoms);
    if (k == 21) {
      out.push_back('\0');
    } else if (rng() % 4 == 0) {
      out.append(static_cast<std::size_t>(rng() % 90), 'x');  // Long runs.
    } else {
      out += kAtoms[k];
    }
  }
  return out;
}

TEST(SplitterKernelTest, ScalarIsAlwaysSupported) {
  const auto kernels = internal::SupportedSplitKernels();
  ASSERT_FALSE(kernels.empty());
  EXPECT_EQ(kernels.front(), internal::SplitKernel::kScalar);
  {
    ScopedKernel force(internal::SplitKernel::kScalar);
    EXPECT_EQ(internal::SelectSplitKernel(), internal::SplitKernel::kScalar);
  }
  for (auto k : kernels) {
    ScopedKernel force(k);
    EXPECT_EQ(internal::SelectSplitKernel(), k);
  }
}

TEST(SplitterKernelTest, KernelsFlagTheSameOffsets) {
  std::mt19937 rng(12345);
  SplitterOptions extra;
  extra.extra_separators = "|-\xF0\x9F\x94\xB4";
  for (int round = 0; round < 300; ++round) {
    const std::string text = RandomTickerText(rng, 1 + rng() % 200);
    for (const SplitterOptions& options :
         {SplitterOptions{}, LinesMode(), extra}) {
      const auto want = internal::InterestingOffsets(
          internal::SplitKernel::kScalar, text, options);
      for (auto k : internal::SupportedSplitKernels()) {
        EXPECT_EQ(internal::InterestingOffsets(k, text, options), want)
            << internal::SplitKernelName(k);
      }
    }
  }
}

std::vector<Piece> SplitWithKernel(internal::SplitKernel k,
                                   std::string_view text,
                                   const SplitterOptions& options,
                                   std::size_t chunk) {
  ScopedKernel force(k);
  return Split(text, options, chunk);
}

TEST(SplitterKernelTest, AllKernelsGiveIdenticalSegments) {
  const std::string seed = ReadSeed();
  std::mt19937 rng(99);
  std::vector<std::string> inputs = {seed};
  for (int i = 0; i < 200; ++i)
    inputs.push_back(RandomTickerText(rng, 1 + rng() % 400));
  std::vector<SplitterOptions> option_sets(4);
  option_sets[1].mode = SplitMode::kLines;
  option_sets[2].max_segment_bytes = 7;
  option_sets[3].extra_separators = "|-\xF0\x9F\x94\xB4";
  option_sets[3].max_segment_bytes = 33;
  for (const std::string& text : inputs) {
    for (const SplitterOptions& options : option_sets) {
      const auto want =
          SplitWithKernel(internal::SplitKernel::kScalar, text, options, 0);
      const std::size_t chunk = 1 + rng() % 97;
      for (auto k : internal::SupportedSplitKernels()) {
        ASSERT_EQ(SplitWithKernel(k, text, options, 0), want)
            << internal::SplitKernelName(k);
        ASSERT_EQ(SplitWithKernel(k, text, options, chunk), want)
            << internal::SplitKernelName(k) << " chunk " << chunk;
      }
    }
  }
}

}  // namespace
}  // namespace tickerdedup
