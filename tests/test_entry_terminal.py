"""aotext note and aotext log at a real terminal (a pseudo-terminal driven
by pexpect), answered as a person would: a wrong answer, a relative date, a
skipped benchmark, '?' for help, Ctrl-C half-way. The file written is read
back; after Ctrl-C nothing is written and no traceback is printed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import yaml

from helpers import AS_OF, ctrl_c_heard

pexpect = pytest.importorskip("pexpect", reason="pexpect is not installed: run make test")
AOTEXT = str(Path(sys.executable).parent / "aotext")
DOWN, CTRL_C, CLEAR = "\x1b[B", "\x03", "\x15"  # arrow down, Ctrl-C, Ctrl-U (clear the line)


def spawn(root: Path, *args: str):
    child = pexpect.spawn(AOTEXT, [*args, "--as-of", AS_OF], cwd=str(root), encoding="utf-8", timeout=20,
                          dimensions=(50, 160),
                          # A real terminal answers prompt_toolkit's cursor-position requests; this one does
                          # not, so they are switched off rather than waited for at every question.
                          env={"PATH": os.environ.get("PATH", ""), "TERM": "xterm", "NO_COLOR": "1",
                               "HOME": str(root), "PROMPT_TOOLKIT_NO_CPR": "1"})
    child.logfile_read = (root / "terminal.log").open("w", encoding="utf-8")
    return child


def answer(child, question: str, keys: str) -> None:
    child.expect(question)
    child.send(keys)


def enter_through(child, questions: tuple[str, ...]) -> None:
    """Enter at each question (what the options gave, or skip), yes at the last, and a clean end."""
    for question in questions[:-1]:
        answer(child, question, "\r")
    answer(child, questions[-1], "y\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_a_note_answered_at_the_terminal(repo, tmp_path):
    repo()
    child = spawn(tmp_path, "note")
    answer(child, "Pseudonym", "Nia\r")
    child.expect("Already noted: Nia \\(supporter, bus-drivers\\), last talked 2026-11-14 with Sam")
    child.expect("Asked: Come to the Tuesday meeting.")
    answer(child, "Who had the conversation", "\r")  # Sam, from her last note
    answer(child, "When was it", CLEAR + "the day before\r")
    child.expect("is not a date aotext can read")  # asked again, with what was typed kept
    child.send(CLEAR + "yesterday\r")
    child.expect("Monday 2026-11-23 \\(yesterday\\)")
    answer(child, "Which scenario", "\r")
    answer(child, "Where did you meet", "?\r")
    child.expect("Where it happened: a rally, tabling, the bus yard, a doorstep.")  # the schema's description
    answer(child, "Where did you meet", "the bus yard\r")
    answer(child, "Which steps", " " + DOWN + " \r")
    answer(child, "Your assessment", DOWN + "\r")  # from supporter (her last) down to undecided
    answer(child, "What did you ask", "Come to the December meeting\r")
    answer(child, "commit to", "\r")
    child.expect("the 'undecided' cadence proposes 2026-12-23")  # 30 days after the conversation, not after today
    child.send(CLEAR + "next saturday\r")
    child.expect("Saturday 2026-12-05 \\(in 11 days\\)")
    answer(child, "Who follows up", "\r")
    answer(child, "How\\?", "coffee\r")
    answer(child, "Anything else", "\r")
    answer(child, "Write this note", "y\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = front(tmp_path / "content/conversations/2026-11-23-nia-sam.md")
    assert (data["pseudonym"], data["owner"], data["date"], data["assessment"]) == (
        "Nia", "Sam", yaml.safe_load("2026-11-23"), "undecided")
    assert data["steps_reached"] == ["get-in-the-door", "get-their-story"]
    assert data["follow_up"] == {"date": yaml.safe_load("2026-12-05"), "how": "coffee"}
    assert "The id of the scenario" not in (tmp_path / "terminal.log").read_text(encoding="utf-8")
    assert "commitment" not in data  # skipped: nothing written for it
    assert "Traceback" not in (tmp_path / "terminal.log").read_text(encoding="utf-8")


def _stopped_with_no_note_written(child, root: Path, said: str = "Stopped: nothing was written.") -> None:
    """aotext note stopped in one plain line (`said`), exit 1, with no note written and no traceback."""
    child.expect(said)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert sorted(p.name for p in (root / "content/conversations").iterdir()) == ["talk-nia.md"]
    assert "Traceback" not in (root / "terminal.log").read_text(encoding="utf-8")


def test_ctrl_c_half_way_writes_nothing_and_prints_no_traceback(repo, tmp_path):
    repo()
    child = spawn(tmp_path, "note")
    answer(child, "Pseudonym", "Rosa\r")
    answer(child, "Who had the conversation", "Sam\r")
    answer(child, "When was it", CTRL_C)
    _stopped_with_no_note_written(child, tmp_path)


def test_a_log_answered_at_the_terminal_skips_a_benchmark_and_says_what_changed(repo, tmp_path):
    repo()
    child = spawn(tmp_path, "log", "bus-plan")
    answer(child, "When was the meeting", "\r")
    child.expect("A driver-rep signs up 2 new drivers this month")
    child.expect("target 2 new drivers a month; now 3; expected by now 1.6; met")
    answer(child, "New drivers, newly counted since the last log", "lots\r")
    child.expect("give a number of new drivers, like 3")
    child.send(CLEAR + "1\r")
    child.expect("Do the drivers identify as the union\\?")
    answer(child, "the answer now", "\r")  # the pointer starts on "skip": Enter skips it, as for a number
    answer(child, "What do you celebrate", "Curtis signed up a driver.\r")
    answer(child, "What do you celebrate", "\r")
    answer(child, "A skill the group practised", "\r")
    answer(child, "A new member's name", "Curtis\r")
    answer(child, "Curtis's first task", "Bring one driver to the meeting.\r")
    answer(child, "Who is Curtis paired with", "Dolores\r")
    answer(child, "A new member's name", "\r")
    answer(child, "Has anything changed", "No.\r")
    answer(child, "Was the last tactic effective", "\r")
    answer(child, "A change to your goals", "\r")
    answer(child, "Anything else from the meeting", "\r")
    answer(child, "Write this log", "y\r")
    child.expect("A driver-rep signs up 2 new drivers this month: 3 new drivers → 4 new drivers \\(met\\).")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = front(tmp_path / f"content/logs/{AS_OF}-bus-plan.md")
    assert data["measurements"] == [{"benchmark": "signups", "value": 1}]  # the skipped one is not there
    assert data["new_members"] == [{"name": "Curtis", "first_task": "Bring one driver to the meeting.",
                                    "paired_with": "Dolores"}]
    assert data["answers"] == {"anything_changed": "No."}
    said = (tmp_path / "terminal.log").read_text(encoding="utf-8")
    assert "(null)" not in said and "qualitative benchmark" not in said  # the file's words, not the question's
    assert "or '(skip: not measured)' when the question was not asked" in said


def test_a_typed_date_replaces_the_suggestion_and_a_wrong_one_is_asked_again_at_once(repo, tmp_path):
    """'today' is suggested, not typed in: a date typed at once is read as it
    is. A date too far away, or a follow-up before the conversation, is
    asked again at its question, not refused after the last one."""
    repo()
    child = spawn(tmp_path, "note")
    answer(child, "Pseudonym", "Nia\r")
    answer(child, "Who had the conversation", "\r")
    child.expect("When was it\\?.*\\(Enter for today")
    child.send("in 99999999 weeks\r")
    child.expect("is too far from today; write the date itself")
    child.send(CLEAR + "2026-11-20\r")
    child.expect("Friday 2026-11-20 \\(4 days ago\\)")
    answer(child, "Which scenario", "\r")
    answer(child, "Where did you meet", "\r")
    answer(child, "Which steps", "\r")
    answer(child, "Your assessment", "\r")
    answer(child, "What did you ask", "\r")
    answer(child, "commit to", "\r")
    answer(child, "When to follow up", "2026-11-18\r")
    child.expect("2026-11-18 is before the conversation on 2026-11-20; follow up after it")
    child.send(CLEAR + "2026-11-27\r")
    answer(child, "Who follows up", "\r")
    answer(child, "How\\?", "\r")
    answer(child, "Anything else", "\r")
    answer(child, "Write this note", "y\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = front(tmp_path / "content/conversations/2026-11-20-nia-sam.md")
    assert (data["date"], data["follow_up"]["date"]) == (yaml.safe_load("2026-11-20"), yaml.safe_load("2026-11-27"))
    assert "Traceback" not in (tmp_path / "terminal.log").read_text(encoding="utf-8")


CTRL_D = "\x04"


def _to_the_steps(child) -> None:
    answer(child, "Pseudonym", "Rosa\r")
    answer(child, "Who had the conversation", "Sam\r")
    answer(child, "When was it", "\r")
    answer(child, "Which scenario", "\r")
    answer(child, "Where did you meet", "\r")


@pytest.mark.parametrize("question", ["Which steps", "Your assessment"])
def test_ctrl_d_at_a_list_stops_as_ctrl_c_does(repo, tmp_path, question):
    """Ctrl-D at a list (or a yes/no) did nothing: the user was left waiting."""
    repo()
    child = spawn(tmp_path, "note")
    _to_the_steps(child)
    if question == "Your assessment":
        answer(child, "Which steps", "\r")
    answer(child, question, CTRL_D)
    _stopped_with_no_note_written(child, tmp_path)


def test_write_this_note_answered_neither_yes_nor_no_is_asked_again_in_plain_words(repo, tmp_path):
    repo()
    child = spawn(tmp_path, "note")
    _to_the_steps(child)
    for question in ("Which steps", "Your assessment", "What did you ask", "commit to", "When to follow up",
                     "Who follows up", "How\\?", "Anything else"):
        answer(child, question, "\r")
    answer(child, "Write this note\\? \\[Y/n\\]", "maybe\r")
    child.expect("Please answer y \\(yes\\) or n \\(no\\).")
    answer(child, "Write this note\\? \\[Y/n\\]", "n\r")
    _stopped_with_no_note_written(child, tmp_path, "Nothing was written.")
    assert "invalid input" not in (tmp_path / "terminal.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D])
def test_ctrl_c_or_ctrl_d_at_aotext_new_s_question_stops_in_plain_words(repo, tmp_path, key):
    """click's bare "Aborted!" before."""
    repo()
    before = sorted((tmp_path / "content").rglob("*"))
    # At click's question the terminal turns Ctrl-C into a signal: heard even in a run started in the background.
    child = pexpect.spawn(AOTEXT, ["new", "scenario"], cwd=str(tmp_path), encoding="utf-8", timeout=20,
                          env={"PATH": os.environ.get("PATH", ""), "TERM": "xterm", "HOME": str(tmp_path)},
                          preexec_fn=ctrl_c_heard)
    answer(child, "Title", key)
    child.expect("Stopped: nothing was written.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1 and "Aborted" not in child.before
    assert sorted((tmp_path / "content").rglob("*")) == before


def test_what_the_options_give_is_kept_at_the_terminal_and_a_wrong_one_refused_before_any_question(repo, tmp_path):
    """The README's own example: --celebrate and --skill had been dropped
    when the questions were asked at a terminal (only --measure stayed), and
    a misspelt benchmark was refused only after every question."""
    repo()
    child = spawn(tmp_path, "log", "bus-plan", "--measure", "signup=2")
    child.expect("the plan has no benchmark 'signup' \\(did you mean 'signups'\\?\\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2 and "When was the meeting" not in (tmp_path / "terminal.log").read_text()
    child = spawn(tmp_path, "log", "bus-plan", "--measure", "signups=2", "--celebrate", "Curtis signed up two.",
                  "--skill", "One-on-ones at the yard")
    answer(child, "When was the meeting", "\r")
    answer(child, "newly counted since the last log", "\r")
    answer(child, "the answer now", "\r")
    child.expect("Curtis signed up two.")
    answer(child, "What do you celebrate", "\r")
    child.expect("One-on-ones at the yard")
    enter_through(child, ("A skill the group practised", "A new member's name", "Has anything changed",
                          "Was the last tactic effective", "A change to your goals", "Anything else from the meeting",
                          "Write this log"))
    data = front(tmp_path / f"content/logs/{AS_OF}-bus-plan.md")
    assert data["measurements"] == [{"benchmark": "signups", "value": 2}]
    assert data["celebrate"] == ["Curtis signed up two."] and data["skills_practised"] == ["One-on-ones at the yard"]


def test_the_steps_given_as_options_start_ticked_at_the_terminal(repo, tmp_path):
    repo()
    child = spawn(tmp_path, "note", "--pseudonym", "Rosa", "--owner", "Sam", "--step", "get-their-story",
                  "--assessment", "supporter")
    enter_through(child, ("Pseudonym", "Who had the conversation", "When was it", "Which scenario",
                          "Where did you meet", "Which steps", "Your assessment", "What did you ask", "commit to",
                          "When to follow up", "Who follows up", "How\\?", "Anything else", "Write this note"))
    data = front(tmp_path / f"content/conversations/{AS_OF}-rosa-sam.md")
    assert data["steps_reached"] == ["get-their-story"]


def test_what_is_wrong_with_an_answer_is_said_in_full_on_a_narrow_terminal(repo, tmp_path):
    """On one line, the 80 columns of a terminal cut off what to do."""
    repo()
    child = pexpect.spawn(AOTEXT, ["log", "bus-plan", "--as-of", AS_OF], cwd=str(tmp_path), encoding="utf-8",
                          timeout=20, dimensions=(24, 80),
                          env={"PATH": os.environ.get("PATH", ""), "TERM": "xterm", "NO_COLOR": "1",
                               "HOME": str(tmp_path), "PROMPT_TOOLKIT_NO_CPR": "1"}, preexec_fn=ctrl_c_heard)
    answer(child, "When was the meeting", "2026-02-30\r")
    child.expect("next")
    child.expect("saturday")
    child.send(CTRL_C)
    child.expect("nothing was written")
    child.expect(pexpect.EOF)


def test_a_misspelt_step_or_assessment_is_refused_before_the_first_question(repo, tmp_path):
    """At a terminal a misspelt --step had been dropped without a word, and a
    misspelt --assessment had become the first one on the list."""
    repo()
    child = spawn(tmp_path, "note", "--pseudonym", "Rosa", "--owner", "Sam", "--step", "get-their-stori",
                  "--assessment", "supporterr")
    child.expect("'get-their-stori' is not one of the five steps")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    said = (tmp_path / "terminal.log").read_text(encoding="utf-8")
    assert "'supporterr' is not one of leader, supporter, undecided, pass" in " ".join(said.split())
    assert "Pseudonym" not in said and not list((tmp_path / "content/conversations").glob("2026-*"))
