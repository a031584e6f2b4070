"""One repository: every command finds the project file and the content the
same way, and the bugs that came from deciding it in several places."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import CONVERSATION, GOOD_REPO, MODULE, PROJECT, invoke, lint_json

BROKEN_PLAN = GOOD_REPO["content/plans/bus-plan.md"].replace("scenario: bus-drivers", "scenario: bus-driverz")


def _moved_to(folder: str, project: str = PROJECT) -> dict[str, str | None]:
    """The good repository with its content in `folder` and the project file saying so."""
    changes: dict[str, str | None] = {path: None for path in GOOD_REPO if path.startswith("content/")}
    changes.update({path.replace("content/", f"{folder}/", 1): text
                    for path, text in GOOD_REPO.items() if path.startswith("content/")})
    changes["aotext.yaml"] = f"content: {folder}\n" + project
    return changes


def test_lint_reads_the_content_folder_the_project_file_names(repo):
    repo({**_moved_to("docs"), "docs/plans/bus-plan.md": BROKEN_PLAN})
    problems = lint_json()
    assert [(p["path"], p["rule"]) for p in problems] == [("docs/plans/bus-plan.md", "unknown-reference")]


def test_lint_does_not_read_a_content_folder_the_project_file_does_not_name(repo):
    repo({**_moved_to("docs"), "content/plans/stray.md": BROKEN_PLAN})
    assert lint_json() == []


def test_project_file_of_any_name(repo):
    """A project file is the one named with --project, never guessed from its name."""
    root = repo({"aotext.yaml": None, "other.yaml": PROJECT.replace("Test Collective", "Other Collective")})
    listed = invoke("build", "--project", "other.yaml", "--output-dir", "print", "--list", "--as-of", "2026-11-24")
    assert listed.exit_code == 0, listed.output
    assert "print/participant.pdf  new" in listed.output
    linted = invoke("lint", "--project", "other.yaml", "--as-of", "2026-11-24")
    assert linted.exit_code == 0 and "no problems" in linted.output
    # Named as a path, it is still the project file, not a document without front matter.
    assert invoke("lint", "--project", "other.yaml", "other.yaml", "content").exit_code == 0
    (root / "other.yaml").write_text(PROJECT.replace("layout: workshop", "layout: handbook"), encoding="utf-8")
    broken = invoke("lint", "--project", "other.yaml", "--as-of", "2026-11-24")
    assert broken.exit_code == 1 and "other.yaml:" in broken.output and "handbook" in broken.output


def test_a_folder_checked_on_its_own_still_finds_what_it_refers_to(repo):
    """`aotext lint content/plans` reads the whole repository, so the plan's
    scenario and logs are known, and prints only the plans' problems."""
    repo({"content/logs/log-2026-11-20.md": GOOD_REPO["content/logs/log-2026-11-20.md"].replace(
        "benchmark: signups", "benchmark: signupz")})
    plans = invoke("lint", "--as-of", "2026-11-24", "content/plans")
    assert plans.exit_code == 0 and "1 file checked: no problems." in plans.output
    logs = invoke("lint", "--as-of", "2026-11-24", "content/logs", "aotext.yaml")
    assert logs.exit_code == 1 and "content/logs/log-2026-11-20.md:" in logs.output and "signupz" in logs.output
    assert "2 files checked" in logs.output


def test_a_folder_however_named_keeps_every_problem_found_in_it_and_only_those(repo, tmp_path):
    """Named as the content folder, through a link to it, by its full path or
    as one folder of it, lint prints the problems of the files in it (a
    misnamed one's too) and no other's. The files are matched by their folder,
    resolved once, and name: resolving each of 20,000 took 0.45 s."""
    root = repo({"content/worksheet/q13.MD": GOOD_REPO["content/logs/log-2026-11-20.md"], "content/plans/bus-plan.md": BROKEN_PLAN})
    (tmp_path / "linked").symlink_to(root / "content")
    for named in ("content/worksheet", "content", "linked", str(root / "content"), "./content/"):
        result = invoke("lint", "--as-of", "2026-11-24", "--no-cache", named)
        assert result.exit_code == 1, (named, result.output)
        assert "q13.MD:1:1: error:" in result.output and "rename it q13.md" in result.output, (named, result.output)
        assert ("bus-driverz" in result.output) == (named != "content/worksheet"), (named, result.output)
    plans = invoke("lint", "--as-of", "2026-11-24", "content/plans")
    assert "q13.MD" not in plans.output and "bus-driverz" in plans.output and "1 file checked" in plans.output


def test_files_outside_a_repository_are_checked_on_their_own(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.md").write_text("---\ntype: scenario\nid: x\n---\n", encoding="utf-8")
    result = invoke("lint", "notes.md")
    assert result.exit_code == 1 and "notes.md:1:1: error: missing the required key" in result.output


def test_a_missing_project_file_is_a_usage_error(repo):
    repo()
    for command in ("lint", "summary", "followups", "build"):
        result = invoke(command, "--project", "nowhere.yaml")
        assert result.exit_code == 2, (command, result.output)
        assert "there is no project file nowhere.yaml" in result.output


def test_new_without_a_content_folder_is_a_usage_error_like_every_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["new", "plan", "--title", "Fall"], ["summary"], ["followups"], ["lint"]):
        result = invoke(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "no 'content' folder" in result.output


def test_every_command_reports_lint_errors_in_the_same_words(repo):
    repo({"content/plans/bus-plan.md": BROKEN_PLAN})
    lines = set()
    for args in (["summary"], ["followups"]):
        result = invoke(*args, "--as-of", "2026-11-24")
        assert result.exit_code == 1
        assert "content/plans/bus-plan.md:5:1: error: there is no scenario with the id 'bus-driverz'" in result.output, result.output
        lines.add(next(line for line in result.output.splitlines() if line.startswith("aotext: 1 lint error")))
    assert len({line.split(";")[0] for line in lines}) == 1


def test_followups_as_of_a_day_ignore_notes_written_later(repo):
    """On 2026-11-24 Nia's follow-up of 2026-11-21 is 3 days overdue; a note
    written on 2026-11-28 has not happened yet, so it must not hide her."""
    later = (CONVERSATION.replace("id: talk-nia", "id: talk-nia-2").replace("date: 2026-11-14", "date: 2026-11-28")
             .replace("date: 2026-11-21", "date: 2026-12-09"))
    repo({"content/conversations/talk-nia-2.md": later})
    listed = json.loads(invoke("followups", "--as-of", "2026-11-24", "--format", "json").output)["followups"]
    assert [(f["pseudonym"], f["days_overdue"], f["conversation"]) for f in listed] == [("Nia", 3, "talk-nia")]
    chart = json.loads(invoke("followups", "--as-of", "2026-11-24", "--chart", "--format", "json").output)
    assert chart["total"]["people"] == 1
    after = json.loads(invoke("followups", "--as-of", "2026-12-08", "--format", "json").output)["followups"]
    assert [(f["conversation"], f["days_overdue"]) for f in after] == [("talk-nia-2", -1)]


def test_new_question_keeps_a_modules_windows_line_endings(repo):
    root = repo({"content/curriculum/planning.md": MODULE.replace("\n", "\r\n")})
    before = (root / "content/curriculum/planning.md").read_bytes()
    result = invoke("new", "question", "--title", "Who holds power here?", "--module", "planning")
    assert result.exit_code == 0, result.output
    after = (root / "content/curriculum/planning.md").read_bytes()
    assert after.count(b"\r\n") == after.count(b"\n") == before.count(b"\n")
    changed = [pair for pair in zip(before.split(b"\r\n"), after.split(b"\r\n"), strict=True) if pair[0] != pair[1]]
    assert changed == [(b"    questions: [1]", b"    questions: [1, 2]")]
    assert invoke("lint", "--as-of", "2026-11-24").exit_code == 0


def test_new_never_replaces_a_file_that_appears_meanwhile(repo, monkeypatch):
    """"Never overwrites" is an exclusive create, not a check-then-replace:
    a file that appears between the check and the write is left alone."""
    root = repo()
    target = root / "content/plans/fall-plan.md"
    real_exists = Path.exists

    def racing_exists(path: Path) -> bool:
        if path.name == target.name and not real_exists(target):
            target.write_text("someone else's plan\n", encoding="utf-8")
            return False
        return real_exists(path)

    monkeypatch.setattr(Path, "exists", racing_exists)
    result = invoke("new", "plan", "--title", "Fall plan", "--scenario", "bus-drivers")
    assert result.exit_code == 1
    assert "already exists; aotext new never overwrites a file" in result.output
    assert target.read_text(encoding="utf-8") == "someone else's plan\n"
    assert not list(target.parent.glob(".*.part"))


@pytest.mark.parametrize("command", [["summary"], ["followups"], ["new", "--list"]])
def test_commands_take_the_project_option(repo, command):
    repo(_moved_to("docs"))
    result = invoke(*command, "--project", "aotext.yaml", "--as-of", "2026-11-24") if command[0] != "new" else \
        invoke(*command, "--project", "aotext.yaml")
    assert result.exit_code == 0, result.output


def test_documents_naming_a_broken_file_say_so_after_its_own_problem(repo):
    """One YAML slip in a plan used to give 'there is no plan' errors for every
    log before the real one; the real one now comes first, and the logs say
    the plan's file has errors."""
    slipped = GOOD_REPO["content/plans/bus-plan.md"].replace("title: Bus drivers campaign",
                                                             "title: Bus drivers: the campaign")
    second_log = GOOD_REPO["content/logs/log-2026-11-20.md"].replace("id: log-2026-11-20", "id: log-2026-11-06")
    repo({"content/plans/bus-plan.md": slipped, "content/logs/log-2026-11-06.md": second_log})
    result = invoke("lint", "--as-of", "2026-11-24")
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert lines[0].startswith("content/plans/bus-plan.md:4:") and "[yaml-syntax]" in lines[0]
    knock_on = lines[1:-1]
    assert len(knock_on) == 2 and all("[broken-reference]" in line for line in knock_on)
    assert "'bus-plan' seems to be in content/plans/bus-plan.md, which aotext cannot read" in knock_on[0]
    assert "there is no plan" not in result.output


def test_the_content_folder_named_gives_what_its_folders_named_one_by_one_give(repo):
    """Named as a whole (and so not listed again), the content folder gives the
    problems and the count of files its folders give when named one by one:
    the project file's own problems only when it is named too. With lint's
    cache and without it."""
    root = repo({"aotext.yaml": GOOD_REPO["aotext.yaml"] + "unknown_setting: 1\n",
                 "content/worksheet/q13.MD": GOOD_REPO["content/logs/log-2026-11-20.md"],
                 "content/plans/bus-plan.md": BROKEN_PLAN})
    folders = sorted(str(path.relative_to(root)) for path in (root / "content").iterdir() if path.is_dir())
    for cache in (("--no-cache",), ()):
        one_by_one = invoke("lint", "--as-of", "2026-11-24", *cache, *folders)
        whole = invoke("lint", "--as-of", "2026-11-24", *cache, "content")
        assert whole.exit_code == one_by_one.exit_code == 1
        assert whole.output == one_by_one.output, cache
        assert "unknown_setting" not in whole.output and "bus-driverz" in whole.output
        with_project = invoke("lint", "--as-of", "2026-11-24", *cache, "content", "aotext.yaml")
        assert "unknown_setting" in with_project.output
        assert with_project.output == invoke("lint", "--as-of", "2026-11-24", *cache, *folders, "aotext.yaml").output


def test_a_file_named_that_aotext_leaves_out_is_said_not_checked(repo):
    """Inside a repository lint reads the repository and keeps the named
    files' problems; a file named that it never reads as a document (in a
    hidden or tool folder, a README, not .md) had been counted checked, with
    no problems, though the same file checked outside a repository had nine.
    Now each gets a warning saying it was not checked, why and what to do,
    and it is not counted; with lint's cache and without it, and beside the
    content folder named as a whole."""
    broken = "---\ntype: plan\nid: draft\n---\nNot finished.\n"
    root = repo({"content/plans/.drafts/draft.md": broken, "content/node_modules/draft.md": broken,
                 "content/plans/README.md": broken, "content/plans/notes.txt": "Ideas.\n",
                 "content/plans/bus-plan.md": BROKEN_PLAN})
    named = ["content/plans/.drafts", "content/node_modules/draft.md", "content/plans/README.md",
             "content/plans/notes.txt"]
    for cache in (("--no-cache",), ()):
        result = invoke("lint", "--as-of", "2026-11-24", *cache, *named)
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert lines[-1] == "0 files checked: 4 problems (4 warnings) in 4 files.", result.output
        said = {line.split(":")[0]: line for line in lines[:-1]}
        assert sorted(said) == sorted(["content/plans/.drafts/draft.md", *named[1:]])
        assert all(":1:1: warning: this file was not checked: " in line and line.endswith("[left-out-file]")
                   for line in said.values()), result.output
        assert "the folder '.drafts'" in said["content/plans/.drafts/draft.md"] and "move it out" in said[
            "content/plans/.drafts/draft.md"]
        assert "the folder 'node_modules'" in said["content/node_modules/draft.md"]
        assert "README" in said["content/plans/README.md"] and "another name" in said["content/plans/README.md"]
        assert "end in .md" in said["content/plans/notes.txt"]
        strict = invoke("lint", "--as-of", "2026-11-24", *cache, "--strict", *named)
        assert strict.exit_code == 1, strict.output
        beside = invoke("lint", "--as-of", "2026-11-24", *cache, "content", "content/plans/notes.txt")
        assert beside.exit_code == 1 and "bus-driverz" in beside.output and "notes.txt:1:1: warning" in beside.output
        alone = invoke("lint", "--as-of", "2026-11-24", *cache, "content")
        assert beside.output.splitlines()[-1].split(":")[0] == alone.output.splitlines()[-1].split(":")[0]  # N files
        skipped = invoke("lint", "--as-of", "2026-11-24", *cache, "--ignore", "left-out-file", *named)
        assert skipped.exit_code == 0 and skipped.output == "0 files checked: no problems.\n", skipped.output
    # What the folders named hold is left out by the whole repository's lint too: nothing else changes.
    assert [p["path"] for p in lint_json()] == ["content/plans/bus-plan.md"]
    assert (root / "content/plans/.drafts/draft.md").read_text(encoding="utf-8") == broken


def test_a_file_outside_the_content_folder_named_beside_one_inside_leaves_that_one_checked_in_its_repository(repo):
    """Naming a file outside the content folder had made lint read every file
    named on its own: a plan in the content folder then lost its scenario and
    its logs, and was said to name a scenario that does not exist. The files
    in the content folder are checked in their repository, the others on
    their own, and both are counted."""
    root = repo({"notes/idea.md": "---\ntype: scenario\nid: idea\n---\n"})
    plan = "content/plans/bus-plan.md"
    result = invoke("lint", "--as-of", "2026-11-24", "--no-cache", plan, "notes/idea.md")
    assert result.exit_code == 1, result.output
    assert plan not in result.output, result.output  # its scenario and logs are known
    assert "notes/idea.md:1:1: error: missing the required key" in result.output
    assert "2 files checked" in result.output
    alone = invoke("lint", "--as-of", "2026-11-24", "--no-cache", plan)
    assert alone.exit_code == 0 and alone.output == "1 file checked: no problems.\n", alone.output
    assert (root / plan).is_file()
