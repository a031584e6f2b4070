"""The files editors and systems leave beside the documents are not documents."""

from __future__ import annotations

from helpers import AS_OF, invoke, lint_json


def test_editor_lock_files_and_macos_side_files_are_not_documents(repo):
    root = repo()
    before = invoke("lint", "--as-of", AS_OF).output
    folder = root / "content" / "conversations"
    (folder / ".#talk-nia.md").symlink_to("sam@laptop.4242:1700000000")  # Emacs: a link to nowhere
    (folder / "._talk-nia.md").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02")
    assert lint_json() == []
    assert invoke("lint", "--as-of", AS_OF).output == before
