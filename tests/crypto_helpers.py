"""What the tests of encrypted documents share (test_crypto*.py): notes that
hold a canary sentence, under ids that carry no name, and the steps to
encrypt them. The `me` fixture (the user's own key) is in conftest.py."""

from __future__ import annotations

from pathlib import Path

from click.testing import Result

from helpers import CONVERSATION, invoke

CANARY = "CanaryHerBrotherWorksNightsAtTheDepot"
NOTE = "content/conversations/talk-nia.md"
# Ids that carry no name, so encrypting keeps them (and every output) the same.
NOTE_1 = CONVERSATION.replace("id: talk-nia", "id: 2026-11-14-a1b2c3").replace(
    "She is angry about the new route schedule.", f"{CANARY}. She is angry about the new route schedule.")
NOTE_2 = (CONVERSATION.replace("id: talk-nia", "id: 2026-11-19-d4e5f6").replace("pseudonym: Nia", "pseudonym: Andre")
          .replace("date: 2026-11-14", "date: 2026-11-19").replace("2026-11-21", "2026-11-28")
          .replace("She is angry about the new route schedule.", f"{CANARY} again."))
NOTES = {NOTE: None, "content/conversations/n1.md": NOTE_1, "content/conversations/n2.md": NOTE_2}
ENCRYPTED = ("content/conversations/2026-11-14-a1b2c3.md.age", "content/conversations/2026-11-19-d4e5f6.md.age")
REQUIRED = "encryption: required\n"


def ok(*args: str) -> Result:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return result


def setup_encrypted(repo, me, changes: dict[str, str | None] | None = None) -> Path:
    root = repo({**NOTES, **(changes or {})})
    ok("keys", "add", "Me", me[1])
    ok("encrypt")
    return root


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output and "please report" not in result.output


def fake_editor(tmp_path: Path, script: str) -> str:
    """An $EDITOR that runs the shell `script` on the file ($1), outside the repository."""
    path = tmp_path.parent / f"{tmp_path.name}-editor.sh"
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(0o755)
    return str(path)
