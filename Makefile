# Everything a trainer or organizer needs, in a few commands. Every target
# creates the virtual environment in .venv by itself when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup lint summary followups calendar new handouts test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing aotext and its pinned dependencies into $(VENV) ..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $(STAMP)

lint: $(STAMP)
	$(BIN)/aotext lint

summary: $(STAMP)
	$(BIN)/aotext summary

followups: $(STAMP)
	$(BIN)/aotext followups

# The follow-ups as a calendar file to import: build/followups.ics
calendar: $(STAMP)
	@mkdir -p build
	$(BIN)/aotext followups --ics build/followups.ics

# A new document: make new TYPE=reflection ARGS="--plan bus-drivers-plan"
new: $(STAMP)
	$(BIN)/aotext new $(TYPE) $(ARGS)

# Lints, then builds every handout of aotext.yaml into build/ (only what
# changed). `make handouts ONLY=worksheet` builds one.
handouts: $(STAMP)
	$(BIN)/aotext build $(if $(ONLY),--only $(ONLY))

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/build_bench.py

clean:
	rm -rf build bench/out .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
