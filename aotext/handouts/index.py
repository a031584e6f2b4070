"""build/index.html: one page that links every file the build folder holds,
by who reads it, so a collective that publishes build/ has a front page.

It lists what the build's records say it made and is still there, so it
never links a file that is missing, nor one the build did not make. It is
written with the same pandoc template as the HTML handouts, and only when
what it would list changed."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from aotext.dashboard.write import shareable_page
from aotext.documents import fields
from aotext.documents.types import TYPES, folder_of
from aotext.fsio import atomic_write
from aotext.handouts.fingerprint import digest, tool_versions
from aotext.handouts.labels import labels
from aotext.handouts.layouts import LAYOUTS
from aotext.handouts.plain import plain
from aotext.handouts.render import ProcessCount, render_html
from aotext.handouts.select import plan_stem
from aotext.handouts.state import STATE_FOLDER, Made, made_outputs
from aotext.load import load_file
from aotext.project import AUDIENCES, Handout, Project

INDEX = "index.html"
# Not a .json record: the build's records are of handouts, and the index is none.
_DIGEST = f"{INDEX}.digest"
# The labels that head each audience's handouts.
READERS = {"participant": "for participants", "facilitator": "for facilitators", "coordinator": "for coordinators"}
# The kinds of file, in the order a handout's are listed; each said by its `file:` label.
KINDS = (".html", ".pdf", ".docx", ".pptx")


def index_markdown(output_dir: Path, project: Project) -> str:
    """The index's Markdown: each audience, each handout, each of its files, in the project's language."""
    words = labels(project.lang)
    handouts = {handout.name: handout for handout in project.handouts}
    made = [item for item in made_outputs(output_dir) if item.handout in handouts]
    parts = []
    for audience in AUDIENCES:
        listed = [handout for handout in project.handouts if handout.audience == audience]
        entries = []
        for handout in listed:
            mine = sorted((item for item in made if item.handout == handout.name),
                          key=lambda item: (item.path.stem, KINDS.index(item.path.suffix)
                                            if item.path.suffix in KINDS else 9))
            if not mine:
                continue
            if not LAYOUTS[handout.layout].per_plan:
                entries.append(f"- **{plain(handout.title)}**: " + _links([item.path for item in mine], words) + "\n")
                continue
            # One line a plan, by the plan's title: several plans' files under one heading told nobody which was which.
            by_plan: dict[str, list[Made]] = {}
            for item in mine:
                by_plan.setdefault(item.path.stem, []).append(item)
            entries.append(f"- **{plain(handout.title)}**\n" + "".join(
                f"    - {plain(_plan_title(handout, items))}: "
                f"{_links([item.path for item in items], words)}\n" for items in by_plan.values()))
        if audience == "coordinator" and (page := shareable_page(output_dir)) is not None:
            entries.append(f"- **{words['shareable dashboard']}** ({words['counts only']}): "
                           f"[{page.name}]({page.name}) ({words[f'file:{page.suffix}']})\n")
        if entries:
            parts.append(f"# {words[READERS[audience]]}\n\n" + "".join(entries))
    if not parts:
        parts.append(f"{words['nothing built']}\n")
    return "\n".join(parts)


def _links(paths: list[Path], words: Mapping[str, str]) -> str:
    """Each file as a link, with its kind in words (web page, PDF, Word document ...)."""
    return "; ".join(f"[{plain(path.name)}]({path.name}) ({words.get(f'file:{path.suffix}', path.suffix)})"
                     for path in paths)


def _plan_title(handout: Handout, items: list[Made]) -> str:
    """The title of the plan a per-plan handout's files were made from: the
    plan among what the build recorded as their inputs whose files these are
    (as select.plan_stem names them); else their name."""
    stem = items[0].path.stem
    for name in items[0].inputs:
        if folder_of(name) == TYPES["plan"].folder and name.endswith(".md"):
            document = load_file(Path(name)).document
            if document is not None and plan_stem(handout, document) == stem:
                return fields.text(document.data, "title") or stem
    return stem


def write_index(output_dir: Path, project: Project, counter: ProcessCount) -> bool:
    """Write build/index.html when what it lists changed; True when it was written."""
    markdown = index_markdown(output_dir, project)
    words = labels(project.lang)
    metadata = {"title": words["index title"].format(collective=project.collective), "collective": project.collective,
                "lang": project.lang, "contents": words["contents"]}
    # Made again when what it lists changes, or what makes it: aotext's own
    # code and templates, pandoc (as every handout is).
    wanted = digest(f"{markdown}{metadata}{tool_versions(project.root).digest}".encode())
    page, record = output_dir / INDEX, output_dir / STATE_FOLDER / _DIGEST
    try:
        if page.is_file() and record.read_text(encoding="utf-8") == wanted:
            return False
    except OSError:
        pass  # no record yet: write it
    atomic_write(page, render_html(markdown, metadata, (), counter, output_dir))
    atomic_write(record, wanted.encode())
    return True
