// Match-key normalization: UTF-8 repair, HTML entity decoding, NFKC + case
// folding + accent stripping (utf8proc), punctuation and space unification.
//
// PERF NOTES
//   Data flow (slow path): text -> [RepairAndDecode: one byte pass, repaired
//   UTF-8 with entities decoded, into a thread_local string] ->
//   [utf8proc_decompose_custom: NFKD + casefold + ignorable removal, with
//   MapBeforeDecompose unifying quotes/dashes/spaces/controls and folding
//   other scripts' decimal digits to ASCII first] ->
//   [StripMarks: drops combining marks after Latin/Greek bases and Arabic /
//   Hebrew vowel points, in place] -> [utf8proc_normalize_utf32 COMPOSE:
//   recomposes what is left, e.g. Cyrillic "й", Hangul syllables] ->
//   [EncodeCollapsed: UTF-8 into *key, whitespace collapsed and trimmed].
//   All buffers are thread_local or the caller's *key, so a warm call does no
//   allocation. utf8proc_map is not used because it mallocs per call.
//   Pure-ASCII text without '&' (most English feeds) skips all of that: 16,
//   32 or 64 bytes a step (SSE2, AVX2 or AVX-512, picked at run time; see
//   normalize_kernels.h). In mixed text only the words holding a byte >= 0x80
//   or '&' take the slow path, and most of those are answered by a table of
//   single characters' keys (TableWordKey: accented Latin letters,
//   typographic quotes and spaces) or by WordMemo, a per-thread cache of
//   recent words' keys (see there). The fast paths must equal the slow
//   path; tests/normalize_test.cc compares them on generated strings and
//   eval headlines.

#include "normalize.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#define TICKERDEDUP_NORMALIZE_X86 1
#elif defined(__SSE2__)
#include <emmintrin.h>  // FindGeneralByte
#endif

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "closed_class.h"
#include "mapped_memory.h"
#include "normalize_kernels.h"

namespace tickerdedup::internal {
namespace {

// Slowest to fastest.
constexpr AsciiKeyKernel kAsciiKeyKernels[] = {
    AsciiKeyKernel::kScalar, AsciiKeyKernel::kSse2, AsciiKeyKernel::kAvx2,
    AsciiKeyKernel::kAvx512};

constexpr char32_t kReplacement = 0xFFFD;

// ------------------------------------------------------------ UTF-8 helpers

// Appends the UTF-8 encoding of `c` (a valid scalar value) at `out`; returns
// the new end.
inline char* EncodeUtf8(char32_t c, char* out) {
  if (c < 0x80) {
    *out++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *out++ = static_cast<char>(0xC0 | (c >> 6));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (c >> 12));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (c >> 18));
    *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

inline void AppendUtf8(char32_t c, std::string* out) {
  char buf[4];
  char* end = EncodeUtf8(c, buf);
  out->append(buf, static_cast<std::size_t>(end - buf));
}

// Length of the well-formed UTF-8 sequence starting at s[0] (Unicode 15,
// Table 3-7), or 0 when it is ill-formed; then *bad is set to the length of
// the maximal ill-formed subpart, which becomes one U+FFFD (the practice the
// Unicode Standard recommends in section 3.9 and that WHATWG follows).
inline std::size_t Utf8SequenceLength(const unsigned char* s, std::size_t n,
                                      std::size_t* bad) {
  const unsigned char b0 = s[0];
  if (b0 < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds for the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    *bad = 1;
    return 0;
  }
  for (std::size_t k = 1; k < len; ++k) {
    if (k >= n) {
      *bad = k;
      return 0;
    }
    const unsigned char lo_k = (k == 1) ? lo : 0x80;
    const unsigned char hi_k = (k == 1) ? hi : 0xBF;
    if (s[k] < lo_k || s[k] > hi_k) {
      *bad = k;
      return 0;
    }
  }
  return len;
}

// ------------------------------------------------------------ HTML entities

struct NamedEntity {
  std::string_view name;
  char32_t code;
};

// The 252 HTML 4.01 named character references (W3C HTML 4.01 section 24:
// Latin-1, symbols and Greek, special characters) plus XML's &apos;, sorted
// by name (byte order) for binary search. Generated once from Python's
// html.entities.name2codepoint, which transcribes that list. HTML5's 2,000+
// names add little for headlines.
constexpr NamedEntity kNamedEntities[] = {
    {"AElig", 0xC6},    {"Aacute", 0xC1},    {"Acirc", 0xC2},
    {"Agrave", 0xC0},   {"Alpha", 0x391},    {"Aring", 0xC5},
    {"Atilde", 0xC3},   {"Auml", 0xC4},      {"Beta", 0x392},
    {"Ccedil", 0xC7},   {"Chi", 0x3A7},      {"Dagger", 0x2021},
    {"Delta", 0x394},   {"ETH", 0xD0},       {"Eacute", 0xC9},
    {"Ecirc", 0xCA},    {"Egrave", 0xC8},    {"Epsilon", 0x395},
    {"Eta", 0x397},     {"Euml", 0xCB},      {"Gamma", 0x393},
    {"Iacute", 0xCD},   {"Icirc", 0xCE},     {"Igrave", 0xCC},
    {"Iota", 0x399},    {"Iuml", 0xCF},      {"Kappa", 0x39A},
    {"Lambda", 0x39B},  {"Mu", 0x39C},       {"Ntilde", 0xD1},
    {"Nu", 0x39D},      {"OElig", 0x152},    {"Oacute", 0xD3},
    {"Ocirc", 0xD4},    {"Ograve", 0xD2},    {"Omega", 0x3A9},
    {"Omicron", 0x39F}, {"Oslash", 0xD8},    {"Otilde", 0xD5},
    {"Ouml", 0xD6},     {"Phi", 0x3A6},      {"Pi", 0x3A0},
    {"Prime", 0x2033},  {"Psi", 0x3A8},      {"Rho", 0x3A1},
    {"Scaron", 0x160},  {"Sigma", 0x3A3},    {"THORN", 0xDE},
    {"Tau", 0x3A4},     {"Theta", 0x398},    {"Uacute", 0xDA},
    {"Ucirc", 0xDB},    {"Ugrave", 0xD9},    {"Upsilon", 0x3A5},
    {"Uuml", 0xDC},     {"Xi", 0x39E},       {"Yacute", 0xDD},
    {"Yuml", 0x178},    {"Zeta", 0x396},     {"aacute", 0xE1},
    {"acirc", 0xE2},    {"acute", 0xB4},     {"aelig", 0xE6},
    {"agrave", 0xE0},   {"alefsym", 0x2135}, {"alpha", 0x3B1},
    {"amp", 0x26},      {"and", 0x2227},     {"ang", 0x2220},
    {"apos", 0x27},     {"aring", 0xE5},     {"asymp", 0x2248},
    {"atilde", 0xE3},   {"auml", 0xE4},      {"bdquo", 0x201E},
    {"beta", 0x3B2},    {"brvbar", 0xA6},    {"bull", 0x2022},
    {"cap", 0x2229},    {"ccedil", 0xE7},    {"cedil", 0xB8},
    {"cent", 0xA2},     {"chi", 0x3C7},      {"circ", 0x2C6},
    {"clubs", 0x2663},  {"cong", 0x2245},    {"copy", 0xA9},
    {"crarr", 0x21B5},  {"cup", 0x222A},     {"curren", 0xA4},
    {"dArr", 0x21D3},   {"dagger", 0x2020},  {"darr", 0x2193},
    {"deg", 0xB0},      {"delta", 0x3B4},    {"diams", 0x2666},
    {"divide", 0xF7},   {"eacute", 0xE9},    {"ecirc", 0xEA},
    {"egrave", 0xE8},   {"empty", 0x2205},   {"emsp", 0x2003},
    {"ensp", 0x2002},   {"epsilon", 0x3B5},  {"equiv", 0x2261},
    {"eta", 0x3B7},     {"eth", 0xF0},       {"euml", 0xEB},
    {"euro", 0x20AC},   {"exist", 0x2203},   {"fnof", 0x192},
    {"forall", 0x2200}, {"frac12", 0xBD},    {"frac14", 0xBC},
    {"frac34", 0xBE},   {"frasl", 0x2044},   {"gamma", 0x3B3},
    {"ge", 0x2265},     {"gt", 0x3E},        {"hArr", 0x21D4},
    {"harr", 0x2194},   {"hearts", 0x2665},  {"hellip", 0x2026},
    {"iacute", 0xED},   {"icirc", 0xEE},     {"iexcl", 0xA1},
    {"igrave", 0xEC},   {"image", 0x2111},   {"infin", 0x221E},
    {"int", 0x222B},    {"iota", 0x3B9},     {"iquest", 0xBF},
    {"isin", 0x2208},   {"iuml", 0xEF},      {"kappa", 0x3BA},
    {"lArr", 0x21D0},   {"lambda", 0x3BB},   {"lang", 0x2329},
    {"laquo", 0xAB},    {"larr", 0x2190},    {"lceil", 0x2308},
    {"ldquo", 0x201C},  {"le", 0x2264},      {"lfloor", 0x230A},
    {"lowast", 0x2217}, {"loz", 0x25CA},     {"lrm", 0x200E},
    {"lsaquo", 0x2039}, {"lsquo", 0x2018},   {"lt", 0x3C},
    {"macr", 0xAF},     {"mdash", 0x2014},   {"micro", 0xB5},
    {"middot", 0xB7},   {"minus", 0x2212},   {"mu", 0x3BC},
    {"nabla", 0x2207},  {"nbsp", 0xA0},      {"ndash", 0x2013},
    {"ne", 0x2260},     {"ni", 0x220B},      {"not", 0xAC},
    {"notin", 0x2209},  {"nsub", 0x2284},    {"ntilde", 0xF1},
    {"nu", 0x3BD},      {"oacute", 0xF3},    {"ocirc", 0xF4},
    {"oelig", 0x153},   {"ograve", 0xF2},    {"oline", 0x203E},
    {"omega", 0x3C9},   {"omicron", 0x3BF},  {"oplus", 0x2295},
    {"or", 0x2228},     {"ordf", 0xAA},      {"ordm", 0xBA},
    {"oslash", 0xF8},   {"otilde", 0xF5},    {"otimes", 0x2297},
    {"ouml", 0xF6},     {"para", 0xB6},      {"part", 0x2202},
    {"permil", 0x2030}, {"perp", 0x22A5},    {"phi", 0x3C6},
    {"pi", 0x3C0},      {"piv", 0x3D6},      {"plusmn", 0xB1},
    {"pound", 0xA3},    {"prime", 0x2032},   {"prod", 0x220F},
    {"prop", 0x221D},   {"psi", 0x3C8},      {"quot", 0x22},
    {"rArr", 0x21D2},   {"radic", 0x221A},   {"rang", 0x232A},
    {"raquo", 0xBB},    {"rarr", 0x2192},    {"rceil", 0x2309},
    {"rdquo", 0x201D},  {"real", 0x211C},    {"reg", 0xAE},
    {"rfloor", 0x230B}, {"rho", 0x3C1},      {"rlm", 0x200F},
    {"rsaquo", 0x203A}, {"rsquo", 0x2019},   {"sbquo", 0x201A},
    {"scaron", 0x161},  {"sdot", 0x22C5},    {"sect", 0xA7},
    {"shy", 0xAD},      {"sigma", 0x3C3},    {"sigmaf", 0x3C2},
    {"sim", 0x223C},    {"spades", 0x2660},  {"sub", 0x2282},
    {"sube", 0x2286},   {"sum", 0x2211},     {"sup", 0x2283},
    {"sup1", 0xB9},     {"sup2", 0xB2},      {"sup3", 0xB3},
    {"supe", 0x2287},   {"szlig", 0xDF},     {"tau", 0x3C4},
    {"there4", 0x2234}, {"theta", 0x3B8},    {"thetasym", 0x3D1},
    {"thinsp", 0x2009}, {"thorn", 0xFE},     {"tilde", 0x2DC},
    {"times", 0xD7},    {"trade", 0x2122},   {"uArr", 0x21D1},
    {"uacute", 0xFA},   {"uarr", 0x2191},    {"ucirc", 0xFB},
    {"ugrave", 0xF9},   {"uml", 0xA8},       {"upsih", 0x3D2},
    {"upsilon", 0x3C5}, {"uuml", 0xFC},      {"weierp", 0x2118},
    {"xi", 0x3BE},      {"yacute", 0xFD},    {"yen", 0xA5},
    {"yuml", 0xFF},     {"zeta", 0x3B6},     {"zwj", 0x200D},
    {"zwnj", 0x200C},

};

// Windows-1252 meanings of &#128; .. &#159;, which HTML5 (section 13.2.5.80)
// requires instead of the C1 controls; old feeds write &#146; for an
// apostrophe. 0 = keep the code point.
constexpr char16_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// Parses an entity body at s (just after '&'): "amp;", "#39;", "#x27;".
// Returns the bytes consumed (0 when it is not an entity) and sets *code.
// The terminating ';' is required so that "AT&T" or "R&D" stay literal.
std::size_t ParseEntityBody(const char* s, std::size_t n, char32_t* code) {
  if (n == 0) return 0;
  if (s[0] == '#') {
    std::size_t i = 1;
    const bool hex = i < n && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_begin = i;
    std::uint32_t value = 0;
    while (i < n && i - digits_begin < 8) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      unsigned digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        digit = (c | 0x20) - 'a' + 10;
      } else {
        break;
      }
      value = value * (hex ? 16 : 10) + digit;
      ++i;
    }
    if (i == digits_begin || i >= n || s[i] != ';') return 0;
    if (value >= 0x80 && value < 0xA0 && kWindows1252[value - 0x80] != 0) {
      value = kWindows1252[value - 0x80];
    }
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value < 0xE000)) {
      value = kReplacement;
    }
    *code = value;
    return i + 1;
  }
  std::size_t i = 0;
  while (i < n && i < 10 && IsAsciiAlnum(static_cast<unsigned char>(s[i]))) {
    ++i;
  }
  if (i == 0 || i >= n || s[i] != ';') return 0;
  const std::string_view name(s, i);
  const auto* end = std::end(kNamedEntities);
  const auto* it = std::lower_bound(
      std::begin(kNamedEntities), end, name,
      [](const NamedEntity& e, std::string_view v) { return e.name < v; });
  if (it == end || it->name != name) return 0;
  *code = it->code;
  return i + 1;
}

// Copies `text` to *out (cleared first) with ill-formed UTF-8 replaced by
// U+FFFD and, when `decode_entities`, HTML character references decoded. One
// level of double escaping ("&amp;#39;", "&amp;eacute;") is undone too: RSS
// feeds often escape already-escaped titles. Returns true when any byte was
// replaced.
bool RepairAndDecode(std::string_view text, bool decode_entities,
                     std::string* out) {
  out->clear();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  bool repaired = false;
  std::size_t run_begin = 0;  // start of bytes to copy verbatim
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      if (c != '&' || !decode_entities) {
        ++i;
        continue;
      }
      char32_t code;
      std::size_t used = ParseEntityBody(text.data() + i + 1, n - i - 1, &code);
      if (used == 0) {
        ++i;
        continue;
      }
      if (code == '&' && used == 4) {  // "&amp;": maybe a double escape
        char32_t inner;
        const std::size_t inner_used =
            ParseEntityBody(text.data() + i + 5, n - i - 5, &inner);
        if (inner_used != 0) {
          code = inner;
          used += inner_used;
        }
      }
      out->append(text.data() + run_begin, i - run_begin);
      AppendUtf8(code, out);
      i += 1 + used;
      run_begin = i;
      continue;
    }
    std::size_t bad = 0;
    const std::size_t len = Utf8SequenceLength(s + i, n - i, &bad);
    if (len != 0) {
      i += len;
      continue;
    }
    out->append(text.data() + run_begin, i - run_begin);
    AppendUtf8(kReplacement, out);
    repaired = true;
    i += bad;
    run_begin = i;
  }
  out->append(text.data() + run_begin, n - run_begin);
  return repaired;
}

// ------------------------------------------------------------ code points

// Quotes, apostrophes and dashes to ASCII. Applied before decomposition
// (U+00B4 ACUTE ACCENT would otherwise decompose to space + combining mark
// and vanish) and again after it (compatibility forms such as U+FE58 SMALL
// EM DASH decompose to U+2014).
inline char32_t MapPunctuation(char32_t c) {
  switch (c) {
    case 0x2018:  // LEFT SINGLE QUOTATION MARK
    case 0x2019:  // RIGHT SINGLE QUOTATION MARK
    case 0x201A:  // SINGLE LOW-9 QUOTATION MARK
    case 0x201B:  // SINGLE HIGH-REVERSED-9 QUOTATION MARK
    case 0x00B4:  // ACUTE ACCENT, used as an apostrophe
    case 0x02B9:  // MODIFIER LETTER PRIME
    case 0x02BC:  // MODIFIER LETTER APOSTROPHE
    case 0x2032:  // PRIME
    case 0x2039:  // SINGLE LEFT-POINTING ANGLE QUOTATION MARK
    case 0x203A:  // SINGLE RIGHT-POINTING ANGLE QUOTATION MARK
    case '`':
      return '\'';
    case 0x00AB:  // LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
    case 0x00BB:  // RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
    case 0x201C:  // LEFT DOUBLE QUOTATION MARK
    case 0x201D:  // RIGHT DOUBLE QUOTATION MARK
    case 0x201E:  // DOUBLE LOW-9 QUOTATION MARK
    case 0x201F:  // DOUBLE HIGH-REVERSED-9 QUOTATION MARK
    case 0x2033:  // DOUBLE PRIME
    case 0x301D:  // REVERSED DOUBLE PRIME QUOTATION MARK
    case 0x301E:  // DOUBLE PRIME QUOTATION MARK
      return '"';
    case 0x2010:  // HYPHEN
    case 0x2011:  // NON-BREAKING HYPHEN
    case 0x2012:  // FIGURE DASH
    case 0x2013:  // EN DASH
    case 0x2014:  // EM DASH
    case 0x2015:  // HORIZONTAL BAR
    case 0x2043:  // HYPHEN BULLET
    case 0x2212:  // MINUS SIGN
      return '-';
    default:
      return c;
  }
}

// Latin letters without a canonical decomposition, which accent stripping
// therefore leaves alone, folded to the ASCII letters that English text
// writes for them ("Bjørn" = "Bjorn", "Łódź" = "Lodz", "cœur" = "coeur",
// "Kılıç" = "Kilic"): the lower-case letters of European alphabets in the
// usual Latin-to-ASCII folding (ICU's Latin-ASCII transliterator, Lucene's
// ASCIIFoldingFilter). Case folding runs first, so the capitals arrive in
// lower case. tools/build_lexicon.py folds its headwords the same way
// (FOLDED_LETTERS); an empty result keeps the code point.
struct FoldedLetterEntry {
  char32_t code;
  std::string_view ascii;
};
constexpr FoldedLetterEntry kFoldedLetters[] = {
    {0x00E6, "ae"},  // LATIN SMALL LETTER AE
    {0x00F0, "d"},   // LATIN SMALL LETTER ETH
    {0x00F8, "o"},   // LATIN SMALL LETTER O WITH STROKE
    {0x00FE, "th"},  // LATIN SMALL LETTER THORN
    {0x0111, "d"},   // LATIN SMALL LETTER D WITH STROKE
    {0x0127, "h"},   // LATIN SMALL LETTER H WITH STROKE
    {0x0131, "i"},   // LATIN SMALL LETTER DOTLESS I
    {0x0142, "l"},   // LATIN SMALL LETTER L WITH STROKE
    {0x0153, "oe"},  // LATIN SMALL LIGATURE OE
    {0x0167, "t"},   // LATIN SMALL LETTER T WITH STROKE
};
inline std::string_view FoldedLetter(char32_t c) {
  if (c < 0x00E6 || c > 0x0167) return {};
  for (const FoldedLetterEntry& e : kFoldedLetters) {
    if (e.code == c) return e.ascii;
  }
  return {};
}

// The ASCII digit of `cp`, a decimal digit (category Nd) of any script:
// Arabic-Indic "٣", Persian "۳", Devanagari "३", Bengali, Thai ... are 3.
// Unicode encodes every script's decimal digits as ten consecutive code
// points from 0 to 9, and keeps it so (a stability policy), so the digit
// is the distance from its run's start, modulo 10 (some runs hold several
// sets of ten: the mathematical digits). As search engines fold them
// (Lucene's DecimalDigitFilter), so that a headline written with them has
// the same key and numbers as one written with ASCII digits.
utf8proc_int32_t AsciiDigit(utf8proc_int32_t cp) {
  utf8proc_int32_t start = cp;
  while (cp - start < 100 &&
         utf8proc_category(start - 1) == UTF8PROC_CATEGORY_ND) {
    --start;
  }
  return '0' + (cp - start) % 10;
}

// utf8proc custom mapping, run on each code point before decomposition:
// punctuation as above; controls (NUL, CR, LF, TAB, C1) and every Unicode
// space or line/paragraph separator become U+0020; decimal digits of other
// scripts become ASCII digits (AsciiDigit).
utf8proc_int32_t MapBeforeDecompose(utf8proc_int32_t cp, void* /*data*/) {
  const auto c = static_cast<char32_t>(cp);
  if (c < 0x80) {
    if (c < 0x20 || c == 0x7F) return ' ';
    return c == '`' ? '\'' : cp;
  }
  const char32_t mapped = MapPunctuation(c);
  if (mapped != c) return static_cast<utf8proc_int32_t>(mapped);
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
      return ' ';
    case UTF8PROC_CATEGORY_ND:
      return AsciiDigit(cp);
    default:
      return cp;
  }
}

inline bool IsMark(utf8proc_int32_t c) {
  if (c < 0x0300) return false;
  const utf8proc_category_t cat = utf8proc_category(c);
  return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
         cat == UTF8PROC_CATEGORY_ME;
}

// Which combining marks are "accents" to strip. utf8proc's STRIPMARK drops
// every mark of every script, which would erase Devanagari or Thai vowel
// signs and merge distinct words; so strip only where marks are optional
// diacritics: after Latin, Greek and symbol bases (é -> e, ά -> α), Hebrew
// points and Arabic harakat (vocalized and plain spellings of one word), and
// for Cyrillic only stress marks and the diaeresis of ё (ё -> е, the usual
// Russian search folding; й and ї stay letters).
inline bool IsStrippedMark(char32_t base, char32_t mark) {
  if (mark >= 0x0591 && mark <= 0x05C7) return true;  // Hebrew points
  if ((mark >= 0x0610 && mark <= 0x061A) ||
      (mark >= 0x064B && mark <= 0x065F) || mark == 0x0670 ||
      (mark >= 0x06D6 && mark <= 0x06ED)) {
    return true;  // Arabic harakat and Quranic annotation signs
  }
  if (base < 0x0400) return true;  // none yet, Latin, IPA, Greek
  if (base <= 0x052F) {            // Cyrillic
    return mark == 0x0300 || mark == 0x0301 ||
           (mark == 0x0308 && (base == 0x0435 || base == 0x0415));
  }
  return (base >= 0x1E00 && base < 0x2C00) ||  // Latin/Greek ext., symbols
         (base >= 0x2C60 && base < 0x2C80) ||  // Latin Extended-C
         (base >= 0xA720 && base < 0xA800) ||  // Latin Extended-D
         (base >= 0xAB30 && base < 0xAB70);    // Latin Extended-E
}

// ------------------------------------------------------------ word memo

// The general path's key of recently seen words, per thread. PERF NOTES: on
// the generated feeds ~7% of headlines hold a non-ASCII word, and each such
// word cost ~2,400 instructions in NormalizeKeyGeneral (repair, utf8proc
// NFKD + casefold, mark stripping, NFKC, re-encoding): 21% of all
// instructions of an exact-mode run (callgrind, first 100k lines of
// feed-200k). The same few words recur all the time ("à", "für", "«",
// month names): the 1M feed has 162k such word occurrences but only 5,594
// distinct ones, 98% of them at most 16 bytes. So a small cache in front
// of the general path answers most of them with one hash and one compare.
// The cached key is a copy of what NormalizeKeyGeneral returned for the
// same bytes, so keys are identical by construction (tests compare the
// memoized path with NormalizeKeyGeneral on eval headlines and random text,
// also across evictions and threads).
//
// Bounded: 2,048 sets of 2 entries of 64 bytes (256 KiB per thread that
// normalizes mixed text, allocated on first use); a word longer than
// kMaxWord bytes or with a key longer than kMaxKey bytes is not cached.
// The entries are zero pages until written (mapped_memory.h).
// Misses on the 1M feed's 162k non-ASCII words (LRU simulation): 22.6%
// with 512 sets, 10.6% with 1,024, 6.0% with 2,048, 4.1% with 4,096.
class WordMemo {
 public:
  static constexpr std::size_t kMaxWord = 29;
  static constexpr std::size_t kMaxKey = 32;

  struct Entry {
    std::uint8_t word_len;  // 0: empty (a word is never empty)
    std::uint8_t key_len;
    bool repaired;
    char word[kMaxWord];
    char key[kMaxKey];

    std::string_view Key() const { return {key, key_len}; }
  };
  static_assert(sizeof(Entry) == 64, "one cache line per entry");

  // The entry holding `word` (word.size() <= kMaxWord), or null. A hit in
  // the second way moves to the first, so the second way holds the older
  // of the two: replacement is LRU within a set.
  const Entry* Find(std::string_view word, std::size_t set) {
    Entry* ways = &entries_[2 * set];
    if (Holds(ways[0], word)) return &ways[0];
    if (Holds(ways[1], word)) {
      std::swap(ways[0], ways[1]);
      return &ways[0];
    }
    return nullptr;
  }

  // Caches `key` (size <= kMaxKey) as the key of `word` in `set`,
  // evicting the older entry of the set.
  void Insert(std::string_view word, std::size_t set, std::string_view key,
              bool repaired) {
    Entry* ways = &entries_[2 * set];
    ways[1] = ways[0];
    Entry& e = ways[0];
    e.word_len = static_cast<std::uint8_t>(word.size());
    e.key_len = static_cast<std::uint8_t>(key.size());
    e.repaired = repaired;
    std::memcpy(e.word, word.data(), word.size());
    std::memcpy(e.key, key.data(), key.size());
  }

  // Set of a word of 1..kMaxWord bytes: its first, middle and last bytes
  // (overlapping 8-byte loads, never past the word) mixed by multiplies.
  static std::size_t SetOf(std::string_view word) {
    const char* p = word.data();
    const std::size_t n = word.size();
    std::uint64_t a, b, c = 0;
    if (n >= 8) {
      std::memcpy(&a, p, 8);
      std::memcpy(&b, p + n - 8, 8);
      if (n > 16) std::memcpy(&c, p + n / 2 - 4, 8);
    } else if (n >= 4) {
      std::uint32_t x, y;
      std::memcpy(&x, p, 4);
      std::memcpy(&y, p + n - 4, 4);
      a = x;
      b = y;
    } else {
      a = static_cast<unsigned char>(p[0]) |
          (std::uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8) |
          (std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
      b = 0;
    }
    // Multipliers from XXH64 (odd 64-bit primes).
    const std::uint64_t h = ((a ^ n) * 0x9E3779B185EBCA87ull) ^
                            (b * 0xC2B2AE3D27D4EB4Full) ^
                            (c * 0x165667B19E3779F9ull);
    return static_cast<std::size_t>((h ^ (h >> 29)) * 0x9E3779B185EBCA87ull >>
                                    (64 - kSetBits));
  }

 private:
  static constexpr int kSetBits = 11;
  static constexpr std::size_t kSets = std::size_t{1} << kSetBits;

  static bool Holds(const Entry& e, std::string_view word) {
    return e.word_len == word.size() &&
           std::memcmp(e.word, word.data(), word.size()) == 0;
  }

  // The kernel's zero pages until written (an all-zero entry is empty):
  // only the sets in use cost a page fault, not all 64 pages at once.
  ZeroedArray<Entry> entries_{2 * kSets};
};

struct Scratch {
  std::string decoded;
  std::vector<utf8proc_int32_t> code_points;
  std::string word;  // NormalizeKey: the general path's key of one word
  std::unique_ptr<WordMemo> memo;  // NormalizeKey: made on first use
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// ------------------------------------------------------------ fast path

// Byte map of the ASCII fast path; must agree with MapBeforeDecompose +
// CASEFOLD on ASCII: controls -> space, A-Z -> a-z, '`' -> '\''.
constexpr std::array<char, 128> MakeAsciiMap() {
  std::array<char, 128> map{};
  for (int c = 0; c < 128; ++c) {
    char m = static_cast<char>(c);
    if (c < 0x20 || c == 0x7F) m = ' ';
    if (c >= 'A' && c <= 'Z') m = static_cast<char>(c + ('a' - 'A'));
    if (c == '`') m = '\'';
    map[c] = m;
  }
  return map;
}
constexpr std::array<char, 128> kAsciiMap = MakeAsciiMap();

// State of the fast path between blocks, and between the ASCII spans of
// NormalizeMixedKey. Spaces are written as they come, except one whose
// previous byte was a space (a run keeps its first space) or that would
// start the key: `prev_space` says the next space is dropped. The one
// trailing space this can leave is taken off at the end of the key; it is
// there exactly when prev_space holds and the key is not empty.
struct AsciiKeyState {
  char* out;
  bool prev_space;
};

// A kernel: writes the key of the bytes [p, end) from state *st. Returns
// false (leaving *st unspecified) at a byte >= 0x80 or '&', which need the
// general path. The caller guarantees 16 writable bytes past every output
// position the input can reach: the output never runs ahead of the input.
using AsciiKeyFn = bool (*)(const char* p, const char* end, AsciiKeyState* st);

// The scalar reference, and every kernel's fallback for a block its block
// copy cannot take.
inline bool AsciiKeyBytes(const char* p, const char* end, AsciiKeyState* st) {
  char* out = st->out;
  bool prev_space = st->prev_space;
  for (; p < end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x80 || c == '&') return false;
    const char m = kAsciiMap[c];
    const bool space = m == ' ';
    if (space && prev_space) continue;
    prev_space = space;
    *out++ = m;
  }
  st->out = out;
  st->prev_space = prev_space;
  return true;
}

bool AsciiKeyScalar(const char* p, const char* end, AsciiKeyState* st) {
  return AsciiKeyBytes(p, end, st);
}

#if TICKERDEDUP_NORMALIZE_X86
// PERF NOTES (AMD EPYC with AVX-512, 2 shared cores; `--split lines
// --match exact` on the generated 1M feed, 61-byte headlines; perf):
//  - The first fast path (16-byte SSE2 blocks, a space at a block end held
//    back as "pending" and written before the next block) was 20% of the
//    run (AsciiKeySpan 14% + NormalizeKey 6%), ~40 ns a headline: four
//    blocks with their branches, and the state passed by reference, which
//    every char store might alias, so it went to memory at each block.
//  - Now spaces are written eagerly and only a dropped one (a second space
//    in a row, a leading space) stops a block copy; the state lives in
//    registers. SSE2 and AVX2 copy 16 / 32 bytes a step, AVX-512 takes 64
//    (one step for most headlines) and drops the spaces with VPCOMPRESSB,
//    so controls and space runs never leave the vector path either; masked
//    loads and stores take the tail without reading or writing past it.
//    (VPCOMPRESSB to memory is microcoded on Zen 4: compress in a register,
//    then a masked store.)

// Masks of one 16-byte block: `stop` marks bytes the block copy cannot take
// (>= 0x80, controls, DEL, '&', '`'), `spaces` the spaces.
struct AsciiBlockMasks {
  unsigned stop;
  unsigned spaces;
};

inline AsciiBlockMasks ClassifyAsciiBlock(__m128i v) {
  // Signed compares: bytes >= 0x80 are negative, so "< 0x21" catches them
  // with the controls; spaces are then taken back out.
  const __m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x21));
  const __m128i space = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
  const __m128i odd =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8('`')));
  return {static_cast<unsigned>(_mm_movemask_epi8(
              _mm_or_si128(_mm_andnot_si128(space, low), odd))),
          static_cast<unsigned>(_mm_movemask_epi8(space))};
}

// The k <= 8 bytes at p as a little-endian word, the lanes above k filled
// with 'a'. Reads only p[0, k): overlapping loads, no byte past the end.
inline std::uint64_t LoadTail64(const char* p, std::size_t k) {
  constexpr std::uint64_t kPad = 0x6161616161616161ull;  // "aaaaaaaa"
  if (k == 0) return kPad;
  std::uint64_t v;
  if (k == 8) {
    std::memcpy(&v, p, 8);
    return v;
  }
  if (k >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + k - 4, 4);
    v = a | (std::uint64_t{b} << (8 * (k - 4)));
  } else {
    const auto byte = [p](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(p[i])};
    };
    v = byte(0) | (byte(k >> 1) << (8 * (k >> 1))) |
        (byte(k - 1) << (8 * (k - 1)));
  }
  return v | (kPad << (8 * k));
}

inline void StoreLowerAscii(__m128i v, char* out) {
  const __m128i upper =
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                    _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out),
                   _mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
}

// One 16-byte step: the key of the first n bytes of v (n <= 16; the lanes
// above n must be neither stops nor spaces), when the block copy can take
// them. Returns whether it did.
inline bool StoreAsciiBlock(__m128i v, unsigned n, AsciiKeyState* st) {
  const AsciiBlockMasks m = ClassifyAsciiBlock(v);
  const unsigned drop =
      m.spaces & ((m.spaces << 1) | static_cast<unsigned>(st->prev_space));
  if ((m.stop | drop) != 0) return false;
  StoreLowerAscii(v, st->out);
  st->out += n;
  st->prev_space = ((m.spaces >> (n - 1)) & 1u) != 0;
  return true;
}

// 16-byte blocks, then the tail (< 16 bytes) padded with 'a' (neither a
// stop nor a space, never kept) and assembled in registers: a 16-byte load
// of a buffer just written by memcpy stalled on store forwarding (9% of
// NormalizeKey, perf).
inline bool AsciiKeySse2Inline(const char* p, const char* const end,
                               AsciiKeyState* st) {
  AsciiKeyState s = *st;
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    if (!StoreAsciiBlock(v, 16, &s) && !AsciiKeyBytes(p, p + 16, &s)) {
      return false;
    }
    p += 16;
  }
  if (p != end) {
    const auto n = static_cast<std::size_t>(end - p);
    const std::size_t n_lo = n < 8 ? n : 8;
    const __m128i v =
        _mm_set_epi64x(static_cast<long long>(LoadTail64(p + 8, n - n_lo)),
                       static_cast<long long>(LoadTail64(p, n_lo)));
    if (!StoreAsciiBlock(v, static_cast<unsigned>(n), &s) &&
        !AsciiKeyBytes(p, end, &s)) {
      return false;
    }
  }
  *st = s;
  return true;
}

bool AsciiKeySse2(const char* p, const char* end, AsciiKeyState* st) {
  return AsciiKeySse2Inline(p, end, st);
}

// The stop and space masks of 32 bytes, as ClassifyAsciiBlock's.
struct AsciiBlockMasks32 {
  std::uint32_t stop;
  std::uint32_t spaces;
};

__attribute__((target("avx2"))) inline AsciiBlockMasks32 ClassifyAsciiBlock32(
    __m256i v) {
  const __m256i low = _mm256_cmpgt_epi8(_mm256_set1_epi8(0x21), v);
  const __m256i space = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(' '));
  const __m256i odd = _mm256_or_si256(
      _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('&')),
                      _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7F))),
      _mm256_cmpeq_epi8(v, _mm256_set1_epi8('`')));
  return {static_cast<std::uint32_t>(_mm256_movemask_epi8(
              _mm256_or_si256(_mm256_andnot_si256(space, low), odd))),
          static_cast<std::uint32_t>(_mm256_movemask_epi8(space))};
}

// Whether the 32 bytes hold one the kernels must fail at (>= 0x80, '&'):
// then no byte loop is run over the block, and no later one.
__attribute__((target("avx2"))) inline bool HasGeneralByte32(__m256i v) {
  return _mm256_movemask_epi8(_mm256_or_si256(
             v, _mm256_cmpeq_epi8(v, _mm256_set1_epi8('&')))) != 0;
}

__attribute__((target("avx2"))) inline __m256i LowerAscii32(__m256i v) {
  const __m256i upper =
      _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8('A' - 1)),
                       _mm256_cmpgt_epi8(_mm256_set1_epi8('Z' + 1), v));
  return _mm256_add_epi8(v, _mm256_and_si256(upper, _mm256_set1_epi8(0x20)));
}

// The whole span [p, p + n), n >= 32, when the block copy takes every byte
// and drops no space (nearly every headline): its key is then its bytes
// lower-cased at the same offsets, so each 32-byte block is mapped and
// stored on its own, the last one overlapping the one before, with no
// SSE2 steps or tail assembly after the last full block. A block's first
// byte takes its "previous is a space" from the byte before it (the
// state's prev_space for the first block). Returns false, *st untouched,
// when some byte needs the block loop; *general when that byte is one the
// kernel fails at anyway. PERF NOTES: on the 3.2M-line feed (61-byte
// lines) the AVX2 key path took ~210 instructions a headline, most of them
// the SSE2 step and the tail after the first 32 bytes.
__attribute__((target("avx2"))) inline bool AsciiKeyWholeAvx2(const char* p,
                                                              std::size_t n,
                                                              AsciiKeyState* st,
                                                              bool* general) {
  if (n < 32) return false;
  char* const out = st->out;
  std::size_t o = 0;
  std::uint32_t carry = st->prev_space ? 1u : 0u;
  for (;;) {
    const __m256i v =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + o));
    const AsciiBlockMasks32 m = ClassifyAsciiBlock32(v);
    if ((m.stop | (m.spaces & ((m.spaces << 1) | carry))) != 0) {
      *general = m.stop != 0 && HasGeneralByte32(v);
      return false;
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + o), LowerAscii32(v));
    if (o + 32 == n) break;
    o = o + 64 <= n ? o + 32 : n - 32;
    carry = p[o - 1] == ' ' ? 1u : 0u;
  }
  st->out = out + n;
  st->prev_space = p[n - 1] == ' ';
  return true;
}

// 32-byte blocks, then the SSE2 steps for the rest.
__attribute__((target("avx2"))) bool AsciiKeyAvx2(const char* p,
                                                  const char* const end,
                                                  AsciiKeyState* st) {
  // A byte >= 0x80 or '&' fails the kernel wherever it is: the text with
  // one (a fifth of the feed's headlines) goes to the general path without
  // the block loop and its byte loop over the failing block.
  bool general = false;
  if (AsciiKeyWholeAvx2(p, static_cast<std::size_t>(end - p), st, &general)) {
    return true;
  }
  if (general) return false;
  AsciiKeyState s = *st;
  while (end - p >= 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const AsciiBlockMasks32 m = ClassifyAsciiBlock32(v);
    const std::uint32_t drop =
        m.spaces & ((m.spaces << 1) | static_cast<std::uint32_t>(s.prev_space));
    if ((m.stop | drop) == 0) {
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(s.out), LowerAscii32(v));
      s.out += 32;
      s.prev_space = (m.spaces >> 31) != 0;
    } else if ((m.stop != 0 && HasGeneralByte32(v)) ||
               !AsciiKeyBytes(p, p + 32, &s)) {
      return false;
    }
    p += 32;
  }
  if (!AsciiKeySse2Inline(p, end, &s)) return false;
  *st = s;
  return true;
}

// 64-byte blocks (the last one masked), every byte mapped in the vector
// (controls and DEL to ' ', A-Z to a-z, '`' to '\'') and the dropped
// spaces squeezed out with VPCOMPRESSB: no byte loop at all.
__attribute__((target("avx512f,avx512bw,avx512vbmi2,bmi,bmi2,popcnt"))) bool
AsciiKeyAvx512(const char* p, const char* const end, AsciiKeyState* st) {
  char* out = st->out;
  std::uint64_t prev_space = st->prev_space ? 1 : 0;
  const __m512i space = _mm512_set1_epi8(' ');
  while (p < end) {
    const auto left = static_cast<std::size_t>(end - p);
    const unsigned n = left < 64 ? static_cast<unsigned>(left) : 64u;
    const __mmask64 lanes = _bzhi_u64(~std::uint64_t{0}, n);
    const __m512i v = _mm512_maskz_loadu_epi8(lanes, p);
    // Unread lanes are 0: neither >= 0x80 nor '&'.
    if ((_mm512_movepi8_mask(v) |
         _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('&'))) != 0) {
      return false;
    }
    const __mmask64 control =
        _mm512_mask_cmplt_epu8_mask(lanes, v, _mm512_set1_epi8(0x20)) |
        _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(0x7F));
    const __mmask64 upper = _mm512_cmplt_epu8_mask(
        _mm512_sub_epi8(v, _mm512_set1_epi8('A')), _mm512_set1_epi8(26));
    __m512i m = _mm512_mask_add_epi8(v, upper, v, _mm512_set1_epi8(0x20));
    m = _mm512_mask_mov_epi8(m, control, space);
    m = _mm512_mask_mov_epi8(m,
                             _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('`')),
                             _mm512_set1_epi8('\''));
    const __mmask64 spaces = _mm512_mask_cmpeq_epi8_mask(lanes, m, space);
    const __mmask64 drop = spaces & ((spaces << 1) | prev_space);
    if (drop == 0) {  // most blocks: the compress is the slowest step
      _mm512_mask_storeu_epi8(out, lanes, m);
      out += n;
    } else {
      const __mmask64 keep = lanes & ~drop;
      const auto kept = static_cast<unsigned>(_mm_popcnt_u64(keep));
      _mm512_mask_storeu_epi8(out, _bzhi_u64(~std::uint64_t{0}, kept),
                              _mm512_maskz_compress_epi8(keep, m));
      out += kept;
    }
    prev_space = (spaces >> (n - 1)) & 1;
    p += n;
  }
  st->out = out;
  st->prev_space = prev_space != 0;
  return true;
}
#endif  // TICKERDEDUP_NORMALIZE_X86

AsciiKeyFn AsciiKeyFnFor(AsciiKeyKernel kernel) {
#if TICKERDEDUP_NORMALIZE_X86
  switch (kernel) {
    case AsciiKeyKernel::kScalar:
      return &AsciiKeyScalar;
    case AsciiKeyKernel::kSse2:
      return &AsciiKeySse2;
    case AsciiKeyKernel::kAvx2:
      return &AsciiKeyAvx2;
    case AsciiKeyKernel::kAvx512:
      return &AsciiKeyAvx512;
  }
#else
  (void)kernel;
#endif
  return &AsciiKeyScalar;
}

AsciiKeyFn SelectedAsciiKeyFn() {
  static const AsciiKeyFn fn = AsciiKeyFnFor(SelectedAsciiKeyKernel());
  return fn;
}

// `fn` over [p, end) in NormalizeMixedKey's terms: the key so far is
// [begin, out), and pending_space says a space is due before the next
// character (it is written only then, so the key never ends in a space).
inline bool AsciiKeySpan(AsciiKeyFn fn, const char* p, const char* end,
                         char* const begin, char*& out, bool& pending_space) {
  AsciiKeyState s{out, pending_space || out == begin};
  if (pending_space) *s.out++ = ' ';
  if (!fn(p, end, &s)) return false;
  pending_space = s.prev_space && s.out != begin;  // see TryAsciiKey
  out = pending_space ? s.out - 1 : s.out;
  return true;
}

bool TryAsciiKey(AsciiKeyFn fn, std::string_view text, std::string* key) {
  key->resize(text.size() + 16);
  char* const begin = key->data();
  AsciiKeyState s{begin, true};
  if (!fn(text.data(), text.data() + text.size(), &s)) return false;
  // prev_space with a non-empty key means it ends in a space (read from
  // the state: loading the byte just stored by a masked store stalls until
  // the store completes, 79% of NormalizeKey in perf).
  if (s.prev_space && s.out != begin) --s.out;
  key->resize(static_cast<std::size_t>(s.out - begin));
  return true;
}

// Scalar reference of FindGeneralByte: the first offset >= i of a byte
// >= 0x80 or '&' (what the ASCII path cannot take), or text.size().
inline std::size_t FindGeneralByteScalar(std::string_view text, std::size_t i) {
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80 || c == '&') return i;
  }
  return text.size();
}

// FindGeneralByteScalar, 16 bytes at a time (the sign bit of a byte is set
// exactly when it is >= 0x80).
inline std::size_t FindGeneralByte(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  const char* s = text.data();
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const unsigned m = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_set1_epi8('&')))));
    if (m != 0) return i + static_cast<std::size_t>(__builtin_ctz(m));
  }
#endif
  return FindGeneralByteScalar(text, i);
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: headlines are mostly ASCII.
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    std::size_t bad = 0;
    const std::size_t len = Utf8SequenceLength(s + i, n - i, &bad);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

bool RepairUtf8(std::string_view text, std::string* out) {
  return RepairAndDecode(text, /*decode_entities=*/false, out);
}

bool NormalizeKeyGeneral(std::string_view text, std::string* key) {
  Scratch& scratch = ThreadScratch();
  const bool repaired =
      RepairAndDecode(text, /*decode_entities=*/true, &scratch.decoded);

  // NFKD + case folding + removal of default-ignorable code points (soft
  // hyphen, zero-width space, BOM). The first call sizes the buffer; it is
  // kept, so later calls of similar length do not allocate.
  constexpr auto kOptions =
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                     UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  std::vector<utf8proc_int32_t>& cps = scratch.code_points;
  const auto* bytes =
      reinterpret_cast<const utf8proc_uint8_t*>(scratch.decoded.data());
  const auto length = static_cast<utf8proc_ssize_t>(scratch.decoded.size());
  if (cps.size() < scratch.decoded.size() + 16) {
    cps.resize(scratch.decoded.size() + 16);
  }
  utf8proc_ssize_t count = 0;
  for (;;) {
    count = utf8proc_decompose_custom(bytes, length, cps.data(),
                                      static_cast<utf8proc_ssize_t>(cps.size()),
                                      kOptions, MapBeforeDecompose, nullptr);
    if (count < 0) {  // cannot happen on repaired input; keep the bytes
      key->assign(scratch.decoded);
      return repaired;
    }
    if (static_cast<std::size_t>(count) <= cps.size()) break;
    cps.resize(static_cast<std::size_t>(count));
  }

  // Strip accents, in place.
  std::size_t kept = 0;
  char32_t base = 0;
  for (utf8proc_ssize_t k = 0; k < count; ++k) {
    const utf8proc_int32_t c = cps[static_cast<std::size_t>(k)];
    if (IsMark(c)) {
      if (IsStrippedMark(base, static_cast<char32_t>(c))) continue;
    } else {
      base = static_cast<char32_t>(c);
    }
    cps[kept++] = c;
  }

  // Recompose what remains (NFKC).
  utf8proc_ssize_t composed = utf8proc_normalize_utf32(
      cps.data(), static_cast<utf8proc_ssize_t>(kept), UTF8PROC_COMPOSE);
  if (composed < 0) composed = static_cast<utf8proc_ssize_t>(kept);

  // Encode, unifying punctuation once more and collapsing spaces.
  key->resize(static_cast<std::size_t>(composed) * 4);
  char* const begin = key->data();
  char* out = begin;
  bool pending_space = false;
  for (utf8proc_ssize_t k = 0; k < composed; ++k) {
    const char32_t c =
        MapPunctuation(static_cast<char32_t>(cps[static_cast<std::size_t>(k)]));
    if (c == ' ') {
      pending_space = out != begin;
      continue;
    }
    if (pending_space) {
      *out++ = ' ';
      pending_space = false;
    }
    const std::string_view letters = FoldedLetter(c);
    if (!letters.empty()) {  // at most 2 bytes, where the letter took 2
      for (char l : letters) *out++ = l;
      continue;
    }
    out = EncodeUtf8(c, out);
  }
  key->resize(static_cast<std::size_t>(out - begin));
  return repaired;
}

// The general path's keys of single characters: U+0080..U+00FF (accented
// Latin letters, NBSP, guillemets, ...) and U+2000..U+203F (typographic
// quotes, dashes, spaces, ...), for TableWordKey. A character is left out
// (len kNotInTable) unless its key is a space (NBSP, thin space, ...:
// len kSpace), or at most 3 bytes of code points that cannot interact with
// their neighbours in the general path: ASCII printable or U+00A1..U+00FF
// (starters that compose with nothing that can follow them here), or empty
// (ignorables). So a combining mark or a compatibility expansion such as
// "1/4" (U+2044) sends its word to the memo.
struct CharKeys {
  static constexpr std::uint8_t kNotInTable = 0xFF;
  static constexpr std::uint8_t kSpace = 0xFE;
  struct Key {
    std::uint8_t len = kNotInTable;
    char bytes[3] = {};
  };
  Key latin1[128];      // U+0080 + i: C2/C3 xx
  Key punctuation[64];  // U+2000 + i: E2 80 xx
};

bool QualifiesForTable(std::string_view key) {
  if (key.size() > 3) return false;
  for (std::size_t i = 0; i < key.size();) {
    const auto c = static_cast<unsigned char>(key[i]);
    if (c >= 0x21 && c <= 0x7E) {
      ++i;
      continue;
    }
    // U+00A1..U+00FF: C2 A1..BF or C3 80..BF.
    if (i + 1 < key.size() && (c == 0xC2 || c == 0xC3)) {
      const auto c1 = static_cast<unsigned char>(key[i + 1]);
      if ((c == 0xC2 && c1 >= 0xA1 && c1 <= 0xBF) ||
          (c == 0xC3 && c1 >= 0x80 && c1 <= 0xBF)) {
        i += 2;
        continue;
      }
    }
    return false;
  }
  return true;
}

const CharKeys& TableCharKeys() {
  static const CharKeys* keys = [] {
    auto* k = new CharKeys;
    std::string key;
    // Between two letters, so that a character which becomes a space is
    // seen as one (alone, it would be trimmed to an empty key).
    const auto fill = [&key](char32_t cp, CharKeys::Key* out) {
      char buf[6] = {'a'};
      char* end = EncodeUtf8(cp, buf + 1);
      *end++ = 'a';
      NormalizeKeyGeneral(std::string_view(buf, end - buf), &key);
      if (key.size() < 2 || key.front() != 'a' || key.back() != 'a') return;
      const std::string_view own =
          std::string_view(key).substr(1, key.size() - 2);
      if (own == " ") {
        out->len = CharKeys::kSpace;
        return;
      }
      if (!QualifiesForTable(own)) return;
      out->len = static_cast<std::uint8_t>(own.size());
      std::memcpy(out->bytes, own.data(), own.size());
    };
    for (char32_t i = 0; i < 128; ++i) fill(0x80 + i, &k->latin1[i]);
    for (char32_t i = 0; i < 64; ++i) fill(0x2000 + i, &k->punctuation[i]);
    return k;
  }();
  return *keys;
}

constexpr std::size_t kMaxTableWord = 64;

// The general path's key of `word` (no ASCII space in it) as the
// concatenation of its characters' keys (spaces collapsed and trimmed, as
// the general path does), when every character is ASCII (not '&') or in
// CharKeys: then nothing in the general path acts across characters (each
// one's decomposition starts with a starter, so marks never reorder across
// them, and what is left composes with nothing). Writes up to 3 * word.size()
// bytes at `buf`. Returns false, having decided nothing, for any other word (or
// one longer than kMaxTableWord bytes). tests/normalize_test.cc compares it
// with the general path on every table character between letters and marks.
//
// PERF NOTES: the words holding an accent or a typographic quote were
// answered by WordMemo (below), whose 256 KiB of entries miss the cache
// under the index's traffic: one miss per such word was a third of
// NormalizeMixedKey, itself 6% of an exact-mode run on the 1M feed. With
// the table the CLI run is 2-3% faster (NormalizeMixedKey 4.5% plus 1.5%
// here). In bench/normalize_benchmark, where the memo stays in cache, it
// is a little slower: latin 13.0 -> 12.5 M headlines/s, seed 7.9 -> 7.4.
bool TableWordKey(std::string_view word, char* buf, std::string_view* key) {
  if (word.size() > kMaxTableWord) return false;
  const CharKeys& keys = TableCharKeys();
  const auto* s = reinterpret_cast<const unsigned char*>(word.data());
  const std::size_t n = word.size();
  char* out = buf;
  bool pending_space = false;
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      if (c == '&') return false;
      ++i;
      const char m = kAsciiMap[c];
      if (m == ' ') {
        pending_space = out != buf;
        continue;
      }
      if (pending_space) {
        *out++ = ' ';
        pending_space = false;
      }
      *out++ = m;
      continue;
    }
    const CharKeys::Key* k;
    if ((c == 0xC2 || c == 0xC3) && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      k = &keys.latin1[((c & 1u) << 6) | (s[i + 1] & 0x3Fu)];
      i += 2;
    } else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
               (s[i + 2] & 0xC0) == 0x80) {
      k = &keys.punctuation[s[i + 2] & 0x3Fu];
      i += 3;
    } else {
      return false;
    }
    if (k->len == CharKeys::kNotInTable) return false;
    if (k->len == CharKeys::kSpace) {
      pending_space = out != buf;
      continue;
    }
    if (k->len == 0) continue;  // an ignorable: a pending space stays
    if (pending_space) {
      *out++ = ' ';
      pending_space = false;
    }
    std::memcpy(out, k->bytes, 3);  // len <= 3; buf has 3 bytes a byte
    out += k->len;
  }
  *key = std::string_view(buf, static_cast<std::size_t>(out - buf));
  return true;
}

// The general path's key of one word (no ASCII space in it), through this
// thread's WordMemo; ORs the word's repair flag into *repaired. The view
// stays valid until the next call on this thread.
static std::string_view MemoizedWordKey(std::string_view word, bool* repaired) {
  Scratch& scratch = ThreadScratch();
  if (word.size() > WordMemo::kMaxWord) {
    *repaired |= NormalizeKeyGeneral(word, &scratch.word);
    return scratch.word;
  }
  if (scratch.memo == nullptr) scratch.memo = std::make_unique<WordMemo>();
  const std::size_t set = WordMemo::SetOf(word);
  if (const WordMemo::Entry* e = scratch.memo->Find(word, set)) {
    *repaired |= e->repaired;
    return e->Key();
  }
  const bool word_repaired = NormalizeKeyGeneral(word, &scratch.word);
  *repaired |= word_repaired;
  if (scratch.word.size() <= WordMemo::kMaxKey) {
    scratch.memo->Insert(word, set, scratch.word, word_repaired);
  }
  return scratch.word;
}

// Mixed text, word by word. PERF NOTES: on the generated 1M-line feed (5%
// cross-language variants, accented French / Spanish / German), utf8proc
// was ~17% of an exact-mode run because one "é" sent the whole headline
// through repair, NFKD, mark stripping, NFKC and re-encoding. Now only the
// words (runs between ASCII spaces) that hold a byte >= 0x80 or an '&' take
// the general path; the others take the ASCII table. This equals the
// general path on the whole text because nothing in it acts across an
// ASCII space: repair and entities are local (U+0020 ends every UTF-8
// sequence and every entity), a combining mark after a space is always
// stripped (base < U+0400), nothing composes with U+0020, and spaces are
// collapsed and trimmed anyway (tests/normalize_test.cc checks equality on
// random mixed text).
//
// PERF NOTES: the ASCII words are written through a pointer into a key
// sized once for the whole text (an ASCII word's key is never longer than
// the word). Callgrind, first 100k lines of the generated 200k feed (7%
// hold non-ASCII bytes): the ASCII words of those lines cost ~20M
// instructions with push_back per byte, as much as the ~93k pure-ASCII
// lines' fast path; then ~13M with a byte loop per word (an 8-byte scan
// for the word end rarely got past the first, short word). Now the next
// byte >= 0x80 or '&' is found 16 bytes at a time, and all the ASCII words
// before its word go through AsciiKeySpan, the block loop of the ASCII
// fast path, at once.
static bool NormalizeMixedKey(AsciiKeyFn fn, std::string_view text,
                              std::string* key) {
  bool repaired = false;
  bool pending_space = false;
  const std::size_t n = text.size();
  // +16: AsciiKeySpan's block stores (see there).
  key->resize(n + 16);
  char* begin = key->data();
  char* out = begin;
  const char* const s = text.data();
  std::size_t i = 0;
  while (i < n) {
    const std::size_t g = FindGeneralByte(text, i);
    if (g == n) {
      AsciiKeySpan(fn, s + i, s + n, begin, out, pending_space);
      break;
    }
    // The word (run between ASCII spaces) holding byte g goes to the
    // general path; the ASCII words before it to the block loop, which
    // cannot fail on them.
    std::size_t word_begin = g;
    while (word_begin > i && s[word_begin - 1] != ' ') --word_begin;
    std::size_t word_end = g + 1;
    while (word_end < n && s[word_end] != ' ') ++word_end;
    AsciiKeySpan(fn, s + i, s + word_begin, begin, out, pending_space);
    const std::string_view word =
        text.substr(word_begin, word_end - word_begin);
    char table_key[3 * kMaxTableWord];
    std::string_view word_key;
    if (!TableWordKey(word, table_key, &word_key)) {
      word_key = MemoizedWordKey(word, &repaired);
    }
    if (!word_key.empty()) {
      const std::size_t used = static_cast<std::size_t>(out - begin);
      // The general path may lengthen a word (U+FFFD for a bad byte, NFKC
      // expansions): grow the key then.
      const std::size_t need = used + 1 + word_key.size() + (n - word_end) + 16;
      if (need > key->size()) {
        key->resize(need);
        begin = key->data();
        out = begin + used;
      }
      if (pending_space) *out++ = ' ';
      std::memcpy(out, word_key.data(), word_key.size());
      out += word_key.size();
      pending_space = false;
    }
    // A space or the end follows the word. The space is the pending one:
    // the next span starts after it (as its first byte the block copy
    // would have dropped it, and taken the block bytewise).
    pending_space = pending_space || out != begin;
    i = word_end < n ? word_end + 1 : n;
  }
  key->resize(static_cast<std::size_t>(out - begin));
  return repaired;
}

bool NormalizeKey(std::string_view text, std::string* key) {
  const AsciiKeyFn fn = SelectedAsciiKeyFn();
  if (TryAsciiKey(fn, text, key)) return false;
  return NormalizeMixedKey(fn, text, key);
}

const char* AsciiKeyKernelName(AsciiKeyKernel kernel) {
  switch (kernel) {
    case AsciiKeyKernel::kScalar:
      return "scalar";
    case AsciiKeyKernel::kSse2:
      return "sse2";
    case AsciiKeyKernel::kAvx2:
      return "avx2";
    case AsciiKeyKernel::kAvx512:
      return "avx512";
  }
  return "scalar";
}

bool AsciiKeyKernelSupported(AsciiKeyKernel kernel) {
  switch (kernel) {
    case AsciiKeyKernel::kScalar:
      return true;
#if TICKERDEDUP_NORMALIZE_X86
    case AsciiKeyKernel::kSse2:
      return true;
    case AsciiKeyKernel::kAvx2:
      return __builtin_cpu_supports("avx2");
    case AsciiKeyKernel::kAvx512:
      return __builtin_cpu_supports("avx512bw") &&
             __builtin_cpu_supports("avx512vbmi2") &&
             __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
#else
    default:
      return false;
#endif
  }
  return false;
}

std::vector<AsciiKeyKernel> SupportedAsciiKeyKernels() {
  std::vector<AsciiKeyKernel> kernels;
  for (AsciiKeyKernel k : kAsciiKeyKernels) {
    if (AsciiKeyKernelSupported(k)) kernels.push_back(k);
  }
  return kernels;
}

AsciiKeyKernel SelectedAsciiKeyKernel() {
  // kAsciiKeyKernels runs from slowest to fastest: take the last supported
  // one not above the one asked for.
  std::size_t cap = std::size(kAsciiKeyKernels) - 1;
  if (const char* force = std::getenv("TICKERDEDUP_FORCE_KERNEL")) {
    for (std::size_t i = 0; i < std::size(kAsciiKeyKernels); ++i) {
      if (std::string_view(force) == AsciiKeyKernelName(kAsciiKeyKernels[i])) {
        cap = i;
      }
    }
  }
  for (std::size_t i = cap + 1; i-- > 0;) {
    if (AsciiKeyKernelSupported(kAsciiKeyKernels[i])) {
      return kAsciiKeyKernels[i];
    }
  }
  return AsciiKeyKernel::kScalar;
}

bool NormalizeKeyWithKernel(AsciiKeyKernel kernel, std::string_view text,
                            std::string* key) {
  const AsciiKeyFn fn = AsciiKeyFnFor(kernel);
  if (TryAsciiKey(fn, text, key)) return false;
  return NormalizeMixedKey(fn, text, key);
}

namespace {

// Newsroom slugs (Reuters' "UPDATE 2-", "REFILE-", "EXCLUSIVE-", the
// web's "BREAKING:", "VIDEO.", "WATCH:", "LIVE:") and their French,
// Spanish, Portuguese, Italian and German counterparts, lower-case ASCII
// (accents folded: "\xC3\xBAltima hora", "vid\xC3\xA9o").
constexpr std::string_view kNewsLabels[] = {
    "alert", "analysis", "audio", "breaking", "breaking news", "correction",
    "corrected", "developing", "editorial", "exclusive", "explainer", "factbox",
    "flash", "graphic", "insight", "interview", "just in", "live", "opinion",
    "photo", "photos", "podcast", "poll", "refile", "rpt", "update", "updated",
    "urgent", "video", "videos", "watch", "alerte", "exclusif", "en direct",
    "direct", "urgente", "exclusiva", "exclusivo", "en vivo", "ao vivo",
    "esclusiva", "diretta", "eilmeldung", "exklusiv", "liveticker",
    "ultima hora", "ultim'ora",
    // "Watch:" in the five languages (NTREX translates the slug).
    "regardez", "regarder", "voir", "mira", "ver", "veja", "assista", "guarda",
    "guardate", "sehen sie", "schauen sie"};

// kNewsLabels by length (a prefix is compared with the few of its length).
std::span<const std::string_view> LabelsOfLength(std::size_t n) {
  static const auto* const by_length = [] {
    auto* t = new std::array<std::vector<std::string_view>, 24>;
    for (std::string_view label : kNewsLabels)
      (*t)[label.size()].push_back(label);
    return t;
  }();
  return n < by_length->size()
             ? std::span<const std::string_view>((*by_length)[n])
             : std::span<const std::string_view>();
}

// Whether `word` is the first word of one of kNewsLabels' two-word labels.
bool StartsTwoWordLabel(std::string_view word) {
  static const auto* const firsts = [] {
    auto* v = new std::vector<std::string_view>;
    for (std::string_view label : kNewsLabels) {
      const std::size_t space = label.find(' ');
      if (space != std::string_view::npos) v->push_back(label.substr(0, space));
    }
    return v;
  }();
  return std::find(firsts->begin(), firsts->end(), word) != firsts->end();
}

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether text[i] starts an accented letter of Latin-1 (U+00C0-U+00FF
// but the multiplication and division signs): UTF-8 C3 80-BF.
bool IsLatin1Letter(std::string_view text, std::size_t i) {
  if (i + 1 >= text.size() || static_cast<unsigned char>(text[i]) != 0xC3) {
    return false;
  }
  const auto c = static_cast<unsigned char>(text[i + 1]);
  return c >= 0x80 && c <= 0xBF && c != 0x97 && c != 0xB7;
}

// The base letter of Latin-1 letter U+00C0 + (second - 0x80), from its
// second UTF-8 byte; '?' for letters with none (Æ, Ð, Þ, ß), which no
// label has.
char Latin1Base(unsigned char second) {
  static constexpr char kBase[] =
      "AAAAAA?CEEEEIIII?NOOOOO?OUUUUY??"   // U+00C0-U+00DF
      "aaaaaa?ceeeeiiii?nooooo?ouuuuy?y";  // U+00E0-U+00FF
  return kBase[second - 0x80];
}

// One label that opens `text` (NewsLabelBytes); with `stacked`, a label
// written in lower case may end at a hyphen when another label follows it
// ("Exclusive-UPDATE 2-").
std::size_t OneNewsLabel(std::string_view text, bool stacked) {
  // The label: the longest list entry among the first one or two words
  // (ASCII letters, one space between them).
  std::size_t label_end = 0;
  std::size_t i = 0;
  // The prefix folded: lower case, and accented Latin-1 letters as their
  // base letter ("\xC3\x9ALTIMA HORA", "VID\xC3\x89O", "V\xC3\x8D"
  // "DEO" are "ultima hora", "video").
  char folded[24];
  std::size_t folded_size = 0;
  for (int words = 0; words < 2 && i < text.size() &&
                      (IsAsciiLetter(text[i]) || IsLatin1Letter(text, i));
       ++words) {
    std::size_t j = i;
    bool fits = true;
    while (j < text.size() && fits) {
      char base;
      if (IsAsciiLetter(text[j])) {
        base = text[j];
        ++j;
      } else if (IsLatin1Letter(text, j)) {
        base = Latin1Base(static_cast<unsigned char>(text[j + 1]));
        j += 2;
      } else if (j > i &&
                 (text[j] == '\'' || text.substr(j, 3) == "\xE2\x80\x99") &&
                 j + (text[j] == '\'' ? 1 : 3) < text.size() &&
                 IsAsciiLetter(text[j + (text[j] == '\'' ? 1 : 3)])) {
        // An apostrophe inside the word ("ULTIM'ORA", "ULTIM\u2019ORA").
        base = '\'';
        j += text[j] == '\'' ? 1 : 3;
      } else {
        break;
      }
      fits = folded_size < sizeof(folded);
      if (fits) {
        folded[folded_size++] = base >= 'A' && base <= 'Z'
                                    ? static_cast<char>(base - 'A' + 'a')
                                    : base;
      }
    }
    if (!fits) break;
    const std::string_view prefix(folded, folded_size);
    for (std::string_view label : LabelsOfLength(folded_size)) {
      if (label == prefix) label_end = j;
    }
    // A second word only after the first word of a two-word label.
    if (j + 1 >= text.size() || text[j] != ' ' || !StartsTwoWordLabel(prefix) ||
        folded_size >= sizeof(folded)) {
      break;
    }
    folded[folded_size++] = ' ';
    i = j + 1;
  }
  if (label_end == 0) return 0;
  bool caps = true;
  for (std::size_t k = 0; k < label_end; ++k) {
    caps = caps && !(text[k] >= 'a' && text[k] <= 'z');
  }
  i = label_end;
  // An update number: "UPDATE 2-".
  if (i + 1 < text.size() && text[i] == ' ' && text[i + 1] >= '0' &&
      text[i + 1] <= '9') {
    ++i;
    for (int d = 0;
         d < 2 && i < text.size() && text[i] >= '0' && text[i] <= '9'; ++d) {
      ++i;
    }
  }
  while (i < text.size() && text[i] == ' ') ++i;
  const std::string_view rest = text.substr(i);
  std::size_t sep = 0;
  if (rest.starts_with(':')) {
    sep = 1;
  } else if (caps && (rest.starts_with('-') || rest.starts_with('.') ||
                      rest.starts_with('|'))) {
    sep = 1;
  } else if (stacked && rest.starts_with('-') &&
             OneNewsLabel(rest.substr(1), /*stacked=*/false) > 0) {
    sep = 1;
  } else if (caps && (rest.starts_with("\xe2\x80\x93") ||   // en dash
                      rest.starts_with("\xe2\x80\x94"))) {  // em dash
    sep = 3;
  } else {
    return 0;
  }
  i += sep;
  while (i < text.size() && text[i] == ' ') ++i;
  // A headline must follow, two words at least: "VIDEO. 2" is no "2".
  const std::string_view headline = text.substr(i);
  const std::size_t space = headline.find(' ');
  if (space == std::string_view::npos ||
      headline.find_first_not_of(' ', space) == std::string_view::npos) {
    return 0;
  }
  return i;
}

}  // namespace

std::size_t NewsLabelBytes(std::string_view text) {
  // Feeds for social media put a symbol first ("\xF0\x9F\x94\xB4
  // BREAKING: ", "\xE2\x9A\xA1\xEF\xB8\x8F LIVE: "): symbols (So, Sk),
  // their variation selectors and joiners (Mn, Cf) and spaces before a
  // label belong to it.
  std::size_t lead = 0;
  while (lead < text.size()) {
    if (text[lead] == ' ') {
      ++lead;
      continue;
    }
    if (static_cast<unsigned char>(text[lead]) < 0x80) break;  // no symbol
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t len = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data() + lead),
        static_cast<utf8proc_ssize_t>(text.size() - lead), &cp);
    if (len <= 1) break;  // invalid
    const utf8proc_category_t cat = utf8proc_category(cp);
    if (cat != UTF8PROC_CATEGORY_SO && cat != UTF8PROC_CATEGORY_SK &&
        cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_CF) {
      break;
    }
    lead += static_cast<std::size_t>(len);
  }
  if (lead > 0) {
    const std::size_t label = NewsLabelBytes(text.substr(lead));
    return label > 0 ? lead + label : 0;
  }
  // Wire services stack labels ("EXCLUSIVE-UPDATE 2-", "RPT-UPDATE 1-",
  // "Exclusive-UPDATE 2-"): up to three, one after the other.
  std::size_t total = 0;
  for (int k = 0; k < 3; ++k) {
    const std::size_t n = OneNewsLabel(text.substr(total), /*stacked=*/true);
    if (n == 0) break;
    total += n;
  }
  return total;
}

namespace {

// Splits `text` at spaces into its words (at most `max` + 1 of them, so
// that a caller can tell "more than max").
int SpaceWords(std::string_view text, std::string_view* words, int max) {
  int n = 0;
  std::size_t i = 0;
  while (i < text.size() && n <= max) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) words[n++] = text.substr(start, i - start);
  }
  return n;
}

bool IsTagParticle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {
      "de", "del", "della", "di", "da",  "do",  "dos", "das",
      "du", "des", "la",    "le", "les", "el",  "los", "the",
      "of", "y",   "e",     "et", "und", "and", "&"};
  for (std::string_view p : kParticles) {
    if (w == p) return true;
  }
  return false;
}

// A word of an outlet's name: a capital, a digit or a non-ASCII letter
// first ("Época"), or a dot inside ("20minutos.es").
bool IsTagNameWord(std::string_view w) {
  const auto c = static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
         w.find('.') != std::string_view::npos;
}

// Two letters at least, none in lower case ("AFP", "EFE").
bool IsAllCapitals(std::string_view w) {
  int letters = 0;
  for (char ch : w) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

bool HasTagLetter(std::string_view w) {
  for (char ch : w) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
    if (c >= 0x80) return true;
  }
  return false;
}

}  // namespace

std::size_t SourceTagStart(std::string_view text) {
  constexpr int kMaxTagWords = 4;
  constexpr int kMinHeadlineWords = 3;
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  std::size_t sep = std::string_view::npos, tag_begin = 0;
  bool paren = false;
  if (end > 0 && text[end - 1] == ')') {
    const std::size_t open = text.rfind('(', end - 1);
    if (open != std::string_view::npos && open > 0 && text[open - 1] == ' ') {
      sep = open - 1;
      tag_begin = open + 1;
      paren = true;
    }
  } else {
    // The last spaced separator: " - ", " | ", " -- ", " \u2013 " or
    // " \u2014 ", in one backward pass (string_view::rfind compares at
    // every position: five of them took a quarter of near mode's
    // instructions). Most headlines have none of the separators' first
    // bytes (memchr), and a tag of four words is short: the separator is
    // among the last bytes.
    constexpr std::size_t kMaxTagBytes = 96;
    const std::size_t from = end > kMaxTagBytes ? end - kMaxTagBytes : 0;
    const char* tail = text.data() + from;
    if (std::memchr(tail, '-', end - from) == nullptr &&
        std::memchr(tail, '|', end - from) == nullptr &&
        std::memchr(tail, '\xE2', end - from) == nullptr) {
      return text.size();
    }
    for (std::size_t j = end; j-- > std::max<std::size_t>(from, 1);) {
      if (text[j - 1] != ' ') continue;
      std::size_t len = 0;
      if (text[j] == '|') {
        len = 1;
      } else if (text[j] == '-') {
        len = j + 1 < end && text[j + 1] == '-' ? 2 : 1;
      } else if (text[j] == '\xE2' && j + 2 < end && text[j + 1] == '\x80' &&
                 (text[j + 2] == '\x93' || text[j + 2] == '\x94')) {
        len = 3;
      }
      if (len > 0 && j + len < end && text[j + len] == ' ') {
        sep = j - 1;
        tag_begin = j + len + 1;
        break;
      }
    }
  }
  if (sep == std::string_view::npos || sep == 0) return text.size();
  std::string_view tag =
      text.substr(tag_begin, end - tag_begin - (paren ? 1 : 0));
  std::string_view words[kMaxTagWords + 1];
  const int n = SpaceWords(tag, words, kMaxTagWords);
  if (n < 1 || n > kMaxTagWords) return text.size();
  const std::string_view head = text.substr(0, sep);
  std::string_view head_words[kMinHeadlineWords];
  if (SpaceWords(head, head_words, kMinHeadlineWords - 1) < kMinHeadlineWords) {
    return text.size();
  }
  // A headline in capitals ("U.S. CREDIT MARKET OUTLOOK - MINI-REFUNDING",
  // "April 28: ECONOMIC SPOTLIGHT - BRAZIL DEBT": a wire's series and its
  // topic) gives no name a case of its own: half its words or more.
  int words_seen = 0, capitals = 0;
  for (std::size_t i = 0; i < head.size();) {
    while (i < head.size() && head[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < head.size() && head[i] != ' ') ++i;
    const std::string_view w = head.substr(start, i - start);
    if (!w.empty() && HasTagLetter(w)) {
      ++words_seen;
      capitals += IsAllCapitals(w);
    }
  }
  if (2 * capitals >= words_seen) return text.size();
  bool letter = false;
  for (int k = 0; k < n; ++k) letter = letter || HasTagLetter(words[k]);
  if (!letter) return text.size();
  if (paren) {
    // One word, no name: an agency in capitals ("AFP", "dpa"), a site
    // ("nytimes.com") or a media note ("+video"), not a place ("(Soudan)")
    // or a subtitle.
    const auto first = static_cast<unsigned char>(words[0][0]);
    if (n > 1 || (!IsAllCapitals(words[0]) &&
                  ((first >= 'A' && first <= 'Z') || first >= 0x80))) {
      return text.size();
    }
    for (char c : tag) {
      if (c >= '0' && c <= '9') return text.size();
    }
  } else if (const auto before = static_cast<unsigned char>(text[sep - 1]);
             before >= '0' && before <= '9' && tag[0] >= '0' && tag[0] <= '9') {
    return text.size();  // a score: "1 - 0 Rangers"
  }
  // Nor one inside it ("Belfast Giants 5:3", "2-1").
  for (std::size_t i = 1; i + 1 < tag.size(); ++i) {
    if ((tag[i] == ':' || tag[i] == '-') && tag[i - 1] >= '0' &&
        tag[i - 1] <= '9' && tag[i + 1] >= '0' && tag[i + 1] <= '9') {
      return text.size();
    }
  }
  if (n > 1) {
    if (!IsTagNameWord(words[0])) return text.size();
    for (int k = 1; k < n; ++k) {
      if (!IsTagNameWord(words[k]) && !IsTagParticle(words[k])) {
        return text.size();
      }
    }
  }
  // A date is a fact, not an outlet ("... -- Dec. 4", "... - 14 de Maio").
  thread_local std::string key;  // no allocation once warm
  NormalizeKey(tag, &key);
  for (std::size_t i = 0; i < key.size();) {
    std::size_t j = i;
    while (j < key.size() && key[j] != ' ' && key[j] != '.') ++j;
    const ClosedClassKind kind = LookupClosedClass(key.substr(i, j - i)).kind;
    if (kind == ClosedClassKind::kMonth || kind == ClosedClassKind::kWeekday) {
      return text.size();
    }
    i = j + 1;
  }
  return sep;
}

}  // namespace tickerdedup::internal
