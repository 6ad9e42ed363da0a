#!/usr/bin/env bash
# `make bench-serve`: how fast `talentsite serve` (release) shows an edit on the benchmark corpus, beside the
# time of a full `talentsite build` of the same site. Numbers to compare, not a test.
#
#   scripts/bench-serve.sh [COURSES | SITE_DIR]     (default 5000, the corpus of scripts/bench.sh)
#
# The site is copied to a temporary folder (the corpus itself is never edited). Tests/Serve/edit_to_reload.py
# then starts serve on a free port and, BENCH_SERVE_RUNS times each (default 10; template edits
# BENCH_SERVE_TEMPLATE_RUNS, default 3), appends a sentence to one course's Markdown body, or adds an HTML
# comment to templates/layout.mustache (and reverts it), timing save → reload event → the page served with the
# edit, and printing serve's own rebuild report. The machine's load average is printed with each figure.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-5000}
runs=${BENCH_SERVE_RUNS:-10}
template_runs=${BENCH_SERVE_TEMPLATE_RUNS:-3}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795000000}

if [ -d "$target" ]; then
  site=$target
else
  corpus=.build/bench-$((target / 1000))k
  [ "$target" -ge 1000 ] || corpus=.build/bench-$target
  if [ ! -f "$corpus/site/.complete" ]; then
    echo "generating the $target-course corpus into $corpus"
    Tests/Browser/corpus.sh "$target" "$corpus" >/dev/null
    touch "$corpus/site/.complete"
  fi
  site=$corpus/site
fi
swift build -c release --product talentsite >/dev/null
bin=$(swift build -c release --show-bin-path)/talentsite

work=$(mktemp -d /tmp/bench-serve.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -a "$site" "$work/site"
rm -f "$work/site/.complete"

echo "== full build of $site ($(find "$work/site/content" -name '*.md' | wc -l) Markdown files), clean output"
echo "   $(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/load average /') before"
/usr/bin/time -f 'full build: %e s wall, %U s user, %S s sys, %M KB peak' \
  "$bin" build --source "$work/site" --output "$work/out" 2>&1 >/dev/null | grep -E '^full build:'
rm -rf "$work/out"
echo "== serve: body edit"
python3 Tests/Serve/edit_to_reload.py "$bin" "$work/site" --runs "$runs" --edit body
echo "== serve: template edit"
python3 Tests/Serve/edit_to_reload.py "$bin" "$work/site" --runs "$template_runs" --edit template
