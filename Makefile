# The two commands of the README: `make run` and `make test`. Both create .venv on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "OnAir Console needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." >&2; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt install python3-venv" >&2; exit 1; }

$(INSTALLED): pyproject.toml | $(BIN)/python
	@echo "Installing OnAir Console and its dependencies into $(VENV) (first run only)..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

run: $(INSTALLED)
	$(BIN)/onair

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# The suite on four workers per core (pytest-xdist): tests mostly wait on sockets, timers, child processes and OBS.
# Measured on 2 quiet cores (suite7, the whole suite): four workers kept 0.9 of a core busy and took 264 s, eight
# 1.4 cores and 180 s, for 10 % more CPU (each worker's own start). With --dist loadfile, tests/conftest.py hands out
# each test as a unit of its own (the longest first), and the real-OBS suite and the files that share a port or a
# folder each as one unit. PYTEST_WORKERS=auto: one per core; 0: serial; any number.
# Bytecode is kept for the run (an environment's PYTHONDONTWRITEBYTECODE=1 is lifted): else every worker compiles
# the same sources again, the test modules' assertion rewriting included (about 5 s of CPU per worker's collection),
# and so does every `onair` child process (about 0.2 s a start). The files go in __pycache__ folders git ignores.
# On a fresh clone the bytecode is written once, by one collection run beside lint (mypy keeps one core busy), not
# by all the workers at once: eight workers starting cold took 26.6 s and 50 s of CPU, warm 11.8 s and 22 s. Lint's
# status is the recipe's; the collection's output is dropped (the run itself reports any collection error).
PYTEST_WORKERS ?= $(shell echo $$(( 4 * $$(nproc 2>/dev/null || echo 1) )))
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest
test: $(INSTALLED)
	@$(PYTEST) --collect-only -q -p no:cacheprovider > /dev/null 2>&1 & compiling=$$!; \
	  $(MAKE) --no-print-directory lint; status=$$?; wait $$compiling; exit $$status
	$(PYTEST) -n $(PYTEST_WORKERS) --dist loadfile

bench: $(INSTALLED)
	$(BIN)/python benchmarks/obs_link.py
	$(BIN)/python benchmarks/console_shell.py
	$(BIN)/python benchmarks/checklists.py
	$(BIN)/python benchmarks/health.py
	$(BIN)/python benchmarks/telemetry.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
