// Multilingual closed-class words: month names, weekday names and number
// words in eng, fra, spa, por, ita, deu. Hand-written lists (closed classes;
// sources: the languages' standard calendars and cardinal numerals), used by
// the fact guard and the cross-language features so that "février",
// "febrero", "February" and "Februar" become one canonical token.
//
//   ClosedClass c = LookupClosedClass("febrero");  // {kMonth, 2}
#ifndef TICKERDEDUP_SRC_CLOSED_CLASS_H_
#define TICKERDEDUP_SRC_CLOSED_CLASS_H_

#include <string_view>

namespace tickerdedup::internal {

enum class ClosedClassKind { kNone, kMonth, kWeekday, kNumber };

struct ClosedClass {
  ClosedClassKind kind = ClosedClassKind::kNone;
  int value = 0;  // month 1-12, weekday 1-7 (Monday = 1), number value
};

// `word` is one folded token (lower-case, accents stripped, as in match
// keys). Abbreviations such as "fev", "feb", "sept" count as months only when
// unambiguous.
ClosedClass LookupClosedClass(std::string_view word);

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_CLOSED_CLASS_H_
