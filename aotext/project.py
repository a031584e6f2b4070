"""The project file (aotext.yaml by default): the collective, where the
content is, the workshop days and the handouts. A typed view over its data,
read tolerantly like every document's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import field
from pathlib import Path
from typing import Any, Literal, get_args

from aotext.documents import fields
from aotext.documents.document import Document
from aotext.documents.records import frozen

Audience = Literal["participant", "facilitator", "coordinator"]
AUDIENCES: tuple[Audience, ...] = get_args(Audience)
Paper = Literal["us-letter", "a4"]
# The languages aotext prints its own words in (aotext.handouts.labels has them), and that
# a document may say it is written in (its part of a handout is marked so).
Language = Literal["en", "es"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_CONTENT = "content"
# Where `aotext build` writes, unless told otherwise: the folder collectives publish.
BUILD_FOLDER = "build"
DEFAULT_START = "09:00"
DEFAULT_ON_TRACK_RATIO = 0.8
# "Follow up always": days between contacts by a person's latest assessment
# (None: never), unless the project file's `followups: cadence:` says otherwise.
DEFAULT_CADENCE: dict[str, int | None] = {"leader": 14, "supporter": 21, "undecided": 30, "pass": None}
NEVER = "never"
_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


@frozen
class Day:
    """One workshop day of the project file: when it starts and ends, its date and the modules it lists."""

    start: str
    end: str | None = None
    date: str | None = None
    modules: tuple[str, ...] | None = None


@frozen
class Handout:
    """One handout the project file asks for: its layout, audience, formats and the documents it takes."""

    name: str
    title: str
    layout: str
    audience: Audience
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


@frozen
class Project:
    """The project file as read: the collective, where its content is, and how its handouts and pages are made."""

    root: Path
    collective: str
    content: str = DEFAULT_CONTENT
    paper: Paper = "us-letter"
    on_track_ratio: float = DEFAULT_ON_TRACK_RATIO
    workshop_title: str | None = None
    days: tuple[Day, ...] = (Day(start=DEFAULT_START),)
    handouts: tuple[Handout, ...] = field(default_factory=tuple)
    # The handouts' language: hyphenation, and what screen readers and the tagged PDF say it is.
    lang: Language = "en"
    # A folder of font files the PDF handouts may use besides typst's own, relative to the project file.
    fonts: str | None = None
    # The project file, as messages name it.
    file: str | None = None
    # (assessment, days between contacts or None for never), every assessment once.
    cadence: tuple[tuple[str, int | None], ...] = tuple(DEFAULT_CADENCE.items())

    @property
    def content_dir(self) -> Path:
        return self.root / self.content

    @property
    def fonts_dir(self) -> Path | None:
        return self.root / self.fonts if self.fonts else None

    @property
    def cadence_days(self) -> dict[str, int | None]:
        return dict(self.cadence)

    def handout(self, name: str) -> Handout | None:
        return next((handout for handout in self.handouts if handout.name == name), None)


def language(data: fields.Data) -> Language | None:
    """The language `lang:` names, if it is one aotext knows (the schema reports any other)."""
    return next((known for known in LANGUAGES if known == data.get("lang")), None)


def day_entries(data: fields.Data) -> Iterator[tuple[int, fields.Data]]:
    """(index, day) for the mapping items of `workshop: days:` in project data."""
    return fields.items(fields.mapping(data, "workshop"), "days")


def _clock(data: fields.Data, key: str) -> str | None:
    value = fields.text(data, key)
    return value if value and _CLOCK.match(value) else None


def timed_days(data: fields.Data) -> list[tuple[int, Day]]:
    """(index, day) for the days well formed enough to time; the schema reports the rest."""
    days = []
    for index, item in day_entries(data):
        start = _clock(item, "start")
        if start is None:
            continue
        modules = fields.texts(item, "modules") if isinstance(item.get("modules"), list) else None
        days.append((index, Day(start=start, end=_clock(item, "end"), date=fields.text(item, "date"), modules=modules)))
    return days


def _handout(item: fields.Data) -> Handout | None:
    name, layout, audience = fields.text(item, "name"), fields.text(item, "layout"), item.get("audience")
    level = next((known for known in AUDIENCES if known == audience), None)
    if name is None or layout is None or level is None:
        return None
    chosen = fields.mapping(item, "documents")
    return Handout(name=name, title=fields.text(item, "title") or name, layout=layout, audience=level,
                   formats=fields.texts(item, "formats"), agenda=fields.flag(item, "agenda") is True,
                   ids=fields.texts(chosen, "ids"), types=fields.texts(chosen, "types"),
                   folders=fields.texts(chosen, "folders"))


def _cadence(data: fields.Data) -> tuple[tuple[str, int | None], ...]:
    """The contact cadence: each assessment's days from the project file when
    they are a whole number or 'never' (the schema reports anything else), else its default."""
    given = fields.mapping(fields.mapping(data, "followups"), "cadence")
    found: dict[str, int | None] = dict(DEFAULT_CADENCE)
    for level in DEFAULT_CADENCE:
        value = given.get(level)
        if value == NEVER:
            found[level] = None
        elif isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            found[level] = value
    return tuple(found.items())


def read_project(document: Document, root: Path) -> Project:
    """The project a parsed project file describes; `root` is its folder."""
    data = document.data
    workshop = fields.mapping(data, "workshop")
    ratio = fields.number(fields.mapping(data, "summary"), "on_track_ratio")
    return Project(
        root=root, collective=fields.text(data, "collective") or "", content=fields.text(data, "content") or DEFAULT_CONTENT,
        paper="a4" if data.get("paper") == "a4" else "us-letter",
        lang=language(data) or "en", fonts=fields.text(data, "fonts"), file=document.path,
        on_track_ratio=DEFAULT_ON_TRACK_RATIO if ratio is None else ratio,
        workshop_title=fields.text(workshop, "title"),
        days=tuple(day for _, day in timed_days(data)) or (Day(start=DEFAULT_START),),
        cadence=_cadence(data),
        handouts=tuple(handout for _, item in fields.items(data, "handouts") if (handout := _handout(item))),
    )
