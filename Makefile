# Two commands are all the set-up: `make run` and `make test`. See README.md.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/nastavnik

.DEFAULT_GOAL := help
.PHONY: help run serve bench test test-postgres lint format check messages compilemessages clean

help:
	@echo "make run            install, migrate, load the demo school and serve on http://$(HOST):$(PORT)"
	@echo "make serve          production-like: gunicorn, DEBUG off, compressed static files, on http://$(HOST):$(PORT)"
	@echo "make bench          build a large site in var/bench/ and measure every public page type (a few minutes)"
	@echo "make test           lint, checks, migrations check, translations and the whole test suite"
	@echo "make test-postgres  the test suite against PostgreSQL ($(POSTGRES_URL))"
	@echo "make messages       refresh the ru/en catalogues in locale/ after changing UI strings"
	@echo "make format         format the code with ruff"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (set PYTHON=python3.12, say)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Stamp files: pip runs again only when a requirements file changes.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

# Compiled catalogues are committed, so a machine without GNU gettext still runs the site;
# where msgfmt exists they are rebuilt from the .po files.
compilemessages: | $(BIN)/python
	@if command -v msgfmt >/dev/null; then $(MANAGE) compilemessages --ignore=.venv --verbosity 0; \
	else echo "msgfmt not found: using the committed .mo files"; fi

run: $(VENV)/.installed compilemessages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	$(MANAGE) runserver $(HOST):$(PORT)

# Local defaults for what production reads from the environment: see scripts/serve.
serve: $(VENV)/.installed compilemessages
	HOST=$(HOST) PORT=$(PORT) scripts/serve

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

test: lint check compilemessages
	$(BIN)/pytest

test-postgres: $(VENV)/.installed-dev compilemessages
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest

messages: $(VENV)/.installed-dev
	$(MANAGE) makemessages --locale ru --locale en --ignore=.venv --ignore=var --no-obsolete
	$(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var/staticfiles .pytest_cache .ruff_cache
