"""The worksheet layout: the questions grouped under their module, each with
room to write the answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.types.module import Module
from aotext.documents.types.question import Question, worksheet_order
from aotext.handouts.compose import (
    Composed,
    beneath,
    escape,
    fenced,
    modules_in_order,
    title_block,
    titled,
    views,
    voice,
)
from aotext.handouts.images import printed_body
from aotext.handouts.labels import labels
from aotext.handouts.layouts.base import Layout, Shown
from aotext.project import Handout, Project


def _modules(documents: Sequence[Document], corpus: Corpus, shown: Shown) -> list[Document]:
    """Every module the user may see: the worksheet prints their titles as headings."""
    return [module.source for module in corpus.all(Module) if shown(module.source)]


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """Questions grouped under their module, each with its answer space."""
    modules = {module.id: module for module in views(context, Module)}
    questions = worksheet_order(views(documents, Question), modules_in_order(context))
    parts: list[str] = []
    images: dict[str, bytes] = {}
    current: object = object()
    for question in questions:
        if question.module != current:
            current = question.module
            module = modules.get(question.module)
            parts.append(voice(module.source, project).part(f"# {escape(module.label)}\n") if module
                         else f"# {labels(project.lang)['other questions']}\n")
        prompt = f"**{question.number}. {escape(question.prompt)}**\n"
        body = printed_body(question.source, images).strip()
        hint = beneath(1, body)  # under its module's heading
        lines = question.answer_lines
        asked = voice(question.source, project).part(prompt + "\n" + hint)
        parts.append(fenced(".question", asked + "\n" + f"::: {{.answer-lines lines={lines}}}\n:::\n"))
    return titled(Composed("\n".join(parts), images=images), title_block(handout, project))


LAYOUT = Layout(name="worksheet", prints=("question",), formats=("pdf", "docx", "html"), compose=compose,
                context_types=("module",), context=_modules)
