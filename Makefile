# kutip: two commands do all set-up on a fresh machine.
#   make run    venv + pinned install, index examples/, then the terminal chat
#               (or the Telegram bot when TELEGRAM_BOT_TOKEN is set)
#   make test   installs test dependencies (pip + npm) and runs the whole suite

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed
NODE_STAMP := tests/emulator/node_modules/.installed

.PHONY: run install install-dev node test test-slow lint bench clean

$(RUNTIME_STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.lock
	$(PIP) install -q --no-deps -e .
	touch $@

# CPU torch first: the local 2.13.0 wheel; unpinned, pip would pull a multi-GB CUDA build.
$(DEV_STAMP): $(RUNTIME_STAMP) requirements-dev.lock
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -r requirements-dev.lock
	touch $@

$(NODE_STAMP): tests/emulator/package.json tests/emulator/package-lock.json
	npm ci --prefix tests/emulator --no-audit --no-fund --loglevel=error
	touch $@

install: $(RUNTIME_STAMP)
install-dev: $(DEV_STAMP) $(NODE_STAMP)
node: $(NODE_STAMP)

run: $(RUNTIME_STAMP)
	$(VENV)/bin/kutip index examples/
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ] || grep -qs '^TELEGRAM_BOT_TOKEN=.\+' .env; then \
		$(VENV)/bin/kutip bot; \
	else \
		$(VENV)/bin/kutip chat; \
	fi

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

test: install-dev lint
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(PY) -m pytest

test-slow: install-dev
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(PY) -m pytest -m slow -s -n 0  # in order, their printed figures shown

bench: install-dev
	$(PY) bench/bot_latency.py

clean:
	rm -rf $(VENV) tests/emulator/node_modules data
