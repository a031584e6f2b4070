"""The scenarios layout: each organizing scenario for the groups, with its
setting and people, its own text (the story the groups read), and the
workshop's questions about the terrain of a struggle answered from the
scenario, as model answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from aotext.documents.document import Document
from aotext.documents.types.scenario import Scenario, Terrain
from aotext.handouts.compose import Composed, Voice, beneath, fenced, title_block, titled, views, voice
from aotext.handouts.images import printed_body
from aotext.handouts.labels import labels
from aotext.handouts.layouts.base import Layout
from aotext.handouts.plain import plain
from aotext.project import Handout, Project
from aotext.words import anchor

# The terrain questions, in the order the workshop asks them (section IV,
# Planning), each as the key of the scenario's `terrain:` that answers it; the
# labels hold the question's words (`terrain:networks`). Enemies and allies
# answer one question together.
QUESTIONS = ("networks", "adapting_and_resisting", "identities", "enemies_and_allies", "research", "history",
             "understanding_of_oppression", "ideas_for_fighting_back", "repression", "ourselves")


def _list(label: str, items: tuple[str, ...], spoken: Voice, words: Mapping[str, str]) -> str:
    listed = "".join(f"- {plain(item)}\n" for item in items) if items else spoken.label(words["not answered"]) + "\n"
    return f"**{spoken.label(label + ':')}**\n\n" + listed


def answer(terrain: Terrain, key: str, spoken: Voice, words: Mapping[str, str]) -> str:
    """The scenario's answer to one terrain question, as Markdown."""
    if key == "enemies_and_allies":
        return (_list(words["enemies"], terrain.enemies, spoken, words) + "\n"
                + _list(words["allies"], terrain.allies, spoken, words))
    value: str | None = getattr(terrain, key)
    return (plain(value) if value else spoken.label(words["not answered"])) + "\n"


def scenario_markdown(scenario: Scenario, images: dict[str, bytes], spoken: Voice, words: Mapping[str, str]) -> str:
    """The scenario, in its own language; the questions and headings aotext adds, in the handout's."""
    label = spoken.label
    parts = [f"# {plain(scenario.title)} {{#{anchor('scenario', scenario.id or scenario.path)}}}\n"]
    if scenario.setting:
        parts.append(f"**{label(words['setting'])}** {plain(scenario.setting)}\n")
    if scenario.people:
        parts.append(f"**{label(words['people'])}** {plain(scenario.people)}\n")
    # Where organizing begins (section IV), in words; a `began_from` the schema does not know, lint reports.
    if (begins := words.get(f"begins:{scenario.began_from}")) is not None:
        parts.append(f"**{label(words['begins'])}** {label(begins)}.\n")
    # Its text (the story, the players), under the scenario's title as the model answers are.
    if body := printed_body(scenario.source, images).strip():
        parts.append(beneath(1, body))
    parts.append(f"## {label(words['model answers'])}\n")
    for key in QUESTIONS:
        # A heading, so that a question never ends a page without its answer.
        parts.append(f"### {label(plain(words[f'terrain:{key}']))}\n\n{answer(scenario.terrain, key, spoken, words)}")
    return spoken.part("\n".join(parts))


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """Every scenario, each from a new page, in the order the handout names them (else by file)."""
    words = labels(project.lang)
    named = {document_id: index for index, document_id in enumerate(handout.ids)}
    scenarios = sorted(views(documents, Scenario), key=lambda s: (named.get(s.id or "", len(named)), s.path))
    parts: list[str] = []
    images: dict[str, bytes] = {}
    for index, scenario in enumerate(scenarios):
        if index:
            parts.append(fenced(".page-break", ""))
        parts.append(scenario_markdown(scenario, images, voice(scenario.source, project), words))
    return titled(Composed("\n".join(parts), {"subtitle": words["scenarios subtitle"]}, images=images),
                  title_block(handout, project))


LAYOUT = Layout(name="scenarios", prints=("scenario",), formats=("pdf", "docx", "html"), compose=compose)
