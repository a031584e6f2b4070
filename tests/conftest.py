"""Fixtures only; what the tests share otherwise lives in helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import GOOD_REPO, make_key, write_tree


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A function that writes the good repository, with any files replaced, and
    makes it the working directory so paths print relative to it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)

    def make(changes: dict[str, str | bytes | None] | None = None) -> Path:
        files: dict[str, str | bytes] = dict(GOOD_REPO)
        for relative, content in (changes or {}).items():
            if content is None:
                files.pop(relative, None)
            else:
                files[relative] = content
        return write_tree(tmp_path, files)

    return make


@pytest.fixture
def me(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """The user's own age key, outside the repository, and AOTEXT_IDENTITY pointing at it."""
    identity, public = make_key(tmp_path_factory.mktemp("home"))
    monkeypatch.setenv("AOTEXT_IDENTITY", str(identity))
    return identity, public
