#!/bin/sh
# Builds and checks the site the way CI publishes it, printing problems as GitHub annotations.
#
#   scripts/publish.sh            CI: install the Debian packages and the release binary (make build), build the
#                                 site into public/ with --strict, then check it. Any error (or warning) fails.
#   scripts/publish.sh --dry-run  The same build and check with an already built binary ($TALENTSITE, default
#                                 the debug build) into a temporary folder, removed afterwards: what `make test` runs.
set -eu
cd "$(dirname "$0")/.."

case "${1:-}" in
  "")
    make build
    bin=.build/release/talentsite
    output=public
    ;;
  --dry-run)
    bin=${TALENTSITE:-.build/debug/talentsite}
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/talentsite-publish.XXXXXX")
    trap 'rm -rf "$scratch"' EXIT
    output=$scratch/public
    ;;
  *)
    echo "usage: $0 [--dry-run]" >&2
    exit 2
    ;;
esac

"$bin" build --source . --output "$output" --strict --format github
"$bin" check --source . --strict --format github
echo "publish: $output is ready"
