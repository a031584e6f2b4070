"""Ways of printing lint problems: for people, for programs, for GitHub."""

from __future__ import annotations

from aotext.jsontext import indented_json
from aotext.lint import LintResult
from aotext.model import ERROR, WARNING, Problem
from aotext.terminal import Display, Formatter
from aotext.words import plural

# GitHub shows only this many annotations of each kind per step.
GITHUB_ANNOTATION_LIMIT = 10


def count_line(result: LintResult) -> str:
    checked = f"{plural(result.files, 'file')} checked"
    if not result.problems:
        return f"{checked}: no problems."
    files = len({problem.path for problem in result.problems})
    kinds = [plural(result.errors, "error")] if result.errors else []
    if result.warnings:
        kinds.append(plural(result.warnings, "warning"))
    return f"{checked}: {plural(len(result.problems), 'problem')} ({', '.join(kinds)}) in {plural(files, 'file')}."


def text_report(result: LintResult, display: Display = Display()) -> str:
    lines = [str(problem) for problem in result.problems]
    lines.append(count_line(result))
    return "\n".join(lines) + "\n"


def json_report(result: LintResult, display: Display = Display()) -> str:
    items = [
        {
            "path": problem.path,
            "line": problem.line,
            "column": problem.column,
            "severity": problem.severity,
            "rule": problem.rule,
            "message": problem.message,
        }
        for problem in result.problems
    ]
    return indented_json(items)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation(problem: Problem) -> str:
    return (
        f"::{problem.severity} file={_escape_property(problem.path)},line={problem.line},col={problem.column},"
        f"title={_escape_property(problem.rule)}::{_escape_data(problem.message)}"
    )


def github_report(result: LintResult, display: Display = Display()) -> str:
    """Workflow annotations, at most the number GitHub shows of each kind; the
    rest as plain lines after a notice that says how many there are."""
    lines = []
    overflow: list[Problem] = []
    for severity in (ERROR, WARNING):
        of_kind = [problem for problem in result.problems if problem.severity == severity]
        lines += [_annotation(problem) for problem in of_kind[:GITHUB_ANNOTATION_LIMIT]]
        overflow += of_kind[GITHUB_ANNOTATION_LIMIT:]
    if overflow:
        lines.append(
            f"::notice title=aotext lint::{plural(len(overflow), 'more problem')} than GitHub shows as annotations; "
            "all of them are listed below and in the job summary"
        )
        lines += [str(problem) for problem in sorted(overflow)]
    lines.append(count_line(result))
    return "\n".join(lines) + "\n"


def markdown_summary(result: LintResult) -> str:
    """The full list as a Markdown table, for $GITHUB_STEP_SUMMARY."""
    lines = ["## aotext lint", "", count_line(result), ""]
    if result.problems:
        lines += ["| File | Line | Severity | Problem | Rule |", "| --- | --- | --- | --- | --- |"]
        for problem in result.problems:
            message = problem.message.replace("|", "\\|")
            lines.append(f"| {problem.path} | {problem.line}:{problem.column} | {problem.severity} | {message} | {problem.rule} |")
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Formatter[LintResult]] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
}
