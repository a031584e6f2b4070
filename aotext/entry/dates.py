"""Dates as people type them after a meeting: 2026-12-05, today, tomorrow,
yesterday, in 2 weeks, 3 days ago, saturday, next saturday, last saturday.

A handful of fixed forms, read the same way every time and always shown
resolved before they are used, rather than a general date guesser whose
reading of "next saturday" nobody can predict:
  saturday, this saturday   the first Saturday after today
  next saturday             the Saturday of next week (weeks run Monday to Sunday)
  last saturday             the latest Saturday before today
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from aotext.rules.dates import EARLIEST_YEAR, LATEST_YEAR

WEEKDAYS = [name.lower() for name in calendar.day_name]
_IN = re.compile(r"^in (?P<count>\d+|a|an|one) (?P<unit>day|week|month)s?$")
_AGO = re.compile(r"^(?P<count>\d+|a|an|one) (?P<unit>day|week|month)s? ago$")
_WEEKDAY = re.compile(rf"^(?:(?P<which>this|next|last) )?(?P<day>{'|'.join(WEEKDAYS)})$")
EXAMPLES = "2026-12-05, today, tomorrow, in 2 weeks, saturday or next saturday"


class DateError(ValueError):
    """Text that is not a date in a form aotext reads; the message says which forms are."""


def _count(text: str) -> int:
    return 1 if text in ("a", "an", "one") else int(text)


def _months_later(start: dt.date, months: int) -> dt.date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _shift(today: dt.date, count: int, unit: str) -> dt.date:
    if unit == "month":
        return _months_later(today, count)
    return today + dt.timedelta(days=count * (7 if unit == "week" else 1))


def resolve(text: str, today: dt.date) -> dt.date:
    """The date `text` means, said on `today`; DateError when it is none of
    the forms, or when its year looks mistyped (lint would say so of the
    document written with it)."""
    try:
        day = _resolved(text, today)
    except DateError:
        raise
    except (OverflowError, ValueError):  # "in 99999999 weeks": past the last date there is
        raise DateError(f"'{text.strip()}' is too far from today; write the date itself, like 2026-12-05") from None
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise DateError(f"{day} is in the year {day.year}: is the year mistyped? Write it like 2026-12-05")
    return day


def _resolved(text: str, today: dt.date) -> dt.date:
    said = " ".join(text.strip().lower().split())
    named = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if said in named:
        return today + dt.timedelta(days=named[said])
    if match := _IN.match(said):
        return _shift(today, _count(match["count"]), match["unit"])
    if match := _AGO.match(said):
        return _shift(today, -_count(match["count"]), match["unit"])
    if match := _WEEKDAY.match(said):
        wanted = WEEKDAYS.index(match["day"])
        if match["which"] == "last":
            return today - dt.timedelta(days=(today.weekday() - wanted - 1) % 7 + 1)
        if match["which"] == "next":
            next_monday = today + dt.timedelta(days=7 - today.weekday())
            return next_monday + dt.timedelta(days=wanted)
        return today + dt.timedelta(days=(wanted - today.weekday() - 1) % 7 + 1)
    try:
        return dt.date.fromisoformat(said)
    except ValueError:
        raise DateError(f"'{text.strip()}' is not a date aotext can read; write it like {EXAMPLES}") from None


def shown(day: dt.date, today: dt.date) -> str:
    """'Saturday 2026-12-12 (in 6 days)', how a resolved date is shown back."""
    days = (day - today).days
    when = "today" if days == 0 else "tomorrow" if days == 1 else "yesterday" if days == -1 else (
        f"in {days} days" if days > 0 else f"{-days} days ago")
    return f"{calendar.day_name[day.weekday()]} {day.isoformat()} ({when})"
