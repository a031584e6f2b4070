"""One benchmark's card on the dashboard: its status, its facts, its two
charts and the numbers behind them. A dashboard of 500 plans has about
1,500 of these, so each is one string built at once. Every text from the
documents is escaped here; numbers, dates, statuses and the page's own
words have nothing to escape."""

from __future__ import annotations

import datetime as dt
from html import escape

from aotext.benchmark_svg import history_svg, progress_svg
from aotext.summary import BenchmarkSummary
from aotext.summary_notes import period_name
from aotext.summary_report import notes_text, progress_text, shown, target_text
from aotext.words import anchor

TREND_WORDS = {"up": "↑ up", "down": "↓ down", "flat": "→ flat", None: "—"}


def _numbers(b: BenchmarkSummary) -> str:
    """The numbers behind the charts, as a table, folded away."""
    if not (b.history or b.measurements):
        return ""
    if b.history:
        head = (f'<thead><tr><th scope="col">{escape((b.every or "").capitalize())}</th><th scope="col">Counted</th>'
                '<th scope="col">Target</th><th scope="col">Met</th></tr></thead>')
        rows = "".join([f"<tr><td>{period_name(p.period)}</td><td>{shown(p.value)}</td>"
                        f"<td>{shown(p.target)}</td><td>{'yes' if p.met else 'no'}</td></tr>\n"
                        for p in b.history])
    else:
        qualitative = b.kind == "qualitative"
        head = ('<thead><tr><th scope="col">Counted on</th>'
                f'<th scope="col">{"Answer" if qualitative else "Value"}</th>'
                '<th scope="col">Reflection log</th></tr></thead>')
        rows = "".join([f"<tr><td>{m.day}</td><td>{escape(m.level or '') if qualitative else shown(m.value)}</td>"
                        f"<td>{escape(m.reflection)}</td></tr>\n" for m in b.measurements])
    return f"<details>\n<summary>The numbers</summary>\n<table>\n{head}\n<tbody>\n{rows}</tbody>\n</table>\n</details>\n"


def benchmark_card(b: BenchmarkSummary, plan_anchor: str, as_of: dt.date) -> str:
    card = f"{plan_anchor}--{anchor('benchmark', b.id)}"
    notes = f'<p class="needed">{escape(needed)}</p>\n' if (needed := notes_text(b)) else ""
    every = f" for each {escape(b.every)}" if b.every else ""
    return (
        f'<article class="benchmark" id="{card}" aria-labelledby="{card}-title">\n'
        f'<h4 id="{card}-title">{escape(b.title)} <span class="status {b.status.replace(" ", "-")}">{b.status}</span>'
        "</h4>\n"
        '<dl class="facts">\n'
        f"<div><dt>Target</dt><dd>{escape(target_text(b))}</dd></div>\n"
        f"<div><dt>Now</dt><dd>{escape(shown(b.current))}</dd></div>\n"
        f"<div><dt>Expected by now</dt><dd>{escape(shown(b.expected))}</dd></div>\n"
        f"<div><dt>Progress</dt><dd>{progress_text(b)}</dd></div>\n"
        f"<div><dt>Trend</dt><dd>{TREND_WORDS[b.trend]}</dd></div>\n"
        f"<div><dt>Last measured</dt><dd>{shown(b.last_measured)}</dd></div>\n"
        f"</dl>\n{notes}"
        f'<div class="charts">\n<figure>\n{progress_svg(b)}\n'
        "<figcaption>Progress against the target (the solid line); the dashed line is the pace expected by now."
        f"</figcaption>\n</figure>\n<figure>\n{history_svg(b, as_of)}\n"
        f"<figcaption>Measurements over time; the dotted line is the target{every}.</figcaption>\n"
        f"</figure>\n</div>\n{_numbers(b)}</article>\n"
    )
