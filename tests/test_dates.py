"""A year typed wrong (0025 for 2025) is a real date to the schema: lint
catches it at its line, and the summary does not count every week since."""

from __future__ import annotations

import json

from helpers import PLAN, REFLECTION, invoke, line_of, lint_json

PLAN_PATH = "content/plans/bus-plan.md"
LOG_PATH = "content/logs/log-2026-11-20.md"
WEEKLY = PLAN.replace("    every: month\n", "    every: week\n    start: 0025-09-01\n")


def test_a_year_before_1900_is_reported_at_its_line(repo):
    repo({PLAN_PATH: WEEKLY})
    [problem] = [p for p in lint_json() if p["rule"] == "implausible-date"]
    assert (problem["path"], problem["line"]) == (PLAN_PATH, line_of(WEEKLY, "start: 0025-09-01"))
    assert "0025-09-01 is in the year 25: is the year mistyped?" in problem["message"]


def test_a_log_years_away_from_its_plan_is_reported(repo):
    far = REFLECTION.replace("date: 2026-11-20", "date: 2062-11-20")
    repo({LOG_PATH: far})
    [problem] = [p for p in lint_json() if p["rule"] == "implausible-date"]
    assert problem["line"] == line_of(far, "date: 2062-11-20")
    assert "more than 10 years from the plan's start (2026-09-01)" in problem["message"]


def test_the_summary_does_not_count_two_thousand_years_of_weeks(repo):
    repo({PLAN_PATH: WEEKLY})
    result = invoke("summary", "--as-of", "2026-11-24", "--format", "json")
    assert result.exit_code == 1  # the documents have a lint error
    assert len(result.stdout) < 20_000
    signups = json.loads(result.stdout)["plans"][0]["benchmarks"][0]
    assert signups["status"] == "no data" and signups["history"] == []
    assert "is a year mistyped?" in signups["cannot_judge"]


def test_every_date_a_log_gives_is_looked_at_not_only_the_days_it_counts_on(repo):
    """Lint passes over a log whose dates all lie near its plan's start,
    found from its first and last counting days: a mistyped 'counted_on:'
    among right ones is still reported at its line, and so is a mistyped
    meeting date whose measurements each give a right day of their own."""
    counted = REFLECTION.replace("    value: 3\n", "    value: 3\n    counted_on: 0025-11-19\n")
    repo({LOG_PATH: counted})
    [problem] = [p for p in lint_json() if p["rule"] == "implausible-date"]
    assert problem["line"] == line_of(counted, "counted_on: 0025-11-19") and "year 25" in problem["message"]

    met = (REFLECTION.replace("date: 2026-11-20", "date: 2062-11-20")
           .replace("    value: 3\n", "    value: 3\n    counted_on: 2026-11-19\n")
           .replace("    level: a few\n", "    level: a few\n    counted_on: 2026-11-19\n"))
    repo({LOG_PATH: met})
    found = [p for p in lint_json() if p["rule"] == "implausible-date"]
    assert [p["line"] for p in found] == [line_of(met, "date: 2062-11-20")], found
