"""`aotext lsp` driven as an editor drives it: pygls's own client starts the
real `aotext lsp` process in a repository in tmp_path and talks to it over
stdio. What the editor would show is checked: diagnostics at the right line
with lint's words, hover text, completions, definitions and quick fixes."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from helpers import line_of

ROOT = Path(__file__).resolve().parent.parent
WAIT = 30.0  # seconds: generous, for a loaded machine; a pass is usually well under one
T = TypeVar("T")


class Editor:
    """A language client that remembers the diagnostics the server published, per file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.client = LanguageClient("aotext-tests", "1")
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.publications: Counter[str] = Counter()  # how many times each file's diagnostics came
        self.published = asyncio.Event()
        self.versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.diagnostics[params.uri] = list(params.diagnostics)
            self.publications[params.uri] += 1
            self.published.set()

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            return None

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def logged(params: types.LogMessageParams) -> None:
            assert params.type != types.MessageType.Error, params.message

        self.shown_messages: list[str] = []
        self.told = asyncio.Event()

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def shown(params: types.ShowMessageParams) -> None:
            self.shown_messages.append(params.message)
            self.told.set()

    def uri(self, path: str) -> str:
        return (self.root / path).as_uri()

    async def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        await self.client.start_io(sys.executable, "-m", "aotext", "lsp", cwd=str(self.root), env=env)
        await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=self.root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=self.root.as_uri(), name="repo")]))
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    def open(self, path: str, text: str) -> None:
        self.versions[path] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=self.uri(path), language_id="markdown", version=1, text=text)))

    def change(self, path: str, text: str) -> None:
        self.versions[path] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=self.uri(path), version=self.versions[path]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    def files_changed(self, *changes: tuple[str, types.FileChangeType]) -> None:
        self.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=self.uri(path), type=kind) for path, kind in changes]))

    async def until(self, check: Callable[[], bool], what: str) -> None:
        """Wait until the published diagnostics satisfy `check`."""
        async def wait() -> None:
            while not check():
                self.published.clear()
                await self.published.wait()
        try:
            await asyncio.wait_for(wait(), WAIT)
        except TimeoutError:
            raise AssertionError(f"the editor never showed {what}; it shows {self.shown()}") from None

    def of(self, path: str) -> list[types.Diagnostic]:
        return self.diagnostics.get(self.uri(path), [])

    def shown(self) -> dict[str, list[str]]:
        return {uri.rsplit("/", 1)[-1]: [f"{d.range.start.line + 1}: {d.message} [{d.code}]" for d in found]
                for uri, found in self.diagnostics.items() if found}

    def at(self, path: str, line: int, character: int) -> dict[str, Any]:
        return {"text_document": types.TextDocumentIdentifier(uri=self.uri(path)),
                "position": types.Position(line=line, character=character)}


def _run(repo: Path, scenario: Callable[[Editor], Awaitable[T]]) -> T:
    async def session() -> T:
        editor = Editor(repo)
        await editor.start()
        try:
            return await scenario(editor)
        finally:
            await editor.stop()
    return asyncio.run(session())


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "aotext.yaml", tmp_path / "aotext.yaml")
    return tmp_path


LOG = "content/logs/2026-10-13-bus-drivers.md"
PLAN = "content/plans/bus-drivers-plan.md"


def _read(repo: Path, path: str) -> str:
    return (repo / path).read_text(encoding="utf-8")


def test_a_typo_is_shown_at_its_line_and_goes_away_when_fixed(shipped: Path) -> None:
    text = _read(shipped, LOG)
    typo = text.replace("plan: bus-drivers-plan", "plan: bus-drivrs-plan", 1)

    async def scenario(editor: Editor) -> None:
        editor.open(LOG, text)
        editor.change(LOG, typo)
        await editor.until(lambda: bool(editor.of(LOG)), "the typo")
        [found] = editor.of(LOG)
        assert found.code == "unknown-reference"
        assert found.range.start.line + 1 == line_of(typo, "plan: bus-drivrs-plan")
        assert "did you mean 'bus-drivers-plan'" in found.message
        assert found.severity == types.DiagnosticSeverity.Error
        editor.change(LOG, text)
        await editor.until(lambda: not editor.of(LOG), "the typo gone")

    _run(shipped, scenario)


def test_typing_in_the_project_file_checks_everything_once_the_typing_pauses(shipped: Path) -> None:
    """Each keystroke in aotext.yaml would check the whole repository again
    (seconds, at 20,000 documents): it is checked once, after a pause."""
    project = _read(shipped, "aotext.yaml")
    typed = [project.replace('end: "15:00"', f'end: "{end}"', 1) for end in ("14:30", "14:00", "13:30", "13:00", "12:00")]
    assert len(set(typed)) == 5 and project not in typed

    async def scenario(editor: Editor) -> tuple[int, list[str]]:
        editor.open("aotext.yaml", project)
        await asyncio.sleep(1)  # checked, and nothing to show
        for text in typed:  # one keystroke after another
            editor.change("aotext.yaml", text)
        await editor.until(lambda: any(d.code == "agenda-overrun" for d in editor.of("aotext.yaml")),
                           "the day running past its end")
        await asyncio.sleep(1)
        return editor.publications[editor.uri("aotext.yaml")], [d.message for d in editor.of("aotext.yaml")]

    published, messages = _run(shipped, scenario)
    assert published == 1
    assert any("past its end at 12:00" in message for message in messages), messages  # the last text typed


def test_the_words_are_lints_words(shipped: Path) -> None:
    from helpers import invoke

    typo = _read(shipped, LOG).replace("plan: bus-drivers-plan", "plan: bus-drivrs-plan", 1)
    (shipped / LOG).write_text(typo, encoding="utf-8")
    os.chdir(shipped)
    printed = invoke("lint", "--format", "json").output

    async def scenario(editor: Editor) -> list[types.Diagnostic]:
        await editor.until(lambda: bool(editor.of(LOG)), "the problem already on disk")
        return editor.of(LOG)

    found = _run(shipped, scenario)
    import json

    assert [(d.range.start.line + 1, d.range.start.character + 1, d.message, d.code) for d in found] == [
        (p["line"], p["column"], p["message"], p["rule"]) for p in json.loads(printed) if p["path"] == LOG]


def test_renaming_a_plan_breaks_its_logs_that_are_not_open(shipped: Path) -> None:
    text = _read(shipped, PLAN)
    renamed = text.replace("id: bus-drivers-plan", "id: bus-drivers-2026", 1)
    logs = sorted(p.relative_to(shipped).as_posix() for p in (shipped / "content/logs").glob("*.md"))

    async def scenario(editor: Editor) -> None:
        editor.open(PLAN, text)
        editor.change(PLAN, renamed)
        await editor.until(lambda: all(editor.of(log) for log in logs), "problems in every log of the plan")
        assert all(d.code == "unknown-reference" for log in logs for d in editor.of(log))
        editor.change(PLAN, text)
        await editor.until(lambda: not any(editor.of(log) for log in logs), "the logs clean again")

    _run(shipped, scenario)


def test_a_document_that_cannot_be_read_gets_a_diagnostic_not_a_crash(shipped: Path) -> None:
    async def scenario(editor: Editor) -> None:
        editor.open(LOG, "---\ntype: reflection\nplan: [\n")
        await editor.until(lambda: any(d.code == "front-matter" for d in editor.of(LOG)), "the unclosed front matter")
        editor.change(LOG, "---\n: : :\n  - [\n---\n")
        await editor.until(lambda: any(d.code == "yaml-syntax" for d in editor.of(LOG)), "the YAML error")
        editor.change(LOG, _read(shipped, LOG))
        await editor.until(lambda: not editor.of(LOG), "the log clean again")
        hover = await editor.client.text_document_hover_async(types.HoverParams(**editor.at(LOG, 1, 2)))
        assert hover is not None  # the server still answers

    _run(shipped, scenario)


def test_a_file_lint_leaves_out_is_said_not_checked_while_it_is_open(shipped: Path) -> None:
    """A plan drafted in a hidden folder of the content folder is never
    checked: the editor says so at its first line, in lint's words, rather
    than show no problem as if it had none, and stops saying it once the file
    is closed. A file outside the content folder is none of aotext's."""
    draft, outside = "content/plans/.drafts/draft.md", "notes/ideas.md"
    broken = "---\ntype: plan\nid: draft\n---\nNot finished.\n"
    for path in (draft, outside):
        (shipped / path).parent.mkdir(parents=True)
        (shipped / path).write_text(broken, encoding="utf-8")

    async def scenario(editor: Editor) -> None:
        editor.open(outside, broken)
        editor.open(draft, broken)
        await editor.until(lambda: bool(editor.of(draft)), "the draft said not checked")
        [said] = editor.of(draft)
        assert said.code == "left-out-file" and said.range.start.line == 0
        assert said.severity == types.DiagnosticSeverity.Warning
        assert said.message.startswith("this file was not checked: it is in the folder '.drafts'"), said.message
        editor.client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=editor.uri(draft))))
        await editor.until(lambda: not editor.of(draft), "the notice gone once the draft is closed")
        assert editor.publications[editor.uri(outside)] == 0

    _run(shipped, scenario)


def test_a_text_too_large_for_a_document_is_said_in_the_editor_as_lint_says_it(shipped: Path) -> None:
    """An editor sends what it holds: over 1 MB, it is what lint reports of
    the saved file (file-too-large), not parsed; the error had gone away
    when the file was opened."""
    async def scenario(editor: Editor) -> None:
        editor.open(LOG, _read(shipped, LOG) + "\n" + "pasted by mistake " * 70_000)
        await editor.until(lambda: [d.code for d in editor.of(LOG)] == ["file-too-large"], "the size said")
        editor.change(LOG, _read(shipped, LOG))
        await editor.until(lambda: not editor.of(LOG), "the log clean again")

    _run(shipped, scenario)


def test_completion_offers_plan_ids_keys_and_levels(shipped: Path) -> None:
    text = _read(shipped, LOG)
    lines = text.split("\n")
    plan_line = line_of(text, "plan: bus-drivers-plan") - 1
    blank_plan = text.replace("plan: bus-drivers-plan", "plan: ", 1)

    async def scenario(editor: Editor) -> None:
        editor.open(LOG, blank_plan)
        found = await editor.client.text_document_completion_async(types.CompletionParams(
            **editor.at(LOG, plan_line, len("plan: "))))
        labels = [item.label for item in (found or [])]
        assert "bus-drivers-plan" in labels
        typed = "\n".join([*lines[:plan_line + 1], "priv", *lines[plan_line + 1:]])
        editor.change(LOG, typed)
        found = await editor.client.text_document_completion_async(types.CompletionParams(
            **editor.at(LOG, plan_line + 1, len("priv"))))
        keys = {item.label: item for item in (found or [])}
        assert "private" in keys and "plan" not in keys and "celebrate" not in keys  # those are there already
        assert keys["private"].documentation

    _run(shipped, scenario)


def test_hover_explains_a_key_and_names_what_an_id_is(shipped: Path) -> None:
    text = _read(shipped, LOG)
    plan_line = line_of(text, "plan: bus-drivers-plan") - 1
    benchmark_line = line_of(text, "  - benchmark: rep-signups") - 1

    async def scenario(editor: Editor) -> list[types.Hover | None]:
        editor.open(LOG, text)
        return [await editor.client.text_document_hover_async(types.HoverParams(**editor.at(LOG, line, character)))
                for line, character in ((plan_line, 1), (plan_line, 8), (benchmark_line, len("  - benchmark: ") + 1))]

    on_key, on_id, on_benchmark = _run(shipped, scenario)
    assert on_key is not None and "The id of the plan this reflection is about" in str(on_key.contents)
    assert on_id is not None and PLAN in str(on_id.contents) and "plan 'bus-drivers-plan'" in str(on_id.contents)
    # A part of a plan is named with what it is and its title, not by its id alone.
    assert on_benchmark is not None
    assert "benchmark 'rep-signups': A driver-rep signs up 2 new drivers this month" in str(on_benchmark.contents)


def test_go_to_definition_opens_the_plan(shipped: Path) -> None:
    text = _read(shipped, LOG)
    plan_line = line_of(text, "plan: bus-drivers-plan") - 1

    async def scenario(editor: Editor) -> Any:
        editor.open(LOG, text)
        return await editor.client.text_document_definition_async(types.DefinitionParams(
            **editor.at(LOG, plan_line, 9)))

    found = _run(shipped, scenario)
    assert isinstance(found, types.Location)
    assert found.uri == (shipped / PLAN).as_uri()
    assert found.range.start.line + 1 == line_of(_read(shipped, PLAN), "id: bus-drivers-plan")


def test_quick_fixes_replace_a_misspelt_id_and_add_a_missing_key(shipped: Path) -> None:
    typo = _read(shipped, LOG).replace("plan: bus-drivers-plan", "plan: bus-drivrs-plan", 1)
    no_date = "\n".join(line for line in typo.split("\n") if not line.startswith("date:"))

    async def scenario(editor: Editor) -> list[types.CodeAction]:
        editor.open(LOG, no_date)
        await editor.until(lambda: len(editor.of(LOG)) >= 2, "the typo and the missing date")
        found = editor.of(LOG)
        actions = await editor.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=editor.uri(LOG)), range=found[0].range,
            context=types.CodeActionContext(diagnostics=found)))
        return [action for action in actions or [] if isinstance(action, types.CodeAction)]

    actions = _run(shipped, scenario)
    by_title = {action.title: action for action in actions}
    replace = by_title["Change 'bus-drivrs-plan' to 'bus-drivers-plan'"]
    assert replace.edit is not None and replace.edit.changes is not None
    [edit] = next(iter(replace.edit.changes.values()))
    assert edit.new_text == "bus-drivers-plan"
    assert _apply(no_date, edit).count("plan: bus-drivers-plan\n") == 1
    add = by_title["Add the required key 'date'"]
    assert add.edit is not None and add.edit.changes is not None
    [insert] = next(iter(add.edit.changes.values()))
    fixed = _apply(no_date, insert)
    assert "\ndate: " in fixed.split("\n---\n")[0] + "\n"  # inside the front matter


@pytest.mark.parametrize(("path", "slip", "key"), [
    (PLAN, ("  - id: southern-labor-militancy\n    title: >-", "  - title: >-"), "id"),
    (LOG, ("  - name: Ms. Pearl\n    first_task: Keep the action commitment sheet at the east lot and bring the "
           "count to each meeting.\n    paired_with: Curtis", "  - {name: Ms. Pearl, paired_with: Curtis}"),
     "first_task"),
    ("content/conversations/2026-11-14-nia.md", ("follow_up:\n  date: 2026-11-21\n", "follow_up:\n"), "date")],
    ids=["under a folded title", "in braces", "in a mapping below its key"])
def test_adding_a_missing_key_to_a_list_item_leaves_the_document_readable(shipped: Path, path: str,
                                                                        slip: tuple[str, str], key: str) -> None:
    """Inserted under the item's first line, the key had fallen inside a
    `title: >-` text, or under an item written in braces: YAML could not read it."""
    from aotext.load import load_text

    text = _read(shipped, path).replace(*slip, 1)

    async def scenario(editor: Editor) -> list[types.CodeAction]:
        editor.open(path, text)
        await editor.until(lambda: any(f"'{key}'" in d.message for d in editor.of(path)), "the missing key")
        found = [d for d in editor.of(path) if f"'{key}'" in d.message]
        actions = await editor.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=editor.uri(path)), range=found[0].range,
            context=types.CodeActionContext(diagnostics=found)))
        return [action for action in actions or [] if isinstance(action, types.CodeAction)]

    [add] = [action for action in _run(shipped, scenario) if action.title == f"Add the required key '{key}'"]
    assert add.edit is not None and add.edit.changes is not None
    [insert] = next(iter(add.edit.changes.values()))
    fixed = _apply(text, insert)
    loaded = load_text(path, fixed)
    assert loaded.document is not None, [problem.message for problem in loaded.problems]
    assert not [problem for problem in loaded.problems if problem.rule in ("yaml-syntax", "front-matter")]
    data = loaded.document.data
    assert key in (data["goals"][0] if path == PLAN else data["new_members"][0] if path == LOG else data["follow_up"])


def _apply(text: str, edit: types.TextEdit) -> str:
    lines = text.split("\n")
    start, end = edit.range.start, edit.range.end
    offset = sum(len(line) + 1 for line in lines[:start.line]) + start.character
    stop = sum(len(line) + 1 for line in lines[:end.line]) + end.character
    return text[:offset] + edit.new_text + text[stop:]


def test_files_changed_outside_the_editor_are_checked_again(shipped: Path) -> None:
    async def scenario(editor: Editor) -> None:
        (shipped / PLAN).unlink()  # as a git pull that deletes the plan would
        editor.files_changed((PLAN, types.FileChangeType.Deleted))
        await editor.until(lambda: bool(editor.of(LOG)), "the log's plan missing")
        assert editor.of(LOG)[0].code == "unknown-reference"

    _run(shipped, scenario)


def test_the_server_writes_no_file(shipped: Path) -> None:
    before = {path: path.stat().st_mtime_ns for path in shipped.rglob("*")}

    async def scenario(editor: Editor) -> None:
        editor.open(LOG, "---\ntype: reflection\n---\n")
        await editor.until(lambda: bool(editor.of(LOG)), "the broken log")

    _run(shipped, scenario)
    assert {path: path.stat().st_mtime_ns for path in shipped.rglob("*")} == before


def test_completion_offers_allowed_values_benchmarks_and_scale_levels(shipped: Path) -> None:
    note = "content/conversations/2026-11-14-nia.md"
    note_text = _read(shipped, note).replace("assessment: supporter", "assessment: ", 1)
    assessment_line = line_of(note_text, "assessment: ") - 1
    log = "content/logs/2026-11-24-bus-drivers.md"
    log_text = _read(shipped, log).replace("  - benchmark: developing-skills\n    level: a lot",
                                           "  - benchmark: developing-skills\n    level: ", 1)
    level_line = line_of(log_text, "    level: ") - 1
    benchmark_line = line_of(log_text, "  - benchmark: rep-signups") - 1

    async def scenario(editor: Editor) -> tuple[list[str], list[str], list[str]]:
        editor.open(note, note_text)
        editor.open(log, log_text)
        answers = []
        for path, line, character in [(note, assessment_line, len("assessment: ")),
                                      (log, level_line, len("    level: ")),
                                      (log, benchmark_line, len("  - benchmark: "))]:
            found = await editor.client.text_document_completion_async(types.CompletionParams(
                **editor.at(path, line, character)))
            answers.append([item.label for item in found or []] if isinstance(found, list) else [])
        return answers[0], answers[1], answers[2]

    assessments, levels, benchmarks = _run(shipped, scenario)
    assert assessments == ["leader", "supporter", "undecided", "pass"]
    assert levels == ["not yet", "a little", "steadily", "a lot"]
    assert {"rep-signups", "one-day-action-turnout", "developing-skills"} <= set(benchmarks)


def test_a_picture_that_appears_clears_the_missing_picture_problem(shipped: Path) -> None:
    module = "content/curriculum/01-kick-off.md"
    text = _read(shipped, module) + "\n![the three bus yards](yards.png)\n"
    (shipped / module).write_text(text, encoding="utf-8")

    async def scenario(editor: Editor) -> None:
        await editor.until(lambda: any(d.code == "missing-picture" for d in editor.of(module)), "the missing picture")
        (shipped / "content/curriculum/yards.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        editor.files_changed(("content/curriculum/yards.png", types.FileChangeType.Created))
        await editor.until(lambda: not editor.of(module), "the picture found")

    _run(shipped, scenario)


def test_a_folder_that_is_no_repository_is_said_in_the_editor_not_a_crash(tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> list[str]:
        await asyncio.wait_for(editor.told.wait(), WAIT)
        hover = await editor.client.text_document_hover_async(types.HoverParams(**editor.at("notes.md", 0, 0)))
        assert hover is None  # it still answers
        return editor.shown_messages

    [message] = _run(tmp_path, scenario)
    assert message.startswith("aotext: there is no 'content' folder here") and "aotext.yaml" in message


def test_problems_found_across_documents_point_into_the_unsaved_text(shipped: Path) -> None:
    """Lines added above a key in the editor, not saved: the problem stands where the key is now."""
    text = _read(shipped, LOG)
    moved = text.replace("plan: bus-drivers-plan", "# two lines\n# added here\nplan: bus-drivrs-plan", 1)

    async def scenario(editor: Editor) -> None:
        editor.open(LOG, text)
        editor.change(LOG, moved)
        await editor.until(lambda: bool(editor.of(LOG)), "the typo")
        [found] = editor.of(LOG)
        assert found.code == "unknown-reference"
        assert found.range.start.line + 1 == line_of(moved, "plan: bus-drivrs-plan")

    _run(shipped, scenario)


def test_completion_offers_the_values_of_a_list_written_one_per_line(shipped: Path) -> None:
    """'  - ' under steps_reached:, as aotext note writes it, had been taken
    for a key being typed, and nothing was offered; so under a strategy's serves:."""
    note = "content/conversations/2026-11-14-nia.md"
    note_text = _read(shipped, note).replace("  - get-their-story\n", "  - get-their-story\n  - \n", 1)
    step_line = note_text.split("\n").index("  - ")
    plan_text = _read(shipped, PLAN).replace("    serves: [independent-organization]\n",
                                             "    serves:\n      - independent-organization\n      - ind\n", 1)
    serves_line = plan_text.split("\n").index("      - ind")

    async def scenario(editor: Editor) -> tuple[list[str], list[str]]:
        editor.open(note, note_text)
        editor.open(PLAN, plan_text)  # a strategy's serves:, one goal a line
        answers = []
        for path, line, character in [(note, step_line, len("  - ")), (PLAN, serves_line, len("      - ind"))]:
            found = await editor.client.text_document_completion_async(types.CompletionParams(
                **editor.at(path, line, character)))
            answers.append([item.label for item in found or []] if isinstance(found, list) else [])
        return answers[0], answers[1]

    steps, goals = _run(shipped, scenario)
    assert "advocate-and-assess" in steps and "get-in-the-door" in steps
    assert "southern-labor-militancy" in goals and "independent-organization" in goals
