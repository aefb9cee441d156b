# pmreport — build, render and test.
#
#   make handouts   install missing system packages, build (release), render every document in every format
#   make test       install missing system and test packages, run the whole test suite (what CI runs)
#   make test-fast  the same without the long suites (fuzzing, interrupted and killed runs, full disk)
#   make lint       swift format lint, strict (CI runs it)
#   make build      release build only
#   make bench      timing and memory benchmark with Typst alongside (see BENCHMARKS.md): cases,
#                   the shaping cache (first run, no cache, warm), both cores, the live preview's
#                   rebuild (bench/watch.py)
#   make bench-roster  rosters: 1,000 and 10,000 certificates (--jobs 1 and 2, the merged file) and
#                   personalised summaries, Typst's in-memory loop alongside, memory summed over
#                   all processes (bench/roster.py; under 10 minutes)
#   make bench-preview  the live preview (watch --serve): save → pages ready on the server, → swapped
#                   in headless Chromium, at scales 1 and 20, Typst's in-memory rebuild alongside
#                   (bench/preview.py; 3–6 minutes)
#   make typo       word spacing and hyphenation figures of the full report's justified lines, and Typst's
#   make install    the release binary, the man pages and the bash, zsh and fish completions into
#                   $(DESTDIR)$(PREFIX) (PREFIX=/usr/local); make uninstall removes them
#   make man        the man pages (swift-argument-parser's generate-manual), one a subcommand
#   make clean      remove build products and generated output

SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN := .build/release/pmreport

# Every Debian package the build, the text engine and the fonts need: the one list, extended here
# (libcurl4-openssl-dev: the live preview's FlyingFox imports FoundationNetworking, which the static
# Swift runtime links against libcurl; libjemalloc-dev: the allocator the binary links on Linux;
# libdeflate-dev: the PDFs' streams compressed whole).
SYSTEM_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libhyphen-dev \
	hyphen-en-us hyphen-en-gb hyphen-de hyphen-fr hyphen-es hyphen-it hyphen-nl hyphen-pt-pt \
	libcmark-gfm-dev libcmark-gfm-extensions-dev librsvg2-dev libpng-dev libjpeg-dev libqpdf-dev \
	nettle-dev libzstd-dev zlib1g-dev libdeflate-dev libjemalloc-dev \
	libcurl4-openssl-dev \
	icc-profiles-free fonts-noto-core fonts-noto-cjk fonts-dejavu-core fonts-symbola
# What the tests read PDFs and SVGs back with (and pip, for the PDF/UA check's pikepdf); the word
# lists an init project's words are checked against (Tests/EndToEndTests/InitLanguageTests); the
# browser the live preview's tests drive (Tests/Browser) and its driver; strace, whose record of a
# run's system calls shows each file flushed before its rename (Tests/EndToEndTests/DurableOrderTests).
TEST_PACKAGES := poppler-utils qpdf libxml2-utils python3-pip wamerican wngerman wfrench wspanish \
	chromium chromium-driver strace
# From PyPI: pikepdf reads PDFs back for the PDF/UA and PDF/A check (Tests/Accessibility);
# jsonschema checks `--json` against schemas/run-report.schema.json; selenium drives Chromium
# through /usr/bin/chromedriver for the live preview's tests (Tests/Browser).
PYTHON_TEST_PACKAGES := pikepdf==10.18.0 jsonschema==4.26.0 selenium==4.27.1
# What the benchmark measures with (GNU time for peak memory; PyYAML to scale the content).
BENCH_PACKAGES := time python3-yaml

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The suites tagged `.long` in Tests/ (make test-fast skips them by name).
LONG_SUITES := FuzzTests|FuzzRenderTests|InterruptTests|OutputFaultTests|SoakTests|ImageMemoryTests

.PHONY: handouts test test-fast lint build bench bench-roster bench-preview typo clean system-packages test-packages commit-header \
	man install uninstall

## Checks each package with dpkg -s and installs only the missing ones.
define ensure_packages
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null && \
		fc-cache -f >/dev/null 2>&1 || true; \
	fi
endef

system-packages:
	$(call ensure_packages,$(SYSTEM_PACKAGES))

test-packages: system-packages
	$(call ensure_packages,$(TEST_PACKAGES))
	@python3 -c 'import pikepdf, jsonschema, selenium' 2>/dev/null || { echo "installing: $(PYTHON_TEST_PACKAGES)"; \
		python3 -m pip install -q $(PYTHON_TEST_PACKAGES) 2>/dev/null || \
		python3 -m pip install -q --break-system-packages $(PYTHON_TEST_PACKAGES); }

# The Swift runtime and Foundation linked in: about 5 MB less memory a run than loading them as
# shared libraries (fewer pages touched at start), and a quicker start.
build: system-packages commit-header
	$(SWIFT) build -c release --product pmreport --static-swift-stdlib

# The commit `pmreport --version` prints, rewritten only when it changes (so nothing rebuilds).
COMMIT_HEADER := Sources/CBuildInfo/commit.h
commit-header:
	@commit=$$(git rev-parse --short HEAD 2>/dev/null || echo unknown); \
	line="#define PMREPORT_COMMIT \"$$commit\""; \
	[ "$$(cat $(COMMIT_HEADER) 2>/dev/null)" = "$$line" ] || echo "$$line" > $(COMMIT_HEADER)

handouts: build
	$(RELEASE_BIN) --format all

# The end-to-end tests run the release build, as users do (PMREPORT_TEST_BINARY): its Swift parts
# run about three times quicker than the debug build's, and `make handouts` needs it anyway.
TEST_BINARY := PMREPORT_TEST_BINARY=$(CURDIR)/$(RELEASE_BIN)

test: test-packages build
	$(SWIFT) build --build-tests
	$(TEST_BINARY) $(SWIFT) test --skip-build

test-fast: test-packages build
	$(SWIFT) build --build-tests
	$(TEST_BINARY) $(SWIFT) test --skip-build --skip '$(LONG_SUITES)'

# swift-format ships with the toolchain; the rules are in .swift-format.
lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests

bench: build test-packages
	$(call ensure_packages,$(BENCH_PACKAGES))
	python3 bench/bench.py

bench-roster: build
	$(call ensure_packages,$(BENCH_PACKAGES))
	python3 bench/roster.py

bench-preview: build test-packages
	$(call ensure_packages,$(BENCH_PACKAGES))
	python3 bench/preview.py

# Renders the full report (classic) and measures its justified lines and Typst's (bench/typo.py).
typo: build test-packages
	@python3 -c 'import pdfplumber' 2>/dev/null || python3 -m pip install -q pdfplumber
	@python3 -c 'import typst' 2>/dev/null || python3 -m pip install -q typst
	rm -rf bench/.work/typo/out
	SOURCE_DATE_EPOCH=1700000000 $(RELEASE_BIN) --format pdf --document full-report --output bench/.work/typo/out
	python3 bench/typo.py --typst bench/.work/typo/out/pdf/full-report.pdf

# Where `make install` puts things; DESTDIR stages them (packaging, tests).
PREFIX ?= /usr/local
BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
MAN_PAGES := .build/man

# swift-argument-parser's generate-manual tool (what its plugin runs), on the release binary: the
# plugin would build pmreport again with other flags.
man: build
	$(SWIFT) build --product generate-manual
	rm -rf $(MAN_PAGES) && mkdir -p $(MAN_PAGES)
	.build/debug/generate-manual $(RELEASE_BIN) --multi-page --output-directory $(MAN_PAGES)

install: build man
	install -d $(BINDIR) $(MANDIR) $(BASH_COMPLETIONS) $(ZSH_COMPLETIONS) $(FISH_COMPLETIONS)
	install -m 755 $(RELEASE_BIN) $(BINDIR)/pmreport
	install -m 644 $(MAN_PAGES)/*.1 $(MANDIR)/
	# render is the default subcommand: `pmreport --for<TAB>` offers its flags too (the generated
	# script offers only the root command's).
	$(RELEASE_BIN) --generate-completion-script bash | sed "/^        COMPREPLY+=(\$$(compgen -W 'render /a\\        _pmreport_render" > $(BASH_COMPLETIONS)/pmreport
	$(RELEASE_BIN) --generate-completion-script zsh > $(ZSH_COMPLETIONS)/_pmreport
	$(RELEASE_BIN) --generate-completion-script fish > $(FISH_COMPLETIONS)/pmreport.fish

uninstall:
	rm -f $(BINDIR)/pmreport $(MANDIR)/pmreport.1 $(MANDIR)/pmreport.*.1
	rm -f $(BASH_COMPLETIONS)/pmreport $(ZSH_COMPLETIONS)/_pmreport $(FISH_COMPLETIONS)/pmreport.fish

clean:
	rm -rf .build Output/pdf Output/svg Output/png Output/manifest.json Output/manifest-*-of-*.json
