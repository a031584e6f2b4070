"""Rules for one benchmark measured more than once for the same day, where
the summary would otherwise pick or add without a word: two answers where
only one can stand (an error: the summary cannot be right), and one count
that adds up entered twice in a log with nothing to tell them apart (a
warning: it may be two counts), and two logs of one plan dated the same day
that measure the same benchmarks (a copy of a log?: a warning)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.documents.types.plan import Benchmark, NumericBenchmark, Plan, ScaleBenchmark
from aotext.documents.types.reflection import Measurement, Reflection, counted_day
from aotext.model import WARNING
from aotext.rules.base import Finding, rule
from aotext.summary_logs import records_something


def _repeating(corpus: Corpus) -> list[Reflection]:
    """The logs that name a benchmark more than once: the only ones where
    one log can measure a benchmark twice (few: most name each benchmark once)."""
    def find() -> list[Reflection]:
        found = []
        for log in corpus.all(Reflection):
            if log.private:
                continue  # never counted: what it measures twice misleads nothing
            named = [slot.benchmark for slot in log.measurements]
            if len(set(named)) < len(named):
                found.append(log)
        return found
    return corpus.memo("logs-naming-a-benchmark-twice", find)


def _one_answer(benchmark: Benchmark) -> bool:
    """Whether only one measurement a day can stand: a question on a scale, or a count that takes the latest."""
    return not (isinstance(benchmark, NumericBenchmark) and benchmark.adds_up)


def _answer(slot: Measurement) -> str:
    if slot.level is not None:
        return f"'{slot.level}'"
    return f"{slot.value:g}" if slot.value is not None else "nothing"


def _line(log: Reflection, slot: Measurement) -> int:
    return log.source.position(("measurements", slot.index))[0]


def _again(corpus: Corpus, adding_up: bool) -> Iterator[tuple[Reflection, Benchmark, Measurement, Measurement]]:
    """(log, benchmark, first, again) for each measurement of a benchmark that
    its log has measured already for the same day: among the counts that add
    up (`adding_up`), or among the answers of which only one can stand."""
    for reflection in _repeating(corpus):
        plan = corpus.find_view(reflection.plan, Plan)
        if plan is None:
            continue
        first: dict[tuple[str, dt.date | None], Measurement] = {}
        for slot in reflection.measurements:
            benchmark = plan.benchmark(slot.benchmark)
            if benchmark is None or benchmark.id is None or _one_answer(benchmark) == adding_up \
                    or not (slot.value is not None if adding_up else records_something(slot)):
                continue
            earlier = first.setdefault((benchmark.id, counted_day(slot, reflection.date)), slot)
            if earlier is not slot:
                yield reflection, benchmark, earlier, slot


@rule("measured-twice", "a benchmark measured twice for the same day where only one answer can stand "
      "(a question on a scale, or a count that takes the latest), in one log or in two")
def measured_twice(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    # Two counts that add up (sign-ups at two yards) are counted-twice's.
    for reflection, benchmark, earlier, measurement in _again(corpus, adding_up=False):
        what = "answer" if isinstance(benchmark, ScaleBenchmark) else "count"
        yield reflection.source, ("measurements", measurement.index, "benchmark"), (
            f"benchmark '{benchmark.id}' is already measured at item #{earlier.index + 1} of this log "
            f"(line {_line(reflection, earlier)}), for the same day, and only one {what} can stand: keep "
            "one, or give each its own 'counted_on:' date"
        )
    for plan in corpus.all(Plan):
        yield from _disagreeing_logs(corpus, plan)


def _disagreeing_logs(corpus: Corpus, plan: Plan) -> Iterator[Finding]:
    """Logs that give one benchmark different answers for the same day. It is
    reported at the benchmark in the plan, not at a log: a plan is checked
    again whenever any of its logs changes (lint's cache, the editor), and a
    log is not when another log does, so a finding there could outlive its fix."""
    logs = corpus.logs_of(plan.id)
    days = {held for held, _ in logs}
    if len(days) == len(logs) and not any(slot.counted_on for _, log in logs for slot in log.measurements):
        return  # each log counts on its own day: no two can disagree (most plans)
    said: dict[tuple[str, dt.date], list[tuple[Reflection, Measurement]]] = defaultdict(list)
    for held, log in logs:
        if log.private:
            continue  # never counted
        for slot in log.measurements:
            benchmark = plan.benchmark(slot.benchmark)
            if benchmark is not None and benchmark.id is not None and records_something(slot) \
                    and _one_answer(benchmark):
                said[benchmark.id, counted_day(slot, held)].append((log, slot))
    for (benchmark_id, day), entries in said.items():
        if len({log.path for log, _ in entries}) < 2 or len({_answer(slot) for _, slot in entries}) < 2:
            continue  # in one log, the loop above reports it; the same answer twice is no conflict
        benchmark = plan.benchmark(benchmark_id)
        assert benchmark is not None  # found by this id above
        what = "answers" if isinstance(benchmark, ScaleBenchmark) else "counts"
        where = "; ".join(f"{_answer(slot)} in {log.path} line {_line(log, slot)}" for log, slot in entries)
        yield plan.source, ("benchmarks", benchmark.index), (
            f"benchmark '{benchmark_id}' is given different {what} for {day} by different logs, and only one can "
            f"stand: {where}. Keep the right one, or give each the 'counted_on:' date it was counted on. Until "
            "then the summary takes the one in the log dated last, and of logs of the same date the lowest"
        )


@rule("counted-twice", "a count that adds up (combine: sum) entered twice in one log for the same day, with no "
      "notes that tell the two apart, which the summary adds together", severity=WARNING)
def counted_twice(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for reflection, benchmark, earlier, slot in _again(corpus, adding_up=True):
        # Two counts that each say what they counted (sign-ups at two yards) are two on purpose.
        if not _told_apart(earlier, slot):
            yield reflection.source, ("measurements", slot.index, "benchmark"), (
                f"benchmark '{benchmark.id}' is already counted at item #{earlier.index + 1} of this log "
                f"(line {_line(reflection, earlier)}), for the same day, and the summary adds both "
                f"({_answer(earlier)} and {_answer(slot)}). If they are one count, keep one; if they are two, "
                "say in each one's 'note:' what it counted (sign-ups at the north yard, at the south yard)"
            )


def _told_apart(first: Measurement, second: Measurement) -> bool:
    """Two measurements that each say what they counted, differently (sign-ups
    at two yards): two on purpose, as counted-twice takes them."""
    return bool(first.note and second.note and first.note != second.note)


def _doubled(plan: Plan, log: Reflection, other: Reflection) -> list[tuple[Benchmark, Measurement, Measurement]]:
    """(benchmark, in `other`, in `log`) for each benchmark both logs measure
    for the same day and the summary takes from both: a count that adds up,
    which it adds, or the same answer, which makes a trend of two points
    (different answers are measured-twice's error)."""
    theirs: dict[tuple[str, dt.date | None], list[Measurement]] = defaultdict(list)
    for slot in other.measurements:
        if slot.benchmark and records_something(slot):
            theirs[slot.benchmark, counted_day(slot, other.date)].append(slot)
    found: dict[str, tuple[Benchmark, Measurement, Measurement]] = {}
    for slot in log.measurements:
        benchmark = plan.benchmark(slot.benchmark)
        if benchmark is None or benchmark.id is None or benchmark.id in found or not records_something(slot):
            continue
        for earlier in theirs.get((benchmark.id, counted_day(slot, log.date)), ()):
            counted = slot.value is not None if not _one_answer(benchmark) else _answer(slot) == _answer(earlier)
            if counted and not _told_apart(earlier, slot):
                found[benchmark.id] = (benchmark, earlier, slot)
                break
    return list(found.values())


@rule("same-day-logs", "two logs of one plan dated the same day that measure the same benchmarks, with no notes "
      "that tell them apart, which the summary counts both of (a copy of a log?)", severity=WARNING)
def same_day_logs(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    # Reported at the later log by path; aotext.dependents groups a plan's
    # logs of one day, so a fix in either re-checks the other.
    for log in corpus.all(Reflection):
        if log.private or log.date is None or not log.plan:
            continue
        same_day = [other for held, other in corpus.logs_of(log.plan)
                    if held == log.date and other.path < log.path and not other.private]
        plan = corpus.find_view(log.plan, Plan) if same_day else None
        if plan is None:
            continue
        doubled = [(other, found) for other in same_day if (found := _doubled(plan, log, other))]
        if not doubled:
            continue
        others = " and ".join(other.path for other, _ in doubled)
        also = "is also a log" if len(doubled) == 1 else "are also logs"
        measured = sorted({benchmark.id or "" for _, found in doubled for benchmark, _, _ in found})
        added = sorted({f"'{benchmark.id}' ({_answer(earlier)} and {_answer(slot)})" for _, found in doubled
                        for benchmark, earlier, slot in found if not _one_answer(benchmark)})
        effect = f"a count that adds up is doubled: {', '.join(added)}" if added else \
            "each answer counts twice, so a trend compares an answer with itself"
        yield log.source, ("date",), (
            f"{others} {also} of plan '{log.plan}' dated {log.date}, and measure "
            f"{', '.join(repr(found) for found in measured)} like this log for that day: the summary counts every log, so {effect}. "
            "If they are logs of one meeting (a copy?), keep one; if they were two meetings, give each of these "
            "measurements a 'note:' saying what it counted (sign-ups at the north yard, at the south yard)"
        )
