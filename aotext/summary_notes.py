"""What the summary says of a benchmark besides its numbers: what it still
needs and by when, how it did in its last periods, why it was missed or
cannot be judged, the names of its periods, and what to celebrate.

The summary keeps these as facts; each output writes them as sentences in
the words of its language (aotext/handouts/labels.py). `aotext summary`
(terminal, Markdown, CSV and JSON, which programs read) writes English; the
benchmark report handout and the dashboard write the project's `lang:`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Literal

from aotext.documents.records import frozen
from aotext.documents.types.plan import Benchmark, ScaleBenchmark
from aotext.handouts.labels import ENGLISH
from aotext.periods import Every, Period
from aotext.words import number, percent


@frozen
class Need:
    """What a counted benchmark still needs by its deadline (or the end of its period)."""

    remaining: float
    deadline: dt.date
    days_left: int  # 0 on the deadline itself

    @property
    def per_week(self) -> float:
        return round(self.remaining / (max(self.days_left, 1) / 7), 1)


@frozen
class Move:
    """The step up its scale a benchmark answered on a scale still has to take by its due date."""

    current: str  # the latest answer, or the scale's lowest when nothing is answered yet
    goal: str
    due: dt.date


@frozen
class Record:
    """How a recurring benchmark did in its last periods that are over."""

    met: int
    periods: int
    every: Every


@frozen
class Missed:
    """An overdue benchmark: its target (of its last period, for a recurring one) not reached by its last day."""

    last: dt.date
    period: Period | None
    due: bool  # its last day is its own due date
    ends: bool  # its last day is the plan's last day (both can be true)


# What a plan leaves out or gets wrong, so that a benchmark's target cannot be read (lint reports it).
Unreadable = Literal["no target", "target not a number", "no scale", "no target_level", "target_level off the scale"]


@frozen
class CannotJudge:
    """Why a benchmark's target cannot be read, so that it is shown but never judged."""

    why: Unreadable
    scale: tuple[str, ...] = ()  # for a target_level off the scale: the answers it may be

    @classmethod
    def of(cls, benchmark: Benchmark) -> CannotJudge:
        """Why this benchmark's target cannot be read."""
        if isinstance(benchmark, ScaleBenchmark):
            if len(benchmark.scale) < 2:
                return cls("no scale")
            if "target_level" in benchmark.absent:
                return cls("no target_level")
            return cls("target_level off the scale", benchmark.scale)
        return cls("no target" if "target" in benchmark.absent else "target not a number")


@frozen
class TooLong:
    """Dates a benchmark would run between for decades: a mistyped year, so it is not judged."""

    start: dt.date
    end: dt.date


@frozen
class Celebration:
    """Something the latest reflection has to celebrate."""

    what: str  # the title of a benchmark the latest reflection met, or what a log celebrates in its own words
    held: dt.date | None = None  # the day of the log that celebrates it; None for a benchmark met


def month_name(month: int, words: Mapping[str, str] = ENGLISH) -> str:
    """A month's name from the labels, never from the machine's locale."""
    return words[f"month:{month}"]


def period_name(period: Period, words: Mapping[str, str] = ENGLISH) -> str:
    """'November 2026', 'week of 2026-11-23', '2026-Q4', '2026'."""
    first = period.first
    return words[f"period:{period.kind}"].format(date=first, month=month_name(first.month, words), year=first.year,
                                                 quarter=(first.month - 1) // 3 + 1)


def short_date(day: dt.date, words: Mapping[str, str] = ENGLISH) -> str:
    """'01 Sep 2026', as the charts print a day. English and Spanish both
    shorten a month's name to its first three letters."""
    return f"{day.day:02d} {month_name(day.month, words)[:3]} {day.year}"


def progress_words(progress: float | None, words: Mapping[str, str] = ENGLISH) -> str:
    """A benchmark's progress in words: '150% of the target', or that nothing is measured yet."""
    return words["of the target"].format(progress=percent(progress)) if progress is not None \
        else words["nothing measured"]


def need_text(need: Need | Move, words: Mapping[str, str] = ENGLISH) -> str:
    if isinstance(need, Move):
        return words["move to level"].format(current=need.current, goal=need.goal, date=need.due)
    if need.days_left == 0:
        return words["need today"].format(remaining=number(need.remaining))
    if need.days_left == 1:
        return words["need on the last day"].format(remaining=number(need.remaining))
    if need.days_left < 14:  # with under two weeks to go, the days left say more than a rate a week
        return words["need in days"].format(remaining=number(need.remaining), days=need.days_left)
    return words["need by date"].format(remaining=number(need.remaining), date=need.deadline,
                                        rate=number(need.per_week))


def record_text(record: Record, words: Mapping[str, str] = ENGLISH) -> str:
    if record.periods == 1:
        return words["met last" if record.met else "missed last"].format(period=words[f"last period:{record.every}"])
    return words["record"].format(met=record.met, periods=words[f"last periods:{record.every}"].format(
        count=record.periods))


def missed_text(missed: Missed, words: Mapping[str, str] = ENGLISH) -> str:
    reasons = [words[key] for key, applies in (("why:due", missed.due), ("why:ends", missed.ends)) if applies]
    why = f" {words['and']} ".join(reasons)
    if missed.period:
        return words["missed period"].format(period=period_name(missed.period, words), date=missed.last, why=why)
    return words["missed"].format(date=missed.last, why=why)


def cannot_judge_text(reason: CannotJudge | TooLong, words: Mapping[str, str] = ENGLISH) -> str:
    if isinstance(reason, TooLong):
        return words["too long"].format(start=reason.start, end=reason.end)
    why = words[f"unreadable:{reason.why}"].format(scale=", ".join(reason.scale))
    return words["cannot judge"].format(why=why)


def celebration_text(celebration: Celebration, words: Mapping[str, str] = ENGLISH) -> str:
    if celebration.held is None:
        return words["benchmark met"].format(title=celebration.what)
    return f"{celebration.what} ({celebration.held})"
