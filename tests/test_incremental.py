"""The incremental check that `aotext lsp` answers from: after every edit,
each file's problems are exactly what a full `aotext lint` of the files as
they now are reports, though only the documents the edit can affect were
checked again."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from aotext.incremental import LiveCheck, open_live
from aotext.load import load_text
from aotext.reading import check_loaded, read_and_check
from aotext.repository import open_repository

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 24)

Edit = Callable[[str], str | None]  # the file's new text from its old one; None: delete it


def _shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "aotext.yaml", tmp_path / "aotext.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _first(folder: str, needle: str = "") -> str:
    """The first file under `folder` (sorted) whose text holds `needle`."""
    for path in sorted(Path("content", folder).rglob("*.md")):
        if needle in path.read_text(encoding="utf-8"):
            return path.as_posix()
    raise AssertionError(f"no file in {folder} holds {needle!r}")


def _sub(pattern: str, replacement: str) -> Edit:
    def edit(text: str) -> str:
        changed, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        assert count == 1, pattern
        return changed
    return edit


def _apply(live: LiveCheck, path: str, edit: Edit) -> set[str]:
    file = Path(path)
    new = edit(file.read_text(encoding="utf-8")) if file.exists() else edit("")
    if new is None:
        file.unlink()
        return live.remove(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(new, encoding="utf-8")
    return live.update(read_and_check(file, keep_body=False, project=path == "aotext.yaml"))


def _full() -> list[str]:
    return [str(problem) for problem in open_repository(AS_OF, keep_bodies=False).lint.problems]


def _live() -> list[str]:
    return [str(problem) for problem in LIVE[0].all_problems()]


LIVE: list[LiveCheck] = []


def _edits() -> list[tuple[str, str | None, str, Edit]]:
    """Each edit: what it does, a rule that must then find something (None: any), the file, the change."""
    plan = _first("plans", "benchmarks:")
    plan_id = re.search(r"^id: *(\S+)", Path(plan).read_text(encoding="utf-8"), re.MULTILINE)
    assert plan_id
    log = _first("logs", f"plan: {plan_id.group(1)}")
    question = _first("worksheet", "number: 2")
    note = _first("conversations", "pseudonym:")
    other_note = next(path.as_posix() for path in sorted(Path("content/conversations").rglob("*.md"))
                      if path.as_posix() != note)
    other_name = re.search(r"^pseudonym: *(.+)$", Path(other_note).read_text(encoding="utf-8"), re.MULTILINE)
    assert other_name
    owner_found = re.search(r"^owner: *(.+)$", Path(note).read_text(encoding="utf-8"), re.MULTILINE)
    assert owner_found and owner_found.group(1) != owner_found.group(1).upper()
    owner = owner_found.group(1)
    scenario = _first("scenarios", "id:")
    module = _first("curriculum", "minutes:")
    copy = str(Path(plan).with_name("copy-of-plan.md"))
    plan_text = Path(plan).read_text(encoding="utf-8")
    scenario_text = Path(scenario).read_text(encoding="utf-8")
    # Another organizer's copy of a log, named so that it sorts first: the warning is at the log.
    log_copy, log_text = log.replace(".md", "-copy.md"), Path(log).read_text(encoding="utf-8")
    log_capitals = str(Path(log).with_name(Path(log).stem.upper() + ".md"))
    return [
        ("a log names a plan that does not exist", 'unknown-reference', log, _sub(r"^plan: *(\S+)", r"plan: \1x")),
        ("the log is put right", None, log, _sub(r"^plan: *(\S+)x$", r"plan: \1")),
        ("a plan is renamed: its logs break", 'unknown-reference', plan, _sub(r"^id: *(\S+)", r"id: \1-renamed")),
        ("the plan gets its name back", None, plan, _sub(r"^id: *(\S+)-renamed", r"id: \1")),
        ("a plan's YAML breaks", 'broken-reference', plan, lambda text: text.replace("benchmarks:", "benchmarks: [", 1)),
        ("the plan's YAML is mended", None, plan, lambda text: text.replace("benchmarks: [", "benchmarks:", 1)),
        ("a copy of the plan", 'duplicate-id', copy, lambda _: plan_text),
        ("the copy is deleted", None, copy, lambda _: None),
        ("two questions share a number", 'worksheet-numbering', question, _sub(r"^number: *2$", "number: 1")),
        ("the number is put back", None, question, _sub(r"^number: *1$", "number: 2")),
        # Notes that share no pseudonym, compared for the spelling of an organizer's name.
        ("another note spells an organizer otherwise", "name-spelling", other_note,
         _sub(r"^owner: *.+$", f"owner: {owner.upper()}")),
        ("the first note takes that spelling: the other is right now", None, note,
         lambda text: text.replace(f"owner: {owner}", f"owner: {owner.upper()}")),
        ("two notes share a pseudonym", 'shared-pseudonym', note, _sub(r"^pseudonym: *(.+)$", f"pseudonym: {other_name.group(1)}")),
        ("a note's date is mistyped", 'implausible-date', note, _sub(r"^date: *20", "date: 00")),
        ("a scenario is deleted", 'unknown-reference', scenario, lambda _: None),
        ("the scenario is back", None, scenario, lambda _: scenario_text),
        ("a module runs long", 'agenda-overrun', module, _sub(r"^minutes: *\d+", "minutes: 400")),
        ("the workshop day ends earlier", "agenda-overrun", "aotext.yaml", _sub(r"^(\s+end:) *\S+", r"\1 '12:00'")),
        ("a handout takes the plans by type", None, "aotext.yaml",
         _sub(r"^(    layout: plan\n)", r"\1    documents:\n      types: [plan]\n")),
        ("the handout's plan is renamed", "unknown-reference", plan, _sub(r"^id: *(\S+)", r"id: \1-renamed")),
        ("the plan gets its name back again", None, plan, _sub(r"^id: *(\S+)-renamed", r"id: \1")),
        ("a log is copied for another organizer", "same-day-logs", log_copy,
         lambda _: re.sub(r"^id: *(\S+)", r"id: \1-copy", log_text, count=1, flags=re.MULTILINE)),
        ("the copy is dated another day: the log is right", None, log_copy,
         _sub(r"^date: *(\d+-\d+-)\d+", r"date: \g<1>28")),
        ("the copy goes", None, log_copy, lambda _: None),
        # A log named again in capitals (of another day, so no other rule compares the two).
        ("a log's name in capitals", "file-name-case", log_capitals,
         lambda _: re.sub(r"^date: *(\d+-\d+-)\d+", r"date: \g<1>28", re.sub(
             r"^id: *(\S+)", r"id: \1-capitals", log_text, count=1, flags=re.MULTILINE), count=1, flags=re.MULTILINE)),
        ("the name in capitals goes", None, log_capitals, lambda _: None),
        ("a new, empty document", "schema", "content/plans/new.md", lambda _: "---\ntype: plan\n---\n"),
        ("text that is no document", "front-matter", "content/plans/new.md", lambda _: "just words\n"),
    ]


@pytest.mark.parametrize("start", ["read", "cache"])
def test_every_edit_gives_what_a_full_lint_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    """Started by reading every file, or from lint's cache (a file changed since
    it was written, so the cache is brought up to date first): the same."""
    _shipped(tmp_path, monkeypatch)
    if start == "cache":
        from aotext.lint_cache.rows import CachedDocument
        from helpers import invoke

        assert invoke("lint", "--as-of", AS_OF.isoformat()).exit_code == 0
        log = Path(_first("logs", "plan:"))
        log.write_text(log.read_text(encoding="utf-8").replace("plan: ", "plan: x", 1), encoding="utf-8")
    LIVE[:] = [open_live(AS_OF)]
    if start == "cache":
        assert any(isinstance(LIVE[0].corpus.find(found.id), CachedDocument)
                   for found in LIVE[0].corpus.everything() if found.id)
        assert any("[unknown-reference]" in line for line in _live())
        log.write_text(log.read_text(encoding="utf-8").replace("plan: x", "plan: ", 1), encoding="utf-8")
        LIVE[0].update(read_and_check(log, keep_body=False))
    assert _live() == _full()
    for what, rule, path, edit in _edits():
        changed = _apply(LIVE[0], path, edit)
        assert path in changed, what
        full = _full()
        assert _live() == full, what
        assert rule is None or any(line.endswith(f"[{rule}]") for line in full), what


def test_an_edit_rechecks_only_what_it_can_affect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _shipped(tmp_path, monkeypatch)
    live = open_live(AS_OF)
    plan = _first("plans", "benchmarks:")
    changed = _apply(live, plan, lambda text: text.replace("benchmarks:", "benchmarks:", 1))
    assert plan in changed
    assert len(changed) < len(live.paths) / 3, changed


def test_a_buffer_that_cannot_be_read_is_a_problem_not_a_crash(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _shipped(tmp_path, monkeypatch)
    live = open_live(AS_OF)
    plan = _first("plans", "benchmarks:")
    for text in ["", "---\n", "---\nid: [\n---\n", "\x00\x01", "---\n: : :\n---\n", "---\n- a\n- b\n---\n"]:
        live.update(check_loaded(load_text(plan, text), keep_body=False))
        assert live.problems(plan), text
