"""Which documents each handout output takes, with private documents held back
unless the user names them. What a layout prints and reads comes from the
layout registry."""

from __future__ import annotations

from pathlib import Path, PurePath

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.handouts.layouts import Layout, layout_named
from aotext.project import Handout, Project


@frozen
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


def under(path: str, folder: Path) -> bool:
    """Whether the file at `path` lies in `folder` (at any depth)."""
    return Path(path).resolve().is_relative_to(folder.resolve())


def selects(handout: Handout) -> bool:
    """Whether the handout names its documents (`documents:`) rather than taking every one its layout prints."""
    return bool(handout.ids or handout.types or handout.folders)


def folder_root(project: Project, folder: str) -> Path:
    """Where a `documents: folders:` entry points: relative to the content folder."""
    return project.content_dir / PurePath(folder)


def chosen_documents(handout: Handout, corpus: Corpus, project: Project, sealed: bool = False) -> list[Document]:
    """The documents a handout asks for, before privacy is considered
    (`sealed`: the encrypted ones no key here opens, instead)."""
    wanted = layout_named(handout.layout).prints
    pool = corpus.sealed if sealed else corpus.everything()
    if not selects(handout):
        return [d for d in pool if d.type in wanted]
    chosen = {d.path: d for d_id in handout.ids for d in corpus.by_id.get(d_id, [])[:1] if d.sealed == sealed}
    chosen.update({d.path: d for d in pool if d.type in handout.types})
    for folder in handout.folders:
        root = folder_root(project, folder)
        chosen.update({d.path: d for d in pool if under(d.path, root)})
    return sorted((d for d in chosen.values() if d.type in wanted), key=lambda d: d.path)


def visible(document: Document, include_private: frozenset[str]) -> bool:
    return not document.private or document.id in include_private


def plan_stem(handout: Handout, plan: Document) -> str:
    """The file name, less its extension, of a per-plan layout's output for one plan."""
    return f"{handout.name}-{plan.id}"


def handout_outputs(handout: Handout, project: Project, corpus: Corpus, output_dir: Path,
                    include_private: frozenset[str]) -> tuple[list[Output], list[str]]:
    """The outputs of one handout, and a note for each private document held back."""
    def shown(document: Document) -> bool:
        return visible(document, include_private)

    def held_back(document: Document) -> str:
        return (f"{handout.name}: left out private document '{document.id}' ({document.path}); "
                f"name it with --include-private {document.id} to include it")

    layout = layout_named(handout.layout)
    chosen = chosen_documents(handout, corpus, project)
    notes = [held_back(d) for d in chosen if not shown(d)] + [
        f"{handout.name}: left out private document '{d.id}' ({d.path}), which is encrypted and which no key here "
        "opens; to include it, build with a key that opens it and --include-private " + (d.id or "")
        for d in chosen_documents(handout, corpus, project, sealed=True)
    ]
    selected = [d for d in chosen if shown(d)]
    if layout.per_plan:
        groups = []
        for plan in selected:
            # A plan's companions (its report's logs) held back are said too, as the documents chosen are.
            companions = layout.companions([plan], corpus, lambda _: True)
            notes += [held_back(d) for d in companions if not shown(d)]
            groups.append((plan_stem(handout, plan), [plan, *(d for d in companions if shown(d))]))
    else:
        groups = [(handout.name, selected)]
    outputs = []
    for stem, documents in groups:
        if not documents:
            continue
        context = layout.context(documents, corpus, shown)
        outputs += [Output(handout, fmt, stem, tuple(documents), tuple(context), output_dir / f"{stem}.{fmt}")
                    for fmt in handout.formats]
    return outputs, notes
