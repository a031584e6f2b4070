"""The chart of the benchmark report: for each benchmark, its progress against
the pace expected by now, and its measurements over time. Drawn with
matplotlib (imported only here) as a PNG that both PDF and DOCX embed."""

from __future__ import annotations

import io
from aotext.summary import BenchmarkSummary, PlanSummary

STATUS_COLOURS = {"met": "#2e7d32", "on track": "#1565c0", "behind": "#ef6c00", "overdue": "#c62828",
                  "no data": "#9e9e9e", "not started": "#9e9e9e"}
ACCENT = "#8a3b12"


def _progress_panel(axis, benchmark: BenchmarkSummary, expected_share: float | None) -> None:
    share = min(benchmark.progress or 0.0, 1.5)
    axis.barh([0], [share], color=STATUS_COLOURS[benchmark.status], height=0.5)
    axis.axvline(1.0, color="#424242", linewidth=1)
    if expected_share is not None:
        axis.axvline(expected_share, color=ACCENT, linestyle="--", linewidth=1.2)
    axis.set_xlim(0, 1.5)
    axis.set_yticks([])
    axis.set_xticks([0, 0.5, 1.0, 1.5], ["0", "50%", "target", "150%"])
    axis.tick_params(labelsize=6)
    axis.set_title(f"{benchmark.status}", fontsize=8, loc="left", color=STATUS_COLOURS[benchmark.status])


def _history_panel(axis, benchmark: BenchmarkSummary) -> None:
    """Measurements over time against the target: levels on the scale, counts
    per period, or the running total (sum) or latest value."""
    points = [m for m in benchmark.measurements if (m.level if benchmark.kind == "qualitative" else m.value) is not None]
    days = [m.day for m in points]
    target: float | None = benchmark.target if isinstance(benchmark.target, float) else None
    if benchmark.kind == "qualitative":
        scale = list(benchmark.scale)
        axis.step(days, [scale.index(m.level) for m in points], where="post", color=ACCENT, marker="o", markersize=3)
        axis.set_yticks(range(len(scale)), scale, fontsize=6)
        axis.set_ylim(-0.5, len(scale) - 0.5)
        target = float(scale.index(benchmark.target)) if benchmark.target in scale else None
    elif benchmark.history:
        axis.bar([p.first for p in benchmark.history], [p.value or 0 for p in benchmark.history], width=20,
                 align="edge", color=[STATUS_COLOURS["met"] if p.met else "#bdbdbd" for p in benchmark.history])
    else:
        values = [m.value or 0.0 for m in points]
        if benchmark.combine == "sum":
            values = [sum(values[: index + 1]) for index in range(len(values))]
        axis.plot(days, values, color=ACCENT, marker="o", markersize=3)
    if target is not None:
        axis.axhline(target, color="#424242", linewidth=0.8, linestyle=":")
    from matplotlib import dates

    locator = dates.AutoDateLocator(minticks=3, maxticks=5)
    axis.xaxis.set_major_locator(locator)
    axis.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    axis.tick_params(labelsize=6)
    axis.xaxis.get_offset_text().set_fontsize(6)
    if not points:
        axis.text(0.5, 0.5, "nothing measured yet", transform=axis.transAxes, ha="center", va="center",
                  fontsize=7, color="#757575")


def _expected_share(benchmark: BenchmarkSummary) -> float | None:
    """Where the expected-by-now pace sits on the progress bar (1.0 = target)."""
    if isinstance(benchmark.expected, float) and isinstance(benchmark.target, float) and benchmark.target:
        return min(benchmark.expected / benchmark.target, 1.5)
    scale = list(benchmark.scale)
    if isinstance(benchmark.expected, str) and benchmark.expected in scale and benchmark.target in scale:
        goal = scale.index(benchmark.target)
        return scale.index(benchmark.expected) / goal if goal else None
    return None


def draw(plan: PlanSummary) -> bytes:
    """PNG bytes of the chart, the same bytes for the same summary."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    rows = max(1, len(plan.benchmarks))
    figure, axes = pyplot.subplots(rows, 2, figsize=(7.2, 1.25 * rows + 0.4), squeeze=False,
                                   gridspec_kw={"width_ratios": [1, 1.6]})
    for (progress, history), benchmark in zip(axes, plan.benchmarks):
        _progress_panel(progress, benchmark, _expected_share(benchmark))
        progress.set_ylabel(_wrap(benchmark.title), rotation=0, ha="right", va="center", fontsize=7)
        _history_panel(history, benchmark)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, metadata={"Software": None})
    pyplot.close(figure)
    return buffer.getvalue()


def _wrap(title: str, width: int = 28) -> str:
    words, lines, line = title.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(lines + [line])
