# Everything a trainer or organizer needs, in a few commands. Every target
# creates the virtual environment in .venv by itself when it is missing, and
# installs only what it needs: the core (lint, summary, followups, new), the
# handout tools on top for `make handouts`, and the test tools for `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOG := $(VENV)/install.log
# One stamp per set of extras, so each set is installed once.
CORE := $(VENV)/.installed-core
HANDOUTS := $(VENV)/.installed-handouts
TESTING := $(VENV)/.installed-test
comma := ,

.PHONY: setup lint summary followups calendar dashboard new note log handouts test typecheck style bench clean
# `make test` runs its steps one after the other, even with -j.
.NOTPARALLEL:

# $(call install,EXTRAS,WHAT): create .venv if needed, then install aotext
# with EXTRAS and the pinned versions of constraints.txt. pip's output goes to
# .venv/install.log and is shown only when something goes wrong.
define install
	@test -x $(BIN)/python || { \
	  $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	    || { echo "aotext needs Python 3.11 or newer: install it, or run make PYTHON=python3.12 (or another)."; exit 1; }; \
	  $(PYTHON) -m venv $(VENV) \
	    || { echo "Could not create $(VENV) with $(PYTHON) -m venv (on Debian or Ubuntu: apt install python3-venv)."; exit 1; }; }
	@echo "Installing $(2) into $(VENV) (pinned versions, see constraints.txt) ..."
	@{ $(BIN)/python -m pip install --disable-pip-version-check -c constraints.txt --upgrade pip \
	   && $(BIN)/python -m pip install --disable-pip-version-check -c constraints.txt -e '.$(1)'; } > $(LOG) 2>&1 \
	  || { tail -n 30 $(LOG); echo "Installing failed; everything pip said is in $(LOG)."; exit 1; }
endef

setup: $(CORE)

$(CORE): pyproject.toml constraints.txt
	$(call install,,aotext)
	@touch $@

$(HANDOUTS): pyproject.toml constraints.txt
	$(call install,[handouts],aotext and the handout tools (pandoc, typst, fontTools))
	@touch $@ $(CORE)

$(TESTING): pyproject.toml constraints.txt
	$(call install,[handouts$(comma)test],aotext$(comma) the handout tools and the test tools)
	@touch $@ $(HANDOUTS) $(CORE)

lint: $(CORE)
	$(BIN)/aotext lint

summary: $(CORE)
	$(BIN)/aotext summary

followups: $(CORE)
	$(BIN)/aotext followups

# The follow-ups as a calendar file to import: private/followups.ics (it
# names people, so never into build/, which collectives publish)
calendar: $(CORE)
	$(BIN)/aotext followups --ics private/followups.ics

# The coordinator's dashboard, one web page: private/dashboard.html (private:
# it names people; git ignores the folder). The shareable one, with counts of
# people only, is built by `make handouts` into build/dashboard.html.
dashboard: $(CORE)
	$(BIN)/aotext dashboard

# After a one-on-one: the notes, asked one question at a time.
note: $(CORE)
	$(BIN)/aotext note

# After a reflection meeting: its log, asked one question at a time.
# make log PLAN=bus-drivers-plan
log: $(CORE)
	@test -n "$(PLAN)" || { echo "Name the plan: make log PLAN=bus-drivers-plan"; exit 2; }
	$(BIN)/aotext log $(PLAN)

# A new document: make new TYPE=reflection ARGS="--plan bus-drivers-plan"
new: $(CORE)
	$(BIN)/aotext new $(TYPE) $(ARGS)

# Lints, then builds every handout of aotext.yaml into build/ (only what
# changed), and the shareable dashboard, which build/index.html links.
# `make handouts ONLY=worksheet` builds one handout. Both run even when the
# first finds a problem; make then fails with the first one's exit status.
handouts: $(HANDOUTS)
	@status=0; $(BIN)/aotext build $(if $(ONLY),--only $(ONLY)) || status=$$?; \
	  $(BIN)/aotext dashboard --shareable || { [ $$status -ne 0 ] || status=$$?; }; exit $$status

# The type check and the style check run first: a change that breaks either
# fails `make test` (and so CI) as a failing test would.
test: typecheck style
	$(BIN)/python -m pytest

# Type check (mypy --strict, settings in pyproject.toml) and style (ruff).
typecheck: $(TESTING)
	$(BIN)/mypy

style: $(TESTING)
	$(BIN)/ruff check .

# aotext's bytecode is compiled first, as an installed aotext's is: where
# PYTHONDONTWRITEBYTECODE is set, every run would compile what changed since.
bench: $(HANDOUTS)
	$(BIN)/python -m compileall -q aotext > /dev/null
	$(BIN)/python bench/run.py
	$(BIN)/python bench/build_bench.py
	$(BIN)/python bench/lsp_bench.py
	$(BIN)/python bench/crypto_bench.py

clean:
	rm -rf build bench/out .aotext-cache .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +
