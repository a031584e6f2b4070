"""The corpus's rules run in a forked copy of the process while a summary,
the follow-ups or the dashboard is made (aotext.lint, aotext.apart): the
problems, what the commands print and write, and their exit statuses are
exactly those of the rules run in the process itself."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import aotext.lint
import aotext.reading
from aotext.cli import cli
from aotext.repository import open_repository
from helpers import copies_started, invoke
from test_incremental import AS_OF, _edits, _shipped


def _rules_apart(monkeypatch: pytest.MonkeyPatch, apart: bool) -> list[int]:
    """Rules run apart for a repository of any size (as for many documents
    on two cores), or never; the copies started are listed."""
    started = copies_started(monkeypatch, 2)
    monkeypatch.setattr(aotext.reading, "PARALLEL_THRESHOLD", 1 if apart else 10**9)
    return started


def _opened(apart: bool) -> tuple[list[str], bool]:
    """The problems as lint prints them, and whether the project file could be used."""
    repository = open_repository(AS_OF, rules_apart=apart)
    return [str(problem) for problem in repository.lint.problems], repository.project is not None


def test_edit_after_edit_the_problems_are_those_of_the_rules_run_here(tmp_path, monkeypatch):
    _shipped(tmp_path, monkeypatch)
    started = _rules_apart(monkeypatch, True)
    assert _opened(True) == _opened(False)
    edits = _edits()
    for what, rule, path, edit in edits:
        file = Path(path)
        new = edit(file.read_text(encoding="utf-8")) if file.exists() else edit("")
        if new is None:
            file.unlink()
        else:
            file.write_text(new, encoding="utf-8")
        apart, here = _opened(True), _opened(False)
        assert apart == here, what
        assert rule is None or any(line.endswith(f"[{rule}]") for line in here[0]), what
    assert len(started) == len(edits) + 1  # every time, apart


def test_a_project_file_with_errors_is_set_aside_before_the_rules_run_apart_are_done(tmp_path, monkeypatch):
    """A handout asking for a format its layout cannot make: a rule's error in
    the project file, found here at once, so the commands do not use it."""
    root = _shipped(tmp_path, monkeypatch)
    project = root / "aotext.yaml"
    text = project.read_text(encoding="utf-8")
    assert "formats: [pdf, html]" in text
    project.write_text(text.replace("formats: [pdf, html]", "formats: [pptx]", 1), encoding="utf-8")
    started = _rules_apart(monkeypatch, True)
    problems, usable = _opened(True)
    assert started and not usable
    assert any(line.startswith("aotext.yaml:") and line.endswith("[handout-format]") for line in problems)
    assert (problems, usable) == _opened(False)


def test_when_the_copy_running_the_rules_fails_they_are_run_here(tmp_path, monkeypatch):
    root = _shipped(tmp_path, monkeypatch)
    log = next((root / "content/logs").glob("*.md"))
    log.write_text(log.read_text(encoding="utf-8").replace("plan: ", "plan: x", 1), encoding="utf-8")
    started = _rules_apart(monkeypatch, True)
    here, run = os.getpid(), aotext.lint.run_rules

    def failing_apart(*args):  # type: ignore[no-untyped-def]
        if os.getpid() != here:
            raise OSError("the disk went away")
        return run(*args)

    monkeypatch.setattr(aotext.lint, "run_rules", failing_apart)
    problems, _ = _opened(True)
    assert started and any("[unknown-reference]" in line for line in problems)
    monkeypatch.setattr(aotext.lint, "run_rules", run)
    assert (problems, True) == _opened(False)


@pytest.mark.parametrize("command", [
    ("summary", "--format", "json"),
    ("summary", "--format", "markdown"),
    ("followups", "--format", "json"),
    ("dashboard", "--output", "page.html"),
    ("dashboard", "--shareable", "--output", "shareable.html"),
])
def test_each_report_prints_writes_and_exits_as_with_the_rules_run_here(tmp_path, monkeypatch, command):
    """With a log that names no plan (an error the rules find) and a log dated
    after the day: what is printed, the page written and the exit status are the same."""
    root = _shipped(tmp_path, monkeypatch)
    logs = sorted((root / "content/logs").glob("*.md"))
    logs[0].write_text(logs[0].read_text(encoding="utf-8").replace("plan: ", "plan: x", 1), encoding="utf-8")
    logs[1].write_text(re.sub(r"^date: .*$", "date: 2026-11-30", logs[1].read_text(encoding="utf-8"), count=1,
                              flags=re.MULTILINE), encoding="utf-8")
    outcomes = []
    for apart in (True, False):
        started = _rules_apart(monkeypatch, apart)
        result = invoke(*command, "--as-of", AS_OF.isoformat())
        written = [(root / name).read_text(encoding="utf-8") for name in command if name.endswith(".html")]
        outcomes.append((result.exit_code, result.output, written))
        assert bool(started) == apart
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == 1 and "[unknown-reference]" in outcomes[0][1]



def test_the_rules_are_not_run_again_here_when_the_copy_answers(tmp_path, monkeypatch):
    """Only the project file's rules run in this process: a copy whose answer
    were lost, and the rules run again here, would give the same problems twice as slowly."""
    root = _shipped(tmp_path, monkeypatch)
    log = next((root / "content/logs").glob("*.md"))
    log.write_text(log.read_text(encoding="utf-8").replace("plan: ", "plan: x", 1), encoding="utf-8")
    started = _rules_apart(monkeypatch, True)
    here, run, whole_runs_here = os.getpid(), aotext.lint.run_rules, []

    def watched(corpus, *args):  # type: ignore[no-untyped-def]
        if os.getpid() == here and corpus.documents == corpus.everything():
            whole_runs_here.append(corpus)
        return run(corpus, *args)

    monkeypatch.setattr(aotext.lint, "run_rules", watched)
    problems, _ = _opened(True)
    assert started and any("[unknown-reference]" in line for line in problems) and not whole_runs_here


@pytest.mark.parametrize("command", [
    ("summary", "--plan", "no-such-plan"),
    ("dashboard", "--plan", "no-such-plan"),
    ("followups", "--owner", "Nobody"),
])
def test_a_report_refused_after_reading_leaves_no_copy_running(tmp_path, monkeypatch, command):
    """Refused once the files are read, the command never asks for the
    problems: the copy running the rules is stopped, not left to finish."""
    _shipped(tmp_path, monkeypatch)
    started = _rules_apart(monkeypatch, True)
    result = invoke(*command, "--as-of", AS_OF.isoformat())
    assert result.exit_code == 2 and started
    for pid in started:
        with pytest.raises(ProcessLookupError):  # gone, and waited for
            os.kill(pid, 0)


@pytest.mark.parametrize("command", [("followups", "--format", "json", "--ics", "private/calls.ics"),
                                     ("summary", "--format", "json"),
                                     ("dashboard", "--output", "page.html")])
def test_a_rule_that_fails_stops_a_report_before_it_prints_or_writes(tmp_path, monkeypatch, command):
    root = _shipped(tmp_path, monkeypatch)
    started = _rules_apart(monkeypatch, True)

    def failing(corpus, as_of):  # type: ignore[no-untyped-def]
        if corpus.documents:  # not with the corpus focused on the project file alone: a rule about logs
            raise RuntimeError("a rule's own bug")
        return []

    rule = aotext.lint.REGISTRY["same-day-logs"]
    monkeypatch.setitem(aotext.lint.REGISTRY, rule.id, dataclasses.replace(rule, check=failing))
    result = CliRunner().invoke(cli, [*command, "--as-of", AS_OF.isoformat()])
    assert started and isinstance(result.exception, RuntimeError)
    assert result.stdout == "" and not (root / "private/calls.ics").exists() and not (root / "page.html").exists()

