"""Rules for the project file (aotext.yaml): a workshop day fits its hours,
every module is scheduled once, each handout asks for formats its layout
can make and for documents its layout prints, no two handouts write the
same file, and the fonts folder holds fonts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from aotext.agenda import MIDNIGHT, AgendaDay, build_agenda, clock
from aotext.corpus import Corpus
from aotext.documents import fields
from aotext.documents.document import Document
from aotext.documents.types import TYPES
from aotext.documents.types.module import Module
from aotext.handouts.fonts import FONT_SUFFIXES, font_files, is_font
from aotext.model import KeyPath
from aotext.project import Day, Handout, Project, day_entries, read_project, timed_days
from aotext.rules.base import Finding, rule
from aotext.words import did_you_mean, plural


def _agenda(corpus: Corpus) -> list[tuple[Document, int, Day, AgendaDay]]:
    """(project file, index, day as written, day as timed) for each workshop
    day, worked out once for the rules that check the agenda's times."""
    def timed() -> list[tuple[Document, int, Day, AgendaDay]]:
        project = corpus.checked_project
        if project is None:
            return []
        days = timed_days(project.data)
        agenda = build_agenda(corpus.all_everywhere(Module), [day for _, day in days])
        return [(project, index, day, found) for (index, day), found in zip(days, agenda, strict=True)]
    return corpus.memo("timed-agenda", timed)


@rule("agenda-overrun", "a workshop day whose modules and breaks run past the day's end")
def agenda_overrun(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for project, index, day, timed in _agenda(corpus):
        if timed.overrun:
            yield project, ("workshop", "days", index, "end"), (
                f"day {index + 1} runs until {clock(timed.finish)}, {plural(timed.overrun, 'minute')} past its end at "
                f"{day.end}: shorten some modules, move some to another day, or end the day later"
            )


@rule("agenda-day-order", "a workshop day dated before the day listed before it")
def agenda_day_order(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    project = corpus.checked_project
    if project is None:
        return
    previous: tuple[int, dt.date] | None = None
    for index, item in day_entries(project.data):
        day = fields.date(item, "date")
        if day is None:
            continue  # no date, or one the schema reports
        if previous is not None and day < previous[1]:
            yield project, ("workshop", "days", index, "date"), (
                f"day {index + 1} is dated {day}, before day {previous[0] + 1} ({previous[1]}), and the agenda prints "
                "the days in the order listed: correct the date, or list the days in the order they come")
        previous = (index, day)


@rule("agenda-past-midnight", "a workshop day with no end whose modules run past midnight")
def agenda_past_midnight(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for project, index, day, timed in _agenda(corpus):
        # A day with an end is held to it by agenda-overrun.
        if day.end is None and timed.finish > MIDNIGHT:
            yield project, ("workshop", "days", index, "start"), (
                f"day {index + 1} starts at {day.start} and runs past midnight, until {clock(timed.finish)}, which "
                "the agenda would print under the same date: start the day earlier, or move some modules to "
                "another day")


@rule("agenda-modules", "a module that no workshop day lists, or that is listed twice, when the days list their modules")
def agenda_modules(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    project = corpus.checked_project
    days = timed_days(project.data) if project else []
    # One day without a list runs every module: nothing to check.
    if project is None or not days or (len(days) == 1 and days[0][1].modules is None):
        return
    first_day: dict[str, int] = {}
    for index, day in days:
        if day.modules is None:
            yield project, ("workshop", "days", index), (
                f"the workshop has {len(days)} days, so day {index + 1} must list its modules under 'modules:'"
            )
            continue
        for position, module_id in enumerate(day.modules):
            if module_id in first_day:
                where = "already on this day" if first_day[module_id] == index else \
                    f"already on day {first_day[module_id] + 1}"
                yield project, ("workshop", "days", index, "modules", position), (
                    f"module '{module_id}' is {where}; list each module once"
                )
            first_day.setdefault(module_id, index)
    missing = ("is not on any day of the workshop, so the agenda leaves it out; add it to a day's 'modules:'"
               if len(days) > 1 else "is not in the day's 'modules:', so the agenda leaves it out; add it there, "
               "or remove 'modules:' to run every module")
    for module in corpus.all_everywhere(Module):
        if module.id and module.id not in first_day:
            yield project, ("workshop", "days"), f"module '{module.id}' {missing}"


@rule("handout-format", "a handout asks for a format its layout cannot make (pptx is for slides only, and slides are only pptx)")
def handout_format(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    project = corpus.checked_project
    if project is None:
        return
    from aotext.handouts.layouts import LAYOUTS  # the one place that knows what each layout can make

    for index, handout in fields.items(project.data, "handouts"):
        layout = LAYOUTS.get(str(handout.get("layout")))
        if layout is None:
            continue  # the schema reports an unknown layout
        for position, name in fields.indexed_texts(handout, "formats"):
            if name not in layout.formats:
                yield project, ("handouts", index, "formats", position), (
                    f"handout '{handout.get('name')}' has the {layout.name} layout, which is made as "
                    f"{' and '.join(layout.formats)}, not {name}"
                )


def _plural(type_names: Sequence[str]) -> str:
    return " and ".join(f"{name}s" for name in type_names)


def _project(corpus: Corpus) -> Project | None:
    document = corpus.checked_project
    return read_project(document, Path(document.path).parent) if document is not None else None


@rule("handout-selection", "a handout's 'documents:' names documents its layout does not print, or takes none at all")
def handout_selection(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    document, project = corpus.checked_project, _project(corpus)
    if document is None or project is None:
        return
    selecting = [(index, item) for index, item in fields.items(document.data, "handouts")
                 if isinstance(item.get("documents"), dict) and project.handout(fields.text(item, "name") or "")]
    if not selecting:
        return
    # Only a project whose handouts select documents pays for loading the layouts.
    from aotext.handouts.layouts import LAYOUTS
    from aotext.handouts.select import chosen_documents, folder_root, under

    for index, item in selecting:
        handout = project.handout(fields.text(item, "name") or "")
        layout = LAYOUTS.get(handout.layout) if handout else None
        if handout is None or layout is None:
            continue  # the schema reports a handout it cannot read
        where: KeyPath = ("handouts", index, "documents")
        chosen = fields.mapping(item, "documents")
        prints = f"the {layout.name} layout prints only {_plural(layout.prints)}"
        found = []
        for position, document_id in fields.indexed_texts(chosen, "ids"):
            target = corpus.find(document_id)
            if target is not None and target.type not in layout.prints:
                found.append(((*where, "ids", position), f"handout '{handout.name}' takes '{document_id}', a "
                               f"{target.type} ({target.path}), but {prints}: take it out of 'ids:'"))
        for position, type_name in fields.indexed_texts(chosen, "types"):
            if type_name in TYPES and type_name not in layout.prints:
                found.append(((*where, "types", position), f"handout '{handout.name}' takes every {type_name}, but "
                               f"{prints}: take '{type_name}' out of 'types:'"))
        for position, folder in fields.indexed_texts(chosen, "folders"):
            root = folder_root(project, folder)
            inside = {d.type for d in corpus.everything() if d.type and under(d.path, root)}
            if not inside & set(layout.prints):
                holds = f"it holds only {_plural(sorted(inside))}" if inside else (
                    f"there is no document under {root.as_posix()}{did_you_mean(folder, _folders(corpus, project))}")
                found.append(((*where, "folders", position), f"handout '{handout.name}' takes the {layout.prints[0]}s "
                               f"under '{folder}', but {holds}: correct the folder in 'folders:'"))
        unknown_ids = any(corpus.find(document_id) is None for document_id in fields.texts(chosen, "ids"))
        if not found and not unknown_ids and not chosen_documents(handout, corpus, project):
            found.append((where, f"handout '{handout.name}' takes no document: its 'documents:' selects no "
                                 f"{_plural(layout.prints)}, so it would build nothing"))
        for key_path, message in found:
            yield document, key_path, message


def _folders(corpus: Corpus, project: Project) -> list[str]:
    """Every folder that holds documents, relative to the content folder, for a "did you mean"."""
    content = project.content_dir.resolve()
    found: set[str] = set()
    for document in corpus.everything():
        folder = Path(document.path).resolve().parent
        if folder.is_relative_to(content):
            found.update(parent.relative_to(content).as_posix() for parent in (folder, *folder.parents)
                         if parent.is_relative_to(content) and parent != content)
    return sorted(found)


# Web pages aotext writes into the build folder besides the handouts: a
# handout of the same name would be overwritten by them, or overwrite them.
RESERVED_PAGES = {"index": "the front page that links every handout",
                  "dashboard": "the shareable dashboard ('aotext dashboard --shareable')"}


@rule("handout-file-clash", "two handouts would write the same file, such as handout 'plan-bus' and the plan handout "
      "'plan' for plan 'bus', or a handout would write index.html or dashboard.html, aotext's own pages")
def handout_file_clash(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    document, project = corpus.checked_project, _project(corpus)
    if document is None or project is None:
        return
    entries = [(index, handout) for index, item in fields.items(document.data, "handouts")
               if (handout := project.handout(fields.text(item, "name") or "")) is not None]
    yield from _reserved_pages(document, entries)
    # Files can clash only when one name starts with another and a dash: only
    # then are the layouts loaded to find each handout's files.
    pairs = [(first, second) for first in entries for second in entries
             if first[0] < second[0] and first[1].name != second[1].name  # the same name is a duplicate-id
             and (first[1].name.startswith(f"{second[1].name}-") or second[1].name.startswith(f"{first[1].name}-"))]
    if not pairs:
        return
    from aotext.handouts.layouts import LAYOUTS
    from aotext.handouts.select import chosen_documents, plan_stem

    def files(handout: Handout) -> dict[str, str]:
        """file name -> what it is made for, of every file the handout writes."""
        layout = LAYOUTS.get(handout.layout)
        if layout is None:
            return {}
        if not layout.per_plan:
            return {f"{handout.name}.{fmt}": "" for fmt in handout.formats}
        plans = chosen_documents(handout, corpus, project)
        return {f"{plan_stem(handout, plan)}.{fmt}": f" (for plan '{plan.id}')" for plan in plans for fmt in handout.formats}

    for (first_index, first), (second_index, second) in pairs:
        first_files, second_files = files(first), files(second)
        for name in sorted(set(first_files) & set(second_files))[:1]:
            message = (f"handouts '{first.name}'{first_files[name]} and '{second.name}'{second_files[name]} would "
                       f"both write {name} in the build folder: give one of them another name")
            yield document, ("handouts", first_index, "name"), message
            yield document, ("handouts", second_index, "name"), message


def _reserved_pages(document: Document, entries: list[tuple[int, Handout]]) -> Iterator[Finding]:
    """A web page handout named as one of aotext's own pages. A layout made
    for each plan adds the plan's id to the name, so only the others can clash."""
    from aotext.handouts.layouts import LAYOUTS

    for index, handout in entries:
        layout = LAYOUTS.get(handout.layout) if handout.name in RESERVED_PAGES else None
        if layout is not None and not layout.per_plan and "html" in handout.formats:
            yield document, ("handouts", index, "name"), (
                f"handout '{handout.name}' would write {handout.name}.html in the build folder, where aotext writes "
                f"its own {handout.name}.html, {RESERVED_PAGES[handout.name]}: one would overwrite the other, "
                "so give the handout another name")


@rule("fonts-folder", "the project file's 'fonts:' names a folder that is not there, holds no font files, or holds a file that is not a font")
def fonts_folder(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    document, project = corpus.checked_project, _project(corpus)
    folder = project.fonts_dir if project else None
    if document is None or project is None or folder is None:
        return
    named = f"the fonts folder '{project.fonts}'"
    if not folder.is_dir():
        looked = f" (aotext looked for {folder.as_posix()})" if folder.as_posix() != project.fonts else ""
        there = "is a file, not a folder" if folder.exists() else f"does not exist{looked}"
        yield document, ("fonts",), (f"{named} {there}: make the folder and put the font files in it (see README, "
                                     "'Fonts'), or take 'fonts:' out")
        return
    files = font_files(folder)
    if not files:
        yield document, ("fonts",), (f"{named} holds no font files ({', '.join(FONT_SUFFIXES)}): put the fonts in it "
                                     "(see README, 'Fonts')")
    for path in files:
        if not is_font(path):
            yield document, ("fonts",), (f"{path.as_posix()} in {named} is not a font file (a download that went wrong "
                                         "is often a web page): download it again, or remove it")
