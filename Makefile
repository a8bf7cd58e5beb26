# Two commands: `make run` serves the site, `make test` runs every check. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Local development: debug on, SQLite unless DATABASE_URL says otherwise.
DEV_ENV := DJANGO_DEBUG=1
# Tests and benchmarks use production settings with a throwaway key.
PROD_ENV := DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-local-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz} DJANGO_SECURE_SSL_REDIRECT=0

.PHONY: run test setup lint bench migrate content browser clean

$(VENV)/installed.stamp: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/installed.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/css/main.css: node_modules/installed.stamp $(wildcard static_src/scss/*.scss)
	npm run --silent build:css

# Browser tests drive Debian's Chromium. Install it when missing and when we can (root with apt).
browser:
	@if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing: install it, or run: $(PY) -m playwright install chromium"; \
	  fi; \
	fi

setup: $(VENV)/installed.stamp static/css/main.css

# Migrate, make the cache table, and load the initial content into an empty database only:
# never over staff edits.
migrate: setup
	$(ENV) $(MANAGE) migrate --noinput
	$(ENV) $(MANAGE) createcachetable
	$(ENV) $(MANAGE) load_initial_content

run: ENV = $(DEV_ENV)
run: migrate
	@echo
	@echo "  Ealing SEND guidance is at http://127.0.0.1:8000/"
	@echo "  Staff admin is at http://127.0.0.1:8000/admin/"
	@echo "  To make an admin account, in another terminal run:"
	@echo "    DJANGO_DEBUG=1 $(MANAGE) createsuperuser"
	@echo
	$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:8000

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: setup browser lint
	$(PROD_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(PROD_ENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

bench: setup
	$(PROD_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	bash benchmarks/run.sh

clean:
	rm -rf $(VENV) node_modules staticfiles static/css .pytest_cache
