"""Encrypted documents for someone without a key (a new member, a trainer
who only prints handouts, CI): lint checks all it can and says what it could
not, an encrypted document's type is its folder's and nothing false is said
when it sits in another, and handouts never need a key."""

from __future__ import annotations

import pytest

from crypto_helpers import CANARY, no_traceback, ok, setup_encrypted
from helpers import AS_OF, PLAN, PROJECT, REFLECTION, invoke, lint_json

PRIVATE_PLAN = PLAN.replace("title: Bus drivers campaign", "title: Bus drivers campaign\nprivate: true")
LOG = "content/logs/log-2026-11-20.md"


@pytest.fixture
def no_key(monkeypatch, tmp_path):
    """From now on the user has no key (AOTEXT_IDENTITY names no file)."""
    def drop() -> None:
        monkeypatch.setenv("AOTEXT_IDENTITY", str(tmp_path.parent / f"{tmp_path.name}-nobody.txt"))
    return drop


def test_without_a_key_lint_says_once_what_it_could_not_check_and_checks_the_rest(repo, me, monkeypatch, tmp_path):
    private_plan = PLAN.replace("title: Bus drivers campaign", "title: Bus drivers campaign\nprivate: true")
    root = setup_encrypted(repo, me, {"content/plans/bus-plan.md": private_plan})
    assert (root / "content/plans/bus-plan.md.age").is_file()
    monkeypatch.setenv("AOTEXT_IDENTITY", str(tmp_path / "nobody.txt"))
    result = invoke("lint", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if "encrypted-unchecked" in line]
    assert "3 encrypted documents could not be checked: you have no key" in line and "aotext keys init" in line
    # The log names the encrypted plan by id: known without the key ...
    assert "unknown-reference" not in result.output
    # ... and a wrong id is still found.
    (root / "content/logs/log-2026-11-20.md").write_text(REFLECTION.replace("plan: bus-plan", "plan: bus-plam"))
    wrong = invoke("lint", "--as-of", AS_OF)
    assert wrong.exit_code == 1 and "there is no plan with the id 'bus-plam'" in wrong.output
    assert "did you mean" not in wrong.output or "bus-plan" in wrong.output


def test_without_a_key_followups_says_it_cannot_read_the_notes(repo, me, monkeypatch, tmp_path):
    setup_encrypted(repo, me)
    monkeypatch.setenv("AOTEXT_IDENTITY", str(tmp_path / "nobody.txt"))
    result = invoke("followups", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "cannot read 2 encrypted documents: you have no key" in result.stderr
    assert CANARY not in result.output


def test_handouts_never_need_a_key(repo, me, monkeypatch, tmp_path):
    setup_encrypted(repo, me)
    monkeypatch.setenv("AOTEXT_IDENTITY", str(tmp_path / "nobody.txt"))
    result = invoke("build", "--list")
    assert result.exit_code == 0, result.output
    assert "encrypted" not in result.output


# --- an encrypted document outside its type's folder --------------------------------------------------------------

def _errors() -> list[tuple[str, str, str]]:
    return [(p["path"], p["rule"], p["message"]) for p in lint_json() if p["severity"] == "error"]


# folder the encrypted plan is moved to: (path, rule, words) of the one error with the key, then without it
MISPLACED = {
    "misc": (("content/misc/bus-plan.md.age", "encrypted-folder", "move it into 'plans/'"),
             ("content/misc/bus-plan.md.age", "encrypted-folder", "sits in no type's folder")),
    "logs": (("content/logs/bus-plan.md.age", "wrong-folder", "move it to 'plans/'"),
             (LOG, "wrong-reference-type", "'bus-plan' is an encrypted document in the folder of reflection documents "
                                           "(content/logs/bus-plan.md.age), but 'plan' must name a plan; correct the "
                                           "id, or, if it is a plan, someone with a key must move it into 'plans/'")),
    "plans/2026": (None, None),  # its own type's folder, deeper down
}


@pytest.mark.parametrize("folder", MISPLACED)
def test_an_encrypted_document_outside_its_types_folder_is_reported_and_never_mistyped(repo, me, no_key, folder):
    root = setup_encrypted(repo, me, {"content/plans/bus-plan.md": PRIVATE_PLAN})
    moved = root / "content" / folder / "bus-plan.md.age"
    moved.parent.mkdir(parents=True, exist_ok=True)
    (root / "content/plans/bus-plan.md.age").rename(moved)
    for expected in MISPLACED[folder]:
        found = _errors()
        assert [(path, rule) for path, rule, _ in found] == ([expected[:2]] if expected else []), found
        assert not expected or expected[2] in found[0][2]
        assert not any("is a None" in message or "is a reflection" in message for _, _, message in found)
        no_key()
    # Without the key, a reference by id is still checked.
    (root / LOG).write_text(REFLECTION.replace("plan: bus-plan", "plan: bus-plam"))
    assert "there is no plan with the id 'bus-plam'" in invoke("lint", "--as-of", AS_OF).output


def test_encrypt_puts_a_private_document_in_its_types_folder(repo, me, no_key):
    root = repo({"content/plans/bus-plan.md": None, "content/misc/bus-plan.md": PRIVATE_PLAN})
    ok("keys", "add", "Me", me[1])
    assert "Encrypted content/misc/bus-plan.md -> content/plans/bus-plan.md.age" in ok("encrypt").output
    assert list((root / "content/misc").iterdir()) == []
    assert _errors() == []
    no_key()
    assert _errors() == []


# --- handouts -------------------------------------------------------------------------------------------------------

PER_PLAN = PROJECT + "".join(f"""  - name: {name}
    title: {name.title()}
    layout: {name}
    audience: coordinator
    formats: [html]
""" for name in ("plan", "report"))


@pytest.mark.parametrize("listing", [False, True])
def test_a_private_document_named_for_a_handout_that_no_key_here_opens_stops_the_build(repo, me, no_key, listing):
    root = setup_encrypted(repo, me, {"aotext.yaml": PER_PLAN, "content/plans/bus-plan.md": PRIVATE_PLAN})
    listed = ok("build", "--list", "--as-of", AS_OF, "--include-private", "bus-plan").output
    assert "build/plan-bus-plan.html  new" in listed and "build/report-bus-plan.html  new" in listed
    no_key()
    result = invoke("build", *(["--list"] if listing else []), "--as-of", AS_OF, "--include-private", "bus-plan")
    assert result.exit_code == 2, result.output
    assert "cannot include content/plans/bus-plan.md.age, which is encrypted: you have no key" in result.output
    assert "build with a key that opens it, or without --include-private" in result.output
    assert not (root / "build").exists()
    no_traceback(result)


def test_a_handout_says_which_encrypted_documents_it_left_out_with_a_key_or_without(repo, me, no_key):
    setup_encrypted(repo, me, {"aotext.yaml": PER_PLAN, "content/plans/bus-plan.md": PRIVATE_PLAN})
    with_key = ok("build", "--list", "--as-of", AS_OF).output
    assert "plan: left out private document 'bus-plan' (content/plans/bus-plan.md.age)" in with_key
    no_key()
    without = ok("build", "--list", "--as-of", AS_OF).output
    assert ("plan: left out private document 'bus-plan' (content/plans/bus-plan.md.age), which is encrypted and "
            "which no key here opens") in without
    assert "report: left out private document 'bus-plan'" in without


def test_a_private_document_named_for_a_handout_whose_file_is_damaged_is_named_as_damaged(repo, me):
    root = setup_encrypted(repo, me, {"aotext.yaml": PER_PLAN, "content/plans/bus-plan.md": PRIVATE_PLAN})
    sealed = root / "content/plans/bus-plan.md.age"
    sealed.write_bytes(sealed.read_bytes()[:200])  # cut short, as a failed copy would leave it
    result = invoke("build", "--as-of", AS_OF, "--include-private", "bus-plan")
    assert result.exit_code == 2, result.output
    assert ("--include-private bus-plan: content/plans/bus-plan.md.age seems to hold it, but aotext cannot read "
            "that file") in result.output
    assert not (root / "build").exists()
    no_traceback(result)


def test_a_key_that_cannot_be_used_does_not_stop_a_handout_that_could_hold_encrypted_documents(repo, me):
    private_log = REFLECTION.replace("type: reflection\n", "type: reflection\nprivate: true\n")
    setup_encrypted(repo, me, {"aotext.yaml": PER_PLAN, LOG: private_log, "content/conversations/n1.md": None,
                               "content/conversations/n2.md": None})
    me[0].chmod(0o644)  # lint says so, as an error, at the encrypted log
    assert "encrypted-unchecked" in invoke("lint", "--as-of", AS_OF).output
    listed = ok("build", "--list", "--as-of", AS_OF).output
    assert "build/report-bus-plan.html  new" in listed and "refused" not in listed
