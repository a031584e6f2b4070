"""The benchmark summary in the edge cases a coordinator meets: the plan's
last day, logs after the plan ended, untouched and mistaken log entries,
back-dated counts, recurring benchmarks that start or stop mid-period, two
logs on one day, and targets the plan does not let anyone read. Each
decision is a line of the README's summary section."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.summary_model import PlanSummary
from aotext.summary_notes import cannot_judge_text, celebration_text, need_text, record_text
from aotext.summary_plans import summarize_plan
from aotext.summary_report import notes_text
from helpers import PLAN, REFLECTION, invoke, line_of, lint_json, log, numeric, plan

D = dt.date
PLAN_PATH = "content/plans/bus-plan.md"
ENDED_PLAN = PLAN.replace("started: 2026-09-01", "started: 2026-09-01\nends: 2026-12-31")
SIGNUPS = "A driver-rep signs up 2 new drivers this month"


def summary_json(as_of: str) -> dict[str, Any]:
    result = invoke("summary", "--format", "json", "--as-of", as_of)
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def benchmarks(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {b["id"]: b for b in data["plans"][0]["benchmarks"]}


def judge(the_plan: Document, *logs: Document, as_of: D) -> PlanSummary:
    return summarize_plan(Corpus([the_plan, *logs]), the_plan.view, as_of)


def test_a_benchmark_due_on_the_plans_last_day_is_missed_once_the_plan_has_ended(repo):
    repo({PLAN_PATH: ENDED_PLAN})  # 'identify' is due on 2026-12-31, the plan's last day
    on_the_day = benchmarks(summary_json("2026-12-31"))["identify"]
    assert on_the_day["status"] == "on track" and on_the_day.get("missed") is None
    after = summary_json("2027-01-05")
    identify, signups = benchmarks(after)["identify"], benchmarks(after)["signups"]
    assert identify["status"] == "overdue" and identify["needed"] is None
    [the_plan] = after["plans"]
    assert (the_plan["as_of"], the_plan["ends"], the_plan["ended"]) == ("2026-12-31", "2026-12-31", True)
    assert identify["missed"] == "missed: the target was not reached by 2026-12-31, its due date and the plan's last day"
    # A recurring benchmark's last month ends with the plan too.
    assert signups["status"] == "overdue" and signups["record"] == "met 1 of the last 4 months"
    assert signups["missed"] == "missed: the target for December 2026 was not reached by 2026-12-31, the plan's last day"
    markdown = invoke("summary", "--format", "markdown", "--as-of", "2027-01-05").output
    assert "As of 2026-12-31, the plan's last day (it has ended)." in markdown
    assert '- **Do the drivers identify as the union?** (overdue): "Hold a meeting about what the union means to us."' in markdown
    assert "missed: the target was not reached by 2026-12-31" in markdown


LATE_LOG = """---
type: reflection
id: log-2027-01-08
plan: bus-plan
date: 2027-01-08
measurements:
  - benchmark: signups
    value: 4
  - benchmark: identify
    level: most
    counted_on: 2026-12-30
celebrate:
  - We held the last meeting of the campaign.
---
"""


def test_a_log_after_the_plan_ended_is_reported_not_silently_dropped(repo):
    root = repo({PLAN_PATH: ENDED_PLAN, "content/logs/late.md": LATE_LOG})
    [problem] = [p for p in lint_json() if p["rule"] == "log-after-plan-end"]
    assert problem["severity"] == "warning" and problem["path"] == "content/logs/late.md"
    assert problem["line"] == line_of((root / "content/logs/late.md").read_text(), "date: 2027-01-08")
    assert "dated 2027-01-08, after its plan 'bus-plan' ended on 2026-12-31" in problem["message"]
    assert "leaves out 1 measurement" in problem["message"] and "counted_on" in problem["message"]
    data = summary_json("2027-01-10")
    assert data["after_end_measurements"] == 1 and data["plans"][0]["after_end_measurements"] == 1
    signups, identify = benchmarks(data)["signups"], benchmarks(data)["identify"]
    assert signups["history"][-1]["value"] == 0  # the 4 counted after the end are left out...
    # ...but what was counted by the last day, and what the last meeting celebrates, count.
    assert identify["current"] == "most" and identify["status"] == "met"
    assert data["plans"][0]["celebrate"] == ["Benchmark met: Do the drivers identify as the union?",
                                             "We held the last meeting of the campaign. (2027-01-08)"]
    for output_format in ("markdown", "table"):
        output = invoke("summary", "--format", output_format, "--as-of", "2027-01-10").output
        assert "Left out 1 measurement counted after the plan ended on 2026-12-31; run aotext lint to see it." in output


def test_an_untouched_new_reflection_moves_nothing_and_keeps_the_celebrations(repo):
    repo()
    before = summary_json("2026-11-24")
    assert invoke("new", "reflection", "--plan", "bus-plan", "--date", "2026-11-23").exit_code == 0
    after = summary_json("2026-11-24")
    assert after == before
    assert benchmarks(after)["signups"]["last_measured"] == "2026-11-20"
    assert after["plans"][0]["celebrate"] == [f"Benchmark met: {SIGNUPS}", "Three new drivers signed up. (2026-11-20)"]


def test_an_answer_that_is_not_on_the_scale_is_not_a_measurement(repo):
    off_scale = REFLECTION.replace("log-2026-11-20", "log-2026-11-22").replace("date: 2026-11-20", "date: 2026-11-22")
    repo({"content/logs/off.md": off_scale.replace("level: a few", "level: half").replace("    value: 3\n", "    value: null\n")})
    assert [p["rule"] for p in lint_json()] == ["measurement-mismatch"]
    identify = benchmarks(summary_json("2026-11-24"))["identify"]
    assert (identify["current"], identify["last_measured"], identify["measured_by"]) == ("a few", "2026-11-20", "log-2026-11-20")


def test_a_back_dated_count_is_celebrated_by_the_log_that_recorded_it():
    p = plan(numeric(start="2026-01-01", due="2026-01-31"))
    first = log("2026-01-10", {"benchmark": "b", "value": 4})
    late = log("2026-01-20", {"benchmark": "b", "value": 6, "counted_on": "2026-01-08"})
    summary = judge(p, first, late, as_of=D(2026, 1, 21))
    [b] = summary.benchmarks
    assert b.status == "met" and tuple(map(celebration_text, summary.celebrate)) == ("Benchmark met: B",)
    # Counts are in the order they were counted: 6 on the 8th, then 4 on the 10th.
    assert b.trend == "down" and b.last_measured == D(2026, 1, 10)
    # Before the meeting that recorded it, nobody knew of the count.
    assert judge(p, first, late, as_of=D(2026, 1, 15)).benchmarks[0].current == 4


def test_a_latest_count_back_dated_behind_a_newer_one_does_not_replace_it():
    p = plan(numeric(combine="latest", start="2026-01-01", due="2026-01-31"))
    logs = [log("2026-01-10", {"benchmark": "b", "value": 8}),
            log("2026-01-20", {"benchmark": "b", "value": 5, "counted_on": "2026-01-05"})]
    [b] = judge(p, *logs, as_of=D(2026, 1, 21)).benchmarks
    assert (b.current, b.trend) == (8, "up")


def test_a_recurring_benchmark_that_starts_mid_month_is_judged_on_the_days_it_runs():
    p = plan(numeric(target=2, every="month", start="2026-09-16"), started="2026-09-01", ends="2026-10-15")
    logs = [log("2026-09-10", {"benchmark": "b", "value": 5}),  # before it started: not September's count
            log("2026-09-20", {"benchmark": "b", "value": 1})]
    [b] = judge(p, *logs, as_of=D(2026, 9, 20)).benchmarks
    assert b.status == "met" and b.progress == 1.0
    [september] = b.history
    assert (september.first, september.last, september.target, september.value) == (D(2026, 9, 16), D(2026, 9, 30), 1, 1)
    [early] = judge(p, logs[0], as_of=D(2026, 9, 20)).benchmarks
    # A count from before the start is no measurement of it at all (lint warns: counted-before-start).
    assert early.expected == 0.3 and early.status == "no data" and early.current == 0 and not early.measurements
    # The chart's pace line stands against the period's target (1), as progress does: 0.3 of it, not of 2.
    assert early.expected_share == 0.3
    # The plan ends on 15 October, so October asks for its half too.
    [october] = judge(p, *logs, log("2026-10-12", {"benchmark": "b", "value": 1}), as_of=D(2026, 10, 12)).benchmarks
    assert (october.history[-1].first, october.history[-1].last, october.history[-1].target) == (
        D(2026, 10, 1), D(2026, 10, 15), 1)
    assert october.status == "met" and record_text(october.record) == "met last month"


def test_a_recurring_level_is_not_cut_to_a_share():
    p = plan(numeric(target=20, every="month", combine="latest", start="2026-09-16"))
    [b] = judge(p, log("2026-09-20", {"benchmark": "b", "value": 12}), as_of=D(2026, 9, 20)).benchmarks
    assert b.status != "met" and b.history[-1].target == 20


def test_a_cut_period_says_so_in_the_notes(repo):
    repo({PLAN_PATH: PLAN.replace("    every: month\n", "    every: month\n    start: 2026-11-16\n")})
    signups = benchmarks(summary_json("2026-11-24"))["signups"]
    assert signups["history"] == [{"period": "November 2026", "first": "2026-11-16", "last": "2026-11-30",
                                   "value": 3, "met": True, "target": 1}]
    markdown = invoke("summary", "--format", "markdown", "--as-of", "2026-11-24").output
    assert "this month: November 2026 (2026-11-16 to 2026-11-30: 1)" in markdown


def test_two_logs_on_the_same_day_both_count_for_celebrations():
    p = plan(numeric("a", start="2026-01-01", due="2026-12-31"), numeric("c", start="2026-01-01", due="2026-12-31"))
    logs = [log("2026-01-10", {"benchmark": "a", "value": 2}, celebrate=("A first meeting.",)),
            log("2026-01-20", {"benchmark": "a", "value": 8}, celebrate=("North yard.",)),
            Document("logs/2026-01-20-south.md", {"type": "reflection", "id": "south", "plan": "p", "date": "2026-01-20",
                                                  "measurements": [{"benchmark": "c", "value": 10}],
                                                  "celebrate": ["South yard."]}, "", 0)]
    summary = judge(p, *logs, as_of=D(2026, 1, 21))
    # The logs of one day in the order of their files.
    assert tuple(map(celebration_text, summary.celebrate)) == ("Benchmark met: A", "Benchmark met: C",
                                                               "South yard. (2026-01-20)", "North yard. (2026-01-20)")


def test_a_target_that_cannot_be_read_is_never_met(repo):
    unreadable = PLAN.replace("target: 2", "target: fifty").replace("target_level: most", "target_level: everyone")
    repo({PLAN_PATH: unreadable, "content/logs/log-2026-11-20.md": REFLECTION.replace("level: a few", "level: most")})
    result = invoke("summary", "--format", "json", "--as-of", "2026-11-24")
    assert result.exit_code == 1  # lint reports both
    data = json.loads(result.stdout)
    signups, identify = benchmarks(data)["signups"], benchmarks(data)["identify"]
    assert (signups["status"], signups["progress"], signups["needed"]) == ("no data", None, None)
    assert signups["cannot_judge"] == ("cannot judge: its 'target' is not a number (0 or more); "
                                       "fix it in the plan (aotext lint shows the line)")
    assert identify["status"] == "no data" and "not one of the answers on its scale (no, a few, most)" in identify["cannot_judge"]
    assert signups["last_measured"] == "2026-11-20"  # what was measured is still shown
    assert data["plans"][0]["celebrate"] == ["Three new drivers signed up. (2026-11-20)"]
    markdown = invoke("summary", "--format", "markdown", "--as-of", "2026-11-24").output
    assert "**met**" not in markdown and "cannot judge: its 'target' is not a number" in markdown


def test_a_missing_target_or_scale_is_never_met():
    no_target = {key: value for key, value in numeric(start="2026-01-01", due="2026-01-31").items() if key != "target"}
    question = {"id": "q", "title": "Q", "kind": "qualitative", "scale": ["no", "yes"], "start": "2026-01-01",
                "due": "2026-01-31"}
    no_scale = {**question, "id": "s", "scale": [], "target_level": "yes"}
    logs = [log("2026-01-10", {"benchmark": "b", "value": 4}, {"benchmark": "q", "level": "yes"},
                {"benchmark": "s", "level": "yes"})]
    judged = judge(plan(no_target, question, no_scale), *logs, as_of=D(2026, 1, 11)).benchmarks
    assert [b.status for b in judged] == ["no data"] * 3
    assert [(b.status, b.cannot_judge and cannot_judge_text(b.cannot_judge)) for b in judged] == [
        ("no data", "cannot judge: it has no 'target'; fix it in the plan (aotext lint shows the line)"),
        ("no data", "cannot judge: it has no 'target_level'; fix it in the plan (aotext lint shows the line)"),
        ("no data", "cannot judge: it has no 'scale' of at least two answers; fix it in the plan (aotext lint shows the line)"),
    ]


def test_the_report_chart_draws_a_benchmark_it_cannot_judge():
    from aotext.handouts.chart import draw

    question = {"id": "q", "title": "Q", "kind": "qualitative", "scale": ["no", "yes"], "target_level": "maybe",
                "start": "2026-01-01", "due": "2026-01-31"}
    p = plan(question, numeric(target="fifty", start="2026-01-01", due="2026-01-31"))
    summary = judge(p, log("2026-01-10", {"benchmark": "q", "level": "yes"}, {"benchmark": "b", "value": 4}),
                    as_of=D(2026, 1, 11))
    assert [b.status for b in summary.benchmarks] == ["no data", "no data"]
    assert draw(summary).startswith(b"<svg ")


def test_a_benchmark_is_judged_on_what_was_counted_by_its_due_date():
    """Turnout 53 counted before its due date stays met when a smaller
    turnout is counted after it; sign-ups reached only after their due date
    do not make them met (they stay missed), and are not celebrated."""
    the_plan = plan(numeric("turnout", target=50, combine="latest", due="2026-11-20"),
                    numeric("signups", target=5, due="2026-10-31"), ends="2026-12-31")
    first = log("2026-11-18", {"benchmark": "turnout", "value": 53}, {"benchmark": "signups", "value": 3})
    later = log("2026-11-25", {"benchmark": "turnout", "value": 12}, {"benchmark": "signups", "value": 2})
    before = {b.id: b for b in judge(the_plan, first, as_of=D(2026, 11, 19)).benchmarks}
    assert (before["turnout"].status, before["signups"].status) == ("met", "overdue")
    summary = judge(the_plan, first, later, as_of=D(2026, 11, 25))
    after = {b.id: b for b in summary.benchmarks}
    assert (after["turnout"].status, after["turnout"].current) == ("met", 53)
    assert (after["signups"].status, after["signups"].current) == ("overdue", None)  # nothing counted by then
    assert after["turnout"].missed is None and after["signups"].missed is not None
    assert not any("SIGNUPS" in celebration_text(item) for item in summary.celebrate)
    assert [m.value for m in after["turnout"].measurements] == [53, 12]  # the numbers show the later count
    # ... and the notes say that it does not count, as every format prints them.
    assert (after["turnout"].after_due, after["signups"].after_due) == (1, 2)
    assert notes_text(after["turnout"]) == "1 measurement counted after its due date does not count"
    assert notes_text(after["signups"]).endswith("; 2 measurements counted after its due date do not count")


def test_a_target_of_one_with_nothing_on_its_due_date_is_behind_and_says_what_is_needed_today():
    """0.8 of 1 rounded down is 0, so nothing had read "on track" on the due
    day, and the note of what is still needed went away that day."""
    the_plan = plan(numeric("facilitates", target=1, combine="latest", due="2026-10-31"), started="2026-09-01")
    zero = log("2026-09-20", {"benchmark": "facilitates", "value": 0})
    [halfway] = judge(the_plan, zero, as_of=D(2026, 9, 30)).benchmarks
    assert halfway.status == "on track"  # half of 1 expected: rounded down, nothing is needed yet
    [due] = judge(the_plan, zero, as_of=D(2026, 10, 31)).benchmarks
    assert due.status == "behind"
    assert due.needed is not None and need_text(due.needed) == "need 1 more today, the last day"


def test_a_question_asked_again_each_period_is_judged_on_the_answers_of_that_period():
    """'Meetings feel lively each month' (every: month on a scale): it had
    been met on September's answer all through October, and 'on track' on
    November's lowest answer."""
    mood = {"id": "mood", "title": "MOOD", "kind": "qualitative", "question": "How lively?",
            "scale": ["flat", "some energy", "lively"], "target_level": "lively", "every": "month",
            "start": "2026-09-01", "if_missed": "Change the format."}
    the_plan = plan(mood, started="2026-09-01", ends="2026-12-31")
    september = log("2026-09-20", {"benchmark": "mood", "level": "lively"})
    november = log("2026-11-20", {"benchmark": "mood", "level": "flat"})
    [october] = judge(the_plan, september, as_of=D(2026, 10, 25)).benchmarks
    assert (october.status, october.current, october.every) == ("no data", None, "month")
    assert record_text(october.record) == "met last month"
    [now] = judge(the_plan, september, november, as_of=D(2026, 11, 25)).benchmarks
    assert (now.status, now.current) == ("behind", "flat")
    assert [(p.met, now.shown_value(p.value)) for p in now.history] == [(True, "lively"), (False, None),
                                                                         (False, "flat")]
    assert record_text(now.record) == "met 1 of the last 2 months"
    [met] = judge(the_plan, september, november, log("2026-11-27", {"benchmark": "mood", "level": "lively"}),
                  as_of=D(2026, 11, 28)).benchmarks
    assert met.status == "met"


def test_a_question_asked_each_month_shows_its_answers_by_month_not_their_places_on_the_scale(repo, tmp_path):
    repo({PLAN_PATH: PLAN.replace("    due: 2026-12-31\n", "    every: month\n")})
    identify = benchmarks(summary_json("2026-11-24"))["identify"]
    assert identify["every"] == "month" and identify["period"] == "November 2026"
    assert [(item["period"], item["value"], item["target"]) for item in identify["history"]][-1] == (
        "November 2026", "a few", "most")
    assert invoke("dashboard", "--as-of", "2026-11-24").exit_code == 0
    page = (tmp_path / "private/dashboard.html").read_text(encoding="utf-8")
    assert "<td>November 2026</td><td>a few</td><td>most</td>" in page
