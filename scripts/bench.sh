#!/usr/bin/env bash
# `make bench`: per-stage timings of a release build of the benchmark corpus, then micro-benchmarks
# of one record page, one list page, the home page and one card. Numbers to compare, not a test.
#
#   scripts/bench.sh [COURSES]      (default 5000, the corpus of ../shared/bench/vs-hugo.sh)
#
# The corpus is generated once into .build/bench-<COURSES> (Tests/Browser/corpus.sh, as vs-hugo.sh
# does) and reused. BENCH_ITERATIONS sets the renders per micro-benchmark (default 300).
# SOURCE_DATE_EPOCH is fixed so every run builds the same site (course statuses depend on the day).
set -euo pipefail
cd "$(dirname "$0")/.."
courses=${1:-5000}
iterations=${BENCH_ITERATIONS:-300}
corpus=.build/bench-$((courses / 1000))k
[ "$courses" -ge 1000 ] || corpus=.build/bench-$courses
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795000000}

if [ ! -f "$corpus/site/.complete" ]; then
  echo "generating the $courses-course corpus into $corpus"
  Tests/Browser/corpus.sh "$courses" "$corpus" >/dev/null
  touch "$corpus/site/.complete"
fi
swift build -c release --product talentsite >/dev/null
swift build -c release --product talentsite-bench >/dev/null
bin=$(swift build -c release --show-bin-path)

echo "== build of $corpus ($(find "$corpus/site/content" -name '*.md' | wc -l) Markdown files), clean output"
rm -rf "$corpus/out"
TALENTSITE_TIMINGS=1 /usr/bin/time -f 'total: %e s wall, %U s user, %S s sys, %M KB peak' \
  "$bin/talentsite" build --source "$corpus/site" --output "$corpus/out" 2>&1 >/dev/null | grep -E '^(timing|total):'
echo "== micro-benchmarks (one thread)"
"$bin/talentsite-bench" --source "$corpus/site" --iterations "$iterations"
