"""The cards layout: the role cards of the practice conversations, one page
per activity (One Big Organizer, the pair practice), each card boxed, with
a line to cut along between the cards of one page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.types.module import Activity, Module
from aotext.documents.types.role_card import RoleCard
from aotext.handouts.compose import Composed, Voice, fenced, title_block, titled, views, voice
from aotext.handouts.images import printed_body
from aotext.handouts.layouts.base import Layout, Shown
from aotext.handouts.plain import plain
from aotext.project import Handout, Project
from aotext.words import anchor

# A card is a box in print; on a web page or in Word it is a section.
_BOX_START = ("```{=typst}\n#block(width: 100%, breakable: true, stroke: 0.75pt + luma(130), radius: 4pt, "
              "inset: (x: 14pt, y: 12pt), above: 1em, below: 1em)[\n```\n")
_BOX_END = "```{=typst}\n]\n```\n"
_CUT = (
    "```{=typst}\n#v(0.6em)\n#align(center)[#text(size: 8pt, fill: luma(110))[cut along this line]]\n"
    "#line(length: 100%, stroke: (paint: luma(120), thickness: 0.75pt, dash: \"dashed\"))\n#v(0.6em)\n```\n\n"
    "```{=html}\n<hr class=\"cut-line\">\n```\n\n"
    "```{=openxml}\n<w:p><w:pPr><w:pBdr><w:bottom w:val=\"dashed\" w:sz=\"6\" w:space=\"1\" w:color=\"808080\"/>"
    "</w:pBdr></w:pPr><w:r><w:rPr><w:sz w:val=\"16\"/></w:rPr><w:t>cut along this line</w:t></w:r></w:p>\n```\n"
)
# What each list of a card is called on it, in the order it is printed.
SECTIONS = (
    ("already_does", "What you already do"),
    ("sees_it", "How you see it"),
    ("contradictions", "Where your story contradicts itself"),
    ("fears", "What you are afraid of"),
    ("steps", "The steps"),
    ("how_to_play", "How to play it"),
)


def _modules(documents: Sequence[Document], corpus: Corpus, shown: Shown) -> list[Document]:
    """The modules the cards name: the cards print their activities' names and minutes."""
    named = {card.module for card in views(documents, RoleCard)}
    return [module.source for module in corpus.all(Module) if module.id in named and shown(module.source)]


def _activity(card: RoleCard, modules: dict[str | None, Module]) -> tuple[Module | None, Activity | None]:
    module = modules.get(card.module)
    found = next((a for a in module.activities if a.id == card.activity), None) if module else None
    return module, found


def _page_heading(card: RoleCard, module: Module | None, activity: Activity | None) -> str:
    """The heading of a page of cards: the activity, and where and how long it runs."""
    title = activity.title if activity else (card.activity or "Role cards")
    where = [module.label] if module else []
    if activity:
        kind = (activity.kind or "").replace("-", " ")
        where.append(", ".join(part for part in (kind, f"{activity.minutes} minutes" if activity.minutes else "")
                               if part))
    line = f"*{plain(' · '.join(part for part in where if part))}*\n" if where else ""
    return f"# {plain(title)} {{#{anchor('cards', f'{card.module}-{card.activity}')}}}\n\n{line}"


def card_markdown(card: RoleCard, images: dict[str, bytes], spoken: Voice) -> str:
    """One card: its title, who reads it, the situation and its lists."""
    parts = [f"## {plain(card.title)}\n"]
    if card.played_by:
        parts.append(f"**{spoken.label('Who reads this card:')}** {plain(card.played_by)}\n")
    if card.situation:
        parts.append(f"{plain(card.situation)}\n")
    for key, label in SECTIONS:
        items: tuple[str, ...] = getattr(card, key)
        if items:
            mark = "1." if key == "steps" else "-"
            parts.append(f"**{spoken.label(label)}**\n\n" + "".join(f"{mark} {plain(item)}\n" for item in items))
    body = printed_body(card.source, images).strip()
    if body:
        parts.append(body + "\n")
    return spoken.part("\n".join(parts))


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """The cards grouped by the activity that uses them, in workshop order: one page per activity."""
    modules = {module.id: module for module in views(context, Module)}

    def place(card: RoleCard) -> tuple[int, int, str, str]:
        module, activity = _activity(card, modules)
        order = module.order if module and module.order is not None else 10**6
        return order, activity.index if activity else 10**6, card.activity or "", card.path

    cards = sorted(views(documents, RoleCard), key=place)
    parts: list[str] = []
    images: dict[str, bytes] = {}
    current: tuple[str | None, str | None] | None = None
    for card in cards:
        if (card.module, card.activity) != current:
            if current is not None:
                parts.append(fenced(".page-break", ""))
            current = (card.module, card.activity)
            parts.append(_page_heading(card, *_activity(card, modules)))
        else:
            parts.append(_CUT)
        parts.append(_BOX_START + "\n" + card_markdown(card, images, voice(card.source, project)) + "\n" + _BOX_END)
    # Compact type, so that a card fits a page and the two cards of a pair share one.
    return titled(Composed("\n".join(parts), switches=("compact",), images=images), title_block(handout, project))


LAYOUT = Layout(name="cards", prints=("role-card",), formats=("pdf", "docx", "html"), compose=compose,
                context_types=("module",), context=_modules)
