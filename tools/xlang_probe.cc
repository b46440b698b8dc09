// Measures the cross-language rule on a pairs TSV (label<TAB>kind<TAB>a<TAB>b,
// /work/shared/eval/README.md): exact feature sets, no sketching. Prints,
// per kind, the share of pairs at or above the threshold, for the threshold
// that flags at most --max-xneg of the pooled xneg pairs and for the shipped
// CrossLingual::kThreshold, under three scores (Jaccard, containment and the
// shipped Score).
//
//   xlang_probe --lexicon build/lexicon.tsv pairs/ntrex128-xlang.tsv
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "normalize.h"
#include "xlang.h"

namespace {

using tickerdedup::internal::CrossLingual;

struct Pair {
  std::string kind;
  double score[3];
  bool same_lang;
};

double Jaccard(const std::vector<std::uint64_t>& a,
               const std::vector<std::uint64_t>& b, bool containment) {
  if (a.empty() || b.empty()) return 0;
  std::size_t i = 0, j = 0, c = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++c, ++i, ++j;
    }
  }
  return containment ? double(c) / std::min(a.size(), b.size())
                     : double(c) / (a.size() + b.size() - c);
}

int Usage() {
  std::fprintf(stderr,
               "usage: xlang_probe [--lexicon PATH] [--max-xneg 0.01] "
               "[--verbose KIND] PAIRS.tsv\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string lexicon_path;
  if (const char* env = std::getenv("TICKERDEDUP_LEXICON")) lexicon_path = env;
  double max_xneg = 0.01;
  std::string file, verbose;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--lexicon" && i + 1 < argc) {
      lexicon_path = argv[++i];
    } else if (arg == "--max-xneg" && i + 1 < argc) {
      max_xneg = std::atof(argv[++i]);
    } else if (arg == "--verbose" && i + 1 < argc) {
      verbose = argv[++i];
    } else if (!arg.empty() && arg[0] != '-') {
      file = arg;
    } else {
      return Usage();
    }
  }
  if (file.empty() || lexicon_path.empty()) return Usage();
  std::string error;
  const auto t0 = std::chrono::steady_clock::now();
  auto xl = CrossLingual::Load(lexicon_path, &error);
  const auto t1 = std::chrono::steady_clock::now();
  if (!xl) {
    std::fprintf(stderr, "xlang_probe: %s\n", error.c_str());
    return 1;
  }
  std::printf("lexicon load: %.1f ms\n",
              std::chrono::duration<double, std::milli>(t1 - t0).count());
  std::ifstream in(file);
  if (!in) {
    std::fprintf(stderr, "xlang_probe: cannot open %s\n", file.c_str());
    return 1;
  }
  std::vector<Pair> pairs;
  std::string line, key_a, key_b;
  std::vector<std::uint64_t> fa, fb;
  double feature_ns = 0;
  long feature_calls = 0;
  std::map<std::string, int> lang_miss;
  while (std::getline(in, line)) {
    std::size_t t1p = line.find('\t'), t2p = line.find('\t', t1p + 1),
                t3p = line.find('\t', t2p + 1);
    if (t3p == std::string::npos) continue;
    Pair p;
    p.kind = line.substr(t1p + 1, t2p - t1p - 1);
    const std::string a = line.substr(t2p + 1, t3p - t2p - 1);
    const std::string b = line.substr(t3p + 1);
    tickerdedup::internal::NormalizeKey(a, &key_a);
    tickerdedup::internal::NormalizeKey(b, &key_b);
    const std::string_view la = xl->DetectLanguage(a);
    const std::string_view lb = xl->DetectLanguage(b);
    p.same_lang = la == lb;
    const auto s = std::chrono::steady_clock::now();
    xl->Features(key_a, a, la, &fa);
    xl->Features(key_b, b, lb, &fb);
    const auto e = std::chrono::steady_clock::now();
    feature_ns += std::chrono::duration<double, std::nano>(e - s).count();
    feature_calls += 2;
    p.score[0] = Jaccard(fa, fb, false);
    p.score[1] = Jaccard(fa, fb, true);
    p.score[2] = CrossLingual::Score(fa, fb);
    if (!verbose.empty() && p.kind.rfind(verbose, 0) == 0) {
      std::printf("%.3f %s/%s | %s | %s\n", p.score[2], std::string(la).c_str(),
                  std::string(lb).c_str(), a.c_str(), b.c_str());
    }
    if (p.kind.find('/') != std::string::npos) {
      const std::string langs = p.kind.substr(p.kind.find('/') + 1);
      if (langs.size() == 7 &&
          (langs.substr(0, 3) != la || langs.substr(4, 3) != lb)) {
        ++lang_miss[langs];
      }
    }
    pairs.push_back(p);
  }
  std::printf("pairs: %zu, Features(): %.2f us per headline\n", pairs.size(),
              feature_ns / 1000.0 / std::max(1L, feature_calls));
  const char* names[3] = {"jaccard", "containment", "Score"};
  for (int s = 0; s < 3; ++s) {
    std::vector<double> xneg;
    for (const Pair& p : pairs) {
      if (p.kind.rfind("xneg", 0) == 0) xneg.push_back(p.score[s]);
    }
    std::sort(xneg.begin(), xneg.end());
    // Smallest threshold t such that #(xneg >= t) <= max_xneg * n: just
    // above the score of the (n - allowed)-th highest negative.
    double t = 0;
    if (!xneg.empty()) {
      const std::size_t allowed =
          static_cast<std::size_t>(max_xneg * xneg.size());
      t = xneg[xneg.size() - allowed - 1] + 1e-9;
    }
    const double thresholds[2] = {t, s == 2 ? CrossLingual::kThreshold : -1.0};
    for (double th : thresholds) {
      if (th < 0) continue;
      std::map<std::string, std::pair<int, int>> per_kind;
      std::map<std::string, std::pair<int, int>> same_lang;
      for (const Pair& p : pairs) {
        auto& k = per_kind[p.kind];
        ++k.second;
        k.first += p.score[s] >= th;
        if (p.same_lang) {
          auto& q = same_lang[p.kind];
          ++q.second;
          q.first += p.score[s] >= th;
        }
      }
      std::printf("\n== %s threshold %.4f%s\n", names[s], th,
                  th == t ? " (pooled xneg <= max)" : " (kThreshold)");
      for (const auto& [kind, v] : per_kind) {
        std::printf("  %-20s %5d  at/above: %.3f", kind.c_str(), v.second,
                    double(v.first) / v.second);
        const auto it = same_lang.find(kind);
        if (it != same_lang.end()) {
          std::printf(
              "   (detected same language: %d, of them at/above "
              "%.3f)",
              it->second.second, double(it->second.first) / it->second.second);
        }
        std::printf("\n");
      }
    }
  }
  if (!lang_miss.empty()) {
    std::printf("\nlanguage-id disagreements with the kind label:");
    for (const auto& [k, n] : lang_miss) std::printf(" %s:%d", k.c_str(), n);
    std::printf("\n");
  }
  return 0;
}
