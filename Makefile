# Two commands are all the set-up: `make run` and `make test`. See README.md.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/nastavnik
# The browser tests' own demo site: database, uploads and passwords under var/browser/.
BROWSER_ENV := VAR_DIR=$(CURDIR)/var/browser DJANGO_SETTINGS_MODULE=browser_tests.settings
AXE := browser_tests/node_modules/axe-core/axe.min.js

.DEFAULT_GOAL := help
.PHONY: help run serve serve-nginx bench test test-postgres test-browser lint format check messages compilemessages clean

help:
	@echo "make run            install, migrate, load the demo school and serve on http://$(HOST):$(PORT)"
	@echo "make serve          production-like: gunicorn, DEBUG off, compressed static files, on http://$(HOST):$(PORT)"
	@echo "make serve-nginx    the same behind nginx (pages cached until Wagtail purges them, static files from disk)"
	@echo "make bench          build a large site in var/bench/ and measure every public page type (a few minutes)"
	@echo "make test           lint, checks, migrations check, translations and the whole test suite"
	@echo "make test-postgres  the test suite against PostgreSQL ($(POSTGRES_URL))"
	@echo "make test-browser   accessibility and user journeys in Chromium, on a fresh demo site"
	@echo "make messages       refresh the ru/en catalogues in locale/ after changing UI strings"
	@echo "make format         format the code with ruff"

# Without ensurepip (Debian's python3-venv) `venv` fails yet leaves $(BIN)/python, which
# make would then take for a built venv: check first, and remove a half-made one.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (set PYTHON=python3.12, say)"; exit 1; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || \
		{ echo "$(PYTHON) cannot make a venv without ensurepip: apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }
	$(BIN)/pip install --quiet --upgrade pip || { rm -rf $(VENV); exit 1; }

# Stamp files: pip runs again only when a requirements file changes.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

$(VENV)/.installed-browser: requirements.txt requirements-dev.txt requirements-browser.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-browser.txt
	@touch $@ $(VENV)/.installed-dev $(VENV)/.installed

# axe-core for the browser tests only: installed beside them, never served to visitors.
$(AXE): browser_tests/package.json
	cd browser_tests && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error
	@touch $@

# Compiled catalogues are committed, so a machine without GNU gettext still runs the site;
# where msgfmt exists they are rebuilt from the .po files.
compilemessages: | $(BIN)/python
	@if command -v msgfmt >/dev/null; then $(MANAGE) compilemessages --ignore=.venv --verbosity 0; \
	else echo "msgfmt not found: using the committed .mo files"; fi

run: $(VENV)/.installed compilemessages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --port $(PORT)
	$(MANAGE) ensure_admin --host $(HOST) --port $(PORT)
	$(MANAGE) runserver $(HOST):$(PORT)

# Local defaults for what production reads from the environment: see scripts/serve.
serve: $(VENV)/.installed compilemessages
	HOST=$(HOST) PORT=$(PORT) scripts/serve

# nginx with its cache-purge module (Debian packages; see deploy/README.md).
serve-nginx: $(VENV)/.installed compilemessages
	HOST=$(HOST) PORT=$(PORT) scripts/serve-nginx

# Not part of `make test` or CI: it takes minutes and its figures depend on the machine.
bench: $(VENV)/.installed-dev compilemessages
	$(BIN)/python -m site_project.bench

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.installed-dev
	DJANGO_SETTINGS_MODULE=site_project.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=site_project.settings.test $(MANAGE) makemigrations --check --dry-run

# The suite on every core (pytest-xdist), a test file per worker: PYTEST_WORKERS=0 runs it
# in one process.
PYTEST_WORKERS ?= auto
PYTEST_PARALLEL = -n $(PYTEST_WORKERS) --dist loadfile
# The restores that commit empty the database: they run last, on their own.
COMMITTING_TESTS = home/tests/test_restore_committed.py

test: lint check compilemessages
	$(BIN)/pytest $(PYTEST_PARALLEL) --ignore=$(COMMITTING_TESTS)
	$(BIN)/pytest $(COMMITTING_TESTS)

test-postgres: $(VENV)/.installed-dev compilemessages
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest $(PYTEST_PARALLEL) --ignore=$(COMMITTING_TESTS)
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest $(COMMITTING_TESTS)

# A fresh demo site each time; the tests start it on a free port (BROWSER_PORT to choose)
# and save screenshots to var/screenshots/.
test-browser: $(VENV)/.installed-browser $(AXE) compilemessages
	rm -rf var/browser var/screenshots
	mkdir -p var/browser
	$(BROWSER_ENV) $(MANAGE) migrate --noinput --verbosity 0
	$(BROWSER_ENV) $(MANAGE) load_demo --verbosity 0
	$(BROWSER_ENV) $(MANAGE) ensure_admin
	$(BROWSER_ENV) $(BIN)/pytest browser_tests --ds=browser_tests.settings --durations=5

messages: $(VENV)/.installed-dev
	$(MANAGE) makemessages --locale ru --locale en --ignore=.venv --ignore=var --ignore=node_modules --no-obsolete
	$(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var/staticfiles .pytest_cache .ruff_cache
