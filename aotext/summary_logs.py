"""What a plan's reflection logs say for its benchmark summary: the
measurements that count, each on the day it was counted, the ones left out
(and why), and the logs that say something at all. An empty slot, an
answer that is not on the scale, or a log held after the as-of date counts
for nothing; `aotext lint` reports the slots that do not fit."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from aotext.corpus import Corpus
from aotext.documents.types.plan import Benchmark, Plan, ScaleBenchmark
from aotext.documents.types.reflection import Measurement as Slot
from aotext.documents.types.reflection import Reflection


@dataclass(frozen=True)
class Measurement:
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
    return plan.ends is not None and records_something(slot) and (slot.counted_on or held) > plan.ends


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
            elif _fits(benchmark, slot):
                found.measured[benchmark.id].append(
                    Measurement(slot.counted_on or held, slot.value, slot.level, log.id or log.path, held))
                counted += 1
        if counted or log.celebrate:
            found.speaking.append((held, log))
    for items in found.measured.values():
        items.sort(key=lambda m: (m.day, m.held, m.reflection))
    return found
