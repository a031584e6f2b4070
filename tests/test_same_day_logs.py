"""Two logs of one plan dated the same day (a log copied for a second
organizer): the summary counts both, so lint warns at the later one, and a
fix in either clears it, with lint's cache too (README: "What counts")."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import invoke, lint_json
from test_incremental import _shipped
from test_lint_cache import _age_all, _lint, _uncached

LOG = "content/logs/2026-11-10-bus-drivers.md"
COPY = "content/logs/2026-11-10-bus-drivers-bob.md"


def _copy(root: Path) -> Path:
    """The log of 2026-11-10 copied as Bob's, which sorts before it."""
    copy = root / COPY
    copy.write_text((root / LOG).read_text(encoding="utf-8").replace(
        "id: 2026-11-10-bus-drivers\n", "id: 2026-11-10-bus-drivers-bob\n"), encoding="utf-8")
    return copy


def _signups(as_of: str) -> float:
    plans = json.loads(invoke("summary", "--format", "json", "--as-of", as_of).stdout)["plans"]
    return {b["id"]: b for b in plans[0]["benchmarks"]}["rep-signups"]["current"]


def test_a_copied_log_is_a_warning_at_the_later_log_naming_the_other(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    assert _signups("2026-11-20") == 2
    _copy(root)
    assert _signups("2026-11-20") == 4  # what the warning is about
    [problem] = [p for p in lint_json() if p["rule"] == "same-day-logs"]
    assert (problem["path"], problem["line"], problem["severity"]) == (LOG, 6, "warning")
    assert f"{COPY} is also a log of plan 'bus-drivers-plan' dated 2026-11-10" in problem["message"]
    assert "'rep-signups' (2 and 2)" in problem["message"] and "keep one" in problem["message"]


def test_two_meetings_whose_counts_say_what_they_counted_are_no_warning(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    copy = _copy(root)
    text = copy.read_text(encoding="utf-8")
    start, end = text.index("measurements:"), text.index("answers:")
    copy.write_text(text[:start] + text[start:end].replace("    note: >-\n", "    note: >-\n      At the east yard.\n")
                    .replace("  - benchmark: developing-skills\n    level: steadily\n", "")
                    .replace("  - benchmark: see-a-collective\n    level: across their yard\n", "")
                    + text[end:], encoding="utf-8")
    assert [p for p in lint_json() if p["rule"] == "same-day-logs"] == []


def test_fixing_the_other_log_clears_the_warning_through_the_cache(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    copy = _copy(root)
    _age_all(root)
    assert f"{LOG}:6:1: warning: {COPY}" in _lint()[1]
    copy.write_text(copy.read_text(encoding="utf-8").replace("date: 2026-11-10", "date: 2026-11-11"),
                    encoding="utf-8")
    assert _lint() == _uncached()
    assert "[same-day-logs]" not in _lint()[1]
