"""A measurement's own date against its plan's and its benchmark's: lint
names the date that is wrong, at its line, once, and the summary counts only
what was counted while the benchmark ran."""

from __future__ import annotations

import json

from helpers import AS_OF, PLAN, REFLECTION, invoke, line_of, lint_json

PLAN_PATH = "content/plans/bus-plan.md"
LOG_PATH = "content/logs/log-2026-11-20.md"


def test_a_count_dated_after_the_plan_ended_is_named_at_its_own_line(repo):
    # The log is dated after the end too, but what is after the end is the count's own date.
    root = repo({PLAN_PATH: PLAN.replace("started: 2026-09-01", "started: 2026-09-01\nends: 2026-11-10"),
                 LOG_PATH: REFLECTION.replace("    value: 3\n", "    value: 3\n    counted_on: 2026-11-12\n")
                 .replace("level: a few", "level: a few\n    counted_on: 2026-11-09")})
    [late] = [p for p in lint_json() if p["rule"] == "log-after-plan-end"]
    assert late["line"] == line_of((root / LOG_PATH).read_text(), "counted_on: 2026-11-12")
    assert "counted on 2026-11-12, after its plan 'bus-plan' ended on 2026-11-10" in late["message"]
    assert "dated 2026-11-20" not in late["message"]


def test_a_count_dated_after_its_meeting_and_the_plans_end_is_said_once(repo):
    root = repo({PLAN_PATH: PLAN.replace("started: 2026-09-01", "started: 2026-09-01\nends: 2026-11-30")
                 .replace("due: 2026-12-31", "due: 2026-11-30"),
                 LOG_PATH: REFLECTION.replace("    value: 3\n", "    value: 3\n    counted_on: 2026-12-11\n")})
    problems = lint_json()
    assert [p["rule"] for p in problems] == ["date-order"]
    [wrong] = problems
    assert wrong["line"] == line_of((root / LOG_PATH).read_text(), "counted_on: 2026-12-11")
    assert "counted on 2026-12-11, after the meeting (2026-11-20)" in wrong["message"]
    assert "after its plan 'bus-plan' ended on 2026-11-30, so the summary leaves it out" in wrong["message"]


def test_a_measurement_before_its_benchmark_starts_is_left_out_and_named(repo):
    root = repo({PLAN_PATH: PLAN.replace("    due: 2026-12-31\n", "    start: 2026-11-21\n    due: 2026-12-31\n"),
                 LOG_PATH: REFLECTION.replace("    value: 3\n", "    value: 3\n    counted_on: 2025-10-11\n")})
    text = (root / LOG_PATH).read_text()
    early = {p["line"]: p for p in lint_json() if p["rule"] == "counted-before-start"}
    assert set(early) == {line_of(text, "counted_on: 2025-10-11"), line_of(text, "- benchmark: identify")}
    typo, too_soon = early[line_of(text, "counted_on: 2025-10-11")], early[line_of(text, "- benchmark: identify")]
    assert typo["severity"] == "warning"
    assert "counted on 2025-10-11, before its plan 'bus-plan' started on 2026-09-01" in typo["message"]
    assert "benchmark 'identify' starts on 2026-11-21, after this log's date (2026-11-20)" in too_soon["message"]
    data = {b["id"]: b for b in json.loads(invoke("summary", "--format", "json", "--as-of", AS_OF).stdout)
            ["plans"][0]["benchmarks"]}
    assert data["signups"]["last_measured"] is None and data["signups"]["current"] == 0
    assert data["identify"]["current"] is None and data["identify"]["status"] == "no data"
    result = invoke("summary", "--as-of", AS_OF)
    assert "[counted-before-start]" in result.stderr


def test_what_was_counted_before_its_start_is_said_in_the_saved_summary_itself(repo, tmp_path):
    """The terminal's warning is not in a file someone opens later: the saved
    summary says what it left out, as it does for counts after the plan's end."""
    repo({PLAN_PATH: PLAN.replace("    due: 2026-12-31\n", "    start: 2026-11-21\n    due: 2026-12-31\n"),
          LOG_PATH: REFLECTION.replace("    value: 3\n", "    value: 3\n    counted_on: 2025-10-11\n")})
    saved = tmp_path / "summary.md"
    invoke("summary", "--format", "markdown", "--as-of", AS_OF, "--output", str(saved))
    assert "Left out 2 measurements counted before their benchmarks started; run aotext lint to see them." \
        in saved.read_text(encoding="utf-8")
    data = json.loads(invoke("summary", "--format", "json", "--as-of", AS_OF).stdout)
    assert data["before_start_measurements"] == 2 and data["plans"][0]["before_start_measurements"] == 2
