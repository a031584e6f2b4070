"""Two answers for one benchmark and one day, where only one can stand: lint
names both logs and lines, and the summary's choice never depends on what the
files are called (README: "What counts")."""

from __future__ import annotations

import json

import pytest

from helpers import AS_OF, REFLECTION, invoke, lint_json

PLAN_PATH = "content/plans/bus-plan.md"


def conflicting(log_id: str) -> str:
    """A second log of the meeting of 2026-11-20 that answers 'identify' otherwise."""
    return REFLECTION.replace("id: log-2026-11-20", f"id: {log_id}").replace("level: a few", "level: most")


@pytest.mark.parametrize("log_id", ["aaa-2026-11-20", "zzz-2026-11-20"])
def test_two_logs_of_one_day_that_disagree_are_an_error_and_the_lower_stands_whatever_the_names(repo, log_id):
    repo({f"content/logs/{log_id}.md": conflicting(log_id)})
    # Both logs count 'signups' too, which same-day-logs warns of (tests/test_same_day_logs.py).
    [problem] = [found for found in lint_json() if found["rule"] != "same-day-logs"]
    assert (problem["rule"], problem["severity"], problem["path"]) == ("measured-twice", "error", PLAN_PATH)
    assert f"'most' in content/logs/{log_id}.md line 9" in problem["message"]
    result = invoke("summary", "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 1 and "[measured-twice]" in result.stderr
    identify = {b["id"]: b for b in json.loads(result.stdout)["plans"][0]["benchmarks"]}["identify"]
    assert (identify["current"], identify["status"], identify["measured_by"]) == ("a few", "on track", "log-2026-11-20")


def test_a_later_log_that_gives_the_same_day_another_answer_stands_and_is_reported(repo):
    later = conflicting("log-2026-11-22").replace("date: 2026-11-20", "date: 2026-11-22").replace(
        "level: most", "level: most\n    counted_on: 2026-11-20")
    repo({"content/logs/later.md": later})
    assert [p["rule"] for p in lint_json()] == ["measured-twice"]
    identify = {b["id"]: b for b in json.loads(invoke("summary", "--format", "json", "--as-of", AS_OF).stdout)
                ["plans"][0]["benchmarks"]}["identify"]
    assert (identify["current"], identify["measured_by"]) == ("most", "log-2026-11-22")


def test_the_same_answer_in_two_logs_is_no_conflict(repo):
    repo({"content/logs/copy.md": REFLECTION.replace("id: log-2026-11-20", "id: copy").replace("    value: 3\n", "    value: 0\n")})
    # Only the warning that the summary counts both logs (tests/test_same_day_logs.py).
    assert [(p["rule"], p["severity"]) for p in lint_json()] == [("same-day-logs", "warning")]
