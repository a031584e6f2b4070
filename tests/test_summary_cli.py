"""aotext summary as a coordinator meets it: every format, reproducible, private-safe."""

from __future__ import annotations

import csv
import errno
import io
import json
import os

from helpers import AS_OF, MODULE, PLAN, REFLECTION, invoke

PRIVATE_LOG = REFLECTION.replace("log-2026-11-20", "log-secret").replace("value: 3", "value: 40").replace(
    "type: reflection\n", "type: reflection\nprivate: true\n").replace("Three new drivers signed up.", "Walrus private celebration")


def summary(*args: str):
    return invoke("summary", "--as-of", AS_OF, *args)


def test_json_has_the_documented_keys(repo):
    repo()
    result = summary("--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["as_of"] == AS_OF
    [plan] = data["plans"]
    assert plan["id"] == "bus-plan" and plan["celebrate"] == ["Benchmark met: A driver-rep signs up 2 new drivers this month",
                                                               "Three new drivers signed up. (2026-11-20)"]
    signups, identify = plan["benchmarks"]
    for key in ("id", "title", "kind", "target", "unit", "current", "progress", "expected", "status", "trend",
                "last_measured", "if_missed"):
        assert key in signups
    assert (signups["kind"], signups["target"], signups["current"], signups["status"]) == ("numeric", 2, 3, "met")
    assert signups["last_measured"] == "2026-11-20" and signups["period"] == "November 2026"
    assert (identify["kind"], identify["target"], identify["current"]) == ("qualitative", "most", "a few")


def test_csv_has_one_row_per_benchmark(repo):
    repo()
    rows = list(csv.DictReader(io.StringIO(summary("--format", "csv").output)))
    assert [row["id"] for row in rows] == ["signups", "identify"]
    assert rows[0]["plan"] == "bus-plan" and rows[0]["status"] == "met"


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_text(repo):
    repo({"content/plans/bus-plan.md": PLAN.replace("title: A driver-rep signs up 2 new drivers this month",
                                                    "title: +1 new driver facilitates a meeting")
          .replace("title: Do the drivers identify as the union?", "title: =50 drivers participate")
          .replace("if_missed: Pair the rep with an experienced organizer.", "if_missed: \"@rep, -then: ask\"")})
    output = summary("--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(output)))
    assert [row["title"] for row in rows] == ["'+1 new driver facilitates a meeting", "'=50 drivers participate"]
    assert rows[0]["if_missed"] == "'@rep, -then: ask"
    # Numbers are numbers, and text that starts otherwise is as written.
    assert rows[0]["current"] == "3" and rows[0]["status"] == "met" and rows[0]["plan"] == "bus-plan"


def test_markdown_quotes_the_plan_for_a_miss_of_what_is_behind(repo):
    repo({"content/logs/log-2026-11-20.md": REFLECTION.replace("level: a few", "level: \"no\"")})
    result = summary("--format", "markdown", "--as-of", "2026-12-20")
    assert result.exit_code == 0, result.output
    assert "| Do the drivers identify as the union? | most | no | 0% |" in result.output
    assert '- **Do the drivers identify as the union?** (behind): "Hold a meeting about what the union means to us."' in result.output


def test_table_is_plain_when_piped(repo):
    repo()
    result = summary()
    assert "\x1b[" not in result.output
    assert "Bus drivers campaign — as of 2026-11-24" in result.output
    assert "on track" in result.output or "met" in result.output


def test_same_date_and_content_give_identical_bytes(repo, tmp_path):
    repo()
    for fmt in ("table", "markdown", "csv", "json"):
        assert summary("--format", fmt).output == summary("--format", fmt).output


def test_output_file_is_written(repo, tmp_path):
    repo()
    result = summary("--format", "markdown", "--output", "notes.md")
    assert result.exit_code == 0
    assert (tmp_path / "notes.md").read_text().startswith("## Bus drivers campaign")
    assert list(tmp_path.glob(".notes.md.*")) == []


def test_an_output_file_says_at_its_top_how_many_documents_were_left_out(repo, tmp_path):
    """The terminal's lint errors do not travel with the file: a log with
    conflict markers leaves its count out, and the file says so first."""
    conflicted = REFLECTION.replace("measurements:\n", "<<<<<<< HEAD\nmeasurements:\n=======\n>>>>>>> theirs\n")
    repo({"content/logs/other.md": conflicted.replace("id: log-2026-11-20", "id: other").replace("11-20", "11-19")})
    said = "1 document could not be read in full, so this summary may miss what it says. Run "
    assert summary("--format", "markdown", "--output", "notes.md").exit_code == 1
    first = (tmp_path / "notes.md").read_text(encoding="utf-8").split("\n")
    assert first[0] == f"**Something is left out:** {said}`aotext lint` to see where, fix it, and make this summary again."
    assert first[1:3] == ["", "## Bus drivers campaign"]
    assert summary("--format", "csv", "--output", "table.csv").exit_code == 1
    rows = list(csv.reader(io.StringIO((tmp_path / "table.csv").read_text(encoding="utf-8"))))
    assert len(rows[0]) == 1 and said in rows[0][0] and rows[1][:2] == ["plan", "id"] and len(rows) == 4
    assert json.loads(summary("--format", "json").stdout)["unread_documents"] == 1
    (tmp_path / "content/logs/other.md").unlink()
    for fmt in ("table", "markdown", "csv"):
        assert "left out" not in summary("--format", fmt).stdout
    assert json.loads(summary("--format", "json").stdout)["unread_documents"] == 0


def test_private_logs_never_count_or_show(repo):
    repo({"content/logs/secret.md": PRIVATE_LOG})
    for fmt in ("table", "markdown", "csv", "json"):
        output = summary("--format", fmt).output
        assert "Walrus" not in output and "log-secret" not in output
    data = json.loads(summary("--format", "json").output)
    assert data["plans"][0]["benchmarks"][0]["current"] == 3


def test_unknown_or_private_plan_is_a_usage_error(repo):
    repo()
    unknown = summary("--plan", "bus-plna")
    assert unknown.exit_code == 2 and "did you mean 'bus-plan'" in unknown.output
    repo({"content/plans/bus-plan.md": PLAN.replace("reflect_every: 2 weeks", "reflect_every: 2 weeks\nprivate: true")})
    private = summary("--plan", "bus-plan")
    assert private.exit_code == 2 and "private" in private.output


def test_lint_errors_give_exit_1_but_the_summary_still_prints(repo):
    repo({"content/logs/log-2026-11-20.md": REFLECTION.replace("benchmark: signups", "benchmark: sign-ups")})
    result = summary("--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output[:result.output.rindex("}") + 1])
    assert data["skipped_measurements"] == 1


def test_table_colours_status_only_when_asked():
    import datetime as dt

    from aotext.corpus import Corpus
    from aotext.summary_plans import summarize
    from aotext.summary_report import table_report
    from aotext.terminal import Display
    from helpers import log, numeric, plan

    summary = summarize(Corpus([plan(numeric(start="2026-01-01", due="2026-01-31")),
                                log("2026-01-10", {"benchmark": "b", "value": 12})]), dt.date(2026, 1, 11))
    coloured, plain = table_report(summary, Display(colour=True)), table_report(summary, Display(colour=False))
    assert "\x1b[32mmet" in coloured
    assert "\x1b[" not in plain and "met" in plain


def test_a_broken_plan_still_gives_a_summary_and_exit_1(repo):
    broken = (PLAN.replace("target: 2", "target: two").replace("every: month", "every: fortnight")
              .replace("scale: [no, a few, most]", "scale: no, a few, most"))
    repo({"content/plans/bus-plan.md": broken})
    result = summary("--format", "json")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert [b["id"] for b in json.loads(result.stdout)["plans"][0]["benchmarks"]] == ["signups", "identify"]


def test_a_log_dated_after_today_is_named_by_the_summary_and_the_dashboard(repo):
    """A log dated after today is left out until that day: the summary and
    the dashboard say so (as lint does); with --as-of, a later log is no slip."""
    import datetime as dt

    later = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    log = "content/logs/log-later.md"
    repo({log: REFLECTION.replace("id: log-2026-11-20", "id: log-later").replace("date: 2026-11-20", f"date: {later}")})
    warning = f"{log}:5:1: warning: this log is dated {later}, after {dt.date.today()} (today, or the --as-of date)"
    for command in (("summary",), ("dashboard",), ("dashboard", "--shareable")):
        today = invoke(*command)
        assert today.exit_code == 0 and warning in today.stderr, today.output
        assert "future-log" not in invoke(*command, "--as-of", AS_OF).stderr


def test_an_output_through_a_link_replaces_the_file_it_names_and_a_pipe_or_device_is_never_replaced(repo, tmp_path,
                                                                                                     monkeypatch):
    """--output (as the dashboard's and the calendar's) writes through a
    link, keeping it; a pipe or a device (/dev/full, as root) had been
    replaced by a plain file. An error names the file asked for, never the
    hidden temporary one."""
    repo()
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared/real.json").write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to("shared/real.json")
    assert invoke("summary", "--as-of", AS_OF, "--format", "json", "--output", "link.json").exit_code == 0
    assert (tmp_path / "link.json").is_symlink()
    assert json.loads((tmp_path / "shared/real.json").read_text(encoding="utf-8"))["as_of"] == AS_OF
    os.mkfifo(tmp_path / "pipe.json")
    refused = invoke("summary", "--as-of", AS_OF, "--output", "pipe.json")
    assert refused.exit_code == 2 and "'pipe.json' is a device or a pipe, not a file; name a file" in refused.stderr
    assert (tmp_path / "pipe.json").is_fifo()
    (tmp_path / "locked").mkdir()

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path / "locked/.summary.txt.x.part"))

    monkeypatch.setattr("aotext.fsio.tempfile.mkstemp", refuse)  # tests may run as root, who may write anywhere
    failed = invoke("summary", "--as-of", AS_OF, "--output", "locked/summary.txt")
    assert failed.exit_code == 2 and "could not read or write locked/summary.txt: Permission denied" in failed.stderr
    assert ".part" not in failed.stderr


def test_an_error_in_a_document_the_summary_does_not_read_leaves_nothing_out(repo, tmp_path):
    """A workshop module with an error: lint's error is still printed (exit
    status 1), but the summary, which reads plans and logs only, does not say
    it may miss something; a log in the logs folder that cannot be read at all
    is counted, as its type is told by its folder."""
    repo({"content/curriculum/planning.md": MODULE.replace("minutes: 30", "minutes: half an hour")})
    result = summary("--format", "markdown", "--output", "notes.md")
    assert result.exit_code == 1
    assert "content/curriculum/planning.md" in result.stderr
    assert "the summary reads none of them, so nothing is left out of it" in result.stderr
    assert "left out" not in (tmp_path / "notes.md").read_text(encoding="utf-8")
    (tmp_path / "content/logs/broken.md").write_text("---\ntype: reflection\nplan: [bus-plan\n---\n", encoding="utf-8")
    result = summary("--format", "markdown", "--output", "notes.md")
    assert "the summary leaves out what it could not read" in result.stderr
    assert (tmp_path / "notes.md").read_text(encoding="utf-8").startswith(
        "**Something is left out:** 1 document could not be read in full")


def test_words_in_square_brackets_print_as_typed_in_the_table(repo):
    """The terminal table is drawn by rich, which reads [word] as its own
    markup: a title holding "[/b]" had stopped the summary with an internal
    error (exit status 2), and "[new]" vanished."""
    repo({"content/plans/bus-plan.md": PLAN.replace("A driver-rep signs up 2 new drivers this month",
                                                    "A driver-rep signs up 2 [new] drivers [/b] this month")
          .replace("title: Bus drivers campaign", "title: Bus drivers [b]campaign")})
    result = summary()
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "A driver-rep signs up 2 [new] drivers [/b] this month" in text
    assert "Bus drivers [b]campaign — as of 2026-11-24" in text


def test_a_count_after_a_benchmarks_due_date_is_said_not_to_count_in_every_format(repo, tmp_path):
    late = REFLECTION.replace("id: log-2026-11-20", "id: log-2027-01-05").replace("date: 2026-11-20",
                                                                                 "date: 2027-01-05")
    repo({"content/logs/log-2027-01-05.md": late.replace("level: a few", "level: most")})
    data = json.loads(invoke("summary", "--as-of", "2027-01-10", "--format", "json").stdout)
    identify = next(b for b in data["plans"][0]["benchmarks"] if b["id"] == "identify")
    assert (identify["current"], identify["counted_after_due"]) == ("a few", 1)
    markdown = invoke("summary", "--as-of", "2027-01-10", "--format", "markdown").output
    assert "1 measurement counted after its due date does not count" in markdown
    rows = list(csv.DictReader(io.StringIO(invoke("summary", "--as-of", "2027-01-10", "--format", "csv").stdout)))
    assert [row["counted_after_due"] for row in rows if row["id"] == "identify"] == ["1"]
