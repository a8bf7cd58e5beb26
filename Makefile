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

.PHONY: run test suite setup lint bench migrate content browser java nginx lock clean

# Every package is pinned with its hashes (requirements*.txt, written by `make lock`).
$(VENV)/installed.stamp: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

# After editing requirements.in or requirements-dev.in: pin every package and its hashes again,
# for Python 3.11, from PyPI only (this machine's own package sources stay out of the files).
LOCK := PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= CUSTOM_COMPILE_COMMAND="make lock" \
	$(VENV)/pip-tools/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url \
	--no-emit-find-links --index-url https://pypi.org/simple
lock:
	test -x $(VENV)/pip-tools/bin/pip-compile || \
	  ($(PYTHON) -m venv $(VENV)/pip-tools && $(VENV)/pip-tools/bin/pip install --quiet pip-tools)
	$(LOCK) --output-file requirements.txt requirements.in
	$(LOCK) --output-file requirements-dev.txt requirements-dev.in

node_modules/installed.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/css/main.css: node_modules/installed.stamp $(wildcard static_src/scss/*.scss)
	npm run --silent build:css

# Browser tests drive Debian's Chromium, in its headless shell (what Playwright runs headless, and
# much lighter than the whole browser). Install it when missing and when we can (root with apt).
browser:
	@if [ ! -x /usr/bin/chromium-headless-shell ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Chromium's headless shell for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null; \
	  else \
	    echo "Chromium is missing: install it (Debian: chromium-headless-shell), or run: $(PY) -m playwright install chromium-headless-shell"; \
	  fi; \
	fi

# The proxy tests (tests/test_proxy.py) put Debian's nginx, as production runs it (deploy/nginx), in
# front of gunicorn. Install it when missing and when we can (root with apt); it is not started.
nginx:
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's nginx for the proxy tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	  else \
	    echo "nginx is missing: the proxy tests are skipped. Install it (Debian: apt-get install nginx)."; \
	  fi; \
	fi

# The HTML checker (vnu.jar, in the browser tests) runs on Java. Install it when missing and when we
# can (root with apt); otherwise say what is missing.
java:
	@if ! command -v java >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Java for the HTML checker"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else \
	    echo "Java is missing: the HTML checker test will fail. Install a Java runtime (Debian: default-jre-headless)."; \
	  fi; \
	fi

# The interface words in each language but English: locale/<code>/LC_MESSAGES/django.po, compiled
# to the .mo files Django reads (gettext's msgfmt; built here, never committed).
MESSAGES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
$(MESSAGES): %.mo: %.po $(VENV)/installed.stamp
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing gettext for the translations"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	  else \
	    echo "msgfmt is missing: install gettext (Debian: apt-get install gettext)"; exit 1; \
	  fi; \
	}
	$(DEV_ENV) $(MANAGE) compilemessages --locale $(word 2,$(subst /, ,$@)) --ignore .venv --ignore node_modules --verbosity 0

setup: $(VENV)/installed.stamp static/css/main.css $(MESSAGES)

# What production runs once per release: migrate, make the cache table, and load the initial
# content into an empty database only, never over staff edits.
migrate: setup
	$(ENV) $(MANAGE) release

run: ENV = $(DEV_ENV)
run: migrate
	@echo
	@echo "  Ealing SEND guidance is at http://127.0.0.1:8000/"
	@echo "  Staff admin is at http://localhost:8000/admin/"
	@echo "  To make an admin account, in another terminal run:"
	@echo "    DJANGO_DEBUG=1 $(MANAGE) createsuperuser"
	@echo "  then sign in and set up an authenticator app. No phone to hand?"
	@echo "    DJANGO_DEBUG=1 $(MANAGE) addstatictoken <username>   prints a one-time code"
	@echo
	$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:8000

# ruff, and the layers as import-linter contracts (pyproject.toml): the rules import no Django.
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

# The suite across every core (pytest-xdist; tests that share a server or Redis stay together), with
# the 25 slowest tests listed last, so the next slowdown shows when it happens. Work goes to the
# workers in pytest-django's order, database tests first: once a worker has started Chromium
# (Playwright's event loop), Django refuses it the database.
PYTEST_WORKERS ?= auto
PYTEST := $(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadgroup --no-loadscope-reorder --durations=25
test: setup browser java nginx lint
	$(PROD_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(PROD_ENV) $(PYTEST) $(PYTEST_ARGS)

# The suite alone, once `make test` (or `make setup`) has set everything up: CI's other runs.
suite:
	$(PROD_ENV) $(PYTEST) $(PYTEST_ARGS)

bench: setup
	$(PROD_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	bash benchmarks/run.sh

clean:
	rm -rf $(VENV) node_modules staticfiles static/css .pytest_cache
