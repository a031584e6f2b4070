"""The repositories `make bench` measures are what they claim: every
generated document valid, every reference resolved, so that lint's time is
the time of a clean lint (a generator that broke a new rule stopped the
bench halfway)."""

from __future__ import annotations

import sys
from pathlib import Path

from helpers import invoke

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_a_generated_repository_lints_clean(tmp_path, monkeypatch):
    sys.path.insert(0, str(BENCH))
    try:
        from generate import generate  # a sibling script of the benchmarks, not a package
    finally:
        sys.path.remove(str(BENCH))
    for count in (60, 500):  # as many questions as modules, and more
        root = tmp_path / str(count)
        generate(root, count)
        monkeypatch.chdir(root)
        result = invoke("lint", "--no-cache", "--as-of", "2026-11-24")
        assert result.exit_code == 0, result.output
