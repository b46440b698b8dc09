// Match-key normalization. The key decides equality and feeds the sketches;
// the original bytes are what users get back.
//
//   std::string key;
//   bool repaired = tickerdedup::internal::NormalizeKey(text, &key);
//
// Steps, in order: invalid UTF-8 replaced by U+FFFD; HTML entities decoded
// (&amp; &#39; &#x27; &eacute; ...); Unicode NFKC + case folding + accent
// stripping (utf8proc); typographic quotes, apostrophes, dashes and spaces
// unified to ASCII ' " - and space; whitespace collapsed and trimmed.
#ifndef TICKERDEDUP_SRC_NORMALIZE_H_
#define TICKERDEDUP_SRC_NORMALIZE_H_

#include <string>
#include <string_view>

namespace tickerdedup::internal {

// Writes the match key of `text` to *key (replacing its contents). Returns
// true when `text` held invalid UTF-8 (repaired in the key). Pure ASCII input
// takes a fast path that never calls utf8proc; in mixed text only the words
// holding a byte >= 0x80 or '&' take the general path, through a per-thread
// memo of recent words' keys (256 KiB per thread that meets such words).
// Thread-safe.
bool NormalizeKey(std::string_view text, std::string* key);

// NormalizeKey without the pure-ASCII fast path: the reference the fast path
// is tested against, and the general path benchmarks measure.
bool NormalizeKeyGeneral(std::string_view text, std::string* key);

// Copies `text` to *out with every invalid UTF-8 sequence replaced by U+FFFD
// (and NUL bytes kept). Returns true when anything was replaced.
bool RepairUtf8(std::string_view text, std::string* out);

// True when `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);

// Bytes of a newsroom label that opens `text` ("BREAKING: ", "UPDATE 2-",
// "VIDEO. ", "Watch: "), its separator and the spaces after it included,
// and the symbols before it ("\xF0\x9F\x94\xB4 BREAKING: "); 0 when there
// is none. A label is a word of a closed list (newsroom slugs in
// the six languages, ASCII spellings) with an optional update number, then
// a colon, or, written in capitals, a hyphen, period, bar or dash
// ("Watch-maker" and "Live. Love." are no labels), then a headline of two
// words at least. The label is boilerplate that copies of a headline gain
// and lose, like a trailing "| Reuters": the engine keeps it in the match
// key (exact repeats) and in the cross-language analysis (translations keep
// it), and leaves it out of the near features and the fact guard.
std::size_t NewsLabelBytes(std::string_view text);

// Where a trailing source tag of `text` starts (the space before its
// separator), or text.size() when there is none. A source tag is what
// aggregators append to a title, an outlet's name: after the last spaced
// dash or bar ("... - BBC News", "... | EL PAÍS", "... - France 24", "... --
// tagesschau.de"), 1-4 words, each a name (a capital, a digit, a non-ASCII
// first letter or a dot) or a particle ("Corriere della Sera", "Folha de
// S.Paulo"), or any one word ("- franceinfo", "- n-tv"); or one word in a
// final parenthesis, in capitals or in lower case, without a digit ("(AFP)",
// "(dpa)", "(nytimes.com)", "(+video)"). After a headline of three words at
// least, not half in capitals (a wire's "ECONOMIC SPOTLIGHT - BRAZIL DEBT" is a
// series and its topic). Never a tag: words in lower case after the first ("-
// roads closed"), a month or weekday ("-- Dec. 4"), a score ("Livingston 1 - 0
// Rangers", "Belfast Giants 5:3"), a name in parentheses ("(Soudan)").
// docs/near.md, section 31.
std::size_t SourceTagStart(std::string_view text);

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_NORMALIZE_H_
