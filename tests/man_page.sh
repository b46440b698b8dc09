#!/usr/bin/env bash
# The man page (tickerdedup.1, rendered from docs/tickerdedup.1.md at build
# time) renders without a groff warning, carries the CLI's version, has the
# usual sections, and documents exactly the options `--help` lists: a flag
# added to the CLI without its entry in the page, or one the CLI dropped,
# fails here.
#   tests/man_page.sh PAGE CLI
set -euo pipefail
page=${1:?usage: man_page.sh PAGE CLI}
cli=${2:?usage: man_page.sh PAGE CLI}
[[ -s "$page" ]] || { echo "no man page at $page" >&2; exit 1; }

# -k: the page is UTF-8; -t: its tables; -ww: every warning; -z: no output.
warnings=$(groff -k -t -man -Tutf8 -ww -z "$page" 2>&1)
[[ -z "$warnings" ]] || { echo "groff warnings:" >&2; echo "$warnings" >&2; exit 1; }

version=$("$cli" --version | sed -n '1s/^tickerdedup //p')
grep -qx ".TH TICKERDEDUP 1 \"\" \"tickerdedup $version\" \"User Commands\"" "$page" \
  || { echo "title line lacks section 1 or version $version:" >&2;
       grep '^\.TH' "$page" >&2; exit 1; }

# Plain text, 80 columns, no overstriking.
text=$(groff -k -t -man -Tutf8 -rLL=80n -P-cbu "$page")
for section in NAME SYNOPSIS DESCRIPTION OPTIONS OUTPUT "EXIT STATUS" \
               ENVIRONMENT EXAMPLES; do
  grep -qx "$section" <<< "$text" || { echo "no $section section" >&2; exit 1; }
done

# Options: --help's lines that start with an option, against the page's
# option entries (the tag line after each .TP: "\fB\fC--input FORMAT\fR").
help_opts=$("$cli" --help | grep -oE '^ +(-[A-Za-z], )?--[a-z-]+' |
            grep -oE -- '--[a-z-]+' | sort -u)
page_opts=$(awk 'tag { print } { tag = ($0 == ".TP") }' "$page" |
            grep -oE -- '--[a-z-]+' | sort -u)
[[ -n "$help_opts" ]] || { echo "no options read from --help" >&2; exit 1; }
if [[ "$help_opts" != "$page_opts" ]]; then
  echo "options differ (< --help only, > man page only):" >&2
  diff <(echo "$help_opts") <(echo "$page_opts") >&2 || true
  exit 1
fi
echo "ok: $(wc -l <<< "$help_opts") options documented, version $version"
