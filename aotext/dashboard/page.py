"""The dashboard as one self-contained web page: styles, charts and script
inside, and a security policy that forbids every request, so it opens from
disk, from an email or from any static host. The same dashboard always gives
the same bytes (nothing reads the clock; the as-of date is in the model).

Written with Jinja (autoescaping on: every text from the documents is
escaped), not pandoc, so `aotext dashboard` needs only the core install."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

from aotext.dashboard.cards import benchmark_card
from aotext.dashboard.model import (
    DUE_SOON_DAYS,
    GENERATOR,
    SHAREABLE_GENERATOR,
    SMALL_COUNT,
    Dashboard,
    shareable_count,
)
from aotext.followups import NO_OWNER, RECENT_DAYS, ChartRow, FollowUp, OrganizingChart
from aotext.handouts.render import PAGE_CSS
from aotext.summary_report import left_out
from aotext.words import anchor, plural

HERE = Path(__file__).resolve().parent
STATUS_WORDS = {"met": "met", "on track": "on track", "behind": "behind", "overdue": "overdue",
                "no data": "without data", "not started": "not started yet"}
# The at-a-glance columns: every status but "not started", which the plan's own section shows.
GLANCE_STATUSES = ("met", "on track", "behind", "overdue", "no data")
ASSESSMENT_WORDS = {"leader": "Leaders", "supporter": "Supporters", "undecided": "Undecided", "pass": "Passes"}


def _ago(days: int) -> str:
    if days == 0:
        return "today"
    return f"{plural(days, 'day')} ago" if days > 0 else f"in {plural(-days, 'day')}"


def _by_owner(followups: Iterable[FollowUp]) -> Iterator[tuple[str, list[FollowUp]]]:
    for owner, items in groupby(followups, key=lambda item: item.owner):
        yield owner or NO_OWNER, list(items)


def _chart_rows(chart: OrganizingChart) -> list[tuple[str, ChartRow]]:
    return ([("Organizer: ", row) for row in chart.by_owner] + [("Scenario: ", row) for row in chart.by_scenario]
            + [("", dataclasses.replace(chart.total, group="Everyone"))])


def _environment(shareable: bool) -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    environment = Environment(loader=FileSystemLoader(HERE), autoescape=True, undefined=StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters.update(
        anchor=lambda identifier, kind: anchor(kind, identifier), css=lambda status: status.replace(" ", "-"), ago=_ago,
        plural=plural, left_out=left_out,
        card=lambda b, plan_anchor, day: _markup(benchmark_card(b, plan_anchor, day)),
        groupby_owner=_by_owner, chart_rows=_chart_rows,
        people_count=shareable_count if shareable else str,
    )
    return environment


def _markup(html: str) -> Any:
    """HTML that aotext wrote, escaping every text it holds (cards.py, benchmark_svg.py): safe to insert as is."""
    from markupsafe import Markup

    return Markup(html)


def render_dashboard(dashboard: Dashboard) -> str:
    """The page's HTML."""
    from markupsafe import Markup

    script = (HERE / "page.js").read_text(encoding="utf-8")
    # The policy lets in this one script and nothing else: its hash, not 'unsafe-inline'.
    script_hash = "sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    title = f"{'Shareable dashboard' if dashboard.shareable else 'Dashboard'} as of {dashboard.as_of}"
    template = _environment(dashboard.shareable).get_template("page.html.j2")
    return str(template.render(
        d=dashboard, title=title, generator=SHAREABLE_GENERATOR if dashboard.shareable else GENERATOR, script=Markup(script), script_hash=script_hash,
        page_css=Markup(PAGE_CSS.read_text(encoding="utf-8")),
        dashboard_css=Markup((HERE / "page.css").read_text(encoding="utf-8")),
        glance_statuses=GLANCE_STATUSES, small=SMALL_COUNT, due_soon_days=DUE_SOON_DAYS, recent_days=RECENT_DAYS,
        status_words=STATUS_WORDS, assessment_words=ASSESSMENT_WORDS,
    ))
