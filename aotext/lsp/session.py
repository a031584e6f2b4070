"""The repository as the editor sees it, for `aotext lsp` (aotext.lsp.server):
the files on disk, with the editor's unsaved text in place of the files it
has open, checked as lint checks them; what each file's problems are, sent
to the editor as diagnostics; and the document under the cursor."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from aotext.discover import is_document_path, left_out
from aotext.documents.claims import claimed_in
from aotext.documents.document import Document
from aotext.errors import UsageError
from aotext.incremental import LiveCheck, open_live
from aotext.lint_named import not_checked
from aotext.load import load_text
from aotext.lsp.fixes import diagnostic
from aotext.reading import check_loaded, read_and_check


class Session:
    """The repository as the editor sees it: files on disk, with the
    editor's unsaved text in place of the files it has open."""

    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self.live: LiveCheck | None = None
        self.root = Path.cwd()
        self.published: set[str] = set()  # files whose diagnostics the editor shows
        self.left_out: set[str] = set()  # files open that lint leaves out, told so (say_left_out)

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

    def say_left_out(self, uri: str, is_open: bool) -> None:
        """Say in the editor that a file it opened in the content folder, which
        lint leaves out (a README, a file in a hidden folder, not .md), is not
        checked; clear that once it is closed. Without a word, the editor would
        show none of its problems, as if it had none."""
        path = self.relative(uri)
        content = self.live.content_dir if self.live is not None else None
        if path is None or content is None or not (self.root / path).resolve().is_relative_to(content.resolve()):
            return
        why = left_out(self.root / path, content) if is_open else None
        said = [diagnostic(not_checked(path, why), [])] if why is not None else []
        if said or path in self.left_out:
            self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=said))
        (self.left_out.add if said else self.left_out.discard)(path)

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
