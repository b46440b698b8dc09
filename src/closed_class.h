// Multilingual closed-class words: month names, weekday names and number
// words in eng, fra, spa, por, ita, deu, and weekday names in Chinese,
// Japanese and Korean. Hand-written lists (closed classes;
// sources: the languages' standard calendars and cardinal numerals), used by
// the fact guard and the cross-language features so that "février",
// "febrero", "February" and "Februar" become one canonical token. Also the
// number words, months and weekdays of languages in other scripts than
// Latin ("три", "خمسة", "февраля", "πέντε", "다섯"), in the language-blind
// lookup, and of Latin-script languages beyond the six ("drie", "lutego",
// "zaterdag"), read in their own headlines only (ClosedClassLanguage):
// from ICU's CLDR data at build time (tools/gen_closed_class_words.cc).
//
//   ClosedClass c = LookupClosedClass("febrero");  // {kMonth, 2}
#ifndef TICKERDEDUP_SRC_CLOSED_CLASS_H_
#define TICKERDEDUP_SRC_CLOSED_CLASS_H_

#include <cstddef>
#include <string_view>

namespace tickerdedup::internal {

enum class ClosedClassKind { kNone, kMonth, kWeekday, kNumber };

struct ClosedClass {
  ClosedClassKind kind = ClosedClassKind::kNone;
  int value = 0;  // month 1-12, weekday 1-7 (Monday = 1), number value
  // A month only beside a date's number ("21 февраля", "Ocak 2024"): the
  // names that closed_class.cc takes from ICU, some of which are common
  // words too (Turkish "Ocak" is also "stove", Arabic "مارس" "practiced").
  bool needs_date = false;
};

// `word` is one folded token (lower-case, accents stripped, as in match
// keys). Abbreviations such as "fev", "feb", "sept" count as months only when
// unambiguous.
ClosedClass LookupClosedClass(std::string_view word);

// The reading in a headline of language `lang`, a StopLang index (eng 0,
// fra 1, spa 2, por 3, ita 4, deu 5; stopwords.h): the entries that hold in
// that language. A few words are closed-class words in some languages only
// and ordinary words in others: "due" (ita 2, eng "due to"), "may" (eng May,
// a name elsewhere), "mai" (fra, deu May; ita "never"), "mil" (spa, por
// 1000; eng "mil."). And a few closed-class words of one language are
// common words of another, so the language-blind lookup above leaves them
// out: "dos" (spa 2, por "of the"), "once" (spa 11), "seize" (fra 16),
// "miles" (spa thousands). Out of range: LookupClosedClass(word).
// A `lang` of 6 or more is a language of ClosedClassLanguage.
ClosedClass LookupClosedClass(std::string_view word, int lang);

// The `lang` under which LookupClosedClass reads the number words, months
// and weekdays of a Latin-script language beyond the six (tools/
// gen_closed_class_words.cc: Dutch "drie", Polish "lutego", Turkish "üç"):
// 6 or more for an ISO 639-3 code that has them ("nld", "pol", "tur",
// "ces", "swe", "ron", "ind" ...), -1 for any other. Under it a word reads
// as its language's generated word first, else as in the language-blind
// lookup. Those words are no closed-class words in any other headline:
// Turkish "on" (10), Dutch "een" (1), Swedish "sex" (6) are words of the
// six.
int ClosedClassLanguage(std::string_view iso3);

// Both readings with one table probe: *in_lang = LookupClosedClass(word,
// lang), *blind = LookupClosedClass(word). The fact reader asks both of
// every word (numbers in the headline's language, months and weekdays in
// any).
void LookupClosedClassBoth(std::string_view word, int lang,
                           ClosedClass* in_lang, ClosedClass* blind);

// The count in a one-word adjective or noun of age or duration, or 0:
// German "-tägig", "-jährig", "-monatig", "-wöchig", "-stündig",
// "-minütig", "-fach", "-malig" after a number word, with an adjective
// ending ("viertägige Waffenruhe" is a "four-day truce", "Zehnjähriger" a
// "10-year-old"), and Italian ages in "-enne" / "-enni" ("tredicenne", a
// "13-year-old"; "quarantenni"). English and the other Romance languages
// write the count apart ("four-day", "de 13 años"), so without this the
// fact guard and the cross-language features read a number on one side
// only. `lang` is a StopLang index (German 5, Italian 4) or -1 for both.
int CountCompoundValueSlow(std::string_view word, int lang);
inline int CountCompoundValue(std::string_view word, int lang) {
  // Every word is asked: the endings turn most away. German heads end in
  // "ig" or "fach" before at most two letters of ending, Italian ages in
  // "enne" / "enni".
  const std::size_t n = word.size();
  if (n < 7) return 0;
  const char* e = word.data() + n;
  const bool german = e[-1] == 'g' || e[-2] == 'g' || e[-3] == 'g' ||
                      e[-1] == 'h' || e[-2] == 'h' || e[-3] == 'h';
  const bool italian = e[-2] == 'n' && e[-3] == 'n';
  if (!german && !italian) return 0;
  return CountCompoundValueSlow(word, lang);
}

// The weekdays named inside `token`, a match key's run of CJK characters
// (Chinese and Japanese write no spaces, so a weekday is part of a longer
// token: "中国股市周五收高"): Chinese 星期一 .. 星期六, 星期日 / 星期天,
// 周一 .. 周日, 礼拜一 .. 礼拜日 / 礼拜天; Japanese 月曜 .. 日曜 (曜日
// or not); Korean 월요일 .. 일요일 (particles may follow: "일요일에").
// Stores up to `max` values (Monday = 1) in `out`, in order, and returns how
// many it found. A closed class, written by hand from the three calendars.
// Any token may be asked; the fact reader asks only those of a key for
// which HasCjkLeadByte holds.
int CjkWeekdays(std::string_view token, int* out, int max);

// The counts written in Chinese or Japanese numerals inside `token`, a
// match key's run of CJK characters: a run of 〇 零 一 二 两 三 .. 九 十 百
// 千 万 亿 (and their traditional forms) read as the number it writes
// ("三十五" 35, "两千" 2000, "一万五千" 15000, "三百零五" 305, "二〇一九"
// 2019), where a counter or measure word follows it ("三人死亡", "五名",
// "十年", "三季度", "两架", "千円"): without one a numeral is a part of a
// word ("三星" Samsung, "四川", "五輪" the Olympics, "十分" very). Not
// after 周 / 星期 / 礼拜 (a weekday: CjkWeekdays), not 1 ("一个" is also
// the article "a") and not 0. Stores up to `max` values in `out`, in
// order, and returns how many it found. A closed class, written by hand.
// `after_digits`: the token follows digits with no space ("3万人"): a run
// of 万 / 亿 at its start scales those digits (CjkMultiplierAt), and is no
// count of its own.
int CjkNumbers(std::string_view token, int* out, int max,
               bool after_digits = false);

// 10000 or 100000000 when `token` opens with 万 / 萬 or 亿 / 億 (the myriad
// multipliers that Chinese and Japanese write after digits: "3万人" is
// 30,000 people, "1.5亿" 150 million), else 0.
int CjkMultiplierAt(std::string_view token);

// Whether `text` has a byte of 0xE3 or more: the lead byte of a 3-byte
// UTF-8 character from U+3000 on (CJK ideographs, kana, Hangul), which
// Latin text never has. Eight bytes at a time: ASCII leaves at one test.
bool HasCjkLeadByte(std::string_view text);

}  // namespace tickerdedup::internal

#endif  // TICKERDEDUP_SRC_CLOSED_CLASS_H_
