"""A date with a mistyped year (`0025-12-23` for `2025-12-23`) is a real
calendar date, so the schema lets it through; these rules catch it before the
summary counts every week since the year 25."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.documents.types.base import View
from aotext.documents.types.conversation import Conversation
from aotext.documents.types.plan import Plan
from aotext.documents.types.reflection import Reflection
from aotext.model import KeyPath
from aotext.rules.base import Finding, rule

EARLIEST_YEAR, LATEST_YEAR = 1900, 2200
# A campaign's dates lie within a few years of its start; further is a slip.
FURTHEST_FROM_START_YEARS = 10


def _dates(view: View) -> Iterator[tuple[KeyPath, dt.date]]:
    """(key path, date) of every date a document gives."""
    match view:
        case Plan():
            for key, day in (("started", view.started), ("ends", view.ends)):
                if day:
                    yield (key,), day
            for benchmark in view.benchmarks:
                for key, day in (("start", benchmark.start), ("due", benchmark.due)):
                    if day:
                        yield ("benchmarks", benchmark.index, key), day
        case Reflection():
            if view.date:
                yield ("date",), view.date
            for measurement in view.measurements:
                if measurement.counted_on:
                    yield ("measurements", measurement.index, "counted_on"), measurement.counted_on
        case Conversation():
            if view.date:
                yield ("date",), view.date
            if view.follow_up and view.follow_up.date:
                yield ("follow_up", "date"), view.follow_up.date


def _anchor(corpus: Corpus, view: View) -> dt.date | None:
    """The date a document's dates should lie near: its plan's start."""
    if isinstance(view, Plan):
        return view.started
    plan = corpus.find_view(getattr(view, "plan", None), Plan)
    return plan.started if plan else None


def _accepted_years(anchor: dt.date | None) -> tuple[int, int]:
    """The first and the last year a date may lie in: from 1900 to 2200, and
    near its plan's start (`anchor`) when it has one."""
    if anchor is None:
        return EARLIEST_YEAR, LATEST_YEAR
    return (max(EARLIEST_YEAR, anchor.year - FURTHEST_FROM_START_YEARS),
            min(LATEST_YEAR, anchor.year + FURTHEST_FROM_START_YEARS))


def _plausible(log: Reflection, anchor: dt.date | None) -> bool:
    """Whether a log's dates (its own and its measurements' 'counted_on:') all
    lie in the years accepted, found from the first and the last of them alone."""
    days: list[dt.date] = [day for day in (log.date, *(log.counted_days or ())) if day]
    lowest, highest = _accepted_years(anchor)
    return not days or (lowest <= min(days).year and max(days).year <= highest)


@rule("implausible-date", "a date whose year looks mistyped: before 1900, after 2200, or years away from its plan")
def implausible_date(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for view in [*corpus.all(Plan), *corpus.all(Reflection), *corpus.all(Conversation)]:
        anchor = _anchor(corpus, view)
        if isinstance(view, Reflection) and _plausible(view, anchor):
            continue  # most logs: every date within a few years of the plan's start
        lowest, highest = _accepted_years(anchor)
        for key_path, day in _dates(view):
            if lowest <= day.year <= highest:
                continue
            if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
                yield view.source, key_path, (
                    f"{day} is in the year {day.year}: is the year mistyped? Write it as YYYY-MM-DD, e.g. "
                    f"{as_of.year}-{day.month:02d}-{day.day:02d}")
            else:  # within those years, but not near its plan's start
                yield view.source, key_path, (
                    f"{day} is more than {FURTHEST_FROM_START_YEARS} years from the plan's start ({anchor}): "
                    "is the year mistyped?")
