"""`aotext new`: a new document of any type, from a template that passes lint
at once: today's date, a fresh id from the title, every required key with a
placeholder that says what to write, and an editor schema hint."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aotext.corpus import Corpus, entries, text
from aotext.model import TYPE_FOLDERS, Document
from aotext.schemas import schema_dir

DESCRIPTIONS = {
    "module": "a part of the workshop: minutes, objectives, activities; participant text and facilitator notes",
    "question": "a worksheet question, with its answer space, wired into a module's activity",
    "scenario": "an organizing scenario: the place, the people, the terrain of the struggle",
    "plan": "a campaign plan: goals, strategies, tactics and benchmarks for a scenario",
    "reflection": "the log of a reflection meeting, with a measurement slot for each of the plan's benchmarks",
    "conversation": "private notes after a one-on-one: pseudonym, assessment, the ask, the follow-up",
}


class NewDocumentError(Exception):
    """The document cannot be made as asked; the message says what to do."""


@dataclass(frozen=True)
class Request:
    type: str
    today: dt.date
    id: str | None = None
    title: str | None = None
    plan: str | None = None
    scenario: str | None = None
    module: str | None = None
    activity: str | None = None
    owner: str | None = None
    pseudonym: str | None = None


@dataclass(frozen=True)
class Created:
    path: Path
    text: str
    # (path, new text) of another document changed to use this one (a module's activity)
    also: tuple[Path, str] | None = None
    hint: str = ""  # what was changed in that other document


def slug(title: str) -> str:
    """'Bus drivers: fall plan!' -> 'bus-drivers-fall-plan'."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-") or "untitled"


def _quote(value: str) -> str:
    """A YAML scalar for any text (a JSON string is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _one_of(corpus: Corpus, type_name: str, given: str | None, option: str) -> Document:
    """The document named by an option, or the only one of its type."""
    candidates = [d.id for d in corpus.of_type(type_name) if d.id]
    if given:
        found = corpus.find(given)
        if found is None or found.type != type_name:
            names = ", ".join(candidates) or "none yet"
            raise NewDocumentError(f"there is no {type_name} '{given}'; the {type_name}s are: {names}")
        return found
    only = corpus.find(candidates[0]) if len(candidates) == 1 else None
    if only is not None:
        return only
    names = ", ".join(candidates) or f"none yet: create one with aotext new {type_name}"
    raise NewDocumentError(f"name the {type_name} with {option} ID ({names})")


def _front(request: Request, folder: Path, schemas: Path, lines: list[str]) -> str:
    # Editors with YAML language support read this line and check the keys while you type.
    hint = os.path.relpath(schemas / f"{request.type}.schema.json", folder)
    return "\n".join(["---", f"# yaml-language-server: $schema={hint}", *lines, "---", ""])


def _module(request: Request, corpus: Corpus, document_id: str) -> list[str]:
    orders = [m.data["order"] for m in corpus.of_type("module") if isinstance(m.data.get("order"), int)]
    return [
        "type: module", f"id: {document_id}", f"title: {_quote(request.title or 'New module')}",
        f"order: {max(orders, default=0) + 1}  # where it comes in the workshop: 1 is first",
        "minutes: 15  # time in the room, activities included",
        "objectives:", "  - What participants will be able to do or understand afterwards.",
        "# activities:  (each: id, title, kind, minutes, and the worksheet questions it uses)",
        "#   - id: in-groups", "#     title: Work in small groups", "#     kind: group-activity", "#     minutes: 15",
    ]


def _module_body() -> str:
    return ("Write what participants read here, in plain Markdown.\n\n::: facilitator\n"
            "Notes only facilitators see: timings, instructions for the room, questions to ask.\n:::\n")


def _scenario(request: Request, corpus: Corpus, document_id: str) -> list[str]:
    return [
        "type: scenario", f"id: {document_id}", f"title: {_quote(request.title or 'New scenario')}",
        "setting: Where this happens - the workplace, neighborhood or community.",
        "people: Who is affected, and who we hope will organize.",
        "terrain:",
        "  networks: How do people relate to each other? What networks exist already?",
        "  enemies:", "    - Who is against us?",
        "  allies: []  # who could stand with us?",
        "  history: What is the history of struggle here?",
        "  repression: What kind of repression might we face?",
    ]


def _plan(request: Request, corpus: Corpus, document_id: str) -> list[str]:
    scenario = _one_of(corpus, "scenario", request.scenario, "--scenario")
    due = request.today + dt.timedelta(days=90)
    return [
        "type: plan", f"id: {document_id}", f"title: {_quote(request.title or 'New plan')}",
        f"scenario: {scenario.id}", f"started: {request.today}", "reflect_every: 2 weeks",
        "goals:  # what we hope to achieve",
        "  - id: goal-1", "    title: What we hope to achieve.",
        "strategies:  # how we want to achieve it",
        "  - id: strategy-1", "    title: How we want to achieve it.", "    serves: [goal-1]",
        "tactics:  # the nuts and bolts to get there",
        "  - id: tactic-1", "    title: The first thing we will do.", "    serves: [strategy-1]",
        "benchmarks:  # how we know we are on our way",
        "  - id: benchmark-1", "    title: What we will count, and how many.", "    kind: numeric",
        "    measures: [tactic-1]", "    target: 1", "    unit: people", "    combine: sum  # or latest",
        f"    start: {request.today}", f"    due: {due}",
        "    if_missed: What we will do if we miss it.",
    ]


def _reflection(request: Request, corpus: Corpus, document_id: str) -> list[str]:
    plan = _one_of(corpus, "plan", request.plan, "--plan")
    lines = ["type: reflection", f"id: {document_id}", f"plan: {plan.id}", f"date: {request.today}",
             "measurements:  # fill in what you measured; leave the others empty"]
    for _, benchmark in entries(plan.data, "benchmarks"):
        if not text(benchmark, "id"):
            continue
        lines.append(f"  - benchmark: {benchmark['id']}  # {benchmark.get('title', '')}")
        if benchmark.get("kind") == "qualitative":
            scale = ", ".join(str(level) for level in benchmark.get("scale", []))
            lines.append(f"    level: null  # one of: {scale}")
        else:
            how = "newly counted since the last log" if benchmark.get("combine", "sum") == "sum" else "the current count"
            lines.append(f"    value: null  # {benchmark.get('unit', 'a number')}: {how}")
    lines += [
        "answers:",
        "  anything_changed: Has anything changed that might cause us to alter our strategy?",
        "  last_tactic: Was the last tactic effective? Why or why not?",
        "celebrate: []  # benchmarks met, events, actions, skills, new members",
        "skills_practised: []",
        "new_members: []  # each: name, first_task (small and discrete), paired_with",
    ]
    return lines


def _conversation(request: Request, corpus: Corpus, document_id: str) -> list[str]:
    if not request.owner:
        raise NewDocumentError("say who had the conversation with --owner NAME")
    lines = [
        "type: conversation", f"id: {document_id}", "private: true  # conversation notes never reach a handout or summary",
        f"date: {request.today}", f"pseudonym: {_quote(request.pseudonym or '')}  # never their real name",
        f"owner: {_quote(request.owner)}",
    ]
    if request.scenario:
        lines.append(f"scenario: {_one_of(corpus, 'scenario', request.scenario, '--scenario').id}")
    if request.plan:
        lines.append(f"plan: {_one_of(corpus, 'plan', request.plan, '--plan').id}")
    lines += [
        "steps_reached: []  # get-in-the-door, get-their-story, propose-a-vision, address-obstacles, advocate-and-assess",
        "assessment: undecided  # leader, supporter, undecided or pass",
        "ask: What you asked them to do.",
        "commitment: What they committed to, in their words if you can.",
        "follow_up:",
        f"  date: {request.today + dt.timedelta(days=7)}",
        "  how: Coffee, a meeting, a call. In person is almost always better.",
    ]
    return lines


def _next_question_number(corpus: Corpus) -> int:
    numbers = [q.data["number"] for q in corpus.of_type("question") if isinstance(q.data.get("number"), int)]
    return max(numbers, default=0) + 1


def _question(request: Request, corpus: Corpus, document_id: str) -> list[str]:
    module = _one_of(corpus, "module", request.module, "--module")
    return [
        "type: question", f"id: {document_id}", f"number: {_next_question_number(corpus)}",
        f"module: {module.id}", f"prompt: {_quote(request.title or 'The question, in plain words?')}",
        "answer_lines: 6",
    ]


_TEMPLATES: dict[str, Callable[[Request, Corpus, str], list[str]]] = {
    "module": _module, "question": _question, "scenario": _scenario, "plan": _plan,
    "reflection": _reflection, "conversation": _conversation,
}


def _base_id(request: Request, corpus: Corpus) -> str:
    if request.type == "reflection":
        return f"{request.today}-{_one_of(corpus, 'plan', request.plan, '--plan').id}"
    if request.type == "conversation":
        return f"{request.today}-{slug(request.pseudonym or 'someone')}"
    if request.type == "question":
        return f"q{_next_question_number(corpus):02d}-{slug(request.title or 'question')}"
    return slug(request.title or f"new-{request.type}")


def schemas_for(root: Path) -> Path:
    """The schema folder an editor should use: the repository's own, else aotext's."""
    return root / "schema" if (root / "schema").is_dir() else schema_dir()


def create(request: Request, corpus: Corpus, content: Path, schemas: Path) -> Created:
    """The new document (not yet written); raises NewDocumentError when it cannot be made."""
    if request.type not in _TEMPLATES:
        raise NewDocumentError(f"'{request.type}' is not a document type; use one of: {', '.join(_TEMPLATES)}")
    if request.type == "conversation" and not (request.pseudonym or "").strip():
        raise NewDocumentError("give a pseudonym with --pseudonym NAME (never a real name)")
    taken = set(corpus.by_id)
    if request.id:
        if request.id in taken:
            raise NewDocumentError(f"the id '{request.id}' is already used by {corpus.by_id[request.id][0].path}; choose another")
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", request.id):
            raise NewDocumentError(f"'{request.id}' is not a valid id: use lowercase letters, digits and hyphens")
        document_id = request.id
    else:
        document_id = _unique(_base_id(request, corpus), taken)
    folder = content / TYPE_FOLDERS[request.type]
    path = folder / f"{document_id}.md"
    if path.exists():
        raise NewDocumentError(f"{path} already exists; aotext new never overwrites a file")
    front = _front(request, folder, schemas, _TEMPLATES[request.type](request, corpus, document_id))
    body = _module_body() if request.type == "module" else "Notes, in plain Markdown.\n"
    if request.type == "question":
        module_path, module_text, hint = _wire_question(request, corpus)
        return Created(path, front + "\n" + body, (module_path, module_text), hint)
    return Created(path, front + "\n" + body)


def _wire_question(request: Request, corpus: Corpus) -> tuple[Path, str, str]:
    """Add the new question's number to an activity of its module, so the
    worksheet uses it: the module's file with one line changed or added."""
    module = _one_of(corpus, "module", request.module, "--module")
    number = _next_question_number(corpus)
    activities = list(entries(module.data, "activities"))
    if request.activity:
        activities = [(i, a) for i, a in activities if a.get("id") == request.activity]
        if not activities:
            raise NewDocumentError(f"module '{module.id}' has no activity '{request.activity}'")
    if not activities:
        raise NewDocumentError(f"module '{module.id}' has no activity to use the question; add one first "
                               "(the worksheet prints only questions an activity uses)")
    index, activity = activities[0]
    lines = Path(module.path).read_text(encoding="utf-8").split("\n")
    if "questions" in activity:
        line, column = module.position(("activities", index, "questions"))
        source = lines[line - 1]
        flow = re.fullmatch(r"(\s*questions:\s*\[)(.*)(\]\s*(#.*)?)", source)
        if not flow:
            raise NewDocumentError(f"add {number} to the questions of activity '{activity.get('id')}' "
                                   f"in {module.path} (line {line}) by hand")
        items = flow.group(2).strip()
        lines[line - 1] = f"{flow.group(1)}{items + ', ' if items else ''}{number}{flow.group(3)}"
    else:
        line, column = module.position(("activities", index, "id"))
        lines.insert(line, f"{' ' * (column - 1)}questions: [{number}]")
    return Path(module.path), "\n".join(lines), f"question {number} added to activity '{activity.get('id')}' in {module.path}"
