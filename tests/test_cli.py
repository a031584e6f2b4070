"""The lint command as a user meets it: output formats, exit codes, help."""

from __future__ import annotations

import json
from pathlib import Path

import click

from aotext.cli import cli
from aotext.rules import REGISTRY
from helpers import AS_OF, PLAN, REFLECTION, commands, invoke

PLAN_PATH = "content/plans/bus-plan.md"
NO_MISS_PLAN = {PLAN_PATH: PLAN.replace("    if_missed: Pair the rep with an experienced organizer.\n", "")}


def many_broken_logs(count: int) -> dict[str, str]:
    return {
        # Each of its own day: logs of one day would be same-day-logs' too.
        f"content/logs/broken-{n:02d}.md": REFLECTION.replace("log-2026-11-20", f"log-{n}").replace("value: 3", "value: lots")
        .replace("date: 2026-11-20", f"date: 2026-10-{n + 1:02d}")
        for n in range(count)
    }


def test_clean_repository_exits_0_with_a_count(repo):
    repo()
    result = invoke("lint", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert result.output == "7 files checked: no problems.\n"


def test_text_format_one_problem_a_line_sorted_then_count(repo):
    repo({**NO_MISS_PLAN, "content/logs/a.md": "type: reflection\n"})
    result = invoke("lint", "--as-of", AS_OF, "content")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == ("content/logs/a.md:1:1: error: no front matter: add a line '---' above line 1 "
                        "and another after the last key [front-matter]")
    assert lines[1].startswith("content/plans/bus-plan.md:20:5: error: benchmark 'signups' has no 'if_missed:'")
    assert lines[2] == "7 files checked: 2 problems (2 errors) in 2 files."


def test_json_format_has_the_documented_keys(repo):
    repo(NO_MISS_PLAN)
    result = invoke("lint", "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 1
    [problem] = json.loads(result.output)
    assert list(problem) == ["path", "line", "column", "severity", "rule", "message"]
    assert (problem["path"], problem["line"], problem["rule"]) == (PLAN_PATH, 20, "benchmark-no-miss-plan")


def test_github_format_caps_annotations_and_writes_the_summary(repo, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    repo(many_broken_logs(12))
    result = invoke("lint", "--format", "github", "--as-of", AS_OF)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    annotations = [line for line in lines if line.startswith("::error ")]
    assert len(annotations) == 10
    assert annotations[0] == ("::error file=content/logs/broken-00.md,line=8,col=5,title=schema::"
                              'measurements #1 value: expected a number, got "lots"')
    [notice] = [line for line in lines if line.startswith("::notice")]
    assert "2 more problems" in notice
    assert sum(1 for line in lines if line.startswith("content/logs/broken-1")) == 2
    table_rows = [line for line in summary.read_text().splitlines() if line.startswith("| content/")]
    assert len(table_rows) == 12


def test_github_format_is_chosen_inside_github_actions(repo, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    repo(NO_MISS_PLAN)
    assert invoke("lint", "--as-of", AS_OF).output.startswith("::error file=content/plans/bus-plan.md,line=20")


def test_github_annotation_escapes_newlines_and_commas():
    from aotext.model import Problem
    from aotext.report import _annotation

    line = _annotation(Problem("a,b.md", 1, 2, "x", "error", "50%\ndone"))
    assert line == "::error file=a%2Cb.md,line=1,col=2,title=x::50%25%0Adone"


def test_usage_errors_exit_2(repo):
    repo()
    missing = invoke("lint", "no-such-folder")
    assert missing.exit_code == 2 and "the file or folder 'no-such-folder' does not exist" in missing.output
    bad_date = invoke("lint", "--as-of", "2026-13-01")
    assert bad_date.exit_code == 2 and "not a real calendar date" in bad_date.output
    for command in ("lint", "summary", "followups", "dashboard", "build"):  # the year 1 had failed inside
        year_one = invoke(command, "--as-of", "0001-01-01")
        assert year_one.exit_code == 2 and "give a date from 1900 to 2200" in year_one.output, command
    bad_rule = invoke("lint", "--ignore", "no-such-rule")
    assert bad_rule.exit_code == 2 and "--list-rules" in bad_rule.output


def test_a_bad_option_value_is_said_in_plain_words_with_the_usage_line(repo):
    """click's own words ('not a valid integer range', 'the range x>=1',
    "Path 'x' is a directory") were jargon to a trainer."""
    repo()
    cases = {
        ("followups", "--within", "abc"): "'abc' is not a whole number; give a number of days, such as 7",
        ("followups", "--within", "-1"): "-1 is too few; give a number of days, 0 or more, such as 7",
        ("lint", "--jobs", "0"): "0 is too few; give how many processes to read with, 1 or more, such as 4",
        ("build", "-j", "-3"): "-3 is too few; give how many handouts to build at once, 1 or more",
        ("summary", "--output", "/dev/null"): "'/dev/null' is a device or a pipe, not a file; name a file",
        ("summary", "--output", "content"): "'content' is a folder; name a file",
        ("summary", "--output", "-"): "'-' would write a file named '-'; to print instead, leave out the option",
        ("dashboard", "--output", "-"): "'-' would write a file named '-'",
        ("build", "--output-dir", "aotext.yaml"): "'aotext.yaml' is a file, not a folder; name a folder",
        ("log", "--answers", "nope.yaml", "bus-plan"): "the file 'nope.yaml' does not exist; check its name",
        ("edit", "content"): "Invalid value for 'FILE': 'content' is a folder",
    }
    for args, words in cases.items():
        result = invoke(*args)
        usage = f" {args[0]} [OPTIONS]"  # the command's usage line, as click shows it
        assert result.exit_code == 2 and words in result.stderr and usage in result.stderr, (args, result.output)
        assert not any(jargon in result.stderr for jargon in ("range", "integer", "directory", "writable")), args


def test_no_content_folder_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("lint")
    assert result.exit_code == 2 and "no 'content' folder" in result.output


def test_ignore_skips_a_rule(repo):
    repo({"content/logs/log-2026-11-20.md": REFLECTION.replace("2026-11-20", "2026-10-01")})
    assert "[reflection-overdue]" in invoke("lint", "--as-of", AS_OF).output
    ignored = invoke("lint", "--as-of", AS_OF, "--strict", "--ignore", "reflection-overdue")
    assert ignored.exit_code == 0 and "no problems" in ignored.output


def test_reflection_overdue_depends_on_as_of(repo):
    repo()
    assert invoke("lint", "--as-of", "2026-12-01", "--strict").exit_code == 0
    late = invoke("lint", "--as-of", "2026-12-20")
    assert "[reflection-overdue]" in late.output and "warning" in late.output


def test_warnings_alone_pass_unless_strict(repo):
    """A hook that passed yesterday must not fail today with no change:
    reflection-overdue depends on the date, so warnings exit 0 unless --strict."""
    repo()
    late = invoke("lint", "--as-of", "2026-12-20")
    assert late.exit_code == 0 and "1 problem (1 warning)" in late.output
    assert invoke("lint", "--as-of", "2026-12-20", "--strict").exit_code == 1
    repo({"content/plans/bus-plan.md": PLAN.replace("scenario: bus-drivers", "scenario: bus-driverz")})
    with_error = invoke("lint", "--as-of", "2026-12-20")
    assert with_error.exit_code == 1 and "error" in with_error.output


def test_list_rules_shows_every_rule():
    result = invoke("lint", "--list-rules")
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.output.splitlines()}
    assert listed == set(REGISTRY)
    assert len(REGISTRY) >= 25


def test_every_command_and_option_has_help():
    def walk(command: click.Command, name: str):
        assert command.help, f"{name} has no help text"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts} has no help text"
        if isinstance(command, click.Group):
            for sub_name, sub in commands().items():
                walk(sub, f"{name} {sub_name}")

    walk(cli, "aotext")
    assert invoke("lint", "--help").exit_code == 0


def test_parallel_and_serial_reading_agree(repo, monkeypatch):
    from aotext import reading

    repo(many_broken_logs(30))
    serial = invoke("lint", "--as-of", AS_OF, "--jobs", "1", "--no-cache").output  # the cache would answer
    monkeypatch.setattr(reading, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(reading, "_CHUNK", 4)
    for jobs in ("2", "3"):  # this process reads too, what no worker has started
        assert invoke("lint", "--as-of", AS_OF, "--jobs", jobs, "--no-cache").output == serial
    assert "37 files checked" in serial


def test_every_file_read_in_parallel_is_handed_on_once_as_it_comes_in(repo, monkeypatch, tmp_path):
    """lint makes the typed views of the files as they come in from the
    workers (aotext.reading.read_all's `then`): each file once, none left out."""
    from aotext import reading

    repo(many_broken_logs(30))
    monkeypatch.setattr(reading, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(reading, "_CHUNK", 2)
    paths = sorted(Path("content").rglob("*.md"))
    for jobs in (1, 2, 3):
        handed: list[str] = []
        loaded = reading.read_all(paths, jobs, keep_bodies=False,
                                  then=lambda chunk, handed=handed: handed.extend(item.path for item in chunk))
        assert sorted(handed) == sorted(item.path for item in loaded) == sorted(path.as_posix() for path in paths)
