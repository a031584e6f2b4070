"""Where a dashboard may go, and writing it there.

Collectives publish build/, so the full dashboard (private material: it
names people) is never written inside it; its place is private/, a folder
that ignores itself in git. The shareable one goes to build/dashboard.html,
where build/index.html links it."""

from __future__ import annotations

import contextlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

from aotext.dashboard.model import SHAREABLE_GENERATOR
from aotext.errors import UsageError
from aotext.fsio import atomic_write_text, create_new
from aotext.project import BUILD_FOLDER, Project

PRIVATE_FOLDER = "private"
FILE_NAME = "dashboard.html"
# Written into private/ the first time: git then ignores everything in the
# folder, whatever the repository's own .gitignore says.
_IGNORE_ALL = "# aotext: what is written here names people; git never adds it.\n*\n"


def default_output(root: Path, shareable: bool) -> Path:
    return root / (BUILD_FOLDER if shareable else PRIVATE_FOLDER) / FILE_NAME


def check_output(path: Path, root: Path, shareable: bool) -> None:
    """Refuse to write the full dashboard where the build's published files are."""
    if not shareable and path.resolve().is_relative_to((root / BUILD_FOLDER).resolve()):
        raise UsageError(f"{path} is in {BUILD_FOLDER}/, which collectives publish, and the full dashboard names "
                         f"the people you organize: write it elsewhere (the default is {PRIVATE_FOLDER}/{FILE_NAME}), "
                         "or make the shareable one with --shareable")


@dataclass(frozen=True)
class Written:
    path: Path
    warnings: tuple[str, ...] = ()


def _keep_out_of_git(path: Path, root: Path) -> tuple[str, ...]:
    """Make private/ ignore itself; elsewhere in the repository, warn when git would add the page."""
    private = (root / PRIVATE_FOLDER).resolve()
    if path.resolve().is_relative_to(private):
        ignore = private / ".gitignore"
        if not ignore.exists():  # looked at first: making it is a file written to disk and synced
            with contextlib.suppress(FileExistsError):  # made meanwhile, or the collective's own: left as it is
                create_new(ignore, _IGNORE_ALL)
        return ()
    if not path.resolve().is_relative_to(root.resolve()):
        return ()
    try:
        checked = subprocess.run(["git", "check-ignore", "--quiet", str(path.resolve())], cwd=root,
                                 capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ()  # no git here: nothing it could add
    if checked.returncode == 1:  # 1: not ignored; 128: not a git repository
        return (f"{path} is in the repository and git does not ignore it, so a `git add` would share the names in "
                f"it: write it under {PRIVATE_FOLDER}/, or add it to .gitignore",)
    return ()


def write_dashboard(html: str, path: Path, root: Path, shareable: bool) -> Written:
    """Write the page atomically; a full one readable by its owner only, and kept out of git."""
    check_output(path, root, shareable)
    warnings = () if shareable else _keep_out_of_git(path, root)
    atomic_write_text(path, html, private=not shareable)
    return Written(path, warnings)


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
