"""An organizing scenario: the setting, the people and the terrain of the struggle."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aotext.documents import fields
from aotext.documents.records import record
from aotext.documents.types.base import DocumentType, NewRequest, Template, View, quote, title_id
from aotext.model import KeyPath

if TYPE_CHECKING:
    from aotext.corpus import Corpus
    from aotext.documents.document import Document


@record
class Terrain:
    """The workshop's terrain questions, answered for one scenario."""

    networks: str | None
    adapting_and_resisting: str | None
    identities: str | None
    enemies: tuple[str, ...]
    allies: tuple[str, ...]
    research: str | None
    history: str | None
    understanding_of_oppression: str | None
    ideas_for_fighting_back: str | None
    repression: str | None
    ourselves: str | None


@record
class Scenario(View):
    type_name = "scenario"
    title: str
    setting: str | None
    people: str | None
    began_from: str | None
    terrain: Terrain


def read(document: Document) -> Scenario:
    data = document.data
    terrain = fields.mapping(data, "terrain")
    return Scenario(
        source=document, id=fields.text(data, "id"), title=fields.text(data, "title") or document.id or document.path,
        setting=fields.text(data, "setting"), people=fields.text(data, "people"),
        began_from=fields.text(data, "began_from"),
        terrain=Terrain(
            networks=fields.text(terrain, "networks"),
            adapting_and_resisting=fields.text(terrain, "adapting_and_resisting"),
            identities=fields.text(terrain, "identities"), enemies=fields.texts(terrain, "enemies"),
            allies=fields.texts(terrain, "allies"), research=fields.text(terrain, "research"),
            history=fields.text(terrain, "history"),
            understanding_of_oppression=fields.text(terrain, "understanding_of_oppression"),
            ideas_for_fighting_back=fields.text(terrain, "ideas_for_fighting_back"),
            repression=fields.text(terrain, "repression"), ourselves=fields.text(terrain, "ourselves"),
        ),
    )


_SAYS: dict[KeyPath, str] = {
    ("setting",): "Where this happens - the workplace, neighborhood or community.",
    ("people",): "Who is affected, and who we hope will organize.",
    ("terrain", "networks"): "How do people relate to each other? What networks exist already?",
    ("terrain", "enemies", 0): "Who is against us?",
    ("terrain", "history"): "What is the history of struggle here?",
    ("terrain", "repression"): "What kind of repression might we face?",
}


def _lines(request: NewRequest, corpus: Corpus, document_id: str) -> list[str]:
    return [
        "type: scenario", f"id: {document_id}", f"title: {quote(request.title or 'New scenario')}",
        f"setting: {_SAYS['setting',]}", f"people: {_SAYS['people',]}",
        "terrain:",
        f"  networks: {_SAYS['terrain', 'networks']}",
        "  enemies:", f"    - {_SAYS['terrain', 'enemies', 0]}",
        "  allies: []  # who could stand with us?",
        f"  history: {_SAYS['terrain', 'history']}",
        f"  repression: {_SAYS['terrain', 'repression']}",
    ]


TYPE = DocumentType(
    view=Scenario, read=read, rank=3, folder="scenarios",
    description="an organizing scenario: the place, the people, the terrain of the struggle",
    template=Template(_lines, title_id, asks=(("Title", "--title"),), placeholders=_SAYS),
)
