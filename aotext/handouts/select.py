"""Which documents each handout output takes, with private documents held back
unless the user names them. What a layout prints and reads comes from the
layout registry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.handouts.layouts import Layout, layout_named
from aotext.project import Handout, Project


@dataclass(frozen=True)
class Output:
    """One file to build: a handout in one format (one per plan for the plan and report layouts)."""

    handout: Handout
    format: str
    stem: str
    documents: tuple[Document, ...]  # what the output prints (a report: its plan, then the plan's logs)
    context: tuple[Document, ...]  # read only for titles: modules of a worksheet, the scenario of a plan
    path: Path

    @property
    def layout(self) -> Layout:
        return layout_named(self.handout.layout)

    @property
    def content_key(self) -> tuple[str, str]:
        """Outputs with the same key print the same Markdown, each in its own format."""
        return self.handout.name, self.stem


def _under(document: Document, folder: Path) -> bool:
    try:
        Path(document.path).resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def chosen_documents(handout: Handout, corpus: Corpus, project: Project) -> list[Document]:
    """The documents a handout asks for, before privacy is considered."""
    wanted = layout_named(handout.layout).prints
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


def plan_outputs(project: Project, corpus: Corpus, output_dir: Path, include_private: frozenset[str],
                 only: tuple[str, ...] = ()) -> tuple[list[Output], list[str]]:
    """Every output to consider, and a note for each private document held back."""
    outputs: list[Output] = []
    notes: list[str] = []

    def shown(document: Document) -> bool:
        return visible(document, include_private)

    for handout in project.handouts:
        if only and handout.name not in only:
            continue
        layout = layout_named(handout.layout)
        chosen = chosen_documents(handout, corpus, project)
        held_back = [d for d in chosen if not shown(d)]
        notes += [
            f"{handout.name}: left out private document '{d.id}' ({d.path}); "
            f"name it with --include-private {d.id} to include it"
            for d in held_back
        ]
        selected = [d for d in chosen if shown(d)]
        if layout.per_plan:
            groups = [(f"{handout.name}-{d.id}", [d, *layout.companions([d], corpus, shown)]) for d in selected]
        else:
            groups = [(handout.name, selected)]
        for stem, documents in groups:
            if not documents:
                continue
            context = layout.context(documents, corpus, shown)
            for fmt in handout.formats:
                outputs.append(Output(handout, fmt, stem, tuple(documents), tuple(context), output_dir / f"{stem}.{fmt}"))
    return outputs, notes
