"""The worksheet layout: the questions grouped under their module, each with
room to write the answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.handouts.compose import Composed, escape, fenced, module_label, modules_in_order, title_block, titled
from aotext.handouts.images import printed_body
from aotext.handouts.layouts.base import Layout, Shown
from aotext.project import Handout, Project

DEFAULT_ANSWER_LINES = 6


def _modules(documents: Sequence[Document], corpus: Corpus, shown: Shown) -> list[Document]:
    """Every module the user may see: the worksheet prints their titles as headings."""
    return [module for module in corpus.of_type("module") if shown(module)]


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """Questions grouped under their module, each with its answer space."""
    modules = {m.id: m for m in context}
    order = {m.id: index for index, m in enumerate(modules_in_order(context))}
    questions = sorted(documents, key=lambda q: (order.get(q.data.get("module"), len(order)), q.data.get("number", 0)))
    parts: list[str] = []
    images: dict[str, bytes] = {}
    current: object = object()
    for question in questions:
        module_id = question.data.get("module")
        if module_id != current:
            current = module_id
            module = modules.get(module_id)
            parts.append(f"# {escape(module_label(module)) if module else 'Other questions'}\n")
        prompt = f"**{question.data.get('number')}. {escape(question.data.get('prompt', ''))}**\n"
        body = printed_body(question, images).strip()
        hint = body + "\n" if body else ""
        lines = question.data.get("answer_lines", DEFAULT_ANSWER_LINES)
        parts.append(fenced(".question", prompt + "\n" + hint + "\n" + f"::: {{.answer-lines lines={lines}}}\n:::\n"))
    return titled(Composed("\n".join(parts), images=images), title_block(handout, project))


LAYOUT = Layout(name="worksheet", prints=("question",), formats=("pdf", "docx"), compose=compose,
                context_types=("module",), context=_modules)
