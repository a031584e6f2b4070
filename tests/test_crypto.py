"""Private documents encrypted at rest: keys, aotext encrypt, reading
encrypted documents in memory, encryption: required, the standard age tool,
bad input. Without a key: test_crypto_without_key.py; aotext edit:
test_crypto_edit.py. Real files, the real CLI, real git (inside tmp_path only)."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import zlib
from pathlib import Path

import pytest

from crypto_helpers import CANARY, ENCRYPTED, NOTE, NOTE_2, NOTES, REQUIRED, no_traceback, ok, setup_encrypted
from helpers import AS_OF, REFLECTION, invoke, line_of, make_key

# --- keys ---------------------------------------------------------------------------------------------------------

def test_keys_init_makes_a_key_only_its_owner_can_read_and_prints_the_public_key(tmp_path, monkeypatch, repo):
    repo()
    identity = tmp_path.parent / f"{tmp_path.name}-home" / "id.txt"
    monkeypatch.setenv("AOTEXT_IDENTITY", str(identity))
    result = ok("keys", "init")
    assert stat.S_IMODE(identity.stat().st_mode) == 0o600
    public = next(line.split()[-1] for line in identity.read_text().splitlines() if line.startswith("# public key:"))
    assert public.startswith("age1") and public in result.output
    assert "AGE-SECRET-KEY" not in result.output
    again = invoke("keys", "init")
    assert again.exit_code == 1 and "already have a key" in again.output and public in again.output


def test_keys_add_list_remove_keep_names_and_public_keys_only(repo, me, tmp_path_factory):
    root = repo()
    _, other = make_key(tmp_path_factory.mktemp("other"), "dolores")
    ok("keys", "add", "Sam", me[1])
    ok("keys", "add", "Dolores", other)
    listed = ok("keys", "list").output.splitlines()
    assert listed == [f"Sam      {me[1]}  (you)", f"Dolores  {other}"]
    text = (root / "aotext-recipients.txt").read_text()
    assert "AGE-SECRET" not in text.replace("(AGE-SECRET-KEY-1...)", "")
    assert invoke("keys", "add", "sam", other).exit_code == 1  # the name is taken
    bad = invoke("keys", "add", "Ray", "age1nonsense")
    assert bad.exit_code == 2 and "is not a public key" in bad.output
    removed = ok("keys", "remove", "Dolores")
    assert "older versions" in removed.output.lower() and "git history" in removed.output
    assert other not in (root / "aotext-recipients.txt").read_text()
    assert invoke("keys", "remove", "Sam").exit_code == 1  # never the last one


def test_a_removed_recipient_cannot_decrypt_the_files_after_rotation(repo, me, tmp_path_factory):
    from aotext.crypto.age import NotForYou, decrypt, parse_identity

    other_file, other = make_key(tmp_path_factory.mktemp("other"), "dolores")
    root = repo(NOTES)
    ok("keys", "add", "Me", me[1])
    ok("keys", "add", "Dolores", other)
    ok("encrypt")
    old_identity = parse_identity(next(line for line in other_file.read_text().splitlines() if line.startswith("AGE-")))
    assert CANARY.encode() in decrypt((root / ENCRYPTED[0]).read_bytes(), [old_identity])
    ok("keys", "remove", "Dolores")
    ok("keys", "rotate")
    for name in ENCRYPTED:
        with pytest.raises(NotForYou):
            decrypt((root / name).read_bytes(), [old_identity])


# --- encrypt: nothing in the clear --------------------------------------------------------------------------------

def _every_byte(root: Path) -> list[tuple[Path, bytes]]:
    """Every file under root, and git's loose objects decompressed."""
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found.append((path, data))
            if ".git/objects/" in path.as_posix() and "pack" not in path.parts:
                found.append((path, zlib.decompress(data)))
    return found


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_canary_is_in_no_file_and_no_git_object_after_encrypt(repo, me, tmp_path):
    repo({**NOTES, "content/logs/private-log.md": REFLECTION.replace("id: log-2026-11-20", "id: log-private").replace(
        "Notes of the meeting.", f"private: true\n---\n{CANARY}".replace("private: true\n---\n", "")).replace(
        "type: reflection\n", "type: reflection\nprivate: true\n")})
    ok("keys", "add", "Me", me[1])
    assert CANARY.encode() in b"".join(data for _, data in _every_byte(tmp_path))
    result = ok("encrypt")
    assert "3 documents encrypted" in result.output
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "notes"], check=True)
    leaks = [path for path, data in _every_byte(tmp_path) if CANARY.encode() in data]
    assert leaks == []
    dump = subprocess.run([*git, "cat-file", "--batch-all-objects", "--batch"], capture_output=True, check=True).stdout
    assert CANARY.encode() not in dump
    assert sorted(p.name for p in (tmp_path / "content/conversations").iterdir()) == [Path(n).name for n in ENCRYPTED]


def test_encrypt_gives_an_id_without_the_name_to_a_note_whose_id_shows_it(repo, me, tmp_path):
    root = repo()  # the good repository's note is talk-nia
    ok("keys", "add", "Me", me[1])
    result = ok("encrypt")
    [made] = list((root / "content/conversations").iterdir())
    assert made.name.startswith("2026-11-14-") and made.name.endswith(".md.age")
    assert "nia" not in made.name.lower() and "sam" not in made.name.lower()
    assert "talk-nia" in result.output
    assert ok("lint", "--as-of", AS_OF).output.endswith("no problems.\n")


# --- the same results with the key ---------------------------------------------------------------------------------

def _outputs(root: Path) -> dict[str, str]:
    lint = json.loads(invoke("lint", "--as-of", AS_OF, "--format", "json").output)
    found = {
        "lint": json.dumps(lint),
        "summary": ok("summary", "--as-of", AS_OF, "--format", "json").output,
        "followups": ok("followups", "--as-of", AS_OF, "--format", "json", "--include-notes").output,
        "chart": ok("followups", "--chart", "--as-of", AS_OF, "--format", "markdown").output,
    }
    ok("followups", "--as-of", AS_OF, "--ics", "f.ics", "--include-notes")
    found["ics"] = (root / "f.ics").read_text()
    return found


def test_lint_summary_followups_chart_and_ics_are_the_same_before_and_after_encrypting(repo, me):
    root = repo(NOTES)
    before = _outputs(root)
    assert CANARY in before["followups"]
    ok("keys", "add", "Me", me[1])
    ok("encrypt")
    after = _outputs(root)
    assert after == before


def test_the_dashboard_reads_encrypted_notes(repo, me):
    setup_encrypted(repo, me)
    ok("dashboard", "--as-of", AS_OF, "--output", "private/d.html")
    assert "Andre" in Path("private/d.html").read_text()


# --- encryption: required ---------------------------------------------------------------------------------------------

def test_with_encryption_required_a_plain_private_document_is_a_lint_error(repo, me, tmp_path):
    from helpers import PROJECT

    repo({"aotext.yaml": PROJECT + REQUIRED})
    result = invoke("lint", "--as-of", AS_OF, "content")  # what the pre-commit hook runs
    assert result.exit_code == 1
    assert f"{NOTE}:1:1: error: this private document is stored in plain text" in result.output
    assert "[plaintext-private]" in result.output and "[id-names-someone]" in result.output
    ok("keys", "add", "Me", me[1])
    ok("encrypt")
    assert ok("lint", "--as-of", AS_OF, "content").output.endswith("no problems.\n")


def test_note_writes_an_encrypted_note_when_encryption_is_required(repo, me, tmp_path):
    from helpers import PROJECT

    root = repo({"aotext.yaml": PROJECT + REQUIRED, NOTE: None})
    ok("keys", "add", "Me", me[1])
    result = ok("note", "--as-of", AS_OF, "--pseudonym", "Rosa", "--owner", "Sam", "--assessment", "supporter",
                "--notes", CANARY)
    [made] = list((root / "content/conversations").iterdir())
    assert made.name.endswith(".md.age") and "rosa" not in made.name.lower()
    assert "no problems" in result.output
    assert CANARY.encode() not in made.read_bytes()
    assert CANARY in ok("keys", "show", str(made)).output
    assert "Rosa" in ok("followups", "--as-of", "2027-01-30", "--within", "60").output


def test_new_conversation_is_written_encrypted_under_an_id_without_the_name(repo, me):
    from helpers import PROJECT

    root = repo({"aotext.yaml": PROJECT + REQUIRED, NOTE: None})
    ok("keys", "add", "Me", me[1])
    result = ok("new", "conversation", "--pseudonym", "Rosa", "--owner", "Sam", "--date", AS_OF)
    [made] = list((root / "content/conversations").iterdir())
    assert made.name.endswith(".md.age") and made.name.startswith(AS_OF) and "rosa" not in made.name.lower()
    assert "encrypted for the collective's keys" in result.output
    assert b"Rosa" not in made.read_bytes() and "pseudonym: \"Rosa\"" in ok("keys", "show", str(made)).output
    assert invoke("lint", "--as-of", AS_OF).exit_code == 0  # no plaintext-private, no id-names-someone


# --- the standard age tool --------------------------------------------------------------------------------------------

AGE = shutil.which("age")


@pytest.mark.skipif(AGE is None, reason="the age command is not installed (Debian package age)")
def test_age_decrypts_what_aotext_wrote(repo, me):
    root = setup_encrypted(repo, me)
    done = subprocess.run([str(AGE), "-d", "-i", str(me[0]), str(root / ENCRYPTED[0])], capture_output=True, check=True)
    assert CANARY.encode() in done.stdout and b"id: 2026-11-14-a1b2c3" in done.stdout


@pytest.mark.skipif(AGE is None, reason="the age command is not installed (Debian package age)")
def test_aotext_reads_what_age_wrote(repo, me, tmp_path):
    root = repo({**NOTES, "content/conversations/n2.md": None})
    ok("keys", "add", "Me", me[1])
    target = root / ENCRYPTED[0]
    subprocess.run([str(AGE), "-a", "-R", str(root / "aotext-recipients.txt"), "-o", str(target),
                    str(root / "content/conversations/n1.md")], check=True)
    (root / "content/conversations/n1.md").unlink()
    assert CANARY in ok("followups", "--as-of", AS_OF, "--include-notes", "--format", "markdown").output
    assert ok("lint", "--as-of", AS_OF).output.endswith("no problems.\n")


# --- bad input -------------------------------------------------------------------------------------------------------------

def test_a_file_encrypted_for_other_people_is_a_warning_naming_it(repo, me, tmp_path_factory, monkeypatch):
    setup_encrypted(repo, me)
    stranger, _ = make_key(tmp_path_factory.mktemp("stranger"), "stranger")
    monkeypatch.setenv("AOTEXT_IDENTITY", str(stranger))
    result = invoke("lint", "--as-of", AS_OF)
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if "encrypted-not-for-you" in line]
    assert [line.split(":")[0] for line in lines] == list(ENCRYPTED)
    assert "encrypted for other people, not for your key" in lines[0]
    edit = invoke("edit", ENCRYPTED[0])
    assert edit.exit_code == 2 and "is encrypted for other people" in edit.output
    no_traceback(edit)


# --- the rules, at their lines (the two plain-text cases belong in test_rules.CASES too) ---------------------------

@pytest.mark.parametrize("rule, line_text, words", [
    ("plaintext-private", "---", "stored in plain text"),
    ("id-names-someone", "id: talk-nia", "contains the name 'Nia'"),
])
def test_the_rules_of_encryption_required_fire_at_the_right_line(repo, rule, line_text, words):
    from helpers import PROJECT, lint_json

    root = repo({"aotext.yaml": PROJECT + REQUIRED})
    text = (root / NOTE).read_text()
    found = [p for p in lint_json() if p["rule"] == rule]
    assert [(p["path"], p["line"]) for p in found] == [(NOTE, line_of(text, line_text))]
    assert words in found[0]["message"]


def test_an_encrypted_document_whose_id_is_not_its_file_name_is_an_error_at_its_id(repo, me):
    from aotext.crypto.age import encrypt, parse_recipient

    root = setup_encrypted(repo, me)
    (root / ENCRYPTED[1]).unlink()
    wrong = root / "content/conversations/2026-11-19-ffffff.md.age"
    wrong.write_bytes(encrypt(NOTE_2.encode(), [parse_recipient(me[1])]))
    result = invoke("lint", "--as-of", AS_OF)
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "[encrypted-name]" in line]
    assert line.startswith("content/conversations/2026-11-19-ffffff.md.age:3:1: error: the id is '2026-11-19-d4e5f6'")


def test_an_encrypted_document_that_says_it_is_not_private_is_an_error_at_that_line(repo, me):
    from aotext.crypto.age import encrypt, parse_recipient

    root = setup_encrypted(repo, me)
    public = NOTE_2.replace("type: conversation\n", "type: conversation\nprivate: false\n")
    (root / ENCRYPTED[1]).write_bytes(encrypt(public.encode(), [parse_recipient(me[1])]))
    result = invoke("lint", "--as-of", AS_OF)
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "[encrypted-public]" in line]
    assert line.startswith(f"{ENCRYPTED[1]}:{line_of(public, 'private: false')}:1: error: this document is encrypted")


def test_every_rule_of_encryption_is_listed():
    listed = invoke("lint", "--list-rules").output
    for rule in ("plaintext-private", "id-names-someone", "encrypted-name", "encrypted-unchecked",
                 "encrypted-damaged", "encrypted-not-for-you", "encrypted-folder", "encrypted-public"):
        assert rule in listed
