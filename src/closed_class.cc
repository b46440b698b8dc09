// Closed-class word tables: months, weekdays and number words in eng, fra,
// spa, por, ita, deu, as folded match-key tokens (lower-case, accents
// stripped, ß -> ss). Sources: the languages' standard Gregorian calendar
// names and cardinal numerals (as in any grammar of the language, e.g. the
// CLDR "gregorian" month/day names for the six locales), and the newspaper
// abbreviations of month names.
//
// Choices, each made because a form is also a common word of one of the six
// languages (the same table serves all of them, without language id):
//   * Month abbreviations kept: jan feb apr jun jul aug sep sept* oct nov dec
//     (eng), janv fev fevr avr juil (fra), ene dic (spa), ott (ita). Left out:
//     "mar" (spa "sea"), "gen" (eng "general"), "out" (eng), "ago" (eng
//     "ago"), "dez" (por "ten"), "mai" as an abbreviation (it is the full
//     name). *"sept" is the French numeral 7 here; facts.cc reads it as
//     September only right before a day or year ("Sept. 11").
//   * Full month names are months even when they are also words ("may",
//     "mai" = ita "never", "march", "marco" = the name Marco): callers that
//     turn them into facts check the context (facts.cc does).
//   * Weekday abbreviations (mon, wed, sat, sun, ...) are left out: "sun",
//     "sat", "wed" are English words and "mon" is French "my". Portuguese
//     weekdays are the hyphenated "segunda-feira" ... "sexta-feira" only:
//     "segunda", "quarta", "quinta", "sexta" alone are ordinals.
//   * Number words 0-20, the tens, 100 and 1000, and the big multipliers,
//     each with the value of the word alone ("milliard" = 1e9, "billion" =
//     1e9: the English short scale, since English dominates news). The 1e12
//     words ("trillion", spa "billon") do not fit ClosedClass::value and are
//     left out; the digits before them still count. Indefinite articles that
//     are also "one" (un, une, uno, una, um, uma, ein, eine, one) have value 1;
//     fact extraction decides when they count. Left out: "once" (spa 11, eng
//     "once"), "seize" (fra 16, eng "seize"), "dos" (spa 2, por "of the"),
//     "null"/"nul" (deu 0, "null and void", fra "match nul").
//   * Chinese, Japanese and Korean weekdays (CjkWeekdays): the three
//     calendars' day names, found inside longer tokens since Chinese and
//     Japanese write no spaces. Chinese "周" + day number, but not "周天"
//     (also a full circle); "礼拜" + day number, not "做礼拜" (worship).
//     No Chinese or Japanese month names ("三月" is read as the count 3 by
//     CjkNumbers, before its counter 月); numerals only before a counter
//     or measure word (CjkNumbers): "一" and "三" are parts of many words.
//   * Number words, months and weekdays of languages beyond the six are
//     generated (tools/gen_closed_class_words.cc: ICU's spell-out rules, 2
//     to 900 and the multipliers, genders and common cases; its Gregorian
//     month and weekday names), not written here.
//   * Where the headline's language is known (the cross-language features),
//     the language-aware lookup reads "once", "seize", "dos" and "miles" in
//     their own language, and a few entries ("may", "mai", "due", ...) only
//     in theirs (kRestrictions, kLanguageEntries).
#include "closed_class.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "normalize.h"
#include "word_hash.h"

namespace tickerdedup::internal {
namespace {

struct Entry {
  std::string_view word;
  ClosedClassKind kind;
  int value;
};

constexpr ClosedClassKind kM = ClosedClassKind::kMonth;
constexpr ClosedClassKind kW = ClosedClassKind::kWeekday;
constexpr ClosedClassKind kN = ClosedClassKind::kNumber;

constexpr Entry kEntries[] = {
    // ---- months: eng
    {"january", kM, 1},
    {"february", kM, 2},
    {"march", kM, 3},
    {"april", kM, 4},
    {"may", kM, 5},
    {"june", kM, 6},
    {"july", kM, 7},
    {"august", kM, 8},
    {"september", kM, 9},
    {"october", kM, 10},
    {"november", kM, 11},
    {"december", kM, 12},
    {"jan", kM, 1},
    {"feb", kM, 2},
    {"apr", kM, 4},
    {"jun", kM, 6},
    {"jul", kM, 7},
    {"aug", kM, 8},
    {"sep", kM, 9},
    {"oct", kM, 10},
    {"nov", kM, 11},
    {"dec", kM, 12},
    // ---- months: fra
    {"janvier", kM, 1},
    {"fevrier", kM, 2},
    {"mars", kM, 3},
    {"avril", kM, 4},
    {"mai", kM, 5},
    {"juin", kM, 6},
    {"juillet", kM, 7},
    {"aout", kM, 8},
    {"septembre", kM, 9},
    {"octobre", kM, 10},
    {"novembre", kM, 11},
    {"decembre", kM, 12},
    {"janv", kM, 1},
    {"fev", kM, 2},
    {"fevr", kM, 2},
    {"avr", kM, 4},
    {"juil", kM, 7},
    // ---- months: spa
    {"enero", kM, 1},
    {"febrero", kM, 2},
    {"marzo", kM, 3},
    {"abril", kM, 4},
    {"mayo", kM, 5},
    {"junio", kM, 6},
    {"julio", kM, 7},
    {"agosto", kM, 8},
    {"septiembre", kM, 9},
    {"setiembre", kM, 9},
    {"octubre", kM, 10},
    {"noviembre", kM, 11},
    {"diciembre", kM, 12},
    {"ene", kM, 1},
    {"dic", kM, 12},
    // ---- months: por ("abril", "agosto" as in spa)
    {"janeiro", kM, 1},
    {"fevereiro", kM, 2},
    {"marco", kM, 3},
    {"maio", kM, 5},
    {"junho", kM, 6},
    {"julho", kM, 7},
    {"setembro", kM, 9},
    {"outubro", kM, 10},
    {"novembro", kM, 11},
    {"dezembro", kM, 12},
    // ---- months: ita ("marzo", "agosto", "novembre" as above)
    {"gennaio", kM, 1},
    {"febbraio", kM, 2},
    {"aprile", kM, 4},
    {"maggio", kM, 5},
    {"giugno", kM, 6},
    {"luglio", kM, 7},
    {"settembre", kM, 9},
    {"ottobre", kM, 10},
    {"dicembre", kM, 12},
    {"ott", kM, 10},
    // ---- months: deu ("april", "mai", "august", "september", "november"
    // as above); "jänner"/"feber" are the Austrian forms.
    {"januar", kM, 1},
    {"janner", kM, 1},
    {"februar", kM, 2},
    {"feber", kM, 2},
    {"marz", kM, 3},
    {"juni", kM, 6},
    {"juli", kM, 7},
    {"oktober", kM, 10},
    {"dezember", kM, 12},

    // ---- weekdays, Monday = 1
    {"monday", kW, 1},
    {"tuesday", kW, 2},
    {"wednesday", kW, 3},
    {"thursday", kW, 4},
    {"friday", kW, 5},
    {"saturday", kW, 6},
    {"sunday", kW, 7},
    {"lundi", kW, 1},
    {"mardi", kW, 2},
    {"mercredi", kW, 3},
    {"jeudi", kW, 4},
    {"vendredi", kW, 5},
    {"samedi", kW, 6},
    {"dimanche", kW, 7},
    {"lunes", kW, 1},
    {"martes", kW, 2},
    {"miercoles", kW, 3},
    {"jueves", kW, 4},
    {"viernes", kW, 5},
    {"sabado", kW, 6},
    {"domingo", kW, 7},
    {"segunda-feira", kW, 1},
    {"terca-feira", kW, 2},
    {"quarta-feira", kW, 3},
    {"quinta-feira", kW, 4},
    {"sexta-feira", kW, 5},
    {"lunedi", kW, 1},
    {"martedi", kW, 2},
    {"mercoledi", kW, 3},
    {"giovedi", kW, 4},
    {"venerdi", kW, 5},
    {"sabato", kW, 6},
    {"domenica", kW, 7},
    {"montag", kW, 1},
    {"dienstag", kW, 2},
    {"mittwoch", kW, 3},
    {"donnerstag", kW, 4},
    {"freitag", kW, 5},
    {"samstag", kW, 6},
    {"sonnabend", kW, 6},
    {"sonntag", kW, 7},
    // Plurals and German adverbs ("on Saturdays", "samstags"): the same day.
    {"mondays", kW, 1},
    {"tuesdays", kW, 2},
    {"wednesdays", kW, 3},
    {"thursdays", kW, 4},
    {"fridays", kW, 5},
    {"saturdays", kW, 6},
    {"sundays", kW, 7},
    {"lundis", kW, 1},
    {"mardis", kW, 2},
    {"mercredis", kW, 3},
    {"jeudis", kW, 4},
    {"vendredis", kW, 5},
    {"samedis", kW, 6},
    {"dimanches", kW, 7},
    {"sabados", kW, 6},
    {"domingos", kW, 7},
    {"segundas-feiras", kW, 1},
    {"tercas-feiras", kW, 2},
    {"quartas-feiras", kW, 3},
    {"quintas-feiras", kW, 4},
    {"sextas-feiras", kW, 5},
    {"sabati", kW, 6},
    {"domeniche", kW, 7},
    {"montags", kW, 1},
    {"dienstags", kW, 2},
    {"mittwochs", kW, 3},
    {"donnerstags", kW, 4},
    {"freitags", kW, 5},
    {"samstags", kW, 6},
    {"sonnabends", kW, 6},
    {"sonntags", kW, 7},

    // ---- numbers: eng
    {"zero", kN, 0},
    {"one", kN, 1},
    {"two", kN, 2},
    {"three", kN, 3},
    {"four", kN, 4},
    {"five", kN, 5},
    {"six", kN, 6},
    {"seven", kN, 7},
    {"eight", kN, 8},
    {"nine", kN, 9},
    {"ten", kN, 10},
    {"eleven", kN, 11},
    {"twelve", kN, 12},
    {"thirteen", kN, 13},
    {"fourteen", kN, 14},
    {"fifteen", kN, 15},
    {"sixteen", kN, 16},
    {"seventeen", kN, 17},
    {"eighteen", kN, 18},
    {"nineteen", kN, 19},
    {"twenty", kN, 20},
    {"thirty", kN, 30},
    {"forty", kN, 40},
    {"fifty", kN, 50},
    {"sixty", kN, 60},
    {"seventy", kN, 70},
    {"eighty", kN, 80},
    {"ninety", kN, 90},
    {"hundred", kN, 100},
    {"hundreds", kN, 100},
    {"thousand", kN, 1000},
    {"thousands", kN, 1000},
    // How many times: "stabbed twice" / "three times", "twice as fast" /
    // "three times as fast" ("once" is also "formerly": "once-mighty").
    {"twice", kN, 2},
    {"thrice", kN, 3},
    // ---- numbers: fra ("zero", "six" as in eng; "sept" = 7)
    {"un", kN, 1},
    {"une", kN, 1},
    {"deux", kN, 2},
    {"trois", kN, 3},
    {"quatre", kN, 4},
    {"cinq", kN, 5},
    {"sept", kN, 7},
    {"huit", kN, 8},
    {"neuf", kN, 9},
    {"dix", kN, 10},
    {"onze", kN, 11},
    {"douze", kN, 12},
    {"treize", kN, 13},
    {"quatorze", kN, 14},
    {"quinze", kN, 15},
    {"dix-sept", kN, 17},
    {"dix-huit", kN, 18},
    {"dix-neuf", kN, 19},
    {"vingt", kN, 20},
    {"vingts", kN, 20},
    {"trente", kN, 30},
    {"quarante", kN, 40},
    {"cinquante", kN, 50},
    {"soixante", kN, 60},
    {"septante", kN, 70},
    {"huitante", kN, 80},
    {"octante", kN, 80},
    {"nonante", kN, 90},
    {"cent", kN, 100},
    {"cents", kN, 100},
    {"mille", kN, 1000},
    {"milliers", kN, 1000},
    {"millier", kN, 1000},
    // "des centaines de morts" = "hundreds of dead" = "cientos de muertos".
    {"centaine", kN, 100},
    {"centaines", kN, 100},
    // ---- numbers: spa ("cero" ...; "tres", "seis", "cinco" shared with por)
    {"cero", kN, 0},
    {"uno", kN, 1},
    {"una", kN, 1},
    {"tres", kN, 3},
    {"cuatro", kN, 4},
    {"cinco", kN, 5},
    {"seis", kN, 6},
    {"siete", kN, 7},
    {"ocho", kN, 8},
    {"nueve", kN, 9},
    {"diez", kN, 10},
    {"doce", kN, 12},
    {"trece", kN, 13},
    {"catorce", kN, 14},
    {"quince", kN, 15},
    {"dieciseis", kN, 16},
    {"diecisiete", kN, 17},
    {"dieciocho", kN, 18},
    {"diecinueve", kN, 19},
    {"veinte", kN, 20},
    {"treinta", kN, 30},
    {"cuarenta", kN, 40},
    {"cincuenta", kN, 50},
    {"sesenta", kN, 60},
    {"setenta", kN, 70},
    {"ochenta", kN, 80},
    {"noventa", kN, 90},
    {"cien", kN, 100},
    {"ciento", kN, 100},
    {"cientos", kN, 100},
    {"centenar", kN, 100},
    {"centenares", kN, 100},
    {"millares", kN, 1000},
    {"mil", kN, 1000},
    // ---- numbers: por
    {"um", kN, 1},
    {"uma", kN, 1},
    {"dois", kN, 2},
    {"duas", kN, 2},
    {"quatro", kN, 4},
    {"sete", kN, 7},
    {"oito", kN, 8},
    {"nove", kN, 9},
    {"dez", kN, 10},
    {"doze", kN, 12},
    {"treze", kN, 13},
    {"catorze", kN, 14},
    {"dezesseis", kN, 16},
    {"dezasseis", kN, 16},
    {"dezessete", kN, 17},
    {"dezassete", kN, 17},
    {"dezoito", kN, 18},
    {"dezenove", kN, 19},
    {"dezanove", kN, 19},
    {"vinte", kN, 20},
    {"trinta", kN, 30},
    {"quarenta", kN, 40},
    {"cinquenta", kN, 50},
    {"sessenta", kN, 60},
    {"oitenta", kN, 80},
    {"cem", kN, 100},
    {"cento", kN, 100},
    {"centena", kN, 100},
    {"centenas", kN, 100},
    {"milhares", kN, 1000},
    // ---- numbers: ita ("uno", "nove", "cento" as above)
    {"due", kN, 2},
    {"tre", kN, 3},
    {"quattro", kN, 4},
    {"cinque", kN, 5},
    {"sei", kN, 6},
    {"sette", kN, 7},
    {"otto", kN, 8},
    {"dieci", kN, 10},
    {"undici", kN, 11},
    {"dodici", kN, 12},
    {"tredici", kN, 13},
    {"quattordici", kN, 14},
    {"quindici", kN, 15},
    {"sedici", kN, 16},
    {"diciassette", kN, 17},
    {"diciotto", kN, 18},
    {"diciannove", kN, 19},
    {"venti", kN, 20},
    {"trenta", kN, 30},
    {"quaranta", kN, 40},
    {"cinquanta", kN, 50},
    {"sessanta", kN, 60},
    {"settanta", kN, 70},
    {"ottanta", kN, 80},
    {"novanta", kN, 90},
    {"mila", kN, 1000},
    {"migliaia", kN, 1000},
    {"centinaio", kN, 100},
    {"centinaia", kN, 100},
    // ---- numbers: deu
    {"ein", kN, 1},
    {"eine", kN, 1},
    {"eins", kN, 1},
    {"zwei", kN, 2},
    {"zwo", kN, 2},
    {"drei", kN, 3},
    {"vier", kN, 4},
    {"funf", kN, 5},
    {"sechs", kN, 6},
    {"sieben", kN, 7},
    {"acht", kN, 8},
    {"neun", kN, 9},
    {"zehn", kN, 10},
    {"elf", kN, 11},
    {"zwolf", kN, 12},
    {"dreizehn", kN, 13},
    {"vierzehn", kN, 14},
    {"funfzehn", kN, 15},
    {"sechzehn", kN, 16},
    {"siebzehn", kN, 17},
    {"achtzehn", kN, 18},
    {"neunzehn", kN, 19},
    {"zwanzig", kN, 20},
    {"dreissig", kN, 30},
    {"vierzig", kN, 40},
    {"funfzig", kN, 50},
    {"sechzig", kN, 60},
    {"siebzig", kN, 70},
    {"achtzig", kN, 80},
    {"neunzig", kN, 90},
    {"hundert", kN, 100},
    {"hunderte", kN, 100},
    {"tausend", kN, 1000},
    {"tausende", kN, 1000},

    // ---- multipliers (value of the word alone)
    {"million", kN, 1000000},
    {"millions", kN, 1000000},
    {"millon", kN, 1000000},
    {"millones", kN, 1000000},
    {"milhao", kN, 1000000},
    {"milhoes", kN, 1000000},
    {"milione", kN, 1000000},
    {"milioni", kN, 1000000},
    {"millionen", kN, 1000000},
    {"mio", kN, 1000000},
    {"mln", kN, 1000000},
    {"milliard", kN, 1000000000},
    {"milliards", kN, 1000000000},
    {"milliarde", kN, 1000000000},
    {"milliarden", kN, 1000000000},
    {"miliardo", kN, 1000000000},
    {"miliardi", kN, 1000000000},
    {"mrd", kN, 1000000000},
    {"billion", kN, 1000000000},
    {"billions", kN, 1000000000},
    {"bn", kN, 1000000000},
    {"bil", kN, 1000000000},  // wire titles: "$5.55 bil"
    {"bilhao", kN, 1000000000},
    {"bilhoes", kN, 1000000000},
};

// Language bits (StopLang order) for the language-aware lookup.
constexpr std::uint8_t kEng = 1 << 0, kFra = 1 << 1, kSpa = 1 << 2,
                       kPor = 1 << 3, kIta = 1 << 4, kDeu = 1 << 5;
constexpr std::uint8_t kAllLangs = 0x3F;

// Entries above that hold in these languages only; elsewhere they are
// ordinary words (English "due to", the name "Otto", Portuguese "sei" = "I
// know", Italian "mai" = "never", the planet Mars, "Marco", English "elf",
// "cent", "mil.", French "très"). "sept" keeps its own rule (xlang.cc,
// facts.cc).
struct Restriction {
  std::string_view word;
  std::uint8_t langs;
};
constexpr Restriction kRestrictions[] = {
    {"may", kEng},   {"mai", kFra | kDeu}, {"mars", kFra},
    {"marco", kPor}, {"due", kIta},        {"sei", kIta},
    {"otto", kIta},  {"elf", kDeu},        {"mil", kSpa | kPor},
    {"cent", kFra},  {"cents", kFra},      {"tres", kSpa | kPor},
};

// Closed-class words of one language that are common words of another, so
// the language-blind lookup leaves them out (closed_class.h).
struct LanguageEntry {
  std::string_view word;
  ClosedClassKind kind;
  int value;
  std::uint8_t langs;
};
constexpr LanguageEntry kLanguageEntries[] = {
    {"dos", kN, 2, kSpa},       // por "of the"
    {"once", kN, 11, kSpa},     // eng "once"
    {"seize", kN, 16, kFra},    // eng "seize"
    {"miles", kN, 1000, kSpa},  // eng "miles"; "miles de" = thousands
};

// Number words, months and weekdays of languages beyond the six, from
// ICU at build time (tools/gen_closed_class_words.cc) as ICU writes them;
// the tables hold their match keys. Those of other scripts than Latin
// (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Hangul ...; `lang` empty)
// read the same in every language, since no word of the six is written in
// those scripts; those of another Latin-script language (`lang` its ISO
// 639-3 code) only in a headline of that language (ClosedClassLanguage).
struct SpelledWord {
  std::string_view word;
  char kind;  // 'n' number, 'm' month, 'w' weekday
  int value;
  std::string_view lang;
};
constexpr SpelledWord kSpelledWords[] = {
#include "closed_class_words.inc"
};

// The reading of a generated entry: a month needs a date beside it.
ClosedClass SpelledReading(const SpelledWord& e) {
  switch (e.kind) {
    case 'm':
      return {ClosedClassKind::kMonth, e.value, /*needs_date=*/true};
    case 'w':
      return {ClosedClassKind::kWeekday, e.value};
    default:
      return {ClosedClassKind::kNumber, e.value};
  }
}

struct Value {
  ClosedClass reading;
  std::uint8_t langs;  // languages where the reading holds
  bool blind;          // in the language-blind lookup
};

// A word of Latin-script languages beyond the six: its reading and those
// languages (bit k for OtherTable::langs[k]).
struct OtherValue {
  ClosedClass reading;
  std::uint64_t langs;
  std::uint64_t blocked = 0;  // languages that read it otherwise
};

using Table = FilteredWordMap<Value>;

// The generated words of other scripts than Latin, apart from Table:
// their keys start with a byte of 0x80 or more, the hand-written ones
// with ASCII (folded: "funf", "zwolf"), so a word's first byte tells which
// table may hold it. Built at the first such word: an ASCII feed never
// folds them (~1,100 words, ~4M instructions).
struct ScriptTable {
  FilteredWordMap<Value> words;
  std::size_t max_bytes = 0;  // the longest key
};

// The generated words of Latin-script languages beyond the six, apart
// from Table: every word of every headline is looked up there, and a
// larger table would let more of them past its filter. Built at the first
// headline of such a language (never in near mode, which reads no
// language).
struct OtherTable {
  FilteredWordMap<OtherValue> words;
};

// The Latin-script languages of kSpelledWords, in their first entries'
// order: OtherValue::langs' bits (ClosedClassLanguage: 6 + the index). Read
// from the codes alone, so that a headline of any other language (Russian,
// "und") asks for its index without building OtherTable.
const std::vector<std::string_view>& OtherLanguages() {
  static const std::vector<std::string_view>* const langs = [] {
    auto* out = new std::vector<std::string_view>;
    for (const SpelledWord& e : kSpelledWords) {
      if (e.lang.empty() || out->size() >= 64) continue;
      if (std::find(out->begin(), out->end(), e.lang) == out->end()) {
        out->push_back(e.lang);
      }
    }
    return out;
  }();
  return *langs;
}

// A generated word's key, folded once into `keys`: each builder below
// runs once (a static's initializer, maybe on two threads at once) and
// keeps its own, as long as its table lives (the process).
std::string_view SpelledKey(std::string_view word,
                            std::deque<std::string>* keys) {
  std::string& key = keys->emplace_back();
  NormalizeKey(word, &key);
  return key;
}

Table BuildTable() {
  Table table;
  table.Reserve(std::size(kEntries) + std::size(kLanguageEntries));
  for (const Entry& e : kEntries) {
    table.Insert(e.word, Value{{e.kind, e.value}, kAllLangs, true});
  }
  for (const Restriction& r : kRestrictions) {
    // Every restricted word is an entry (closed_class_test checks each).
    if (Value* v = table.Find(r.word)) v->langs = r.langs;
  }
  for (const LanguageEntry& e : kLanguageEntries) {
    table.Insert(e.word, Value{{e.kind, e.value}, e.langs, false});
  }
  return table;
}

ScriptTable BuildScriptTable() {
  ScriptTable out;
  static std::deque<std::string> keys;
  for (const SpelledWord& e : kSpelledWords) {
    if (!e.lang.empty()) continue;
    const std::string_view key = SpelledKey(e.word, &keys);
    if (key.empty() || static_cast<unsigned char>(key[0]) < 0x80) continue;
    const ClosedClass reading = SpelledReading(e);
    if (Value* old = out.words.Find(key)) {
      // Two spellings of one key for two readings (after folding): neither.
      if (old->reading.kind != reading.kind ||
          old->reading.value != reading.value) {
        *old = Value{{}, 0, false};
      }
      continue;
    }
    out.words.Insert(key, Value{reading, kAllLangs, true});
    out.max_bytes = std::max(out.max_bytes, key.size());
  }
  return out;
}

OtherTable BuildOtherTable() {
  OtherTable out;
  static std::deque<std::string> keys;
  const std::vector<std::string_view>& langs = OtherLanguages();
  for (const SpelledWord& e : kSpelledWords) {
    if (e.lang.empty()) continue;
    const auto at = std::find(langs.begin(), langs.end(), e.lang);
    if (at == langs.end()) continue;  // past 64 languages
    const std::string_view key = SpelledKey(e.word, &keys);
    if (key.empty()) continue;
    const std::uint64_t bit = std::uint64_t{1} << (at - langs.begin());
    const ClosedClass reading = SpelledReading(e);
    if (OtherValue* old = out.words.Find(key)) {
      // One reading per key: a second language that reads it otherwise
      // does not read it (Catalan "tres" is 3, Danish "tres" 60).
      if (old->reading.kind == reading.kind &&
          old->reading.value == reading.value) {
        old->langs |= bit;
      } else {
        old->blocked |= bit;
      }
      continue;
    }
    out.words.Insert(key, OtherValue{reading, bit});
  }
  return out;
}

const OtherTable& GetOtherTable() {
  static const OtherTable* const table = new OtherTable(BuildOtherTable());
  return *table;
}

[[gnu::always_inline]] inline const Table& GetTable() {
  static const Table* const table = new Table(BuildTable());
  return *table;
}

// A word that starts with a byte of 0x80 or more: a generated word of
// another script, or nothing. Out of line: most words are ASCII.
[[gnu::noinline]] const Value* FindScriptWord(std::string_view word) {
  static const ScriptTable* const table = new ScriptTable(BuildScriptTable());
  return word.size() <= table->max_bytes ? table->words.Find(word) : nullptr;
}

// The reading of `word`, whose entry in Table or ScriptTable is `v`, in a
// headline of a language beyond the six (`lang` 6 or more): its own generated
// words first, then the language-blind reading. Out of line: near mode and the
// six languages never come here.
[[gnu::noinline]] ClosedClass OtherReading(std::string_view word,
                                           const Value* v, int lang) {
  if (const OtherValue* o = GetOtherTable().words.Find(word)) {
    const std::size_t k = static_cast<std::size_t>(lang - 6);
    if (k < 64 && ((o->langs >> k) & 1) != 0) return o->reading;
    // Another value in this language: no reading at all (not the Spanish
    // 3 of Danish "tres").
    if (k < 64 && ((o->blocked >> k) & 1) != 0) return {};
  }
  return v != nullptr && v->blind ? v->reading : ClosedClass{};
}

// The reading of `word` (entry `v`) in a headline of language `lang` (see
// LookupClosedClass(word, lang)).
[[gnu::always_inline]] inline ClosedClass ReadingIn(std::string_view word,
                                                    const Value* v, int lang) {
  if (lang >= 6) return OtherReading(word, v, lang);
  if (v == nullptr) return {};
  if (lang < 0) return v->blind ? v->reading : ClosedClass{};
  return ((v->langs >> lang) & 1) != 0 ? v->reading : ClosedClass{};
}

[[gnu::always_inline]] inline const Value* Find(std::string_view word) {
  // Every hand-written entry is 2..13 ASCII bytes; most tokens are
  // rejected here.
  if (word.size() < 2) return nullptr;
  if (static_cast<unsigned char>(word[0]) >= 0x80) return FindScriptWord(word);
  if (word.size() > 13) return nullptr;
  return GetTable().Find(word);
}

}  // namespace

ClosedClass LookupClosedClass(std::string_view word) {
  const Value* v = Find(word);
  return v != nullptr && v->blind ? v->reading : ClosedClass{};
}

ClosedClass LookupClosedClass(std::string_view word, int lang) {
  return ReadingIn(word, Find(word), lang);
}

void LookupClosedClassBoth(std::string_view word, int lang,
                           ClosedClass* in_lang, ClosedClass* blind) {
  const Value* v = Find(word);
  *blind = v != nullptr && v->blind ? v->reading : ClosedClass{};
  *in_lang = ReadingIn(word, v, lang);
}

int ClosedClassLanguage(std::string_view iso3) {
  if (iso3.empty()) return -1;
  const std::vector<std::string_view>& langs = OtherLanguages();
  const auto at = std::find(langs.begin(), langs.end(), iso3);
  return at == langs.end() ? -1 : 6 + static_cast<int>(at - langs.begin());
}

namespace {

int GermanCountCompoundValue(std::string_view w) {
  if (w.size() < 7 || w.size() > 40) return 0;
  // The adjective ending: none, -e, or -en / -er / -es / -em.
  std::string_view stem = w;
  const char last = stem.back();
  if (last == 'e') {
    stem.remove_suffix(1);
  } else if ((last == 'n' || last == 'r' || last == 's' || last == 'm') &&
             stem[stem.size() - 2] == 'e') {
    stem.remove_suffix(2);
  }
  // Every head ends in "ig" but "fach": most words leave here.
  if (!stem.ends_with("ig") && !stem.ends_with("fach")) return 0;
  static constexpr std::string_view kHeads[] = {"tagig",  "jahrig",  "monatig",
                                                "wochig", "stundig", "minutig",
                                                "malig",  "fach"};
  for (std::string_view head : kHeads) {
    if (stem.size() < head.size() + 3 || !stem.ends_with(head)) continue;
    const std::string_view number = stem.substr(0, stem.size() - head.size());
    // "ein" is the article elsewhere, not a number word.
    if (number == "ein") return 1;
    const ClosedClass c = LookupClosedClass(number, /*lang=*/5);
    return c.kind == ClosedClassKind::kNumber ? c.value : 0;
  }
  return 0;
}

// Italian ages: the number word less its final vowel, then "enne" (one) or
// "enni" (several): "tredic-enne", "diciott-enne", "vent-enne",
// "quarant-enni", "sei-enne". Ages 2-99 only, which leaves out "millenni"
// (millennia; "mille" is 1000) and "decenni" (decades); and not 8:
// "ottenne" is also "obtained" (ottenere).
int ItalianAgeValue(std::string_view w) {
  if (w.size() < 7 || w.size() > 20) return 0;
  if (!w.ends_with("enne") && !w.ends_with("enni")) return 0;
  const std::string_view stem = w.substr(0, w.size() - 4);
  char buf[24];
  std::copy(stem.begin(), stem.end(), buf);
  for (const char vowel : {'\0', 'i', 'a', 'o', 'e'}) {
    std::size_t len = stem.size();
    if (vowel != '\0') buf[len++] = vowel;
    const ClosedClass c =
        LookupClosedClass(std::string_view(buf, len), /*lang=*/4);
    if (c.kind != ClosedClassKind::kNumber) continue;
    return c.value >= 2 && c.value < 100 && c.value != 8 ? c.value : 0;
  }
  return 0;
}

// The code point at token[*i] (3-byte UTF-8 only: the characters below all
// are), advancing *i past it; 0 for anything else, which matches none.
char32_t NextCjk(std::string_view token, std::size_t* i) {
  const auto b = [&](std::size_t k) {
    return static_cast<unsigned char>(token[k]);
  };
  const std::size_t k = *i;
  if ((b(k) & 0xF0) == 0xE0 && k + 2 < token.size() &&
      (b(k + 1) & 0xC0) == 0x80 && (b(k + 2) & 0xC0) == 0x80) {
    *i = k + 3;
    return static_cast<char32_t>((b(k) & 0x0F) << 12 | (b(k + 1) & 0x3F) << 6 |
                                 (b(k + 2) & 0x3F));
  }
  ++*i;
  return 0;
}

// The day (Monday = 1) of `c` in `days`, a week's characters from Monday;
// 0 when it is none of them.
int DayOf(std::u32string_view days, char32_t c) {
  const std::size_t at = days.find(c);
  return at == std::u32string_view::npos ? 0 : static_cast<int>(at) + 1;
}
// After 星期 / 周 / 礼拜 (and 天, Sunday after 星期 and 礼拜 only: "周天"
// is also a full circle); before 曜; before 요일.
constexpr std::u32string_view kChineseDays = U"一二三四五六日";
constexpr std::u32string_view kJapaneseDays = U"月火水木金土日";
constexpr std::u32string_view kKoreanDays = U"월화수목금토일";

// Chinese and Japanese numerals: a digit's value, or -1.
int HanDigit(char32_t c) {
  constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  if (const std::size_t at = kDigits.find(c); at != kDigits.npos) {
    return static_cast<int>(at);
  }
  if (c == U'零') return 0;
  if (c == U'两' || c == U'兩') return 2;
  return -1;
}
// A unit's value (十 百 千 within a myriad, 万 亿 above), or 0.
std::int64_t HanUnit(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
    case U'萬':
      return 10000;
    case U'亿':
    case U'億':
      return 100000000;
    default:
      return 0;
  }
}
// What may follow a count: counters and measure words of Chinese
// (simplified and traditional) and Japanese. Left out: 分 ("十分" is
// "very"; 分钟 is taken apart below), 本 ("六本木"), 轮 / 輪 ("五輪" is the
// Olympics), 点 ("一点" is "a little").
constexpr std::u32string_view kCjkCounters =
    U"人名个個位岁歲歳年天日月周週次回架艘家座起枚颗顆条條只隻件辆輛倍所间"
    U"間部场場届屆层層号號项項例台头頭匹棟軒社元円美吨噸米公秒小季";

}  // namespace

int CjkMultiplierAt(std::string_view token) {
  std::size_t i = 0;
  const std::int64_t u = token.empty() ? 0 : HanUnit(NextCjk(token, &i));
  return u >= 10000 ? static_cast<int>(u) : 0;
}

int CjkNumbers(std::string_view token, int* out, int max, bool after_digits) {
  int found = 0;
  char32_t before = 0;  // the character before the run
  std::size_t i = 0;
  // The multiplier of the digits before the token ("3万人"): theirs.
  if (after_digits && CjkMultiplierAt(token) != 0) {
    while (i < token.size()) {
      std::size_t j = i;
      if (HanUnit(NextCjk(token, &j)) < 10000) break;
      i = j;
    }
  }
  while (i < token.size() && found < max) {
    std::size_t j = i;
    const char32_t c = NextCjk(token, &j);
    if (HanDigit(c) < 0 && HanUnit(c) == 0) {
      before = c;
      i = j;
      continue;
    }
    // The run and its value: digits positional ("二〇一九"), units
    // multiplying the digit before them, 万 / 亿 the whole section.
    std::int64_t total = 0, section = 0, number = 0;
    bool last_digit = false, too_big = false;
    std::size_t end = i;
    char32_t next = 0;
    for (;;) {
      std::size_t k = end;
      const char32_t r = end < token.size() ? NextCjk(token, &k) : 0;
      const int d = HanDigit(r);
      const std::int64_t u = HanUnit(r);
      if (d < 0 && u == 0) {
        next = r;
        break;
      }
      if (d >= 0) {
        number = last_digit ? number * 10 + d : d;
        last_digit = true;
      } else if (u < 10000) {
        section += (number == 0 ? 1 : number) * u;
        number = 0;
        last_digit = false;
      } else {
        section += number;
        total += (section == 0 ? 1 : section) * u;
        section = number = 0;
        last_digit = false;
      }
      too_big |=
          number > 1000000000 || section > 1000000000 || total > 1000000000;
      end = k;
    }
    const std::int64_t value = total + section + number;
    bool counted = kCjkCounters.find(next) != kCjkCounters.npos;
    if (next == U'分') {  // 分钟 / 分鐘: minutes
      std::size_t k = end;
      NextCjk(token, &k);
      const char32_t after = k < token.size() ? NextCjk(token, &k) : 0;
      counted = after == U'钟' || after == U'鐘';
    }
    const bool weekday = before == U'周' || before == U'期' || before == U'拜';
    if (counted && !weekday && !too_big && value >= 2 && value <= 2000000000) {
      out[found++] = static_cast<int>(value);
    }
    before = 0;
    i = end;
  }
  return found;
}

bool HasCjkLeadByte(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, text.data() + i, 8);
    if ((chunk & 0x8080808080808080u) == 0) continue;
    for (std::size_t k = i; k < i + 8; ++k) {
      if (static_cast<unsigned char>(text[k]) >= 0xE3) return true;
    }
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0xE3) return true;
  }
  return false;
}

int CjkWeekdays(std::string_view token, int* out, int max) {
  int found = 0;
  std::size_t i = 0;
  while (i < token.size() && found < max) {
    // This character and the two after it.
    std::size_t j = i;
    const char32_t c0 = NextCjk(token, &j);
    const std::size_t next = j;
    const char32_t c1 = j < token.size() ? NextCjk(token, &j) : 0;
    const char32_t c2 = j < token.size() ? NextCjk(token, &j) : 0;
    int day = 0;
    if ((c0 == U'星' && c1 == U'期') || (c0 == U'礼' && c1 == U'拜')) {
      day = c2 == U'天' ? 7 : DayOf(kChineseDays, c2);
    } else if (c0 == U'周') {
      day = DayOf(kChineseDays, c1);
    } else if (c1 == U'曜') {
      day = DayOf(kJapaneseDays, c0);
    } else if (c1 == U'요' && c2 == U'일') {
      day = DayOf(kKoreanDays, c0);
    }
    if (day > 0) out[found++] = day;
    i = next;
  }
  return found;
}

int CountCompoundValueSlow(std::string_view word, int lang) {
  if (lang == 5 || lang == -1) {
    if (const int n = GermanCountCompoundValue(word); n > 0) return n;
  }
  if (lang == 4 || lang == -1) return ItalianAgeValue(word);
  return 0;
}

}  // namespace tickerdedup::internal
