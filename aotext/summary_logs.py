"""What a plan's reflection logs say for its benchmark summary: the
measurements that count, each on the day it was counted, the ones left out
(and why), and the logs that say something at all. An empty slot, an
answer that is not on the scale, a count from before its benchmark started,
or a log held after the as-of date counts for nothing; `aotext lint`
reports the slots that do not fit."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from aotext.corpus import Corpus
from aotext.documents.records import frozen
from aotext.documents.types.plan import Benchmark, Plan, ScaleBenchmark
from aotext.documents.types.reflection import Measurement as Slot
from aotext.documents.types.reflection import Reflection, counted_day


@frozen
class Measurement:
    """A measurement as the summary counts it: the day it counts on, its value or level, and the log that gives it."""

    day: dt.date  # the day it counts on: its counted_on date, else the day of its log
    value: float | None
    level: str | None
    reflection: str
    held: dt.date  # the day of the log that recorded it


def records_something(slot: Slot) -> bool:
    """Whether a measurement slot was filled in: an empty one (`value: null`,
    as `aotext new reflection` writes it) counts for nothing."""
    return slot.value is not None or slot.level is not None


def after_plan_end(plan: Plan, held: dt.date, slot: Slot) -> bool:
    """Whether a filled-in measurement counts on a day after its plan ended,
    which the summary leaves out (and says how many)."""
    return plan.ends is not None and records_something(slot) and counted_day(slot, held) > plan.ends


def starts(plan: Plan, benchmark: Benchmark) -> dt.date | None:
    """The first day a benchmark counts measurements: its own start, else its plan's."""
    return benchmark.start or plan.started


def before_start(plan: Plan, benchmark: Benchmark, held: dt.date, slot: Slot) -> bool:
    """Whether a filled-in measurement counts on a day before its benchmark
    started, which the summary leaves out (lint warns at its line): a count
    from before is of something else, and a mistyped year is one too."""
    first = starts(plan, benchmark)
    return first is not None and records_something(slot) and counted_day(slot, held) < first


def _fits(benchmark: Benchmark, slot: Slot) -> bool:
    """A number for a count, an answer on the scale for a question (lint reports the others)."""
    if isinstance(benchmark, ScaleBenchmark):
        return slot.level in benchmark.scale
    return slot.value is not None


@dataclass
class Logs:
    """What a plan's logs held by the as-of date say; private logs never count."""

    measured: dict[str, list[Measurement]] = field(default_factory=lambda: defaultdict(list))
    skipped: int = 0  # filled in for a benchmark the plan does not have
    after_end: int = 0
    before_start: int = 0  # counted before its benchmark (or its plan) started
    # The logs that say something: a measurement that counts, or something to celebrate.
    speaking: list[tuple[dt.date, Reflection]] = field(default_factory=list)


def gather(corpus: Corpus, plan: Plan, as_of: dt.date) -> Logs:
    found = Logs()
    for held, log in corpus.logs_of(plan.id):
        if log.private or held > as_of:
            continue
        counted = 0
        for slot in log.measurements:
            benchmark = plan.benchmark(slot.benchmark)
            if not records_something(slot):
                continue
            if benchmark is None or benchmark.id is None:
                found.skipped += 1
            elif after_plan_end(plan, held, slot):
                found.after_end += 1
            elif before_start(plan, benchmark, held, slot):
                found.before_start += 1
            elif _fits(benchmark, slot):
                found.measured[benchmark.id].append(
                    Measurement(counted_day(slot, held), slot.value, slot.level, log.id or log.path, held))
                counted += 1
        if counted or log.celebrate:
            found.speaking.append((held, log))
    for benchmark_id, items in found.measured.items():
        items.sort(key=_standing(plan.benchmark(benchmark_id)))
    return found


def _standing(benchmark: Benchmark | None) -> Callable[[Measurement], tuple[dt.date, dt.date, float, str]]:
    """The order measurements count in, so that the last is the one that
    stands: by the day counted, then by the day of the log (a later log may
    correct an earlier one). Two different answers for one day in logs of
    one day are a conflict (lint's measured-twice): the lower stands, never
    the file named later, so a benchmark is not met on a count in doubt."""
    scale = benchmark.scale if isinstance(benchmark, ScaleBenchmark) else ()

    def key(m: Measurement) -> tuple[dt.date, dt.date, float, str]:
        weight = float(scale.index(m.level)) if m.level in scale else m.value or 0.0
        return m.day, m.held, -weight, m.reflection  # the log's id orders only equal answers

    return key


_CADENCE = re.compile(r"^([1-9][0-9]*) (day|week|month)s?$")


def add_cadence(start: dt.date, cadence: str) -> dt.date | None:
    """The date one cadence ('2 weeks', '1 month') after `start`."""
    match = _CADENCE.match(cadence)
    if not match:
        return None
    count, unit = int(match.group(1)), match.group(2)
    try:
        if unit == "day":
            return start + dt.timedelta(days=count)
        if unit == "week":
            return start + dt.timedelta(weeks=count)
        month_index = start.month - 1 + count
        year, month = start.year + month_index // 12, month_index % 12 + 1
        return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    except (OverflowError, ValueError):  # past the last date there is: lint says the cadence is too long
        return None


@frozen
class ReflectionDue:
    """When a plan's group last reflected and when it should next, by its own `reflect_every`."""

    day: dt.date  # the day judged on: the as-of date, never after the plan ends
    # The latest reflection log by then: private ones too where private
    # material may show (a meeting was held), never on a shareable page.
    last: dt.date | None
    since: dt.date  # the last log, else the plan's start
    next: dt.date

    @property
    def overdue(self) -> bool:
        return self.day > self.next


def reflection_due(corpus: Corpus, plan: Plan, as_of: dt.date, *, private_logs: bool = True) -> ReflectionDue | None:
    """None when the plan says no readable cadence or start (lint reports
    those). `private_logs` False: as if the private logs were not there (a
    shareable page says nothing of them, not even when a meeting was held)."""
    if plan.reflect_every is None or plan.started is None:
        return None
    day = plan.judging_day(as_of)
    last = max((held for held, log in corpus.logs_of(plan.id) if held <= day and (private_logs or not log.private)),
               default=None)
    since = last or plan.started
    upcoming = add_cadence(since, plan.reflect_every)
    return ReflectionDue(day, last, since, upcoming) if upcoming else None
