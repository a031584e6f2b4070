"""A record (aotext.documents.records) behaves as the frozen, keyword-only
dataclass it stands for: the typed views are compared, hashed, shown,
copied with a change, matched and pickled as they were when each was a
frozen dataclass, and refuse to be changed."""

from __future__ import annotations

import dataclasses
import pickle
from functools import cached_property
from typing import Any

import pytest

from aotext.documents.records import frozen, record


@record
class Part:
    index: int
    name: str | None
    note: str = dataclasses.field(default="", compare=False, repr=False)
    tags: tuple[str, ...] = ()


@record
class Goal(Part):
    serves: tuple[str, ...] = ()

    @cached_property
    def label(self) -> str:
        return f"{self.index}: {self.name}"


@dataclasses.dataclass(frozen=True, kw_only=True)
class FrozenPart:
    index: int
    name: str | None
    note: str = dataclasses.field(default="", compare=False, repr=False)
    tags: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class FrozenGoal(FrozenPart):
    serves: tuple[str, ...] = ()


def _both(**values: object) -> tuple[Goal, FrozenGoal]:
    return Goal(**values), FrozenGoal(**values)  # type: ignore[arg-type]


def test_equality_and_hashing_follow_the_fields_that_compare_as_a_frozen_dataclass_does():
    values = [dict(index=1, name="win", note="a"), dict(index=1, name="win", note="b"), dict(index=2, name="win"),
              dict(index=1, name=None, tags=("x",)), dict(index=1, name="win", serves=("s",)),
              dict(index=1, name=float("nan"))]
    records, frozen = zip(*(_both(**value) for value in values), strict=True)
    for first in range(len(values)):
        for second in range(len(values)):
            assert (records[first] == records[second]) == (frozen[first] == frozen[second]), (first, second)
            if frozen[first] == frozen[second]:
                assert hash(records[first]) == hash(records[second])
    assert records[0] == records[1] and hash(records[0]) == hash(records[1])  # the note does not compare
    assert records[0] != records[2] and records[0] != Part(index=1, name="win")  # another class is never equal
    assert len({records[0], records[1], records[2]}) == 2


def test_repr_shows_what_a_frozen_dataclass_shows():
    goal, frozen = _both(index=3, name="it's", note="hidden", tags=("a", "b"), serves=("s1",))
    assert repr(goal) == repr(frozen).replace("FrozenGoal(", "Goal(")
    assert "hidden" not in repr(goal)
    assert Goal.__doc__ == "Goal(*, index, name, note='', tags=(), serves=())"  # described by its fields, as help() shows


def test_a_record_refuses_changes_but_keeps_what_it_works_out():
    goal = Goal(index=1, name="win")
    with pytest.raises(dataclasses.FrozenInstanceError):
        goal.name = "lose"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del goal.name  # type: ignore[misc]
    assert goal.name == "win" and goal.label == "1: win" and goal.label is goal.label


def test_a_record_is_copied_with_a_change_matched_and_pickled_as_a_dataclass():
    goal = Goal(index=1, name="win", serves=("s",))
    changed = dataclasses.replace(goal, name="more")
    assert changed == Goal(index=1, name="more", serves=("s",)) and goal.name == "win"
    assert [spec.name for spec in dataclasses.fields(goal)] == ["index", "name", "note", "tags", "serves"]
    match goal:
        case Goal(name="win", serves=(first,)):
            assert first == "s"
        case _:
            pytest.fail("not matched by its fields")
    assert pickle.loads(pickle.dumps(goal)) == goal
    with pytest.raises(TypeError):
        Goal(1, "win")  # type: ignore[misc] # keyword-only


def _slot_class(name: str, make: Any) -> Any:
    """The same class body made by `make`: @frozen, or the frozen dataclass it stands for."""
    class Slot:
        start: int
        title: str
        notes: list[str] = dataclasses.field(default_factory=list, compare=False)
        kind: str = "module"
        _: dataclasses.KW_ONLY
        room: str | None = None

    Slot.__name__ = Slot.__qualname__ = name  # found by its name, as pickle finds it
    return make(Slot)


Slot = _slot_class("Slot", frozen)
FrozenSlot = _slot_class("FrozenSlot", dataclasses.dataclass(frozen=True))


@pytest.mark.parametrize("given", [
    ((540, "Welcome"), {}),
    ((540,), {"title": "Welcome", "kind": "break"}),
    ((), {"start": 540, "title": "Welcome", "room": "hall"}),
    ((540, "Welcome", ["bring chairs"], "break"), {"room": "hall"}),
])
def test_a_frozen_class_is_made_given_its_fields_in_order_or_by_name_as_a_frozen_dataclass(given):
    ordered, named = given
    slot, plain = Slot(*ordered, **named), FrozenSlot(*ordered, **named)
    assert dataclasses.asdict(slot) == dataclasses.asdict(plain)
    assert repr(slot) == repr(plain).replace("FrozenSlot", "Slot")
    assert (slot == Slot(*ordered, **named)) and hash(slot) == hash(Slot(*ordered, **named))
    with pytest.raises(dataclasses.FrozenInstanceError):
        slot.title = "Goodbye"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(slot)) == slot
    assert dataclasses.replace(slot, kind="break").kind == "break"
    match slot:
        case Slot(start, title):
            assert (start, title) == (540, "Welcome")


def test_a_frozen_class_refuses_what_a_frozen_dataclass_refuses_and_shares_no_default():
    for made in (Slot, FrozenSlot):
        with pytest.raises(TypeError):
            made(540)  # type: ignore[call-arg]
        with pytest.raises(TypeError):
            made(540, "Welcome", [], "break", "hall")  # type: ignore[misc]
        assert made(540, "a").notes is not made(540, "b").notes
    assert Slot.__match_args__ == FrozenSlot.__match_args__ == ("start", "title", "notes", "kind")
