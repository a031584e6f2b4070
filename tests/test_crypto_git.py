"""Two organizers, Alice and Bob, each with a clone of one repository: what
aotext writes for git must never stop the other's `git pull`, and git must
never join two encrypted versions of a note into a file nobody can read."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from crypto_helpers import ENCRYPTED, NOTES, REQUIRED, ok
from helpers import AS_OF, invoke

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(where), *args], capture_output=True, text=True, check=False)


@pytest.fixture
def clones(repo, tmp_path_factory, monkeypatch):
    """Alice's clone (the good repository with two plain notes, pushed) and Bob's."""
    for key, value in {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t",
                       "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                       "GIT_COMMITTER_EMAIL": "t@example.invalid"}.items():
        monkeypatch.setenv(key, value)
    alice = repo(NOTES)
    origin = tmp_path_factory.mktemp("origin") / "shared.git"
    assert git(origin.parent, "init", "-q", "--bare", "-b", "main", str(origin)).returncode == 0
    for step in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-q", "-m", "start"),
                 ("remote", "add", "origin", str(origin)), ("push", "-q", "-u", "origin", "main")):
        assert git(alice, *step).returncode == 0, step
    bob = tmp_path_factory.mktemp("bob") / "clone"
    assert git(bob.parent, "clone", "-q", str(origin), str(bob)).returncode == 0
    return alice, bob


def as_person(monkeypatch, home: Path, clone: Path) -> None:
    monkeypatch.chdir(clone)
    monkeypatch.setenv("AOTEXT_IDENTITY", str(home / "identity.txt"))


def public_key(home: Path) -> str:
    text = (home / "identity.txt").read_text()
    return next(line.split()[-1] for line in text.splitlines() if line.startswith("# public key:"))


def test_keys_init_in_one_clone_never_stops_a_pull_of_what_the_other_encrypted(clones, tmp_path_factory,
                                                                                monkeypatch):
    alice, bob = clones
    bob_home, alice_home = tmp_path_factory.mktemp("bob-home"), tmp_path_factory.mktemp("alice-home")
    as_person(monkeypatch, bob_home, bob)
    ok("keys", "init")
    assert git(bob, "status", "--porcelain").stdout == ""  # nothing left for Bob to commit, or to collide
    as_person(monkeypatch, alice_home, alice)
    ok("keys", "init")
    ok("keys", "add", "Alice", public_key(alice_home))
    ok("keys", "add", "Bob", public_key(bob_home))
    (alice / "aotext.yaml").write_text((alice / "aotext.yaml").read_text() + REQUIRED)
    ok("encrypt")
    for step in (("add", "-A"), ("commit", "-q", "-m", "encrypted"), ("push", "-q")):
        assert git(alice, *step).returncode == 0, step
    pulled = git(bob, "pull", "-q")
    assert pulled.returncode == 0, pulled.stderr
    as_person(monkeypatch, bob_home, bob)
    assert "CanaryHerBrotherWorksNightsAtTheDepot" in ok("keys", "show", ENCRYPTED[0]).output


def test_two_changes_to_one_encrypted_note_leave_a_whole_file_after_the_pull(clones, tmp_path_factory, monkeypatch):
    alice, bob = clones
    home = tmp_path_factory.mktemp("home")  # one key for both: the merge is the point here
    as_person(monkeypatch, home, alice)
    ok("keys", "init", "--no-git-diff")
    ok("keys", "add", "Alice", public_key(home))
    ok("encrypt")
    for step in (("add", "-A"), ("commit", "-q", "-m", "encrypted"), ("push", "-q")):
        assert git(alice, *step).returncode == 0, step
    assert git(bob, "pull", "-q").returncode == 0
    for clone in (alice, bob):  # each encrypts the notes again: every byte of them changes
        as_person(monkeypatch, home, clone)
        ok("keys", "rotate")
        assert git(clone, "commit", "-q", "-am", "rotated").returncode == 0
    assert git(alice, "push", "-q").returncode == 0
    pulled = git(bob, "pull", "--no-rebase")
    assert pulled.returncode != 0 and f"Merge conflict in {ENCRYPTED[0]}" in pulled.stdout
    result = invoke("lint", "--as-of", AS_OF)
    assert "encrypted-damaged" not in result.output and result.exit_code == 0, result.output
    assert "CanaryHerBrotherWorksNightsAtTheDepot" in ok("keys", "show", ENCRYPTED[0]).output
    theirs = tmp_path_factory.mktemp("theirs") / "theirs.md.age"  # as the README says to read the other version
    theirs.write_text(git(bob, "show", f"MERGE_HEAD:{ENCRYPTED[0]}").stdout)
    assert "CanaryHerBrotherWorksNightsAtTheDepot" in ok("keys", "show", str(theirs)).output
