#!/usr/bin/env bash
# Installs every Debian package tickerdedup needs to build, test and benchmark.
# Idempotent: packages already present are skipped, and apt-get runs only when
# something is missing. Needs root (or sudo) the first time.
#
#   tools/setup.sh            # build + test dependencies
#   tools/setup.sh --bench    # also the benchmark baselines (gawk, hyperfine,
#                             # GNU time for peak RSS)
#   tools/setup.sh --fuzz     # also clang, for tools/fuzz.sh
set -euo pipefail

pkgs=(
  build-essential cmake pkg-config
  libsimdjson-dev libxxhash-dev libabsl-dev libutf8proc-dev
  libbenchmark-dev libgtest-dev libgmock-dev
  libstemmer-dev libcld2-dev
  # ICU, at build time: CLDR's data give the number words, months and
  # weekdays of Russian, Greek, Arabic, Dutch, Polish, Turkish ...
  # (gen_closed_class_words.cc).
  libicu-dev
  # FreeDict dictionaries: the cross-language lexicon is generated from them
  # at build time (never committed; see LICENSES.md).
  dict-freedict-fra-eng dict-freedict-spa-eng dict-freedict-por-eng
  dict-freedict-ita-eng dict-freedict-deu-eng dict-freedict-eng-fra
  dict-freedict-eng-spa dict-freedict-eng-por dict-freedict-eng-ita
  dict-freedict-eng-deu dict-freedict-fra-spa dict-freedict-spa-por
  dict-freedict-fra-ita dict-freedict-ita-deu dict-freedict-fra-deu
  dict-freedict-deu-fra dict-freedict-spa-deu dict-freedict-deu-spa
  dict-freedict-deu-ita dict-freedict-deu-por dict-freedict-por-deu dict-freedict-ita-spa dict-freedict-por-fra
  dict-freedict-por-spa dict-freedict-ita-por dict-freedict-fra-por
  # WordNet's morphological exception lists (/usr/share/wordnet/*.exc): the
  # lexicon maps English irregular forms to their lemmas ("women" -> "woman",
  # "said" -> "say"). Optional: without it the lexicon has no "eng" lines.
  wordnet-base
  # Apertium's Spanish-Portuguese and Spanish-Italian bilingual dictionaries,
  # read through lt-print (lttoolbox-dev): more spa/por/ita words get pivots.
  # Their morphological generators, and French-Spanish's for French, run
  # through lt-proc (lttoolbox) list irregular verb forms ("quiere" ->
  # querer, "veut" -> vouloir). Optional: without them the lexicon is
  # FreeDict's alone.
  apertium-es-pt apertium-spa-ita apertium-fr-es lttoolbox lttoolbox-dev
  # The Ding German-English dictionary: the forms of German strong and modal
  # verbs ("starb", "stirbt" -> sterben), which FreeDict lacks. Optional.
  trans-de-en
  # ISO 3166-1 country names in the five languages (iso-codes' JSON and
  # gettext translations): "Estados Unidos", "États-Unis" and "US" meet.
  # Optional: without it the lexicon has no country lines.
  iso-codes
  # CLDR's exemplar cities of time zones in the five languages ("Le Caire",
  # "El Cairo", "Kairo"): city names of one place meet, and two cities are
  # two places. Optional: without it cities have their English names only.
  unicode-cldr-core
  python3
  # The man page: go-md2man renders docs/tickerdedup.1.md at build time;
  # groff checks it in the tests (tests/man_page.sh).
  go-md2man groff-base
)
for arg in "$@"; do
  case "$arg" in
    --bench) pkgs+=(gawk hyperfine time) ;;
    --fuzz) pkgs+=(clang) ;;  # clang's libFuzzer and sanitizer runtimes
    *) echo "tools/setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "tools/setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# Some FreeDict pairs are not packaged on every Debian release: install what
# exists, and let the lexicon build use whatever dictionaries are present.
available=()
for p in "${missing[@]}"; do
  if apt-cache show "$p" >/dev/null 2>&1; then available+=("$p"); else
    echo "tools/setup.sh: package $p not available here, skipped" >&2
  fi
done
if ((${#available[@]} > 0)); then
  $sudo apt-get install -y -qq --no-install-recommends "${available[@]}" >/dev/null
fi
