// Tests for the match-key normalization (src/normalize.h).
#include "normalize.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <new>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "facts.h"
#include "normalize_kernels.h"

// Counts operator new calls, to check that warm calls do not allocate.
namespace {
long g_allocations = 0;
}  // namespace
void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n != 0 ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace tickerdedup::internal {
namespace {

// Non-ASCII text is written as u8"" literals; this views them as bytes.
std::string_view U8(std::u8string_view s) {
  return {reinterpret_cast<const char*>(s.data()), s.size()};
}

std::string Key(std::string_view text) {
  std::string key;
  NormalizeKey(text, &key);
  return key;
}

std::string GeneralKey(std::string_view text) {
  std::string key;
  NormalizeKeyGeneral(text, &key);
  return key;
}

// NormalizeKey agrees with the general path on `text`: the same key and
// the same repaired flag.
::testing::AssertionResult SameAsGeneral(std::string_view text) {
  std::string got, want;
  const bool got_repaired = NormalizeKey(text, &got);
  const bool want_repaired = NormalizeKeyGeneral(text, &want);
  if (got != want) {
    return ::testing::AssertionFailure()
           << "key \"" << got << "\" != \"" << want << "\" for: " << text;
  }
  if (got_repaired != want_repaired) {
    return ::testing::AssertionFailure()
           << "repaired flag differs for: " << text;
  }
  return ::testing::AssertionSuccess();
}

TEST(NormalizeTest, EmptyAndBlank) {
  EXPECT_EQ(Key(""), "");
  EXPECT_EQ(Key("   \t\n "), "");
  EXPECT_EQ(Key(U8(u8"\u00A0\u2009\u3000")), "");
}

TEST(NormalizeTest, AsciiLowercaseAndCollapse) {
  EXPECT_EQ(Key("  Trump  IMPOSES\ta  New   Tax  "), "trump imposes a new tax");
  EXPECT_EQ(Key("It`s"), "it's");
}

TEST(NormalizeTest, HtmlEntities) {
  EXPECT_EQ(Key("Tom &amp; Jerry"), "tom & jerry");
  EXPECT_EQ(Key("&lt;b&gt; &quot;x&quot; l&apos;a"), "<b> \"x\" l'a");
  EXPECT_EQ(Key("l&#39;arm&eacute;e"), "l'armee");
  EXPECT_EQ(Key("l&#x27;ONU"), "l'onu");
  EXPECT_EQ(Key("a&nbsp;&nbsp;b"), "a b");
  EXPECT_EQ(Key("&Agrave; la &ccedil;a &ntilde; &uuml;ber"), "a la ca n uber");
  EXPECT_EQ(Key("&laquo;Ramadan&raquo;"), "\"ramadan\"");
  EXPECT_EQ(Key("&ldquo;x&rdquo; &lsquo;y&rsquo;"), "\"x\" 'y'");
  EXPECT_EQ(Key("a&ndash;b&mdash;c"), "a-b-c");
  EXPECT_EQ(Key("wait&hellip;"), "wait...");
  // Windows-1252 numeric references (HTML5) and one level of double escape.
  EXPECT_EQ(Key("l&#146;eau"), "l'eau");
  EXPECT_EQ(Key("l&amp;#39;eau &amp;eacute;"), "l'eau e");
  // Not entities: stay literal.
  EXPECT_EQ(Key("AT&T R&D &bogus; & x &#; &amp"),
            "at&t r&d &bogus; & x &#; &amp");
  // Invalid code points become U+FFFD.
  EXPECT_EQ(Key("a&#xD800;b"), U8(u8"a\uFFFDb"));
}

TEST(NormalizeTest, Nfkc) {
  EXPECT_EQ(Key(U8(u8"\uFB01nance")), "finance");  // ligature
  EXPECT_EQ(Key(U8(u8"\uFF11\uFF12\uFF13 \uFF34\uFF52")),
            "123 tr");  // full width
  EXPECT_EQ(Key(U8(u8"m\u00B2")), "m2");
  // Decomposed input composes to the same key as precomposed input.
  EXPECT_EQ(Key(U8(u8"caf\u0065\u0301")), Key(U8(u8"caf\u00E9")));
}

TEST(NormalizeTest, CaseFoldAndAccents) {
  EXPECT_EQ(Key(U8(u8"\u00C9COLE")), "ecole");
  EXPECT_EQ(Key(U8(u8"Stra\u00DFe")), "strasse");
  EXPECT_EQ(Key(U8(u8"S\u00E1hara")), Key("Sahara"));
  EXPECT_EQ(Key(U8(u8"S\u00E1hara")), "sahara");
  EXPECT_EQ(Key(U8(u8"f\u00E9vrier ao\u00FBt Mekn\u00E8s")),
            "fevrier aout meknes");
  EXPECT_EQ(Key(U8(u8"ma\u00E7\u00E3o \u00F1and\u00FA")), "macao nandu");
  EXPECT_EQ(Key(U8(u8"\u0386\u03B8\u03AE\u03BD\u03B1")),
            U8(u8"\u03B1\u03B8\u03B7\u03BD\u03B1"));
}

// Letters with no decomposition fold to the ASCII that English text writes
// for them, capitals too (case folding runs first): a name spelled either
// way is one key.
TEST(NormalizeTest, LettersWithoutDecompositionFoldToAscii) {
  EXPECT_EQ(Key(U8(u8"Thomas Bj\u00F8rn")), Key("Thomas Bjorn"));
  EXPECT_EQ(Key(U8(u8"\u00D8RESUND")), "oresund");
  EXPECT_EQ(Key(U8(u8"\u0141\u00F3d\u017A Wa\u0142\u0119sa")), "lodz walesa");
  EXPECT_EQ(Key(U8(u8"C\u0152UR \u0153uvre")), "coeur oeuvre");
  EXPECT_EQ(Key(U8(u8"\u00C6ther \u00E6")), "aether ae");
  EXPECT_EQ(Key(U8(u8"\u00DE\u00F3r \u00D0\u00F0")), "thor dd");
  EXPECT_EQ(Key(U8(u8"K\u0131l\u0131\u00E7daro\u011Flu")), "kilicdaroglu");
  EXPECT_EQ(Key(U8(u8"\u0110or\u0111e \u0126\u0127 \u0166\u0167")),
            "dorde hh tt");
  // With an accent on top ("\u01FF": o with stroke and acute).
  EXPECT_EQ(Key(U8(u8"\u01FE\u01FF")), "oo");
}

TEST(NormalizeTest, QuotesAndDashes) {
  EXPECT_EQ(Key(U8(u8"l\u2019arm\u00E9e l\u2018x l\u00B4y l\u02BCz")),
            "l'armee l'x l'y l'z");
  EXPECT_EQ(Key(U8(u8"\u00AB Ramadan 1447\u00BB")), "\" ramadan 1447\"");
  EXPECT_EQ(Key(U8(u8"\u201Cx\u201D \u201Ey\u201C")), "\"x\" \"y\"");
  EXPECT_EQ(Key(U8(u8"a\u2013b\u2014c\u2012d\u2015e\u2212f\u2011g")),
            "a-b-c-d-e-f-g");
}

TEST(NormalizeTest, SpacesControlsAndLineBreaks) {
  EXPECT_EQ(Key(U8(u8"a\u00A0\u00A0\u00A0b\u2009c\u202Fd\u3000e\u2028f")),
            "a b c d e f");
  EXPECT_EQ(Key("a\r\nb\rc\nd\te"), "a b c d e");
  EXPECT_EQ(Key(std::string_view("a\0b\0\0", 5)), "a b");
  EXPECT_EQ(Key(U8(u8"a\u0085b\u0080c")), "a b c");              // C1 controls
  EXPECT_EQ(Key(U8(u8"soft\u00ADhy\u200Bphen")), "softhyphen");  // ignorables
}

TEST(NormalizeTest, InvalidUtf8IsRepaired) {
  std::string key;
  EXPECT_TRUE(NormalizeKey("caf\xC3", &key));
  EXPECT_EQ(key, U8(u8"caf\uFFFD"));
  EXPECT_TRUE(
      NormalizeKey("a\xFF"
                   "b",
                   &key));
  EXPECT_EQ(key, U8(u8"a\uFFFDb"));
  // Non-ASCII but valid: not repaired.
  EXPECT_FALSE(NormalizeKey(U8(u8"S\u00E1hara"), &key));
  EXPECT_FALSE(NormalizeKey("plain ascii", &key));
}

TEST(NormalizeTest, RepairUtf8UsesMaximalSubparts) {
  std::string out;
  EXPECT_FALSE(RepairUtf8(U8(u8"ok \u00E9\u4E2D\U0001F600"), &out));
  EXPECT_EQ(out, U8(u8"ok \u00E9\u4E2D\U0001F600"));
  // NUL bytes are kept by RepairUtf8.
  EXPECT_FALSE(RepairUtf8(std::string_view("a\0b", 3), &out));
  EXPECT_EQ(out, std::string_view("a\0b", 3));
  // Overlong "/": two invalid lead bytes, two replacements.
  EXPECT_TRUE(RepairUtf8("\xC0\xAF", &out));
  EXPECT_EQ(out, U8(u8"\uFFFD\uFFFD"));
  // Surrogate half: ED is valid only with 80..9F, so three replacements.
  EXPECT_TRUE(RepairUtf8("\xED\xA0\x80", &out));
  EXPECT_EQ(out, U8(u8"\uFFFD\uFFFD\uFFFD"));
  // A truncated sequence is one maximal subpart.
  EXPECT_TRUE(RepairUtf8("x\xE2\x82y", &out));
  EXPECT_EQ(out, U8(u8"x\uFFFDy"));
  EXPECT_TRUE(RepairUtf8("\xF4\x90\x80\x80", &out));  // above U+10FFFF
  EXPECT_EQ(out, U8(u8"\uFFFD\uFFFD\uFFFD\uFFFD"));
}

TEST(NormalizeTest, IsValidUtf8AgreesWithRepair) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8(U8(u8"long enough ascii prefix then \u00E9")));
  EXPECT_FALSE(IsValidUtf8("long enough ascii prefix then \xC3"));
  std::mt19937 rng(42);
  std::string text, repaired;
  for (int round = 0; round < 5000; ++round) {
    text.clear();
    const int len = static_cast<int>(rng() % 24);
    for (int k = 0; k < len; ++k) {
      // Mostly bytes from UTF-8's interesting ranges.
      static constexpr unsigned char kBytes[] = {
          'a',  ' ',  0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
          0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
      text.push_back(static_cast<char>(kBytes[rng() % sizeof(kBytes)]));
    }
    const bool changed = RepairUtf8(text, &repaired);
    ASSERT_EQ(IsValidUtf8(text), !changed) << round;
    ASSERT_TRUE(IsValidUtf8(repaired)) << round;
    if (!changed) {
      ASSERT_EQ(repaired, text);
    }
    std::string key;
    NormalizeKey(text, &key);
    ASSERT_TRUE(IsValidUtf8(key)) << round;
  }
}

TEST(NormalizeTest, OtherScriptsPreservedAndDistinct) {
  const std::string arabic = Key(U8(u8"\u0627\u0644\u0645\u063A\u0631\u0628"));
  const std::string arabic2 =
      Key(U8(u8"\u0627\u0644\u062C\u0632\u0627\u0626\u0631"));
  EXPECT_EQ(arabic, U8(u8"\u0627\u0644\u0645\u063A\u0631\u0628"));
  EXPECT_NE(arabic, arabic2);
  // Harakat are optional: vocalized and plain spellings share a key.
  EXPECT_EQ(Key(U8(u8"\u0645\u064F\u062D\u064E\u0645\u0651\u064E\u062F")),
            U8(u8"\u0645\u062D\u0645\u062F"));
  EXPECT_EQ(Key(U8(u8"\u041C\u043E\u0441\u043A\u0432\u0430")),
            U8(u8"\u043C\u043E\u0441\u043A\u0432\u0430"));
  // Cyrillic short i stays a letter; yo folds to ye.
  EXPECT_EQ(Key(U8(u8"\u0419\u043E\u0448\u043A\u0430\u0440")),
            U8(u8"\u0439\u043E\u0448\u043A\u0430\u0440"));
  EXPECT_EQ(Key(U8(u8"\u0401\u043B\u043A\u0430")),
            U8(u8"\u0435\u043B\u043A\u0430"));
  EXPECT_EQ(Key(U8(u8"\u4E2D\u56FD \u65E5\u672C")),
            U8(u8"\u4E2D\u56FD \u65E5\u672C"));
  EXPECT_NE(Key(U8(u8"\u4E2D\u56FD")), Key(U8(u8"\u65E5\u672C")));
  // Hangul syllables are recomposed; Devanagari vowel signs are kept.
  EXPECT_EQ(Key(U8(u8"\uD55C\uAD6D")), U8(u8"\uD55C\uAD6D"));
  EXPECT_EQ(Key(U8(u8"\u0928\u092E\u0938\u094D\u0924\u0947")),
            U8(u8"\u0928\u092E\u0938\u094D\u0924\u0947"));
}

// Decimal digits of every script become ASCII digits: Arabic-Indic,
// Persian, Devanagari, Bengali, Thai, fullwidth, mathematical (several
// sets of ten in one run), so their numbers are numbers to the fact guard.
TEST(NormalizeTest, DecimalDigitsOfEveryScriptAreAscii) {
  EXPECT_EQ(Key(U8(u8"\u0663 \u0665")), "3 5");              // Arabic-Indic
  EXPECT_EQ(Key(U8(u8"\u06F0\u06F9")), "09");                // Persian
  EXPECT_EQ(Key(U8(u8"\u0968\u0966\u0968\u096A")), "2024");  // Devanagari
  EXPECT_EQ(Key(U8(u8"\u09E7\u09EF")), "19");                // Bengali
  EXPECT_EQ(Key(U8(u8"\u0E58")), "8");                       // Thai
  EXPECT_EQ(Key(U8(u8"\uFF12-\uFF11")), "2-1");              // fullwidth
  // MATHEMATICAL BOLD DIGIT SEVEN, and MONOSPACE DIGIT SEVEN four sets on.
  EXPECT_EQ(Key(U8(u8"\U0001D7D5 \U0001D7FD")), "7 7");
  // Every Nd code point of the BMP and beyond maps to one ASCII digit.
  int digits = 0;
  for (char32_t cp = 0x80; cp < 0x20000; ++cp) {
    if (utf8proc_category(static_cast<utf8proc_int32_t>(cp)) !=
        UTF8PROC_CATEGORY_ND) {
      continue;
    }
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t n =
        utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    const std::string key =
        Key(std::string_view(reinterpret_cast<const char*>(buf), n));
    ASSERT_EQ(key.size(), 1u) << std::hex << static_cast<std::uint32_t>(cp);
    EXPECT_TRUE(key[0] >= '0' && key[0] <= '9');
    ++digits;
  }
  EXPECT_GT(digits, 500);
}

// The fast path and the general path must agree on every ASCII string.
TEST(NormalizeTest, AsciiFastPathEqualsSlowPath) {
  std::mt19937 rng(7);
  std::string text;
  for (int round = 0; round < 20000; ++round) {
    text.clear();
    const int len = static_cast<int>(rng() % 40);
    for (int k = 0; k < len; ++k) {
      // Bias toward letters and spaces, but cover all 128 bytes.
      const unsigned r = rng() % 4;
      char c;
      if (r == 0) {
        c = static_cast<char>(rng() % 128);
      } else if (r == 1) {
        c = ' ';
      } else {
        c = static_cast<char>((rng() % 2 ? 'a' : 'A') + rng() % 26);
      }
      text.push_back(c);
    }
    ASSERT_EQ(Key(text), GeneralKey(text)) << "input #" << round;
  }
}

// The fast path's 16-byte block copy against the general path: text that
// is mostly letters and single spaces (so most blocks take the copy), every
// length from 0 to 100 (short tail blocks), with now and then a byte that
// sends a block to the byte loop: a space at a block edge (leading, double,
// block-final followed by a space), a control, DEL, '`', upper case.
TEST(NormalizeTest, AsciiBlockCopyEqualsSlowPath) {
  std::mt19937 rng(11);
  const char kRare[] = {' ', ' ', '\t', '\n', '\x7f', '`', '\x01', 'Z', '.'};
  std::string text;
  for (int round = 0; round < 30000; ++round) {
    text.clear();
    const int len = round % 101;
    for (int k = 0; k < len; ++k) {
      const unsigned r = rng() % 64;
      char c;
      if (r == 0) {
        c = kRare[rng() % sizeof kRare];
      } else if (r < 11) {
        c = ' ';
      } else {
        c = static_cast<char>((rng() % 4 ? 'a' : 'A') + rng() % 26);
      }
      text.push_back(c);
    }
    ASSERT_EQ(Key(text), GeneralKey(text)) << "input #" << round;
  }
}

// NormalizeKey sends only the words holding non-ASCII bytes or '&' to the
// general path; on mixed text it must still equal the general path run on
// the whole string. Fragments cover what could act across a space: marks
// at a word start, compatibility forms that decompose to a space, Unicode
// spaces, entities, ill-formed and truncated UTF-8, Hangul jamo, CJK.
TEST(NormalizeTest, WordwisePathEqualsSlowPathOnMixedText) {
  const std::string_view fragments[] = {" ",
                                        "  ",
                                        "\t",
                                        "a",
                                        "B",
                                        "Zurich",
                                        "caf",
                                        "e",
                                        "&",
                                        "&amp;",
                                        "&#39;",
                                        "&amp;eacute;",
                                        "&nbsp;",
                                        "&eacute",
                                        "AT&T",
                                        "R&D;",
                                        "\xC3\xA9",
                                        "\xC3\x89",
                                        "e\xCC\x81",
                                        "\xCC\x81",
                                        "\xC2\xA0",
                                        "\xC2\xA8",
                                        "\xC2\xB4",
                                        "\xE2\x80\x99",
                                        "\xE2\x80\x94",
                                        "\xE2\x80\x83",
                                        "\xEF\xAC\x81",
                                        "\xE1\x84\x80",
                                        "\xE1\x85\xA1",
                                        "\xE4\xB8\xAD",
                                        "\xD0\x99",
                                        "\xD0\xB5\xCC\x88",
                                        "\xC3",
                                        "\xE2\x80",
                                        "\xFF",
                                        "\xF0\x9F\x98\x80",
                                        "\xC3\x9F",
                                        "\xE2\x84\xAA",
                                        "\x01",
                                        "1",
                                        "42%",
                                        "'",
                                        "`",
                                        "\xD7\xA9\xD6\xB8",
                                        "\xD9\x85\xD9\x8E",
                                        "\xE0\xA4\xA8\xE0\xA5\x8D",
                                        "\xE2\x80\x8B",
                                        "\xC2\xAD"};
  const std::size_t count = sizeof(fragments) / sizeof(fragments[0]);
  std::mt19937 rng(11);
  std::string text;
  for (int round = 0; round < 50000; ++round) {
    text.clear();
    // Every other text is long: several 16-byte blocks of ASCII words
    // between the words the general path takes.
    const int len = static_cast<int>(rng() % (round % 2 == 0 ? 12 : 48));
    for (int k = 0; k < len; ++k) text.append(fragments[rng() % count]);
    ASSERT_TRUE(SameAsGeneral(text)) << "input #" << round;
  }
}

// Every ASCII fast-path kernel against the scalar one and the general path:
// random ASCII (all 128 bytes, space runs, every length 0..200 so every
// block size and tail), and mixed text (the kernels also run the ASCII
// spans between the general path's words).
TEST(NormalizeTest, EveryAsciiKernelEqualsScalarAndSlowPath) {
  const std::vector<AsciiKeyKernel> kernels = SupportedAsciiKeyKernels();
  ASSERT_FALSE(kernels.empty());
  EXPECT_EQ(kernels.front(), AsciiKeyKernel::kScalar);
  const std::string_view mixed[] = {"\xC3\xA9", "\xE2\x80\x99", "&amp;",
                                    "\xC2\xA0", "\xFF",         "\xD0\x99"};
  std::mt19937 rng(23);
  std::string text;
  for (int round = 0; round < 30000; ++round) {
    text.clear();
    const int len = round % 201;
    for (int k = 0; k < len; ++k) {
      const unsigned r = rng() % 32;
      char c;
      if (r == 0) {
        c = static_cast<char>(rng() % 128);
      } else if (r < 7) {
        c = ' ';
      } else {
        c = static_cast<char>((rng() % 3 ? 'a' : 'A') + rng() % 26);
      }
      text.push_back(c);
      if (round % 3 == 0 && rng() % 40 == 0) {
        text.append(mixed[rng() % std::size(mixed)]);
      }
    }
    std::string want, got;
    const bool want_repaired = NormalizeKeyGeneral(text, &want);
    for (AsciiKeyKernel k : kernels) {
      const bool got_repaired = NormalizeKeyWithKernel(k, text, &got);
      ASSERT_EQ(got, want) << AsciiKeyKernelName(k) << " input #" << round
                           << ": " << text;
      ASSERT_EQ(got_repaired, want_repaired) << AsciiKeyKernelName(k);
    }
  }
}

// Headline-like text: words between single spaces, which the whole-span
// paths (AVX2's blocks at their own offsets, AVX-512's single step) take
// without dropping a space. Every length from 0 to 140, with and without a
// leading or trailing space, a double space, or one byte the block copy
// cannot take ('&', '`', a control, DEL, a non-ASCII character) at every
// position, so each block boundary and the overlapping last block meet
// each case.
TEST(NormalizeTest, EveryAsciiKernelEqualsScalarOnSingleSpacedText) {
  const std::vector<AsciiKeyKernel> kernels = SupportedAsciiKeyKernels();
  std::mt19937 rng(31);
  const std::string_view odd[] = {"&",    "`",        "\t", "\x7F",
                                  "\x01", "\xC3\xA9", " "};
  std::string base, text, want, got;
  for (int len = 0; len <= 140; ++len) {
    base.clear();
    while (static_cast<int>(base.size()) < len) {
      const bool space = !base.empty() && base.back() != ' ' && rng() % 6 == 0;
      base.push_back(
          space ? ' '
                : static_cast<char>((rng() % 4 ? 'a' : 'A') + rng() % 26));
    }
    std::vector<std::string> texts = {base, " " + base, base + " "};
    for (int at = 0; at < len; at += 1 + len / 20) {
      for (std::string_view o : odd) {
        texts.push_back(base.substr(0, at) + std::string(o) + base.substr(at));
      }
    }
    for (const std::string& t : texts) {
      NormalizeKeyGeneral(t, &want);
      for (AsciiKeyKernel k : kernels) {
        NormalizeKeyWithKernel(k, t, &got);
        ASSERT_EQ(got, want)
            << AsciiKeyKernelName(k) << " len " << len << ": " << t;
      }
    }
  }
}

TEST(NormalizeTest, KernelNamesAndSelection) {
  for (AsciiKeyKernel k : SupportedAsciiKeyKernels()) {
    EXPECT_TRUE(AsciiKeyKernelSupported(k));
    EXPECT_FALSE(std::string(AsciiKeyKernelName(k)).empty());
  }
  EXPECT_TRUE(AsciiKeyKernelSupported(SelectedAsciiKeyKernel()));
}

// Words of ASCII and single characters of U+0080..U+00FF and
// U+2000..U+203F take a per-character table (normalize.cc, TableWordKey)
// instead of the general path: every such character, alone, doubled,
// between letters, next to a combining mark, an entity or a character the
// table leaves out, must give the general path's key.
TEST(NormalizeTest, TableWordsEqualSlowPath) {
  std::vector<std::string> chars;
  char buf[4];
  for (unsigned cp = 0x80; cp < 0x100; ++cp) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    chars.emplace_back(buf, 2);
  }
  for (unsigned cp = 0x2000; cp < 0x2040; ++cp) {
    buf[0] = static_cast<char>(0xE2);
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    chars.emplace_back(buf, 3);
  }
  const std::string_view neighbours[] = {"",
                                         "a",
                                         "Z",
                                         "1",
                                         "'",
                                         "`",
                                         "&",
                                         "&amp;",
                                         "\xCC\x81",
                                         "\xC3\xA9",
                                         "\xE2\x80\x99",
                                         "\xC2\xBC",
                                         "\xE2\x81\x84",
                                         "\xD0\x99",
                                         "\x01",
                                         "\t",
                                         "\xC2\xA0",
                                         "\xE2\x80\xAF",
                                         "\xC2\xAD",
                                         "\xE2\x80\x8B",
                                         "\xFF"};
  std::mt19937 rng(5);
  int checked = 0;
  for (const std::string& c : chars) {
    for (std::string_view before : neighbours) {
      for (std::string_view after : neighbours) {
        std::string word = std::string(before) + c + std::string(after);
        for (const std::string& text :
             {word, word + c, "Le " + word + " x", "x " + c + c + " " + word,
              word + chars[rng() % chars.size()] + "s"}) {
          ASSERT_TRUE(SameAsGeneral(text));
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 100000);
}

TEST(NormalizeTest, WordwisePathEqualsSlowPathOnSeed) {
  std::ifstream in(std::string(TICKERDEDUP_SOURCE_DIR) +
                   "/fixtures/ticker-page-fr.txt");
  ASSERT_TRUE(in);
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    ASSERT_EQ(Key(line), GeneralKey(line)) << line;
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST(NormalizeTest, AsciiFastPathEqualsSlowPathOnHeadlines) {
  const std::string path = "/work/shared/eval/lists/abc-2003.txt";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "eval list not present: " << path;
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    ASSERT_EQ(Key(line), GeneralKey(line)) << line;
    ++checked;
  }
  EXPECT_GT(checked, 1000);
}

// The per-thread word memo (normalize.cc, WordMemo) in front of the general
// path must give exactly NormalizeKeyGeneral's key and repair flag: on real
// multilingual text, read twice (the second pass is answered mostly from
// the memo), ...
TEST(NormalizeTest, WordMemoEqualsSlowPathOnEvalTexts) {
  const std::string dir = "/work/shared/eval/";
  const std::string files[] = {"pairs/ntrex128-xlang.tsv",
                               "pairs/stsb-headlines-train.tsv",
                               "lists/clickbait-and-news.txt"};
  std::vector<std::string> texts;
  for (const std::string& name : files) {
    std::ifstream in(dir + name);
    std::string line;
    while (std::getline(in, line)) {
      // Every TSV field is checked as a text of its own, and whole lines.
      std::size_t b = 0;
      for (std::size_t e; (e = line.find('\t', b)) != std::string::npos;
           b = e + 1) {
        texts.push_back(line.substr(b, e - b));
      }
      texts.push_back(line.substr(b));
    }
  }
  if (texts.empty()) GTEST_SKIP() << "eval files not present under " << dir;
  int mixed = 0;
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::string& text : texts) {
      ASSERT_TRUE(SameAsGeneral(text)) << "pass " << pass;
      if (pass == 0) {
        mixed += std::any_of(text.begin(), text.end(),
                             [](char c) { return (c & 0x80) != 0; });
      }
    }
  }
  EXPECT_GT(mixed, 1000);
}

// ... on random words from a vocabulary far larger than the memo (so words
// are evicted and come back), drawn with a skew (so others stay cached),
// including words and keys too long to be cached (kMaxWord / kMaxKey),
// words that NFKC lengthens, ill-formed UTF-8 and entities, ...
std::vector<std::string> MemoVocabulary(std::size_t count, unsigned seed) {
  const std::string_view pieces[] = {
      "a",
      "Z",
      "e",
      "\xC3\xA9",
      "\xC3\x89",
      "\xC3\xBC",
      "\xC3\x9F",
      "e\xCC\x81",
      "\xD0\x99",
      "\xD0\xB5",
      "\xE2\x80\x99",
      "\xE2\x80\x94",
      "\xEF\xAC\x81",
      "\xEF\xB7\xBA",  // U+FDFA: NFKC gives 18 code points (33 bytes)
      "\xFF",          // ill-formed: one U+FFFD (3 bytes) per byte
      "\xC3",
      "&amp;",
      "&eacute;",
      "&#39;",
      "1",
      "'",
      "\xE4\xB8\xAD",
      "\xF0\x9F\x98\x80",
      "\xC2\xA0",
      "\xE2\x80\x8B",
      "\xD7\xA9\xD6\xB8"};
  const std::size_t n = sizeof(pieces) / sizeof(pieces[0]);
  std::mt19937 rng(seed);
  std::vector<std::string> words;
  while (words.size() < count) {
    std::string w;
    const int len = 1 + static_cast<int>(rng() % 14);
    for (int k = 0; k < len; ++k) w.append(pieces[rng() % n]);
    if (w.find(' ') != std::string::npos) continue;
    words.push_back(std::move(w));
  }
  return words;
}

std::string MemoText(const std::vector<std::string>& words, std::mt19937& rng) {
  std::string text;
  const int len = 1 + static_cast<int>(rng() % 6);
  for (int k = 0; k < len; ++k) {
    // Half the draws from the first 64 words (hot), half from all.
    const std::size_t bound = (rng() & 1) != 0 ? 64 : words.size();
    if (k > 0) text += (rng() % 4 == 0) ? "  " : " ";
    text += words[rng() % bound];
  }
  return text;
}

TEST(NormalizeTest, WordMemoEqualsSlowPathAcrossEvictions) {
  const std::vector<std::string> words = MemoVocabulary(20000, 5);
  std::mt19937 rng(17);
  for (int round = 0; round < 60000; ++round) {
    const std::string text = MemoText(words, rng);
    ASSERT_TRUE(SameAsGeneral(text)) << "input #" << round;
  }
}

// ... and on several threads at once (each has its own memo).
TEST(NormalizeTest, WordMemoIsThreadSafe) {
  const std::vector<std::string> words = MemoVocabulary(5000, 9);
  std::vector<std::string> texts;
  std::mt19937 rng(23);
  for (int k = 0; k < 20000; ++k) texts.push_back(MemoText(words, rng));
  std::vector<std::string> want(texts.size());
  for (std::size_t k = 0; k < texts.size(); ++k) {
    NormalizeKeyGeneral(texts[k], &want[k]);
  }
  constexpr int kThreads = 4;
  int mismatches[kThreads] = {};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::string key;
      // Each thread walks the texts from another start, twice.
      for (std::size_t k = 0; k < 2 * texts.size(); ++k) {
        const std::size_t at = (k + t * 5003) % texts.size();
        NormalizeKey(texts[at], &key);
        mismatches[t] += key != want[at];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << t;
}

TEST(NormalizeTest, IdempotentOnSeedHeadlines) {
  std::ifstream in(std::string(TICKERDEDUP_SOURCE_DIR) +
                   "/fixtures/ticker-page-fr.txt");
  ASSERT_TRUE(in);
  std::string page((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  // Headlines are separated by runs of U+00A0; split on them.
  const std::string nbsp = "\xC2\xA0";
  std::size_t pos = 0;
  int checked = 0;
  while (pos < page.size()) {
    std::size_t end = page.find(nbsp, pos);
    if (end == std::string::npos) end = page.size();
    const std::string_view headline(page.data() + pos, end - pos);
    if (!headline.empty()) {
      const std::string once = Key(headline);
      ASSERT_EQ(Key(once), once) << headline;
      ++checked;
    }
    pos = end + nbsp.size();
  }
  EXPECT_GT(checked, 20);
}

TEST(NormalizeTest, ReusesKeyCapacity) {
  std::string key;
  key.reserve(256);
  const char* data = key.data();
  NormalizeKey(U8(u8"Le temps qu\u2019il fera ce samedi 21 f\u00E9vrier 2026"),
               &key);
  EXPECT_EQ(key, "le temps qu'il fera ce samedi 21 fevrier 2026");
  EXPECT_EQ(key.data(), data);
  NormalizeKey("Plain ASCII headline", &key);
  EXPECT_EQ(key.data(), data);
}

TEST(NormalizeTest, WarmCallsDoNotAllocate) {
  const std::string_view texts[] = {
      U8(u8"Le temps qu\u2019il fera ce samedi 21 f\u00E9vrier 2026 &amp; "
         u8"4,43 milliards"),
      "Plain ASCII headline: 10% and 2-1",
      U8(u8"\u041C\u043E\u0441\u043A\u0432\u0430 \u4E2D\u56FD \uFB01")};
  std::string key;
  Facts facts;
  for (std::string_view t : texts) {  // warm-up sizes the buffers
    NormalizeKey(t, &key);
    ExtractFacts(key, &facts);
  }
  const long before = g_allocations;
  for (int round = 0; round < 100; ++round) {
    for (std::string_view t : texts) {
      NormalizeKey(t, &key);
      ExtractFacts(key, &facts);
    }
  }
  EXPECT_EQ(g_allocations - before, 0);
}

TEST(NewsLabelTest, OpeningLabels) {
  const std::string_view text = "UPDATE 2-Zenit rocket explodes";
  EXPECT_EQ(text.substr(NewsLabelBytes(text)), "Zenit rocket explodes");
  struct Case {
    std::string_view text;
    std::string_view rest;  // empty: no label
  };
  const Case kCases[] = {
      {"BREAKING: Storm hits coast", "Storm hits coast"},
      {"Breaking news: Storm hits coast", "Storm hits coast"},
      {"VIDEO. Storm hits coast", "Storm hits coast"},
      {"Watch: Storm hits coast", "Storm hits coast"},
      {"REFILE-Storm hits coast", "Storm hits coast"},
      {"EXCLUSIVE | Storm hits coast", "Storm hits coast"},
      {"LIVE \xe2\x80\x93 Storm hits coast", "Storm hits coast"},
      // Stacked labels, as wire services write them.
      {"EXCLUSIVE-UPDATE 2-Storm hits coast", "Storm hits coast"},
      {"Exclusive-UPDATE 2-Storm hits coast", "Storm hits coast"},
      {"RPT-UPDATE 1-Storm hits coast", "Storm hits coast"},
      {"Regarder : Une temp\xc3\xaate frappe la c\xc3\xb4te",
       "Une temp\xc3\xaate frappe la c\xc3\xb4te"},
      // Accented spellings.
      {"\xc3\x9aLTIMA HORA: Aprobada la reforma", "Aprobada la reforma"},
      {"VID\xc3\x89O. Une temp\xc3\xaate frappe la c\xc3\xb4te",
       "Une temp\xc3\xaate frappe la c\xc3\xb4te"},
      {"V\xc3\x8d"
       "DEO: Governo aprova a reforma",
       "Governo aprova a reforma"},
      {"ULTIM'ORA: Il governo approva la riforma",
       "Il governo approva la riforma"},
      {"ULTIM\xe2\x80\x99ORA - Il governo approva la riforma",
       "Il governo approva la riforma"},
      // After the symbols that feeds for social media put first.
      {"\xf0\x9f\x94\xb4 BREAKING: Storm hits coast", "Storm hits coast"},
      {"\xe2\x9a\xa1\xef\xb8\x8f LIVE: Storm hits coast", "Storm hits coast"},
      // Not labels: no separator, lower case before a hyphen or a
      // period, a word off the list, nothing after the label.
      {"Live Aid raises millions", ""},
      {"Watch-maker Swatch cuts prices", ""},
      {"Update-ready phones ship", ""},
      {"Live. Love. Laugh.", ""},
      {"NASA: rover finds water", ""},
      {"L'ULTIMA: rover finds water", ""},
      {"\xc3\x89t\xc3\xa9: la canicule s'installe", ""},
      {"\xc3\x9altima: la canicule s'installe", ""},
      {"\xf0\x9f\x94\xb4 Storm hits coast", ""},
      {"\xc3\x89tat: Storm hits coast", ""},
      {"BREAKING:", ""},
      {"VIDEO. 2", ""},
      {"BREAKING: !!!", ""},
      {"BREAKING:   ", ""},
      {"", ""}};
  for (const Case& c : kCases) {
    const std::size_t n = NewsLabelBytes(c.text);
    if (c.rest.empty()) {
      EXPECT_EQ(n, 0u) << c.text;
    } else {
      EXPECT_EQ(c.text.substr(n), c.rest) << c.text;
    }
  }
}

TEST(SourceTagTest, TrailingOutlets) {
  // Each headline, then its outlet's tag.
  const std::pair<std::string_view, std::string_view> kTagged[] = {
      {"Storm hits the coast", " - BBC News"},
      {"Storm hits the coast", " | Reuters"},
      {"Storm hits the coast", " (AFP)"},
      {"Storm hits the coast", " (dpa)  "},
      {"Storm hits the coast", " (+video)"},
      {"Storm hits the coast", " (nytimes.com)"},
      {"Une temp\xc3\xaate frappe la c\xc3\xb4te", " - France 24"},
      {"Una tormenta azota la costa", " | EL PA\xc3\x8dS"},
      {"Una tormenta azota la costa", " - 20minutos.es"},
      {"Un temporale colpisce la costa", " - Corriere della Sera"},
      {"Sturm trifft die K\xc3\xbcste", " \xe2\x80\x93 tagesschau.de"},
      {"Sturm trifft die K\xc3\xbcste", " -- n-tv"},
      {"Temporal atinge a costa", " - Folha de S.Paulo"},
      {"Storm - not our coast", " - Channel 4 News"}};
  for (const auto& [head, tag] : kTagged) {
    const std::string text = std::string(head) + std::string(tag);
    EXPECT_EQ(SourceTagStart(text), head.size()) << text;
  }
  // Not tags: a score, words in lower case, a date, a place or a number in
  // a parenthesis, a headline in capitals or of two words, more than four
  // words, nothing but a number, nothing before the separator.
  const std::string_view kUntagged[] = {
      "Livingston 1 - 0 Rangers",
      "Elite League: Dundee Stars \xe2\x80\x94 Belfast Giants 5:3",
      "Storm hits the coast - roads closed",
      "China stock index futures close higher -- Dec. 4",
      "Stocks chineses caem depois do corte - 14 de Maio",
      "Sept soldats de la paix tu\xc3\xa9s au Darfour (Soudan)",
      "Inflation rises to 3% (from 2.5%)",
      "U.S. CREDIT MARKET OUTLOOK - MINI-REFUNDING",
      "April 28: ECONOMIC SPOTLIGHT - BRAZIL DEBT DEADLINES",
      "Study History - CNN",
      "Storm hits the coast - Our Reporters On The Scene Tonight",
      "Storm hits the coast - 2026",
      "- BBC News",
      ""};
  for (std::string_view text : kUntagged) {
    EXPECT_EQ(SourceTagStart(text), text.size()) << text;
  }
}

}  // namespace
}  // namespace tickerdedup::internal
