"""Benchmark progress: for every benchmark of every plan, as of a date, the
current value from the reflection logs, the pace expected by now, the status,
the trend, and what to celebrate. Pure functions of (documents, as_of).

Status, in this order of precedence:
  not started  the benchmark's start date is after the as-of date
  met          the target is reached (for a recurring benchmark: in the current period)
  overdue      the due date has passed and the target was not reached
  no data      nothing has been measured yet
  on track     the current value is at least the expected-by-now value times
               `on_track_ratio` (default 0.8), rounded down to a whole number
               when the target is a whole number
  behind       otherwise
The expected-by-now value grows linearly from the start date to the due date,
or, for a recurring benchmark, from the first to the last day of the period.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from aotext.corpus import Corpus
from aotext.documents.types.plan import Benchmark, Combine, NumericBenchmark, Plan, ScaleBenchmark
from aotext.documents.types.reflection import Reflection
from aotext.periods import Every, Period, periods_between

Status = Literal["met", "on track", "behind", "overdue", "no data", "not started"]
STATUSES: tuple[Status, ...] = get_args(Status)
Trend = Literal["up", "down", "flat"]
RECORD_PERIODS = 4


@dataclass(frozen=True)
class Thresholds:
    on_track_ratio: float = 0.8


@dataclass(frozen=True)
class Measurement:
    day: dt.date
    value: float | None
    level: str | None
    reflection: str


@dataclass(frozen=True)
class PeriodResult:
    label: str
    first: dt.date
    last: dt.date
    value: float | None
    met: bool


@dataclass(frozen=True)
class BenchmarkSummary:
    id: str
    title: str
    kind: Literal["numeric", "qualitative"]
    target: float | str | None
    unit: str | None
    current: float | str | None
    progress: float | None
    expected: float | str | None
    status: Status
    trend: Trend | None
    last_measured: dt.date | None
    measured_by: str | None
    if_missed: str | None
    needed: str | None = None
    combine: Combine | None = None  # numeric: how values combine
    scale: tuple[str, ...] = ()  # qualitative: the answers, lowest first
    every: Every | None = None
    period: str | None = None
    record: str | None = None
    history: tuple[PeriodResult, ...] = ()
    measurements: tuple[Measurement, ...] = ()


@dataclass(frozen=True)
class PlanSummary:
    id: str
    title: str
    as_of: dt.date
    benchmarks: tuple[BenchmarkSummary, ...]
    celebrate: tuple[str, ...]
    skipped_measurements: int


@dataclass(frozen=True)
class Summary:
    as_of: dt.date
    plans: tuple[PlanSummary, ...]
    skipped_measurements: int = 0


def number(value: float) -> str:
    """2.0 as '2', 1.25 as '1.2'."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _logs(corpus: Corpus, plan: Plan) -> list[tuple[dt.date, Reflection]]:
    """The plan's dated reflection logs, oldest first; private logs never count."""
    return [(held, log) for held, log in corpus.logs_of(plan.id) if not log.private]


def _measurements(corpus: Corpus, plan: Plan, known: set[str]) -> tuple[dict[str, list[Measurement]], int]:
    """Each benchmark's measurements, oldest first, from the plan's non-private
    reflection logs; and how many name a benchmark the plan does not have."""
    found: dict[str, list[Measurement]] = defaultdict(list)
    skipped = 0
    for held, log in _logs(corpus, plan):
        for item in log.measurements:
            if item.benchmark not in known:
                skipped += 1
                continue
            found[item.benchmark].append(Measurement(item.counted_on or held, item.value, item.level, log.id or log.path))
    for items in found.values():
        items.sort(key=lambda m: (m.day, m.reflection))
    return found, skipped


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
    return "on track" if current >= (math.floor(bar) if whole else bar) else "behind"


def _needed(remaining: float, deadline: dt.date, day: dt.date) -> str | None:
    days_left = (deadline - day).days
    if remaining <= 0 or days_left <= 0:
        return None
    if days_left < 14:
        return f"need {number(remaining)} more in the {days_left} days left"
    return f"need {number(remaining)} more by {deadline}, about {number(round(remaining / (days_left / 7), 1))} a week"


@dataclass
class _Frame:
    """The dates one benchmark is judged by."""

    start: dt.date
    due: dt.date | None
    day: dt.date  # the as-of date, never after the plan ends
    measurements: list[Measurement] = field(default_factory=list)


def _numeric(benchmark: NumericBenchmark, frame: _Frame, thresholds: Thresholds) -> dict[str, Any]:
    # The summary also runs on documents lint finds wrong: anything malformed
    # counts as missing rather than stopping the whole summary.
    target = benchmark.target or 0.0
    adds_up = benchmark.adds_up
    points = [m for m in frame.measurements if m.value is not None and m.day <= frame.day]
    numbers = [m.value for m in points if m.value is not None]
    whole = target.is_integer()
    started = frame.day >= frame.start
    every = benchmark.every
    result: dict[str, Any] = {}
    if every:
        last_day = min(frame.day, frame.due) if frame.due else frame.day
        periods = periods_between(frame.start, last_day, every) if started else []
        history = []
        for period in periods:
            inside = [m.value for m in points if m.day in period and m.value is not None]
            value = _combine(inside, adds_up) if inside else (0.0 if adds_up else None)
            history.append(PeriodResult(period.label, period.first, period.last, value, value is not None and value >= target))
        current_period: Period | None = periods[-1] if periods else None
        current = history[-1].value if history else None
        closed = history if frame.due and frame.day > frame.due else history[:-1]
        recent = closed[-RECORD_PERIODS:]
        if len(recent) > 1:
            result["record"] = f"met {sum(p.met for p in recent)} of the last {len(recent)} {every}s"
        elif recent:
            result["record"] = f"{'met' if recent[0].met else 'missed'} last {every}"
        expected = target * _fraction(current_period.first, current_period.last, frame.day) if current_period else None
        deadline = current_period.last if current_period else None
        overdue = bool(frame.due and frame.day > frame.due)
        result.update(every=every, period=current_period.label if current_period else None, history=tuple(history))
    else:
        current = _combine(numbers, adds_up) if numbers else None
        expected = target * _fraction(frame.start, frame.due, frame.day) if frame.due and started else None
        deadline = frame.due
        overdue = bool(frame.due and frame.day > frame.due)
    met = current is not None and current >= target
    result.update(
        target=target, unit=benchmark.unit, current=current, combine="sum" if adds_up else "latest",
        progress=round(current / target, 2) if current is not None and target else None,
        expected=round(expected, 1) if expected is not None else None,
        status=_status(started, met, overdue and not met, bool(points), current or 0.0, expected, whole, thresholds),
        trend=_trend(numbers),
    )
    if result["status"] in ("on track", "behind", "no data") and deadline:
        result["needed"] = _needed(target - (current or 0.0), deadline, frame.day)
    return result


def _qualitative(benchmark: ScaleBenchmark, frame: _Frame, thresholds: Thresholds) -> dict[str, Any]:
    scale = list(benchmark.scale)
    goal = benchmark.target_level or (scale[-1] if scale else "")
    rank = {level: index for index, level in enumerate(scale)}
    ranks = [(m, rank[m.level]) for m in frame.measurements if m.level in rank and m.day <= frame.day]
    current, current_rank = (ranks[-1][0].level, ranks[-1][1]) if ranks else (None, 0)
    started = frame.day >= frame.start
    goal_rank = rank.get(goal, len(scale) - 1)
    expected_rank = goal_rank * _fraction(frame.start, frame.due, frame.day) if frame.due and started else None
    met = current is not None and current_rank >= goal_rank
    overdue = bool(frame.due and frame.day > frame.due)
    status = _status(started, met, overdue and not met, bool(ranks), float(current_rank), expected_rank, True, thresholds)
    result: dict[str, Any] = dict(
        target=goal, unit=None, current=current, scale=tuple(scale),
        progress=round(current_rank / goal_rank, 2) if current is not None and goal_rank > 0 else (1.0 if met else None),
        expected=scale[max(0, math.floor(expected_rank))] if expected_rank is not None and scale else None,
        status=status, trend=_trend([float(level_rank) for _, level_rank in ranks]),
    )
    if status in ("on track", "behind", "no data") and frame.due and scale:
        result["needed"] = f"move from '{current or scale[0]}' to '{goal}' by {frame.due}"
    return result


def evaluate(benchmark: Benchmark, measurements: list[Measurement], plan: Plan, as_of: dt.date,
             thresholds: Thresholds = Thresholds()) -> BenchmarkSummary:
    """One benchmark as of `as_of` (never later than the plan's end)."""
    started = plan.started or as_of
    day = plan.judging_day(as_of)
    frame = _Frame(benchmark.start or started, benchmark.due, day, measurements)
    kind: Literal["numeric", "qualitative"]
    match benchmark:
        case ScaleBenchmark():
            details, kind = _qualitative(benchmark, frame, thresholds), "qualitative"
        case NumericBenchmark():
            details, kind = _numeric(benchmark, frame, thresholds), "numeric"
    used = [m for m in measurements if m.day <= day]
    return BenchmarkSummary(
        id=str(benchmark.id), title=benchmark.title, kind=kind,
        last_measured=used[-1].day if used else None, measured_by=used[-1].reflection if used else None,
        if_missed=benchmark.if_missed, measurements=tuple(used), **details,
    )


def _celebrations(corpus: Corpus, plan: Plan, benchmarks: list[Benchmark], measured: dict[str, list[Measurement]],
                  day: dt.date, now: list[BenchmarkSummary], thresholds: Thresholds) -> tuple[str, ...]:
    logs = [(held, log) for held, log in _logs(corpus, plan) if held <= day]
    previous = logs[-2][0] if len(logs) > 1 else None
    found = []
    for benchmark, summary in zip(benchmarks, now, strict=True):
        if summary.status != "met":
            continue
        before = evaluate(benchmark, measured.get(summary.id, []), plan, previous, thresholds) if previous else None
        if before is None or before.status != "met":
            found.append(f"Benchmark met: {summary.title}")
    if logs:
        held, latest = logs[-1]
        found += [f"{item} ({held})" for item in latest.celebrate]
    return tuple(found)


def summarize_plan(corpus: Corpus, plan: Plan, as_of: dt.date, thresholds: Thresholds = Thresholds()) -> PlanSummary:
    benchmarks = [benchmark for benchmark in plan.benchmarks if benchmark.id]
    measured, skipped = _measurements(corpus, plan, {benchmark.id for benchmark in benchmarks if benchmark.id})
    now = [evaluate(benchmark, measured.get(benchmark.id or "", []), plan, as_of, thresholds) for benchmark in benchmarks]
    day = plan.judging_day(as_of)
    celebrate = _celebrations(corpus, plan, benchmarks, measured, day, now, thresholds)
    return PlanSummary(plan.id or plan.path, plan.title, day, tuple(now), celebrate, skipped)


def summarize(corpus: Corpus, as_of: dt.date, thresholds: Thresholds = Thresholds(),
              plan_ids: tuple[str, ...] = ()) -> Summary:
    """Every non-private plan (or those named), as of `as_of`."""
    plans = [plan for plan in corpus.all(Plan) if not plan.private and (not plan_ids or plan.id in plan_ids)]
    summaries = tuple(summarize_plan(corpus, plan, as_of, thresholds) for plan in sorted(plans, key=lambda p: p.id or ""))
    return Summary(as_of, summaries, sum(plan.skipped_measurements for plan in summaries))
