"""Calendar periods of recurring benchmarks ("2 new drivers this month"):
weeks run Monday to Sunday, months, quarters and years as on the calendar."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal, get_args

Every = Literal["week", "month", "quarter", "year"]
PERIODS: tuple[Every, ...] = get_args(Every)


def as_every(value: object) -> Every | None:
    """`value` as a period name, or None when it is not one."""
    return next((period for period in PERIODS if period == value), None)


@dataclass(frozen=True, order=True)
class Period:
    first: dt.date
    last: dt.date
    kind: Every

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def label(self) -> str:
        if self.kind == "week":
            return f"week of {self.first.isoformat()}"
        if self.kind == "month":
            return f"{calendar.month_name[self.first.month]} {self.first.year}"
        if self.kind == "quarter":
            return f"{self.first.year}-Q{(self.first.month - 1) // 3 + 1}"
        return str(self.first.year)

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
