"""The corpus's lists are in path order, however documents come and go
(aotext.corpus): the rules walk them in that order, and an edit re-checked
in the editor or lint's cache must see what a full lint sees."""

from __future__ import annotations

from aotext.corpus import Corpus
from aotext.documents.document import Document


def _document(path: str, kind: str = "scenario") -> Document:
    return Document(path, {"type": kind, "id": path.rsplit("/", 1)[-1].removesuffix(".md")}, "", 1)


def test_documents_stay_in_path_order_as_files_are_added_changed_and_removed():
    corpus = Corpus([_document("content/b.md"), _document("content/d.md"), _document("content/a.md")])
    assert [document.path for document in corpus.everything()] == ["content/a.md", "content/b.md", "content/d.md"]
    corpus.replace("content/c.md", _document("content/c.md"))
    corpus.replace("content/a.md", _document("content/a.md", "plan"))  # changed: read again
    corpus.replace("content/b.md", None)  # removed
    corpus.replace("content/0.md", _document("content/0.md"))
    expected = ["content/0.md", "content/a.md", "content/c.md", "content/d.md"]
    assert [document.path for document in corpus.everything()] == expected
    assert [document.path for document in corpus.documents] == expected
    assert [document.path for document in corpus.of_type("scenario")] == ["content/0.md", "content/c.md", "content/d.md"]
    corpus.focus(["content/d.md", "content/0.md"])
    assert [document.path for document in corpus.documents] == ["content/0.md", "content/d.md"]
    assert [document.path for document in corpus.everything()] == expected
