// Uses the installed library through its public header only.
#include <cstdio>
#include <string>

#include "tickerdedup/tickerdedup.h"

int main() {
  tickerdedup::EngineOptions options;
  options.match = tickerdedup::MatchLevel::kExact;
  std::string error;
  auto engine = tickerdedup::Engine::Create(options, &error);
  if (!engine) {
    std::fprintf(stderr, "consumer: %s\n", error.c_str());
    return 1;
  }
  engine->Add("Alpha one");
  tickerdedup::Decision d = engine->Add("ALPHA  one");
  std::printf("%s %s\n", TICKERDEDUP_VERSION_STRING,
              std::string(tickerdedup::VerdictName(d.verdict)).c_str());
  return d.verdict == tickerdedup::Verdict::kExact ? 0 : 1;
}
