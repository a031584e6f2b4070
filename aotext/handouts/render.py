"""Run pandoc (from the pypandoc-binary wheel) and typst (the typst wheel).

Both are called with argument lists and fixed timestamps, so the same input
gives the same bytes; their failures become RenderError with their message."""

from __future__ import annotations

import os
import re
import subprocess
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Final

from aotext.handouts.sources import markdown_line, picture_place, source_of, strip_markers
from aotext.own_files import TEMPLATES

if TYPE_CHECKING:
    import typst

TYPST_TEMPLATE = TEMPLATES / "handout.typ"
# pandoc's filters, in the order they run: the slides cut first, so that
# their facilitator blocks become speaker notes rather than boxes; each
# format's writer set right last, on what the audience may read.
LUA_FILTERS = tuple(TEMPLATES / name for name in ("slides.lua", "handout.lua", "writers.lua"))
# Read by those filters, with them.
LUA_MODULES = (TEMPLATES / "facilitator.lua",)
# pandoc's Markdown, less what aotext never means and a person writes by
# chance: a '---' line in a body starting YAML metadata; '@name' a citation
# (the PDF fails for want of a bibliography); '$5 and $10' a formula (the
# tagged PDF fails for want of its alt text); a backslash word, as in
# C:\Users, a LaTeX command, which no format prints. All print as typed.
MARKDOWN_READER = "markdown-yaml_metadata_block-citations-tex_math_dollars-raw_tex-latex_macros"
PANDOC_TIMEOUT_SECONDS = 120
# Every PDF is tagged and accessible (PDF/UA-1): typst checks the document
# against it (a title, a language, alternative text for every picture) and
# writes its structure tree, so screen readers read it in order.
PDF_STANDARD: Final = "ua-1"
# No clock time goes into any output: the same input gives the same file.
FIXED_EPOCH = 0


class RenderError(Exception):
    """pandoc or typst failed; the message is theirs, made readable."""


@dataclass
class ProcessCount:
    """How many pandoc processes and typst compilations a build started, and
    how long each took (make bench compares the build with them)."""

    pandoc: int = 0
    typst: int = 0
    seconds: list[float] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, *, pandoc: int = 0, typst: int = 0) -> None:
        with self._lock:
            self.pandoc += pandoc
            self.typst += typst

    @contextmanager
    def timed(self, *, pandoc: int = 0, typst: int = 0) -> Iterator[None]:
        """Count one run, and how long it took."""
        self.add(pandoc=pandoc, typst=typst)
        start = time.perf_counter()
        try:
            yield
        finally:
            with self._lock:
                self.seconds.append(time.perf_counter() - start)


def pandoc_binary() -> str:
    """The pandoc that ships inside the pypandoc-binary wheel (never a system one).
    Found without importing pypandoc, which imports urllib, ssl and email:
    `aotext build --list` needs only where pandoc is."""
    spec = find_spec("pypandoc")
    if spec is not None and spec.origin is not None:
        bundled = Path(spec.origin).resolve().parent / "files" / "pandoc"
        if bundled.is_file():
            return str(bundled)
    import pypandoc

    return str(pypandoc.get_pandoc_path())


class Stopped(Exception):
    """The build was asked to stop (Ctrl-C, or a signal to end) while this ran."""


class _Running:
    """The pandoc processes running now, so that a stopped build ends them
    at once instead of waiting for each to finish."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._processes: set[subprocess.Popen[bytes]] = set()
        self.stopping = False

    def start(self, command: list[str], environment: dict[str, str]) -> subprocess.Popen[bytes]:
        with self._lock:
            if self.stopping:
                raise Stopped()
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, env=environment)
            self._processes.add(process)
            return process

    def finished(self, process: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._processes.discard(process)

    def stop_all(self) -> None:
        with self._lock:
            self.stopping = True
            for process in self._processes:
                process.kill()

    def resume(self) -> None:
        with self._lock:
            self.stopping = False


RUNNING = _Running()


def run_pandoc(markdown: str, args: list[str], counter: ProcessCount) -> bytes:
    """Run pandoc on `markdown` and return what it writes to standard output."""
    filters = [argument for path in LUA_FILTERS for argument in ("--lua-filter", str(path))]
    command = [pandoc_binary(), "--from", MARKDOWN_READER, *filters, *args, "--output", "-"]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": str(FIXED_EPOCH)}
    with counter.timed(pandoc=1):
        try:
            process = RUNNING.start(command, environment)
        except OSError as error:
            raise RenderError(f"pandoc could not be started ({error.strerror}); reinstall with 'make setup'") from error
        try:
            output, errors = process.communicate(markdown.encode("utf-8"), timeout=PANDOC_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired as error:
            process.kill()
            process.communicate()
            raise RenderError(f"pandoc did not finish within {PANDOC_TIMEOUT_SECONDS} seconds") from error
        finally:
            RUNNING.finished(process)
    if RUNNING.stopping:
        raise Stopped()
    if process.returncode != 0:
        message = errors.decode("utf-8", "replace").strip() or f"exit status {process.returncode}"
        raise RenderError(f"pandoc failed: {_pandoc_place(markdown, message)}")
    return output


def _pandoc_place(markdown: str, message: str) -> str:
    """pandoc's message, with the line of the composed Markdown it names
    turned into the document and line it came from."""
    found = re.search(r"\(line (\d+), column (\d+)\)", message)
    place = markdown_line(markdown, int(found.group(1))) if found else None
    if found is None or place is None:
        return message
    return message.replace(found.group(0), f"({place[0]}, line {place[1]})")


def metadata_args(metadata: Mapping[str, str], switches: tuple[str, ...]) -> list[str]:
    args: list[str] = []
    for key, value in metadata.items():
        args += ["--metadata", f"{key}={value}"]
    for switch in switches:
        args += ["--variable", f"{switch}=true"]
    return args


def typst_source(markdown: str, metadata: Mapping[str, str], switches: tuple[str, ...], paper: str,
                 families: tuple[str, ...], counter: ProcessCount) -> bytes:
    """The handout as a Typst document in the house style, written by pandoc;
    `families` are the fonts the template tries after its own, in turn."""
    fonts = [argument for family in families for argument in ("--variable", f"font={_typst_text(family)}")]
    return run_pandoc(markdown, ["--to", "typst", "--standalone", "--template", str(TYPST_TEMPLATE),
                                 "--variable", f"paper={paper}", *fonts, *metadata_args(metadata, switches)], counter)


def _typst_text(text: str) -> str:
    """`text` as it may stand between the double quotes of a Typst string."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def compile_pdf(source: bytes, fonts: typst.Fonts, counter: ProcessCount, resources: Path) -> tuple[bytes, list[str]]:
    """PDF bytes and typst's warnings, set in `fonts` (typst's own and those
    of the project's fonts folder, never the computer's). Pictures are read
    from `resources`, which typst may not look outside of."""
    import typst

    try:
        with counter.timed(typst=1):
            # typst's stubs type the font_paths default so that mypy cannot pick an input type.
            pdf, warnings = typst.compile_with_warnings(  # type: ignore[type-var]
                source, root=str(resources), font_paths=fonts, ignore_system_fonts=True, timestamp=FIXED_EPOCH,
                pdf_standards=[PDF_STANDARD])
    except typst.TypstError as error:
        raise RenderError(_typst_failure(error, source.decode("utf-8", "replace"))) from error
    return pdf, [str(getattr(warning, "message", warning)) for warning in warnings]


# How sharp a picture typst draws for a Word file is, in pixels per inch.
PNG_PPI = 200


def svg_as_png(folder: Path, name: str, counter: ProcessCount) -> bytes:
    """The SVG picture `name` in `folder` drawn as PNG, by typst (Word shows
    SVG only in its newest versions, and pandoc needs another program to
    add a PNG beside it)."""
    import typst

    source = (f'#set page(width: auto, height: auto, margin: 0pt, fill: white)\n'
              f'#image("{name}")\n').encode()
    try:
        with counter.timed(typst=1):
            # typst's stubs type the font_paths default so that mypy cannot pick an input type.
            png: bytes = typst.compile(source, root=str(folder), format="png", ppi=PNG_PPI,  # type: ignore[call-overload]
                                       ignore_system_fonts=True)
    except typst.TypstError as error:
        raise RenderError(f"typst could not draw an SVG picture: {getattr(error, 'message', error)}") from error
    return png


def svgs_as_png(markdown: str, names: Iterable[str], folder: Path, counter: ProcessCount) -> Iterator[tuple[str, bytes]]:
    """Each SVG picture among `names` (staged in `folder`, shown in the composed
    `markdown`) drawn as PNG. One typst cannot draw is a RenderError that names
    the document and line that show it: typst's own message names no picture."""
    for name in names:
        if name.lower().endswith(".svg"):  # the report's chart, or a document's own SVG picture
            try:
                png = svg_as_png(folder, name, counter)
            except RenderError as error:
                raise RenderError(f"{error}{picture_place(markdown, name)}") from error
            yield name, png


def _typst_failure(error: Exception, source: str) -> str:
    """typst's complaint in words a person can act on: which document's text
    it could not lay out, from which line, and the text it stopped at; never
    the name of the temporary source it was given."""
    message = str(getattr(error, "message", "") or error)
    diagnostic = str(getattr(error, "diagnostic", "") or "")
    found = re.search(r"\.typ:(\d+):\d+", diagnostic)
    if found is None:
        return f"typst failed: {message}"
    line = int(found.group(1))
    lines = source.splitlines()
    shown = strip_markers(lines[line - 1]).strip() if 0 < line <= len(lines) else ""
    place = source_of(source, line)
    where = f" in the text of {place[0]} (from line {place[1]})" if place else ""
    snippet = f" near «{shown[:80]}»" if shown else ""
    hint = (" Look there for a ':::' block that is not closed, or raw Typst that is not complete."
            if place else "")
    return f"typst failed{where}: {message}{snippet}.{hint}"


HTML_TEMPLATE = TEMPLATES / "handout.html"


def render_html(markdown: str, metadata: Mapping[str, str], switches: tuple[str, ...], counter: ProcessCount,
                resources: Path) -> bytes:
    """One self-contained web page: styles inline, pictures embedded, a table
    of contents and a link anchor for every heading; it fetches nothing."""
    return run_pandoc(markdown, ["--to", "html5", "--standalone", "--template", str(HTML_TEMPLATE), "--toc",
                                 "--toc-depth", "3", "--section-divs", "--embed-resources",
                                 "--resource-path", str(resources), *metadata_args(metadata, switches)], counter)


def render_office(markdown: str, to: str, metadata: Mapping[str, str], reference: Path | None,
                  counter: ProcessCount, resources: Path) -> bytes:
    """DOCX or PPTX bytes in the style of the `reference` document, straight
    from pandoc, with pictures from `resources`."""
    args = ["--to", to, "--resource-path", str(resources), *metadata_args(metadata, ())]
    if reference is None:
        raise RenderError(f"a {to.upper()} handout needs the house reference document")
    args += ["--reference-doc", str(reference)]
    if to == "pptx":
        # A module's heading is its section slide; each of its second-level headings, a slide.
        args += ["--slide-level", "2"]
    return run_pandoc(markdown, args, counter)
