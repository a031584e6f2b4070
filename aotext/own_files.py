"""aotext's own files, its code, templates and schemas, and one digest of
them all: whether something an earlier aotext made (a built handout, a
cached lint) may still stand."""

from __future__ import annotations

import hashlib
from pathlib import Path

import aotext
from aotext import __version__
from aotext.schemas import schema_dir

# The installed aotext package: all of its Python code shapes what it makes.
PACKAGE = Path(aotext.__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
# The stylesheet every aotext web page shares: the handouts' pages (a partial of
# their template) and the dashboard.
PAGE_CSS = TEMPLATES / "page.css"


def own_files() -> list[Path]:
    """Every file of aotext's own that can change what it makes, in a fixed
    order: the Python code, the templates and the schemas."""
    code = sorted(PACKAGE.rglob("*.py"), key=lambda path: path.relative_to(PACKAGE).as_posix())
    templates = sorted(path for path in TEMPLATES.rglob("*") if path.is_file())
    schemas = sorted(schema_dir().glob("*.schema.json"))
    return [*code, *templates, *schemas]


def own_digest() -> str:
    """One digest of aotext's version and of every one of its own files."""
    hashed = hashlib.sha256(__version__.encode())
    for path in own_files():
        name = path.relative_to(PACKAGE).as_posix() if path.is_relative_to(PACKAGE) else path.name
        hashed.update(b"\0" + name.encode() + b"\0")
        try:
            hashed.update(path.read_bytes())
        except OSError:
            hashed.update(b"(unreadable)")
    return hashed.hexdigest()
