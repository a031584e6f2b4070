"""Find the document files under the folders a command is given: every
`.md` file (and encrypted `.md.age` file) outside hidden and tool folders,
READMEs aside. Only names are looked at here; aotext.load reads what is found.

A file named as Markdown but not as aotext reads it (`x.MD`, `x.markdown`)
is found too, so that reading it says so: left out, it would be missing from
every check and handout without a word."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from aotext.crypto.sealed import is_encrypted

# Folders that never hold documents (tool caches, outputs, git itself).
SKIPPED_DIRS = frozenset({"build", "node_modules", "__pycache__"})
# READMEs explain a folder to people; they are not documents.
SKIPPED_FILES = frozenset({"readme.md"})
# Names other tools give Markdown files (and Notepad's .md.txt): aotext reads
# only .md, so a document named so would be left out without a word. Such a
# file is found and reported, never read.
MISNAMED_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".md.txt")


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every Markdown document under `paths` (and any file named directly), sorted, each once."""
    return [Path(found) for found in document_names(paths, None)]


def document_names(paths: Iterable[str | os.PathLike[str]], project: str | None) -> list[str]:
    """`discover` as strings (cheaper than paths: 20,000 of them take a fiftieth
    of a second), less the project file `project` (named as it was read) when
    it lies among them: it is read as the project file, never as a document."""
    return sorted(documents_found(paths, project))


def documents_found(paths: Iterable[str | os.PathLike[str]], project: str | None) -> set[str]:
    """`document_names` in no order (sorting 20,000 names takes a quarter as
    long as finding them). Only a file of the same name can be the project
    file named again."""
    found = _found(paths)
    if project is None:
        return found
    name, resolved = os.path.basename(project), Path(project).resolve()
    for path in [path for path in found if path.endswith(name) and os.path.basename(path) == name]:
        if Path(path).resolve() == resolved:
            found.discard(path)
    return found


def _found(paths: Iterable[str | os.PathLike[str]]) -> set[str]:
    """Every document under `paths`, each once."""
    found: set[str] = set()
    for given in paths:
        start = Path(given).as_posix()  # written as Path writes it: "content", not "./content/"
        if os.path.isfile(start):
            found.add(start)
        else:
            _walk(start, found)
    return found


def _walk(folder: str, found: set[str]) -> None:
    """Add the documents in `folder` and in the folders searched below it, as
    os.walk would find them: a folder that cannot be read is passed over, a
    link to a folder is not followed. (In two thirds of os.walk's time, which
    makes every path twice: at 20,000 files, 0.02 s against 0.03 s.) A
    folder that is there but cannot be listed is found itself, so that
    reading it says so: its documents would be left out without a word."""
    try:
        listing = os.scandir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError:
        found.add(folder)
        return
    with listing:
        for entry in listing:
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                if _is_searched(entry.name) and not entry.is_symlink():
                    _walk(entry.path, found)
            elif _is_found(entry.name):
                found.add(entry.path)


def is_document_path(path: Path, folder: Path) -> bool:
    """Whether `discover([folder])` takes the file `path` (inside `folder`):
    what an editor's file events are checked against."""
    try:
        return not path.is_dir() and left_out(path, folder) is None
    except ValueError:  # not inside `folder`
        return False


def left_out(path: Path, folder: Path) -> str | None:
    """Why `discover([folder])` takes nothing of `path`, a file or a folder
    inside `folder` (named on a command line), and what to do, in words for
    its user; None when it does take it (a folder: when it looks inside)."""
    parts = path.resolve().relative_to(folder.resolve()).parts
    skipped = _skipped_folder(parts if path.is_dir() else parts[:-1])
    if skipped is not None:
        kind = "its name starts with a dot" if skipped.startswith(".") else "it holds what tools make"
        return (f"it is in the folder '{skipped}', which aotext leaves out ({kind}); if it is meant to be a "
                "document, move it out of that folder")
    if path.is_dir() or _is_found(parts[-1]):
        return None
    name = parts[-1]
    if name.startswith("."):
        return ("its name starts with a dot, as the files editors and the system keep beside documents do; if it "
                "is meant to be a document, rename it")
    if name.lower() in SKIPPED_FILES:
        return ("a README explains its folder to people, and aotext never reads it as a document; if it is meant "
                "to be one, give it another name")
    return ("only files whose names end in .md (or .md.age, encrypted) are documents; if it is meant to be one, "
            "rename it")


def _skipped_folder(folder_names: Iterable[str]) -> str | None:
    """The first of these nested folders that discover does not look inside, if any."""
    return next((name for name in folder_names if not _is_searched(name)), None)


def _is_searched(folder_name: str) -> bool:
    return not folder_name.startswith(".") and folder_name not in SKIPPED_DIRS


def _is_found(name: str) -> bool:
    """A document's name, or one that looks meant to be (reported, not read)."""
    return _is_document_name(name) or is_misnamed(name)


def _is_document_name(name: str) -> bool:
    # Hidden files are the editor's and the system's, not documents:
    # Emacs lock files (.#x.md) and macOS AppleDouble files (._x.md).
    return (name.endswith(".md") or is_encrypted(name)) and not name.startswith(".") and name.lower() not in SKIPPED_FILES


def is_misnamed(name: str) -> bool:
    """Named as Markdown, but not as aotext reads it (`x.MD`, `x.markdown`, `x.md.txt`)."""
    lower = name.lower()
    return (lower.endswith(MISNAMED_SUFFIXES) and not _is_document_name(name) and not name.startswith(".")
            and not lower.startswith("readme."))
