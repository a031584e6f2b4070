"""The dashboard as one self-contained web page: styles, charts and script
inside, and a security policy that forbids every request, so it opens from
disk, from an email or from any static host. The same dashboard always gives
the same bytes (nothing reads the clock; the as-of date is in the model).

Written as Python strings, not pandoc, so `aotext dashboard` needs only the
core install; and not through a template engine, whose import and compiling
alone cost as much as writing a page of 500 plans this way. Every text from
the documents is escaped where it is written (plan_sections.py,
people_sections.py, cards.py, aotext.benchmark_svg). Every word the page
adds is in the project's language, from aotext.handouts.labels."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Mapping
from html import escape
from pathlib import Path
from string import Template

from aotext.dashboard.model import (
    EVERY_PLAN,
    GENERATOR,
    PLANS_META,
    SHAREABLE_GENERATOR,
    SMALL_COUNT,
    Dashboard,
    fewer_than_shown,
)
from aotext.dashboard.people_sections import chart_section, followups_section
from aotext.dashboard.plan_sections import glance_section, plan_section
from aotext.handouts.labels import labels
from aotext.own_files import PAGE_CSS
from aotext.words import anchor

HERE = Path(__file__).resolve().parent


def _head(dashboard: Dashboard, title: str, script: str) -> str:
    # The policy lets in this one script and nothing else: its hash, not 'unsafe-inline'.
    script_hash = "sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    # One file that works offline: nothing may be fetched from the network.
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{script_hash}'"
    # The plans a shareable page was made for (every one, without --plan): a build makes it again with the same
    # (refresh.py).
    named = escape(" ".join(dashboard.plan_ids) or EVERY_PLAN)
    plans = f'<meta name="{PLANS_META}" content="{named}">\n' if dashboard.shareable else ""
    return (f'<!DOCTYPE html>\n<html lang="{dashboard.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            f'<meta name="generator" content="{SHAREABLE_GENERATOR if dashboard.shareable else GENERATOR}">\n'
            f"{plans}"
            f"<title>{title}</title>\n<style>\n{PAGE_CSS.read_text(encoding='utf-8')}\n"
            f"{(HERE / 'page.css').read_text(encoding='utf-8')}\n</style>\n</head>\n")


def _header(dashboard: Dashboard, title: str, words: Mapping[str, str], errors: int) -> str:
    """The title, what the page is, and how many documents it may miss, which have lint errors."""
    collective = f"{escape(dashboard.collective)} · " if dashboard.collective else ""
    if dashboard.shareable:
        said = words["shareable notice"].format(count=SMALL_COUNT, fewer=fewer_than_shown(words))
        notice = f'<p class="notice">{said}</p>\n'
    else:
        told = words["private notice"].format(command="<code>aotext dashboard --shareable</code>")
        notice = f'<p class="notice private" role="note"><strong>{words["private"]}</strong> {told}</p>\n'
    unread = words["unread document" if errors == 1 else "unread documents"].format(
        count=errors, lint="<code>aotext lint</code>")
    left_out = (f'<p class="notice problem" role="alert"><strong>{words["left out"]}</strong> {unread}</p>\n'
                if errors else "")
    return ('<header class="title-block">\n'
            f'<p class="collective">{collective}{words["page as of"].format(date=dashboard.as_of)}</p>\n'
            f'<h1 class="title">{title}</h1>\n{notice}{left_out}</header>\n')


def _contents(dashboard: Dashboard, words: Mapping[str, str]) -> str:
    # A shareable page only counts the follow-ups; it names nobody to call.
    follow_ups = words["follow-ups count" if dashboard.shareable else "follow-ups hold"]
    # Every item is a link: the plans in full start at the first plan (there are none to link without one).
    plans = (f'<li><a href="#{anchor("plan", dashboard.plans[0].summary.id)}">{words["each plan"]}</a>: '
             f'{words["each plan holds"]}</li>\n' if dashboard.plans else "")
    return (f'<nav id="TOC" aria-label="{words["contents"]}">\n<h2>{words["contents"]}</h2>\n<ul>\n'
            f'<li><a href="#at-a-glance">{words["at a glance"]}</a>: {words["at a glance holds"]}</li>\n'
            f'<li><a href="#follow-ups">{words["follow-ups"]}</a>: {follow_ups}</li>\n'
            f'<li><a href="#organizing-chart">{words["organizing chart"]}</a></li>\n'
            f'{plans}</ul>\n</nav>\n')


def _script(words: Mapping[str, str]) -> str:
    """page.js with the words its button and its line show, each $name put in as a JavaScript string. Safely: the
    script's other `$`, in a selector's `$=`, stays as it is."""
    said = {name.replace(" ", "_"): json.dumps(words[name], ensure_ascii=False)
            for name in ("show attention", "show all", "nothing needs attention")}
    return Template((HERE / "page.js").read_text(encoding="utf-8")).safe_substitute(said)


def render_dashboard(dashboard: Dashboard, documents_with_errors: Callable[[], int]) -> str:
    """The page's HTML, which says how many documents with errors it may
    miss. The words of its language are found once, here, and handed to every part of it."""
    words = labels(dashboard.lang)
    title = words["shareable dashboard title" if dashboard.shareable else "dashboard title"].format(date=dashboard.as_of)
    script = _script(words)
    sections = [glance_section(dashboard, words), followups_section(dashboard, words), "\n",
                chart_section(dashboard, words)]
    for panel in dashboard.plans:
        sections += plan_section(panel, dashboard.shareable, words)
    # Asked once the sections are written: the corpus's rules may still be checking the documents meanwhile (aotext.lint).
    header = _header(dashboard, title, words, documents_with_errors())
    return "".join([_head(dashboard, title, script), "<body>\n", header, _contents(dashboard, words), "<main>\n",
                    *sections, f"</main>\n<script>{script}</script>\n</body>\n</html>\n"])
