#!/usr/bin/env python3
"""Placeholder: writes an empty lexicon. Replaced by the lexicon builder."""
import argparse
ap = argparse.ArgumentParser()
ap.add_argument("--dictd")
ap.add_argument("--out", required=True)
a = ap.parse_args()
open(a.out, "w").close()
