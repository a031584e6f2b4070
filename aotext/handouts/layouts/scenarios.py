"""The scenarios layout: each organizing scenario for the groups, with its
setting and people, and the workshop's questions about the terrain of a
struggle answered from the scenario, as model answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from aotext.documents.document import Document
from aotext.documents.types.scenario import Scenario, Terrain
from aotext.handouts.compose import Composed, Voice, fenced, title_block, titled, views, voice
from aotext.handouts.layouts.base import Layout
from aotext.handouts.plain import plain
from aotext.project import Handout, Project
from aotext.words import anchor

# The terrain questions, as the workshop asks them (section IV, Planning), each
# with the key of the scenario's `terrain:` that answers it. Enemies and
# allies answer one question together.
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("networks", "How do people relate to each other? What organic infrastructures or networks exist already?"),
    ("adapting_and_resisting", "How have people either adapted to or resisted their conditions?"),
    ("identities", "What are the identities and social statuses of people affected?"),
    ("enemies_and_allies", "Who are the enemies and potential allies in the struggle?"),
    ("research", "What kind of research will help us better understand the terrain?"),
    ("history", "What's the history of struggle in the area?"),
    ("understanding_of_oppression", "How do people understand their oppression?"),
    ("ideas_for_fighting_back", "What ideas do people have right now about how to fight back?"),
    ("repression", "What kind of repression might we face?"),
    ("ourselves", "What do we need to know about ourselves?"),
)
# Where organizing begins (section IV), in words.
BEGINS = {
    "spontaneous-activity": "spontaneous activity around a workplace, neighborhood or community",
    "deplorable-conditions": "deplorable conditions that we see and feel there's potential to get organized to resist",
    "a-mix": "a mix: some level of spontaneity, and also some existing relationships and history of struggle",
}
NOT_ANSWERED = "*Not answered in this scenario yet.*"


def _list(label: str, items: tuple[str, ...], spoken: Voice) -> str:
    listed = "".join(f"- {plain(item)}\n" for item in items) if items else spoken.label(NOT_ANSWERED) + "\n"
    return f"**{spoken.label(label + ':')}**\n\n" + listed


def answer(terrain: Terrain, key: str, spoken: Voice) -> str:
    """The scenario's answer to one terrain question, as Markdown."""
    if key == "enemies_and_allies":
        return _list("Enemies", terrain.enemies, spoken) + "\n" + _list("Potential allies", terrain.allies, spoken)
    value: str | None = getattr(terrain, key)
    return (plain(value) if value else spoken.label(NOT_ANSWERED)) + "\n"


def scenario_markdown(scenario: Scenario, spoken: Voice) -> str:
    """The scenario, in its own language; the questions and headings aotext adds, in the handout's."""
    label = spoken.label
    parts = [f"# {plain(scenario.title)} {{#{anchor('scenario', scenario.id or scenario.path)}}}\n"]
    if scenario.setting:
        parts.append(f"**{label('Setting.')}** {plain(scenario.setting)}\n")
    if scenario.people:
        parts.append(f"**{label('People.')}** {plain(scenario.people)}\n")
    if scenario.began_from in BEGINS:
        parts.append(f"**{label('Where the organizing begins:')}** {label(BEGINS[scenario.began_from])}.\n")
    parts.append(f"## {label('The terrain: model answers')}\n")
    for key, question in QUESTIONS:
        # A heading, so that a question never ends a page without its answer.
        parts.append(f"### {label(plain(question))}\n\n{answer(scenario.terrain, key, spoken)}")
    return spoken.part("\n".join(parts))


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """Every scenario, each from a new page, in the order the handout names them (else by file)."""
    named = {document_id: index for index, document_id in enumerate(handout.ids)}
    scenarios = sorted(views(documents, Scenario), key=lambda s: (named.get(s.id or "", len(named)), s.path))
    parts: list[str] = []
    for index, scenario in enumerate(scenarios):
        if index:
            parts.append(fenced(".page-break", ""))
        parts.append(scenario_markdown(scenario, voice(scenario.source, project)))
    subtitle = "For the groups: each scenario's setting and people, and model answers to the questions about its terrain"
    return titled(Composed("\n".join(parts), {"subtitle": subtitle}), title_block(handout, project))


LAYOUT = Layout(name="scenarios", prints=("scenario",), formats=("pdf", "docx", "html"), compose=compose)
