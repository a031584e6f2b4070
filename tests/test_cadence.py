"""Follow up always: someone whose newest note gives no follow-up date is
listed once their level's cadence has passed, counted from their last
conversation with anyone; a written date wins; the project file can change
the days. Through the real CLI, with a fixed --as-of."""

from __future__ import annotations

import json

from icalendar import Calendar

from helpers import CONVERSATION, PROJECT, invoke

AS_OF = "2026-11-24"


def note(name: str, *, owner: str = "Sam", day: str = "2026-10-21", assessment: str = "leader",
         follow_up: str | None = None, extra: str = "") -> str:
    text = (CONVERSATION.replace("id: talk-nia", f"id: talk-{name.lower()}-{day}")
            .replace("pseudonym: Nia", f"pseudonym: {name}").replace("owner: Sam", f"owner: {owner}")
            .replace("date: 2026-11-14", f"date: {day}").replace("assessment: supporter", f"assessment: {assessment}"))
    if follow_up is None:
        text = text.replace("follow_up:\n  date: 2026-11-21\n  how: coffee\n", extra)
    else:
        text = text.replace("date: 2026-11-21", f"date: {follow_up}")
    return text


def followups(*args: str) -> list[dict]:
    result = invoke("followups", "--as-of", AS_OF, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["followups"]


def by_name(items: list[dict]) -> dict[str, dict]:
    return {item["pseudonym"]: item for item in items}


def test_without_a_written_date_a_person_is_due_by_their_levels_cadence(repo):
    repo({"content/conversations/rosa.md": note("Rosa"),  # a leader, 34 days ago
          "content/conversations/luz.md": note("Luz", assessment="supporter", day="2026-11-10"),  # 14 days: not yet
          "content/conversations/pat.md": note("Pat", assessment="pass", day="2026-06-01")})  # never
    found = by_name(followups("--within", "0"))
    assert set(found) == {"Rosa", "Nia"}
    rosa = found["Rosa"]
    assert (rosa["due"], rosa["days_overdue"]) == ("2026-11-04", 20)
    assert rosa["cadence"] == "no contact for 34 days; leaders every 14"
    assert found["Nia"]["cadence"] is None  # Nia's note gives a date: that is the one that counts
    table = invoke("followups", "--as-of", AS_OF).stdout
    assert "20 days overdue" in table and "(no contact for 34 days; leaders every 14)" in table


def test_due_soon_by_cadence_is_listed_within_the_window_like_a_written_date(repo):
    repo({"content/conversations/luz.md": note("Luz", assessment="supporter", day="2026-11-10")})  # due 2026-12-01
    assert "Luz" not in by_name(followups("--within", "6"))
    luz = by_name(followups("--within", "7"))["Luz"]
    assert (luz["due"], luz["days_overdue"]) == ("2026-12-01", -7)


def test_a_written_follow_up_date_wins_over_the_cadence(repo):
    repo({"content/conversations/rosa.md": note("Rosa", follow_up="2026-12-20")})  # 34 days ago, date far off
    assert "Rosa" not in by_name(followups())


def test_the_cadence_counts_from_the_last_conversation_with_anyone(repo):
    handed_on = note("Rosa", follow_up="2026-10-30").replace("  how: coffee\n", "  how: coffee\n  owner: Dolores\n")
    repo({"content/conversations/rosa-1.md": handed_on,
          "content/conversations/rosa-2.md": note("Rosa", owner="Dolores", day="2026-11-12")})
    assert "Rosa" not in by_name(followups("--within", "0"))  # Dolores talked with her 12 days ago; leaders every 14
    assert by_name(followups("--within", "2"))["Rosa"]["owner"] == "Dolores"


def test_the_project_file_sets_the_days_or_never(repo):
    cadence = PROJECT + "followups:\n  cadence:\n    leader: never\n    supporter: 7\n"
    repo({"aotext.yaml": cadence, "content/conversations/rosa.md": note("Rosa"),
          "content/conversations/luz.md": note("Luz", assessment="supporter", day="2026-11-10")})
    found = by_name(followups())
    assert "Rosa" not in found
    assert found["Luz"]["cadence"] == "no contact for 14 days; supporters every 7"


def test_a_cadence_that_is_not_a_number_of_days_is_a_lint_error_at_its_line(repo):
    repo({"aotext.yaml": PROJECT + "followups:\n  cadence:\n    leader: fortnightly\n"})
    result = invoke("lint", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert f"aotext.yaml:{PROJECT.count(chr(10)) + 3}:" in result.stdout


def test_the_chart_counts_who_is_past_their_cadence(repo):
    repo({"content/conversations/rosa.md": note("Rosa", follow_up="2026-12-20"),  # past it, whatever the date says
          "content/conversations/luz.md": note("Luz", assessment="supporter", day="2026-11-10")})
    result = invoke("followups", "--chart", "--as-of", AS_OF, "--format", "json")
    assert json.loads(result.stdout)["total"]["past_their_cadence"] == 1


def test_the_calendar_says_why_but_names_the_level_only_with_the_notes(repo, tmp_path):
    repo({"content/conversations/rosa.md": note("Rosa")})
    assert invoke("followups", "--as-of", AS_OF, "--ics", "f.ics").exit_code == 0
    events = {str(event["summary"]): str(event["description"])
              for event in Calendar.from_ical((tmp_path / "f.ics").read_bytes()).walk("VEVENT")}
    assert "it is time to be in touch again" in events["Follow up with Rosa (Sam)"]
    assert "leader" not in events["Follow up with Rosa (Sam)"]
    assert invoke("followups", "--as-of", AS_OF, "--ics", "f.ics", "--include-notes").exit_code == 0
    events = {str(event["summary"]): str(event["description"])
              for event in Calendar.from_ical((tmp_path / "f.ics").read_bytes()).walk("VEVENT")}
    assert "Why: no contact for 34 days; leaders every 14" in events["Follow up with Rosa (Sam)"]
