"""Two organizers, each in their own clone, note a one-on-one with the same
pseudonym on the same day: their notes must get different ids and file
names, or git's pull stops on an add/add conflict that merges two people's
notes into one file. `aotext new conversation` and `aotext note` follow one
rule: the date, the pseudonym and the owner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import AS_OF, invoke

COMMANDS = {
    "new": ["new", "conversation", "--date", AS_OF, "--pseudonym", "Rosa"],
    "note": ["note", "--as-of", AS_OF, "--pseudonym", "Rosa", "--assessment", "supporter"],
}


def made(root: Path, command: list[str], owner: str) -> str:
    """Run `command` for `owner` in `root` and return the name of the one note it wrote."""
    before = set((root / "content/conversations").iterdir())
    result = invoke(*command, "--owner", owner)
    assert result.exit_code == 0, result.output
    [path] = set((root / "content/conversations").iterdir()) - before
    return path.name


@pytest.mark.parametrize("command", COMMANDS)
def test_two_organizers_notes_about_one_pseudonym_on_one_day_get_different_files(repo, tmp_path, monkeypatch,
                                                                                command):
    alice = repo()
    bob = tmp_path.parent / f"{tmp_path.name}-bob"
    shutil.copytree(alice, bob)  # Bob's clone, as it was before either wrote
    by_alice = made(alice, COMMANDS[command], "Sam")
    monkeypatch.chdir(bob)
    by_bob = made(bob, COMMANDS[command], "Dolores")
    assert (by_alice, by_bob) == ("2026-11-24-rosa-sam.md", "2026-11-24-rosa-dolores.md")
    shutil.copy(bob / "content/conversations" / by_bob, alice / "content/conversations")  # what the pull brings
    monkeypatch.chdir(alice)
    assert invoke("lint", "--as-of", AS_OF).exit_code == 0


def test_a_second_note_by_the_same_organizer_on_the_same_day_is_numbered(repo):
    root = repo()
    names = [made(root, COMMANDS[command], "Sam") for command in ("new", "note")]
    assert names == ["2026-11-24-rosa-sam.md", "2026-11-24-rosa-sam-2.md"]

