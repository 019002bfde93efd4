# The two commands of the README: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test fuzz bench bench-scale fonts install system-test-deps translations translations-update migrate clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) translations

translations: $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -d workshop/translations -D messages --statistics 2>&1 | tail -n 3

# After changing user-visible strings: refresh the catalogs, then translate the new entries (fr and ar).
translations-update: $(STAMP)
	$(BIN)/pybabel extract -F workshop/translations/babel.cfg -k _l -k lazy_gettext -k _n:1,2 -k N_ -k lazy_pgettext:1c,2 --no-location \
	  --sort-output -o workshop/translations/messages.pot .
	$(BIN)/pybabel -q update --no-fuzzy-matching -i workshop/translations/messages.pot -d workshop/translations

migrate: install
	$(BIN)/workshop migrate

run: install
	$(BIN)/workshop run

# Debian packages the tests start or drive: Chromium for Playwright, Redis and PostgreSQL servers.
# (Playwright's own browser download cannot work offline; the tests launch /usr/bin/chromium.)
SYSTEM_TEST_PACKAGES := chromium redis-server postgresql fonts-dejavu-core libreoffice-impress libreoffice-writer \
	libreoffice-calc poppler-utils
system-test-deps:
	@if ! command -v chromium >/dev/null || ! command -v redis-server >/dev/null || ! command -v soffice >/dev/null \
	    || ! command -v pdftoppm >/dev/null \
	    || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    $(SYSTEM_TEST_PACKAGES) >/dev/null; \
	fi

test: install system-test-deps
	$(BIN)/python -m pytest -q

# The socket fuzzer at 10^5 commands (make test runs 10^4): prints unhandled exceptions and commands without an ack.
fuzz: install
	WORKSHOP_FUZZ_CASES=100000 $(BIN)/python -m pytest -q -s tests/realtime/test_fuzz.py

# The benchmark of record (bare python-socketio server vs the product, same run, ratios): docs/benchmarks.md and
# the README. 1,000 phones on one process (SQLite), then 5,000 phones over 4 processes + Redis + PostgreSQL.
bench: install system-test-deps
	$(BIN)/python -m tests.bench.record --phones 1000
	$(BIN)/python -m tests.bench.scale --phones 5000 --processes 4 --write
	$(BIN)/python -m tests.bench.clustering --sizes 100 1000 5000
	$(BIN)/python -m tests.bench.exports
	$(BIN)/python -m tests.bench.phone

# After changing the character ranges in workshop/web/fonts.py: rewrite the subset fonts under static/fonts/.
fonts: $(STAMP)
	$(BIN)/python -m workshop.web.fonts

# Scale-out alone (part of make bench): 5,000 phones over 4 processes + Redis + PostgreSQL, bare vs product.
bench-scale: install system-test-deps
	$(BIN)/python -m tests.bench.scale --phones 5000 --processes 4 --write

clean:
	rm -rf $(VENV) build *.egg-info
