// Measures cross-language matching on pairs TSVs (label<TAB>kind<TAB>a<TAB>b,
// /work/shared/eval/README.md), with exact feature sets and profiles, no
// sketching. For each file it prints, per kind:
//   * the share of pairs the shipped rule (CrossLingual::Verify, XlangRule
//     defaults) flags;
//   * for positive kinds, the flat-set Jaccard (what MinHash estimates, the
//     engine's candidate stage) at the 5th/10th/25th/50th percentile, and
//     the share of pairs with Jaccard >= 0.05/0.10/0.15/0.20.
// Then a random-pairs check: --random N pairs of texts in different detected
// languages drawn from all files' texts (plus --list files, one headline a
// line), never two texts of one item (items joined by a label-1 pair), and
// the share the rule flags. STS-B translates one English headline into
// several languages in different rows that no label-1 pair links, so inspect
// flagged random pairs (--verbose random): most are such translations.
// --sweep prints the targets under a grid of rules; --dump FILE writes every
// pair's alignment counts for offline rule studies.
//
//   xlang_probe --lexicon build/lexicon.tsv --random 200000
//       pairs/ntrex128-xlang.tsv pairs/stsb-headlines-train.tsv
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "normalize.h"
#include "xlang.h"

namespace {

using tickerdedup::internal::CrossLingual;
using tickerdedup::internal::XlangAlignment;
using tickerdedup::internal::XlangProfile;
using tickerdedup::internal::XlangRule;

struct Text {
  std::string text;
  std::string lang;
  std::vector<std::uint64_t> features;
  XlangProfile profile;
  int group = 0;
};

struct Pair {
  int file = 0;
  std::string kind;
  bool positive = false;
  int a = 0, b = 0;  // indexes into texts
  double jaccard = 0;
  XlangAlignment alignment;
};

class Pool {
 public:
  explicit Pool(const CrossLingual& xl) : xl_(xl) {}
  int Add(const std::string& text) {
    const auto it = index_.find(text);
    if (it != index_.end()) return it->second;
    Text t;
    t.text = text;
    tickerdedup::internal::NormalizeKey(text, &key_);
    t.lang = std::string(xl_.DetectLanguage(text));
    const auto s = std::chrono::steady_clock::now();
    xl_.Analyze(key_, text, t.lang, &t.features, &t.profile);
    analyze_ns_ += std::chrono::duration<double, std::nano>(
                       std::chrono::steady_clock::now() - s)
                       .count();
    const int id = static_cast<int>(texts_.size());
    t.group = id;
    parent_.push_back(id);
    texts_.push_back(std::move(t));
    index_.emplace(text, id);
    return id;
  }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(int a, int b) { parent_[Find(a)] = Find(b); }
  void Finish() {
    for (std::size_t i = 0; i < texts_.size(); ++i) {
      texts_[i].group = Find(static_cast<int>(i));
    }
  }
  std::vector<Text>& texts() { return texts_; }
  double analyze_ns() const { return analyze_ns_; }

 private:
  const CrossLingual& xl_;
  std::string key_;
  std::vector<Text> texts_;
  std::vector<int> parent_;
  std::unordered_map<std::string, int> index_;
  double analyze_ns_ = 0;
};

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * (v.size() - 1))];
}

// Summary of one rule against the targets of docs/xlang.md.
struct Summary {
  double ntrex_min_recall_romance = 1;  // fra-spa, spa-ita, spa-por
  double ntrex_min_recall_eng = 1;      // eng-fra, eng-spa, eng-deu
  double ntrex_min_recall_all = 1;
  double ntrex_max_xneg = 0;
  double stsb_xlang = 0, stsb_xneg = 0;
  double random_rate = 0;
};

// Words of `self` (each analyzed alone, so names lose their class) whose
// features are all absent from `other`'s profile: for studying misses.
std::string Unmatched(const CrossLingual& xl, const Text& self,
                      const Text& other) {
  std::set<std::uint16_t> theirs;
  const auto& ob = other.profile.bytes;
  for (std::size_t i = 1 + ob[0]; i + 1 < ob.size(); i += 2) {
    theirs.insert(static_cast<std::uint16_t>(ob[i] | (ob[i + 1] << 8)));
  }
  std::string key, out;
  tickerdedup::internal::NormalizeKey(self.text, &key);
  std::size_t start = 0;
  while (start < key.size()) {
    std::size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    const std::string word = key.substr(start, end - start);
    start = end + 1;
    XlangProfile p;
    xl.Profile(word, word, self.lang, &p);
    if (p.bytes.empty() || p.bytes[0] == 0) continue;
    bool hit = false;
    for (std::size_t i = 1 + p.bytes[0]; i + 1 < p.bytes.size(); i += 2) {
      hit |= theirs.count(static_cast<std::uint16_t>(
                 p.bytes[i] | (p.bytes[i + 1] << 8))) > 0;
    }
    if (!hit) out += word + " ";
  }
  return out;
}

int Usage() {
  std::fprintf(stderr,
               "usage: xlang_probe [--lexicon PATH] [--random N] [--list FILE]"
               " [--sweep] [--verbose KIND] PAIRS.tsv...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string lexicon_path;
  if (const char* env = std::getenv("TICKERDEDUP_LEXICON")) lexicon_path = env;
  std::vector<std::string> files, lists;
  std::string verbose;
  long random_pairs = 0;
  bool sweep = false;
  std::string dump;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--lexicon" && i + 1 < argc) {
      lexicon_path = argv[++i];
    } else if (arg == "--random" && i + 1 < argc) {
      random_pairs = std::atol(argv[++i]);
    } else if (arg == "--list" && i + 1 < argc) {
      lists.push_back(argv[++i]);
    } else if (arg == "--verbose" && i + 1 < argc) {
      verbose = argv[++i];
    } else if (arg == "--dump" && i + 1 < argc) {
      dump = argv[++i];
    } else if (arg == "--sweep") {
      sweep = true;
    } else if (!arg.empty() && arg[0] != '-') {
      files.push_back(arg);
    } else {
      return Usage();
    }
  }
  if (files.empty() || lexicon_path.empty()) return Usage();
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

  Pool pool(*xl);
  std::vector<Pair> pairs;
  for (std::size_t f = 0; f < files.size(); ++f) {
    std::ifstream in(files[f]);
    if (!in) {
      std::fprintf(stderr, "xlang_probe: cannot open %s\n", files[f].c_str());
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      const std::size_t t1p = line.find('\t'), t2p = line.find('\t', t1p + 1),
                        t3p = line.find('\t', t2p + 1);
      if (t3p == std::string::npos) continue;
      Pair p;
      p.file = static_cast<int>(f);
      p.positive = line[0] == '1';
      p.kind = line.substr(t1p + 1, t2p - t1p - 1);
      p.a = pool.Add(line.substr(t2p + 1, t3p - t2p - 1));
      p.b = pool.Add(line.substr(t3p + 1));
      if (p.positive) pool.Join(p.a, p.b);
      pairs.push_back(std::move(p));
    }
  }
  for (const std::string& list : lists) {
    std::ifstream in(list);
    if (!in) {
      std::fprintf(stderr, "xlang_probe: cannot open %s\n", list.c_str());
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty()) pool.Add(line);
    }
  }
  pool.Finish();
  std::vector<Text>& texts = pool.texts();
  std::size_t profile_bytes = 0, feature_count = 0, unit_count = 0;
  for (const Text& t : texts) {
    profile_bytes += t.profile.bytes.size();
    feature_count += t.features.size();
    unit_count += t.profile.bytes.empty() ? 0 : t.profile.bytes[0];
  }
  std::printf(
      "texts: %zu; Analyze(): %.2f us per headline (features + profile, no "
      "language id); per headline: %.1f units, %.1f flat features, %.1f "
      "profile bytes\n",
      texts.size(), pool.analyze_ns() / 1000.0 / texts.size(),
      double(unit_count) / texts.size(), double(feature_count) / texts.size(),
      double(profile_bytes) / texts.size());

  {
    // Warm cost: the lexicon pages touched once above.
    std::string key;
    std::vector<std::uint64_t> features;
    XlangProfile profile;
    const auto w0 = std::chrono::steady_clock::now();
    for (const Text& t : texts) {
      tickerdedup::internal::NormalizeKey(t.text, &key);
      xl->Analyze(key, t.text, t.lang, &features, &profile);
    }
    const auto w1 = std::chrono::steady_clock::now();
    std::printf("Analyze() warm, NormalizeKey included: %.2f us per headline\n",
                std::chrono::duration<double, std::micro>(w1 - w0).count() /
                    std::max<std::size_t>(1, texts.size()));
  }
  const auto a0 = std::chrono::steady_clock::now();
  for (Pair& p : pairs) {
    p.jaccard = CrossLingual::Score(texts[p.a].features, texts[p.b].features);
    p.alignment =
        CrossLingual::Align(texts[p.a].profile.bytes, texts[p.b].profile.bytes);
  }
  const auto a1 = std::chrono::steady_clock::now();
  std::printf("Align(): %.2f us per pair\n",
              std::chrono::duration<double, std::micro>(a1 - a0).count() /
                  std::max<std::size_t>(1, pairs.size()));

  // Random cross-language pairs of different items.
  std::vector<std::pair<int, int>> random;
  if (random_pairs > 0 && texts.size() > 1) {
    std::mt19937_64 rng(20240229);
    std::uniform_int_distribution<std::size_t> pick(0, texts.size() - 1);
    while (static_cast<long>(random.size()) < random_pairs) {
      const std::size_t a = pick(rng), b = pick(rng);
      if (texts[a].group == texts[b].group || texts[a].lang == texts[b].lang) {
        continue;
      }
      random.emplace_back(static_cast<int>(a), static_cast<int>(b));
    }
  }
  std::vector<XlangAlignment> random_alignments;
  std::vector<double> random_jaccard;
  for (const auto& [a, b] : random) {
    random_alignments.push_back(
        CrossLingual::Align(texts[a].profile.bytes, texts[b].profile.bytes));
    random_jaccard.push_back(
        CrossLingual::Score(texts[a].features, texts[b].features));
  }

  if (!dump.empty()) {
    // One line per pair (random pairs as file -1, kind "random"): the
    // alignment counts, for offline rule studies. The fourth column holds
    // the fact flags: 1 fact_conflict, 2 fact_added, 4 place_conflict.
    std::FILE* out = std::fopen(dump.c_str(), "w");
    if (out == nullptr) return 1;
    auto line = [&](int file, const std::string& kind, double jac,
                    const XlangAlignment& al, int a, int b) {
      std::fprintf(out, "%d\t%s\t%.4f\t%d", file, kind.c_str(), jac,
                   int{al.fact_conflict} | int{al.fact_added} << 1 |
                       int{al.place_conflict} << 2);
      for (int s = 0; s < 2; ++s) {
        for (int c = 0; c < 4; ++c) {
          std::fprintf(out, "\t%d\t%d", al.units[s][c], al.covered[s][c]);
        }
      }
      std::fprintf(out, "\t%s\t%s\n", texts[a].text.c_str(),
                   texts[b].text.c_str());
    };
    for (const Pair& p : pairs) {
      line(p.file, p.kind, p.jaccard, p.alignment, p.a, p.b);
    }
    for (std::size_t i = 0; i < random.size(); ++i) {
      line(-1, "random", random_jaccard[i], random_alignments[i],
           random[i].first, random[i].second);
    }
    std::fclose(out);
  }

  auto summarize = [&](const XlangRule& rule) {
    Summary s;
    std::map<std::string, std::pair<int, int>> per_kind;  // file 0/1 keyed
    for (const Pair& p : pairs) {
      auto& k = per_kind[std::to_string(p.file) + p.kind];
      ++k.second;
      k.first += CrossLingual::Decide(p.alignment, rule);
    }
    for (const auto& [kind, v] : per_kind) {
      const double rate = double(v.first) / v.second;
      const std::string k = kind.substr(1);
      if (k.rfind("xlang/", 0) == 0) {
        s.ntrex_min_recall_all = std::min(s.ntrex_min_recall_all, rate);
        const std::string l = k.substr(6);
        if (l == "fra-spa" || l == "spa-ita" || l == "spa-por") {
          s.ntrex_min_recall_romance =
              std::min(s.ntrex_min_recall_romance, rate);
        }
        if (l == "eng-fra" || l == "eng-spa" || l == "eng-deu") {
          s.ntrex_min_recall_eng = std::min(s.ntrex_min_recall_eng, rate);
        }
      } else if (k.rfind("xneg/", 0) == 0) {
        s.ntrex_max_xneg = std::max(s.ntrex_max_xneg, rate);
      } else if (k == "xlang") {
        s.stsb_xlang = rate;
      } else if (k == "xneg") {
        s.stsb_xneg = rate;
      }
    }
    long flagged = 0;
    for (const XlangAlignment& al : random_alignments) {
      flagged += CrossLingual::Decide(al, rule);
    }
    s.random_rate = random_alignments.empty()
                        ? 0
                        : double(flagged) / random_alignments.size();
    return s;
  };

  if (sweep) {
    std::printf(
        "\n== sweep: w_oov w_entity coverage_base coverage_per_unit | "
        "ntrex min recall (fra-spa,spa-ita,spa-por | eng-fra,eng-spa,eng-deu "
        "| all) max xneg | stsb xlang xneg | random\n");
    for (double w_oov : {0.25, 0.5, 1.0}) {
      for (double w_ent : {1.0, 2.0}) {
        for (double base : {1.0, 1.05, 1.1, 1.15, 1.2}) {
          for (double per_unit : {0.1, 0.125, 0.15, 0.175}) {
            XlangRule r;
            r.weight[XlangProfile::kOov] = w_oov;
            r.weight[XlangProfile::kEntity] = w_ent;
            r.coverage_base = base;
            r.coverage_per_unit = per_unit;
            const Summary s = summarize(r);
            std::printf(
                "  %.2f %.1f %.2f %.3f | %.3f %.3f %.3f %.3f | %.3f %.3f | "
                "%.2e\n",
                w_oov, w_ent, base, per_unit, s.ntrex_min_recall_romance,
                s.ntrex_min_recall_eng, s.ntrex_min_recall_all,
                s.ntrex_max_xneg, s.stsb_xlang, s.stsb_xneg, s.random_rate);
          }
        }
      }
    }
  }

  // Per-kind tables under the shipped rule.
  const XlangRule rule;
  for (std::size_t f = 0; f < files.size(); ++f) {
    std::printf(
        "\n== %s (shipped rule: coverage >= max(%.2f, %.2f - %.3f * "
        "covered units), >= %d covered units)\n",
        files[f].c_str(), rule.coverage_floor, rule.coverage_base,
        rule.coverage_per_unit, rule.min_covered);
    std::printf(
        "  %-16s %5s %8s | flat Jaccard p5 p10 p25 p50 | >=.05 >=.10 >=.15 "
        ">=.20 | flagged pairs' Jaccard\n",
        "kind", "n", "flagged");
    std::map<std::string, std::vector<const Pair*>> per_kind;
    for (const Pair& p : pairs) {
      if (p.file == static_cast<int>(f)) per_kind[p.kind].push_back(&p);
    }
    int tp = 0, fp = 0, pos = 0;
    for (const auto& [kind, list] : per_kind) {
      int flagged = 0;
      std::vector<double> jac, jac_flagged;
      for (const Pair* p : list) {
        const bool d = CrossLingual::Decide(p->alignment, rule);
        flagged += d;
        jac.push_back(p->jaccard);
        if (d) jac_flagged.push_back(p->jaccard);
        if (p->positive) {
          ++pos;
          tp += d;
        } else {
          fp += d;
        }
      }
      std::printf("  %-16s %5zu %8.3f", kind.c_str(), list.size(),
                  double(flagged) / list.size());
      if (list[0]->positive) {
        auto share = [&](double t) {
          return double(std::count_if(jac.begin(), jac.end(),
                                      [t](double x) { return x >= t; })) /
                 jac.size();
        };
        std::printf(" | %.3f %.3f %.3f %.3f | %.3f %.3f %.3f %.3f",
                    Percentile(jac, 0.05), Percentile(jac, 0.10),
                    Percentile(jac, 0.25), Percentile(jac, 0.5), share(0.05),
                    share(0.10), share(0.15), share(0.20));
        // What LSH must find: the pairs the rule accepts.
        std::printf(" | flagged: p1 %.3f p5 %.3f p10 %.3f",
                    Percentile(jac_flagged, 0.01),
                    Percentile(jac_flagged, 0.05),
                    Percentile(jac_flagged, 0.10));
      }
      std::printf("\n");
      if (!verbose.empty() && kind.rfind(verbose, 0) == 0) {
        for (const Pair* p : list) {
          const XlangAlignment& al = p->alignment;
          int covered[2] = {0, 0};
          for (int side = 0; side < 2; ++side) {
            for (int c = 0; c < 4; ++c) covered[side] += al.covered[side][c];
          }
          // fc: each side has a fact the other lacks; fa: a fact written
          // in digits only one side has; pc: each side names a place the
          // other does not (XlangAlignment). Any of them vetoes.
          std::printf(
              "    %d cov %.2f/%.2f k %d/%d J %.3f fc %d fa %d pc %d %s/%s"
              " | %s | %s\n",
              CrossLingual::Decide(al, rule),
              CrossLingual::Coverage(al, 0, rule),
              CrossLingual::Coverage(al, 1, rule), covered[0], covered[1],
              p->jaccard, al.fact_conflict, al.fact_added, al.place_conflict,
              texts[p->a].lang.c_str(), texts[p->b].lang.c_str(),
              texts[p->a].text.c_str(), texts[p->b].text.c_str());
          // Each word profiled alone, in lower case: an acronym or a
          // country name of several words reads as plain words here, so it
          // may be listed although its unit is covered in context.
          std::printf("      words unmatched alone: %s || %s\n",
                      Unmatched(*xl, texts[p->a], texts[p->b]).c_str(),
                      Unmatched(*xl, texts[p->b], texts[p->a]).c_str());
        }
      }
    }
    std::printf("  precision %.3f recall %.3f (all kinds of this file)\n",
                tp + fp ? double(tp) / (tp + fp) : 0.0,
                pos ? double(tp) / pos : 0.0);
  }
  if (!random_alignments.empty()) {
    long flagged = 0;
    for (std::size_t i = 0; i < random_alignments.size(); ++i) {
      const bool d = CrossLingual::Decide(random_alignments[i], rule);
      flagged += d;
      if (d && verbose == "random") {
        const auto [a, b] = random[i];
        std::printf("    random flagged %s/%s | %s | %s\n",
                    texts[a].lang.c_str(), texts[b].lang.c_str(),
                    texts[a].text.c_str(), texts[b].text.c_str());
      }
    }
    std::printf(
        "\n== random cross-language pairs of different items: %zu, flagged "
        "%ld (%.2e); flat Jaccard p99 %.3f p99.9 %.3f\n",
        random_alignments.size(), flagged,
        double(flagged) / random_alignments.size(),
        Percentile(random_jaccard, 0.99), Percentile(random_jaccard, 0.999));
  }
  return 0;
}
