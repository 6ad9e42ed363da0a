# talentsite: `make site` builds the site into public/, `make test` runs the tests.
# Both install the Debian packages they need when run as root (as CI is).
SWIFT ?= swift
DEB_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev pkg-config python3
# script(1), from bsdutils: the progress-line test runs the CLI on a pseudo-terminal
DEB_PACKAGES += bsdutils

.PHONY: deps build site test clean

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

build: deps
	$(SWIFT) build -c release --product talentsite

site: build
	.build/release/talentsite build --source . --output public

test: deps
	$(SWIFT) test

clean:
	rm -rf .build public/*
