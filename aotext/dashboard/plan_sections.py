"""The plans on the dashboard: the at-a-glance table of every plan, and
each plan in full (its reflections, what to celebrate, what the group said
it would do if it missed, and its benchmarks' cards). Every text from the
documents is escaped here; a shareable page counts what a reflection
celebrates instead of quoting it (the model leaves the words out)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from aotext.benchmark_svg import status_class
from aotext.dashboard.cards import benchmark_card
from aotext.dashboard.model import Dashboard, PlanPanel, cell
from aotext.handouts.labels import days_words, period_words
from aotext.summary_model import Status
from aotext.summary_notes import celebration_text
from aotext.summary_report import left_out
from aotext.words import anchor

# The at-a-glance columns: every status but "not started", which the plan's own section shows.
GLANCE_STATUSES: tuple[Status, ...] = ("met", "on track", "behind", "overdue", "no data")


def _ago(days: int, words: Mapping[str, str]) -> str:
    return days_words(days, words, "today", "ago", "in time")


def _glance_row(panel: PlanPanel, columns: Sequence[str], words: Mapping[str, str]) -> str:
    """One plan's row; `columns`: the names of GLANCE_STATUSES' columns."""
    counts = dict(panel.counts)
    cells = "".join(cell(column, str(counts[status]), f' class="{status_class(status)}"')
                    for column, status in zip(columns, GLANCE_STATUSES, strict=True))
    due = panel.reflection
    if due is None:
        reflection = "—"
    elif due.overdue:
        reflection = f'<span class="late">{words["overdue since"].format(date=due.next)}</span>'
    else:
        reflection = str(due.next)
    return (f'<tr><th scope="row"><a href="#{anchor("plan", panel.summary.id)}">{escape(panel.summary.title)}</a></th>'
            f"{cells}{cell(words['next reflection'], reflection)}</tr>\n")


def glance_section(dashboard: Dashboard, words: Mapping[str, str]) -> str:
    """How many of each plan's benchmarks are in each status, and when each group reflects next."""
    if not dashboard.plans:
        table = f"<p>{words['no plans'].format(command='<code>aotext new plan</code>')}</p>\n"
    else:
        columns = [words[f"benchmarks:{status}"].capitalize() for status in GLANCE_STATUSES]
        headings = "".join(f'<th scope="col">{column}</th>' for column in columns)
        table = (f"<p>{words['glance intro']}</p>\n"
                 '<table class="glance stack" tabindex="0" aria-labelledby="at-a-glance-title">\n'  # may scroll: see chart-table
                 f'<thead><tr><th scope="col">{words["plan"]}</th>{headings}'
                 f'<th scope="col">{words["next reflection"]}</th></tr></thead>\n'
                 "<tbody>\n" + "".join(_glance_row(panel, columns, words) for panel in dashboard.plans)
                 + "</tbody>\n</table>\n")
    return ('<section id="at-a-glance" aria-labelledby="at-a-glance-title">\n'
            f'<h2 id="at-a-glance-title">{words["at a glance"]}</h2>\n' + table + "</section>\n")


def _reflecting(panel: PlanPanel, words: Mapping[str, str]) -> str:
    due = panel.reflection
    if due and due.last:
        last = words["last reflection"].format(date=due.last, ago=_ago((due.day - due.last).days, words))
    else:
        last = words["no reflection yet"]
    if due:
        if due.overdue:
            was_due = words["reflection was due"].format(date=due.next, ago=_ago((due.day - due.next).days, words))
            when = f'<strong class="late">{was_due}</strong>: {words["hold a reflection"]}'
        else:
            when = words["reflection is due"].format(date=due.next)
        cadence = words["reflects every"].format(every=escape(period_words(words, panel.reflect_every or "")),
                                                 when=when)
    elif panel.reflect_every:
        cadence = words["reflect_every unreadable"].format(field="<code>reflect_every</code>",
                                                           every=escape(panel.reflect_every),
                                                           lint="<code>aotext lint</code>")
    else:
        cadence = words["no reflect_every"].format(example="<code>reflect_every: 2 weeks</code>")
    return f'<p class="reflecting">\n{last} {cadence}\n</p>\n'


def _celebrate(panel: PlanPanel, plan_anchor: str, shareable: bool, words: Mapping[str, str]) -> str:
    heading = f'<h3 id="{plan_anchor}-celebrate">{words["celebrate"]}</h3>\n'
    nothing = f"<p>{words['nothing to celebrate']}</p>\n"
    if shareable:
        counted = words["celebrates thing" if panel.celebrations == 1 else "celebrates things"]
        return heading + (f"<p>{counted.format(count=panel.celebrations)}</p>\n" if panel.celebrations else nothing)
    if panel.celebrate:
        return (heading + '<ul class="celebrate">\n'
                + "".join(f"<li>{escape(celebration_text(item, words))}</li>\n" for item in panel.celebrate)
                + "</ul>\n")
    return heading + nothing


def _misses(panel: PlanPanel, plan_anchor: str, words: Mapping[str, str]) -> str:
    misses = panel.misses
    if not misses:
        return ""
    unsaid = words["no if_missed"].format(field="<code>if_missed</code>")
    items = "".join(
        f'<li><strong>{escape(b.title)}</strong> (<span class="status {status_class(b.status)}">{words[b.status]}</span>):\n'
        + (f"<blockquote>“{escape(b.if_missed)}”</blockquote>" if b.if_missed else unsaid)
        + "</li>\n"
        for b in misses)
    return (f'<h3 id="{plan_anchor}-misses">{words["misses"]}</h3>\n'
            f'<ul class="misses">\n{items}</ul>\n')


def plan_section(panel: PlanPanel, shareable: bool, words: Mapping[str, str]) -> list[str]:
    """One plan in full, in pieces: the page joins every piece once (a plan's
    cards are most of the page's 5 MB, so they are never copied into a plan's own string first)."""
    plan = panel.summary
    plan_anchor = anchor("plan", plan.id)
    if plan.ended:
        ends = words["ended"]
    else:
        ends = words["plan ends on"].format(date=plan.ends) if plan.ends else ""
    counts = "".join(f'<li class="count {status_class(status)}"><span class="number">{count}</span> '
                     f"{words[f'benchmark:{status}' if count == 1 else f'benchmarks:{status}']}</li>\n"
                     for status, count in panel.counts if count or status != "not started")
    pieces = [
        f'<section class="plan" id="{plan_anchor}" aria-labelledby="{plan_anchor}-title">\n'
        f'<h2 id="{plan_anchor}-title">{escape(plan.title)}</h2>\n'
        f"<p>{words['as of']} {plan.as_of}{ends}.</p>\n"
        f'<ul class="counts" aria-label="{words["counts by state"]}">\n{counts}</ul>\n',
        _reflecting(panel, words), _celebrate(panel, plan_anchor, shareable, words),
        _misses(panel, plan_anchor, words),
        f'<h3 id="{plan_anchor}-benchmarks">{words["benchmarks heading"]}</h3>\n',
    ]
    if not plan.benchmarks:
        pieces.append(f"<p>{words['no benchmarks']}</p>\n")
    for b in plan.benchmarks:
        pieces += (benchmark_card(b, plan_anchor, plan.as_of, words), "\n")
    pieces += [f'<p class="notice problem">{escape(line)}</p>\n' for line in left_out(plan, words)]
    pieces.append("</section>\n")
    return pieces
