"""The people on the dashboard: who is due a follow-up call, and the
organizing chart. A full page names them (by pseudonym); a shareable page
has no people's details to print (the model leaves them out) and shows
only counts, any count under SMALL_COUNT as "fewer than 3". Every text
from the documents is escaped here."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from html import escape
from itertools import groupby

from aotext.dashboard.model import DUE_SOON_DAYS, Dashboard, PeopleCounts, shareable_count
from aotext.followups import NO_OWNER, RECENT_DAYS, ChartRow, FollowUp, OrganizingChart

ASSESSMENT_WORDS = {"leader": "Leaders", "supporter": "Supporters", "undecided": "Undecided", "pass": "Passes"}


def _by_owner(followups: Sequence[FollowUp]) -> Iterator[tuple[str, list[FollowUp]]]:
    for owner, items in groupby(followups, key=lambda item: item.owner):
        yield owner or NO_OWNER, list(items)


def _followup_row(item: FollowUp) -> str:
    how = f" — {escape(item.how)}" if item.how else ""
    cadence = f" ({escape(item.cadence)})" if item.cadence else ""
    late = ' class="late"' if item.days_overdue > 0 else ""
    return (f"<tr><td>{escape(item.pseudonym)}</td><td>{escape(item.assessment or 'not assessed')}</td>"
            f"<td>{escape(item.ask or '—')}</td>"
            f'<td data-sort="{item.due}"{late}>{escape(item.when)}, {item.due}{how}{cadence}</td></tr>\n')


def _followup_tables(followups: Sequence[FollowUp]) -> str:
    """Who to call, by organizer: only on a full page."""
    nobody = "" if followups else f"<p>Nobody is due a follow-up in the next {DUE_SOON_DAYS} days.</p>\n"
    return nobody + "".join(
        f"<h3>{escape(owner)}</h3>\n"
        '<table class="followups">\n'
        '<thead><tr><th scope="col">Who</th><th scope="col">Assessment</th><th scope="col">Asked</th>'
        '<th scope="col">When</th></tr></thead>\n'
        "<tbody>\n" + "".join(_followup_row(item) for item in items) + "</tbody>\n</table>\n"
        for owner, items in _by_owner(followups))


def followups_section(dashboard: Dashboard) -> str:
    """How many calls are overdue or due soon, and, on a full page, whose."""
    people_count = shareable_count if dashboard.shareable else str
    scenarios = dashboard.scenarios
    only = (f'<p class="notice">Only the people met in {escape(", ".join(scenarios))}, the '
            f"{'scenario' if len(scenarios) == 1 else 'scenarios'} of the "
            f"{'plan' if len(dashboard.plans) == 1 else 'plans'} shown; notes that name another scenario, "
            "or none, are left out here.</p>\n") if scenarios else ""
    counts = dashboard.counts
    return ('<section id="follow-ups" aria-labelledby="follow-ups-title">\n'
            '<h2 id="follow-ups-title">Follow-ups</h2>\n' + only
            + '<ul class="counts" aria-label="Follow-ups">\n'
            f'<li class="count overdue"><span class="number">{people_count(counts.overdue)}</span> overdue</li>\n'
            f'<li class="count soon"><span class="number">{people_count(counts.due_soon)}</span> due today or in the '
            f"next {DUE_SOON_DAYS} days</li>\n</ul>\n"
            + (_followup_tables(dashboard.people.followups) if dashboard.people else "")
            + "</section>\n")


def _chart_rows(chart: OrganizingChart) -> list[tuple[str, ChartRow]]:
    return ([("Organizer: ", row) for row in chart.by_owner] + [("Scenario: ", row) for row in chart.by_scenario]
            + [("", dataclasses.replace(chart.total, group="Everyone"))])


def _named_rows(chart: OrganizingChart, counts: PeopleCounts) -> str:
    """Each organizer's, each scenario's and everyone's row, with the pseudonyms not contacted lately."""
    return "".join(
        f'<tr><th scope="row">{kind}{escape(row.group)}</th>'
        + "".join(f"<td>{row.counts[name]}</td>" for name, _ in counts.assessments)
        + f"<td>{row.people}</td><td>{row.contacted_recently}</td>"
          f"<td>{escape(', '.join(row.not_contacted)) or '—'}</td><td>{row.past_cadence}</td></tr>\n"
        for kind, row in _chart_rows(chart))


def _counted_row(counts: PeopleCounts) -> str:
    """Everyone's row as counts only, each as a shareable page prints a count of people."""
    cells = [count for _, count in counts.assessments] + [
        counts.people, counts.contacted_recently, counts.not_contacted, counts.past_cadence]
    return ('<tr><th scope="row">Everyone</th>' + "".join(f"<td>{shareable_count(count)}</td>" for count in cells)
            + "</tr>\n")


def chart_section(dashboard: Dashboard) -> str:
    """Everyone's latest assessment: by organizer and scenario on a full page, counts only on a shareable one."""
    counts = dashboard.counts
    headings = "".join(f'<th scope="col">{ASSESSMENT_WORDS[name]}</th>' for name, _ in counts.assessments)
    return ('<section id="organizing-chart" aria-labelledby="organizing-chart-title">\n'
            '<h2 id="organizing-chart-title">Organizing chart</h2>\n'
            f"<p>Everyone's latest assessment, and who was contacted in the last {RECENT_DAYS} days.</p>\n"
            '<table class="chart-table">\n'
            f'<thead><tr><th scope="col">Group</th>{headings}<th scope="col">People</th>'
            f'<th scope="col">Contacted in the last {RECENT_DAYS} days</th><th scope="col">No contact for longer</th>'
            '<th scope="col">Past their cadence</th></tr></thead>\n'
            "<tbody>\n"
            + (_named_rows(dashboard.people.chart, counts) if dashboard.people else _counted_row(counts))
            + "</tbody>\n</table>\n</section>\n")
