"""An encrypted file that is no longer whole (cut short by an interrupted
copy, joined with another version by a git merge, changed by hand): named,
with how to get it back from git, in plain words, never the age library's."""

from __future__ import annotations

import base64

import pytest

from crypto_helpers import ENCRYPTED, no_traceback, setup_encrypted
from helpers import AS_OF, invoke, make_key


def _cut_short(data: bytes) -> bytes:
    return data[:200]


def _cut_at_its_end(data: bytes) -> bytes:
    return data[:-40]


def _merged(data: bytes) -> bytes:
    return data[:200] + b"\n<<<<<<< HEAD\nyGw1\n=======\nq2Bx\n>>>>>>> theirs\n" + data[200:]


def _another_version(data: bytes) -> bytes:
    """The file as if changed by hand where it says its format (pyrage then says a
    second line, "Have you tried upgrading...", that must not reach the user)."""
    lines = data.decode().strip().splitlines()
    body = base64.b64decode("".join(lines[1:-1])).replace(b"age-encryption.org/v1", b"age-encryption.org/v9", 1)
    text = base64.b64encode(body).decode()
    return "\n".join([lines[0], *(text[at:at + 64] for at in range(0, len(text), 64)), lines[-1], ""]).encode()


RESTORE = f"restore it from git with 'git checkout -- {ENCRYPTED[0]}'"
DAMAGES = [(_cut_short, "(it is cut short, as an interrupted copy or a git merge can leave it)", RESTORE),
           (_cut_at_its_end, "(it is cut short", RESTORE),
           (_another_version, "(it was cut short or changed by hand", RESTORE),
           (_merged, "(a git merge joined two versions of it)", f"'git checkout HEAD -- {ENCRYPTED[0]}'")]


@pytest.mark.parametrize(("damage", "why", "restore"), DAMAGES)
def test_a_damaged_encrypted_file_is_one_error_naming_it_and_how_to_restore_it(repo, me, damage, why, restore):
    root = setup_encrypted(repo, me)
    damaged = root / ENCRYPTED[0]
    damaged.write_bytes(damage(damaged.read_bytes()))
    (root / "content/logs/broken.md").write_text("type: reflection\n")  # the run goes on to the other files
    result = invoke("lint", "--as-of", AS_OF)
    assert result.exit_code == 1
    [line, other] = [line for line in result.output.splitlines() if ": error: " in line]
    assert line.startswith(f"{ENCRYPTED[0]}:1:1: error: this encrypted file is damaged {why}") and restore in line
    assert line.endswith("[encrypted-damaged]") and other.startswith("content/logs/broken.md:1:1: error: no front matter")
    assert not any(words in result.output for words in ("armor", "padding", "upgrading", "FILE", "Header"))
    no_traceback(result)
    before = {path: path.read_bytes() for path in (root / "content").rglob("*") if path.is_file()}
    for command in (("keys", "rotate"), ("edit", ENCRYPTED[0])):
        refused = invoke(*command)
        assert refused.exit_code == 2 and f"{ENCRYPTED[0]} is damaged {why}" in refused.output, command
        assert restore in refused.output and "armor" not in refused.output
        no_traceback(refused)
    assert {path: path.read_bytes() for path in (root / "content").rglob("*") if path.is_file()} == before


def test_a_file_cut_at_its_end_is_damaged_not_for_other_people(repo, me, tmp_path_factory, monkeypatch):
    """Cut after its key lines, a file looked to someone without its key
    like one encrypted for other people: a warning, not the error it is."""
    root = setup_encrypted(repo, me)
    damaged = root / ENCRYPTED[0]
    damaged.write_bytes(_cut_at_its_end(damaged.read_bytes()))
    stranger, _ = make_key(tmp_path_factory.mktemp("stranger"), "stranger")
    monkeypatch.setenv("AOTEXT_IDENTITY", str(stranger))
    result = invoke("lint", "--as-of", AS_OF)
    assert result.exit_code == 1 and f"{ENCRYPTED[0]}:1:1: error: this encrypted file is damaged" in result.output
