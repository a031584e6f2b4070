"""Where a dashboard may go, and writing it there.

Collectives publish build/, so the full dashboard (private material: it
names people) is never written inside it; its place is private/, a folder
that ignores itself in git. The shareable one goes to build/dashboard.html,
where build/index.html links it."""

from __future__ import annotations

from pathlib import Path

from aotext.dashboard.model import SHAREABLE_GENERATOR
from aotext.documents.records import frozen
from aotext.fsio import atomic_write_text
from aotext.private_output import PRIVATE_FOLDER, write_private
from aotext.project import BUILD_FOLDER, Project

FILE_NAME = "dashboard.html"
_INSTEAD = (f"write it elsewhere (the default is {PRIVATE_FOLDER}/{FILE_NAME}), "
            "or make the shareable one with --shareable")


def default_output(root: Path, shareable: bool) -> Path:
    return root / (BUILD_FOLDER if shareable else PRIVATE_FOLDER) / FILE_NAME


@frozen
class Written:
    """Where the page was written, and what to warn about it."""

    path: Path
    warnings: tuple[str, ...] = ()


def write_dashboard(html: str, path: Path, root: Path, shareable: bool) -> Written:
    """Write the page atomically; a full one (never into build/) readable by its owner only, and kept out of git."""
    if shareable:
        atomic_write_text(path, html)
        return Written(path)
    return Written(path, write_private(path, html.encode("utf-8"), root, "the full dashboard", _INSTEAD))


def shareable_page(folder: Path) -> Path | None:
    """The shareable dashboard in `folder`, if one is there: a page whose
    head says it is one (never a full dashboard, whatever its name)."""
    page = folder / FILE_NAME
    try:
        with page.open("rb") as stream:
            head = stream.read(2048)
    except OSError:
        return None
    return page if f'<meta name="generator" content="{SHAREABLE_GENERATOR}">'.encode() in head else None


def link_from_index(path: Path, root: Path, project: Project | None) -> str | None:
    """When a shareable page was written into build/, bring build/index.html
    up to date so that it links it; what to tell the user, if anything."""
    build = (root / BUILD_FOLDER).resolve()
    if project is None or path.resolve() != build / FILE_NAME:
        return None
    from aotext.handouts.needs import missing_handout_tools

    if missing_handout_tools():
        return f"run make handouts to link it from {BUILD_FOLDER}/index.html"
    from aotext.handouts.index import INDEX, write_index
    from aotext.handouts.render import ProcessCount, RenderError

    try:
        written = write_index(root / BUILD_FOLDER, project, ProcessCount())
    except RenderError as error:
        return f"could not bring {BUILD_FOLDER}/{INDEX} up to date: {error}"
    return f"{BUILD_FOLDER}/{INDEX} now links it" if written else None
