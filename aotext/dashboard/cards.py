"""One benchmark's card on the dashboard: its status, its facts, its two
charts and the numbers behind them. A dashboard of 500 plans has about
1,500 of these, so each is one string built at once. Every text from the
documents is escaped here; numbers, dates, statuses and the page's own
words have nothing to escape."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape

from aotext.benchmark_svg import history_svg, progress_svg, status_class
from aotext.handouts.labels import period_words
from aotext.summary_model import BenchmarkSummary
from aotext.summary_notes import period_name
from aotext.summary_report import notes_text, progress_text, shown, target_text
from aotext.words import anchor

TREND_ARROWS = {"up": "↑", "down": "↓", "flat": "→"}


def _trend(b: BenchmarkSummary, words: Mapping[str, str]) -> str:
    return f"{TREND_ARROWS[b.trend]} {words[b.trend]}" if b.trend else "—"


def _numbers(b: BenchmarkSummary, every: str, words: Mapping[str, str]) -> str:
    """The numbers behind the charts, as a table, folded away; a recurring benchmark's by `every` period."""
    if not (b.history or b.measurements):
        return ""
    if b.history:
        head = (f'<thead><tr><th scope="col">{every.capitalize()}</th>'
                f'<th scope="col">{words["answer" if b.kind == "qualitative" else "counted"]}</th>'
                f'<th scope="col">{words["target"]}</th><th scope="col">{words["met"].capitalize()}</th></tr></thead>')
        met = {True: words["yes"], False: words["no"]}
        rows = "".join([f"<tr><td>{period_name(p.period, words)}</td><td>{escape(shown(b.shown_value(p.value)))}</td>"
                        f"<td>{escape(shown(b.shown_value(p.target)))}</td><td>{met[p.met]}</td></tr>\n"
                        for p in b.history])
    else:
        qualitative = b.kind == "qualitative"
        head = (f'<thead><tr><th scope="col">{words["counted on"]}</th>'
                f'<th scope="col">{words["answer" if qualitative else "value"]}</th>'
                f'<th scope="col">{words["reflection log"]}</th></tr></thead>')
        rows = "".join([f"<tr><td>{m.day}</td><td>{escape(m.level or '') if qualitative else shown(m.value)}</td>"
                        f"<td>{escape(m.reflection)}</td></tr>\n" for m in b.measurements])
    return (f"<details>\n<summary>{words['the numbers']}</summary>\n<table>\n{head}\n<tbody>\n{rows}</tbody>\n"
            "</table>\n</details>\n")


def benchmark_card(b: BenchmarkSummary, plan_anchor: str, as_of: dt.date, words: Mapping[str, str]) -> str:
    card = f"{plan_anchor}--{anchor('benchmark', b.id)}"
    notes = f'<p class="needed">{escape(needed)}</p>\n' if (needed := notes_text(b, words)) else ""
    every = escape(period_words(words, b.every)) if b.every else ""
    over_time = words["history caption each"].format(period=every) if every else words["history caption"]
    return (
        f'<article class="benchmark" id="{card}" aria-labelledby="{card}-title">\n'
        f'<h4 id="{card}-title">{escape(b.title)} <span class="status {status_class(b.status)}">{words[b.status]}'
        "</span></h4>\n"
        '<dl class="facts">\n'
        f"<div><dt>{words['target']}</dt><dd>{escape(target_text(b, words))}</dd></div>\n"
        f"<div><dt>{words['now']}</dt><dd>{escape(shown(b.current))}</dd></div>\n"
        f"<div><dt>{words['expected']}</dt><dd>{escape(shown(b.expected))}</dd></div>\n"
        f"<div><dt>{words['progress']}</dt><dd>{progress_text(b)}</dd></div>\n"
        f"<div><dt>{words['trend']}</dt><dd>{_trend(b, words)}</dd></div>\n"
        f"<div><dt>{words['last measured']}</dt><dd>{shown(b.last_measured)}</dd></div>\n"
        f"</dl>\n{notes}"
        f'<div class="charts">\n<figure>\n{progress_svg(b, words)}\n'
        f"<figcaption>{words['progress caption']}</figcaption>\n</figure>\n<figure>\n{history_svg(b, as_of, words)}\n"
        f"<figcaption>{over_time}</figcaption>\n"
        f"</figure>\n</div>\n{_numbers(b, every, words)}</article>\n"
    )
