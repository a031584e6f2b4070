"""Ways of printing a benchmark summary: a terminal table, Markdown for
meeting notes, CSV for spreadsheets, JSON for programs. Pure functions of a
Summary, so the same summary always prints the same bytes."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from aotext.handouts.labels import ENGLISH, period_words
from aotext.jsontext import indented_json
from aotext.summary_model import BenchmarkSummary, PlanSummary, Summary
from aotext.summary_notes import (
    cannot_judge_text,
    celebration_text,
    missed_text,
    need_text,
    period_name,
    progress_words,
    record_text,
)
from aotext.terminal import Display, Formatter, render, typed
from aotext.words import number, percent

STATUS_COLOURS = {"met": "green", "on track": "cyan", "behind": "yellow", "overdue": "red",
                  "no data": "dim", "not started": "dim"}
CSV_COLUMNS = ("plan", "id", "title", "kind", "target", "unit", "current", "progress", "expected", "status",
               "trend", "last_measured", "measured_by", "period", "record", "needed", "if_missed", "missed",
               "cannot_judge", "counted_after_due")


def _plain(value: Any) -> Any:
    """Whole floats as ints, dates as text: the form JSON and CSV print."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return number(value)
    return str(value)


def target_text(benchmark: BenchmarkSummary, words: Mapping[str, str] = ENGLISH) -> str:
    if benchmark.kind == "qualitative":
        return str(benchmark.target)
    per = f" {words['per period'].format(period=period_words(words, benchmark.every))}" if benchmark.every else ""
    return f"{shown(benchmark.target)} {benchmark.unit or ''}".strip() + per


def progress_text(benchmark: BenchmarkSummary) -> str:
    return percent(benchmark.progress) if benchmark.progress is not None else "—"


def _period(benchmark: BenchmarkSummary, words: Mapping[str, str]) -> str:
    if not (benchmark.period and benchmark.every):
        return ""
    now = benchmark.history[-1]
    # A period the benchmark covers only in part asks for only its share.
    cut = (f" ({words['part of period'].format(first=now.first, last=now.last, target=number(now.target))})"
           if benchmark.kind == "numeric" and now.target != benchmark.target else "")
    return words[f"this period:{benchmark.every}"].format(period=period_name(benchmark.period, words)) + cut


def notes_text(benchmark: BenchmarkSummary, words: Mapping[str, str] = ENGLISH) -> str:
    """What the summary notes of a benchmark besides its numbers, in one cell."""
    parts = [cannot_judge_text(benchmark.cannot_judge, words) if benchmark.cannot_judge else "",
             missed_text(benchmark.missed, words) if benchmark.missed else "", _period(benchmark, words),
             record_text(benchmark.record, words) if benchmark.record else "",
             need_text(benchmark.needed, words) if benchmark.needed else "",
             _after_due(benchmark, words)]
    return "; ".join(part for part in parts if part)


def _after_due(benchmark: BenchmarkSummary, words: Mapping[str, str]) -> str:
    """Counts after the due date, which do not judge the benchmark: said, so none is left out without a word."""
    count = benchmark.after_due
    return words["after due:1" if count == 1 else "after due"].format(count=count) if count else ""


def benchmark_record(plan: PlanSummary, benchmark: BenchmarkSummary) -> dict[str, Any]:
    """A benchmark as the JSON and CSV reports print it (documented in the README): its notes in English
    whatever the project's language, since programs read them as they are."""
    return {
        "id": benchmark.id,
        "title": benchmark.title,
        "kind": benchmark.kind,
        "target": _plain(benchmark.target),
        "unit": benchmark.unit,
        "current": _plain(benchmark.current),
        "progress": benchmark.progress,
        "expected": _plain(benchmark.expected),
        "status": benchmark.status,
        "trend": benchmark.trend,
        "last_measured": _plain(benchmark.last_measured),
        "measured_by": benchmark.measured_by,
        "if_missed": benchmark.if_missed,
        "needed": need_text(benchmark.needed) if benchmark.needed else None,
        "every": benchmark.every,
        "period": period_name(benchmark.period) if benchmark.period else None,
        "record": record_text(benchmark.record) if benchmark.record else None,
        "history": [
            {"period": period_name(p.period), "first": p.first.isoformat(), "last": p.last.isoformat(),
             "value": _plain(benchmark.shown_value(p.value)), "met": p.met,
             "target": _plain(benchmark.shown_value(p.target))}
            for p in benchmark.history
        ],
        "missed": missed_text(benchmark.missed) if benchmark.missed else None,
        "counted_after_due": benchmark.after_due,
        "cannot_judge": cannot_judge_text(benchmark.cannot_judge) if benchmark.cannot_judge else None,
    }


def json_report(summary: Summary, display: Display = Display()) -> str:
    data = {
        "as_of": summary.as_of.isoformat(),
        "plans": [
            {
                "id": plan.id,
                "title": plan.title,
                "as_of": plan.as_of.isoformat(),
                "ends": _plain(plan.ends),
                "ended": plan.ended,
                "benchmarks": [benchmark_record(plan, b) for b in plan.benchmarks],
                "celebrate": [celebration_text(item) for item in plan.celebrate],
                "skipped_measurements": plan.skipped_measurements,
                "after_end_measurements": plan.after_end_measurements,
                "before_start_measurements": plan.before_start_measurements,
            }
            for plan in summary.plans
        ],
        "skipped_measurements": summary.skipped_measurements,
        "after_end_measurements": summary.after_end_measurements,
        "before_start_measurements": summary.before_start_measurements,
        "unread_documents": summary.unread_documents,
    }
    return indented_json(data)


# A spreadsheet runs a cell that starts with one of these as a formula (a
# benchmark titled "=50 drivers participate"), so such a cell is written
# after a quote, which shows it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _as_text(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def unread_notice(summary: Summary, lint: str = "aotext lint") -> str:
    """What a report says at its top when documents could not be read in full
    (as the dashboard does): a file passed on tells no one what lint said."""
    count = summary.unread_documents
    if not count:
        return ""
    what = "1 document" if count == 1 else f"{count} documents"
    return (f"Something is left out: {what} could not be read in full, so this summary may miss what "
            f"{'it says' if count == 1 else 'they say'}. Run {lint} to see where, fix it, and make this summary again.")


def csv_report(summary: Summary, display: Display = Display()) -> str:
    output = io.StringIO()
    if notice := unread_notice(summary):
        # A row of its own above the column names, where whoever opens the file reads first.
        csv.writer(output, lineterminator="\n").writerow([notice])
    writer = csv.DictWriter(output, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for plan in summary.plans:
        for benchmark in plan.benchmarks:
            row = {"plan": plan.id, **benchmark_record(plan, benchmark)}
            writer.writerow({key: _as_text(value) for key, value in row.items()})
    return output.getvalue()


def misses(plan: PlanSummary) -> list[BenchmarkSummary]:
    return [b for b in plan.benchmarks if b.status in ("behind", "overdue") and b.if_missed]


def left_out(plan: PlanSummary, words: Mapping[str, str] = ENGLISH) -> list[str]:
    """What the summary did not count, so that nothing is left out silently."""
    lines = []
    for key, count in (("left out unknown", plan.skipped_measurements),
                       ("left out after end", plan.after_end_measurements),
                       ("left out before start", plan.before_start_measurements)):
        if count:  # one measurement and more take different words (a verb agrees with them)
            lines.append(words[f"{key}:1" if count == 1 else key].format(count=count, ends=plan.ends))
    return lines


def _ended(plan: PlanSummary) -> str:
    return ENGLISH["ended"] if plan.ended else ""


def chart_words(benchmarks: Sequence[BenchmarkSummary], words: Mapping[str, str] = ENGLISH) -> str:
    """What a chart picture shows, in words: its alternative text, for whoever cannot see it."""
    parts = []
    for b in benchmarks:
        pace = (", " + words["expected share"].format(share=percent(b.expected_share))
                if b.expected_share is not None else "")
        parts.append(f"{b.title}: {words[b.status]}, {progress_words(b.progress, words)}{pace}")
    return words["chart words"].format(benchmarks="; ".join(parts))


def plan_markdown(plan: PlanSummary, heading: bool = True, charts: Sequence[tuple[str, str]] = (),
                  web_charts: str = "", words: Mapping[str, str] = ENGLISH) -> str:
    """One plan's summary as Markdown; the benchmark report handout adds its
    chart's pictures, which print, and the same charts as inline SVG for its
    web page, which shows those instead (the pandoc filter keeps one of the two)."""
    sub = "###" if heading else "##"  # the sections nest under the plan's heading, or under the handout's title
    columns = ("benchmark", "target", "current", "progress", "expected", "status", "trend", "last measured", "notes")
    out = [f"## {plan.title}\n" if heading else "",
           f"{words['as of']} {plan.as_of}{words['ended'] if plan.ended else ''}.\n",
           "| " + " | ".join(words[column] for column in columns) + " |",
           # The dashes set the relative column widths when pandoc prints it.
           "|:-------------------|:-----------|:--------|------:|:--------|:-------|:----|:---------|:------------------|"]
    for b in plan.benchmarks:
        cells = [b.title, target_text(b, words), shown(b.current), progress_text(b), shown(b.expected),
                 f"**{words[b.status]}**", words[b.trend] if b.trend else shown(None),
                 shown(b.last_measured), notes_text(b, words)]
        out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    if plan.celebrate:
        out.append(f"\n{sub} {words['celebrate']}\n")
        out += [f"- {celebration_text(item, words)}" for item in plan.celebrate]
    if misses(plan):
        out.append(f"\n{sub} {words['if missed']}\n")
        out += [f"- **{b.title}** ({words[b.status]}): \"{b.if_missed}\"" for b in misses(plan)]
    if left_out(plan, words):
        out.append("\n" + "\n\n".join(left_out(plan, words)))
    for place, (chart, described) in enumerate(charts):
        caption = words["chart caption"] if place == 0 else words["chart continued"]
        alt = described.replace("\\", "/").replace('"', "'")
        out.append(f'\n::: print-chart\n![{caption}]({chart}){{width=100% fig-alt="{alt}"}}\n:::\n')
    if web_charts:
        out.append(f"\n{sub} {words['charts']}\n\n{words['charts explained']}\n")
        out.append(f"```{{=html}}\n{web_charts}\n```\n")
    return "\n".join(line for line in out if line) + "\n"


def markdown_report(summary: Summary, display: Display = Display()) -> str:
    notice = unread_notice(summary, "`aotext lint`")
    top = f"**{notice.replace(':', ':**', 1)}\n\n" if notice else ""
    if not summary.plans:
        return f"{top}No plans to summarize.\n"
    return top + "\n".join(plan_markdown(plan) for plan in summary.plans)


def table_report(summary: Summary, display: Display = Display()) -> str:
    """Terminal tables, one per plan; colour only when asked for."""
    colour = display.colour
    from rich.table import Table

    def draw(console: Any) -> None:
        if notice := unread_notice(summary):
            console.print(notice + "\n", markup=False)
        for plan in summary.plans:
            table = Table(title=typed(f"{plan.title} — as of {plan.as_of}{_ended(plan)}"), title_justify="left",
                          expand=True)
            table.add_column("Benchmark", ratio=3)
            for column in ("Target", "Current"):
                table.add_column(column, ratio=2)
            table.add_column("Progress", justify="right", no_wrap=True)
            table.add_column("Expected", ratio=2)
            for column in ("Status", "Trend", "Last measured"):
                table.add_column(column, no_wrap=True)
            for b in plan.benchmarks:
                table.add_row(*map(typed, (b.title, target_text(b), shown(b.current), progress_text(b),
                                           shown(b.expected))),
                              typed(b.status, STATUS_COLOURS[b.status] if colour else ""),
                              typed(shown(b.trend)), typed(shown(b.last_measured)))
            console.print(table)
            lines = []
            notes = [f"  {b.title}: {notes_text(b)}" for b in plan.benchmarks if notes_text(b)]
            if notes:
                lines += ["Notes:", *notes]
            if plan.celebrate:
                lines += ["What to celebrate:", *(f"  - {celebration_text(item)}" for item in plan.celebrate)]
            if misses(plan):
                lines += ["If we missed (behind or overdue):", *(f"  - {b.title}: \"{b.if_missed}\"" for b in misses(plan))]
            lines += left_out(plan)
            console.print("\n".join(lines) + "\n", markup=False)
        if not summary.plans:
            console.print("No plans to summarize.", markup=False)

    return render(draw, colour, display.width)


FORMATS: dict[str, Formatter[Summary]] = {
    "table": table_report,
    "markdown": markdown_report,
    "csv": csv_report,
    "json": json_report,
}
