"""What the dashboard shows, as of a day: pure functions of the documents.

A full dashboard is private material, as `aotext followups` output is: it
names the people a group organizes (pseudonyms), what they were asked and
when to call them. A shareable dashboard is meant to be published with
build/: it holds the plans (public documents) and, of people, only counts,
with any count under SMALL_COUNT shown as "fewer than 3" so that nobody can
be picked out. It is built without the people's details at all, so no
slip in writing the page can print them; nor does it hold what reflection
logs say in their own words (they may name people), only how many things
they celebrate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape

from aotext import collector
from aotext.corpus import Corpus
from aotext.documents.records import frozen
from aotext.documents.types.conversation import ASSESSMENTS, Assessment
from aotext.documents.types.plan import Plan
from aotext.followups import READ_TYPES as FOLLOWUPS_READ
from aotext.followups import Cadence, FollowUp, OrganizingChart, due_followups, organizing_chart
from aotext.project import Language
from aotext.summary_logs import ReflectionDue, reflection_due
from aotext.summary_model import STATUSES, BenchmarkSummary, PlanSummary, Status, Thresholds
from aotext.summary_notes import Celebration
from aotext.summary_plans import READ_TYPES as SUMMARY_READS
from aotext.summary_plans import summarize

DEFAULT_THRESHOLDS = Thresholds()
# A shareable page never shows a count of people under this: "fewer than 3".
SMALL_COUNT = 3
# The page's generator mark: build/index.html links a page with the shareable one, never another.
GENERATOR = "aotext dashboard"
SHAREABLE_GENERATOR = f"{GENERATOR} (shareable)"
# Where a shareable page records the plans it was made for (--plan), so that a build makes it again with the same;
# EVERY_PLAN when it was made without --plan. A page that records none is left as it is (refresh.py).
PLANS_META = "aotext-plans"
EVERY_PLAN = "*"
# Follow-ups due within this many days are listed as "due soon", as `aotext followups` does by default.
DUE_SOON_DAYS = 7
# The documents the page reads: the summary's, and the notes of conversations
# (who to call, the organizing chart). One of another type with errors leaves nothing out of it.
READ_TYPES = SUMMARY_READS | FOLLOWUPS_READ


@frozen
class PlanPanel:
    """One plan: its benchmark summary, how many are in each status, and its reflections."""

    summary: PlanSummary
    counts: tuple[tuple[Status, int], ...]
    reflect_every: str | None
    reflection: ReflectionDue | None
    # What its latest reflection celebrates; empty on a shareable page, which counts them instead.
    celebrate: tuple[Celebration, ...]
    celebrations: int

    @property
    def misses(self) -> tuple[BenchmarkSummary, ...]:
        """Behind or overdue: the benchmarks whose plan for a miss the page quotes."""
        return tuple(b for b in self.summary.benchmarks if b.status in ("behind", "overdue"))


@frozen
class PeopleCounts:
    """How many people, and how many calls: all a shareable page says of people."""

    overdue: int
    due_soon: int  # due today or within DUE_SOON_DAYS
    assessments: tuple[tuple[Assessment, int], ...]
    people: int
    contacted_recently: int
    not_contacted: int
    past_cadence: int


@frozen
class PeopleDetail:
    """The private part: who is due a call and the organizing chart, by pseudonym."""

    followups: tuple[FollowUp, ...]
    chart: OrganizingChart


@frozen
class Dashboard:
    """What the dashboard page shows, as of a day: each plan, the people and the counts."""

    as_of: dt.date
    collective: str
    shareable: bool
    lang: Language  # the project's: every word the page adds is in it
    plans: tuple[PlanPanel, ...]
    counts: PeopleCounts
    people: PeopleDetail | None  # None on a shareable page
    skipped_measurements: int
    after_end_measurements: int
    # With --plan: the people shown are those met in these scenarios only, and the page says so.
    scenarios: tuple[str, ...] = ()
    plan_ids: tuple[str, ...] = ()  # those named with --plan: what a shareable page records it was made for


def _panel(corpus: Corpus, summary: PlanSummary, plan: Plan, as_of: dt.date, shareable: bool) -> PlanPanel:
    statuses = [benchmark.status for benchmark in summary.benchmarks]
    counts = tuple((status, statuses.count(status)) for status in STATUSES)
    return PlanPanel(summary, counts, plan.reflect_every, reflection_due(corpus, plan, as_of, private_logs=not shareable),
                     () if shareable else summary.celebrate,
                     len(summary.celebrate))


def _counts(followups: list[FollowUp], chart: OrganizingChart) -> PeopleCounts:
    total = chart.total
    return PeopleCounts(
        overdue=sum(1 for item in followups if item.days_overdue > 0),
        due_soon=sum(1 for item in followups if item.days_overdue <= 0),
        assessments=tuple((name, total.counts.get(name, 0)) for name in ASSESSMENTS),
        people=total.people, contacted_recently=total.contacted_recently, not_contacted=len(total.not_contacted),
        past_cadence=total.past_cadence,
    )


def build_dashboard(corpus: Corpus, as_of: dt.date, collective: str, *, shareable: bool = False, lang: Language = "en",
                    plan_ids: tuple[str, ...] = (), thresholds: Thresholds = DEFAULT_THRESHOLDS,
                    cadence: Cadence | None = None) -> Dashboard:
    """The dashboard of every plan that is not private (or of those named,
    with the people of their scenarios only), as the documents say: how many
    of them have errors is for the caller to add."""
    # The summary and the follow-ups live as long as the command, and hold no
    # reference cycles: the collector would only walk them again and again (a
    # tenth of this function's time at 500 plans), as it would the documents.
    with collector.paused(keep_off=True):
        summary = summarize(corpus, as_of, thresholds, plan_ids)
        plans = {plan.id or plan.path: plan for plan in corpus.all(Plan)}
        panels = tuple(_panel(corpus, item, plans[item.id], as_of, shareable) for item in summary.plans)
        scenarios = (frozenset(plan.scenario or "" for plan in plans.values() if plan.id in plan_ids) if plan_ids
                     else None)
        followups = due_followups(corpus, as_of, DUE_SOON_DAYS, scenarios=scenarios, cadence=cadence)
        chart = organizing_chart(corpus, as_of, scenarios, cadence)
    return Dashboard(
        as_of=as_of, collective=collective, shareable=shareable, lang=lang, plans=panels, counts=_counts(followups, chart),
        people=None if shareable else PeopleDetail(tuple(followups), chart),
        skipped_measurements=summary.skipped_measurements, after_end_measurements=summary.after_end_measurements,
        scenarios=tuple(sorted(scenarios or ())), plan_ids=plan_ids,
    )


def fewer_than_shown(words: Mapping[str, str]) -> str:
    """What a shareable page prints for a count of people under SMALL_COUNT: 'fewer than 3'."""
    return words["fewer than"].format(count=SMALL_COUNT)


def shareable_count(count: int, words: Mapping[str, str]) -> str:
    """A count of people as a shareable page prints it, in the page's words."""
    return fewer_than_shown(words) if count < SMALL_COUNT else str(count)


def shareable_parts(counts: Sequence[int], words: Mapping[str, str]) -> tuple[list[str], bool]:
    """Counts of people that add up to a total the page shows (everyone's
    assessments, contacted or not), as a shareable page prints them. The
    total less the others tells the sum of those under SMALL_COUNT: when that
    sum can be made only one way (one such count; or each of them as high as
    it goes, 2 and 2 of 4), the smallest of the others is not shown either,
    or, when there is none, the total (the second value: True)."""
    shown = [shareable_count(count, words) for count in counts]
    small = [index for index, count in enumerate(counts) if count < SMALL_COUNT]
    told = len(small) == 1 or sum(counts[index] for index in small) == (SMALL_COUNT - 1) * len(small)
    others = [index for index in range(len(counts)) if index not in small]
    if small and told and others:
        shown[min(others, key=lambda index: counts[index])] = words["not shown"]
    return shown, bool(small and told and not others)


def cell(column: str, html: str, attributes: str = "") -> str:
    """A table's cell that carries its column's name, which a phone shows above it when the table stacks (page.css)."""
    return f'<td data-label="{escape(column)}"{attributes}>{html}</td>'
