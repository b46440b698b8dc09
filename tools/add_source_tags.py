#!/usr/bin/env python3
"""Appends an outlet's source tag to every headline of an eval file (or
opens one side with a newsroom label).

Aggregators list a title with its outlet ("... - BBC News", "... | EL PAÍS",
"... (AFP)"); the eval files have none. This writes a copy of a labelled
pairs file (`label kind a b`) or clusters file (`cluster lang text`, see
../shared/eval/README.md) in which every headline ends with a tag drawn, with
a fixed seed, from a list of real outlets of its language, several with a
digit in the name ("France 24", "Channel 4 News", "G1"). The language is
the clusters file's `lang` column, or the pair kind's ("xlang/eng-fra": a is
English, b French; other kinds are English). Scoring the copy with td_eval
against the original shows what the tags cost.

  tools/add_source_tags.py ../shared/eval/pairs/ntrex128-xlang.tsv > /tmp/t.tsv
  build/td_eval /tmp/t.tsv

With --labels it opens the second headline of each pair (every other row
of a clusters file) with a newsroom label of its language instead
("BREAKING: ", "EN DIRECT - ", "ÚLTIMA HORA: ", "EILMELDUNG: "...): a label
that one outlet adds and the other's copy lacks.

Python 3 standard library only.
"""

import argparse
import random
import sys

TAGS = {
    "eng": [" - BBC News", " | Reuters", " - The Guardian", " - CNN",
            " - Channel 4 News", " (AP)", " - Sky News",
            " - The New York Times"],
    "fra": [" - Le Monde", " - France 24", " | Le Figaro", " - franceinfo",
            " - 20 Minutes", " (AFP)", " - BFMTV", " - Lib\u00e9ration"],
    "spa": [" - EL PA\u00cdS", " - 20minutos.es", " | EFE", " - El Mundo",
            " - RTVE.es", " (EFE)", " - La Vanguardia",
            " - Antena 3 Noticias"],
    "por": [" - G1", " - P\u00fablico", " | Folha de S.Paulo",
            " - Observador", " - RTP Not\u00edcias", " (Lusa)", " - Expresso",
            " - UOL"],
    "ita": [" - la Repubblica", " - Corriere della Sera", " | ANSA",
            " - Il Post", " - Rai News", " (ANSA)", " - Sky TG24",
            " - Il Fatto Quotidiano"],
    "deu": [" - tagesschau.de", " - SPIEGEL", " | ZEIT ONLINE", " - n-tv",
            " - ZDFheute", " (dpa)", " - FAZ", " - S\u00fcddeutsche Zeitung"],
}


LABELS = {
    "eng": ["BREAKING: ", "LIVE: ", "VIDEO: ", "WATCH: "],
    "fra": ["VID\u00c9O. ", "EN DIRECT - ", "INFO FRANCEINFO. ", "DIRECT. "],
    "spa": ["\u00daLTIMA HORA: ", "EN VIVO: ", "V\u00cdDEO: ", "DIRECTO | "],
    "por": ["AO VIVO: ", "V\u00cdDEO: ", "URGENTE: ", "\u00daLTIMA HORA: "],
    "ita": ["ULTIM'ORA: ", "VIDEO: ", "DIRETTA: ", "LIVE: "],
    "deu": ["EILMELDUNG: ", "LIVE: ", "VIDEO: ", "TICKER: "],
}


def Tag(rng, lang):
  return rng.choice(TAGS.get(lang, TAGS["eng"]))


def Label(rng, lang):
  return rng.choice(LABELS.get(lang, LABELS["eng"]))


def main():
  ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  ap.add_argument("file", help="a labelled pairs or clusters file")
  ap.add_argument("--seed", type=int, default=41)
  ap.add_argument("--labels", action="store_true",
                  help="an opening label on one side instead of tags")
  args = ap.parse_args()
  rng = random.Random(args.seed)
  out = sys.stdout
  row = 0
  with open(args.file, encoding="utf-8") as f:
    for line in f:
      fields = line.rstrip("\n").split("\t")
      if len(fields) == 3 and fields[0] != "cluster":  # cluster lang text
        if not args.labels:
          fields[2] += Tag(rng, fields[1])
        elif row % 2 == 1:
          fields[2] = Label(rng, fields[1]) + fields[2]
        row += 1
      elif len(fields) == 4 and fields[0] in ("0", "1"):  # label kind a b
        pair = fields[1].split("/", 1)[1] if "/" in fields[1] else ""
        langs = pair.split("-") if pair.count("-") == 1 else ["eng", "eng"]
        if args.labels:
          fields[3] = Label(rng, langs[1]) + fields[3]
        else:
          fields[2] += Tag(rng, langs[0])
          fields[3] += Tag(rng, langs[1])
      out.write("\t".join(fields) + "\n")


if __name__ == "__main__":
  main()
