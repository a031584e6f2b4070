"""What the follow-ups let out: a calendar file goes wherever it is imported
(a phone, a synced or shared calendar), so it holds who, when, how and who
calls, and the private details only when asked for by name; it is never
written into build/, and is the owner's only. Also: the calendar file that
cannot be written."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar

from helpers import CONVERSATION, invoke

AS_OF = "2026-11-24"
NOTE = "content/conversations/talk-nia.md"
# One canary for each place a note holds something about a real person.
ASK, COMMITMENT, BODY = "CanaryAskKeishaDepot", "CanaryCommitmentSister", "CanaryBodyHusbandStopped"
CANARIES = (ASK, COMMITMENT, BODY)
WITH_CANARIES = (CONVERSATION.replace("ask: Come to the Tuesday meeting.", f"ask: Ask {ASK} to the meeting.")
                 .replace("commitment: Will come", f"commitment: {COMMITMENT} will come")
                 .replace("She is angry about the new route schedule.", f"{BODY} last week."))


def followups(*args: str):
    result = invoke("followups", "--as-of", AS_OF, *args)
    assert result.exit_code == 0, result.output
    return result


def found(text: str) -> set[str]:
    return {canary for canary in CANARIES if canary in text}


def calendar_text(path: Path) -> str:
    """Every value of every component, as a calendar program reads them back."""
    calendar = Calendar.from_ical(path.read_bytes())
    return "\n".join(str(value) for component in calendar.walk() for _, value in component.property_items())


def test_the_calendar_holds_who_when_how_and_the_caller_and_nothing_private_by_default(repo, tmp_path):
    repo({NOTE: WITH_CANARIES})
    result = followups("--ics", "followups.ics")
    assert found(result.stderr) == set()
    [event] = Calendar.from_ical((tmp_path / "followups.ics").read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "Follow up with Nia (Sam)"
    assert event.decoded("dtstart").isoformat() == "2026-11-21"
    assert str(event["description"]) == "How: coffee\nWho calls: Sam"
    assert found(calendar_text(tmp_path / "followups.ics")) == set()


def test_the_calendar_has_the_ask_the_commitment_and_the_notes_only_with_include_notes(repo, tmp_path):
    repo({NOTE: WITH_CANARIES})
    followups("--ics", "followups.ics", "--include-notes")
    [event] = Calendar.from_ical((tmp_path / "followups.ics").read_bytes()).walk("VEVENT")
    assert found(str(event["description"])) == set(CANARIES)
    assert "Last talked: 2026-11-14" in str(event["description"])


@pytest.mark.parametrize("output_format", ["table", "markdown", "json"])
def test_the_lists_show_the_ask_and_commitment_and_the_notes_only_when_asked(repo, output_format):
    repo({NOTE: WITH_CANARIES})
    plain = followups("--format", output_format)
    assert found(plain.stdout) == {ASK, COMMITMENT} and found(plain.stderr) == set()
    assert found(followups("--format", output_format, "--include-notes").stdout) == set(CANARIES)


@pytest.mark.parametrize("output_format", ["table", "markdown", "json"])
def test_the_chart_never_shows_what_a_note_says(repo, output_format):
    repo({NOTE: WITH_CANARIES})
    assert found(followups("--chart", "--format", output_format).output) == set()
    refused = invoke("followups", "--as-of", AS_OF, "--chart", "--format", output_format, "--include-notes")
    assert refused.exit_code == 2 and found(refused.output) == set()  # the chart shows no notes, even asked


def test_a_note_naming_no_owner_is_shown_under_no_owner_once_bracketed(repo, tmp_path):
    repo({NOTE: CONVERSATION.replace("owner: Sam\n", "")})
    result = invoke("followups", "--as-of", AS_OF, "--format", "markdown", "--ics", "followups.ics")
    assert result.exit_code == 1  # owner is required: lint says so
    assert "## (no owner)" in result.stdout
    [event] = Calendar.from_ical((tmp_path / "followups.ics").read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "Follow up with Nia (no owner)"
    assert "((" not in result.output + calendar_text(tmp_path / "followups.ics")
    listed = json.loads(invoke("followups", "--as-of", AS_OF, "--format", "json").stdout)["followups"]
    assert [item["owner"] for item in listed] == [None]


def test_a_calendar_file_in_a_folder_that_is_a_file_is_one_clear_line_and_exit_2(repo, tmp_path):
    repo({"notes.txt": "not a folder"})
    result = invoke("followups", "--as-of", AS_OF, "--ics", "notes.txt/followups.ics")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(
        "aotext followups: could not write the calendar file notes.txt/followups.ics: ")
    assert "Traceback" not in result.output and "please report" not in result.output


def test_a_calendar_file_in_a_read_only_folder_is_one_clear_line_and_exit_2(repo, tmp_path, monkeypatch):
    repo()
    (tmp_path / "shared").mkdir()

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    # Tests may run as root, who may write anywhere: the folder's refusal is simulated.
    monkeypatch.setattr("aotext.fsio.tempfile.mkstemp", read_only)
    result = invoke("followups", "--as-of", AS_OF, "--ics", "shared/followups.ics")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "aotext followups: could not write the calendar file shared/followups.ics: Permission denied; "
        "name a file in a folder you may write to")
    assert list((tmp_path / "shared").iterdir()) == []


def test_the_calendar_is_never_written_into_build_which_collectives_publish(repo, tmp_path):
    repo({NOTE: WITH_CANARIES})
    for target in ("build/followups.ics", "build/../build/calendars/followups.ics"):
        result = invoke("followups", "--as-of", AS_OF, "--ics", target)
        assert result.exit_code == 2, result.output
        assert (f"{target} is in build/, which collectives publish, and the calendar file names the people you "
                "organize: write it elsewhere (make calendar writes private/followups.ics)") in result.stderr
        assert "Nia" not in result.stdout  # refused before anything is listed
    assert not (tmp_path / "build").exists()


def test_the_calendar_in_private_is_the_owners_only_and_git_never_adds_it(repo, tmp_path):
    repo({NOTE: WITH_CANARIES})
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    result = followups("--ics", "private/followups.ics")
    assert "warning" not in result.stderr
    written = tmp_path / "private" / "followups.ics"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert subprocess.run(["git", "check-ignore", "-q", str(written)], cwd=tmp_path).returncode == 0
    elsewhere = followups("--ics", "calendar.ics")
    assert ("warning: calendar.ics is in the repository and git does not ignore it, so a `git add` would share "
            "the names in it") in elsewhere.stderr
