"""DESIGN.md's bad input: each gets a clear message naming the file and line,
and the run goes on to the other files."""

from __future__ import annotations

import errno
import os

import pytest

from aotext import frontmatter_handler, load
from helpers import BAD_INPUT, GOOD_REPO, PLAN, PROJECT, REFLECTION, invoke, lint_json

LOG = "content/logs/log-2026-11-20.md"
BROKEN = "content/logs/broken.md"
# A second, independent problem proves the run goes on past the bad file.
OTHER_PROBLEM = {"content/plans/bus-plan.md": PLAN.replace("    if_missed: Pair the rep with an experienced organizer.\n", "")}

@pytest.mark.parametrize("content, line, rule, words", [case[1:] for case in BAD_INPUT], ids=[case[0] for case in BAD_INPUT])
def test_bad_input_is_reported_and_the_run_goes_on(repo, content, line, rule, words):
    repo({BROKEN: content, **OTHER_PROBLEM})
    problems = lint_json()
    assert any(p["path"] == BROKEN and p["line"] == line and p["rule"] == rule and words in p["message"] for p in problems), problems
    assert any(p["rule"] == "benchmark-no-miss-plan" for p in problems)


def test_a_pipe_named_md_does_not_block_the_run(repo, tmp_path):
    import os

    repo()
    os.mkfifo(tmp_path / "content/logs/pipe.md")
    [problem] = [p for p in lint_json() if p["path"] == "content/logs/pipe.md"]
    assert problem["rule"] == "unreadable" and "not a regular file" in problem["message"]


def test_conflict_markers_are_reported_each(repo):
    repo({BROKEN: next(case[1] for case in BAD_INPUT if case[0] == "merge conflict")})
    lines = [p["line"] for p in lint_json() if p["rule"] == "merge-conflict"]
    assert lines == [4, 6, 8]


@pytest.mark.parametrize("body", ["Keep both.\n=======\nKeep one.\n", "Keep both.\n=======", "=======\nKeep one.\n"])
def test_a_separator_left_when_a_conflict_was_half_resolved_is_an_error(repo, body):
    """Its '<<<<<<<' and '>>>>>>>' lines deleted: Markdown would make 'Keep both.' a heading."""
    root = repo({LOG: REFLECTION.replace("Notes of the meeting.\n", body)})
    line = root.joinpath(LOG).read_text(encoding="utf-8").split("\n").index("=======") + 1
    [problem] = lint_json()
    assert (problem["rule"], problem["severity"], problem["path"], problem["line"]) == (
        "merge-conflict", "error", LOG, line)
    assert "left over from a merge conflict" in problem["message"]
    assert "write the heading with # instead" in problem["message"]


def test_names_that_differ_only_in_capitals_are_named_at_each_file(repo):
    """A Mac or Windows clone would keep one: each file names the other."""
    capitals = "content/logs/Log-2026-11-20.md"
    repo({capitals: REFLECTION.replace("id: log-2026-11-20", "id: other").replace("date: 2026-11-20", "date: 2026-11-19")})
    found = {(p["path"], p["line"], p["severity"]): p["message"] for p in lint_json() if p["rule"] == "file-name-case"}
    assert set(found) == {(LOG, 1, "warning"), (capitals, 1, "warning")}
    assert f"differs only in capitals from {capitals}: on a Mac or on Windows" in found[LOG, 1, "warning"]
    assert f"from {LOG}:" in found[capitals, 1, "warning"] and "Rename one" in found[capitals, 1, "warning"]


def test_windows_line_endings_and_byte_order_mark_are_accepted(repo):
    repo({LOG: ("\ufeff" + REFLECTION.replace("\n", "\r\n")).encode("utf-8")})
    assert lint_json() == []


def test_windows_line_endings_keep_line_numbers(repo):
    broken = REFLECTION.replace("value: 3", "value: three").replace("\n", "\r\n")
    repo({LOG: ("\ufeff" + broken).encode("utf-8")})
    [problem] = lint_json()
    assert (problem["line"], problem["column"]) == (8, 5)
    assert problem["message"] == 'measurements #1 value: expected a number, got "three"'


def test_huge_paste_is_refused_without_parsing(repo, monkeypatch):
    root = repo()
    big = root / BROKEN
    with big.open("w", encoding="utf-8") as handle:
        handle.write("---\ntype: reflection\nnotes: |\n")
        handle.write("  pasted text pasted text pasted text\n" * 1_500_000)
        handle.write("---\n")
    parsed_sizes = []
    read_yaml = frontmatter_handler.read_yaml

    def recording_read_yaml(text, *args):
        parsed_sizes.append(len(text))
        return read_yaml(text, *args)

    monkeypatch.setattr(frontmatter_handler, "read_yaml", recording_read_yaml)
    [problem] = [p for p in lint_json() if p["path"] == BROKEN]
    assert problem["rule"] == "file-too-large" and "MB" in problem["message"]
    assert len(parsed_sizes) == len(GOOD_REPO)  # the other files, not the paste
    assert max(parsed_sizes) < load.MAX_FRONT_MATTER_BYTES


def test_long_front_matter_in_small_file_is_refused(repo):
    repo({BROKEN: "---\ntype: reflection\nnotes: |\n" + "  words words words words\n" * 8000 + "---\n"})
    [problem] = [p for p in lint_json() if p["path"] == BROKEN]
    assert problem["rule"] == "file-too-large" and "front matter" in problem["message"]


def test_yes_and_no_stay_words(repo):
    repo()
    # The plan's scale holds "no"; YAML 1.1 would have turned it into false.
    assert lint_json() == []


def test_unexpected_failure_is_one_line_and_exit_2(repo, monkeypatch):
    repo()

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(load, "_load", explode)
    result = invoke("lint", "--as-of", "2026-11-24", "content")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "content/logs/log-2026-11-20.md:1:1: error: aotext failed on this file (RuntimeError: boom)" in result.output


def test_unquoted_clock_time_stays_a_time(repo):
    repo({"aotext.yaml": PROJECT.replace('start: "10:00"', "start: 10:00")})
    assert lint_json() == []


@pytest.mark.parametrize("written", [".inf", "-.inf", ".nan", ".NaN", "1.0e+999"])
def test_a_count_that_is_infinite_or_not_a_number_is_an_error_at_its_line_and_every_command_goes_on(
        repo, tmp_path, written):
    """YAML reads .inf, .nan and 1.0e+999 as numbers no count can be: lint
    says so at the line, and the summary and the dashboard leave the
    measurement out (exit 1), where the dashboard had failed on it."""
    repo({LOG: REFLECTION.replace("value: 3", f"value: {written}")})
    [problem] = lint_json()
    assert (problem["path"], problem["line"], problem["rule"]) == (LOG, 8, "schema")
    assert problem["message"] == f'measurements #1 value: expected a number, got "{written}"'
    summary = invoke("summary", "--as-of", "2026-11-24", "--format", "csv")
    assert summary.exit_code == 1 and "inf" not in summary.stdout and "nan" not in summary.stdout.lower()
    for shareable in ((), ("--shareable",)):
        page = invoke("dashboard", "--as-of", "2026-11-24", *shareable)
        assert page.exit_code == 1 and "internal error" not in page.output, page.output
    assert (tmp_path / "private/dashboard.html").exists() and (tmp_path / "build/dashboard.html").exists()


def test_a_markdown_file_not_named_md_is_reported_not_left_out_without_a_word(repo, tmp_path):
    """x.MD, x.markdown and Notepad's x.md.txt are meant as documents, but
    aotext reads only .md: each is an error naming the new name, with or
    without lint's cache; a README in any spelling stays no document."""
    misnamed = {"content/worksheet/q13.MD": "rename it q13.md", "content/curriculum/extra.markdown": "rename it extra.md",
                "content/logs/later.md.txt": "rename it later.md"}
    repo({**{path: REFLECTION for path in misnamed}, "content/README.markdown": "About this folder.\n"})
    for cache in (("--no-cache",), (), ()):
        result = invoke("lint", "--as-of", "2026-11-24", *cache)
        assert result.exit_code == 1
        found = {line.split(":1:1: error: ")[0]: line for line in result.stdout.splitlines() if "[file-name]" in line}
        assert sorted(found) == sorted(misnamed), result.stdout
        for path, words in misnamed.items():
            assert words in found[path] and "aotext reads only files whose names end in .md" in found[path]
        assert "README" not in result.stdout
    # Renamed, it is read (and its own slips found: a log in the worksheet folder).
    (tmp_path / "content/worksheet/q13.MD").rename(tmp_path / "content/worksheet/q13.md")
    after = invoke("lint", "--as-of", "2026-11-24").stdout
    assert "q13.MD" not in after and "content/worksheet/q13.md:2:1: error: a reflection document sits in" in after


def test_a_project_file_that_is_a_folder_or_a_loop_is_no_file_not_no_project(repo, tmp_path):
    """Taken for no project file, it had hidden every project error (lint: no problems, exit 0)."""
    repo({"aotext.yaml": None})
    (tmp_path / "aotext.yaml").mkdir()
    result = invoke("lint", "--as-of", "2026-11-24")
    assert result.exit_code == 2 and "aotext.yaml here is not a file (a folder, or a link that leads nowhere)" in result.output
    (tmp_path / "aotext.yaml").rmdir()
    (tmp_path / "aotext.yaml").symlink_to("aotext.yaml")
    result = invoke("log", "bus-plan", "--as-of", "2026-11-24", "--date", "2026-11-23")
    assert result.exit_code == 2 and "is not a file" in result.output
    assert sorted(path.name for path in (tmp_path / "content/logs").iterdir()) == ["log-2026-11-20.md"]


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "- collective: X\n"])
def test_an_empty_project_file_says_what_a_project_file_needs(repo, text):
    repo({"aotext.yaml": text})
    [problem] = [p for p in lint_json() if p["path"] == "aotext.yaml"]
    assert "at least 'collective:' and 'handouts:'" in problem["message"] and "type:" not in problem["message"]


def test_a_file_or_folder_aotext_may_not_read_is_said_so_and_what_names_the_file_is_told(repo, monkeypatch):
    """As when someone else's chmod leaves a plan or a folder unreadable (here
    simulated: tests may run as root, who reads everything). The folder had
    been passed over without a word; the plan's logs had said there is no
    such plan."""
    from aotext.documents import claims

    repo({"content/kit/sheets/sign-in.md": "---\ntype: sheet\n---\n"})
    listing = os.scandir

    def opening(path: str, *args: object, **kwargs: object) -> object:
        if path.endswith("bus-plan.md"):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return open(path, *args, **kwargs)

    def refuse(path: str, *args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    def scandir(path: object = ".") -> object:
        if str(path).endswith("sheets"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(load, "open", opening, raising=False)
    monkeypatch.setattr(claims, "open", refuse, raising=False)
    monkeypatch.setattr(os, "scandir", scandir)
    problems = {(p["path"], p["rule"]): p["message"] for p in lint_json()}
    assert problems[("content/plans/bus-plan.md", "unreadable")].startswith("cannot read this file: Permission denied")
    assert "seems to be in content/plans/bus-plan.md, which aotext cannot read" in problems[(LOG, "broken-reference")]
    assert problems[("content/kit/sheets", "unreadable")].startswith(
        "aotext cannot open this folder, so the documents in it are not checked")
