"""The user's key file when it is not a usable key: too open, damaged,
another file, a folder. Every command says what is really there and what
to do; aotext keys init never takes any of them for "a key already"."""

from __future__ import annotations

from pathlib import Path

import pytest

from crypto_helpers import ENCRYPTED, no_traceback, setup_encrypted
from helpers import AS_OF, invoke

NOT_A_KEY = "which should be your key file"
CASES = {
    "open to others": "can be read by other people on this computer",
    "a damaged key": f"{NOT_A_KEY}, holds a line that starts as a key does (AGE-SECRET-KEY-1...) but is not a whole key",
    "another file": f"{NOT_A_KEY}, holds no key (a line AGE-SECRET-KEY-1...); check that AOTEXT_IDENTITY names your key file",
    "not text": f"{NOT_A_KEY}, is not text (a key file is a few lines of text",
    "a folder": f"{NOT_A_KEY}, is a folder; set AOTEXT_IDENTITY to your key file itself",
}


def _break(identity: Path, broken: str) -> None:
    if broken == "open to others":
        identity.chmod(0o644)
        return
    identity.unlink()
    if broken == "a folder":
        identity.mkdir()
        return
    identity.write_bytes({"a damaged key": b"AGE-SECRET-KEY-1NOTAKEY\n", "another file": b"shopping list\n",
                          "not text": bytes(range(128, 256))}[broken])
    identity.chmod(0o600)


@pytest.mark.parametrize("broken", list(CASES))
def test_a_bad_key_file_is_said_as_it_is_by_every_command(repo, me, broken):
    root = setup_encrypted(repo, me)
    identity = me[0]
    _break(identity, broken)
    words = CASES[broken]
    result = invoke("lint", "--as-of", AS_OF)
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if ": error: " in line]
    assert str(identity) in line and words in line and "codec" not in line and "regular" not in line
    no_traceback(result)
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    for args in (("keys", "rotate"), ("edit", ENCRYPTED[0]), ("keys", "show", ENCRYPTED[0])):
        refused = invoke(*args)
        assert refused.exit_code == 2 and str(identity) in refused.output and words in refused.output, args
        no_traceback(refused)
    init = invoke("keys", "init", "--no-git-diff")
    if broken == "open to others":  # a key all the same: the user's, not to be replaced
        assert init.exit_code == 1 and f"you already have a key in {identity}" in init.output and words in init.output
    else:
        assert init.exit_code == 2 and f"made no key: {identity}, {NOT_A_KEY}" in init.output, init.output
        assert "already have a key" not in init.output
    no_traceback(init)
    assert {path: path.read_bytes() for path in root.rglob("*") if path.is_file()} == before
