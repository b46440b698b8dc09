// tickerdedup_lexicon_index: writes the index file of a cross-language
// lexicon (Lexicon::kIndexSuffix beside it), which Lexicon::Load maps
// instead of indexing the TSV at every start. The build runs it on the
// lexicon it generates; run it again after editing a lexicon by hand (an
// index that no longer matches its TSV is ignored, never misread).
//
//   tickerdedup_lexicon_index build/lexicon.tsv   # -> build/lexicon.tsv.idx
#include <cstdio>
#include <string>

#include "lexicon.h"

int main(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) == "--help") {
    std::fprintf(stderr, "usage: tickerdedup_lexicon_index LEXICON.tsv\n");
    return 2;
  }
  const std::string path = argv[1];
  std::string error;
  const auto lexicon = tickerdedup::internal::Lexicon::Load(path, &error);
  if (lexicon == nullptr || !lexicon->WriteIndex(path, &error)) {
    std::fprintf(stderr, "tickerdedup_lexicon_index: %s\n", error.c_str());
    return 1;
  }
  return 0;
}
