"""The workshop's guiding questions for planning, as rules: every strategy
serves a goal, every tactic a strategy, every benchmark is measurable, has a
time frame and a plan for a miss, and the group keeps reflecting."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator

from aotext.corpus import Corpus, entries, id_list, plan_day, text
from aotext.model import WARNING, parse_date
from aotext.rules.base import Finding, rule
from aotext.words import plural


def _label(item: dict, section: str, index: int) -> str:
    return f"'{text(item, 'id') or f'{section}[{index}]'}'"


@rule("goal-without-strategy", "a goal that no strategy serves")
def goal_without_strategy(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.of_type("plan"):
        served = {target for _, strategy in entries(plan.data, "strategies") for _, target in id_list(strategy, "serves")}
        for index, goal in entries(plan.data, "goals"):
            if text(goal, "id") and goal["id"] not in served:
                yield plan, ("goals", index), (
                    f"no strategy serves goal {_label(goal, 'goals', index)}: add a strategy with "
                    f"'serves: [{goal['id']}]', or ask whether this is still a goal"
                )


def _serving_nothing(corpus: Corpus, section: str, kind: str, target: tuple[str, str], question: str) -> Iterator[Finding]:
    """Items of `section` whose 'serves:' is missing or empty; `target` is (singular, plural)."""
    for plan in corpus.of_type("plan"):
        for index, item in entries(plan.data, section):
            if not id_list(item, "serves"):
                yield plan, (section, index), (
                    f"{kind} {_label(item, section, index)} serves no {target[0]}: "
                    f"list the {target[1]} it serves under 'serves:'. {question}"
                )


@rule("strategy-without-goal", "a strategy that serves no goal")
def strategy_without_goal(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    return _serving_nothing(corpus, "strategies", "strategy", ("goal", "goals"), "How does this strategy align with our goals?")


@rule("tactic-without-strategy", "a tactic that serves no strategy")
def tactic_without_strategy(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    return _serving_nothing(corpus, "tactics", "tactic", ("strategy", "strategies"),
                            "How does this tactic align with our goals and strategy?")


def _unmeasurable(benchmark: dict) -> list[str]:
    """What a benchmark lacks to be measured, in words."""
    missing = []
    if benchmark.get("kind") == "numeric":
        missing += [f"'{key}'" for key in ("target", "unit", "combine") if benchmark.get(key) in (None, "")]
    elif benchmark.get("kind") == "qualitative":
        scale = benchmark.get("scale")
        level = benchmark.get("target_level")
        if not text(benchmark, "question"):
            missing.append("'question'")
        if not isinstance(scale, list) or len(scale) < 2:
            missing.append("a 'scale' of answers")
        elif level is None:
            missing.append("'target_level'")
        elif level not in scale:
            missing.append(f"a 'target_level' on its scale ('{level}' is not one of: {', '.join(map(str, scale))})")
    if not benchmark.get("due") and not benchmark.get("every"):
        missing.append("a time frame ('due: YYYY-MM-DD', or 'every: month' for a recurring benchmark)")
    return missing


@rule("benchmark-not-measurable", "a benchmark with nothing to measure it by (target and unit, or scale and level) or no time frame")
def benchmark_not_measurable(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.of_type("plan"):
        for index, benchmark in entries(plan.data, "benchmarks"):
            missing = _unmeasurable(benchmark)
            if missing:
                yield plan, ("benchmarks", index), (
                    f"benchmark {_label(benchmark, 'benchmarks', index)} is not measurable yet: it needs "
                    f"{', '.join(missing)}. Is this measurable? How do we measure it?"
                )


@rule("benchmark-no-miss-plan", "a benchmark that does not say what the group will do if it is missed")
def benchmark_no_miss_plan(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.of_type("plan"):
        for index, benchmark in entries(plan.data, "benchmarks"):
            if not text(benchmark, "if_missed"):
                yield plan, ("benchmarks", index), (
                    f"benchmark {_label(benchmark, 'benchmarks', index)} has no 'if_missed:': "
                    "what will we do if we don't hit this benchmark?"
                )


@rule("date-order", "dates in the wrong order: a benchmark due before it starts, a plan ending before it started, a count after its meeting")
def date_order(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.of_type("plan"):
        started, ends = parse_date(plan.data.get("started")), parse_date(plan.data.get("ends"))
        if started and ends and ends < started:
            yield plan, ("ends",), f"the plan ends ({ends}) before it started ({started})"
        for index, benchmark in entries(plan.data, "benchmarks"):
            start, due = parse_date(benchmark.get("start")), parse_date(benchmark.get("due"))
            if start and due and due < start:
                yield plan, ("benchmarks", index, "due"), (
                    f"benchmark {_label(benchmark, 'benchmarks', index)} is due ({due}) before it starts ({start})"
                )
    for reflection in corpus.of_type("reflection"):
        held = parse_date(reflection.data.get("date"))
        for index, measurement in entries(reflection.data, "measurements"):
            counted = parse_date(measurement.get("counted_on"))
            if held and counted and counted > held:
                yield reflection, ("measurements", index, "counted_on"), (
                    f"this was counted on {counted}, after the meeting ({held}); record it in a later log"
                )


@rule("measurement-mismatch", "a measurement that does not fit its benchmark (a number for a scale question, a level not on the scale)")
def measurement_mismatch(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for reflection in corpus.of_type("reflection"):
        plan = corpus.plan_of(reflection)
        if plan is None:
            continue
        benchmarks = {text(b, "id"): b for _, b in entries(plan.data, "benchmarks")}
        for index, measurement in entries(reflection.data, "measurements"):
            benchmark = benchmarks.get(text(measurement, "benchmark"))
            if benchmark is None:
                continue  # unknown-reference reports it
            where = ("measurements", index)
            name = f"'{benchmark.get('id')}'"
            has_value, has_level = "value" in measurement, "level" in measurement
            if benchmark.get("kind") == "numeric" and not has_value:
                yield reflection, where, f"benchmark {name} counts {benchmark.get('unit', 'a number')}: record it as 'value: <number>'"
            elif benchmark.get("kind") == "qualitative":
                scale = benchmark.get("scale") if isinstance(benchmark.get("scale"), list) else []
                if not has_level:
                    yield reflection, where, f"benchmark {name} is answered on a scale: record it as 'level:' with one of: {', '.join(map(str, scale))}"
                elif scale and measurement["level"] is not None and measurement["level"] not in scale:
                    yield reflection, where + ("level",), (
                        f"'{measurement['level']}' is not on the scale of benchmark {name}; use one of: {', '.join(map(str, scale))}"
                    )


_CADENCE = re.compile(r"^([1-9][0-9]*) (day|week|month)s?$")


def add_cadence(start: dt.date, cadence: str) -> dt.date | None:
    """The date one cadence ('2 weeks', '1 month') after `start`."""
    match = _CADENCE.match(cadence)
    if not match:
        return None
    count, unit = int(match.group(1)), match.group(2)
    if unit == "day":
        return start + dt.timedelta(days=count)
    if unit == "week":
        return start + dt.timedelta(weeks=count)
    month_index = start.month - 1 + count
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _reflection_dates(corpus: Corpus) -> dict[str, list[dt.date]]:
    """Plan id -> the dates of its reflection logs."""
    dates: dict[str, list[dt.date]] = defaultdict(list)
    for log in corpus.of_type("reflection"):
        held = parse_date(log.data.get("date"))
        if held and isinstance(log.data.get("plan"), str):
            dates[log.data["plan"]].append(held)
    return dates


@rule("reflection-overdue", "a plan with no reflection log for longer than its own 'reflect_every'", severity=WARNING)
def reflection_overdue(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    reflection_dates = _reflection_dates(corpus)
    for plan in corpus.of_type("plan"):
        cadence, started = plan.data.get("reflect_every"), parse_date(plan.data.get("started"))
        if not isinstance(cadence, str) or started is None:
            continue
        until = plan_day(plan, as_of)
        last = max((held for held in reflection_dates.get(plan.id or "", []) if held <= until), default=None)
        since = last or started
        due = add_cadence(since, cadence)
        if due is None or until <= due:
            continue
        days = (until - since).days
        what = f"the last reflection log is from {last}" if last else f"no reflection log since the plan started on {started}"
        yield plan, ("reflect_every",), (
            f"{what} ({plural(days, 'day')} ago) but this plan reflects every {cadence}: "
            "hold a reflection meeting and add its log to the logs folder"
        )
