"""The project file, aotext.yaml: the collective, the workshop days and the
handouts. A typed view over its (already validated) data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aotext.corpus import entries
from aotext.model import Document

AUDIENCES = ("participant", "facilitator", "coordinator")


@dataclass(frozen=True)
class Day:
    start: str
    end: str | None = None
    date: str | None = None
    modules: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Handout:
    name: str
    title: str
    layout: str
    audience: str
    formats: tuple[str, ...]
    agenda: bool = False
    ids: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()

    def definition(self) -> dict[str, Any]:
        """Everything that decides the handout's content, for its fingerprint."""
        return {
            "name": self.name, "title": self.title, "layout": self.layout, "audience": self.audience,
            "agenda": self.agenda, "ids": list(self.ids), "types": list(self.types), "folders": list(self.folders),
        }


@dataclass(frozen=True)
class Project:
    root: Path
    collective: str
    content: str = "content"
    paper: str = "us-letter"
    on_track_ratio: float = 0.8
    workshop_title: str | None = None
    days: tuple[Day, ...] = (Day(start="09:00"),)
    handouts: tuple[Handout, ...] = field(default_factory=tuple)

    @property
    def content_dir(self) -> Path:
        return self.root / self.content

    def handout(self, name: str) -> Handout | None:
        return next((handout for handout in self.handouts if handout.name == name), None)


def day_entries(data: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, day) for the well-formed items of `workshop: days:` in project data."""
    workshop = data.get("workshop")
    return entries(workshop if isinstance(workshop, dict) else {}, "days")


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(item for item in value if isinstance(item, str)) if isinstance(value, list) else ()


def project_from(document: Document, root: Path) -> Project:
    """The project described by a parsed aotext.yaml that passed its schema."""
    data = document.data
    workshop = data.get("workshop") or {}
    days = tuple(
        Day(start=day["start"], end=day.get("end"), date=day.get("date"),
            modules=_strings(day["modules"]) if "modules" in day else None)
        for day in workshop.get("days", [])
    ) or (Day(start="09:00"),)
    handouts = tuple(
        Handout(
            name=item["name"], title=item["title"], layout=item["layout"], audience=item["audience"],
            formats=tuple(item["formats"]), agenda=bool(item.get("agenda", False)),
            ids=_strings((item.get("documents") or {}).get("ids")),
            types=_strings((item.get("documents") or {}).get("types")),
            folders=_strings((item.get("documents") or {}).get("folders")),
        )
        for item in data.get("handouts", [])
    )
    return Project(
        root=root, collective=data["collective"], content=data.get("content", "content"),
        paper=data.get("paper", "us-letter"),
        on_track_ratio=float((data.get("summary") or {}).get("on_track_ratio", 0.8)), workshop_title=workshop.get("title"), days=days, handouts=handouts,
    )
