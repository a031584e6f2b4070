"""The workshop's guiding questions for planning, as rules: every strategy
serves a goal, every tactic a strategy, every benchmark is measurable, has a
time frame and a plan for a miss, and the group keeps reflecting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.documents.types.plan import Benchmark, NumericBenchmark, Plan, ScaleBenchmark, Strategy, Tactic
from aotext.documents.types.reflection import Reflection
from aotext.model import WARNING
from aotext.rules.base import Finding, rule
from aotext.summary_logs import after_plan_end, before_start, reflection_due, starts
from aotext.words import plural

# `aotext summary` and `aotext dashboard` show this warning too: it changes what they count.
FUTURE_LOG = "future-log"


@rule("goal-without-strategy", "a goal that no strategy serves")
def goal_without_strategy(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.all(Plan):
        served = {target for strategy in plan.strategies for target in strategy.serves}
        for goal in plan.goals:
            if goal.id and goal.id not in served:
                yield plan.source, ("goals", goal.index), (
                    f"no strategy serves goal {goal.label}: add a strategy with "
                    f"'serves: [{goal.id}]', or ask whether this is still a goal"
                )


def _serving_nothing(items: tuple[Strategy | Tactic, ...], plan: Plan, target: tuple[str, str],
                     question: str) -> Iterator[Finding]:
    """Items whose 'serves:' is missing or empty; `target` is (singular, plural)."""
    for item in items:
        if not item.serves:
            yield plan.source, (item.section, item.index), (
                f"{item.kind} {item.label} serves no {target[0]}: "
                f"list the {target[1]} it serves under 'serves:'. {question}"
            )


@rule("strategy-without-goal", "a strategy that serves no goal")
def strategy_without_goal(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.all(Plan):
        yield from _serving_nothing(plan.strategies, plan, ("goal", "goals"), "How does this strategy align with our goals?")


@rule("tactic-without-strategy", "a tactic that serves no strategy")
def tactic_without_strategy(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.all(Plan):
        yield from _serving_nothing(plan.tactics, plan, ("strategy", "strategies"),
                                    "How does this tactic align with our goals and strategy?")


def _unmeasurable(benchmark: Benchmark) -> list[str]:
    """What a benchmark lacks to be measured, in words."""
    missing = []
    absent = benchmark.absent
    match benchmark:
        case _ if not benchmark.kind_stated:
            pass  # the schema asks for its kind first
        case NumericBenchmark():
            missing += [f"'{key}'" for key in ("target", "unit", "combine") if key in absent]
        case ScaleBenchmark():
            level = benchmark.target_level
            if "question" in absent:
                missing.append("'question'")
            if len(benchmark.scale) < 2:
                missing.append("a 'scale' of answers")
            elif "target_level" in absent:
                missing.append("'target_level'")
            elif level is not None and level not in benchmark.scale:
                missing.append(f"a 'target_level' on its scale ('{level}' is not one of: {', '.join(benchmark.scale)})")
    if "due" in absent and "every" in absent:
        missing.append("a time frame ('due: YYYY-MM-DD', or 'every: month' for a recurring benchmark)")
    return missing


@rule("benchmark-not-measurable", "a benchmark with nothing to measure it by (target and unit, or scale and level) or no time frame")
def benchmark_not_measurable(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.all(Plan):
        for benchmark in plan.benchmarks:
            missing = _unmeasurable(benchmark)
            if missing:
                yield plan.source, ("benchmarks", benchmark.index), (
                    f"benchmark {benchmark.label} is not measurable yet: it needs "
                    f"{', '.join(missing)}. Is this measurable? How do we measure it?"
                )


@rule("benchmark-no-miss-plan", "a benchmark that does not say what the group will do if it is missed")
def benchmark_no_miss_plan(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.all(Plan):
        for benchmark in plan.benchmarks:
            if not benchmark.if_missed:
                yield plan.source, ("benchmarks", benchmark.index), (
                    f"benchmark {benchmark.label} has no 'if_missed:': "
                    "what will we do if we don't hit this benchmark?"
                )


@rule("date-order", "dates in the wrong order: a benchmark due before it starts or after its plan ends, a plan ending "
      "before it started, a count after its meeting")
def date_order(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.all(Plan):
        if plan.started and plan.ends and plan.ends < plan.started:
            yield plan.source, ("ends",), f"the plan ends ({plan.ends}) before it started ({plan.started})"
        for benchmark in plan.benchmarks:
            if benchmark.start and benchmark.due and benchmark.due < benchmark.start:
                yield plan.source, ("benchmarks", benchmark.index, "due"), (
                    f"benchmark {benchmark.label} is due ({benchmark.due}) before it starts ({benchmark.start})"
                )
            elif plan.ends and benchmark.due and benchmark.due > plan.ends:
                # Judged on the plan's last day, it would never be overdue: "behind" for good, without a word.
                yield plan.source, ("benchmarks", benchmark.index, "due"), (
                    f"benchmark {benchmark.label} is due ({benchmark.due}) after the plan ends ({plan.ends}), and "
                    "nothing counted after the end counts: bring its due date within the plan, or move the plan's "
                    "end")
    for reflection in corpus.all(Reflection):
        if not reflection.date or (days := reflection.counted_days) is None or days[1] <= reflection.date:
            continue  # nothing counted after the meeting
        planned = corpus.find_view(reflection.plan, Plan)
        for measurement in reflection.measurements:
            counted = measurement.counted_on
            if counted and counted > reflection.date:
                # log-after-plan-end leaves this line to this rule, so what it would say is said here.
                ended = (f". It is also after its plan '{planned.id}' ended on {planned.ends}, so the summary leaves "
                         "it out" if planned and after_plan_end(planned, reflection.date, measurement) else "")
                yield reflection.source, ("measurements", measurement.index, "counted_on"), (
                    f"this was counted on {counted}, after the meeting ({reflection.date}); record it in a later "
                    f"log{ended}"
                )


@rule("measurement-mismatch", "a measurement that does not fit its benchmark (a number for a scale question, a level not on the scale)")
def measurement_mismatch(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for reflection in corpus.all(Reflection):
        plan = corpus.find_view(reflection.plan, Plan)
        if plan is None:
            continue
        for measurement in reflection.measurements:
            benchmark = plan.benchmark(measurement.benchmark)
            where = ("measurements", measurement.index)
            match benchmark:
                case None:
                    continue  # unknown-reference reports it
                case _ if not benchmark.kind_stated:
                    continue  # the schema reports the kind
                case NumericBenchmark() if not measurement.has_value:
                    yield reflection.source, where, (
                        f"benchmark '{benchmark.id}' counts {benchmark.unit or 'a number'}: record it as 'value: <number>'")
                case NumericBenchmark() if measurement.level is not None:
                    yield reflection.source, where + ("level",), (
                        f"benchmark '{benchmark.id}' counts {benchmark.unit or 'a number'}, so the summary reads only "
                        "its 'value:'; 'level:' is for a question answered on a scale: remove it")
                case ScaleBenchmark() if not measurement.has_level:
                    yield reflection.source, where, (
                        f"benchmark '{benchmark.id}' is answered on a scale: record it as 'level:' with one of: "
                        f"{', '.join(benchmark.scale)}")
                case ScaleBenchmark() if measurement.value is not None:
                    yield reflection.source, where + ("value",), (
                        f"benchmark '{benchmark.id}' is answered on a scale, so the summary reads only its 'level:'; "
                        "'value:' is for a count: remove it")
                case ScaleBenchmark() if (benchmark.scale and measurement.level is not None
                                          and measurement.level not in benchmark.scale):
                    yield reflection.source, where + ("level",), (
                        f"'{measurement.level}' is not on the scale of benchmark '{benchmark.id}'; "
                        f"use one of: {', '.join(benchmark.scale)}"
                    )


@rule("log-after-plan-end", "a measurement counted after its plan ended (in a log dated later, or by its "
      "'counted_on:'), which the summary leaves out", severity=WARNING)
def log_after_plan_end(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.all(Plan):
        if plan.ends is None:
            continue
        for held, log in corpus.logs_of(plan.id):
            if (days := log.counted_days) is None or days[1] <= plan.ends:
                continue  # nothing counted after the end
            late = [slot for slot in log.measurements
                    if plan.benchmark(slot.benchmark) is not None and after_plan_end(plan, held, slot)]
            undated = [slot for slot in late if slot.counted_on is None]
            if undated:  # they count on the log's date: that is the date after the end
                yield log.source, ("date",), (
                    f"this log is dated {held}, after its plan '{plan.id}' ended on {plan.ends}, so the summary "
                    f"leaves out {plural(len(undated), 'measurement')} it records. If they were counted by "
                    f"{plan.ends}, add 'counted_on: YYYY-MM-DD' (the day each was counted) to them; "
                    "if the plan goes on, move its 'ends:' later"
                )
            for slot in late:
                # A count dated after its own meeting is date-order's to report, with the plan's end.
                if slot.counted_on is not None and slot.counted_on <= held:
                    yield log.source, ("measurements", slot.index, "counted_on"), (
                        f"this was counted on {slot.counted_on}, after its plan '{plan.id}' ended on {plan.ends}, "
                        f"so the summary leaves it out. If it was counted by {plan.ends}, correct the date; "
                        "if the plan goes on, move its 'ends:' later"
                    )


# `aotext summary` and `aotext dashboard` show this warning too: it changes what they count.
COUNTED_BEFORE_START = "counted-before-start"


@rule(COUNTED_BEFORE_START, "a measurement counted before its benchmark (or its plan) started, which the summary "
      "leaves out", severity=WARNING)
def counted_before_start(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    latest_starts: dict[str, dt.date | None] = {}  # by plan: the last day one of its benchmarks starts
    for log in corpus.all(Reflection):
        plan = corpus.find_view(log.plan, Plan) if not log.private else None  # a private log is never counted
        if plan is None or log.date is None:
            continue
        if plan.path not in latest_starts:
            latest_starts[plan.path] = max(filter(None, (starts(plan, benchmark) for benchmark in plan.benchmarks)),
                                           default=None)
        latest, days = latest_starts[plan.path], log.counted_days
        if latest is None or days is None or days[0] >= latest:
            continue  # nothing counted before a start
        for slot in log.measurements:
            benchmark = plan.benchmark(slot.benchmark)
            if benchmark is None or not before_start(plan, benchmark, log.date, slot):
                continue
            first = starts(plan, benchmark)
            whose = f"benchmark '{benchmark.id}'" if benchmark.start else f"its plan '{plan.id}'"
            if slot.counted_on:
                yield log.source, ("measurements", slot.index, "counted_on"), (
                    f"this was counted on {slot.counted_on}, before {whose} started on {first}, so the summary, "
                    "the dashboard and the report leave it out: check the date (is the year mistyped?), or move "
                    "the benchmark's 'start:' earlier")
            else:
                yield log.source, ("measurements", slot.index), (
                    f"{whose} starts on {first}, after this log's date ({log.date}), so the summary, the dashboard "
                    "and the report leave this measurement out: if it was counted later, add 'counted_on: "
                    "YYYY-MM-DD'; if it counts, move the benchmark's 'start:' earlier")


# A warning, not an error, as for conversations: `aotext summary --as-of`
# asks about a day in the past, when later logs are no mistake.
@rule(FUTURE_LOG, "a reflection log dated after today (or the --as-of date)", severity=WARNING)
def future_log(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for log in corpus.all(Reflection):
        if log.date and log.date > as_of:
            yield log.source, ("date",), (
                f"this log is dated {log.date}, after {as_of} (today, or the --as-of date); a log is written after "
                "its meeting, so check the date. Until that day the summary, the dashboard and the benchmark "
                "report leave it out"
            )


@rule("reflection-overdue", "a plan with no reflection log for longer than its own 'reflect_every'", severity=WARNING)
def reflection_overdue(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for plan in corpus.all(Plan):
        due = reflection_due(corpus, plan, as_of)
        if due is None or not due.overdue:
            continue
        days = (due.day - due.since).days
        what = (f"the last reflection log is from {due.last}" if due.last
                else f"no reflection log since the plan started on {plan.started}")
        yield plan.source, ("reflect_every",), (
            f"{what} ({plural(days, 'day')} ago) but this plan reflects every {plan.reflect_every}: "
            "hold a reflection meeting and add its log to the logs folder"
        )
