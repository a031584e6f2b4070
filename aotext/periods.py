"""Calendar periods of recurring benchmarks ("2 new drivers this month"):
weeks run Monday to Sunday, months, quarters and years as on the calendar.
A benchmark that starts or stops inside a period is judged on a span of it."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, get_args

from aotext.documents.records import frozen

Every = Literal["week", "month", "quarter", "year"]
PERIODS: tuple[Every, ...] = get_args(Every)


def as_every(value: object) -> Every | None:
    """`value` as a period name, or None when it is not one."""
    return next((period for period in PERIODS if period == value), None)


@dataclass(frozen=True, order=True)
class Period:
    """One period of a recurring benchmark, first and last day included."""

    first: dt.date
    last: dt.date
    kind: Every

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period_of(day: dt.date, kind: Every) -> Period:
    """The period of `kind` that contains `day`."""
    if kind == "week":
        first = day - dt.timedelta(days=day.weekday())
        return Period(first, first + dt.timedelta(days=6), kind)
    if kind == "month":
        return Period(day.replace(day=1), _month_end(day.year, day.month), kind)
    if kind == "quarter":
        month = (day.month - 1) // 3 * 3 + 1
        return Period(dt.date(day.year, month, 1), _month_end(day.year, month + 2), kind)
    if kind == "year":
        return Period(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), kind)
    raise ValueError(f"unknown period {kind!r}")


def periods_between(first_day: dt.date, last_day: dt.date, kind: Every) -> list[Period]:
    """Every period from the one holding `first_day` to the one holding `last_day`."""
    periods: list[Period] = []
    current = period_of(first_day, kind)
    while current.first <= last_day:
        periods.append(current)
        current = period_of(current.last + dt.timedelta(days=1), kind)
    return periods


@frozen
class Span:
    """The part of a calendar period a recurring benchmark is judged on: the
    whole period, or less when the benchmark starts or stops inside it."""

    period: Period
    first: dt.date
    last: dt.date

    @property
    def share(self) -> float:
        """How much of the period it covers, from 0 to 1, counting whole days."""
        return ((self.last - self.first).days + 1) / self.period.days

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    def asks(self, target: float, adds_up: bool) -> float:
        """The target of this span. Counts add up day by day, so a span of part
        of a period asks for its share (a whole number stays whole, rounded up;
        rounded to 6 places first so that 3 x 10/30 asks for 1, not 2); a level
        such as turnout is not cut."""
        share = target * self.share if adds_up else target
        return float(math.ceil(round(share, 6))) if target.is_integer() else round(share, 2)


@frozen
class PeriodResult:
    """How a recurring benchmark did in one span of a period (its name: aotext.summary_notes.period_name)."""

    period: Period
    first: dt.date
    last: dt.date
    value: float | None
    met: bool
    target: float  # less than the benchmark's own for a span of part of a period


@lru_cache(maxsize=4096)
def spans_between(first_day: dt.date, through: dt.date, kind: Every, last_day: dt.date | None = None) -> tuple[Span, ...]:
    """Every period from the one holding `first_day` to the one holding
    `through`, each cut to start no earlier than `first_day` and end no
    later than `last_day`. Worked out once for the many benchmarks that share
    their dates (a dashboard of 500 plans judges thousands)."""
    return tuple(Span(period, max(period.first, first_day), min(period.last, last_day or period.last))
                 for period in periods_between(first_day, through, kind))
