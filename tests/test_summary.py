"""Benchmark progress as pure functions of (documents, as-of date)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.periods import period_of, periods_between
from aotext.summary_model import Thresholds
from aotext.summary_notes import celebration_text, need_text, period_name, record_text
from aotext.summary_plans import summarize, summarize_plan
from helpers import log, numeric, plan

D = dt.date


def judge(the_plan: Document, *logs: Document, as_of: D, **thresholds):
    return summarize_plan(Corpus([the_plan, *logs]), the_plan.view, as_of, Thresholds(**thresholds)).benchmarks


def test_sum_adds_up_every_log_and_latest_takes_the_newest():
    p = plan(numeric("signups", start="2026-01-01", due="2026-01-31"),
             numeric("turnout", combine="latest", start="2026-01-01", due="2026-01-31"))
    logs = [log("2026-01-10", {"benchmark": "signups", "value": 3}, {"benchmark": "turnout", "value": 8}),
            log("2026-01-20", {"benchmark": "signups", "value": 4}, {"benchmark": "turnout", "value": 6})]
    signups, turnout = judge(p, *logs, as_of=D(2026, 1, 21))
    assert signups.current == 7 and turnout.current == 6
    assert turnout.trend == "down" and signups.trend == "up"
    assert signups.last_measured == D(2026, 1, 20) and signups.measured_by == "log-2026-01-20"


def test_linear_pace_and_status_thresholds():
    p = plan(numeric(start="2026-01-01", due="2026-01-10"))
    # Day 5 of 10: 5 expected; 4 is on track at the default ratio 0.8, 3 is behind.
    [on] = judge(p, log("2026-01-05", {"benchmark": "b", "value": 4}), as_of=D(2026, 1, 5))
    [off] = judge(p, log("2026-01-05", {"benchmark": "b", "value": 3}), as_of=D(2026, 1, 5))
    assert (on.expected, on.status, off.status) == (5, "on track", "behind")
    assert off.progress == 0.3
    [strict] = judge(p, log("2026-01-05", {"benchmark": "b", "value": 4}), as_of=D(2026, 1, 5), on_track_ratio=1.0)
    assert strict.status == "behind"
    assert need_text(off.needed) == "need 7 more in the 5 days left"
    assert need_text(dataclasses.replace(off.needed, days_left=1)) == "need 7 more on the last day"


def test_needed_rate_per_week():
    p = plan(numeric(target=20, start="2026-01-01", due="2026-03-01"))
    [b] = judge(p, log("2026-01-05", {"benchmark": "b", "value": 2}), as_of=D(2026, 1, 18))
    assert need_text(b.needed) == "need 18 more by 2026-03-01, about 3 a week"


def test_no_measurements_is_no_data_and_before_start_is_not_started():
    p = plan(numeric(start="2026-02-01", due="2026-03-01"))
    assert judge(p, as_of=D(2026, 1, 15))[0].status == "not started"
    [b] = judge(p, as_of=D(2026, 2, 15))
    assert (b.status, b.current, b.trend, b.last_measured) == ("no data", None, None, None)


def test_target_met_early_is_met():
    p = plan(numeric(start="2026-01-01", due="2026-12-31"))
    [b] = judge(p, log("2026-01-03", {"benchmark": "b", "value": 12}), as_of=D(2026, 1, 4))
    assert b.status == "met" and b.progress == 1.2 and b.needed is None


def test_due_date_passed_is_overdue_and_a_late_count_does_not_meet_it():
    p = plan(numeric(start="2026-01-01", due="2026-01-31"))
    first = log("2026-01-20", {"benchmark": "b", "value": 6})
    assert judge(p, first, as_of=D(2026, 2, 5))[0].status == "overdue"
    late = log("2026-02-03", {"benchmark": "b", "value": 5})
    [b] = judge(p, first, late, as_of=D(2026, 2, 5))
    assert b.status == "overdue" and b.current == 6  # judged on what was counted by its due date
    assert [m.value for m in b.measurements] == [6, 5]


def test_counted_on_dates_a_measurement_before_its_log():
    p = plan(numeric(combine="latest", start="2026-01-01", due="2026-01-20"))
    [b] = judge(p, log("2026-01-25", {"benchmark": "b", "value": 10, "counted_on": "2026-01-19"}), as_of=D(2026, 1, 25))
    assert b.status == "met" and b.last_measured == D(2026, 1, 19)


def test_recurring_month_is_judged_per_period_with_a_record():
    p = plan(numeric(target=2, every="month", start="2026-09-01"))
    logs = [log("2026-09-15", {"benchmark": "b", "value": 2}), log("2026-10-15", {"benchmark": "b", "value": 1}),
            log("2026-11-10", {"benchmark": "b", "value": 2}), log("2026-12-20", {"benchmark": "b", "value": 1})]
    [b] = judge(p, *logs, as_of=D(2026, 12, 20))
    assert period_name(b.period) == "December 2026" and b.current == 1
    assert [(period_name(h.period), h.value, h.met) for h in b.history] == [
        ("September 2026", 2, True), ("October 2026", 1, False), ("November 2026", 2, True), ("December 2026", 1, False)]
    assert record_text(b.record) == "met 2 of the last 3 months"
    # 20 of 31 days: 1.3 expected; 1 is not below floor(1.3 x 0.8) = 1, so on track.
    assert b.expected == 1.3 and b.status == "on track"


def test_recurring_month_across_the_year_boundary():
    p = plan(numeric(target=2, every="month", start="2026-12-01"))
    logs = [log("2026-12-31", {"benchmark": "b", "value": 2}), log("2027-01-01", {"benchmark": "b", "value": 1})]
    [b] = judge(p, *logs, as_of=D(2027, 1, 2))
    assert period_name(b.period) == "January 2027" and b.current == 1
    assert [h.value for h in b.history] == [2, 1] and record_text(b.record) == "met last month"
    # A new month with nothing counted yet starts at 0, not at December's total.
    [fresh] = judge(p, logs[0], as_of=D(2027, 1, 1))
    assert fresh.current == 0 and fresh.status == "on track"


def test_recurring_week_runs_monday_to_sunday():
    assert period_of(D(2026, 11, 29), "week").first == D(2026, 11, 23)
    assert [period_name(p) for p in periods_between(D(2026, 12, 30), D(2027, 1, 5), "week")] == [
        "week of 2026-12-28", "week of 2027-01-04"]
    assert period_name(period_of(D(2026, 11, 24), "quarter")) == "2026-Q4"


def test_leap_day():
    february = period_of(D(2028, 2, 29), "month")
    assert (february.first, february.last, february.days) == (D(2028, 2, 1), D(2028, 2, 29), 29)
    p = plan(numeric(target=29, every="month", start="2028-02-01"))
    [b] = judge(p, log("2028-02-29", {"benchmark": "b", "value": 29}), as_of=D(2028, 2, 29))
    assert b.status == "met" and b.expected == 29
    [march] = judge(p, log("2028-02-29", {"benchmark": "b", "value": 29}), as_of=D(2028, 3, 1))
    assert period_name(march.period) == "March 2028" and record_text(march.record) == "met last month"


def test_qualitative_on_its_scale():
    scale = ["no", "a few", "about half", "most", "all"]
    b = {"id": "q", "title": "Identify as the union?", "kind": "qualitative", "scale": scale, "target_level": "most",
         "start": "2026-09-01", "due": "2026-11-30", "if_missed": "Ask why."}
    p = plan(b)
    logs = [log("2026-09-15", {"benchmark": "q", "level": "a few"}), log("2026-10-15", {"benchmark": "q", "level": "about half"}),
            log("2026-11-01", {"benchmark": "q", "level": "a few"})]
    [q] = judge(p, *logs, as_of=D(2026, 11, 1))
    assert (q.current, q.target, q.trend, q.progress) == ("a few", "most", "down", 0.33)
    # Expected by now: rank 3 x 62/91 = 2.04 ("about half"); on track down to floor(2.04 x 0.8) = rank 1.
    assert q.expected == "about half" and q.status == "on track"
    assert need_text(q.needed) == "move from 'a few' to 'most' by 2026-11-30"
    [late] = judge(p, *logs, as_of=D(2026, 11, 25))
    assert late.status == "behind"
    [done] = judge(p, *logs, log("2026-11-20", {"benchmark": "q", "level": "all"}), as_of=D(2026, 11, 20))
    assert done.status == "met"
    assert judge(p, *logs, as_of=D(2026, 12, 1))[0].status == "overdue"


def test_plan_end_caps_the_as_of_date():
    p = plan(numeric(start="2026-01-01", due="2026-03-01"), ends="2026-01-31")
    summary = summarize_plan(Corpus([p]), p.view, D(2026, 6, 1))
    assert summary.as_of == D(2026, 1, 31) and summary.benchmarks[0].status == "no data"


def test_celebrate_what_was_met_since_the_last_reflection_and_what_the_log_records():
    p = plan(numeric("a", start="2026-01-01", due="2026-12-31"), numeric("c", target=1, start="2026-01-01", due="2026-12-31"))
    logs = [log("2026-01-10", {"benchmark": "c", "value": 1}),
            log("2026-01-20", {"benchmark": "a", "value": 10}, celebrate=("First action!",))]
    summary = summarize_plan(Corpus([p, *logs]), p.view, D(2026, 1, 21))
    assert tuple(map(celebration_text, summary.celebrate)) == ("Benchmark met: A", "First action! (2026-01-20)")


def test_unknown_benchmarks_are_left_out_and_counted():
    p = plan(numeric(start="2026-01-01", due="2026-01-31"))
    corpus = Corpus([p, log("2026-01-10", {"benchmark": "b", "value": 1}, {"benchmark": "gone", "value": 5})])
    summary = summarize(corpus, D(2026, 1, 11))
    assert summary.skipped_measurements == 1 and summary.plans[0].benchmarks[0].current == 1


@pytest.mark.parametrize("private_plan", [True, False])
def test_private_documents_never_count(private_plan):
    p = plan(numeric(start="2026-01-01", due="2026-01-31"), private=private_plan)
    corpus = Corpus([p, log("2026-01-10", {"benchmark": "b", "value": 4}),
                     log("2026-01-11", {"benchmark": "b", "value": 5}, private=True)])
    summary = summarize(corpus, D(2026, 1, 12))
    if private_plan:
        assert summary.plans == ()
    else:
        assert summary.plans[0].benchmarks[0].current == 4
