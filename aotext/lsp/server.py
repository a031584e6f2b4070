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
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from aotext import __version__
from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.lsp import answers
from aotext.lsp.cursor import schema_name
from aotext.lsp.fixes import fixes
from aotext.lsp.outline import outline
from aotext.lsp.session import Session

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
        else:
            guarded(None, lambda: session.say_left_out(params.text_document.uri, is_open=True))

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
        else:
            guarded(None, lambda: session.say_left_out(params.text_document.uri, is_open=False))

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

