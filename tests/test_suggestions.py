"""'Did you mean' in bounded time: among 20,000 ids, each misspelling is
compared with at most a few hundred of them (a thousand misspelt ids once
made lint take 50 s), the same misspelling only once, and the usual slips
(a letter swapped, dropped or changed, at the start, middle or end) still
find the id that was meant."""

from __future__ import annotations

import json
import random

from aotext.words import Suggestions, closest
from helpers import PLAN, REFLECTION, invoke

WORDS = ["bus", "drivers", "yard", "north", "south", "east", "route", "school", "parents", "union", "meeting", "action", "tenants", "block"]


def ids(count: int) -> list[str]:
    """`count` ids of four words each, as a big repository's plan ids might be."""
    chooser = random.Random(7)
    found: set[str] = set()
    while len(found) < count:
        found.add("-".join(chooser.sample(WORDS, 4)))
    return sorted(found)


def slips(word: str) -> list[str]:
    middle = len(word) // 2
    return [word[1:], word[:middle] + word[middle + 1] + word[middle] + word[middle + 2:], word[:-1] + "x",
            word[:3] + word[4:]]


def test_each_misspelling_is_compared_with_a_bounded_number_of_ids():
    suggestions = Suggestions(ids(20_000))
    for word in random.Random(11).sample(suggestions.choices, 250):
        for slip in slips(word):
            suggestions.closest(slip)
    assert suggestions.compared <= 1000 * Suggestions.NEIGHBOURS  # not 1000 x 20,000


def test_the_bounded_search_suggests_what_a_search_of_every_id_would():
    known = ids(3_000)
    suggestions = Suggestions(known)
    for word in random.Random(11).sample(known, 50):
        for slip in slips(word):
            assert suggestions.closest(slip) == closest(slip, known), slip


def test_the_same_misspelling_is_looked_up_once():
    suggestions = Suggestions(ids(5_000))
    for _ in range(1000):
        suggestions.closest("bus-drivres-12-plan")
    assert suggestions.compared <= Suggestions.NEIGHBOURS


def test_a_small_set_is_searched_whole_as_before():
    known = ["bus-drivers-plan", "tenants-plan", "school-plan"]
    suggestions = Suggestions(known)
    for word in ("drivers-plan", "tennants-plan", "shool-plan", "nothing-like-it"):
        assert suggestions.closest(word) == closest(word, known)


def test_lint_suggests_the_renamed_plan_for_every_log_that_names_the_old_one(repo):
    logs = {f"content/logs/log-{number}.md": REFLECTION.replace("id: log-2026-11-20", f"id: log-{number}")
            .replace("plan: bus-plan", "plan: bus-plna") for number in range(40)}
    repo({"content/plans/bus-plan.md": PLAN, **logs})
    result = invoke("lint", "--as-of", "2026-11-24", "--format", "json")
    unknown = [p for p in json.loads(result.stdout) if p["rule"] == "unknown-reference"]
    assert len(unknown) == 40
    assert all("(did you mean 'bus-plan'?)" in problem["message"] for problem in unknown)


def test_closest_answers_as_difflib_does():
    import difflib

    known = ids(300)
    for word in random.Random(5).sample(known, 40):
        for slip in [*slips(word), word[:5], "nothing-like-it"]:
            expected = difflib.get_close_matches(slip, known, n=1, cutoff=0.6)
            assert closest(slip, known) == (expected[0] if expected else None), slip
