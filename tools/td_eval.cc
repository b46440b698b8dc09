// td_eval: the project's quality yardstick. Runs the real Engine over the
// evaluation files described in /work/shared/eval/README.md and prints
// recall / flag rates / precision, one SUMMARY line per file.
//
//   td_eval [--match exact|near|xlang] [--threshold T] [--hashes K]
//           [--window N] FILE...
//
// pairs (label<TAB>kind<TAB>a<TAB>b): a fresh engine per pair, feed a then
// b; "duplicate" when b's verdict is not new and dup_of is a's id.
// clusters (header, then cluster<TAB>lang<TAB>text): every row streamed
// through one engine in file order; pairwise precision / recall / F1 of the
// clusters it forms (cluster = representative id), recall per language pair,
// and precision over the predicted pairs whose match keys differ.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "normalize.h"
#include "tickerdedup/engine.h"

namespace {

using tickerdedup::Decision;
using tickerdedup::Engine;
using tickerdedup::EngineOptions;
using tickerdedup::Verdict;

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

double Ratio(double num, double den) { return den > 0 ? num / den : 0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
double Pairs(double n) { return n * (n - 1) / 2; }

std::string BaseName(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::unique_ptr<Engine> NewEngine(const EngineOptions& options) {
  std::string error;
  auto engine = Engine::Create(options, &error);
  if (!engine) {
    std::fprintf(stderr, "td_eval: %s\n", error.c_str());
    std::exit(2);
  }
  return engine;
}

bool g_dump = false;  // --dump: print every misjudged pair / merge

int EvalPairs(const std::string& path, const std::vector<std::string>& lines,
              const EngineOptions& options) {
  struct KindCount {
    int label = 0;
    long n = 0;
    long flagged = 0;
  };
  std::map<std::string, KindCount> kinds;
  long tp = 0, fp = 0, fn = 0, bad = 0;
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    auto f = SplitTabs(line);
    if (f.size() != 4 || (f[0] != "0" && f[0] != "1")) {
      ++bad;
      continue;
    }
    int label = f[0] == "1";
    auto engine = NewEngine(options);
    Decision da = engine->Add(f[2]);
    Decision db = engine->Add(f[3]);
    bool dup = db.verdict != Verdict::kNew && db.dup_of == da.id;
    if (g_dump && dup != (label == 1)) {
      std::printf("MISS\t%s\t%s\t%.3f\t%s\t%s\n", std::string(f[1]).c_str(),
                  std::string(tickerdedup::VerdictName(db.verdict)).c_str(),
                  db.score.value_or(0), std::string(f[2]).c_str(),
                  std::string(f[3]).c_str());
    }
    KindCount& k = kinds[std::string(f[1])];
    k.label = label;
    ++k.n;
    k.flagged += dup;
    if (label && dup) ++tp;
    if (!label && dup) ++fp;
    if (label && !dup) ++fn;
  }
  std::printf("== %s (pairs)\n", path.c_str());
  std::string summary;
  for (const auto& [kind, k] : kinds) {
    double rate = Ratio(k.flagged, k.n);
    std::printf("  %-22s n=%-6ld %s=%.4f\n", kind.c_str(), k.n,
                k.label ? "recall" : "flagged", rate);
    char buf[96];
    std::snprintf(buf, sizeof buf, " %s=%.4f", kind.c_str(), rate);
    summary += buf;
  }
  double p = Ratio(tp, tp + fp), r = Ratio(tp, tp + fn);
  std::printf("  precision=%.4f recall=%.4f f1=%.4f\n", p, r, F1(p, r));
  if (bad) std::printf("  skipped %ld malformed lines\n", bad);
  std::printf("SUMMARY %s pairs precision=%.4f recall=%.4f f1=%.4f%s\n",
              BaseName(path).c_str(), p, r, F1(p, r), summary.c_str());
  return 0;
}

int EvalClusters(const std::string& path, const std::vector<std::string>& lines,
                 const EngineOptions& options) {
  struct Row {
    std::string gold;
    std::string lang;
    std::string key;
    std::string text;
    std::uint64_t pred = 0;  // representative id
  };
  std::vector<Row> rows;
  auto engine = NewEngine(options);
  long bad = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    auto f = SplitTabs(lines[i]);
    if (f.size() != 3) {
      ++bad;
      continue;
    }
    Row row;
    row.text = std::string(f[2]);
    row.gold = std::string(f[0]);
    row.lang = std::string(f[1]);
    tickerdedup::internal::NormalizeKey(f[2], &row.key);
    Decision d = engine->Add(f[2]);
    row.pred = d.verdict == Verdict::kNew ? d.id : *d.dup_of;
    if (g_dump && d.dup_of && *d.dup_of < rows.size() &&
        rows[*d.dup_of].gold != row.gold) {
      std::printf("WRONG\t%.3f\t%s\t%s\n", d.score.value_or(0),
                  rows[*d.dup_of].text.c_str(), row.text.c_str());
    }
    rows.push_back(std::move(row));
  }
  // Group sizes; pairs inside a group are counted as C(n, 2).
  absl::flat_hash_map<std::string, long> gold_n, both_n, both_key_n, gold_key_n;
  absl::flat_hash_map<std::uint64_t, long> pred_n;
  absl::flat_hash_map<std::string, long> pred_key_n;
  for (const Row& r : rows) {
    std::string pred = std::to_string(r.pred);
    ++gold_n[r.gold];
    ++pred_n[r.pred];
    ++both_n[pred + '\t' + r.gold];
    ++pred_key_n[pred + '\t' + r.key];
    ++both_key_n[pred + '\t' + r.gold + '\t' + r.key];
  }
  double gold_pairs = 0, pred_pairs = 0, tp = 0, pred_same_key = 0,
         tp_same_key = 0;
  for (const auto& [g, n] : gold_n) gold_pairs += Pairs(n);
  for (const auto& [p, n] : pred_n) pred_pairs += Pairs(n);
  for (const auto& [b, n] : both_n) tp += Pairs(n);
  for (const auto& [k, n] : pred_key_n) pred_same_key += Pairs(n);
  for (const auto& [k, n] : both_key_n) tp_same_key += Pairs(n);
  // Recall per language pair: gold pairs by (lang, lang), codes sorted.
  std::map<std::string, std::pair<long, long>> by_lang;  // gold, found
  absl::flat_hash_map<std::string, std::vector<std::size_t>> members;
  for (std::size_t i = 0; i < rows.size(); ++i)
    members[rows[i].gold].push_back(i);
  for (const auto& [g, idx] : members) {
    for (std::size_t a = 0; a < idx.size(); ++a) {
      for (std::size_t b = a + 1; b < idx.size(); ++b) {
        const Row& x = rows[idx[a]];
        const Row& y = rows[idx[b]];
        std::string pair =
            std::min(x.lang, y.lang) + "-" + std::max(x.lang, y.lang);
        auto& c = by_lang[pair];
        ++c.first;
        c.second += x.pred == y.pred;
      }
    }
  }
  double p = Ratio(tp, pred_pairs), r = Ratio(tp, gold_pairs);
  double p_diff = Ratio(tp - tp_same_key, pred_pairs - pred_same_key);
  std::printf("== %s (clusters: %zu rows, %zu gold, %zu predicted)\n",
              path.c_str(), rows.size(), gold_n.size(), pred_n.size());
  for (const auto& [pair, c] : by_lang) {
    std::printf("  recall %-10s %.4f (%ld/%ld)\n", pair.c_str(),
                Ratio(c.second, c.first), c.second, c.first);
  }
  std::printf(
      "  predicted pairs=%.0f gold pairs=%.0f same-key predicted pairs=%.0f\n",
      pred_pairs, gold_pairs, pred_same_key);
  std::printf(
      "  precision=%.4f recall=%.4f f1=%.4f precision_keys_differ=%.4f\n", p, r,
      F1(p, r), p_diff);
  if (bad) std::printf("  skipped %ld malformed lines\n", bad);
  std::printf(
      "SUMMARY %s clusters precision=%.4f recall=%.4f f1=%.4f "
      "precision_keys_differ=%.4f\n",
      BaseName(path).c_str(), p, r, F1(p, r), p_diff);
  return 0;
}

void Usage() {
  std::fprintf(stderr,
               "usage: td_eval [--match exact|near|xlang] [--threshold T] "
               "[--hashes K] [--window N] [--dump] FILE...\n"
               "  FILE     labelled pairs (label kind a b) or clusters "
               "(cluster lang text), as in ../shared/eval/README.md\n"
               "  --dump   also print every misjudged pair (MISS) and wrong "
               "merge (WRONG)\n");
}

}  // namespace

int main(int argc, char** argv) {
  EngineOptions options;  // the CLI's defaults
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        Usage();
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--match") {
      if (!tickerdedup::ParseMatchLevel(value(), &options.match)) {
        Usage();
        return 2;
      }
    } else if (arg == "--threshold") {
      options.threshold = std::atof(value());
    } else if (arg == "--hashes") {
      options.num_hashes = std::atoi(value());
    } else if (arg == "--window") {
      options.window = std::strtoull(value(), nullptr, 10);
    } else if (arg == "--dump") {
      g_dump = true;
    } else if (arg == "-h" || arg == "--help") {
      Usage();
      return 0;
    } else if (!arg.empty() && arg[0] == '-') {
      Usage();
      return 2;
    } else {
      files.emplace_back(arg);
    }
  }
  if (files.empty()) {
    Usage();
    return 2;
  }
  // Engines of one process share a loaded lexicon while one holds it; this
  // one holds it for the whole run, so the fresh engine of each labelled
  // pair does not reload it (3,400 STS-B pairs: 52 s -> under 1 s).
  auto keeper = NewEngine(options);
  int rc = 0;
  for (const std::string& path : files) {
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr, "td_eval: cannot read %s\n", path.c_str());
      rc = 1;
      continue;
    }
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(std::move(line));
    }
    bool clusters = !lines.empty() && lines[0].rfind("cluster\t", 0) == 0;
    if (clusters) {
      EvalClusters(path, lines, options);
    } else {
      EvalPairs(path, lines, options);
    }
  }
  return rc;
}
