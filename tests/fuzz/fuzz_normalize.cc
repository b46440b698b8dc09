// Fuzz target for match-key normalization and fact extraction: any bytes
// give a valid UTF-8 key with single inner spaces and none at the ends, the
// ASCII fast path equals the general path, fact codes come out sorted, a
// headline's facts never conflict with themselves, every time of day read
// (ReadClockTime) is a valid time inside the key, a trailing source tag
// (SourceTagStart) starts at a space inside the text, and an opening label
// (NewsLabelBytes) fits in it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "facts.h"
#include "normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace tickerdedup::internal;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string key, general;
  const bool repaired = NormalizeKey(text, &key);
  if (repaired == IsValidUtf8(text)) __builtin_trap();
  if (!IsValidUtf8(key)) __builtin_trap();
  if (!key.empty() && (key.front() == ' ' || key.back() == ' ')) {
    __builtin_trap();
  }
  if (key.find("  ") != std::string::npos) __builtin_trap();
  NormalizeKeyGeneral(text, &general);
  if (general != key) __builtin_trap();
  Facts facts;
  ExtractFacts(key, &facts);
  if (!std::is_sorted(facts.codes.begin(), facts.codes.end())) {
    __builtin_trap();
  }
  AddEntityFacts(text, &facts);
  if (FactsConflict(facts, facts)) __builtin_trap();
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] < '0' || key[i] > '9') continue;
    ClockTime t;
    if (!ReadClockTime(key, i, &t)) continue;
    if (t.end <= i || t.end > key.size() || t.hour < 0 || t.hour > 23 ||
        t.minute < -1 || t.minute > 59) {
      __builtin_trap();
    }
  }
  const std::size_t tag = SourceTagStart(text);
  if (tag > text.size() || (tag < text.size() && text[tag] != ' ')) {
    __builtin_trap();
  }
  if (NewsLabelBytes(text) > text.size()) __builtin_trap();
  return 0;
}
