"""Who is who in the conversation notes: two people who share a pseudonym
stay two people, a person handed to another organizer stays one, and lint
says so wherever aotext has to guess."""

from __future__ import annotations

import json

from helpers import SCENARIO, invoke, line_of, lint_json

AS_OF = "2026-11-24"


def note(note_id: str, pseudonym: str, owner: str, held: str, due: str, *, scenario: str = "bus-drivers",
         person: str | None = None, caller: str | None = None, assessment: str = "supporter") -> str:
    lines = ["---", "type: conversation", f"id: {note_id}", f"date: {held}", f"pseudonym: {pseudonym}",
             *([f"person: {person}"] if person else []), f"owner: {owner}", f"scenario: {scenario}",
             f"assessment: {assessment}", "ask: Come to the Tuesday meeting.", "commitment: Will come.",
             "follow_up:", f"  date: {due}", *([f"  owner: {caller}"] if caller else []), "  how: coffee",
             "---", "What we talked about.", ""]
    return "\n".join(lines)


def files(**notes: str) -> dict[str, str | None]:
    return {"content/conversations/talk-nia.md": None,
            "content/scenarios/police-presence.md": SCENARIO.replace("id: bus-drivers", "id: police-presence"),
            **{f"content/conversations/{name}.md": text for name, text in notes.items()}}


def listed(*args: str) -> list[tuple[str | None, str, str]]:
    result = invoke("followups", "--as-of", AS_OF, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [(item["owner"], item["pseudonym"], item["due"]) for item in json.loads(result.stdout)["followups"]]


def chart_people() -> int:
    result = invoke("followups", "--as-of", AS_OF, "--chart", "--format", "json")
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)["total"]["people"])


def warnings(rule: str) -> list[tuple[str, int]]:
    return [(problem["path"], problem["line"]) for problem in lint_json() if problem["rule"] == rule]


def test_two_people_with_one_pseudonym_under_two_owners_are_both_listed_and_lint_asks_for_person(repo):
    root = repo(files(sam=note("sam-rosa", "Rosa", "Sam", "2026-11-10", "2026-11-20"),
                      dolores=note("dolores-rosa", "rosa", "Dolores", "2026-11-12", "2026-11-22")))
    assert listed() == [("Dolores", "rosa", "2026-11-22"), ("Sam", "Rosa", "2026-11-20")]
    assert chart_people() == 2
    shared = [p for p in lint_json() if p["rule"] == "shared-pseudonym"]
    text = (root / "content/conversations/sam.md").read_text()
    assert [(p["path"], p["line"], p["severity"]) for p in shared] == [
        ("content/conversations/dolores.md", line_of(text, "pseudonym:"), "warning"),
        ("content/conversations/sam.md", line_of(text, "pseudonym:"), "warning"),
    ]
    assert "content/conversations/dolores.md, by Dolores" in shared[1]["message"]
    assert "add person: rosa-1 to every note about one" in shared[1]["message"]
    # The warning shows where the list is made, too.
    assert "shared-pseudonym" in invoke("followups", "--as-of", AS_OF).stderr


def test_one_pseudonym_in_two_scenarios_is_two_people(repo):
    repo(files(a=note("a", "Rosa", "Sam", "2026-11-10", "2026-11-20"),
               b=note("b", "Rosa", "Sam", "2026-11-12", "2026-11-22", scenario="police-presence")))
    assert listed() == [("Sam", "Rosa", "2026-11-20"), ("Sam", "Rosa", "2026-11-22")]
    assert "their scenarios differ" in next(p["message"] for p in lint_json() if p["rule"] == "shared-pseudonym")


def test_a_person_handed_on_by_the_follow_up_owner_is_one_person(repo):
    # Sam met Andre; the meeting decided Dolores follows up; later Sam sees him again.
    repo(files(first=note("first", "Andre", "Sam", "2026-10-01", "2026-10-08", caller="Dolores"),
               second=note("second", "Andre", "Dolores", "2026-10-09", "2026-10-20"),
               third=note("third", "andre", "Sam", "2026-11-18", "2026-11-25", assessment="leader")))
    assert listed() == [("Sam", "andre", "2026-11-25")]
    assert chart_people() == 1
    assert warnings("shared-pseudonym") == []


def test_notes_with_the_same_person_id_are_one_person_whatever_the_owner_scenario_or_pseudonym(repo):
    repo(files(a=note("a", "Rosa", "Sam", "2026-10-01", "2026-10-08", person="rosa-yard"),
               b=note("b", "Rosie", "Dolores", "2026-11-20", "2026-11-27", person="rosa-yard",
                      scenario="police-presence"),
               c=note("c", "Rosa", "Sam", "2026-11-21", "2026-11-28", person="rosa-depot")))
    assert listed() == [("Dolores", "Rosie", "2026-11-27"), ("Sam", "Rosa", "2026-11-28")]
    assert chart_people() == 2
    assert warnings("shared-pseudonym") == []
    people = json.loads(invoke("followups", "--as-of", AS_OF, "--format", "json").stdout)["followups"]
    assert [item["person"] for item in people] == ["rosa-yard", "rosa-depot"]


def test_a_note_without_person_beside_one_with_it_is_warned_about(repo):
    repo(files(a=note("a", "Rosa", "Sam", "2026-11-10", "2026-11-20"),
               b=note("b", "Rosa", "Sam", "2026-11-12", "2026-11-22", person="rosa-2")))
    assert listed() == [("Sam", "Rosa", "2026-11-20"), ("Sam", "Rosa", "2026-11-22")]
    [only] = [p for p in lint_json() if p["rule"] == "shared-pseudonym"]
    assert only["path"] == "content/conversations/a.md"
    assert "that note says person: rosa-2 and this one does not" in only["message"]


def test_person_must_be_a_short_id(repo):
    repo(files(a=note("a", "Rosa", "Sam", "2026-11-10", "2026-11-20", person="Rosa García")))
    assert [p["rule"] for p in lint_json()] == ["schema"]


def test_a_conversation_dated_after_the_as_of_day_is_a_warning(repo):
    root = repo(files(a=note("a", "Rosa", "Sam", "2026-12-14", "2026-12-20")))
    [problem] = lint_json()
    text = (root / "content/conversations/a.md").read_text()
    assert (problem["rule"], problem["severity"], problem["line"]) == (
        "future-conversation", "warning", line_of(text, "date: 2026-12-14"))
    assert "dated 2026-12-14, after 2026-11-24" in problem["message"] and "check the date" in problem["message"]
    assert invoke("lint", "--as-of", AS_OF, "--strict").exit_code == 1
    # Asking about a day in the past, later notes are expected: not repeated by followups.
    assert "future-conversation" not in invoke("followups", "--as-of", AS_OF).stderr


def test_followups_for_today_says_which_notes_it_leaves_out_for_their_future_date(repo):
    repo(files(a=note("a", "Rosa", "Sam", "2190-01-01", "2190-01-08")))  # after any day these tests run
    result = invoke("followups", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["followups"] == []
    assert "content/conversations/a.md:4:1: warning: this conversation is dated 2190-01-01" in result.stderr
