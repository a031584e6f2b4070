"""aotext edit: the one time an encrypted document's plain text touches the
disk, as a copy in a private temporary folder that never outlives the edit:
not after the editor fails or is killed, not after Ctrl-C, and not after
aotext itself is killed (the next aotext removes it). Also git diff, which
shows a key holder the decrypted change."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crypto_helpers import CANARY, ENCRYPTED, NOTES, fake_editor, no_traceback, ok, setup_encrypted
from helpers import AS_OF, invoke


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder (TMPDIR) where aotext edit makes its private folder, outside the repository."""
    folder = tmp_path.parent / f"{tmp_path.name}-tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def test_edit_encrypts_the_change_again_and_leaves_no_plaintext(repo, me, tmp_path, monkeypatch, scratch):
    root = setup_encrypted(repo, me)
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, 'stat -c %a "$(dirname "$1")" > "$0.mode"\n'
                                                       'echo "Added: NewCanaryLine" >> "$1"\n'))
    result = ok("edit", ENCRYPTED[0])
    assert "Saved" in result.output and "no problems" in result.output
    assert Path(fake_editor(tmp_path, "") + ".mode").read_text().strip() == "700"
    assert b"NewCanaryLine" not in (root / ENCRYPTED[0]).read_bytes()
    assert "NewCanaryLine" in ok("keys", "show", ENCRYPTED[0]).output
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("script", ['echo "changed" >> "$1"; kill -9 $$\n', 'echo "changed" >> "$1"; exit 3\n'])
def test_edit_changes_nothing_and_leaves_no_plaintext_when_the_editor_is_killed_or_fails(
        repo, me, tmp_path, monkeypatch, scratch, script):
    root = setup_encrypted(repo, me)
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, script))
    before = (root / ENCRYPTED[0]).read_bytes()
    result = invoke("edit", ENCRYPTED[0])
    assert result.exit_code == 1 and "nothing was changed" in result.output
    assert (root / ENCRYPTED[0]).read_bytes() == before
    assert list(scratch.iterdir()) == []
    no_traceback(result)


def test_edit_after_ctrl_c_removes_the_copy(repo, me, monkeypatch, scratch):
    setup_encrypted(repo, me)
    monkeypatch.setenv("EDITOR", "true")

    def interrupted(*args: object, **kwargs: object) -> None:
        assert len(list(scratch.iterdir())) == 1  # the copy exists while the editor runs
        raise KeyboardInterrupt

    monkeypatch.setattr("aotext.crypto.editing.subprocess.run", interrupted)
    result = invoke("edit", ENCRYPTED[0])
    assert result.exit_code == 1 and "Stopped: nothing was changed" in result.output
    assert list(scratch.iterdir()) == []


# A bracket left open in the front matter: the note could no longer be read at all.
BREAK = 'sed -i "s/^owner: Sam/owner: [Sam/" "$1"\n'


def test_edit_never_saves_a_note_whose_front_matter_it_cannot_read(repo, me, tmp_path, monkeypatch, scratch):
    """It had been encrypted and saved, then reported: from then on left out
    of the follow-ups, with nobody able to see why without a key."""
    root = setup_encrypted(repo, me)
    before = (root / ENCRYPTED[0]).read_bytes()
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, BREAK))
    result = invoke("edit", ENCRYPTED[0])  # no terminal: nobody to ask whether to open the editor again
    assert result.exit_code == 1
    assert f"{ENCRYPTED[0]}:7:9: error: YAML could not read this" in result.stderr and "[yaml-syntax]" in result.stderr
    assert f"Nothing was changed in {ENCRYPTED[0]}: the change was not saved" in result.stderr
    assert "Saved" not in result.output
    assert (root / ENCRYPTED[0]).read_bytes() == before
    assert list(scratch.iterdir()) == []
    no_traceback(result)


@pytest.mark.parametrize("reply", ["y", "n"])
def test_edit_at_a_terminal_offers_to_open_the_editor_again_on_a_front_matter_it_cannot_read(
        repo, me, tmp_path, scratch, reply):
    pexpect = pytest.importorskip("pexpect", reason="pexpect is not installed: run make test")
    root = setup_encrypted(repo, me)
    before = (root / ENCRYPTED[0]).read_bytes()
    runs = tmp_path.parent / f"{tmp_path.name}-runs"
    # The first time it breaks the note; the second, it closes the bracket and changes how.
    editor = fake_editor(tmp_path, f'echo run >> "{runs}"\n'
                                   f'if [ "$(wc -l < "{runs}")" = 1 ]; then {BREAK}'
                                   'else sed -i "s/^owner: \\[Sam/owner: Sam/; s/coffee/a call/" "$1"; fi\n')
    child = pexpect.spawn(str(Path(sys.executable).parent / "aotext"), ["edit", ENCRYPTED[0]], cwd=str(root),
                          encoding="utf-8", timeout=20, env={**os.environ, "EDITOR": editor, "TMPDIR": str(scratch)})
    child.expect(f"{ENCRYPTED[0]}:7:9: error: YAML could not read this")
    child.expect("Open it again to fix it\\? \\[Y/n\\]")
    child.send(reply + "\r")
    child.expect(pexpect.EOF)
    child.close()
    if reply == "y":
        assert child.exitstatus == 0 and "Saved" in child.before
        assert "how: a call" in ok("keys", "show", ENCRYPTED[0]).output
    else:
        assert child.exitstatus == 1 and f"Nothing was changed in {ENCRYPTED[0]}" in child.before
        assert (root / ENCRYPTED[0]).read_bytes() == before
    assert list(scratch.iterdir()) == []


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_diff_shows_the_decrypted_change_to_a_key_holder(repo, tmp_path, monkeypatch, tmp_path_factory):
    root = repo(NOTES)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    identity = tmp_path_factory.mktemp("home") / "id.txt"
    monkeypatch.setenv("AOTEXT_IDENTITY", str(identity))
    ok("keys", "init")  # inside a git repository: sets up the textconv
    public = next(line.split()[-1] for line in identity.read_text().splitlines() if line.startswith("# public key:"))
    ok("keys", "add", "Me", public)
    ok("encrypt")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "encrypted"], check=True)
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, 'sed -i "s/coffee/a call/" "$1"\n'))
    ok("edit", ENCRYPTED[0])
    diff = subprocess.run([*git, "diff"], capture_output=True, text=True, check=True,
                          env={**os.environ, "AOTEXT_IDENTITY": str(identity)}).stdout
    assert "-  how: coffee" in diff and "+  how: a call" in diff


# --- aotext itself killed while the editor is open -----------------------------------------------------------------

def _killed_while_editing(root: Path, scratch: Path, tmp_path: Path) -> Path:
    """Run aotext edit as its own process, kill it with SIGKILL while the
    editor is open (and then the editor), and return the copy it left."""
    ready = tmp_path.parent / f"{tmp_path.name}-editor.pid"
    # The editor says it is open by writing its process id, then waits.
    editor = fake_editor(tmp_path, f'echo $$ > "{ready}"\nexec sleep 60\n')
    env = {**os.environ, "TMPDIR": str(scratch), "EDITOR": editor}
    process = subprocess.Popen([sys.executable, "-m", "aotext", "edit", ENCRYPTED[0]], cwd=root, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (ready.is_file() and ready.read_text().strip()) and process.poll() is None:
            assert time.monotonic() < deadline, "the editor never opened"
            time.sleep(0.05)
    finally:
        process.kill()
        process.wait()
    if ready.is_file():
        os.kill(int(ready.read_text()), signal.SIGTERM)
    [copy] = [path for path in scratch.rglob("*") if path.is_file()]
    return copy


@pytest.mark.parametrize("command", [["edit", ENCRYPTED[0]], ["lint", "--as-of", AS_OF]])
def test_the_next_aotext_removes_the_copy_that_an_aotext_killed_while_editing_left(
        repo, me, tmp_path, monkeypatch, scratch, command):
    root = setup_encrypted(repo, me)
    copy = _killed_while_editing(root, scratch, tmp_path)
    assert CANARY in copy.read_text()  # nothing of aotext ran to remove it
    alive = scratch / f"aotext-edit-{os.getpid()}-busy"  # an edit still running, in this process
    alive.mkdir()
    monkeypatch.setenv("EDITOR", "true")
    result = invoke(*command)
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stderr.splitlines() if "removed" in line]
    assert line == (f"aotext: removed the decrypted copy of {copy.name} left in {copy.parent} by an aotext edit "
                    "that was killed (changes saved in it after that are not kept)")
    assert list(scratch.iterdir()) == [alive]
    assert invoke(*command).stderr.count("removed") == 0  # said once
