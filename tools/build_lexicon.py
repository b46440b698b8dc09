#!/usr/bin/env python3
"""Builds the cross-language pivot lexicon from installed FreeDict dictionaries.

Run by CMake at build time:
    build_lexicon.py --dictd /usr/share/dictd --out build/lexicon.tsv

For each content word of fra, spa, por, ita and deu it writes up to five
English pivot words, best first (the engine's features compare pivots, so
"négociations" and "negociaciones" meet at "negotiation"). Pivots are ranked
by how many routes agree on them (Lexicon.scores): the word's own X-eng
entries, eng-X entries inverted, and routes through the other languages'
dictionaries (fra -> spa -> eng, two hops deep), plus a bonus for cognates;
so "négociation" gets "negotiation" although fra-eng lacks the word, and a
single noisy inverted entry ranks last. Headwords of one Snowball stem
(libstemmer through ctypes, the library the engine links) also pool their
pivots into a "~stem" row that Lexicon::Lookup reads for inflected forms no
dictionary lists ("nueva", "fortes", "muertos"). All-capital headwords
translated by all-capital words (ONU -> UNO -> UN), and compounds that
open with an acronym on both sides ("UN monitor" / "UNO-Beobachter"), form
an acronym equivalence, written as language "acr" lines; a country code
that the dictionaries use for another acronym ("VN", "VAT") keeps only that
meaning. English irregular forms
("women", "said", "rose") whose lemma the engine's Snowball stem cannot
reach are written as language "eng" lines (form -> WordNet lemmas), from
WordNet's morphological exception lists (Debian wordnet-base) when they
are installed. Apertium's spa-por and spa-ita bilingual dictionaries
(Debian apertium-es-pt, apertium-spa-ita, read with lttoolbox-dev's
lt-print) add translations for words those FreeDict pairs lack, when they
are installed. Country names of ISO 3166-1 in English and the five
languages (Debian iso-codes) map to their alpha-2 code's acronym class, and
the names of ISO 3166-2 states, provinces and regions to their subdivision
code ("bayern", "baviere" -> de-by), as language "cty" lines, when it is
installed. The LEX_* environment
variables override the ranking constants for experiments (docs/xlang.md).

Output, sorted by (lang, word) bytes so the C++ loader can binary-search it
without building a hash table:
    # comment lines (counts, licence note)
    lang<TAB>folded_word<TAB>pivot1 pivot2 ...
    lang<TAB>~stem<TAB>pivot1 pivot2 ...
    eng<TAB>irregular_form<TAB>lemma1 lemma2 ...
    cty<TAB>country name words<TAB>acronym class

Hyphenated headwords of fra, spa, por and ita ("chauve-souris") are kept
whole, and stemmed part by part as the engine does (HYPHENATED_LANGS).

Folding matches the engine's match keys: NFKD, drop combining marks,
casefold. The output derives from GPL-2+/GPL-3+ and CC-BY-SA-3.0 FreeDict
data: it is built, never committed (see LICENSES.md). The "eng" lines derive
from WordNet 3.0 (Princeton, WordNet 3.0 licence, permissive).

Python standard library only.
"""
import argparse
import collections
import ctypes
import ctypes.util
import gzip
import os
import re
import shutil
import subprocess
import sys
import unicodedata

LANGS = ["fra", "spa", "por", "ita", "deu"]
MAX_PIVOTS = int(os.environ.get("LEX_MAX_PIVOTS", "5"))
# Two-word English phrases (LEX_PHRASES=0 leaves them out, as before):
# dictionaries translate a word by a phrase ("kamikaze" -> "suicide
# bomber", "sans-abri" -> "homeless person") and an English phrase by a
# word ("death toll" -> "bilan"), and both were dropped, since pivots are
# single words. Now a phrase of two words gives both words: after
# the word's single-word translations when it is the translation, and as
# an inverted entry of each word when it is the English headword (lower
# case only: a proper name's words, "United Kingdom" -> "Großbritannien",
# made the country's row "united kingdom"). Measured (docs/xlang.md,
# "Session 19"): NTREX 0.8043 -> 0.8152, STS-B xlang 0.8481 -> 0.8592 at
# the same xneg; the head word alone, or three-word phrases without their
# stop words, did worse.
PHRASES = int(os.environ.get("LEX_PHRASES", "1"))
# Irregular verb forms that share a stem row with other headwords keep that
# row's pivots too (add_verb_forms).
VERB_FORM_STEM_MERGE = os.environ.get("LEX_VERB_FORM_STEM_MERGE", "1") == "1"
# A verb form that is also a headword of its own ("arrete": the noun
# "decree" and arreter's participle "arrested") gets the verb's pivots too
# (add_verb_forms).
VERB_FORM_HOMOGRAPH_MERGE = os.environ.get(
    "LEX_VERB_FORM_HOMOGRAPH_MERGE", "1")
# Pivot scoring (Lexicon.scores): weight of the i-th sense 1 / (1 + 0.25 i);
# an inverted entry weighs 0.7 of a forward one; a hub route 0.7 of a direct
# one; a cognate pivot +0.5; pivots under 0.1 of the best are dropped; a
# headword adds 0.5 x its stem's pooled scores. Chosen with td_eval
# (docs/xlang.md): hub 0.5 -> 0.7 and share 0.2 -> 0.1 raised NTREX recall
# 0.682 -> 0.703 at equal STS-B xneg; three hops let xneg pass 2%.
SENSE_DECAY = float(os.environ.get("LEX_SENSE_DECAY", "0.25"))
INVERTED = float(os.environ.get("LEX_INVERTED", "0.7"))
HUB = float(os.environ.get("LEX_HUB", "0.7"))
COGNATE = float(os.environ.get("LEX_COGNATE", "0.5"))
# Stem rows are keyed STEM_MARK + Snowball stem (a byte no folded word
# contains); Lexicon::Lookup reads them for words that are no headword.
STEM_MARK = "~"
# Marks the "eng" rows of antonym axes (ENG_ANTONYMS).
ANTONYM_MARK = "!"
SIBLING = float(os.environ.get("LEX_SIBLING", "0.5"))
ROUNDS = int(os.environ.get("LEX_ROUNDS", "2"))
# English round trips (Lexicon.english_synonyms): pivots per English word,
# the languages that must agree on one, and its least share of the best.
ENG_SYN = int(os.environ.get("LEX_ENG_SYN", "3"))
ENG_SYN_LANGS = int(os.environ.get("LEX_ENG_SYN_LANGS", "4"))
ENG_SYN_SHARE = float(os.environ.get("LEX_ENG_SYN_SHARE", "0.5"))
MIN_SHARE = float(os.environ.get("LEX_MIN_SHARE", "0.1"))
# English closed compounds ("warship", "carmakers", "headwear") get their two
# parts as verification pivots, for translations that use two words
# ("navire de guerre", "constructeurs automobiles"); 0 turns it off.
ENG_COMPOUNDS = int(os.environ.get("LEX_ENG_COMPOUNDS", "1"))
# "eng ~stem" rows: the English vocabulary (stems of all pivots), which
# language id weighs in close calls; 0 leaves them out.
ENG_VOCABULARY = int(os.environ.get("LEX_ENG_VOCABULARY", "1"))
# WordNet's verb causes ("kill" -> "die") as verification pivots of the
# verb's stem row (needs ENG_VOCABULARY); 0 leaves them out.
ENG_CAUSES = int(os.environ.get("LEX_ENG_CAUSES", "1"))
# Agent nouns' verbs from WordNet's derivational links ("killer" ->
# "kill"), as verification pivots.
ENG_NOUN_VERBS = int(os.environ.get("LEX_ENG_NOUN_VERBS", "1"))
# WordNet's direct antonyms ("open" / "close", "higher" / "lower", "acquit"
# / "convict") as "ant" lines: every English form of each lemma -> the
# antonym axes it sits on ("close.open:1"). The engine's fact guard tells
# "Indian stocks open lower" from "Indian stocks close lower" with them.
ENG_ANTONYMS = int(os.environ.get("LEX_ENG_ANTONYMS", "1"))
# WordNet synonyms as verification pivots of English stem rows: the other
# one-word lemmas of each lemma's first LEX_ENG_WN_SYN synsets (per part of
# speech in LEX_ENG_WN_SYN_POS), skipping synonyms with more than
# LEX_ENG_WN_SYN_SENSES senses ("go", "pass" for "die"), at most
# LEX_ENG_WN_SYN_MAX per stem. Measured and off by default (docs/xlang.md,
# "WordNet synonyms"): NTREX recall 0.8282 -> 0.8358 at 1 sense, but the
# NTREX stream's precision 0.8294 -> 0.8238 (same-type stories: "soldier
# dies" now meets "soldado morto" through "decease").
ENG_WN_SYN = int(os.environ.get("LEX_ENG_WN_SYN", "0"))
ENG_WN_SYN_MAX = int(os.environ.get("LEX_ENG_WN_SYN_MAX", "3"))
ENG_WN_SYN_SENSES = int(os.environ.get("LEX_ENG_WN_SYN_SENSES", "4"))
ENG_WN_SYN_POS = os.environ.get("LEX_ENG_WN_SYN_POS", "verb noun adj").split()
# The pairs Debian packages (dict-freedict-*); others are not expected.
EXPECTED = ("eng-fra eng-spa eng-por eng-ita eng-deu fra-eng fra-spa fra-por "
            "fra-ita fra-deu spa-eng spa-por spa-deu por-eng por-fra por-spa "
            "por-deu ita-eng ita-spa ita-por ita-deu deu-eng deu-fra deu-spa "
            "deu-por deu-ita").split()

# WordNet's morphological exception lists (inflected form -> lemmas).
WORDNET_POS = ("noun", "verb", "adj", "adv")
# A form listed with more lemmas than this is skipped as ambiguous
# ("better" -> "good well", "leaves" -> "leaf leave", "axes" -> "ax axis":
# 105 of 5637 single-word forms); 0 writes no "eng" lines. Keeping all
# lemmas matched the same NTREX / STS-B pairs and lost 0.1 pt of stream
# recall and precision ("better" / "best" -> "well"; docs/xlang.md).
WN_MAX_LEMMAS = int(os.environ.get("LEX_WN_MAX_LEMMAS", "1"))
# Pivots that are inflected English forms and no noun or verb themselves
# ("risen", "taken", "teeth", "spent": FreeDict translates German
# "gestiegen" as "risen") become their lemma: the engine stems pivots, and
# "risen" stems to itself while English text's "rises" stems to "rise".
# Forms that are lemmas too ("feed", past of "fee"; "lay") stay.
PIVOT_LEMMAS = int(os.environ.get("LEX_PIVOT_LEMMAS", "1"))
# Of morphy's detachment rules (WordNet morphy(7WN): noun -s -ses -xes -zes
# -ches -shes -men -ies, verb -s -ies -es -ed -ing, adj -er -est) only
# -men -> -man moves a word out of its lemma's Snowball stem ("women" /
# "woman", "gunmen" / "gunman"); the others generate regular forms Snowball
# already stems to the lemma's feature, or non-words ("treees").
MORPHY_IRREGULAR = (("noun", "men", "man"),)
# English's suppletive plural, which neither morphy's rules nor WordNet's
# exception lists give (WordNet has "people" as a noun of its own): without
# it "people" never met "personnes", "personas", "pessoas", "persone",
# whose dictionaries give "person" (closed class: English grammar). For
# verification only (after the "|"): as an LSH feature, every headline
# with "people" (1.3% of a generated feed) crowded the buckets of "person"
# past XlangIndex's max_bucket, and "Another black person?!" lost its
# Spanish and Portuguese translations in the 200k and 1M feeds.
SUPPLETIVE_PLURALS = (("people", "person"),)
# The engine's English feature (src/xlang.cc): the 5-prefix of the Snowball
# stem for words of up to kMaxStemmed = 8 bytes, of the word itself beyond.
ENG_PREFIX = 5
ENG_MAX_STEMMED = 8
ENG_WORD_RE = re.compile(r"^[a-z]+$")

# WordNet 3.0 licence (/usr/share/doc/wordnet-base/copyright), copied into
# the lexicon's header when it has "eng" lines.
WORDNET_NOTICE = """
WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
Permission to use, copy, modify and distribute this software and database
and its documentation for any purpose and without fee or royalty is hereby
granted, provided that you agree to comply with the following copyright
notice and statements, including the disclaimer, and that the same appear
on ALL copies of the software, database and documentation, including
modifications that you make for internal use or for distribution.
THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.  BY WAY OF
EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR
THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software and/or
database.  Title to copyright in this software, database and any
associated documentation shall at all times remain with Princeton
University and LICENSEE agrees to preserve same.
"""

B64 = {c: i for i, c in enumerate(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}

WORD_RE = re.compile(r"^[^\W\d_]+$")  # one word, letters only
# Hyphenated compounds ("chauve-souris", "peut-être") are headwords of the
# four Romance languages, whose parts the engine would otherwise read as two
# unrelated words (CrossLingual::Analyze looks a hyphenated key word up
# whole first). Not German: its hyphenated headwords are mostly names and
# technical terms ("Nord-Korea", "Akut-Zeichen"), and reading them whole
# cost NTREX's German pairs 0.016-0.041 (docs/xlang.md). Translations stay
# single words.
HYPHENATED_LANGS = (frozenset(("fra", "spa", "por", "ita"))
                    if os.environ.get("LEX_HYPHENATED", "1") == "1"
                    else frozenset())
HEAD_RE = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")


def b64(s):
    v = 0
    for c in s:
        v = v * 64 + B64[c]
    return v


# Latin letters without a canonical decomposition, folded to ASCII after
# case folding, as match keys fold them (FoldedLetter in src/normalize.cc):
# "bjørn" = "bjorn", "cœur" = "coeur".
FOLDED_LETTERS = str.maketrans({
    "\u00e6": "ae", "\u00f0": "d", "\u00f8": "o", "\u00fe": "th",
    "\u0111": "d", "\u0127": "h", "\u0131": "i", "\u0142": "l",
    "\u0153": "oe", "\u0167": "t",
})


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold().translate(FOLDED_LETTERS)


# ISO 3166-1 codes that ISO "exceptionally reserved" for a country known by
# another code (ISO 3166/MA); headlines write "UK", not "GB". Closed class,
# written by hand.
ISO_EXCEPTIONAL = {"uk": "gb"}
# The five languages' locale codes: iso-codes' gettext domains, CLDR's files.
ISO_LOCALES = {"fra": "fr", "spa": "es", "por": "pt", "ita": "it", "deu": "de"}


def phrase_key(name):
    """A name as the engine's key words: folded, split at non-word chars."""
    return " ".join(re.findall(r"[^\W_]+", fold(name)))


def iso_translations(domain, locale_dir):
    """iso-codes' gettext translations of `domain` ("iso_3166-1") for the
    five languages' locales that have them: {locale: translation}."""
    import gettext
    out = {}
    for locale in ISO_LOCALES.values():
        try:
            out[locale] = gettext.translation(domain, localedir=locale_dir,
                                              languages=[locale])
        except OSError:
            pass
    return out


def split_ambiguous_codes(dict_edges, country_edges, alpha, names, stop_word):
    """Country codes that the dictionaries use for something else.

    A dictionary edge between a country's code and an acronym that is not an
    initialism of one of the country's names (nor its other code) reads the
    code as another acronym: German "VN" (Vereinte Nationen) is French
    "ONU", not Viet Nam; "VAT" (the tax: "IVA", "TVA") is not the Vatican's
    alpha-3 code; French "PL" (poids lourd) is German "LKW", not Poland.
    Joined with the country's class, such an acronym made the country's
    name and the other acronym one anchor. An ambiguous code loses its
    country edge: the dictionary meaning keeps the code, and the country's
    names map to its other code's class. Returns (the country edges left,
    the ambiguous codes, {alpha-2: alpha-3}). `alpha` maps every code of
    `country_edges` to its alpha-2 code."""
    alpha3 = {a2: code for code, a2 in country_edges if len(code) == 3}
    inits = {}
    for name, a2 in names.items():
        words = name.split()
        content = [w for w in words if not stop_word(w)] or words
        forms = inits.setdefault(a2, set())
        forms.add("".join(w[0] for w in words))
        forms.add("".join(w[0] for w in content))
        forms.add("".join(w[0] * 2 for w in content))
    ambiguous = set()
    for a, b in dict_edges:
        for x, y in ((a, b), (b, a)):
            c = alpha.get(x)
            if c is None or alpha.get(y) == c or y in inits.get(c, ()):
                continue
            ambiguous.add(x)
    kept = []
    for code, a2 in country_edges:
        if code in ambiguous:
            continue
        if a2 in ambiguous:  # the other forms join the alpha-3 code
            a3 = alpha3.get(a2)
            if a3 is None or a3 == code or a3 in ambiguous:
                continue
            a2 = a3
        kept.append((code, a2))
    print("build_lexicon: %d country codes that the dictionaries use for "
          "other acronyms (%s) keep only their dictionary meaning"
          % (len(ambiguous), " ".join(sorted(ambiguous))), file=sys.stderr)
    return kept, ambiguous, alpha3


def cldr_territory_names(cldr_dir, locales):
    """{locale: [(alpha-2 code, name)]}: CLDR's territory names (common/
    main/<locale>.xml) for `locales`, with their variants ("Turkey" for
    "Türkiye" in English, which iso-codes lacks) and short forms; codes of
    two capitals only (no "001" regions). {} without CLDR."""
    import xml.etree.ElementTree as ET
    out = {}
    if not cldr_dir:
        return out
    main = os.path.join(cldr_dir, "common", "main")
    for locale in locales:
        path = os.path.join(main, locale + ".xml")
        if not os.path.exists(path):
            continue
        names = out.setdefault(locale, [])
        for t in ET.parse(path).getroot().iter("territory"):
            code = t.get("type", "")
            if (re.fullmatch(r"[A-Z]{2}", code) and t.text and
                    t.get("alt") in (None, "variant", "short")):
                names.append((code.lower(), t.text))
    return out


def country_rows(iso_dir, locale_dir, wordnet_dir=None, cldr_dir=None):
    """Country names of ISO 3166-1 in English and the five languages (Debian
    iso-codes: the JSON list and its gettext translations) -> the country's
    alpha-2 code ("etats unis" -> us), for "cty" lines; and acronym edges
    joining each alpha-3 code to its alpha-2 code ("usa" - "us"), for the
    "acr" classes, so that "USA", "US" and "Estados Unidos" meet. A name
    shared by two countries ("Corée, République de" / "... populaire ...",
    cut at the comma) is left out, and so is a translated one-word name
    that English uses first as something else (english_non_places): the
    rows serve every language, and German "Island" (Iceland), French
    "Suède", "Chine" and "Grenade" made English "island", "suede", "chine"
    and "grenade" places (the five languages' own analyses still find them
    through their dictionaries' pivots: "suede" -> "sweden"). An English
    one-word name that WordNet knows as no place at all goes too:
    "reunions" read as Réunion. CLDR's territory names (cldr_territory_names)
    add the names iso-codes lacks: English "Turkey", French "Turquie",
    Italian "Turchia" (iso-codes names "Türkiye" in all). Returns ({}, [])
    when iso-codes is not installed."""
    import json
    path = os.path.join(iso_dir, "iso_3166-1.json")
    if not os.path.exists(path):
        return {}, []
    with open(path, encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    by_locale = iso_translations("iso_3166-1", locale_dir)
    translations = list(by_locale.values())
    es = by_locale.get("es")
    de = by_locale.get("de")
    codes = {}  # phrase -> set of alpha-2 codes
    english = set()  # the English names' keys
    edges = list(ISO_EXCEPTIONAL.items())
    for c in countries:
        a2 = c["alpha_2"].lower()
        names = set()
        for n in [c["name"]] + ([c["common_name"]] if "common_name" in c
                                 else []):
            names.add(n)
            english.add(phrase_key(n.split(",")[0].split("(")[0]))
            for t in translations:
                names.add(t.gettext(n))
        for n in names:
            # "Iran, Islamic Republic of" -> "Iran": the name as written.
            key = phrase_key(n.split(",")[0].split("(")[0])
            if key:
                codes.setdefault(key, set()).add(a2)
        # German declines the adjectives of a name after an article: the
        # weak ending -en ("die Vereinigten Staaten", "im Vereinigten
        # Königreich") and, in the singular nominative and accusative, -e
        # ("das Vereinigte Königreich"), for each word but the last that
        # ends in -e or -es; a singular noun that ends in a consonant takes
        # the genitive -s after -en ("des Vereinigten Königreichs") unless
        # its ending makes it feminine ("-ik": "der ... Republik").
        if de is not None:
            words = phrase_key(de.gettext(c["name"]).split(",")[0]).split()
            if len(words) >= 2 and any(re.search(r"es?$", w)
                                       for w in words[:-1]):
                last = words[-1]
                forms = [[re.sub(r"es?$", "en", w) for w in words[:-1]],
                         [re.sub(r"es$", "e", w) for w in words[:-1]]]
                for declined in forms:
                    codes.setdefault(" ".join(declined + [last]),
                                     set()).add(a2)
                if (re.search(r"[^aeiousxz]$", last) and
                        not re.search(r"(en|ik|ung|ion|heit|keit|schaft|tat)$",
                                      last)):
                    codes.setdefault(" ".join(forms[0] + [last + "s"]),
                                     set()).add(a2)
        edges.append((c["alpha_3"].lower(), a2))
        # Spanish abbreviates a plural name by doubled initials ("Estados
        # Unidos" -> "EE. UU."), which the engine reads as "eeuu".
        if es is not None:
            words = phrase_key(es.gettext(c["name"]).split(",")[0]).split()
            if len(words) >= 2 and all(w.endswith("s") for w in words):
                edges.append(("".join(w[0] * 2 for w in words), a2))
    iso_codes = {c["alpha_2"].lower() for c in countries}
    stop = set().union(*load_stopwords().values())
    for locale, names in cldr_territory_names(
            cldr_dir, ["en"] + list(ISO_LOCALES.values())).items():
        for a2, name in names:
            # Abbreviations ("UK", "R.-U.", "EE. UU.") are acronyms, which
            # the "acr" classes join.
            if a2 not in iso_codes or name.isupper() or "." in name:
                continue
            key = phrase_key(name.split(",")[0].split("(")[0])
            # Not after an article ("La Réunion"): every "la" would start
            # a country name.
            if key and key.split()[0] not in stop:
                codes.setdefault(key, set()).add(a2)
                if locale == "en":
                    english.add(key)
    rows = {k: min(v) for k, v in codes.items() if len(v) == 1}
    if wordnet_dir:
        singles = {k for k in rows if " " not in k}
        for k in ((english_non_places(wordnet_dir, singles - english) or
                   set()) |
                  (english_non_places(wordnet_dir, singles & english,
                                      never=True) or set())):
            del rows[k]
    return rows, edges


# ISO 3166-2 subdivision types whose names are news places (states,
# provinces, regions, the UK's nations); not districts, municipalities,
# departments or counties, whose names are often rivers or common words.
SUBDIVISION_TYPES = {
    "State", "Province", "Country", "Land", "Region", "Autonomous community",
    "Autonomous region", "Autonomous province", "Republic", "Nation",
    "Federal district", "Canton", "Prefecture", "Administrative region",
    "Regional state", "Territory", "Union territory", "Capital territory",
    "Metropolitan region", "Autonomous republic", "Federal territory",
}


# WordNet lexicographer files of the nouns a place adjective may also be:
# noun.communication (the language: "Welsh", "Catalan"), noun.location and
# noun.person ("Texan", "Norman").
PLACE_ADJ_NOUN_FILES = {"10", "15", "18"}


def noun_sense_files(wordnet_dir, words):
    """{word: the lexicographer files of its WordNet noun senses, commonest
    first} for the nouns among `words`; None without WordNet."""
    path = os.path.join(wordnet_dir, "index.noun")
    data = os.path.join(wordnet_dir, "data.noun")
    if not (os.path.exists(path) and os.path.exists(data)):
        return None
    with open(data, "rb") as f:
        nouns = f.read()
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if line.startswith(" ") or parts[0] not in words:
                continue
            out[parts[0]] = [
                nouns[o:nouns.index(b"\n", o)].split()[1].decode()
                for o in map(int, parts[-int(parts[2]):])]
    return out


def nouns_first_outside(wordnet_dir, words, files):
    """Of `words`, the WordNet nouns whose commonest sense lies outside the
    lexicographer `files` ("attic" is first a room, "scotch" a whisky);
    None without WordNet."""
    senses = noun_sense_files(wordnet_dir, words)
    if senses is None:
        return None
    return {w for w, f in senses.items() if f[0] not in files}


def english_non_places(wordnet_dir, words, never=False):
    """Of `words` (single folded words), those English uses as something
    else than a place: a WordNet verb, adjective or adverb, or a noun whose
    commonest sense is outside noun.location ("centre" is first a point;
    "Indiana" is first the state, then a painter). With `never`, the nouns
    none of whose senses is in noun.location ("reunion", "christmas"; not
    "turkey", a bird first, nor "jordan", a river first). None without
    WordNet."""
    if not never:
        out = nouns_first_outside(wordnet_dir, words, {"15"})
        if out is None:
            return None
        for pos in ("verb", "adj", "adv"):
            path = os.path.join(wordnet_dir, "index." + pos)
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    if not line.startswith(" "):
                        word = line.split(maxsplit=1)[0]
                        if word in words:
                            out.add(word)
        return out
    senses = noun_sense_files(wordnet_dir, words)
    if senses is None:
        return None
    # No sense in noun.location.
    return {w for w, f in senses.items() if "15" not in f}


def wordnet_locations(wordnet_dir):
    """The synsets of WordNet's noun.location file (lexicographer file 15),
    each as data.noun's split line; None without WordNet."""
    noun_path = os.path.join(wordnet_dir, "data.noun")
    if not os.path.exists(noun_path):
        return None
    with open(noun_path, encoding="utf-8", errors="replace") as f:
        return [l.split() for l in f
                if not l.startswith(" ") and l.split(" ", 2)[1] == "15"]


def wordnet_lemmas(parts):
    """The lemmas of a split data.noun line."""
    return [parts[4 + 2 * i] for i in range(int(parts[3], 16))]


def wordnet_points(parts, symbol, targets):
    """Whether a split data.noun line has a `symbol` pointer into
    `targets` (synset offsets)."""
    return any(parts[i] == symbol and parts[i + 1] in targets
               for i in range(len(parts) - 1))


def place_rows(seen, countries, stop_word, first_pivots, wordnet_dir):
    """{name: code} of `seen` ({name: set of codes}) for "cty" lines: names
    of one place only, and no single word that is common somewhere (a stop
    word, an English word whose commonest WordNet sense is no place:
    english_non_places, or a headword whose best pivot is such a word or a
    country: "leon" -> "lion" in Spanish); None without WordNet, since no
    single word can then be told from a common one."""
    singles = {k for k in seen if " " not in k}
    pivots = {k: first_pivots(k) for k in singles}
    english = english_non_places(
        wordnet_dir, singles | {p for ps in pivots.values() for p in ps})
    rows = {}
    for key, codes in seen.items():
        if len(codes) != 1:
            continue
        if " " not in key and (english is None or key in english or
                               stop_word(key) or any(
                                   p in english or p in countries
                                   for p in pivots[key])):
            continue
        rows[key] = min(codes)
    return rows


# WordNet's kinds of city (noun.location synsets): a city is an instance
# ("@i") of one of them or of a kind of one of them.
CITY_KINDS = (["city", "metropolis", "urban_center"], ["national_capital"],
              ["state_capital"], ["provincial_capital"], ["port"])
CITIES = int(os.environ.get("LEX_CITIES", "1"))
PLACE_ADJ = int(os.environ.get("LEX_PLACE_ADJ", "1"))
PLACE_NOUNS = int(os.environ.get("LEX_PLACE_NOUNS", "1"))


def city_rows(wordnet_dir, countries, stop_word, first_pivots):
    """English names of cities, from WordNet: the lemmas of each synset that
    is an instance of a kind of city (CITY_KINDS: "Cairo", "Bangkok", "Ulan
    Bator" / "Ulaanbaatar") -> a code of the city ("city-<synset offset>"),
    for "cty" lines: places for the engine's place guard ("... manifestanti
    del Cairo" / "... manifestantes em Banguecoque"). Other languages reach
    them through their pivots ("Banguecoque" -> "bangkok"). Left out, as in
    subdivision_rows: names of countries, "capital of ..." lemmas, names of
    two cities, and single words that are common words somewhere (a stop
    word, an English word first no place, or a headword whose best pivot
    is one or a country); {} without WordNet."""
    lines = wordnet_locations(wordnet_dir) if CITIES else None
    if lines is None:
        return {}
    heads = {parts[0] for parts in lines
             if any(wordnet_lemmas(parts)[:len(k)] == k for k in CITY_KINDS)}
    kinds = heads | {parts[0] for parts in lines
                     if wordnet_points(parts, "@", heads)}
    seen = {}  # name -> codes of the cities it names
    for parts in lines:
        if not wordnet_points(parts, "@i", kinds):
            continue
        for lemma in wordnet_lemmas(parts):
            key = phrase_key(re.sub(r"\(.*\)$", "", lemma).replace("_", " "))
            if (not key or key in countries or "." in lemma or
                    lemma.isupper() or len(key) < 4 or
                    key.startswith(("the ", "capital of "))):
                continue
            seen.setdefault(key, set()).add("city-" + parts[0])
    return place_rows(seen, countries, stop_word, first_pivots,
                      wordnet_dir) or {}


# Articles that open the five languages' names of cities ("Le Caire", "El
# Cairo", "Il Cairo"): a name is listed with and without its article ("au
# Caire", "del Cairo" contract it).
CITY_ARTICLES = {"le", "la", "les", "l", "el", "il", "lo", "los", "las",
                 "o", "a", "os", "as", "der", "die", "das"}
# LEX_CLDR=0 leaves CLDR's names (cities, subdivisions) out.
CLDR = int(os.environ.get("LEX_CLDR", "1"))


def cldr_city_rows(cldr_dir, cities, countries, stop_word, first_pivots,
                   wordnet_dir):
    """The five languages' names of the cities in `cities` ({English name:
    code}, city_rows), from CLDR's exemplar cities of time zones (Debian
    unicode-cldr-core: "Africa/Cairo" is "Le Caire", "El Cairo", "Cairo",
    "Il Cairo", "Kairo") -> the city's code, for "cty" lines, so that a
    name that no dictionary lists, or lists as a phrase, is the same place.
    A zone's English name is en.xml's exemplar, else its id's last part.
    Left out: names of countries or of two cities, and single words that
    are common words somewhere (as in city_rows); {} without CLDR."""
    import xml.etree.ElementTree as ET
    main = os.path.join(cldr_dir, "common", "main")
    if (not CITIES or not CLDR or
            not os.path.exists(os.path.join(main, "en.xml"))):
        return {}

    def exemplars(locale):
        root = ET.parse(os.path.join(main, locale + ".xml")).getroot()
        out = {}
        for zone in root.iter("zone"):
            city = zone.find("exemplarCity")
            if city is not None and city.text and not city.get("alt"):
                out[zone.get("type")] = city.text
        return out

    english = exemplars("en")
    seen = {}  # name -> codes
    for lang, locale in ISO_LOCALES.items():
        if not os.path.exists(os.path.join(main, locale + ".xml")):
            continue
        for zone, name in exemplars(locale).items():
            en = english.get(zone, zone.split("/")[-1].replace("_", " "))
            code = cities.get(phrase_key(en))
            if code is None:
                continue
            key = phrase_key(name)
            keys = {key}
            words = key.split()
            if len(words) > 1 and words[0] in CITY_ARTICLES:
                keys.add(" ".join(words[1:]))
            for k in keys:
                if len(k) >= 4 and k not in countries:
                    seen.setdefault(k, set()).add(code)
    seen = {k: v for k, v in seen.items() if k not in cities}
    return place_rows(seen, countries, stop_word, first_pivots,
                      wordnet_dir) or {}


def country_alias_rows(wordnet_dir, countries):
    """Other English names of countries, from WordNet: the lemmas of a
    country's synset (an instance of "country, state, land" or of one of
    its kinds: "kingdom", "European country") that holds the country's
    iso-codes name ("Britain" and "Great Britain" in the synset of "United
    Kingdom", "Holland" in that of "Netherlands") -> the country's code,
    for "cty" lines; {} without WordNet. Left out: codes and abbreviations
    ("UK", "U.S.": the acronym classes join them), "the" phrases, names of
    two countries, and single words English uses first as something else
    (english_non_places)."""
    # Synsets of noun.location: every one used here.
    lines = wordnet_locations(wordnet_dir)
    if lines is None:
        return {}
    lemmas_of, points = wordnet_lemmas, wordnet_points
    country = next((parts[0] for parts in lines
                    if lemmas_of(parts) == ["country", "state", "land"]), None)
    if country is None:
        return {}
    kinds = {country} | {parts[0] for parts in lines
                         if points(parts, "@", {country})}
    seen = {}  # alias -> codes of the countries it names
    for parts in lines:
        if not points(parts, "@i", kinds):
            continue
        lemmas = lemmas_of(parts)
        keys = [phrase_key(re.sub(r"\(.*\)$", "", l).replace("_", " "))
                for l in lemmas]
        codes = {countries[k] for k in keys if k in countries}
        code = min(codes) if len(codes) == 1 else None
        for lemma, key in zip(lemmas, keys):
            if (not key or key in countries or "." in lemma or
                    lemma.isupper() or len(key) < 4 or
                    key.startswith("the ")):
                continue
            seen.setdefault(key, set()).add(code)
    singles = {k for k in seen if " " not in k}
    english = english_non_places(wordnet_dir, singles) or set()
    return {k: min(v) for k, v in seen.items()
            if len(v) == 1 and None not in v and k not in english}


def dictionary_country_rows(proper_entries, aliases, countries, stop_word,
                            wordnet_dir):
    """Names of countries in the five languages that iso-codes lacks: a
    capitalized translation of a capitalized country name in the FreeDict
    dictionaries, either way (an eng-xxx headword and its translations, an
    xxx-eng headword and its English translations; `proper_entries`:
    Lexicon.proper_entries) -> the name's code.
    WordNet's "Great Britain" (country_alias_rows) gives "Grande-Bretagne",
    "Gran Bretaña", "Grã-Bretanha" and "Großbritannien", which headlines
    write for the United Kingdom; without them "Bretagne" read as Brittany,
    a place the English "British" lacks. Only the English aliases
    (`aliases`, {name key: code}) are looked up: the dictionaries' entries
    for the ISO names add nothing iso-codes lacks but errors ("Mexico" ->
    "Città del Messico", "Jordan" -> "Jourdain", the river). Left out: names
    `countries` has, names of two countries, names with a code in capitals
    ("Deutschland DE") or that start with a stop word ("los Países Bajos"),
    and single words English uses first as something else
    (english_non_places)."""
    seen = {}  # name key -> codes
    for lang in LANGS:
        for src, dst in (("eng", lang), (lang, "eng")):
            for head, trans in proper_entries.get((src, dst), ()):
                for t in split_translations(trans):
                    if not t[:1].isupper():
                        continue
                    english, other = (head, t) if src == "eng" else (t, head)
                    code = aliases.get(phrase_key(english))
                    key = phrase_key(other)
                    if (code is None or not key or key in countries or
                            re.search(r"\b[A-Z]{1,3}\b", other)):
                        continue
                    seen.setdefault(key, set()).add(code)
    singles = {k for k in seen if " " not in k}
    common = english_non_places(wordnet_dir, singles) or set()
    return {k: min(v) for k, v in seen.items()
            if len(v) == 1 and not stop_word(k.split()[0]) and
            k not in common}


def cldr_subdivision_names(cldr_dir):
    """(CLDR subdivision code, name) pairs of CLDR's subdivision names in
    English and the five languages (Debian unicode-cldr-core:
    common/subdivisions/*.xml, "ustx" -> "Texas"); none without CLDR."""
    import xml.etree.ElementTree as ET
    if not cldr_dir or not CLDR:
        return
    for locale in ["en"] + list(ISO_LOCALES.values()):
        path = os.path.join(cldr_dir, "common", "subdivisions",
                            locale + ".xml")
        if not os.path.exists(path):
            continue
        for sub in ET.parse(path).getroot().iter("subdivision"):
            if sub.text and not sub.get("alt"):
                yield sub.get("type"), sub.text


def subdivision_rows(iso_dir, locale_dir, wordnet_dir, countries, stop_word,
                     first_pivots, cldr_dir=None):
    """Names of ISO 3166-2 subdivisions (SUBDIVISION_TYPES) in English and
    the five languages (iso-codes' gettext translations: fr, es, it, de;
    there is none for pt; and CLDR's subdivision names when `cldr_dir` has
    them, Portuguese included: "Escócia", "Virgínia Ocidental") -> the
    subdivision's code ("virginie occidentale"
    -> "us-wv"), for "cty" lines: places for the engine's place guard, and
    one feature for a name spelled differently ("Bayern" / "Bavière" /
    "Baviera"). Left out: names of countries (`countries`) and names shared
    by two subdivisions ("Limburg"); and single words that are common words
    somewhere: a stop word (`stop_word`), an English word that is first no
    place (english_non_places: "centre", "lima"), or a headword whose best
    pivot (`first_pivots(word)`, one per language) is such an English word
    or a country ("leon" -> "lion" in Spanish; not German "bayern" ->
    "bavaria" or "maryland" -> "maryland"). {} when iso-codes has no ISO
    3166-2 list."""
    import json
    path = os.path.join(iso_dir, "iso_3166-2.json")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)["3166-2"]
    translations = list(iso_translations("iso_3166-2", locale_dir).values())
    codes = {}  # phrase -> set of codes
    for e in entries:
        if e.get("type") not in SUBDIVISION_TYPES:
            continue
        names = {e["name"]} | {t.gettext(e["name"]) for t in translations}
        for n in names:
            # "Isle of Anglesey [Sir Ynys Môn GB-YNM]", "Bruxelles-Capitale,
            # Région de" -> the name as written.
            key = phrase_key(re.split(r"[\[,(]", n)[0])
            if key:
                codes.setdefault(key, set()).add(e["code"].lower())
    # CLDR keys a subdivision by its code without the hyphen ("ustx").
    kept = {e["code"].lower().replace("-", ""): e["code"].lower()
            for e in entries if e.get("type") in SUBDIVISION_TYPES}
    for code, name in cldr_subdivision_names(cldr_dir):
        key = phrase_key(name)
        if code in kept and key:
            codes.setdefault(key, set()).add(kept[code])
    codes = {key: cs for key, cs in codes.items()
             if key not in countries and len(key) >= 4}
    return place_rows(codes, countries, stop_word, first_pivots,
                      wordnet_dir) or {}


def read_wordnet_data(path):
    """The synsets of a WordNet data file (data.noun, ...): yields (offset,
    [lower-case lemmas, adjective markers such as "(a)" dropped], [(pointer
    symbol, target offset, target part-of-speech letter, source/target
    word numbers as "0102")])."""
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):  # the licence header
                continue
            parts = line.split(" | ")[0].split()
            count = int(parts[3], 16)
            words = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i]).lower()
                     for i in range(count)]
            i = 4 + 2 * count
            n = int(parts[i])
            i += 1
            pointers = []
            for _ in range(n):
                pointers.append(tuple(parts[i:i + 4]))
                i += 4
            yield parts[0], words, pointers


def verb_causes(wordnet_dir):
    """{verb: [verbs it causes]} from WordNet's verb cause pointers (">" in
    data.verb): "kill" -> "die", "feed" -> "eat", "raise" -> "rise". One-word
    lemmas only; the caused synset's first lemma. {} when WordNet is
    missing."""
    path = os.path.join(wordnet_dir, "data.verb")
    if not os.path.exists(path):
        return {}
    synsets, pointers = {}, []
    for offset, words, ptrs in read_wordnet_data(path):
        synsets[offset] = words
        for symbol, target, pos, _ in ptrs:
            if symbol == ">" and pos == "v":
                pointers.append((offset, target))
    causes = {}
    for cause, effect in pointers:
        head = synsets[effect][0]
        if "_" in head:
            continue
        for w in synsets[cause]:
            if "_" not in w and w != head and head not in causes.get(w, []):
                causes.setdefault(w, []).append(head)
    return causes


def wordnet_synonyms(wordnet_dir, senses, parts_of_speech, max_senses):
    """{lemma: [synonyms]}: the other one-word lemmas of each one-word
    lemma's first `senses` synsets of each part of speech (index.* lists a
    lemma's synsets most frequent first), in sense order, leaving out
    synonyms with more than `max_senses` synsets of that part of speech.
    {} when WordNet is missing."""
    out = {}
    for pos in parts_of_speech:
        index = os.path.join(wordnet_dir, "index." + pos)
        data = os.path.join(wordnet_dir, "data." + pos)
        if not os.path.exists(index) or not os.path.exists(data):
            return {}
        synsets = {off: words for off, words, _ in read_wordnet_data(data)}
        ranked = {}  # lemma -> its synset offsets, most frequent first
        with open(index, encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):  # the licence header
                    continue
                fields = line.split()
                pointers = int(fields[3])
                ranked[fields[0]] = fields[4 + pointers + 2:]
        for lemma, offsets in ranked.items():
            if "_" in lemma:
                continue
            have = out.setdefault(lemma, [])
            for off in offsets[:senses]:
                for w in synsets.get(off, ()):
                    if ("_" in w or "-" in w or w == lemma or w in have or
                            len(ranked.get(w, ())) > max_senses):
                        continue
                    have.append(w)
    return {k: v for k, v in out.items() if v}


def add_verification_pivots(rows, word, pivots):
    """Puts `pivots` first after the "|" of `word`'s row (verification
    only: the engine's LSH does not see them), skipping any it has."""
    have = rows.setdefault(word, [])
    if "|" not in have:
        have.append("|")
    at = have.index("|") + 1
    have[at:at] = [p for p in pivots if p not in have]


def noun_verbs(wordnet_dir):
    """{agent noun: [verbs]} from WordNet's derivational links ("+"
    pointers in data.noun, word to word) from a noun in -er / -or to the
    verb it is made from ("killer" -> "kill", "voter" -> "vote", "winner"
    -> "win", "investor" -> "invest"): English derivational morphology,
    each pair confirmed by WordNet. Looser derivations ("productivity" ->
    "produce") gave a Spanish "fabricantes" headline an unrelated English
    match in the 1M feed. One-word lemmas only. {} when WordNet is
    missing."""
    noun_path = os.path.join(wordnet_dir, "data.noun")
    verb_path = os.path.join(wordnet_dir, "data.verb")
    if not (os.path.exists(noun_path) and os.path.exists(verb_path)):
        return {}
    verbs = {offset: words for offset, words, _ in read_wordnet_data(verb_path)}
    out = {}
    for _, words, ptrs in read_wordnet_data(noun_path):
        for symbol, target, pos, st in ptrs:
            if symbol != "+" or pos != "v" or target not in verbs:
                continue
            src, tgt = int(st[:2], 16), int(st[2:], 16)
            if not (1 <= src <= len(words) and 1 <= tgt <= len(verbs[target])):
                continue
            noun, verb = words[src - 1], verbs[target][tgt - 1]
            if "_" in noun or "_" in verb or not noun.endswith(("er", "or")):
                continue
            stem = noun[:-2]
            if verb not in (stem, stem + "e") and not (
                    len(stem) >= 2 and stem[-1] == stem[-2] and
                    verb == stem[:-1]):
                continue
            have = out.setdefault(noun, [])
            if verb not in have:
                have.append(verb)
    return out


def read_wordnet_exceptions(wordnet_dir):
    """The single-word lines of WordNet's exception lists ({pos}.exc):
    yields (pos, form, [lemmas]) ("women" -> ["woman"]); nothing for a
    missing list."""
    for pos in WORDNET_POS:
        try:
            f = open(os.path.join(wordnet_dir, pos + ".exc"), encoding="utf-8")
        except OSError:
            continue
        with f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and ENG_WORD_RE.match(parts[0]):
                    yield pos, parts[0], parts[1:]


def english_inflections(lemma, pos, irregular):
    """The regular English forms of a one-word `lemma` of WordNet part of
    speech `pos` (noun, verb, adj, adv), plus `irregular` ones (from the
    exception lists): "close" -> closes, closed, closing; "high" -> higher,
    highest; "big" -> bigger, biggest. Over-generates harmlessly (a form no
    one writes is a row no key looks up)."""
    forms = {lemma}
    forms.update(irregular.get((pos, lemma), ()))
    w = lemma
    cvc = (len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and
           w[-3] not in "aeiou")
    for rule_pos, form_suffix, lemma_suffix in MORPHY_IRREGULAR:
        if pos == rule_pos and w.endswith(lemma_suffix):  # "woman" -> "women"
            forms.add(w[:-len(lemma_suffix)] + form_suffix)
    if pos in ("noun", "verb"):
        if w.endswith(("s", "x", "z", "ch", "sh")):
            forms.add(w + "es")
        elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
            forms.add(w[:-1] + "ies")
        else:
            forms.add(w + "s")
    if pos == "verb":
        if w.endswith("e"):
            forms.update((w + "d", w[:-1] + "ing"))
        elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
            forms.update((w[:-1] + "ied", w + "ing"))
        else:
            forms.update((w + "ed", w + "ing"))
            if cvc:
                forms.update((w + w[-1] + "ed", w + w[-1] + "ing"))
    if pos == "adj":
        if w.endswith("e"):
            forms.update((w + "r", w + "st"))
        elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
            forms.update((w[:-1] + "ier", w[:-1] + "iest"))
        else:
            forms.update((w + "er", w + "est"))
            if cvc:
                forms.update((w + w[-1] + "er", w + w[-1] + "est"))
    return forms


def antonym_rows(wordnet_dir, stop):
    """{English form: ["axis:side", ...]} from WordNet 3.0's antonym
    pointers ("!", word to word, in data.{noun,verb,adj,adv}) of each
    lemma's commonest sense that has one (index.{noun,...}): each pair of
    one-word lemmas, neither an English stop word, is an axis named by the
    two lemmas in order ("close.open"); side 0 is the first. Every form of
    a lemma (english_inflections, with the exception lists' irregular
    forms) lists the axes of the lemma. {} when WordNet is missing."""
    pairs = set()
    for pos in WORDNET_POS:
        path = os.path.join(wordnet_dir, "data." + pos)
        if not os.path.exists(path):
            return {}
        synsets, pointers = {}, []
        for offset, words, ptrs in read_wordnet_data(path):
            synsets[(pos, offset)] = words
            for symbol, target, tpos, st in ptrs:
                if symbol == "!":
                    pointers.append((offset, target, tpos, int(st[:2], 16),
                                     int(st[2:], 16)))
        by_letter = {"n": "noun", "v": "verb", "a": "adj", "s": "adj",
                     "r": "adv"}
        # (synset, lemma) -> its antonyms there.
        antonyms = {}
        for src, target, tpos, a, b in pointers:
            if by_letter.get(tpos) != pos or a == 0 or b == 0:
                continue
            x = synsets[(pos, src)][a - 1]
            y = synsets.get((pos, target), [None] * b)[b - 1]
            if (y is None or x == y or not ENG_WORD_RE.match(x) or
                    not ENG_WORD_RE.match(y) or x in stop or y in stop):
                continue
            antonyms.setdefault((src, x), []).append(y)
        # Each lemma keeps the antonyms of its commonest sense that has any
        # (index.<pos> lists a lemma's synsets by sense frequency): "new"
        # -> "old", not also "worn"; "lost" -> "won", not also "found",
        # "saved". All senses' antonyms made 1.66 axis codes per headline
        # (71% of the generated feed's have one), stored with each
        # representative.
        index = os.path.join(wordnet_dir, "index." + pos)
        if not os.path.exists(index):
            return {}
        with open(index, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split()
                lemma = parts[0]
                if not ENG_WORD_RE.match(lemma):
                    continue
                count = int(parts[2])
                for offset in parts[-count:]:
                    ys = antonyms.get((offset, lemma))
                    if ys:
                        for y in ys:
                            pairs.add((pos, lemma, y))
                        break
    irregular = {}
    for pos, form, lemmas in read_wordnet_exceptions(wordnet_dir):
        for lemma in lemmas:
            irregular.setdefault((pos, lemma), set()).add(form)
    rows = {}
    # Both ends of an axis get it, whichever end's commonest sense chose it:
    # "win" chooses "lose", whose own commonest antonym is "keep".
    for pos, x, y in sorted(pairs | {(p, b, a) for p, a, b in pairs}):
        axis = ".".join(sorted((x, y)))
        side = 0 if x < y else 1
        for form in english_inflections(x, pos, irregular):
            if form in stop:
                continue
            have = rows.setdefault(form, [])
            tag = "%s:%d" % (axis, side)
            if tag not in have:
                have.append(tag)
    return rows


def demonym_rows(wordnet_dir, countries, alpha):
    """English adjectives of countries from WordNet's pertainyms
    ("Egyptian" pertains to "Egypt", "American" to the synset of "United
    States") -> the country's code, for "cty" lines; {} without WordNet.
    `countries` maps folded country names (iso-codes) to codes, `alpha`
    alpha-2/alpha-3 codes to alpha-2; an adjective that reaches two
    countries is left out."""
    adj_path = os.path.join(wordnet_dir, "data.adj")
    noun_path = os.path.join(wordnet_dir, "data.noun")
    if not (os.path.exists(adj_path) and os.path.exists(noun_path)):
        return {}
    with open(noun_path, "rb") as f:
        nouns = f.read()

    def synset_lemmas(offset):
        # Synset offsets are byte offsets into the data file. Only places
        # (lexicographer file 15, noun.location): "stannous" pertains to
        # tin, whose synset lists "Sn", Senegal's code.
        end = nouns.index(b"\n", offset)
        parts = nouns[offset:end].decode("utf-8", "replace").split()
        if parts[1] != "15":
            return []
        n = int(parts[3], 16)
        return [parts[4 + 2 * i] for i in range(n)]

    out = {}
    with open(adj_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(" "):
                continue  # the licence header
            parts = line.split()
            n = int(parts[3], 16)
            words = [parts[4 + 2 * i] for i in range(n)]
            i = 4 + 2 * n
            for _ in range(int(parts[i])):
                sym, offset, pos, src_tgt = parts[i + 1:i + 5]
                i += 4
                if sym != "\\" or pos != "n":
                    continue
                lemmas = synset_lemmas(int(offset))
                keys = [phrase_key(l.replace("_", " ")) for l in lemmas]
                tgt = int(src_tgt[2:], 16)
                # The lemma pointed at ("Chinese" -> the "China" of the
                # Taiwan synset), else any name or code of the synset
                # ("British" -> "Great Britain, GB").
                codes = set()
                if 0 < tgt <= len(keys) and keys[tgt - 1] in countries:
                    codes.add(countries[keys[tgt - 1]])
                else:
                    # A code counts when it abbreviates another name of the
                    # synset ("GB": "Great Britain"), not by accident
                    # ("CA" of California is Canada's code).
                    initials = {"".join(w[0] for w in k.split())
                                for k in keys if " " in k}
                    for key in keys:
                        code = countries.get(key)
                        if not code and key in initials:
                            code = alpha.get(key)
                        if code:
                            codes.add(code)
                if len(codes) != 1:
                    continue
                src = int(src_tgt[:2], 16)
                for w in (words if src == 0 else [words[src - 1]]):
                    key = phrase_key(re.sub(r"\(.*\)$", "", w).replace("_", " "))
                    if key and " " not in key:
                        out.setdefault(key, set()).update(codes)
    return {k: min(v) for k, v in out.items() if len(v) == 1}


def demonym_noun_rows(wordnet_dir, places):
    """English nouns for the people of a place, from WordNet: the lemmas of a
    noun.person synset with a member-holonym pointer ("#m") to a place
    synset (wordnet_locations) that names one place of `places` ("Briton",
    "Brit" -> Great Britain; "Scot" -> Scotland; "Israeli", "Afghan",
    "Swede") -> the place's code, for "cty" lines; {} without WordNet."""
    locations = wordnet_locations(wordnet_dir)
    if locations is None:
        return {}
    # Place synset offset -> the codes its names have in `places`.
    place_codes = {}
    for parts in locations:
        codes = {places.get(phrase_key(name.replace("_", " ")))
                 for name in wordnet_lemmas(parts)} - {None}
        if codes:
            place_codes[parts[0]] = codes
    out = {}
    with open(os.path.join(wordnet_dir, "data.noun"), encoding="utf-8",
              errors="replace") as f:
        for line in f:
            parts = line.split()
            if line.startswith(" ") or parts[1] != "18":  # noun.person
                continue
            codes = set()
            for i in range(len(parts) - 1):
                if parts[i] == "#m" and parts[i + 1] in place_codes:
                    codes |= place_codes[parts[i + 1]]
            if len(codes) != 1:
                continue
            for lemma in wordnet_lemmas(parts):
                key = phrase_key(
                    re.sub(r"\(.*\)$", "", lemma).replace("_", " "))
                if key and " " not in key:
                    out.setdefault(key, set()).update(codes)
    return {k: min(v) for k, v in out.items() if len(v) == 1}


def load_stopwords():
    """Parses the k???StopWords literals of src/stopwords.cc (one source)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "src", "stopwords.cc")
    stop = {lang: set() for lang in ["eng"] + LANGS}
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        print("build_lexicon: warning: %s not found; no stop-word filter" % path,
              file=sys.stderr)
        return stop
    for m in re.finditer(r"k(\w)(\w\w)StopWords\[\]\s*=\s*((?:\"[^\"]*\"\s*)+);",
                         text):
        lang = (m.group(1) + m.group(2)).lower()
        words = "".join(re.findall(r"\"([^\"]*)\"", m.group(3))).split()
        stop.setdefault(lang, set()).update(words)
    return stop


def read_dict(dictd, src, dst):
    """Yields (headword, [translation lines]) of freedict-src-dst, or None."""
    base = os.path.join(dictd, "freedict-%s-%s" % (src, dst))
    if not (os.path.exists(base + ".index") and os.path.exists(base + ".dict.dz")):
        return None
    data = gzip.open(base + ".dict.dz").read()
    entries = []
    with open(base + ".index", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[0].startswith("00database"):
                continue
            off, ln = b64(parts[1]), b64(parts[2])
            body = data[off:off + ln].decode("utf-8", "replace").split("\n")
            if not body:
                continue
            head = body[0].split(" /")[0].split(" <")[0].split(" (")[0].strip()
            # Translation lines: the first unindented line after the headword
            # and numbered senses ("1. a, b"). Later unindented lines in the
            # CC-BY-SA pairs are glosses in the source language; indented ones
            # are "see:" / "Synonym:" / "Note:" cross references.
            trans = []
            for i, l in enumerate(body[1:]):
                if not l or l[0] in " \t":
                    continue
                m = re.match(r"^\d+\.\s*(.*)$", l)
                if m:
                    trans.append(m.group(1))
                elif i == 0:
                    trans.append(l)
            entries.append((head, trans))
    return entries


# Words of English phrases that are no content words yet no stop words
# either: the dictionaries' placeholders ("do sth", "tell sb") and phrasal
# verbs' particles ("pass away", "turn down"). A phrase gives its other
# word only ("tell", "pass"): the same NTREX and stream figures as with
# them, and no "sth" pivots (leaving such phrases out entirely raised
# STS-B xneg 0.0190 -> 0.0234). Closed class.
PHRASE_FILLERS = frozenset((
    "sth sb smth smb someone somebody something oneself yourself himself "
    "herself itself themselves ourselves down away back up out off over "
    "together along around about apart aside forward forth through").split())


def phrase_words(phrase, stop_eng):
    """The words of a two-word English phrase of no stop words, less its
    fillers (PHRASE_FILLERS), or None."""
    words = phrase.split()
    if (len(words) == 2 and all(WORD_RE.match(w) for w in words) and
            not any(fold(w) in stop_eng for w in words)):
        return [w for w in words if fold(w) not in PHRASE_FILLERS]
    return None


def split_translations(lines):
    """Candidate single-word translations, in dictionary order (original case)."""
    out = []
    for l in lines:
        l = re.sub(r"\[[^\]]*\]|\([^)]*\)|<[^>]*>|\{[^}]*\}", " ", l)
        for t in re.split(r"[,;]", l):
            t = t.strip().strip(".!?\"'")
            t = re.sub(r"^(to|a|an|the) ", "", t)
            if t:
                out.append(t)
    return out


# Apertium's bilingual dictionaries (Debian apertium-* packages, compiled
# lttoolbox transducers): (package dir, transducer, source, target). One
# direction per package; Lexicon.edge adds the inverse like a FreeDict pair.
APERTIUM_PAIRS = (
    ("apertium-fr-es", "fr-es.autobil.bin", "fra", "spa"),
    ("apertium-es-pt", "es-pt.autobil.bin", "spa", "por"),
    ("apertium-spa-ita", "spa-ita.autobil.bin", "spa", "ita"),
    ("apertium-eng-spa", "spa-eng.autobil.bin", "spa", "eng"),
)
# Content-word parts of speech (first tag after the lemma): nouns, lexical
# verbs, adjectives, adverbs, proper nouns.
APERTIUM_TAGS = frozenset(os.environ.get(
    "LEX_APERTIUM_TAGS", "<n> <vblex> <adj> <adv> <np>").split())
# Measured with td_eval (docs/xlang.md, "Apertium"): spa-por and spa-ita
# raise NTREX and the stream; fra-spa lowered stream precision and recall,
# spa-eng pushed STS-B xneg over 2%, so they are read only when
# LEX_APERTIUM_PAIRS names them. An Apertium pair fills gaps only (a word
# the FreeDict pair already translates keeps its entries: STS-B xneg
# 0.0179 -> 0.0167 at equal NTREX recall); LEX_APERTIUM_FILL=0 adds all.
APERTIUM_USE = os.environ.get("LEX_APERTIUM_PAIRS", "spa-por spa-ita").split()
APERTIUM_FILL = int(os.environ.get("LEX_APERTIUM_FILL", "1"))
# Sense rank of an Apertium translation (0: a first sense).
APERTIUM_RANK = int(os.environ.get("LEX_APERTIUM_RANK", "0"))
# Bounds on the path walk: the digit / punctuation regex sections (no
# content tag) are pruned before the walk; a section that still needs more
# steps than this is skipped. Reading es-pt and spa-ita takes ~0.7 s each,
# spa-eng (130k arcs) ~4 s.
APERTIUM_MAX_STEPS = 20_000_000
APERTIUM_MAX_DEPTH = 120


# Apertium's morphological generators (lttoolbox transducers in the same
# Debian packages) of four of the five languages, to list the inflected
# forms of verbs whose Snowball stem is not the infinitive's: Spanish
# "quiere" (querer), "tuve" (tener), Italian "vuole" (volere), French
# "veut" (vouloir), Portuguese "tive" (ter). The stem rows serve regular
# forms; these forms found no entry, or another word's. German has no
# Apertium package in Debian.
APERTIUM_GENERATORS = (
    ("apertium-es-pt", "pt-es.autogen.bin", "spa"),
    ("apertium-es-pt", "es-pt.autogen.bin", "por"),
    ("apertium-spa-ita", "spa-ita.autogen.bin", "ita"),
    ("apertium-fr-es", "es-fr.autogen.bin", "fra"),
)
APERTIUM_FORMS = os.environ.get("LEX_APERTIUM_FORMS", "spa por ita fra").split()
INFINITIVE_RE = {
    "spa": re.compile(r"[^\W\d_]{2,}(ar|er|ir)$"),
    "por": re.compile(r"[^\W\d_]{2,}(ar|er|ir)$"),
    "ita": re.compile(r"[^\W\d_]{2,}(are|ere|ire|rre)$"),
    "fra": re.compile(r"[^\W\d_]{2,}(er|ir|re)$"),
}
# Apertium's verb tags (the Romance dictionaries share them): lexical and
# modal verbs; indicative present, imperfect, preterite, future,
# conditional, subjunctive present and imperfect, in three persons and two
# numbers; infinitive, gerund, participles. A tag sequence a dictionary
# does not have generates "#lemma<...>", which is dropped.
APERTIUM_VERB_POS = ("vblex", "vbmod")
APERTIUM_VERB_TAGS = tuple(
    ["<%s><%s><%s>" % (t, p, n)
     for t in ("pri", "pii", "ifi", "fti", "cni", "prs", "pis")
     for p in ("p1", "p2", "p3") for n in ("sg", "pl")] +
    ["<ger>", "<pprs>"] +
    ["<pp><%s><%s>" % (g, n) for g in ("m", "f") for n in ("sg", "pl")])


def apertium_verb_forms(binfile, lemmas):
    """({form: {lemma}}, {participle forms}): the forms Apertium's generator
    `binfile` makes of the verbs `lemmas` ({spelling: key}; forms and
    lemmas as keys: folded), or None when lt-proc (Debian lttoolbox) is
    missing or fails."""
    tool = shutil.which("lt-proc")
    if tool is None or not os.path.exists(binfile):
        return None
    requests, owners = [], []
    for spelled, key in sorted(lemmas.items()):
        for pos in APERTIUM_VERB_POS:
            for tags in APERTIUM_VERB_TAGS:
                requests.append("^%s<%s>%s$" % (spelled, pos, tags))
                owners.append(key)
    try:
        out = subprocess.run([tool, "-g", binfile],
                             input="\n".join(requests) + "\n",
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    lines = out.split("\n")
    if len(lines) < len(requests):
        return None
    forms = {}
    participles = set()
    for key, line, request in zip(owners, lines, requests):
        form = line.strip()
        # "#..." / "@..." mark what the generator could not make; a clitic
        # or multiword form is no key token.
        if (not form or form[0] in "#@*" or "<" in form or " " in form or
                "-" in form):
            continue
        forms.setdefault(fold(form), set()).add(key)
        if "<pp>" in request:
            participles.add(fold(form))
    return forms, participles


def interleave(first, second):
    """The pivots of `first` and `second` alternately, first's first, each
    once ("dead die deceased expire death")."""
    merged = []
    for k in range(max(len(first), len(second))):
        for p in (first[k:k + 1] + second[k:k + 1]):
            if p not in merged:
                merged.append(p)
    return merged


# German weak verbs (DEU_WEAK_FORMS=0 turns them off): Debian has no
# German generator (no Apertium package), and the Snowball stemmer keeps
# the verb endings -t, -te, -ten ("tötet" stays "totet", "töten" is "tot"),
# so a headline's present or past ("Mann tötet ...", "Regierung fordert
# ...") found no row. The regular forms come from the grammar's rules
# (closed class): stem + t, te, ten, with e inserted after t, d or a
# consonant before m or n ("arbeitet", "atmet"); the participle ge + stem
# + t, without ge after an inseparable prefix ("verkauft"). Strong verbs'
# vowel changes ("stirbt", "starb") are not rules, and are left out.
DEU_WEAK_FORMS = int(os.environ.get("LEX_DEU_WEAK_FORMS", "1"))
DEU_INFINITIVE_RE = re.compile(r"^[a-z]{2,}(en|eln|ern)$")
DEU_INSEPARABLE = ("be", "ver", "er", "ent", "emp", "zer", "ge", "miss")


def german_weak_verb_forms(verbs):
    """({form: {infinitive}}, {participles}) of the folded German
    infinitives `verbs` (see DEU_WEAK_FORMS)."""
    forms, participles = {}, set()
    for verb in verbs:
        stem = verb[:-2] if verb.endswith("en") else verb[:-1]
        if len(stem) < 2:
            continue
        e = ("e" if stem[-1] in "td" or (
            stem[-1] in "mn" and len(stem) >= 2 and
            stem[-2] not in "aeiouylrmnh") else "")
        past = stem + e + "t"
        participle = (past if verb.startswith(DEU_INSEPARABLE)
                      else "ge" + past)
        for form in (past, past + "e", past + "en", participle):
            forms.setdefault(form, set()).add(verb)
        participles.add(participle)
    return forms, participles


# German strong and modal verbs' forms from the Ding German-English
# dictionary (Debian trans-de-en, GPL-2+; LEX_DING=0 turns it off): a verb
# entry lists its forms as "|"-separated alternatives aligned with the
# English ones ("sterben {vi} | sterbend | gestorben | du stirbst | er/sie
# stirbt | ich/er/sie starb | ... :: to die | dying | died | ..."), so
# "starb", "stirbt" and "gestorben" get sterben's pivots, as the rules give
# weak verbs theirs. FreeDict's deu-eng dictionary, derived from Ding, keeps
# the headwords only.
DING = int(os.environ.get("LEX_DING", "1"))
DING_PRONOUNS = re.compile(
    r"^(?:(?:ich|du|er|sie|es|wir|ihr|man)"
    r"(?:/(?:ich|du|er|sie|es|wir|ihr|man))*\s+)+")
# Annotations ({vt}, [ugs.], (mich/sich), <>) and object placeholders
# ("jdn./etw.").
DING_NOTES = re.compile(
    r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|"
    r"(?:jd[nmsr]?|etw)\.(?:/(?:jd[nmsr]?|etw)\.)*")


# German forms that Ding's verb entries list and that have a row of their
# own ("gewinnt": "gains") get their verb's pivots interleaved, as the
# Romance homographs do; LEX_DING_HOMOGRAPHS=0 leaves their rows alone.
DING_HOMOGRAPHS = int(os.environ.get("LEX_DING_HOMOGRAPHS", "1"))

# Separable verbs' strong forms from Ding ("tritt zurück", "nahm fest"),
# joined particle first (ding_verb_forms); LEX_SEPARABLE=0 leaves them out.
SEPARABLE = int(os.environ.get("LEX_SEPARABLE", "1"))


def ding_verb_forms(path):
    """{form: {infinitive}} of the German verbs in the Ding dictionary file
    `path` (folded), or None when it is not there. A line
    is a verb entry when its first alternative is tagged {v}, {vi}, {vt} or
    {vr}; each later alternative holds one form per synonym of the first
    (or one form, of the first synonym). Phrases and examples (several
    words once pronouns are dropped) are skipped, and so is a form whose
    first letter is not its verb's (after "ge"): the alignment's slips. A
    separable verb's two-word form ("tritt zurück") is its joined spelling
    ("zurucktritt")."""
    if not os.path.exists(path):
        return None
    forms = {}

    def synonyms(alt):
        out = []
        for s in DING_NOTES.sub(" ", alt).split(";"):
            s = DING_PRONOUNS.sub("", s.strip().rstrip("!").strip())
            if s.startswith("sich "):
                s = s[5:]
            out.append(s.strip())
        return out

    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#") or " :: " not in line:
                continue
            alts = line.split(" :: ", 1)[0].split(" | ")
            if not re.search(r"\{v[itr]?\}", alts[0]):
                continue
            heads = synonyms(alts[0])
            for alt in alts[1:]:
                syns = synonyms(alt)
                if len(syns) == len(heads):
                    pairs = zip(heads, syns)
                elif len(syns) == 1:
                    pairs = [(heads[0], syns[0])]
                else:
                    continue
                for head, form in pairs:
                    if not WORD_RE.match(head):
                        continue
                    parts = form.split()
                    if (len(parts) == 2 and WORD_RE.match(parts[0]) and
                            WORD_RE.match(parts[1]) and SEPARABLE and
                            fold(head).startswith(fold(parts[1]))):
                        # A separable verb's finite form, its particle
                        # last ("tritt zurück" of "zurücktreten"): the
                        # engine joins the particle to the verb when it
                        # ends the clause (xlang.cc SeparableVerb), so the
                        # joined spelling ("zurucktritt") is the form.
                        form = parts[1] + parts[0]
                    elif not WORD_RE.match(form):
                        continue
                    h, w = fold(head), fold(form)
                    if w == h or not (w[0] == h[0] or (
                            w.startswith("ge") and w[2:3] == h[:1])):
                        continue
                    forms.setdefault(w, set()).add(h)
    return forms


# German nouns of the Ding dictionary that look like infinitives: a plural
# in -en ("Einfahrtsbarrieren", toll barriers) whose first pivot is also an
# English verb ("toll") made the weak-verb rules write bogus forms
# ("einfahrtsbarriert"). A word Ding tags only as a noun ({m}, {f}, {n},
# {pl}), never in a verb entry ({v}, {vi}, {vt}, {vr}), is no verb.
DING_NOUNS = int(os.environ.get("LEX_DING_NOUNS", "1"))


def ding_noun_only_words(path):
    """The folded single words the Ding file `path` tags as nouns and
    never as verbs, or None when it is not there."""
    if not os.path.exists(path):
        return None
    nouns, verbs = set(), set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#") or " :: " not in line:
                continue
            for alt in line.split(" :: ", 1)[0].split(" | "):
                verb_entry = re.search(r"\{v[itr]?\}", alt) is not None
                for syn in alt.split(";"):
                    word = DING_NOTES.sub(" ", syn).strip()
                    if not WORD_RE.match(word):
                        continue
                    w = fold(word)
                    if verb_entry:
                        verbs.add(w)
                    elif re.search(r"\{(?:m|f|n|pl)\}", syn):
                        nouns.add(w)
    return nouns - verbs


def add_verb_forms(rows, lang, spelled, apertium_dir, stemmers, stop,
                   english_verbs=frozenset(), ding=None):
    """Adds rows for `lang`'s irregular verb forms (APERTIUM_GENERATORS):
    a form gets its infinitive's pivots when it has no row of its own and
    its stem differs from the infinitive's, and a form with a row of its own
    (a homograph) gets the infinitive's pivots interleaved with its own.
    Returns (rows added, homograph rows extended, generator used) or
    (0, 0, None)."""
    gen = [g for g in APERTIUM_GENERATORS if g[2] == lang]
    if lang == "deu" and DEU_WEAK_FORMS:
        # Headwords whose first pivots hold an English verb.
        nouns = (ding_noun_only_words(ding) if ding and DING and DING_NOUNS
                 else None) or set()
        generated = german_weak_verb_forms(
            key for key in rows if DEU_INFINITIVE_RE.match(key) and
            key not in nouns and
            any(p in english_verbs for p in rows[key][:2]))
        package, name = "rules", "German weak verbs"
        strong = ding_verb_forms(ding) if ding and DING else None
        ding_forms = set(strong) if strong is not None else set()
        if strong is not None:
            # The dictionary's forms join the rules' (a form both give one
            # verb stays one verb's; of two verbs, it is left to the stems).
            # Its participles need no list: the German forms never merge
            # into homographs' rows (package "rules", below).
            for form, owners in strong.items():
                generated[0].setdefault(form, set()).update(
                    o for o in owners if o in rows)
            name += " and Ding's verb forms"
    elif lang not in APERTIUM_FORMS or not apertium_dir or not gen:
        return 0, 0, None
    else:
        ding_forms = set()
        package, name, _ = gen[0]
        verbs = {sp: key for key, sp in spelled.items()
                 if key in rows and INFINITIVE_RE[lang].match(key)}
        generated = apertium_verb_forms(
            os.path.join(apertium_dir, package, name), verbs)
    if generated is None:
        return 0, 0, None
    forms, participles = generated
    added = homographs = 0
    for form, owners in sorted(forms.items()):
        # A form of two verbs ("fue": ser, ir) is left to the stem rows.
        if (len(owners) != 1 or len(form) < 3 or
                form in stop.get(lang, ()) or not WORD_RE.match(form)):
            continue
        lemma = next(iter(owners))
        if form in rows:
            # A homograph: the exact row wins over the stem row in the
            # engine, so without the verb's pivots "arrete" read only as
            # the noun ("decree decision remission") and "ferment" only as
            # "ferment enzyme".
            # Not for the German rules' forms: "rechte" is "rights" before
            # it is a form of "rechten" (to argue). Ding's are forms its
            # verb entries list ("gewinnt" of "gewinnen": its own row was
            # only "gains", which met no "win" of Spanish "gana").
            if (VERB_FORM_HOMOGRAPH_MERGE != "0" and form != lemma and
                    (package != "rules" or
                     (DING_HOMOGRAPHS and form in ding_forms)) and
                    (VERB_FORM_HOMOGRAPH_MERGE != "pp" or form in participles)):
                merged = interleave(rows[form], rows[lemma])[:MAX_PIVOTS]
                if merged != rows[form]:
                    rows[form] = merged
                    homographs += 1
            continue
        stem = stemmers.stem(lang, form)
        if stem == stemmers.stem(lang, lemma):
            continue
        pivots = list(rows[lemma])
        # A form that other headwords' inflections share ("morts": the
        # noun "mort", and mourir's participle) keeps that reading too: the
        # stem row's pivots and the verb's, alternately ("dead die
        # deceased expire death"). Before, "morts" had only mourir's "die
        # expire perish death decease" and missed English "dead".
        shared = rows.get("~" + stem) if VERB_FORM_STEM_MERGE else None
        if shared:
            pivots = interleave(shared, pivots)[:MAX_PIVOTS]
        rows[form] = pivots
        added += 1
    return added, homographs, "%s(%s)" % (package, name)


def read_apertium(binfile):
    """{(lemma, translation)} of the content-word entries of an Apertium
    bilingual transducer, or None when lt-print (Debian lttoolbox-dev) is
    missing or fails.

    lt-print writes the transducer as AT&T text (sections split by "--";
    "src dst in out weight" arcs, "state weight" finals, "ε" for
    epsilon, "<tag>" symbols). A path spells lemma<tags> on both sides, so
    walking from state 0 until each side has read its first tag gives one
    translation pair; self-loops (digit regexes) are never followed.
    """
    tool = shutil.which("lt-print")
    if tool is None:
        return None
    try:
        text = subprocess.run([tool, binfile], capture_output=True, text=True,
                              check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    out = set()
    for section in text.split("\n--\n"):
        arcs, rev, tagged = {}, {}, set()
        for line in section.split("\n"):
            p = line.split("\t")
            if len(p) < 4 or p[0] == p[1] or not (p[0].isdigit() and
                                                  p[1].isdigit()):
                continue
            s, t = int(p[0]), int(p[1])
            arcs.setdefault(s, []).append((t, p[2], p[3]))
            rev.setdefault(t, []).append(s)
            if p[2] in APERTIUM_TAGS or p[3] in APERTIUM_TAGS:
                tagged.add(s)
        # States that can reach a content tag; the walk stays among them.
        good, todo = set(tagged), list(tagged)
        while todo:
            for r in rev.get(todo.pop(), ()):
                if r not in good:
                    good.add(r)
                    todo.append(r)
        if 0 not in good:
            continue
        found, steps = set(), 0
        stack = [(0, "", "", None, None, 0)]
        while stack:
            s, src, dst, src_tag, dst_tag, depth = stack.pop()
            steps += 1
            if steps > APERTIUM_MAX_STEPS:
                print("build_lexicon: warning: %s: a section too large to "
                      "walk, skipped" % binfile, file=sys.stderr)
                found = set()
                break
            if src_tag and dst_tag:
                found.add((src, dst))
                continue
            if depth > APERTIUM_MAX_DEPTH:
                continue
            for t, a, b in arcs.get(s, ()):
                if t not in good and not (src_tag or a in APERTIUM_TAGS):
                    continue
                ns, nst, nd, ndt = src, src_tag, dst, dst_tag
                if a != "ε" and nst is None:
                    if a.startswith("<"):
                        nst = a
                    else:
                        ns += a
                if b != "ε" and ndt is None:
                    if b.startswith("<"):
                        ndt = b
                    else:
                        nd += b
                if nst is not None and nst not in APERTIUM_TAGS:
                    continue
                stack.append((t, ns, nd, nst, ndt, depth + 1))
        out |= found
    return out


class Stemmers:
    """Snowball stemmers of libstemmer (the library the engine links), via
    ctypes: the builder and Lexicon::Lookup must stem alike. Unavailable
    (no libstemmer.so) -> stem() returns None and no stem entries are
    written; lookups then fall back to trimming."""

    NAMES = {"fra": b"french", "spa": b"spanish", "por": b"portuguese",
             "ita": b"italian", "deu": b"german", "eng": b"english"}

    def __init__(self):
        self.lib = None
        self.stemmers = {}
        for name in ("libstemmer.so.0d", ctypes.util.find_library("stemmer")):
            if not name:
                continue
            try:
                self.lib = ctypes.CDLL(name)
                break
            except OSError:
                continue
        if self.lib is None:
            print("build_lexicon: warning: libstemmer not found; no stem "
                  "entries", file=sys.stderr)
            return
        lib = self.lib
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_ubyte)
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                        ctypes.c_int]
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        for lang, name in self.NAMES.items():
            st = lib.sb_stemmer_new(name, b"UTF_8")
            if st:
                self.stemmers[lang] = st

    def stem(self, lang, word):
        st = self.stemmers.get(lang)
        if st is None:
            return None
        if "-" in word:
            # A hyphenated compound, part by part ("chauves-souris" and
            # "chauve-souris" meet); as the engine's StemKey does.
            parts = [self.stem(lang, p) for p in word.split("-")]
            return None if None in parts else "-".join(parts)
        b = word.encode("utf-8")
        p = self.lib.sb_stemmer_stem(st, b, len(b))
        if not p:
            return None
        return bytes(p[:self.lib.sb_stemmer_length(st)]).decode("utf-8")


class EnglishLemmas:
    """Irregular English forms and their lemmas, from WordNet (wordnet-base).

    The engine gives an English word its own 5-prefix and its Snowball
    stem's; pivots get the stem's. A form is kept only when some lemma's
    feature is neither ("women" -> "woman", "said" -> "say"; not "children"
    -> "child", whose 5-prefix is already "child"): the rest would cost
    lookups and bytes for nothing. Forms listed with several lemmas are
    ambiguous and skipped (WN_MAX_LEMMAS). Forms and lemmas that are English
    stop words ("was" -> "be") are dropped: the engine never looks them up,
    or drops them.
    """

    def __init__(self, wordnet_dir, stemmers, stop):
        self.forms = {}  # form -> [lemma, ...]
        self.read = 0    # single-word exception lines read
        self.stemmers = stemmers
        # Single-word lemmas of WordNet's index files, by part of speech
        # (also read by Lexicon.english_compounds: self.by_pos["noun"]).
        self.by_pos = {}
        for pos in WORDNET_POS:
            words = set()
            try:
                with open(os.path.join(wordnet_dir, "index." + pos),
                          encoding="utf-8") as f:
                    for line in f:
                        w = line.split(" ", 1)[0]
                        if ENG_WORD_RE.match(w):
                            words.add(w)
            except OSError:
                pass
            self.by_pos[pos] = words
        if WN_MAX_LEMMAS <= 0:
            return
        excs = [os.path.join(wordnet_dir, pos + ".exc") for pos in WORDNET_POS]
        if not any(os.path.exists(p) for p in excs):
            print("build_lexicon: note: no WordNet exception lists in %s "
                  "(Debian package wordnet-base); English irregular forms "
                  "get no lemma rows" % wordnet_dir, file=sys.stderr)
            return
        by_pos = self.by_pos
        all_lemmas = set()  # every single-word lemma of the index files
        for words in by_pos.values():
            all_lemmas |= words
        eng_stop = stop.get("eng", set())
        candidates = {}
        # Multiword forms ("attorneys_general") are skipped.
        for _, form, lemmas in read_wordnet_exceptions(wordnet_dir):
            self.read += 1
            # Every listed lemma counts for ambiguity, multiword ones too
            # ("comics" -> "comic_strip comic").
            lst = candidates.setdefault(form, [])
            for lemma in lemmas:
                if lemma != form and lemma not in lst:
                    lst.append(lemma)
        for pos, form_suffix, lemma_suffix in MORPHY_IRREGULAR:
            for lemma in by_pos.get(pos, ()):
                if not lemma.endswith(lemma_suffix):
                    continue
                form = lemma[:-len(lemma_suffix)] + form_suffix
                # A form that is a lemma itself ("omen", not "oman") or
                # listed as an exception is left alone.
                if form in all_lemmas or form in candidates:
                    continue
                candidates.setdefault(form, []).append(lemma)
        for form, lemmas in candidates.items():
            if form in eng_stop or len(lemmas) > WN_MAX_LEMMAS:
                continue
            own = {form[:ENG_PREFIX], self.feature(form)}
            useful = [l for l in lemmas
                      if ENG_WORD_RE.match(l) and l not in eng_stop and
                      self.feature(l) not in own]
            if useful:
                self.forms[form] = useful

    def feature(self, word):
        stem = None
        if len(word.encode("utf-8")) <= ENG_MAX_STEMMED:
            stem = self.stemmers.stem("eng", word)
        return (stem or word)[:ENG_PREFIX]


def is_acronym(w):
    return 2 <= len(w) <= 6 and w.isalpha() and w.isupper()


class Lexicon:
    """Collects translation edges and ranks each word's English pivots.

    A pivot's score sums the routes that reach it (docs/xlang.md):
      * X-eng forward entries (the word's own dictionary), by sense order;
      * eng-X entries inverted (an English word lists the word);
      * hub routes: the word's translations in another language M (from the
        X-M or M-X dictionary), then their own direct English scores, best
        translation per M; each hub counts once.
    So a pivot several dictionaries agree on ranks first, and the noise of a
    single inverted entry ("negociation" <- "arrangement") ranks last. A
    pivot that shares its first 4 letters with the word (a cognate:
    "negociation" / "negotiation") gets a bonus.
    """

    def __init__(self, dictd, stop, apertium_dir=None):
        self.stop = stop
        # fwd[L][word] = [eng words in sense order]; inv[L][word] = {eng:
        # rank of word among eng's translations}; bil[(L, M)][word] =
        # {M word: weight}.
        self.fwd = {lang: {} for lang in LANGS}
        self.inv = {lang: {} for lang in LANGS}
        self.bil = {}
        self.acr_edges = []
        self.lead_edges = []  # add_leading_acronyms
        self.used = []
        self.missing = []
        self._direct = {lang: {} for lang in LANGS}
        self._scores = {}
        # spelled[L][key] = a headword's spelling (lower case, accents kept)
        # for Apertium's generators, which take lemmas as written.
        self.spelled = {lang: {} for lang in LANGS}
        # proper_entries[(src, dst)]: the entries of the English pairs whose
        # headword is capitalized (dictionary_country_rows).
        self.proper_entries = {}
        langs = ["eng"] + LANGS
        for src in langs:
            for dst in langs:
                if src == dst:
                    continue
                entries = read_dict(dictd, src, dst)
                if entries is None:
                    if "%s-%s" % (src, dst) in EXPECTED:
                        self.missing.append("%s-%s" % (src, dst))
                    continue
                self.used.append("%s-%s" % (src, dst))
                self.add(src, dst, entries)
                if "eng" in (src, dst):
                    self.proper_entries[(src, dst)] = [
                        (head, trans) for head, trans in entries
                        if head[:1].isupper()]
        # Apertium pairs are one more dictionary of the pair (same edge
        # weights); each translation is a first sense (the transducer keeps
        # no order), so a lemma's alternatives weigh alike.
        self.apertium = []
        for package, name, src, dst in APERTIUM_PAIRS if apertium_dir else ():
            path = os.path.join(apertium_dir, package, name)
            if ("%s-%s" % (src, dst) not in APERTIUM_USE or
                    not os.path.exists(path)):
                continue
            pairs = read_apertium(path)
            if pairs is None:
                print("build_lexicon: note: %s needs lt-print (Debian "
                      "lttoolbox-dev); not used" % path, file=sys.stderr)
                continue
            self.apertium.append("%s(%s-%s)" % (package, src, dst))
            if APERTIUM_FILL:
                # Only words the FreeDict pair lacks, on both sides.
                fwd = (self.fwd[src] if dst == "eng" else
                       self.bil.get((src, dst), {}))
                back = ({} if dst == "eng" else self.bil.get((dst, src), {}))
                pairs = {(a, b) for a, b in pairs
                         if fold(a) not in fwd and fold(b) not in back}
            self.add(src, dst, [(a, [b]) for a, b in sorted(pairs)],
                     APERTIUM_RANK)

    def add(self, src, dst, entries, first_rank=0):
        for head, lines in entries:
            if " " in head or "-" in head:
                self.add_leading_acronyms(src, dst, head, lines)
            if " " in head:
                # A multiword headword is never a key token, but an English
                # phrase's words are pivots of its translations (PHRASES).
                if PHRASES and src == "eng" and head == head.lower():
                    self.add_phrase(dst, head, lines, first_rank)
                continue
            trans = split_translations(lines)
            if is_acronym(head):
                for t in trans:
                    if is_acronym(t):
                        self.acr_edges.append((fold(head), fold(t)))
            hw = fold(head)
            head_re = HEAD_RE if src in HYPHENATED_LANGS else WORD_RE
            if not head_re.match(hw) or hw in self.stop.get(src, ()):
                continue
            if src in self.spelled:
                self.spelled[src].setdefault(hw, head.lower())
            rank = first_rank
            phrase_pivots = []  # phrases' words, after the single words
            for t in trans:
                if not WORD_RE.match(t):
                    # Multiword or punctuation junk; an English phrase of two
                    # content words gives its words.
                    words = (phrase_words(t, self.stop.get("eng", ()))
                             if PHRASES and dst == "eng" else None)
                    if words:
                        phrase_pivots.append(words)
                    continue
                tw = self.target_word(t, dst)
                if tw is None:
                    continue
                self.edge(src, dst, hw, tw, rank)
                rank += 1
            if not phrase_pivots:
                continue
            # A phrase that holds one of the word's own single-word
            # translations narrows it ("balance" / "balance sheet"): its
            # other word would be noise.
            singles = {fold(t) for t in trans if WORD_RE.match(t)}
            for words in phrase_pivots:
                if any(fold(w) in singles for w in words):
                    continue
                for w in words:
                    self.edge(src, dst, hw, fold(w), rank)
                    rank += 1

    def target_word(self, t, dst):
        """Translation `t` folded, when it is one word of 2+ letters and no
        stop word of `dst`; else None."""
        if not WORD_RE.match(t):
            return None
        tw = fold(t)
        if tw in self.stop.get(dst, ()) or len(tw) < 2:
            return None
        return tw

    def add_phrase(self, dst, phrase, lines, first_rank):
        """An English phrase headword's single-word translations, inverted
        for each of its two content words (PHRASES)."""
        words = phrase_words(phrase, self.stop.get("eng", ()))
        if not words:
            return
        rank = first_rank
        for t in split_translations(lines):
            tw = self.target_word(t, dst)
            if tw is None:
                continue
            for w in words:
                self.edge("eng", dst, fold(w), tw, rank)
            rank += 1

    def edge(self, src, dst, hw, tw, rank):
        # Sense order: the first translations are the common ones.
        w = 1.0 / (1.0 + SENSE_DECAY * rank)
        if src == "eng":
            d = self.inv[dst].setdefault(tw, {})
            d[hw] = max(d.get(hw, 0.0), INVERTED * w)
        elif dst == "eng":
            lst = self.fwd[src].setdefault(hw, [])
            if tw not in lst:
                lst.append(tw)
        else:
            d = self.bil.setdefault((src, dst), {}).setdefault(hw, {})
            d[tw] = max(d.get(tw, 0.0), w)
            d = self.bil.setdefault((dst, src), {}).setdefault(tw, {})
            d[hw] = max(d.get(hw, 0.0), INVERTED * w)

    def direct(self, lang, word):
        """{eng: score} from the X-eng and eng-X dictionaries, top = 1."""
        cache = self._direct[lang]
        if word in cache:
            return cache[word]
        scores = {}
        for i, e in enumerate(self.fwd[lang].get(word, ())):
            scores[e] = scores.get(e, 0.0) + 1.0 / (1.0 + SENSE_DECAY * i)
        for e, w in self.inv[lang].get(word, {}).items():
            scores[e] = scores.get(e, 0.0) + w
        if scores:
            top = max(scores.values())
            scores = {e: s / top for e, s in scores.items()}
        cache[word] = scores
        return scores

    def scores(self, lang, word, rounds=2):
        """{eng: score}: direct entries plus hub routes (see the class doc).

        With rounds=2 a hub word without direct English entries contributes
        its own hub-routed scores ("negociation" -> spa "negociacion" ->
        deu "Verhandlung" -> "negotiation").
        """
        key = (lang, word, rounds)
        if key in self._scores:
            return self._scores[key]
        scores = dict(self.direct(lang, word))
        for hub in LANGS:
            if hub == lang:
                continue
            best = {}
            for mw, bw in self.bil.get((lang, hub), {}).get(word, {}).items():
                if rounds > 1:
                    hub_scores = self.normalized(hub, mw, rounds - 1)
                else:
                    hub_scores = self.direct(hub, mw)
                for e, s in hub_scores.items():
                    v = HUB * bw * s
                    if v > best.get(e, 0.0):
                        best[e] = v
            for e, v in best.items():
                scores[e] = scores.get(e, 0.0) + v
        for e in scores:
            if len(word) >= 4 and e[:4] == word[:4]:
                scores[e] += COGNATE
        self._scores[key] = scores
        return scores

    def normalized(self, lang, word, rounds):
        scores = self.scores(lang, word, rounds)
        if not scores:
            return scores
        top = max(scores.values())
        return {e: s / top for e, s in scores.items()}

    @staticmethod
    def choose(scores):
        if not scores:
            return []
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        top = ranked[0][1]
        out, prefixes = [], set()
        for e, s in ranked:
            if s < MIN_SHARE * top or len(out) >= MAX_PIVOTS:
                break
            # The engine compares 5-prefixes: "negotiation negotiations"
            # would spend two pivots on one feature.
            if e[:5] in prefixes:
                continue
            prefixes.add(e[:5])
            out.append(e)
        return out

    def entries(self, lang, stemmers):
        """Rows of `lang`: headwords, and "~stem" rows (see STEM_MARK)."""
        words = set(self.fwd[lang]) | set(self.inv[lang])
        for (a, _), table in self.bil.items():
            if a == lang:
                words.update(table)
        # Sorted: the pooled scores below are float sums, whose order must
        # not follow the set's (hash-seeded) order, or near ties between
        # pivots flip from build to build ("recoil" / "recoiling").
        words = sorted(w for w in words if w not in self.stop.get(lang, ()))
        # Headwords of one Snowball stem pool their normalized scores: the
        # stem row serves inflected forms no dictionary lists ("nueva",
        # "fortes", "muertos"), and a headword borrows from its siblings
        # ("restos", whose only route is noise, from "resto").
        by_stem = {}
        for w in words:
            st = stemmers.stem(lang, w)
            if st:
                by_stem.setdefault(st, []).append(w)
        stem_scores = {}
        for st, group in by_stem.items():
            pooled = {}
            for w in group:
                for e, v in self.normalized(lang, w, ROUNDS).items():
                    pooled[e] = pooled.get(e, 0.0) + v
            if pooled:
                top = max(pooled.values())
                stem_scores[st] = {e: v / top for e, v in pooled.items()}
        rows = {}
        routed = 0
        for w in words:
            scores = dict(self.normalized(lang, w, ROUNDS))
            st = stemmers.stem(lang, w)
            if SIBLING > 0 and st in stem_scores:
                for e, v in stem_scores[st].items():
                    scores[e] = scores.get(e, 0.0) + SIBLING * v
            piv = self.choose(scores)
            if piv:
                rows[w] = piv
                routed += not self.direct(lang, w)
        stems = 0
        for st, scores in stem_scores.items():
            piv = self.choose(scores)
            if piv:
                rows[STEM_MARK + st] = piv
                stems += 1
        return rows, routed, stems

    def english_compounds(self, nouns):
        """{English word: [modifier, head]} for closed compounds of two
        nouns ("warship" -> "war ship", "carmakers" -> "car makers"): words
        of 7+ letters of the dictionaries' English sides that split into
        two WordNet nouns (`nouns`) of 3+ letters (the head may be plural),
        neither a stop word. Of several splits the longest head wins ("war
        ship", not "wars hip"). Noun + noun keeps out "abhor red", "abduct
        ion"."""
        if not nouns:
            return {}
        def noun(w, head):
            return w in nouns or (head and w.endswith("s") and w[:-1] in nouns)
        # A part must be a common word: an English translation in at least
        # four of the five languages' dictionaries ("war", "ship", "car";
        # not WordNet's "aba", "ted", "ism").
        langs_of = {}
        for lang in LANGS:
            words = set()
            for engs in self.inv[lang].values():
                words.update(engs)
            for engs in self.fwd[lang].values():
                words.update(engs)
            for w in words:
                langs_of[w] = langs_of.get(w, 0) + 1
        def common(w):
            return langs_of.get(w, 0) >= 4 or (
                w.endswith("s") and langs_of.get(w[:-1], 0) >= 4)
        stop = self.stop.get("eng", ())
        # Heads that are also derivational suffixes: "accountant" is no
        # account ant, "accountability" no account ability.
        suffixes = {"ant", "ants", "ability", "ion", "ions", "ism", "ate",
                    "ates", "ent", "ents", "ness", "ment", "ments", "age",
                    "ages", "hood", "dom", "ling", "lings", "let", "lets"}
        out = {}
        for w in langs_of:
            if len(w) < 7 or not ENG_WORD_RE.match(w) or w in stop:
                continue
            for i in range(3, len(w) - 2):
                a, b = w[:i], w[i:]
                if (a not in stop and b not in stop and b not in suffixes
                        and noun(a, False)
                        and noun(b, True) and common(a) and common(b)):
                    out[w] = [a, b]
                    break  # the first split has the longest head
        return out

    def english_synonyms(self, feature):
        """{English word: pivots} by round trip: the word's translations in
        the five languages (eng-X entries, X-eng entries inverted), and their
        own pivots, counted once per language and kept when ENG_SYN_LANGS
        languages agree ("deal" -> fra "accord", spa "acuerdo", ita
        "accordo" -> "agreement"). `feature` gives a word's engine feature
        (5-prefix of its stem): a pivot the word already has is skipped."""
        trans = {}  # eng word -> {lang: {x word: weight}}
        for lang in LANGS:
            for xw, engs in self.inv[lang].items():
                for e, w in engs.items():
                    d = trans.setdefault(e, {}).setdefault(lang, {})
                    d[xw] = max(d.get(xw, 0.0), w / INVERTED)
            for xw, engs in self.fwd[lang].items():
                for i, e in enumerate(engs):
                    w = 1.0 / (1.0 + SENSE_DECAY * i)
                    d = trans.setdefault(e, {}).setdefault(lang, {})
                    d[xw] = max(d.get(xw, 0.0), w)
        rows = {}
        for e, by_lang in trans.items():
            if not WORD_RE.match(e) or e in self.stop.get("eng", ()):
                continue
            own = feature(e)
            votes, score = {}, {}
            for lang, xws in by_lang.items():
                best = {}
                for xw, w in xws.items():
                    for p, s in self.normalized(lang, xw, ROUNDS).items():
                        best[p] = max(best.get(p, 0.0), w * s)
                for p, v in best.items():
                    if feature(p) == own:
                        continue
                    votes[p] = votes.get(p, 0) + 1
                    score[p] = score.get(p, 0.0) + v
            kept = [(p, v) for p, v in score.items()
                    if votes[p] >= ENG_SYN_LANGS]
            if not kept:
                continue
            kept.sort(key=lambda kv: (-kv[1], kv[0]))
            top = kept[0][1]
            out, seen = [], set()
            for p, v in kept:
                if v < ENG_SYN_SHARE * top or len(out) >= ENG_SYN:
                    break
                if feature(p) in seen:
                    continue
                seen.add(feature(p))
                out.append(p)
            if out:
                rows[e] = out
        return rows

    def add_leading_acronyms(self, src, dst, head, lines):
        """Acronym edges from compounds that open with one on both sides:
        "UN monitor" / "UNO-Beobachter" gives UN - UNO, which no entry of
        its own gives (the acronyms' entries, where they exist, translate
        them into words)."""
        first = re.split(r"[ -]", head, maxsplit=1)
        if len(first) < 2 or not is_acronym(first[0]):
            return
        a = fold(first[0])
        if a in self.stop.get(src, ()):
            return  # a word in capitals: "AND gate" / "UND-Gatter"
        for t in split_translations(lines):
            parts = re.split(r"[ -]", t, maxsplit=1)
            if len(parts) == 2 and is_acronym(parts[0]):
                b = fold(parts[0])
                if b not in self.stop.get(dst, ()):
                    self.lead_edges.append((a, b))

    def leading_acronym_edges(self):
        """The edges of add_leading_acronyms that can be trusted: the two
        acronyms differ, and the letters of the shorter are among the longer's
        (the same initials in another word order or with one more word:
        UN / UNO, DNA / ADN, SARS / SRAS), which keeps out acronyms that
        name other things elsewhere ("NBC weapons" / "ABC-Waffen": NBC and
        ABC are also two networks)."""
        kept = set()
        for a, b in self.lead_edges:
            if a == b:
                continue
            short, long_ = sorted((a, b), key=len)
            if not collections.Counter(short) - collections.Counter(long_):
                kept.add((a, b))
        print("build_lexicon: %d acronym edges from compounds (%s)"
              % (len(kept), " ".join("%s=%s" % e for e in sorted(kept))),
              file=sys.stderr)
        return sorted(kept)

    def acronyms(self):
        # Union-find over all-capital pairs; the representative is the
        # English-looking member when one exists (shortest, then smallest).
        parent = {}

        def find(x):
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in self.acr_edges:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        groups = {}
        for x in list(parent):
            groups.setdefault(find(x), []).append(x)
        rows = {}
        for members in groups.values():
            if len(members) < 2 or len(members) > 6:
                continue  # a huge component means a bad edge; skip it
            canon = min(members, key=lambda m: (len(m), m))
            for m in members:
                if m != canon:
                    rows[m] = [canon]
        return rows


def coverage(lex_rows, stop, path):
    """Share of content words of a clusters TSV found in the lexicon."""
    seen = {lang: [0, 0] for lang in LANGS}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[1] not in seen:
                continue
            for w in re.findall(r"[^\W\d_]+", fold(parts[2])):
                if w in stop.get(parts[1], ()) or len(w) < 3:
                    continue
                seen[parts[1]][1] += 1
                seen[parts[1]][0] += w in lex_rows[parts[1]]
    for lang, (hit, tot) in seen.items():
        print("build_lexicon: coverage %s %.1f%% of %d content words"
              % (lang, 100.0 * hit / max(tot, 1), tot), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dictd", default="/usr/share/dictd")
    ap.add_argument("--out", required=True)
    ap.add_argument("--wordnet", default="/usr/share/wordnet",
                    help="WordNet dict dir with *.exc (wordnet-base)")
    ap.add_argument("--apertium", default="/usr/share/apertium",
                    help="Apertium data dir (apertium-fr-es, ...; optional)")
    ap.add_argument("--cldr", default="/usr/share/unicode/cldr",
                    help="CLDR (unicode-cldr-core): city names; optional")
    ap.add_argument("--ding", default="/usr/share/trans/de-en",
                    help="Ding German-English dictionary (trans-de-en): "
                         "German verb forms; optional")
    ap.add_argument("--coverage", help="clusters TSV to measure coverage on")
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json",
                    help="Debian iso-codes JSON (country names; optional)")
    ap.add_argument("--locale-dir", default="/usr/share/locale",
                    help="iso-codes' translations (gettext .mo files)")
    args = ap.parse_args()

    stop = load_stopwords()
    stemmers = Stemmers()
    english = EnglishLemmas(args.wordnet, stemmers, stop)
    lex = Lexicon(args.dictd, stop, args.apertium)
    if not lex.used:
        print("build_lexicon: error: no FreeDict dictionary among "
              "freedict-{eng,fra,spa,por,ita,deu}-*.index in %s" % args.dictd,
              file=sys.stderr)
        return 1
    if lex.missing:
        print("build_lexicon: warning: %d dictionaries missing (%s); the "
              "lexicon will be smaller" % (len(lex.missing),
                                           " ".join(lex.missing)),
              file=sys.stderr)
    rows = {}
    counts = []
    for lang in LANGS:
        rows[lang], routed, stems = lex.entries(lang, stemmers)
        counts.append("%s=%d" % (lang, len(rows[lang])))
        print("build_lexicon: %s %d entries: %d headwords (%d routed through "
              "other languages' dictionaries), %d stems"
              % (lang, len(rows[lang]), len(rows[lang]) - stems, routed,
                 stems), file=sys.stderr)
    generators = []
    # Read for German's verb forms (add_verb_forms) when there.
    ding_used = bool(DING) and os.path.exists(args.ding)
    for lang in LANGS:
        added, homographs, used = add_verb_forms(
            rows[lang], lang, lex.spelled[lang], args.apertium, stemmers, stop,
            english.by_pos.get("verb", frozenset()), args.ding)
        if used and not used.startswith("rules"):
            generators.append(used)
        if used:
            print("build_lexicon: %s %d verb forms, %d homographs "
                  "given their verb's pivots too (%s)"
                  % (lang, added, homographs, used), file=sys.stderr)
    if PIVOT_LEMMAS and english.forms:
        bases = english.by_pos.get("noun", set()) | english.by_pos.get(
            "verb", set())
        changed = 0
        for lang in LANGS:
            for word, piv in rows[lang].items():
                out = []
                for p in piv:
                    lemmas = english.forms.get(p)
                    if lemmas and p not in bases:
                        p = lemmas[0]
                        changed += 1
                    if p not in out:
                        out.append(p)
                rows[lang][word] = out
        print("build_lexicon: %d pivots that are inflected English forms "
              "replaced by their lemma" % changed, file=sys.stderr)
    countries, country_edges = country_rows(args.iso_codes, args.locale_dir,
                                            args.wordnet, args.cldr)
    iso_names = dict(countries)  # the ISO names only, for initialisms
    alpha = {}
    for code, a2 in country_edges:
        alpha[code] = a2
        alpha[a2] = a2
    demonyms = demonym_rows(args.wordnet, countries, alpha)
    aliases = country_alias_rows(args.wordnet, countries)
    for word, code in list(demonyms.items()) + list(aliases.items()):
        countries.setdefault(word, code)

    def stop_word(word):
        return any(word in stop[l] for l in stop)

    translated = dictionary_country_rows(lex.proper_entries, aliases,
                                         countries, stop_word, args.wordnet)
    for word, code in translated.items():
        countries.setdefault(word, code)

    def first_pivots(word):
        return [rows[l][word][0] for l in LANGS
                if word in rows[l] and rows[l][word]]

    subdivisions = subdivision_rows(args.iso_codes, args.locale_dir,
                                    args.wordnet, countries, stop_word,
                                    first_pivots, args.cldr)
    for name, code in subdivisions.items():
        countries.setdefault(name, code)
    cities = city_rows(args.wordnet, countries, stop_word, first_pivots)
    cities.update(cldr_city_rows(args.cldr, cities, countries, stop_word,
                                 first_pivots, args.wordnet))
    for name, code in cities.items():
        countries.setdefault(name, code)
    # English adjectives of subdivisions ("Scottish", "Welsh", "Texan",
    # "Bavarian"), as demonym_rows gives those of countries: NTREX's
    # "Scottish Athletics board" meets "Escocia", and "Welsh" is not
    # "Escocia". LEX_PLACE_ADJ=2 adds cities' ("Roman", "Parisian"), not
    # shipped: "Roman" is a first name, "Trojan" a malware, "cantonal" no
    # city's.
    def add_place_words(found):
        """The words of `found` ({word: code}) that are no country name yet,
        no stop word and no noun first of another kind than a language,
        place or person ("attic", "scotch", "pole"), added to `countries`."""
        other_nouns = nouns_first_outside(args.wordnet, set(found),
                                          PLACE_ADJ_NOUN_FILES) or set()
        kept = {word: code for word, code in found.items()
                if word not in countries and not stop_word(word) and
                word not in other_nouns}
        for word, code in kept.items():
            countries.setdefault(word, code)
        return kept

    place_adjectives = {}
    if PLACE_ADJ > 0:
        places = dict(subdivisions)
        if PLACE_ADJ > 1:
            places.update(cities)
        place_adjectives = add_place_words(
            demonym_rows(args.wordnet, places, {}))
    # English nouns for a place's people ("Britons", "Scots", "Israelis",
    # "Swedes"): their noun.person synsets' member-holonym pointers, for
    # countries and subdivisions; cities' people ("Roman", "Trojan", and
    # WordNet has Plato a member of Athens) stay out, as their adjectives
    # do.
    place_nouns = {}
    if PLACE_NOUNS > 0:
        place_nouns = add_place_words(demonym_noun_rows(args.wordnet, {
            name: code for name, code in countries.items()
            if not code.startswith("city-")}))
    lead = lex.leading_acronym_edges()
    lex.acr_edges.extend(lead)
    country_edges, ambiguous, alpha3 = split_ambiguous_codes(
        lex.acr_edges, country_edges, alpha, iso_names, stop_word)
    lex.acr_edges.extend(country_edges)
    rows["acr"] = lex.acronyms()
    # Each name maps to its code's class representative ("us" may be "eua");
    # a country whose alpha-2 code is an acronym of something else maps to
    # its alpha-3 code's instead.
    def country_class(code):
        if code in ambiguous:
            code = alpha3.get(code, code)
        return rows["acr"].get(code, [code])[0]
    rows["cty"] = {name: [country_class(code)]
                   for name, code in countries.items()}
    counts.append("acr=%d" % len(rows["acr"]))
    counts.append("cty=%d" % len(rows["cty"]))
    print("build_lexicon: acr %d acronyms; cty %d country names (ISO 3166-1, "
          "iso-codes), English adjectives (%d, WordNet pertainyms), other "
          "English names (%d, WordNet), their translations (%d, FreeDict), "
          "subdivision names (%d, ISO 3166-2), city names (%d, WordNet "
          "and CLDR), English adjectives of subdivisions (%d, WordNet "
          "pertainyms) and nouns for places' people (%d, WordNet)"
          % (len(rows["acr"]), len(rows["cty"]), len(demonyms), len(aliases),
             len(translated), len(subdivisions), len(cities),
             len(place_adjectives), len(place_nouns)),
          file=sys.stderr)
    rows["eng"] = dict(english.forms)
    if ENG_SYN > 0:
        synonyms = lex.english_synonyms(english.feature)
        for e, piv in synonyms.items():
            # After "|": the engine's verification uses them, LSH does not.
            have = rows["eng"].setdefault(e, [])
            have.append("|")
            have.extend(p for p in piv if p not in have)
        print("build_lexicon: eng %d words with round-trip pivots"
              % len(synonyms), file=sys.stderr)
    if ENG_COMPOUNDS:
        compounds = lex.english_compounds(english.by_pos["noun"])
        for e, parts in compounds.items():
            # First after "|" (verification only), before any round trip.
            add_verification_pivots(rows["eng"], e, parts)
        print("build_lexicon: eng %d closed compounds split in two"
              % len(compounds), file=sys.stderr)
    if ENG_NOUN_VERBS:
        added = 0
        for noun, vs in noun_verbs(args.wordnet).items():
            if noun in english.forms or noun in stop.get("eng", set()):
                continue
            own = english.feature(noun)
            vs = [v for v in vs if english.feature(v) != own][:2]
            if not vs:
                continue
            add_verification_pivots(rows["eng"], noun, vs)
            added += 1
        print("build_lexicon: eng %d agent nouns with their verbs (WordNet "
              "derivations)" % added, file=sys.stderr)
    for form, lemma in SUPPLETIVE_PLURALS:
        add_verification_pivots(rows["eng"], form, [lemma])
    if ENG_VOCABULARY and "eng" in stemmers.stemmers:
        # The English vocabulary language id asks (Lexicon::HasEnglishWord):
        # the Snowball stem of every pivot and English row word, as
        # "~stem" rows, which no folded word looks up.
        tokens = set(rows["eng"])
        for lang in LANGS + ["eng"]:
            for piv in rows[lang].values():
                tokens.update(p for p in piv if p != "|")
        stems = {stemmers.stem("eng", t) for t in tokens if ENG_WORD_RE.match(t)}
        stems.discard(None)
        stems.discard("")
        # A verb's WordNet effects ("kill" -> "die") follow a "|" in its
        # stem's row: verification pivots for every form of the verb
        # ("kills", "killed" meet "morts", "muertos", "Tote").
        effects = {}
        for verb, caused in (verb_causes(args.wordnet).items()
                             if ENG_CAUSES else ()):
            st = stemmers.stem("eng", verb)
            if st in stems:
                have = effects.setdefault(st, [])
                have.extend(c for c in caused if c not in have)
        # WordNet synonyms (off by default, ENG_WN_SYN): verification pivots
        # of the lemma's stem row, after its effects.
        if ENG_WN_SYN > 0:
            synonyms = {}
            for lemma, syns in wordnet_synonyms(
                    args.wordnet, ENG_WN_SYN, ENG_WN_SYN_POS,
                    ENG_WN_SYN_SENSES).items():
                if lemma in stop.get("eng", set()):
                    continue
                st = stemmers.stem("eng", lemma)
                if st not in stems:
                    continue
                own = english.feature(lemma)
                have = synonyms.setdefault(st, [])
                for w in syns:
                    if (len(have) < ENG_WN_SYN_MAX and
                            english.feature(w) != own and w not in have and
                            w not in stop.get("eng", set())):
                        have.append(w)
            for st, syns in synonyms.items():
                have = effects.setdefault(st, [])
                have.extend(w for w in syns if w not in have)
            print("build_lexicon: eng %d stems with WordNet synonyms"
                  % sum(1 for v in synonyms.values() if v), file=sys.stderr)
        # A form with a row of its own ("kill": round trips) never reads
        # its stem's row, so it gets the effects itself.
        for word, piv in rows["eng"].items():
            caused = effects.get(stemmers.stem("eng", word))
            if caused:
                if "|" not in piv:
                    piv.append("|")
                piv.extend(c for c in caused if c not in piv)
        for st in stems:
            rows["eng"][STEM_MARK + st] = ["|"] + effects.get(st, [])
        print("build_lexicon: eng %d verb stems with WordNet effects"
              % len(effects), file=sys.stderr)
        print("build_lexicon: eng %d vocabulary stems (of %d pivots and "
              "English words)" % (len(stems), len(tokens)), file=sys.stderr)
    if ENG_ANTONYMS:
        # "!form" rows, which no folded word looks up (Lexicon::
        # LookupAntonymAxes).
        antonyms = antonym_rows(args.wordnet, stop.get("eng", set()))
        for form, axes in antonyms.items():
            rows["eng"][ANTONYM_MARK + form] = axes
        print("build_lexicon: eng %d English forms on %d WordNet antonym "
              "axes" % (len(antonyms), len({t.split(":")[0] for v in
                                             antonyms.values() for t in v})),
              file=sys.stderr)
    counts.append("eng=%d" % len(rows["eng"]))
    if english.read:
        print("build_lexicon: eng %d irregular forms (of %d WordNet exception "
              "entries and the -men rule)" % (len(rows["eng"]), english.read),
              file=sys.stderr)
    if args.coverage:
        coverage(rows, stop, args.coverage)

    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("# tickerdedup cross-language lexicon: %s\n" % " ".join(counts))
        f.write("# Derived from FreeDict dictionaries (%s); GPL-2+, GPL-3+ and "
                "CC-BY-SA-3.0 data: build it, never commit it. "
                "See LICENSES.md.\n" % " ".join(lex.used))
        if lex.apertium:
            f.write("# and from Apertium bilingual dictionaries (%s); GPL-2 / "
                    "GPL-2+ data: build it, never commit it.\n"
                    % " ".join(lex.apertium))
        if generators:
            f.write("# and verb forms from Apertium generators (%s); GPL-2 / "
                    "GPL-2+ data: build it, never commit it.\n"
                    % " ".join(generators))
        if ding_used:
            f.write("# and German verb forms from the Ding German-English "
                    "dictionary (trans-de-en); GPL-2+ data: build it, never "
                    "commit it.\n")
        if rows["cty"]:
            f.write("# cty lines and alpha-3 acr edges: ISO 3166-1 country "
                    "names from iso-codes (LGPL-2.1+).\n")
        if rows["eng"]:
            # The WordNet licence asks for its notice on all copies,
            # modifications included.
            f.write("# eng lines: English irregular forms -> lemmas and verb "
                    "causes and (rows \"!form\") antonym axes, "
                    "derived from WordNet 3.0.\n")
            for line in WORDNET_NOTICE.strip("\n").split("\n"):
                f.write(("# " + line).rstrip() + "\n")
        for lang in sorted(rows):
            for w in sorted(rows[lang], key=lambda s: s.encode("utf-8")):
                f.write("%s\t%s\t%s\n" % (lang, w, " ".join(rows[lang][w])))
    os.replace(tmp, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
