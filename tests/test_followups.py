"""aotext followups: who needs a call, a calendar to remind us, and the organizing chart."""

from __future__ import annotations

import json

from icalendar import Calendar

from helpers import CONVERSATION, SCENARIO, invoke

AS_OF = "2026-11-24"
SECRET = "Pangolin detail from the notes"


def note(note_id: str, pseudonym: str, owner: str, held: str, due: str | None, assessment: str = "supporter",
         scenario: str = "bus-drivers") -> str:
    text = (CONVERSATION.replace("id: talk-nia", f"id: {note_id}").replace("pseudonym: Nia", f"pseudonym: {pseudonym}")
            .replace("owner: Sam", f"owner: {owner}").replace("date: 2026-11-14", f"date: {held}")
            .replace("assessment: supporter", f"assessment: {assessment}")
            .replace("scenario: bus-drivers", f"scenario: {scenario}")
            .replace("She is angry about the new route schedule.", f"{SECRET} about {pseudonym}."))
    if due is None:
        return text.replace("follow_up:\n  date: 2026-11-21\n  how: coffee\n", "")
    return text.replace("  date: 2026-11-21", f"  date: {due}")


NOTES = {
    "content/conversations/talk-nia.md": None,  # replaced by the notes below
    "content/conversations/a.md": note("a", "Ana", "Sam", "2026-11-01", "2026-11-10"),          # 14 days overdue
    "content/conversations/b.md": note("b", "Bo", "Sam", "2026-11-20", "2026-11-24", "leader"),  # due today
    "content/conversations/c.md": note("c", "Cy", "Dolores", "2026-11-20", "2026-11-30"),       # in 6 days
    "content/conversations/d.md": note("d", "Di", "Dolores", "2026-11-20", "2026-12-20"),       # too far ahead
    # Eve's first follow-up is overdue, but a later conversation answered it.
    "content/conversations/e1.md": note("e1", "Eve", "Sam", "2026-09-01", "2026-09-08", "undecided"),
    "content/conversations/e2.md": note("e2", "eve", "Sam", "2026-11-22", "2026-11-29", "leader"),
    "content/conversations/f.md": note("f", "Fay", "Sam", "2026-09-15", None, "pass", "police-presence"),
    "content/scenarios/police-presence.md": SCENARIO.replace("id: bus-drivers", "id: police-presence"),
}


def followups(*args: str):
    return invoke("followups", "--as-of", AS_OF, *args)


def listed(result) -> list[tuple]:
    return [(f["owner"], f["pseudonym"], f["due"], f["days_overdue"]) for f in json.loads(result.stdout)["followups"]]


def test_overdue_today_and_upcoming_by_owner_oldest_first(repo):
    repo(NOTES)
    result = followups("--format", "json")
    assert result.exit_code == 0, result.output
    assert listed(result) == [
        ("Dolores", "Cy", "2026-11-30", -6),
        ("Sam", "Ana", "2026-11-10", 14),
        ("Sam", "Bo", "2026-11-24", 0),
        ("Sam", "eve", "2026-11-29", -5),
    ]
    [ana] = [f for f in json.loads(result.stdout)["followups"] if f["pseudonym"] == "Ana"]
    assert ana["ask"] == "Come to the Tuesday meeting." and ana["commitment"].startswith("Will come")
    assert ana["conversation"] == "a" and ana["assessment"] == "supporter"


def test_owner_and_window_filters(repo):
    repo(NOTES)
    assert [row[1] for row in listed(followups("--format", "json", "--owner", "dolores"))] == ["Cy"]
    assert [row[1] for row in listed(followups("--format", "json", "--within", "0"))] == ["Ana", "Bo"]
    assert "Di" in [row[1] for row in listed(followups("--format", "json", "--within", "30"))]


def test_notes_text_only_when_asked(repo):
    repo(NOTES)
    for fmt in ("table", "markdown", "json"):
        assert SECRET not in followups("--format", fmt).output
    assert SECRET in followups("--format", "markdown", "--include-notes").output
    assert all("notes" in item for item in json.loads(followups("--format", "json", "--include-notes").stdout)["followups"])


def test_table_and_markdown_group_by_owner(repo):
    repo(NOTES)
    table = followups().output
    assert table.index("Dolores — follow-ups") < table.index("Sam — follow-ups")
    assert "14 days overdue" in table and "due today" in table and "4 follow-ups due (1 overdue)." in table
    markdown = followups("--format", "markdown").output
    assert "## Sam" in markdown and "- **Ana** (supporter): 14 days overdue, 2026-11-10 — coffee" in markdown


def test_calendar_file_has_an_event_with_a_reminder_per_followup_and_stable_uids(repo, tmp_path):
    repo(NOTES)
    assert followups("--ics", "one.ics").exit_code == 0
    assert followups("--ics", "two.ics").exit_code == 0
    first = Calendar.from_ical((tmp_path / "one.ics").read_bytes())
    events = first.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Follow up with Cy (Dolores)", "Follow up with Ana (Sam)",
                                                  "Follow up with Bo (Sam)", "Follow up with eve (Sam)"]
    assert [e.decoded("dtstart").isoformat() for e in events] == ["2026-11-30", "2026-11-10", "2026-11-24", "2026-11-29"]
    assert all(len(e.walk("VALARM")) == 1 for e in events)
    assert all(SECRET not in e.to_ical().decode() for e in events)
    second = Calendar.from_ical((tmp_path / "two.ics").read_bytes())
    assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in second.walk("VEVENT")]
    assert len({str(e["uid"]) for e in events}) == 4


def test_nothing_due_is_still_exit_0(repo):
    repo()
    result = followups("--as-of", "2026-11-01")
    assert result.exit_code == 0 and "No follow-ups due as of 2026-11-01." in result.output


def test_problems_in_the_files_give_exit_1_with_lint_messages(repo):
    repo({"content/conversations/talk-nia.md": CONVERSATION.replace("assessment: supporter", "assessment: maybe")})
    result = followups()
    assert result.exit_code == 1 and "[schema]" in result.output


def test_organizing_chart_counts_latest_assessments(repo):
    repo(NOTES)
    data = json.loads(followups("--chart", "--format", "json").stdout)
    sam = next(row for row in data["by_owner"] if row["group"] == "Sam")
    # Ana supporter, Bo leader, Eve leader (newest note), Fay pass.
    assert (sam["leader"], sam["supporter"], sam["undecided"], sam["pass"], sam["people"]) == (2, 1, 0, 1, 4)
    assert sam["contacted_last_30_days"] == 3 and sam["no_contact_for_30_days"] == ["Fay"]
    police = next(row for row in data["by_scenario"] if row["group"] == "police-presence")
    assert police["pass"] == 1 and police["people"] == 1
    assert data["total"]["people"] == 6
    assert "Fay" in followups("--chart").output and SECRET not in followups("--chart").output


def test_an_owner_nobody_calls_for_is_a_usage_error_not_an_empty_list(repo):
    """A misspelt --owner would list nobody, as if nobody were due: it is
    refused, with the owners the notes name; any capitalisation matches."""
    repo()
    wrong = invoke("followups", "--as-of", "2026-11-24", "--owner", "Sma")
    assert wrong.exit_code == 2
    assert ("Invalid value for --owner: no conversation note names 'Sma' as making a call (did you mean 'Sam'?); "
            "the notes name: Sam") in wrong.stderr
    assert "Nia" in invoke("followups", "--as-of", "2026-11-24", "--owner", "sam").stdout


def test_words_in_square_brackets_print_as_typed_in_the_tables(repo):
    """rich, which draws the tables, reads [word] as markup: a note's
    "[my neighbor]" vanished, and "[/b]" stopped the command."""
    note = CONVERSATION.replace("Will come if her sister can watch the kids.",
                                "Bring [my neighbor] [/b].").replace(
        "Come to the Tuesday meeting.", "Come to [the] meeting.")
    repo({"content/conversations/talk-nia.md": note})
    for args in ((), ("--chart",)):
        result = invoke("followups", "--as-of", "2026-11-24", *args)
        assert result.exit_code == 0, result.output
    table = " ".join(invoke("followups", "--as-of", "2026-11-24").output.split())
    assert "Bring [my neighbor] [/b]." in table and "Come to [the] meeting." in table


def test_of_two_notes_of_one_day_the_one_written_second_stands(repo):
    """`aotext note` names a second note of the same day, person and
    organizer ...-sam-2.md, which sorts before ...-sam.md: the first note
    had stood as the newest, with its old assessment and follow-up."""
    first = note("2026-11-24-rosa-sam", "Rosa", "Sam", "2026-11-24", "2026-11-26")
    second = note("2026-11-24-rosa-sam-2", "Rosa", "Sam", "2026-11-24", "2026-12-10", "leader")
    repo({"content/conversations/talk-nia.md": None, "content/conversations/2026-11-24-rosa-sam.md": first,
          "content/conversations/2026-11-24-rosa-sam-2.md": second})
    markdown = invoke("followups", "--as-of", "2026-11-24", "--within", "30", "--format", "markdown").output
    assert "- **Rosa** (leader): due in 16 days, 2026-12-10" in markdown and "2026-11-26" not in markdown


def test_the_chart_refuses_the_options_it_would_ignore(repo, tmp_path):
    """--chart with --ics wrote no calendar and said nothing, with exit status 0."""
    repo()
    for extra in (("--ics", "private/c.ics"), ("--owner", "Sam"), ("--within", "7"), ("--include-notes",)):
        result = invoke("followups", "--as-of", "2026-11-24", "--chart", *extra)
        assert result.exit_code == 2, extra
        assert f"--chart shows everyone's latest assessment, not the follow-ups: it takes no {extra[0]}" in result.output
    assert not (tmp_path / "private/c.ics").exists()
    assert invoke("followups", "--as-of", "2026-11-24", "--chart").exit_code == 0
