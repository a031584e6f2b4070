"""Ways of printing follow-ups and the organizing chart, and the calendar
file. Notes' body text appears only when the caller asks for it; the
calendar, which goes wherever it is imported (a phone, a shared or synced
calendar), holds only who, when, how and who calls unless asked."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from itertools import groupby
from typing import Any

from aotext.documents.types.conversation import ASSESSMENTS
from aotext.followups import NO_OWNER, RECENT_DAYS, ChartRow, Due, FollowUp, OrganizingChart
from aotext.jsontext import indented_json
from aotext.terminal import Display, Formatter, render, typed
from aotext.words import plural

ALARM_HOUR = 9  # the reminder rings at 9:00 on the day the follow-up is due


def _record(item: FollowUp, include_notes: bool) -> dict[str, Any]:
    record = {
        "pseudonym": item.pseudonym, "person": item.person, "owner": item.owner, "due": item.due.isoformat(),
        "days_overdue": item.days_overdue, "assessment": item.assessment, "ask": item.ask,
        "commitment": item.commitment, "how": item.how, "last_contact": item.last_contact.isoformat(),
        "conversation": item.conversation, "cadence": item.cadence,
    }
    if include_notes:
        record["notes"] = item.notes
    return record


def json_report(due: Due, display: Display = Display()) -> str:
    items, as_of, include_notes = due.followups, due.as_of, due.include_notes
    data = {"as_of": as_of.isoformat(), "followups": [_record(item, include_notes) for item in items]}
    return indented_json(data)


def markdown_report(due: Due, display: Display = Display()) -> str:
    items, as_of, include_notes = due.followups, due.as_of, due.include_notes
    if not items:
        return f"No follow-ups due as of {as_of}.\n"
    out = [f"# Follow-ups as of {as_of}\n"]
    for owner, group in groupby(items, key=lambda item: item.owner):
        out.append(f"## {owner or NO_OWNER}\n")
        for item in group:
            out.append(f"- **{item.pseudonym}** ({item.assessment or 'not assessed'}): {item.when}, {item.due}"
                       f"{f' — {item.how}' if item.how else ''}{f' ({item.cadence})' if item.cadence else ''}")
            out.append(f"  - Asked: {item.ask or '—'}")
            out.append(f"  - Committed: {item.commitment or '—'}")
            out.append(f"  - Last talked: {item.last_contact} ({item.conversation})")
            if include_notes and item.notes:
                out.append("  - Notes: " + item.notes.replace("\n", "\n    "))
        out.append("")
    return "\n".join(out)


def table_report(due: Due, display: Display = Display()) -> str:
    """One table per owner, oldest follow-up first."""
    items, as_of, include_notes, colour = due.followups, due.as_of, due.include_notes, display.colour
    from rich.table import Table

    def draw(console: Any) -> None:
        if not items:
            console.print(f"No follow-ups due as of {as_of}.", markup=False)
        for owner, group in groupby(items, key=lambda item: item.owner):
            table = Table(title=typed(f"{owner or NO_OWNER} — follow-ups as of {as_of}"), title_justify="left",
                          expand=True, show_lines=include_notes)
            table.add_column("Who", ratio=1)
            for column in ("Assessment", "When", "Due"):
                table.add_column(column, no_wrap=True)
            for column in ("Asked", "Committed"):
                table.add_column(column, ratio=3)
            for item in group:
                when = typed(item.when, "red" if colour and item.days_overdue > 0 else "")
                if item.cadence:
                    when.append(f"\n({item.cadence})")
                commitment = item.commitment or "—"
                if include_notes and item.notes:
                    commitment += f"\n\nNotes: {item.notes}"
                table.add_row(typed(item.pseudonym), typed(item.assessment or "—"), when, typed(item.due.isoformat()),
                              typed(item.ask or "—"), typed(commitment))
            console.print(table)

    return render(draw, display.colour, display.width)


def calendar(due: Due) -> bytes:
    """An iCalendar file (RFC 5545): one all-day event per follow-up, with a
    reminder, and a UID that stays the same from run to run. Who, when, how
    and who calls; the ask, the commitment and the notes only when asked for."""
    items, as_of = due.followups, due.as_of
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//aotext//follow-ups//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Follow-ups")
    stamp = dt.datetime.combine(as_of, dt.time(0, 0), tzinfo=dt.UTC)
    for item in items:
        event = Event()
        # One UID per conversation note: re-importing updates the entry, a new note makes a new one.
        event.add("uid", hashlib.sha256(item.conversation.encode()).hexdigest()[:32] + "@aotext")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + dt.timedelta(days=1))
        event.add("summary", f"Follow up with {item.pseudonym} {f'({item.owner})' if item.owner else NO_OWNER}")
        event.add("description", "\n".join(_description(item, due.include_notes)))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Follow up with {item.pseudonym}")
        alarm.add("trigger", dt.timedelta(hours=ALARM_HOUR))
        event.add_component(alarm)
        cal.add_component(event)
    ical: bytes = cal.to_ical()
    return ical


def _description(item: FollowUp, include_notes: bool) -> list[str]:
    # The ask and the commitment name third parties and tell a real person's
    # circumstances: a calendar gets them only with the notes.
    lines = [f"How: {item.how}" if item.how else "", f"Who calls: {item.owner or NO_OWNER}"]
    if item.cadence:  # the level (leader, ...) is the notes' business: named only with them
        lines.append(f"Why: {item.cadence}" if include_notes else
                     "Why: no follow-up date was written, and it is time to be in touch again")
    if include_notes:
        lines += [f"Asked: {item.ask}" if item.ask else "", f"Committed: {item.commitment}" if item.commitment else "",
                  f"Last talked: {item.last_contact}", f"Notes:\n{item.notes}" if item.notes else ""]
    return [line for line in lines if line]


def _chart_rows(chart: OrganizingChart) -> list[tuple[str, str, ChartRow]]:
    return ([("owner", row.group, row) for row in chart.by_owner]
            + [("scenario", row.group, row) for row in chart.by_scenario] + [("all", "everyone", chart.total)])


def chart_json(chart: OrganizingChart, display: Display = Display()) -> str:
    def row(item: ChartRow) -> dict[str, Any]:
        return {"group": item.group, **item.counts, "people": item.people,
                "contacted_last_30_days": item.contacted_recently, "no_contact_for_30_days": list(item.not_contacted),
                "past_their_cadence": item.past_cadence}

    data = {"as_of": chart.as_of.isoformat(), "by_owner": [row(r) for r in chart.by_owner],
            "by_scenario": [row(r) for r in chart.by_scenario], "total": row(chart.total)}
    return indented_json(data)


def chart_markdown(chart: OrganizingChart, display: Display = Display()) -> str:
    heads = ["leaders", "supporters", "undecided", "passes"]
    out = [f"# Organizing chart as of {chart.as_of}\n",
           f"| By | Group | {' | '.join(heads)} | people | contacted in the last {RECENT_DAYS} days | no contact for over {RECENT_DAYS} days | past their cadence |",
           "|---|---|" + "--:|" * 6 + "---|--:|"]
    for kind, group, row in _chart_rows(chart):
        counts = " | ".join(str(row.counts[name]) for name in ASSESSMENTS)
        out.append(f"| {kind} | {group} | {counts} | {row.people} | {row.contacted_recently} | {', '.join(row.not_contacted) or '—'} | {row.past_cadence} |")
    return "\n".join(out) + "\n"


def chart_table(chart: OrganizingChart, display: Display = Display()) -> str:
    from rich.table import Table

    def draw(console: Any) -> None:
        table = Table(title=typed(f"Organizing chart as of {chart.as_of} (latest assessment of each person)"),
                      title_justify="left")
        numbers = ("Leaders", "Supporters", "Undecided", "Passes", "People")
        for column in ("By", "Group", *numbers, f"Contacted ≤{RECENT_DAYS} days", f"No contact >{RECENT_DAYS} days",
                       "Past their cadence"):
            table.add_column(column, justify="right" if column in numbers else "left")
        for kind, group, row in _chart_rows(chart):
            table.add_row(*map(typed, (kind, group, *(str(row.counts[name]) for name in ASSESSMENTS), str(row.people),
                                       str(row.contacted_recently), ", ".join(row.not_contacted) or "—",
                                       str(row.past_cadence))))
        console.print(table)

    return render(draw, display.colour, display.width)


def count_line(items: Sequence[FollowUp]) -> str:
    overdue = sum(1 for item in items if item.days_overdue > 0)
    return f"{plural(len(items), 'follow-up')} due ({overdue} overdue)."


FORMATS: dict[str, Formatter[Due]] = {"table": table_report, "markdown": markdown_report, "json": json_report}
CHART_FORMATS: dict[str, Formatter[OrganizingChart]] = {"table": chart_table, "markdown": chart_markdown,
                                                        "json": chart_json}
