"""The people on the dashboard: who is due a follow-up call, and the
organizing chart. A full page names them (by pseudonym); a shareable page
has no people's details to print (the model leaves them out) and shows
only counts, any count under SMALL_COUNT as "fewer than 3". Every text
from the documents is escaped here."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from html import escape
from itertools import groupby

from aotext.dashboard.model import DUE_SOON_DAYS, Dashboard, PeopleCounts, cell, shareable_count, shareable_parts
from aotext.followups import NO_OWNER, NO_SCENARIO, RECENT_DAYS, ChartRow, FollowUp, OrganizingChart


def _by_owner(followups: Sequence[FollowUp], words: Mapping[str, str]) -> Iterator[tuple[str, list[FollowUp]]]:
    for owner, items in groupby(followups, key=lambda item: item.owner):
        yield owner or words["no owner"], list(items)


def _followup_row(item: FollowUp, words: Mapping[str, str]) -> str:
    how = f" — {escape(item.how)}" if item.how else ""
    cadence = f" ({escape(why)})" if (why := item.cadence_words(words)) else ""
    late = ' class="late"' if item.days_overdue > 0 else ""
    assessed = words[f"assessed:{item.assessment}"] if item.assessment else words["not assessed"]
    return (f"<tr>{cell(words['who'], escape(item.pseudonym))}{cell(words['assessment'], escape(assessed))}"
            f"{cell(words['asked'], escape(item.ask or '—'))}"
            + cell(words["when"], f"{escape(item.when_words(words))}, {item.due}{how}{cadence}",
                   f' data-sort="{item.due}"{late}') + "</tr>\n")


def _followup_tables(followups: Sequence[FollowUp], words: Mapping[str, str]) -> str:
    """Who to call, by organizer: only on a full page."""
    nobody = "" if followups else f"<p>{words['nobody due'].format(days=DUE_SOON_DAYS)}</p>\n"
    head = (f'<thead><tr><th scope="col">{words["who"]}</th><th scope="col">{words["assessment"]}</th>'
            f'<th scope="col">{words["asked"]}</th><th scope="col">{words["when"]}</th></tr></thead>\n')
    return nobody + "".join(
        f'<h3 id="calls-{number}">{escape(owner)}</h3>\n'
        f'<table class="followups stack" tabindex="0" aria-labelledby="calls-{number}">\n{head}'  # may scroll, as the chart
        "<tbody>\n" + "".join(_followup_row(item, words) for item in items) + "</tbody>\n</table>\n"
        for number, (owner, items) in enumerate(_by_owner(followups, words), start=1))


def _only(dashboard: Dashboard, words: Mapping[str, str]) -> str:
    """With --plan: whose people the page shows."""
    scenarios = dashboard.scenarios
    if not scenarios:
        return ""
    which = words[f"{'scenario' if len(scenarios) == 1 else 'scenarios'} of "
                  f"{'plan' if len(dashboard.plans) == 1 else 'plans'}"]
    return f'<p class="notice">{words["only people met"].format(scenarios=escape(", ".join(scenarios)), which=which)}</p>\n'


def followups_section(dashboard: Dashboard, words: Mapping[str, str]) -> str:
    """How many calls are overdue or due soon, and, on a full page, whose."""
    def people_count(count: int) -> str:
        return shareable_count(count, words) if dashboard.shareable else str(count)

    counts = dashboard.counts
    overdue = people_count(counts.overdue)
    return ('<section id="follow-ups" aria-labelledby="follow-ups-title">\n'
            f'<h2 id="follow-ups-title">{words["follow-ups"]}</h2>\n' + _only(dashboard, words)
            + f'<ul class="counts" aria-label="{words["follow-ups"]}">\n'
            f'<li class="count overdue"><span class="number">{overdue}</span> '
            # The word agrees with the count as printed: "menos de 3" takes the plural, as 0 does.
            f'{words["call overdue" if overdue == "1" else "calls overdue"]}</li>\n'
            f'<li class="count soon"><span class="number">{people_count(counts.due_soon)}</span> '
            f'{words["calls due soon"].format(days=DUE_SOON_DAYS)}</li>\n</ul>\n'
            + (_followup_tables(dashboard.people.followups, words) if dashboard.people else "")
            + "</section>\n")


def _chart_rows(chart: OrganizingChart, words: Mapping[str, str]) -> list[tuple[str, ChartRow]]:
    """Each row with the name the page gives it: each organizer's, each scenario's, then everyone's."""
    def named(row: ChartRow, unnamed: str, key: str) -> str:
        return escape(words[key] if row.group == unnamed else row.group)

    return ([(words["organizer row"].format(group=named(row, NO_OWNER, "no owner")), row) for row in chart.by_owner]
            + [(words["scenario row"].format(group=named(row, NO_SCENARIO, "no scenario")), row)
               for row in chart.by_scenario]
            + [(words["everyone"], chart.total)])


def _not_contacted(row: ChartRow) -> str:
    """How many had no contact lately, as the other counts are (0 for nobody), and who they are."""
    names = escape(", ".join(row.not_contacted))
    return f"{len(row.not_contacted)} ({names})" if names else "0"


def _named_rows(chart: OrganizingChart, counts: PeopleCounts, columns: Sequence[str], words: Mapping[str, str]) -> str:
    """Each organizer's, each scenario's and everyone's row, with the pseudonyms not contacted lately."""
    return "".join(
        f'<tr><th scope="row">{name}</th>'
        + "".join(cell(column, str(value)) for column, value in zip(columns, [
            *(row.counts[assessment] for assessment, _ in counts.assessments), row.people, row.contacted_recently,
            _not_contacted(row), row.past_cadence], strict=True))
        + "</tr>\n"
        for name, row in _chart_rows(chart, words))


def _counted_row(counts: PeopleCounts, columns: Sequence[str], words: Mapping[str, str]) -> str:
    """Everyone's row as counts only, each as a shareable page prints a count
    of people; the assessments, and those contacted or not, add up to everyone."""
    assessed, total_tells = shareable_parts([count for _, count in counts.assessments], words)
    contacted, total_also_tells = shareable_parts([counts.contacted_recently, counts.not_contacted], words)
    people = words["not shown"] if total_tells or total_also_tells else shareable_count(counts.people, words)
    cells = [*assessed, people, *contacted, shareable_count(counts.past_cadence, words)]
    return (f'<tr><th scope="row">{words["everyone"]}</th>'
            + "".join(cell(column, shown) for column, shown in zip(columns, cells, strict=True)) + "</tr>\n")


def chart_section(dashboard: Dashboard, words: Mapping[str, str]) -> str:
    """Everyone's latest assessment: by organizer and scenario on a full page, counts only on a shareable one."""
    counts = dashboard.counts
    columns = [words[f"assessments:{name}"] for name, _ in counts.assessments] + [
        words["people count"], words["contacted recently"].format(days=RECENT_DAYS), words["not contacted"],
        words["past cadence"]]
    headings = "".join(f'<th scope="col">{column}</th>' for column in columns)
    return ('<section id="organizing-chart" aria-labelledby="organizing-chart-title">\n'
            f'<h2 id="organizing-chart-title">{words["organizing chart"]}</h2>\n'
            f"<p>{words['chart intro'].format(days=RECENT_DAYS)}</p>\n"
            # Wider than a computer's column it scrolls sideways (focusable, so a keyboard can scroll it); on a phone it stacks.
            '<table class="chart-table stack" tabindex="0" aria-labelledby="organizing-chart-title">\n'
            f'<thead><tr><th scope="col">{words["group"]}</th>{headings}</tr></thead>\n'
            "<tbody>\n"
            + (_named_rows(dashboard.people.chart, counts, columns, words) if dashboard.people
               else _counted_row(counts, columns, words))
            + "</tbody>\n</table>\n"
            # The last two columns' names are short: what they count is said under the table.
            f'<p class="table-note">{words["chart columns"].format(days=RECENT_DAYS, field="<code>followups: cadence:</code>")}'
            "</p>\n</section>\n")
