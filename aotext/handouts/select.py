"""Which documents each handout output takes, with private documents held back
unless the user names them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath

from aotext.corpus import Corpus
from aotext.model import Document
from aotext.project import Handout, Project

# The document types each layout prints.
LAYOUT_TYPES = {"workshop": ("module",), "slides": ("module",), "worksheet": ("question",), "plan": ("plan",),
                "report": ("plan",)}
# Layouts that make one output for each plan they take.
PER_PLAN = ("plan", "report")


@dataclass(frozen=True)
class Output:
    """One file to build: a handout in one format (one per plan for the plan and report layouts)."""

    handout: Handout
    format: str
    stem: str
    documents: tuple[Document, ...]  # what the output prints (a report: its plan, then the plan's logs)
    context: tuple[Document, ...]  # read only for titles: modules of a worksheet, the scenario of a plan
    path: Path


def _under(document: Document, folder: Path) -> bool:
    try:
        Path(document.path).resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def chosen_documents(handout: Handout, corpus: Corpus, project: Project) -> list[Document]:
    """The documents a handout asks for, before privacy is considered."""
    wanted = LAYOUT_TYPES[handout.layout]
    if not handout.ids and not handout.types and not handout.folders:
        return [d for d in corpus.documents if d.type in wanted]
    chosen = {d.path: d for d_id in handout.ids for d in corpus.by_id.get(d_id, [])[:1]}
    chosen.update({d.path: d for type_name in handout.types for d in corpus.of_type(type_name)})
    for folder in handout.folders:
        root = project.content_dir / PurePath(folder)
        chosen.update({d.path: d for d in corpus.documents if _under(d, root)})
    return sorted((d for d in chosen.values() if d.type in wanted), key=lambda d: d.path)


def visible(document: Document, include_private: frozenset[str]) -> bool:
    return not document.private or document.id in include_private


def _context(output_documents: list[Document], handout: Handout, corpus: Corpus,
             include_private: frozenset[str]) -> list[Document]:
    """Documents read only for context: module titles for the worksheet, the scenario of a plan."""
    if handout.layout == "worksheet":
        return [m for m in corpus.of_type("module") if visible(m, include_private)]
    if handout.layout == "plan":
        scenario = corpus.find(output_documents[0].data.get("scenario"))
        return [scenario] if scenario and visible(scenario, include_private) else []
    return []


def _plan_logs(plan: Document, handout: Handout, corpus: Corpus, include_private: frozenset[str]) -> list[Document]:
    """The reflection logs a benchmark report reads (none for a one-page plan)."""
    if handout.layout != "report":
        return []
    return [log for log in corpus.of_type("reflection")
            if log.data.get("plan") == plan.id and visible(log, include_private)]


def plan_outputs(project: Project, corpus: Corpus, output_dir: Path, include_private: frozenset[str],
                 only: tuple[str, ...] = ()) -> tuple[list[Output], list[str]]:
    """Every output to consider, and a note for each private document held back."""
    outputs: list[Output] = []
    notes: list[str] = []
    for handout in project.handouts:
        if only and handout.name not in only:
            continue
        chosen = chosen_documents(handout, corpus, project)
        held_back = [d for d in chosen if not visible(d, include_private)]
        notes += [
            f"{handout.name}: left out private document '{d.id}' ({d.path}); "
            f"name it with --include-private {d.id} to include it"
            for d in held_back
        ]
        shown = [d for d in chosen if visible(d, include_private)]
        if handout.layout in PER_PLAN:
            groups = [(f"{handout.name}-{d.id}", [d, *_plan_logs(d, handout, corpus, include_private)]) for d in shown]
        else:
            groups = [(handout.name, shown)]
        for stem, documents in groups:
            if not documents:
                continue
            context = _context(documents, handout, corpus, include_private)
            for fmt in handout.formats:
                outputs.append(Output(handout, fmt, stem, tuple(documents), tuple(context), output_dir / f"{stem}.{fmt}"))
    return outputs, notes
