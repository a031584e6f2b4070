"""One organizer is one person however the notes spell the name ('Sam',
'sam', 'Sam '): every list groups their calls once, under the spelling used
most often, and lint names the notes that spell it otherwise."""

from __future__ import annotations

import json

from helpers import AS_OF, CONVERSATION, invoke, line_of, lint_json

CONVERSATIONS = "content/conversations"


def note(note_id: str, pseudonym: str, owner: str, follow_up_owner: str | None = None) -> str:
    text = CONVERSATION.replace("id: talk-nia", f"id: {note_id}").replace("pseudonym: Nia", f"pseudonym: {pseudonym}")
    text = text.replace("owner: Sam", f"owner: {owner}")
    return text.replace("  how: coffee", f"  owner: {follow_up_owner}\n  how: coffee") if follow_up_owner else text


NOTES = {
    f"{CONVERSATIONS}/rosa.md": note("talk-rosa", "Rosa", "sam", "DOLORES"),
    f"{CONVERSATIONS}/tomas.md": note("talk-tomas", "Tomas", '"Sam "'),
    f"{CONVERSATIONS}/andre.md": note("talk-andre", "Andre", "Dolores", "Dolores"),
}


def test_every_list_groups_one_organizer_once_under_the_spelling_used_most(repo, tmp_path):
    repo(NOTES)
    markdown = invoke("followups", "--as-of", AS_OF, "--format", "markdown").output
    assert [line for line in markdown.splitlines() if line.startswith("## ")] == ["## Dolores", "## Sam"]
    listed = json.loads(invoke("followups", "--as-of", AS_OF, "--format", "json").output)["followups"]
    owners = [item["owner"] for item in listed]
    assert sorted(set(owners)) == ["Dolores", "Sam"]
    chart = json.loads(invoke("followups", "--chart", "--as-of", AS_OF, "--format", "json").output)
    assert [(row["group"], row["people"]) for row in chart["by_owner"]] == [("Dolores", 1), ("Sam", 3)]
    assert invoke("followups", "--as-of", AS_OF, "--ics", "calls.ics").exit_code == 0
    calendar = (tmp_path / "calls.ics").read_text()
    assert "(Sam)" in calendar and "(DOLORES)" not in calendar and "(sam)" not in calendar
    assert invoke("dashboard", "--as-of", AS_OF, "--output", "page.html").exit_code == 0
    page = (tmp_path / "page.html").read_text()
    assert ">DOLORES<" not in page and ">sam<" not in page and ">Sam<" in page
    assert "Sam" in invoke("followups", "--as-of", AS_OF, "--owner", " SAM ").output


def test_lint_names_the_notes_that_spell_an_organizer_otherwise(repo, tmp_path):
    repo(NOTES)
    warned = {(p["path"], p["line"]): p for p in lint_json() if p["rule"] == "name-spelling"}
    rosa = (tmp_path / f"{CONVERSATIONS}/rosa.md").read_text()
    assert set(warned) == {(f"{CONVERSATIONS}/rosa.md", line_of(rosa, "owner: sam")),
                           (f"{CONVERSATIONS}/rosa.md", line_of(rosa, "owner: DOLORES"))}
    said = warned[f"{CONVERSATIONS}/rosa.md", line_of(rosa, "owner: sam")]
    assert said["severity"] == "warning"
    assert said["message"].startswith(f"'sam' here, 'Sam' in {CONVERSATIONS}/talk-nia.md, {CONVERSATIONS}/tomas.md:")
