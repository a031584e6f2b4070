"""What a summary says: each benchmark judged as of a date, each plan's
benchmarks and what to celebrate, and every plan's (aotext.summary judges a
benchmark, aotext.summary_plans a plan and every plan; the reports, the
dashboard and the handouts show them)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from aotext.documents.records import frozen
from aotext.documents.types.plan import Combine
from aotext.periods import Every, Period, PeriodResult
from aotext.summary_logs import Measurement
from aotext.summary_notes import CannotJudge, Celebration, Missed, Move, Need, Record, TooLong

Status = Literal["met", "on track", "behind", "overdue", "no data", "not started"]
STATUSES: tuple[Status, ...] = get_args(Status)
Trend = Literal["up", "down", "flat"]


@frozen
class Thresholds:
    """How close to the pace expected by now a benchmark must be to be on track: this share of it."""

    on_track_ratio: float = 0.8


@frozen
class BenchmarkSummary:
    """One benchmark as of a day: its target, where it stands, its status and the measurements behind it."""

    id: str
    title: str
    kind: Literal["numeric", "qualitative"]
    target: float | str | None
    unit: str | None
    current: float | str | None
    progress: float | None
    expected: float | str | None
    status: Status
    trend: Trend | None
    last_measured: dt.date | None
    measured_by: str | None
    if_missed: str | None
    # What the notes say (aotext.summary_notes writes them in words).
    needed: Need | Move | None = None
    combine: Combine | None = None  # numeric: how values combine
    scale: tuple[str, ...] = ()  # qualitative: the answers, lowest first
    every: Every | None = None
    period: Period | None = None  # recurring: the period it is in now
    record: Record | None = None
    history: tuple[PeriodResult, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    missed: Missed | None = None  # when overdue: what was not reached by when
    after_due: int = 0  # measurements counted after its due date, which do not judge it (the notes say so)
    cannot_judge: CannotJudge | TooLong | None = None  # when the plan does not say what would meet it

    def shown_value(self, value: float | None) -> float | str | None:
        """A period's value or target as it is said: a number, or, for a
        question on a scale (whose periods keep the answer's place), the answer."""
        if self.kind == "qualitative" and value is not None and 0 <= value < len(self.scale):
            return self.scale[int(value)]
        return value

    @property
    def expected_share(self) -> float | None:
        """Where the expected-by-now pace sits against the target (1.0 = the
        target, of the current period for a recurring benchmark, as progress
        is measured; at most 1.5)."""
        goal = self.history[-1].target if self.history else self.target
        if isinstance(self.expected, float) and isinstance(goal, float) and goal:
            return min(self.expected / goal, 1.5)
        scale = list(self.scale)
        if isinstance(self.expected, str) and self.expected in scale and isinstance(self.target, str) \
                and self.target in scale:
            goal = scale.index(self.target)
            return scale.index(self.expected) / goal if goal else None
        return None


@frozen
class PlanSummary:
    """One plan as of a day: each benchmark's summary, what to celebrate, and the measurements left out."""

    id: str
    title: str
    as_of: dt.date
    benchmarks: tuple[BenchmarkSummary, ...]
    celebrate: tuple[Celebration, ...]
    skipped_measurements: int
    after_end_measurements: int = 0
    ends: dt.date | None = None
    before_start_measurements: int = 0
    ended: bool = False  # the as-of date is after the plan's last day


@frozen
class Summary:
    """Every plan summarized as of a day: what `aotext summary` writes."""

    as_of: dt.date
    plans: tuple[PlanSummary, ...]
    skipped_measurements: int = 0
    after_end_measurements: int = 0
    before_start_measurements: int = 0
    # Documents with lint errors, which may hold what the summary misses: the report says so at its top.
    unread_documents: int = 0
