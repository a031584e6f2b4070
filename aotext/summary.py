"""Benchmark progress: one benchmark judged as of a date from its plan's
reflection logs: the current value, the pace expected by now, the status and
the trend (a plan's and every plan's summary: aotext.summary_plans). Pure
functions of (documents, as_of).

Status, in this order of precedence:
  not started  the benchmark's start date is after the as-of date
  no data      its target cannot be read (`cannot_judge` says why), so it is never judged met
  met          the target is reached (for a recurring benchmark: in the current period)
  overdue      its last day (the due date, else the plan's end) has passed, no
               later than the plan's end, and the target was not reached
               (`missed` says so)
  no data      nothing has been measured yet
  on track     the current value is at least the expected-by-now value times
               `on_track_ratio` (default 0.8), rounded down to a whole number
               when the target is a whole number (but to no less than 1 once
               at least 1 is expected)
  behind       otherwise
The expected-by-now value grows linearly from the start date to the due date,
or, for a recurring benchmark, from the first to the last day of the period.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any, Literal

from aotext.documents.records import frozen
from aotext.documents.types.plan import Benchmark, NumericBenchmark, Plan, ScaleBenchmark
from aotext.periods import Every, PeriodResult, Span, spans_between
from aotext.summary_logs import Measurement, starts
from aotext.summary_model import BenchmarkSummary, Status, Thresholds, Trend
from aotext.summary_notes import CannotJudge, Missed, Move, Need, Record, TooLong

RECORD_PERIODS = 4


def _combine(values: list[float], adds_up: bool) -> float:
    return sum(values) if adds_up else values[-1]


def _trend(points: list[float]) -> Trend | None:
    if len(points) < 2:
        return None
    return "up" if points[-1] > points[-2] else "down" if points[-1] < points[-2] else "flat"


def _fraction(start: dt.date, end: dt.date, day: dt.date) -> float:
    """How far `day` is through [start, end], from 0 to 1, counting whole days."""
    total = (end - start).days + 1
    return min(1.0, max(0.0, ((day - start).days + 1) / total)) if total > 0 else 1.0


def _status(started: bool, met: bool, overdue: bool, measured: bool, current: float, expected: float | None,
            whole: bool, thresholds: Thresholds) -> Status:
    if not started:
        return "not started"
    if met:
        return "met"
    if overdue:
        return "overdue"
    if not measured:
        return "no data"
    if expected is None:
        return "on track"
    bar = expected * thresholds.on_track_ratio
    if whole:
        # Rounded down, but never to nothing once a whole one is expected: a
        # target of 1 on its due day, with 0, is behind (0.8 rounds to 0).
        bar = max(math.floor(bar), 1) if expected >= 1 else math.floor(bar)
    return "on track" if current >= bar else "behind"


def _needed(remaining: float, deadline: dt.date, day: dt.date) -> Need | None:
    days_left = (deadline - day).days
    # On the deadline itself the day still counts: what is needed is said ("today, the last day").
    return Need(remaining, deadline, days_left) if remaining > 0 and days_left >= 0 else None


# No campaign's benchmark runs for decades: one that would is a mistyped year,
# and judging it would count every week of those years (lint reports the date).
MAX_SPAN_DAYS = 20 * 366


@frozen
class _Frame:
    """The dates one benchmark is judged by, and the measurements that count by then."""

    start: dt.date
    due: dt.date | None
    day: dt.date  # the as-of date, never after the plan ends
    last: dt.date | None  # its last day: the due date, else the plan's end
    over: bool  # its last day has passed
    measurements: tuple[Measurement, ...]

    @property
    def started(self) -> bool:
        return self.day >= self.start


def _period(span: Span, frame: _Frame, target: float, adds_up: bool) -> PeriodResult:
    inside = [m.value for m in frame.measurements if m.day in span and m.value is not None]
    value = _combine(inside, adds_up) if inside else (0.0 if adds_up else None)
    goal = span.asks(target, adds_up)
    return PeriodResult(span.period, span.first, span.last, value, value is not None and value >= goal, goal)


def _periods(frame: _Frame, every: Every, judge: Callable[[Span], PeriodResult],
             result: dict[str, Any]) -> PeriodResult | None:
    """A recurring benchmark's periods so far, each judged by `judge`, with
    its record of the last ones ended, put in `result`: the current period."""
    end = min(frame.day, frame.last) if frame.last else frame.day
    spans = spans_between(frame.start, end, every, frame.last) if frame.started and frame.start <= end else ()
    history = tuple(judge(span) for span in spans)
    recent = (history if frame.over else history[:-1])[-RECORD_PERIODS:]
    if recent:
        result["record"] = Record(sum(p.met for p in recent), len(recent), every)
    now = history[-1] if history else None
    result.update(every=every, period=now.period if now else None, history=history)
    return now


def _numeric(benchmark: NumericBenchmark, target: float, frame: _Frame, thresholds: Thresholds) -> dict[str, Any]:
    adds_up = benchmark.adds_up
    numbers = [m.value for m in frame.measurements if m.value is not None]
    every = benchmark.every
    result: dict[str, Any] = {}
    if every:
        now = _periods(frame, every, lambda span: _period(span, frame, target, adds_up), result)
        current, goal = (now.value, now.target) if now else (None, target)
        expected = goal * _fraction(now.first, now.last, frame.day) if now else None
        deadline = now.last if now else None
    else:
        current, goal = (_combine(numbers, adds_up) if numbers else None), target
        expected = target * _fraction(frame.start, frame.due, frame.day) if frame.due and frame.started else None
        deadline = frame.due
    met = current is not None and current >= goal
    result.update(
        target=target, unit=benchmark.unit, current=current, combine="sum" if adds_up else "latest",
        progress=round(current / goal, 2) if current is not None and goal else None,
        expected=round(expected, 1) if expected is not None else None,
        status=_status(frame.started, met, frame.over, bool(numbers), current or 0.0, expected,
                       target.is_integer(), thresholds),
        trend=_trend(numbers),
    )
    if result["status"] in ("on track", "behind", "no data") and deadline:
        result["needed"] = _needed(goal - (current or 0.0), deadline, frame.day)
    return result


def _qualitative(benchmark: ScaleBenchmark, goal: str, frame: _Frame, thresholds: Thresholds) -> dict[str, Any]:
    scale = list(benchmark.scale)
    rank = {level: index for index, level in enumerate(scale)}
    ranks = [(m.level, rank[m.level], m.day) for m in frame.measurements if m.level in rank]
    goal_rank = rank[goal]
    result: dict[str, Any] = {}
    if benchmark.every:
        # Asked again each period ("lively meetings each month"): judged on
        # the latest answer of the current period, as a recurring count is.
        def answered(span: Span) -> PeriodResult:
            inside = [place for _, place, day in ranks if day in span]
            value = float(inside[-1]) if inside else None
            return PeriodResult(span.period, span.first, span.last, value, value is not None and value >= goal_rank,
                                float(goal_rank))

        now = _periods(frame, benchmark.every, answered, result)
        in_period = [(level, place) for level, place, day in ranks if now is not None and now.first <= day <= now.last]
        current, current_rank = in_period[-1] if in_period else (None, 0)
        measured = bool(in_period)
        expected_rank = goal_rank * _fraction(now.first, now.last, frame.day) if now else None
        deadline = now.last if now else None
    else:
        current, current_rank = (ranks[-1][0], ranks[-1][1]) if ranks else (None, 0)
        measured = bool(ranks)
        expected_rank = goal_rank * _fraction(frame.start, frame.due, frame.day) if frame.due and frame.started else None
        deadline = frame.due
    met = current is not None and current_rank >= goal_rank
    status = _status(frame.started, met, frame.over, measured, float(current_rank), expected_rank, True, thresholds)
    result.update(
        target=goal, unit=None, current=current, scale=tuple(scale),
        progress=round(current_rank / goal_rank, 2) if current is not None and goal_rank > 0 else (1.0 if met else None),
        expected=scale[max(0, math.floor(expected_rank))] if expected_rank is not None else None,
        status=status, trend=_trend([float(place) for _, place, _ in ranks]),
    )
    if status in ("on track", "behind", "no data") and deadline:
        result["needed"] = Move(current or scale[0], goal, deadline)
    return result


def _unjudged(benchmark: Benchmark, frame: _Frame, why: TooLong | None = None) -> dict[str, Any]:
    """A benchmark whose target cannot be read (lint reports it): shown with
    what was measured, but never judged, so never met."""
    asked = benchmark if isinstance(benchmark, ScaleBenchmark) else None
    return dict(target=asked.target_level if asked else None, scale=asked.scale if asked else (),
                unit=benchmark.unit if isinstance(benchmark, NumericBenchmark) else None, current=None,
                progress=None, expected=None, status="no data" if frame.started else "not started", trend=None,
                cannot_judge=why or CannotJudge.of(benchmark))


def evaluate(benchmark: Benchmark, measurements: list[Measurement], plan: Plan, as_of: dt.date,
             thresholds: Thresholds = Thresholds()) -> BenchmarkSummary:
    """One benchmark as of `as_of`, judged on that day or on the plan's last day, whichever comes first."""
    day = plan.judging_day(as_of)
    last = benchmark.due or plan.ends
    used = tuple(m for m in measurements if m.day <= day)
    # Judged on what was counted by its due date: a count after it neither
    # meets it late nor undoes what was met in time (the numbers show it).
    judged = tuple(m for m in used if benchmark.due is None or m.day <= benchmark.due)
    # Over once its last day has passed, when that day is one the plan runs
    # to: a benchmark due on the plan's last day is missed once the plan has ended.
    frame = _Frame(starts(plan, benchmark) or as_of, benchmark.due, day, last,
                   last is not None and last < as_of and last <= day, judged)
    kind: Literal["numeric", "qualitative"] = "qualitative" if isinstance(benchmark, ScaleBenchmark) else "numeric"
    details: dict[str, Any]
    match benchmark:
        case _ if (frame.day - frame.start).days > MAX_SPAN_DAYS:
            details = _unjudged(benchmark, frame, TooLong(frame.start, frame.day))
        case ScaleBenchmark(target_level=str() as goal) if len(benchmark.scale) > 1 and goal in benchmark.scale:
            details = _qualitative(benchmark, goal, frame, thresholds)
        case NumericBenchmark(target=float() as target) if target >= 0:
            details = _numeric(benchmark, target, frame, thresholds)
        case _:
            details = _unjudged(benchmark, frame)
    if details["status"] == "overdue" and frame.last:
        details["missed"] = Missed(frame.last, details.get("period"), frame.due == frame.last, plan.ends == frame.last)
    return BenchmarkSummary(
        id=str(benchmark.id), title=benchmark.title, kind=kind, after_due=len(used) - len(judged),
        last_measured=used[-1].day if used else None, measured_by=used[-1].reflection if used else None,
        if_missed=benchmark.if_missed, measurements=used, **details,
    )
