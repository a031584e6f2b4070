"""The plans on the dashboard: the at-a-glance table of every plan, and
each plan in full (its reflections, what to celebrate, what the group said
it would do if it missed, and its benchmarks' cards). Every text from the
documents is escaped here; a shareable page counts what a reflection
celebrates instead of quoting it (the model leaves the words out)."""

from __future__ import annotations

from html import escape

from aotext.dashboard.cards import benchmark_card
from aotext.dashboard.model import Dashboard, PlanPanel
from aotext.summary import Status
from aotext.summary_report import left_out
from aotext.words import anchor, plural

STATUS_WORDS = {"met": "met", "on track": "on track", "behind": "behind", "overdue": "overdue",
                "no data": "without data", "not started": "not started yet"}
# The at-a-glance columns: every status but "not started", which the plan's own section shows.
GLANCE_STATUSES: tuple[Status, ...] = ("met", "on track", "behind", "overdue", "no data")


def _ago(days: int) -> str:
    if days == 0:
        return "today"
    return f"{plural(days, 'day')} ago" if days > 0 else f"in {plural(-days, 'day')}"


def _css(status: str) -> str:
    return status.replace(" ", "-")


def _glance_row(panel: PlanPanel) -> str:
    counts = dict(panel.counts)
    cells = "".join(f'<td class="{_css(status)}">{counts[status]}</td>' for status in GLANCE_STATUSES)
    due = panel.reflection
    if due is None:
        reflection = "—"
    elif due.overdue:
        reflection = f'<span class="late">overdue since {due.next}</span>'
    else:
        reflection = str(due.next)
    return (f'<tr><th scope="row"><a href="#{anchor("plan", panel.summary.id)}">{escape(panel.summary.title)}</a></th>'
            f"{cells}<td>{reflection}</td></tr>\n")


def glance_section(dashboard: Dashboard) -> str:
    """How many of each plan's benchmarks are in each status, and when each group reflects next."""
    if not dashboard.plans:
        table = "<p>There are no plans to show yet. Start one with <code>aotext new plan</code>.</p>\n"
    else:
        headings = "".join(f'<th scope="col">{STATUS_WORDS[status].capitalize()}</th>' for status in GLANCE_STATUSES)
        table = ("<p>How many of each plan's benchmarks are in each state, and when each group reflects next. "
                 "A plan's name leads to it in full.</p>\n"
                 '<table class="glance">\n'
                 f'<thead><tr><th scope="col">Plan</th>{headings}<th scope="col">Next reflection</th></tr></thead>\n'
                 "<tbody>\n" + "".join(_glance_row(panel) for panel in dashboard.plans) + "</tbody>\n</table>\n")
    return ('<section id="at-a-glance" aria-labelledby="at-a-glance-title">\n'
            '<h2 id="at-a-glance-title">At a glance</h2>\n' + table + "</section>\n")


def _reflecting(panel: PlanPanel) -> str:
    due = panel.reflection
    if due and due.last:
        last = f"Last reflection: {due.last} ({_ago((due.day - due.last).days)})."
    else:
        last = "No reflection log yet."
    if due:
        when = (f'<strong class="late">was due on {due.next} ({_ago((due.day - due.next).days)})</strong>: '
                "hold one and add its log" if due.overdue else f"is due on {due.next}")
        cadence = f"The group reflects every {escape(panel.reflect_every or '')}: the next reflection {when}."
    elif panel.reflect_every:
        cadence = (f"The plan's <code>reflect_every</code> ({escape(panel.reflect_every)}) cannot be read, so the next "
                   "reflection's date is not known: <code>aotext lint</code> shows the line.")
    else:
        cadence = ("The plan does not say how often the group reflects "
                   "(add <code>reflect_every: 2 weeks</code>, say).")
    return f'<p class="reflecting">\n{last} {cadence}\n</p>\n'


def _celebrate(panel: PlanPanel, plan_anchor: str, shareable: bool) -> str:
    heading = f'<h3 id="{plan_anchor}-celebrate">What to celebrate</h3>\n'
    if shareable:
        return heading + (f"<p>The latest reflection celebrates {plural(panel.celebrations, 'thing')}; the private "
                          "dashboard lists them.</p>\n" if panel.celebrations
                          else "<p>Nothing yet from the latest reflection.</p>\n")
    if panel.celebrate:
        return (heading + '<ul class="celebrate">\n' + "".join(f"<li>{escape(item)}</li>\n" for item in panel.celebrate)
                + "</ul>\n")
    return heading + "<p>Nothing yet from the latest reflection.</p>\n"


def _misses(panel: PlanPanel, plan_anchor: str) -> str:
    misses = panel.misses
    if not misses:
        return ""
    items = "".join(
        f'<li><strong>{escape(b.title)}</strong> (<span class="status {_css(b.status)}">{b.status}</span>):\n'
        + (f"<blockquote>“{escape(b.if_missed)}”</blockquote>" if b.if_missed else
           "the plan does not say what to do if it is missed; add <code>if_missed</code> to it.")
        + "</li>\n"
        for b in misses)
    return (f'<h3 id="{plan_anchor}-misses">Behind or overdue: what we said we would do</h3>\n'
            f'<ul class="misses">\n{items}</ul>\n')


def plan_section(panel: PlanPanel, shareable: bool) -> list[str]:
    """One plan in full, in pieces: the page joins every piece once (a plan's
    cards are most of the page's 5 MB, so they are never copied into a plan's own string first)."""
    plan = panel.summary
    plan_anchor = anchor("plan", plan.id)
    if plan.ended:
        ends = ", the plan's last day (it has ended)"
    else:
        ends = f"; the plan ends on {plan.ends}" if plan.ends else ""
    counts = "".join(f'<li class="count {_css(status)}"><span class="number">{count}</span> {STATUS_WORDS[status]}</li>\n'
                     for status, count in panel.counts if count or status != "not started")
    pieces = [
        f'<section class="plan" id="{plan_anchor}" aria-labelledby="{plan_anchor}-title">\n'
        f'<h2 id="{plan_anchor}-title">{escape(plan.title)}</h2>\n'
        f"<p>As of {plan.as_of}{ends}.</p>\n"
        f'<ul class="counts" aria-label="How many benchmarks are in each state">\n{counts}</ul>\n',
        _reflecting(panel), _celebrate(panel, plan_anchor, shareable), _misses(panel, plan_anchor),
        f'<h3 id="{plan_anchor}-benchmarks">Benchmarks</h3>\n',
    ]
    if not plan.benchmarks:
        pieces.append("<p>This plan has no benchmarks yet: how will you know you are on your way?</p>\n")
    for b in plan.benchmarks:
        pieces += (benchmark_card(b, plan_anchor, plan.as_of), "\n")
    pieces += [f'<p class="notice problem">{escape(line)}</p>\n' for line in left_out(plan)]
    pieces.append("</section>\n")
    return pieces
