"""Asking at the terminal, one question at a time (questionary, on
prompt_toolkit). A wrong answer keeps what was typed and says what is wrong
under it; '?' shows the question's help (the schema's description); Ctrl-C
stops with KeyboardInterrupt and Ctrl-D with EOFError, which the command
turns into "nothing was written". Colour follows the terminal and NO_COLOR (prompt_toolkit reads it)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from aotext.schemas import schema_dir

if TYPE_CHECKING:
    from questionary import Question

T = TypeVar("T")
HELP = "?"
Check = Callable[[str], str | None]  # the problem with an answer, or None when it is fine


def schema_help(type_name: str) -> dict[str, str]:
    """Each front-matter key's description, nested keys as 'parent.key'."""
    schema = json.loads((schema_dir() / f"{type_name}.schema.json").read_text(encoding="utf-8"))
    found: dict[str, str] = {}

    def walk(properties: Mapping[str, Any], prefix: str) -> None:
        for key, value in properties.items():
            if "description" in value:
                found[prefix + key] = value["description"]
            inner = value.get("items", value)
            if isinstance(inner, Mapping) and "properties" in inner:
                walk(inner["properties"], f"{prefix}{key}.")

    walk(schema["properties"], "")
    return found


def _wrapped_problems() -> None:
    """What is wrong with an answer, under the question on as many lines as
    it takes: prompt_toolkit gives it one, which cut off what to do at 80
    columns ("... write it like 2026-12-05, today, tom"). Its prompt reads
    the toolbar's class from its module each time it asks."""
    import importlib

    from prompt_toolkit.filters import has_validation_error
    from prompt_toolkit.layout import ConditionalContainer, Window
    from prompt_toolkit.widgets import ValidationToolbar

    class WrappedValidationToolbar(ValidationToolbar):
        def __init__(self, show_position: bool = False) -> None:
            super().__init__(show_position)
            self.container = ConditionalContainer(Window(self.control, wrap_lines=True), filter=has_validation_error)

    # The module, which its package's `prompt` (the function) hides.
    prompt_module = importlib.import_module("prompt_toolkit.shortcuts.prompt")
    setattr(prompt_module, "ValidationToolbar", WrappedValidationToolbar)  # noqa: B010 - not declared for mypy


def _ctrl_d_stops(question: Question) -> Question:
    """`question` ended by Ctrl-D as its typed answers are: questionary's
    lists and yes/no ignored it, and the user was left waiting."""
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings

    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _stop(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    application = question.application
    application.key_bindings = merge_key_bindings([application.key_bindings or KeyBindings(), bindings])
    return question


class Asker:
    """The questions of one command, with their help."""

    def __init__(self, helps: Mapping[str, str]) -> None:
        self.helps = helps
        _wrapped_problems()

    def _help(self, key: str) -> str:
        return self.helps.get(key, "No more help for this question.")

    def say(self, text: str = "") -> None:
        click.echo(text)

    def text(self, key: str, message: str, default: str = "", check: Check | None = None,
             choices: Sequence[str] = (), suggested: str = "") -> str:
        """A typed answer ('' when skipped, if `check` allows it); '?' shows the help and asks again.
        `default` stands in the answer, to be edited (what the options gave);
        `suggested` is what Enter alone answers, said in the question, and
        what is typed replaces it (a pre-filled 'today' would make
        'today2026-11-28' of a date typed after it)."""
        import questionary

        def validate(answer: str) -> bool | str:
            if answer.strip() == HELP or check is None:
                return True
            problem = check(answer.strip() or suggested)
            return True if problem is None else problem

        hint = f"(Enter for {suggested}; ? for help)" if suggested else "(? for help)"
        while True:
            if choices:  # an autocomplete prompt has no instruction line: the hint goes in the question
                answer = questionary.autocomplete(f"{message} {hint}", list(choices), default=default,
                                                  validate=validate, ignore_case=True, match_middle=True).unsafe_ask()
            else:
                answer = questionary.text(message, default=default, validate=validate, instruction=hint).unsafe_ask()
            if answer.strip() != HELP:
                return str(answer).strip() or suggested
            self.say(f"  {self._help(key)}")

    def select(self, key: str, message: str, choices: Sequence[tuple[str, T]], default: T | None = None) -> T:
        import questionary

        found = [questionary.Choice(title, value) for title, value in choices]
        chosen = next((choice for choice in found if choice.value == default), None)
        value: T = _ctrl_d_stops(questionary.select(message, found, default=chosen, instruction=self._help(key),
                                                    use_shortcuts=False)).unsafe_ask()
        return value

    def checkbox(self, key: str, message: str, choices: Sequence[tuple[str, T]], ticked: Sequence[T] = ()) -> list[T]:
        """The choices ticked; those in `ticked` (what the options gave) start ticked."""
        import questionary

        found = [questionary.Choice(title, value, checked=value in ticked) for title, value in choices]
        values: list[T] = _ctrl_d_stops(questionary.checkbox(
            message, found, instruction="(space to tick, Enter when done) " + self._help(key))).unsafe_ask()
        return values

    def confirm(self, message: str, default: bool = True) -> bool:
        import questionary

        return bool(_ctrl_d_stops(questionary.confirm(message, default=default)).unsafe_ask())

    def many(self, key: str, message: str, given: Sequence[str] = ()) -> list[str]:
        """Answers one after another until an empty one, after those `given` (by the options), which are kept."""
        found = list(given)
        for answer in found:
            self.say(f"  {answer}")
        while answer := self.text(key, f"{message} ({'more, or ' if found else ''}Enter when done)"):
            found.append(answer)
        return found
