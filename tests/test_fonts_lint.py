"""Lint tells, before a build, of a character the PDF's fonts cannot show
(an emoji, a script such as Inuktitut): at the value that holds it, or at
its line of the text, with what to do; never for a private document, and
not once the fonts folder has a font with it."""

from __future__ import annotations

import shutil

from aotext.handouts.fonts import COMMONLY_SHOWN, font_set, needs_glyph
from helpers import GOOD_REPO, MODULE, dejavu_sans, line_of, lint_json
from test_fonts import INUKTITUT

RULE = "unprintable-character"
PLANNING = "content/curriculum/planning.md"
TEXT = MODULE + f"\nGoals are what you hope to achieve.\n\nIn Inuktitut: {INUKTITUT}.\n"


def _found() -> list[dict]:
    return [problem for problem in lint_json() if problem["rule"] == RULE]


def test_a_character_no_font_has_is_told_at_its_line_with_what_to_do(repo):
    titled = TEXT.replace("title: Planning", "title: Planning ✊", 1)
    assert titled != TEXT
    repo({PLANNING: titled})
    [found] = _found()
    assert (found["severity"], found["line"]) == ("warning", line_of(titled, "title: Planning ✊"))
    # The title's fist comes first; the text's syllabics are named too, in the order they come.
    assert found["message"].startswith("the fonts cannot show '✊ ᐃ ᓄ ᒃ ᑎ ᑐ ᑦ' (Canadian Aboriginal), so the PDF "
                                       "handouts that print this document would not be made")
    assert "put a font that has them in a fonts folder and name it in aotext.yaml as 'fonts:'" in found["message"]


def test_in_the_text_the_line_is_named(repo):
    repo({PLANNING: TEXT})
    [found] = _found()
    assert found["message"].startswith(f"in the text, line {line_of(TEXT, INUKTITUT)}: the fonts cannot show")


def test_a_fonts_folder_with_a_font_that_has_them_quiets_it(repo, tmp_path):
    project = GOOD_REPO["aotext.yaml"].replace("collective: Test Collective\n",
                                               "collective: Test Collective\nfonts: fonts\n")
    repo({PLANNING: TEXT, "aotext.yaml": project})
    (tmp_path / "fonts").mkdir()
    shutil.copy(dejavu_sans(), tmp_path / "fonts")
    assert _found() == []


def test_a_private_document_is_never_asked_about(repo):
    repo({PLANNING: TEXT.replace("title: Planning", "private: true\ntitle: Planning", 1)})
    assert _found() == []


def test_what_lint_takes_as_shown_without_reading_the_fonts_is_shown():
    shown = font_set(None).shown
    assert shown is not None
    assert [hex(ord(char)) for char in COMMONLY_SHOWN if needs_glyph(char) and ord(char) not in shown] == []


def test_after_an_edit_the_cached_lint_still_counts_the_fonts_folder(repo, tmp_path):
    """A lint after one change re-checks only that file, without the project
    file: the fonts folder must count there as in a full lint."""
    from helpers import invoke

    project = GOOD_REPO["aotext.yaml"].replace("collective: Test Collective\n",
                                               "collective: Test Collective\nfonts: fonts\n")
    repo({"aotext.yaml": project})
    (tmp_path / "fonts").mkdir()
    shutil.copy(dejavu_sans(), tmp_path / "fonts")
    assert invoke("lint", "--as-of", "2026-11-24").exit_code == 0  # writes the cache
    plan = tmp_path / "content/plans/bus-plan.md"  # not a workshop document: the project file is not re-checked
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: Bus drivers campaign",
                                                             f"title: Bus drivers campaign {INUKTITUT}"), encoding="utf-8")
    again = invoke("lint", "--as-of", "2026-11-24")
    assert RULE not in again.output, again.output
