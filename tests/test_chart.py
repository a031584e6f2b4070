"""The benchmark report's chart: SVG that typst draws without a single
warning, once per plan however many formats the report is made in, and the
report around it still holds its table."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.types.plan import Plan
from aotext.handouts import chart
from aotext.summary_model import Thresholds
from aotext.summary_plans import summarize_plan
from helpers import PLAN, invoke

REPORT = """  - name: report
    title: Benchmark report
    layout: report
    audience: coordinator
    formats: [pdf, docx]
"""
# A second plan of the same scenario that nobody has reflected on yet.
QUIET_PLAN = PLAN.replace("id: bus-plan", "id: quiet-plan").replace("title: Bus drivers campaign", "title: Quiet campaign")


def _files(repo):
    from helpers import GOOD_REPO

    return repo({"aotext.yaml": GOOD_REPO["aotext.yaml"] + REPORT, "content/plans/quiet-plan.md": QUIET_PLAN})


BENCHMARKS = [
    {"id": "every", "title": "Counted each month", "kind": "numeric", "target": 2, "unit": "people",
     "combine": "sum", "every": "month"},
    {"id": "total", "title": "Counted up", "kind": "numeric", "target": 50, "unit": "people", "combine": "sum"},
    {"id": "latest", "title": "Latest count", "kind": "numeric", "target": 5, "unit": "rooms", "combine": "latest"},
    {"id": "scale", "title": "A question on a scale", "kind": "qualitative", "scale": ["no", "some", "all"],
     "target_level": "all", "due": "2026-12-31"},
]


def _summary(*days: str, as_of: dt.date = dt.date(2026, 11, 24)):
    plan = Document("content/plans/p.md", {"type": "plan", "id": "p", "title": "P", "started": "2026-09-01",
                                           "benchmarks": BENCHMARKS}, "", 1)
    logs = [Document(f"content/logs/{index}.md", {
        "type": "reflection", "id": f"log-{index}", "plan": "p", "date": day,
        "measurements": [{"benchmark": "every", "value": 1}, {"benchmark": "total", "value": 20},
                         {"benchmark": "latest", "value": 3}, {"benchmark": "scale", "level": "some"}]}, "", 1)
        for index, day in enumerate(days)]
    view = plan.view
    assert isinstance(view, Plan)
    return summarize_plan(Corpus([plan, *logs]), view, as_of, Thresholds())


def _drawn_by_typst(svg: bytes, folder: Path) -> bytes:
    """The chart as typst draws it (for the PDF, and as PNG for Word), with any warning it gives."""
    import typst

    (folder / "chart.svg").write_bytes(svg)
    png, warned = typst.compile_with_warnings(b'#image("chart.svg")', root=str(folder), format="png", ppi=72)
    assert not warned, warned
    return png


@pytest.mark.parametrize("days", [(), ("2026-11-20",), ("2026-11-20", "2026-11-20"), ("2026-11-20", "2026-11-22"),
                                  ("2026-09-15", "2026-11-20")], ids=["no logs", "one", "same day", "two days", "months"])
def test_the_chart_is_an_svg_picture_typst_draws_without_a_warning(days, tmp_path):
    drawn = chart.draw(_summary(*days))
    assert drawn.startswith(b"<svg ")
    assert _drawn_by_typst(drawn, tmp_path).startswith(b"\x89PNG")
    # Each benchmark's title, status and both charts, every chart with its words for a screen reader.
    text = drawn.decode()
    for benchmark in BENCHMARKS:
        assert f">{benchmark['title']}</text>" in text
    assert text.count('class="chart chart-progress"') == text.count('class="chart chart-history"') == len(BENCHMARKS)
    assert text.count("<title>") == 2 * len(BENCHMARKS)


def test_a_chart_without_measurements_shows_the_weeks_before_the_day():
    text = chart.draw(_summary(as_of=dt.date(2026, 11, 24))).decode()
    histories = re.findall(r'<svg class="chart chart-history".*?</svg>', text)
    for history in histories[1:]:  # the first one has a bar for each month
        assert ">10 Nov 2026</text>" in history and ">24 Nov 2026</text>" in history


def test_a_scale_names_its_levels_beside_the_chart():
    text = chart.draw(_summary("2026-11-20")).decode()
    scale = re.findall(r'<svg class="chart chart-history".*?</svg>', text)[-1]
    assert [level for level in re.findall(r'<text class="tick"[^>]*>([^<]*)</text>', scale)] == ["no", "some", "all"]


def test_the_same_summary_gives_the_same_bytes():
    assert chart.draw(_summary("2026-11-20")) == chart.draw(_summary("2026-11-20"))


def test_no_matplotlib_anywhere():
    """The charts are SVG text: no drawing library, no global state for threads to share."""
    import ast

    for path in Path(chart.__file__).parent.parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [alias.name for alias in node.names] + [getattr(node, "module", None) or ""]
                assert not any(name.startswith("matplotlib") for name in names), path


def test_the_real_cli_prints_no_warning_for_plans_with_no_log_or_one(repo, tmp_path):
    """A real `aotext build` process, with Python's usual warning filters
    (pytest's own catch warnings in-process, which would hide them)."""
    _files(repo)
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONWARNINGS"}
    done = subprocess.run([sys.executable, "-m", "aotext", "build", "--only", "report", "--as-of", "2026-11-24"],
                          cwd=tmp_path, capture_output=True, text=True, env=environment, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Built 4, up to date 0, failed 0" in done.stderr
    assert "Warning" not in done.stderr and "warn(" not in done.stderr and "matplotlib" not in done.stderr
    for plan in ("bus-plan", "quiet-plan"):
        reader = pypdf.PdfReader(tmp_path / f"build/report-{plan}.pdf")
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
        for words in ("Benchmark Target Current Progress", "A driver-rep signs up 2 new drivers this month",
                      "Do the drivers identify as the union?", "As of 2026-11-24."):
            assert words in text, (plan, words)
        assert "150%" in text  # the chart, drawn in the PDF as lines and words
    assert "no data" in pdf_text_of(tmp_path / "build/report-quiet-plan.pdf")
    assert "Three new drivers signed up." in pdf_text_of(tmp_path / "build/report-bus-plan.pdf")


def pdf_text_of(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(path).pages)


def test_the_chart_is_drawn_once_per_plan_for_both_formats(repo, tmp_path, monkeypatch):
    _files(repo)
    drawn: list[str] = []
    draw = chart.draw

    def counting(plan, words):
        drawn.append(plan.id)
        return draw(plan, words)

    monkeypatch.setattr(chart, "draw", counting)
    result = invoke("build", "--only", "report", "--as-of", "2026-11-24", "-j", "4")
    assert result.exit_code == 0, result.output
    assert "Built 4, up to date 0, failed 0" in result.output
    assert sorted(drawn) == ["bus-plan", "quiet-plan"]
    # Both formats show the very same picture: the PDF the SVG, the Word file the PNG typst draws of it.
    import zipfile

    from aotext.handouts.render import ProcessCount, svg_as_png

    with zipfile.ZipFile(tmp_path / "build/report-bus-plan.docx") as docx:
        embedded = [docx.read(name) for name in docx.namelist() if name.startswith("word/media/")]
    folder = tmp_path / "drawn"
    folder.mkdir()
    (folder / "chart.svg").write_bytes(draw(_bus_plan_summary(tmp_path)))
    assert embedded == [svg_as_png(folder, "chart.svg", ProcessCount())]


def _bus_plan_summary(root: Path):
    from aotext.load import load_file

    plan = load_file(root / "content/plans/bus-plan.md").document
    log = load_file(root / "content/logs/log-2026-11-20.md").document
    assert plan is not None and log is not None and isinstance(plan.view, Plan)
    return summarize_plan(Corpus([plan, log]), plan.view, dt.date(2026, 11, 24), Thresholds())


def _height(picture: bytes) -> int:
    found = re.search(rb'<svg [^>]*height="(\d+)"', picture)
    assert found
    return int(found.group(1))


def test_a_plan_with_many_benchmarks_gets_pictures_of_the_same_size(repo, tmp_path):
    """Cost and memory stay flat per benchmark: a long plan is more pictures,
    never one enormous one."""
    _files(repo)
    one = chart.pictures(_bus_plan_summary(tmp_path))
    assert len(one) == 1
    summary = _bus_plan_summary(tmp_path)
    many = dataclasses.replace(summary, benchmarks=summary.benchmarks * 20)  # 40 benchmarks
    drawn = chart.pictures(many)
    assert len(drawn) == -(-len(many.benchmarks) // chart.ROWS_PER_PICTURE)
    heights = [_height(picture) for picture in drawn]
    assert max(heights) <= _height(chart.draw(dataclasses.replace(summary, benchmarks=summary.benchmarks * 4)))
    # The report names each picture and prints them all, in order.
    from aotext.summary_report import plan_markdown

    text = plan_markdown(many, heading=False, charts=[("chart-1.png", "first"), ("chart-2.png", "second")])
    assert "](chart-1.png)" in text and "The chart, continued.](chart-2.png)" in text


def test_a_scale_level_too_long_for_the_margin_wraps_onto_a_second_line():
    from aotext.benchmark_svg import _frame

    long = "across every yard of the whole district and beyond"
    axis = _frame(True, ("no", long), 1.0, None).axis
    first, second = re.search(r">([^<>]*)<tspan[^>]*>([^<>]*)</tspan>", axis).groups()
    assert f"{first} {second}" == long and "…" not in axis
