"""aotext note and aotext log without a terminal: the answers come from
options or an answers file, are checked before anything is written, and
the document written lints clean and counts in the summary. The same
checks serve the prompts (test_entry_terminal.py drives those)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from aotext.entry.dates import DateError, resolve
from helpers import AS_OF, invoke

NOTE = ["note", "--as-of", AS_OF, "--pseudonym", "Rosa", "--owner", "Sam", "--assessment", "supporter"]


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


@pytest.mark.parametrize("said, meant", [
    ("2026-12-05", "2026-12-05"), ("today", "2026-11-24"), ("Tomorrow", "2026-11-25"), ("yesterday", "2026-11-23"),
    ("in 2 weeks", "2026-12-08"), ("in a month", "2026-12-24"), ("3 days ago", "2026-11-21"),
    ("saturday", "2026-11-28"), ("this saturday", "2026-11-28"), ("next saturday", "2026-12-05"),
    ("last saturday", "2026-11-21"), ("tuesday", "2026-12-01"), ("next monday", "2026-11-30"),
])
def test_dates_as_people_type_them(said, meant):
    assert resolve(said, dt.date(2026, 11, 24)) == dt.date.fromisoformat(meant)  # a Tuesday


def test_a_date_in_no_known_form_says_which_forms_there_are():
    with pytest.raises(DateError, match="write it like 2026-12-05, today, tomorrow, in 2 weeks"):
        resolve("the 5th", dt.date(2026, 11, 24))


@pytest.mark.parametrize("said, words", [("in 99999999 weeks", "is too far from today"),
                                          ("99999 months ago", "is too far from today"),
                                          ("0001-01-01", "is in the year 1: is the year mistyped?"),
                                          ("9999-12-31", "is in the year 9999: is the year mistyped?")])
def test_a_date_past_any_calendar_or_with_a_mistyped_year_is_refused(said, words):
    """What would write a document lint then rejects (or had failed with a traceback) is refused as it is typed."""
    with pytest.raises(DateError, match=words):
        resolve(said, dt.date(2026, 11, 24))


def test_a_note_from_options_is_private_lints_clean_and_is_listed_when_due(repo, tmp_path):
    repo()
    result = invoke(*NOTE, "--scenario", "bus-drivers", "--step", "get-their-story", "--step", "get-in-the-door",
                    "--ask", "Come to the yard meeting: bring a friend", "--follow-up", "saturday", "--how", "coffee")
    assert result.exit_code == 0, result.output
    path = tmp_path / "content/conversations/2026-11-24-rosa-sam.md"
    assert f"Wrote {path.relative_to(tmp_path)}" in result.stdout and "no problems" in result.stdout
    assert "Next follow-up: Saturday 2026-11-28 (in 4 days), by Sam." in result.stdout
    data = front(path)
    assert data["private"] is True and data["pseudonym"] == "Rosa" and data["assessment"] == "supporter"
    assert data["steps_reached"] == ["get-in-the-door", "get-their-story"]  # in the workshop's order
    assert data["ask"] == "Come to the yard meeting: bring a friend"  # a colon in an answer stays text
    assert data["follow_up"] == {"date": dt.date(2026, 11, 28), "how": "coffee"}
    listed = json.loads(invoke("followups", "--as-of", "2026-11-28", "--format", "json").stdout)["followups"]
    assert "Rosa" in [item["pseudonym"] for item in listed]


def test_missing_and_wrong_answers_are_named_and_nothing_is_written(repo, tmp_path):
    repo()
    result = invoke("note", "--as-of", AS_OF, "--owner", "Sam", "--assessment", "boss", "--follow-up", "someday",
                    "--scenario", "bus-driver")
    assert result.exit_code == 2
    for words in ("missing --pseudonym", "'boss' is not one of leader, supporter, undecided, pass",
                  "'someday' is not a date", "no scenario 'bus-driver' (did you mean 'bus-drivers'?)"):
        assert words in result.stderr
    assert sorted(p.name for p in (tmp_path / "content/conversations").iterdir()) == ["talk-nia.md"]


def test_a_second_note_never_writes_over_the_first(repo, tmp_path):
    repo()
    assert invoke(*NOTE).exit_code == 0
    assert invoke(*NOTE, "--assessment", "leader").exit_code == 0
    names = sorted(p.name for p in (tmp_path / "content/conversations").iterdir())
    assert names == ["2026-11-24-rosa-sam-2.md", "2026-11-24-rosa-sam.md", "talk-nia.md"]
    assert front(tmp_path / "content/conversations/2026-11-24-rosa-sam.md")["assessment"] == "supporter"


def test_a_pseudonym_that_a_public_document_names_is_warned_about(repo):
    repo()
    result = invoke(*NOTE[:3], "--pseudonym", "Drivers", *NOTE[5:])
    assert "warning: the pseudonym 'Drivers' also appears in content/" in result.stderr


def test_a_log_from_an_answers_file_lints_clean_and_moves_the_summary(repo, tmp_path):
    repo()
    (tmp_path / "meeting.yaml").write_text("""date: 2026-11-23
measurements:
  signups: 2
celebrate: [Two new drivers signed up.]
skills_practised: [One-on-ones at the yard]
new_members:
  - name: Curtis
    first_task: Bring two drivers from his route to the next meeting.
    paired_with: Dolores
anything_changed: The district moved the routes.
last_tactic: The yard meeting worked; people came.
changes:
  - to: meetings
    change: Meet at the yard before routes, not after.
""", encoding="utf-8")
    result = invoke("log", "bus-plan", "--as-of", AS_OF, "--answers", "meeting.yaml")
    assert result.exit_code == 0, result.output
    assert "no problems" in result.stdout
    assert "A driver-rep signs up 2 new drivers this month: 3 new drivers → 5 new drivers (met)." in result.stdout
    data = front(tmp_path / "content/logs/2026-11-23-bus-plan.md")
    assert data["measurements"] == [{"benchmark": "signups", "value": 2}]  # identify skipped: nothing written
    assert data["new_members"][0] == {"name": "Curtis", "first_task": "Bring two drivers from his route to the next "
                                      "meeting.", "paired_with": "Dolores"}
    assert data["changes"] == [{"to": "meetings", "change": "Meet at the yard before routes, not after."}]
    summary = json.loads(invoke("summary", "--as-of", AS_OF, "--format", "json").stdout)
    signups = next(b for b in summary["plans"][0]["benchmarks"] if b["id"] == "signups")
    assert (signups["current"], signups["last_measured"]) == (5, "2026-11-23")


def test_a_log_from_options_says_what_changed_and_a_status_that_moved(repo, tmp_path):
    repo()
    result = invoke("log", "bus-plan", "--as-of", AS_OF, "--measure", "identify=most", "--celebrate", "We are the union.")
    assert result.exit_code == 0, result.output
    assert "Do the drivers identify as the union?: on track → met. Celebrate it." in result.stdout


def test_wrong_measurements_and_an_unknown_plan_write_nothing(repo, tmp_path):
    repo()
    result = invoke("log", "bus-plan", "--as-of", AS_OF, "--measure", "signup=2", "--measure", "identify=all",
                    "--measure", "signups=lots")
    assert result.exit_code == 2
    assert "no benchmark 'signup' (did you mean 'signups'?)" in result.stderr
    assert "'all': answer one of: no, a few, most" in result.stderr and "'lots': give a number of new drivers" in result.stderr
    for count in ("inf", "nan", "1e999", "99999999999999999999999"):  # YAML would hold no count, or another one
        result = invoke("log", "bus-plan", "--as-of", AS_OF, "--measure", f"signups={count}")
        assert result.exit_code == 2 and f"'{count}': give a number of new drivers that can be counted" in result.stderr
    result = invoke("log", "bus-pln", "--as-of", AS_OF)
    assert result.exit_code == 2 and "there is no plan 'bus-pln' (did you mean 'bus-plan'?)" in result.stderr
    (tmp_path / "content/plans/bus-plan.md").write_text("---\ntype: plan\nid: bus-plan\ntitle: [\n---\n")
    result = invoke("log", "bus-plan", "--as-of", AS_OF)
    assert result.exit_code == 2 and "plan 'bus-plan' seems to be in content/plans/bus-plan.md, which aotext cannot read" in result.stderr
    assert sorted(p.name for p in (tmp_path / "content/logs").iterdir()) == ["log-2026-11-20.md"]


def test_an_answers_file_with_a_misspelt_key_or_a_list_for_one_line_writes_nothing(repo, tmp_path):
    """A misspelt key was dropped without a word (an empty log written, 'no
    problems'); a list for one line of text was written as Python's picture
    of a list. Each is named, with the key meant, and nothing is written."""
    repo()
    (tmp_path / "log.yaml").write_text("date: 2026-11-23\ncelbrate: [We won]\nnotes: [a, b]\n"
                                       "new_members:\n  - name: Al\n    first_task: Bring one\n    paired_wiht: Dolores\n",
                                       encoding="utf-8")
    result = invoke("log", "bus-plan", "--as-of", AS_OF, "--answers", "log.yaml")
    assert result.exit_code == 2
    for words in ("'celbrate' is not one of the answers aotext takes (did you mean 'celebrate'?)",
                  "notes: give one line of text, not a list",
                  "new_members 1: 'paired_wiht' is not one of the answers aotext takes (did you mean 'paired_with'?)"):
        assert words in result.stderr
    (tmp_path / "note.yaml").write_text("pseudonym: Zed\nowner: Sam\nassessment: supporter\ncomitment: to come\n"
                                        "ask: [come, now]\n", encoding="utf-8")
    result = invoke("note", "--as-of", AS_OF, "--answers", "note.yaml")
    assert result.exit_code == 2
    assert "'comitment' is not one of the answers aotext takes (did you mean 'commitment'?)" in result.stderr
    assert "ask: give one line of text, not a list" in result.stderr
    assert sorted(p.name for p in (tmp_path / "content/logs").iterdir()) == ["log-2026-11-20.md"]
    assert sorted(p.name for p in (tmp_path / "content/conversations").iterdir()) == ["talk-nia.md"]


def test_an_answers_file_that_is_not_yaml_is_said_at_its_line_in_lints_words(repo, tmp_path):
    repo()
    (tmp_path / "broken.yaml").write_text("date: 2026-11-23\ncelebrate: [\n", encoding="utf-8")
    result = invoke("log", "bus-plan", "--as-of", AS_OF, "--answers", "broken.yaml")
    assert result.exit_code == 2 and "broken.yaml:3:1: YAML could not read this" in result.stderr
    assert "<unicode string>" not in result.stderr
    (tmp_path / "latin.yaml").write_bytes("notes: caf\xe9\n".encode("latin-1"))
    result = invoke("log", "bus-plan", "--as-of", AS_OF, "--answers", "latin.yaml")
    assert result.exit_code == 2 and "latin.yaml is not UTF-8 text" in result.stderr


def test_a_note_about_someone_named_in_another_script_is_named_after_them():
    """A pseudonym or an organizer in Cyrillic or Chinese had given every such
    note of a day the name ...-untitled-untitled.md: two organizers' notes
    then clashed when git brought them together."""
    from aotext.documents.types.base import slug

    assert (slug("Ана"), slug("Саша"), slug("Маша"), slug("李"), slug("Nguyễn"), slug("Zoë")) == (
        "ana", "sasha", "masha", "li", "nguyen", "zoe")


def test_two_notes_in_cyrillic_get_names_of_their_own(repo, tmp_path):
    repo()
    for owner in ("Саша", "Маша"):
        result = invoke("note", "--as-of", "2026-11-24", "--pseudonym", "Ана", "--owner", owner,
                        "--assessment", "leader")
        assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (tmp_path / "content/conversations").glob("2026-*")) == [
        "2026-11-24-ana-masha.md", "2026-11-24-ana-sasha.md"]
