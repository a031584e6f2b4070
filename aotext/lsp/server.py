"""`aotext lsp`: a Language Server over stdio that puts every aotext
finding in the editor while the user types, and answers hover, completion,
go to definition and quick fixes from the repository held in memory.

The repository is read once when the editor connects (aotext.incremental);
then an edit re-reads only the document edited (the editor's text, saved or
not) and re-checks what it can affect, and a file changed outside the
editor (git pull, another editor) is read again from disk. The server never
writes a file; a document it cannot read is a diagnostic, never a crash."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from aotext import __version__
from aotext.corpus import Corpus
from aotext.discover import is_document_path
from aotext.documents.claims import claimed_in
from aotext.documents.document import Document
from aotext.errors import UsageError
from aotext.incremental import LiveCheck, open_live
from aotext.lint import check_loaded, read_and_check
from aotext.load import load_text
from aotext.lsp import answers
from aotext.lsp.cursor import schema_name
from aotext.lsp.fixes import diagnostic, fixes
from aotext.lsp.outline import outline

T = TypeVar("T")
# A question about the place of the cursor: the corpus, the document, its lines, the line and character.
Ask = Callable[[Corpus, Document, list[str], int, int], T]
AtCursor = types.HoverParams | types.CompletionParams | types.DefinitionParams
# Documents, the project file, and the pictures documents show (lint says when one is missing).
WATCHED = ("**/*.md", "**/*.md.age", "**/*.yaml", "**/*.{png,jpg,jpeg,gif,svg,webp,PNG,JPG,JPEG,GIF,SVG,WEBP}")
# An edit to the project file checks the whole repository again (it can
# change what every rule says): seconds at 20,000 documents. Typed into, it
# is checked once the typing pauses this long, not at every keystroke.
PROJECT_PAUSE_SECONDS = 0.4


class Session:
    """The repository as the editor sees it: files on disk, with the
    editor's unsaved text in place of the files it has open."""

    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self.live: LiveCheck | None = None
        self.root = Path.cwd()
        self.published: set[str] = set()  # files whose diagnostics the editor shows

    def start(self, root: Path) -> None:
        """Read and check the repository at `root`; show every file's problems.
        A folder that is no aotext repository is said once, in the editor."""
        # Absolute: an editor that names no folder (Kate outside a git
        # repository) leaves "."; the files' addresses must still be whole.
        self.root = root.resolve()
        os.chdir(self.root)  # aotext's paths are relative to the repository, as lint prints them
        try:
            self.live = open_live(dt.date.today())
        except UsageError as error:
            self.server.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Warning,
                message=f"aotext: {error}. Open the repository's top folder (where aotext.yaml is) in the editor."))
            return
        self.publish(set(self.live.paths) | self.published)

    def relative(self, uri: str) -> str | None:
        """The repository path of any file the editor names inside the repository."""
        found = to_fs_path(uri)
        if found is None:
            return None
        try:
            return Path(found).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None

    def path_of(self, uri: str) -> str | None:
        """The repository path of a file the editor names, if lint reads that file."""
        path = self.relative(uri)
        if path is None or self.live is None:
            return None
        if path == self.live.project_path or self.live.loaded(path) is not None:
            return path
        content = self.live.content_dir
        return path if content is not None and is_document_path(self.root / path, content) else None

    def showing(self, picture: str) -> list[str]:
        """The documents that show the picture `picture` (a repository path)."""
        if self.live is None:
            return []
        return [path for path in self.live.paths if (item := self.live.loaded(path)) and picture in item.consulted]

    def recheck(self, path: str) -> None:
        """Check a document again as the editor or the disk holds it."""
        text = self.text_of(path)
        if text is not None:
            self.edited(path, text)
        else:
            self.on_disk(path)

    def uri_of(self, path: str) -> str:
        return from_fs_path(str(self.root / path)) or (self.root / path).as_uri()

    def text_of(self, path: str) -> str | None:
        """The editor's text of an open file, else None."""
        document = self.server.workspace.text_documents.get(self.uri_of(path))
        return document.source if document is not None else None

    def lines_of(self, path: str) -> list[str]:
        text = self.text_of(path)
        if text is None and not path.endswith(".age"):
            try:
                text = (self.root / path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
        return (text or "").split("\n")

    def edited(self, path: str, text: str) -> None:
        """The editor's text of `path` changed: check it, and what it affects."""
        if self.live is None:
            return
        # With its body and positions: they are the editor's, which the file on disk does not have yet.
        item = check_loaded(load_text(path, text, project=path == self.live.project_path), keep_body=True)
        claim = claimed_in(text.split("\n")) if item.document is None else None
        self.publish(self.live.update(item, claim))

    def on_disk(self, path: str) -> None:
        """`path` changed on disk (or the editor closed it): read it from there."""
        if self.live is None:
            return
        file = self.root / path
        if not file.is_file():
            self.publish(self.live.remove(path))
            return
        self.publish(self.live.update(read_and_check(Path(path), keep_body=False,
                                                     project=path == self.live.project_path)))

    def publish(self, paths: set[str]) -> None:
        if self.live is None:
            return
        for path in sorted(paths):
            problems = self.live.problems(path)
            if not problems and path not in self.published:
                continue
            lines = self.lines_of(path) if problems else []
            self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=self.uri_of(path), diagnostics=[diagnostic(problem, lines) for problem in problems]))
            if problems:
                self.published.add(path)
            else:
                self.published.discard(path)

    def document(self, uri: str, line: int | None = None) -> tuple[Document, list[str]] | None:
        """The document the editor holds at `uri` as read now, and its lines.
        While a line is half typed the rest is read without it (`line`), so
        completion still knows where the cursor is."""
        path = self.path_of(uri)
        if path is None or self.live is None:
            return None
        text = self.text_of(path)
        lines = self.lines_of(path)
        project = path == self.live.project_path
        found = self.live.loaded(path)
        document = found.document if found is not None else None
        if text is not None and line is not None and 0 <= line < len(lines):
            without = load_text(path, "\n".join([*lines[:line], "", *lines[line + 1:]]), project=project).document
            document = document if document is not None and _parses_line(document, line) else without or document
        return (document, lines) if document is not None else None


def _parses_line(document: Document, line: int) -> bool:
    """Whether the document as read has a key on `line` (0-based)."""
    return any(position[0] == line + 1 for position in document.positions.values())


def make_server() -> LanguageServer:
    server = LanguageServer("aotext", __version__)
    session = Session(server)

    def guarded(default: T, answer: Callable[[], T]) -> T:
        # A bug in aotext must not stop the server: the editor would lose every diagnostic.
        try:
            return answer()
        except Exception as error:  # noqa: BLE001 - reported to the editor's log, the server goes on
            server.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"aotext failed ({type(error).__name__}: {error}); please report this"))
            return default

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        folders = server.workspace.folders
        root = to_fs_path(next(iter(folders.values())).uri) if folders else server.workspace.root_path
        guarded(None, lambda: session.start(Path(root or ".")))
        server.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
            id="aotext-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]))]))

    project_due: list[asyncio.TimerHandle] = []  # the project file's check, waiting for a pause in the typing

    def cancel_project_check() -> None:
        for waiting in project_due:
            waiting.cancel()
        project_due.clear()

    def edited(path: str, text: str) -> None:
        if session.live is not None and path == session.live.project_path:
            cancel_project_check()
            project_due.append(asyncio.get_running_loop().call_later(
                PROJECT_PAUSE_SECONDS, lambda: guarded(None, lambda: session.edited(path, text))))
        else:
            guarded(None, lambda: session.edited(path, text))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        path = session.path_of(params.text_document.uri)
        if path is not None:
            edited(path, params.text_document.text)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        path = session.path_of(params.text_document.uri)
        text = session.text_of(path) if path is not None else None
        if path is not None and text is not None:
            edited(path, text)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        path = session.path_of(params.text_document.uri)
        if path is not None:  # what the editor had unsaved is gone: the file is what counts
            if session.live is not None and path == session.live.project_path:
                cancel_project_check()
            guarded(None, lambda: session.on_disk(path))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def files_changed(params: types.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            path = session.path_of(change.uri)
            if path is not None and (session.text_of(path) is None or change.type == types.FileChangeType.Deleted):
                guarded(None, lambda: session.on_disk(path))  # noqa: B023 - called at once
            elif path is None and (picture := session.relative(change.uri)) is not None:
                for shown_in in session.showing(picture):  # a picture that appeared or went
                    guarded(None, lambda: session.recheck(shown_in))  # noqa: B023 - called at once

    def at_cursor(params: AtCursor, default: T, ask: Ask[T], typing: bool = False) -> T:
        """`ask` about the place of the cursor in the document as read now
        (`typing`: its line may be half written); `default` when it cannot be."""
        held = session.document(params.text_document.uri, params.position.line if typing else None)
        if held is None or session.live is None:
            return default
        corpus, (document, lines) = session.live.corpus, held
        return guarded(default, lambda: ask(corpus, document, lines, params.position.line, params.position.character))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        return at_cursor(params, None, answers.hover)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=[":", " ", "-"]))
    def completion(params: types.CompletionParams) -> list[types.CompletionItem]:
        return at_cursor(params, [], answers.complete, typing=True)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(params: types.DefinitionParams) -> types.Location | None:
        found = at_cursor(params, None, answers.definition)
        if found is None:
            return None
        path, row, column = found
        start = types.Position(line=row - 1, character=column - 1)
        return types.Location(uri=session.uri_of(path), range=types.Range(start=start, end=start))

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        held = session.document(params.text_document.uri)
        if held is None:
            return []
        document, lines = held
        return guarded([], lambda: outline(document, lines))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        path = session.path_of(uri)
        held = session.document(uri)
        if path is None:
            return []
        name = schema_name(held[0]) if held is not None else None
        lines = session.lines_of(path)
        return guarded([], lambda: fixes(uri, params.context.diagnostics, lines, name, dt.date.today()))

    return server

