"""The dashboard as one self-contained web page: styles, charts and script
inside, and a security policy that forbids every request, so it opens from
disk, from an email or from any static host. The same dashboard always gives
the same bytes (nothing reads the clock; the as-of date is in the model).

Written as Python strings, not pandoc, so `aotext dashboard` needs only the
core install; and not through a template engine, whose import and compiling
alone cost as much as writing a page of 500 plans this way. Every text from
the documents is escaped where it is written (plan_sections.py,
people_sections.py, cards.py, aotext.benchmark_svg)."""

from __future__ import annotations

import base64
import hashlib
from html import escape
from pathlib import Path

from aotext.dashboard.model import GENERATOR, SHAREABLE_GENERATOR, SMALL_COUNT, Dashboard
from aotext.dashboard.people_sections import chart_section, followups_section
from aotext.dashboard.plan_sections import glance_section, plan_section
from aotext.handouts.render import PAGE_CSS
from aotext.words import plural

HERE = Path(__file__).resolve().parent


def _head(dashboard: Dashboard, title: str, script: str) -> str:
    # The policy lets in this one script and nothing else: its hash, not 'unsafe-inline'.
    script_hash = "sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    # One file that works offline: nothing may be fetched from the network.
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{script_hash}'"
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            f'<meta name="generator" content="{SHAREABLE_GENERATOR if dashboard.shareable else GENERATOR}">\n'
            f"<title>{title}</title>\n<style>\n{PAGE_CSS.read_text(encoding='utf-8')}\n"
            f"{(HERE / 'page.css').read_text(encoding='utf-8')}\n</style>\n</head>\n")


def _header(dashboard: Dashboard, title: str) -> str:
    collective = f"{escape(dashboard.collective)} · " if dashboard.collective else ""
    if dashboard.shareable:
        notice = ('<p class="notice">A page to share: the plans in full, and people only as counts. Any count of '
                  f"people under {SMALL_COUNT} is shown as “fewer than {SMALL_COUNT}”, so nobody can be picked "
                  "out.</p>\n")
    else:
        notice = ('<p class="notice private" role="note"><strong>Private.</strong> This page names the people you '
                  "organize and what they told you. Keep it on your own computer: do not publish it, email it or "
                  "copy it into build/. To share how the plans are doing, run <code>aotext dashboard "
                  "--shareable</code>.</p>\n")
    errors = dashboard.documents_with_errors
    left_out = ('<p class="notice problem" role="alert"><strong>Something is left out.</strong> '
                f"{plural(errors, 'document')} could not be read in full, so this page may miss what "
                f"{'it says' if errors == 1 else 'they say'}. Run <code>aotext lint</code> to see where, fix it, "
                "and make this page again.</p>\n") if errors else ""
    return ('<header class="title-block">\n'
            f'<p class="collective">{collective}as of {dashboard.as_of}</p>\n'
            f'<h1 class="title">{title}</h1>\n{notice}{left_out}</header>\n')


_CONTENTS = """<nav id="TOC" aria-label="Contents">
<h2>Contents</h2>
<ul>
<li><a href="#at-a-glance">At a glance</a>: every plan's benchmarks</li>
<li><a href="#follow-ups">Follow-ups</a>: who to call</li>
<li><a href="#organizing-chart">Organizing chart</a></li>
<li>Each plan in full: what to celebrate, what we said we would do if we missed, every benchmark</li>
</ul>
</nav>
"""


def render_dashboard(dashboard: Dashboard) -> str:
    """The page's HTML."""
    title = f"{'Shareable dashboard' if dashboard.shareable else 'Dashboard'} as of {dashboard.as_of}"
    script = (HERE / "page.js").read_text(encoding="utf-8")
    pieces = [_head(dashboard, title, script), "<body>\n", _header(dashboard, title), _CONTENTS, "<main>\n",
              glance_section(dashboard), followups_section(dashboard), "\n", chart_section(dashboard)]
    for panel in dashboard.plans:
        pieces += plan_section(panel, dashboard.shareable)
    pieces.append(f"</main>\n<script>{script}</script>\n</body>\n</html>\n")
    return "".join(pieces)
