"""The cards layout: the role cards of the practice conversations, one page
per activity (One Big Organizer, the pair practice), each card boxed, with
a line to cut along between the cards of one page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.types.module import Activity, Module
from aotext.documents.types.role_card import RoleCard
from aotext.handouts.compose import Composed, Voice, beneath, fenced, title_block, titled, views, voice
from aotext.handouts.images import printed_body
from aotext.handouts.labels import kind_words, labels
from aotext.handouts.layouts.base import Layout, Shown
from aotext.handouts.plain import plain
from aotext.project import Handout, Project
from aotext.words import anchor

# A card is a box in print; on a web page or in Word it is a section.
_BOX_START = ("```{=typst}\n#block(width: 100%, breakable: true, stroke: 0.75pt + luma(130), radius: 4pt, "
              "inset: (x: 14pt, y: 12pt), above: 1em, below: 1em)[\n```\n")
_BOX_END = "```{=typst}\n]\n```\n"


def _cut(words: Mapping[str, str]) -> str:
    """The dashed line between two cards of a page, with the words to cut along it in print and in Word
    (aotext's own, with nothing in them that Typst or Word XML would read as markup)."""
    said = words["cut here"]
    return (
        f"```{{=typst}}\n#v(0.6em)\n#align(center)[#text(size: 8pt, fill: luma(110))[{said}]]\n"
        "#line(length: 100%, stroke: (paint: luma(120), thickness: 0.75pt, dash: \"dashed\"))\n#v(0.6em)\n```\n\n"
        "```{=html}\n<hr class=\"cut-line\">\n```\n\n"
        "```{=openxml}\n<w:p><w:pPr><w:pBdr><w:bottom w:val=\"dashed\" w:sz=\"6\" w:space=\"1\" w:color=\"808080\"/>"
        f"</w:pBdr></w:pPr><w:r><w:rPr><w:sz w:val=\"16\"/></w:rPr><w:t>{said}</w:t></w:r></w:p>\n```\n"
    )


# The lists of a card, in the order it prints them (each titled by its `card:` label).
SECTIONS = ("already_does", "sees_it", "contradictions", "fears", "steps", "how_to_play")


def _modules(documents: Sequence[Document], corpus: Corpus, shown: Shown) -> list[Document]:
    """The modules the cards name: the cards print their activities' names and minutes."""
    named = {card.module for card in views(documents, RoleCard)}
    return [module.source for module in corpus.all(Module) if module.id in named and shown(module.source)]


def _activity(card: RoleCard, modules: dict[str | None, Module]) -> tuple[Module | None, Activity | None]:
    module = modules.get(card.module)
    found = next((a for a in module.activities if a.id == card.activity), None) if module else None
    return module, found


def _page_heading(card: RoleCard, module: Module | None, activity: Activity | None, project: Project) -> str:
    """The heading of a page of cards: the activity, and where and how long it runs. The titles are the
    module's, in its language; the kind of activity and its minutes are aotext's, in the handout's."""
    words = labels(project.lang)
    anchored = f"{{#{anchor('cards', f'{card.module}-{card.activity}')}}}"
    if module is None:  # a module not in the build (lint reports a card that names none): the activity's id
        return f"# {plain(card.activity or words['role cards'])} {anchored}\n\n"
    spoken = voice(module.source, project)
    title = spoken.text(plain(activity.title)) if activity else plain(card.activity or words["role cards"])
    where = [spoken.text(plain(module.label))]
    if activity:
        minutes = words["activity minutes"].format(minutes=activity.minutes) if activity.minutes else ""
        where.append(", ".join(part for part in (kind_words(words, activity.kind), minutes) if part))
    return f"# {title} {anchored}\n\n*{' · '.join(part for part in where if part)}*\n"


def card_markdown(card: RoleCard, images: dict[str, bytes], spoken: Voice, words: Mapping[str, str]) -> str:
    """One card: its title, who reads it, the situation and its lists."""
    parts = [f"## {plain(card.title)}\n"]
    if card.played_by:
        parts.append(f"**{spoken.label(words['played by'])}** {plain(card.played_by)}\n")
    if card.situation:
        parts.append(f"{plain(card.situation)}\n")
    for key in SECTIONS:
        items: tuple[str, ...] = getattr(card, key)
        if items:
            mark = "1." if key == "steps" else "-"
            listed = "".join(f"{mark} {plain(item)}\n" for item in items)
            parts.append(f"**{spoken.label(words[f'card:{key}'])}**\n\n" + listed)
    body = printed_body(card.source, images).strip()
    if body:
        parts.append(beneath(2, body))  # under the card's title
    return spoken.part("\n".join(parts))


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """The cards grouped by the activity that uses them, in workshop order: one page per activity."""
    modules = {module.id: module for module in views(context, Module)}
    words = labels(project.lang)

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
            parts.append(_page_heading(card, *_activity(card, modules), project))
        else:
            parts.append(_cut(words))
        boxed = card_markdown(card, images, voice(card.source, project), words)
        parts.append(_BOX_START + "\n" + boxed + "\n" + _BOX_END)
    # Compact type, so that a card fits a page and the two cards of a pair share one.
    return titled(Composed("\n".join(parts), switches=("compact",), images=images), title_block(handout, project))


LAYOUT = Layout(name="cards", prints=("role-card",), formats=("pdf", "docx", "html"), compose=compose,
                context_types=("module",), context=_modules)
