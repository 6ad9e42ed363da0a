#!/usr/bin/env bash
# Builds the benchmark corpus exactly as ../shared/bench/vs-hugo.sh does: the generated records
# overlaid on our own content/ (site settings, schemas) and templates/.
# Usage: Tests/Browser/corpus.sh COURSES WORKDIR  →  WORKDIR/site (sources)
set -euo pipefail
courses=$1 work=$2
cd "$(dirname "$0")/../.."
shared=$(cd .. && pwd)/shared
[ -f "$shared/bench/gen_corpus.py" ] || { echo "missing $shared/bench/gen_corpus.py" >&2; exit 1; }
rm -rf "$work/site" "$work/gen"
mkdir -p "$work/site"
cp -r content templates "$work/site/"
# Our news names our own records (a winner, a certification track), which the corpus replaces: news goes too.
find "$work/site/content/courses" "$work/site/content/programmes" "$work/site/content/certifications" \
  "$work/site/content/news" -name '*.md' -delete
rm -f "$work/site/content/awards/winners.csv"
python3 "$shared/bench/gen_corpus.py" --courses "$courses" --out "$work/gen"
cp -r "$work/gen/content/." "$work/site/content/"
